/**
 * The text of a PDF written by pdfkit, for tests: each text-showing operator's glyphs decoded through its font's
 * ToUnicode map, one line per operator (an Arabic line drawn as several runs comes out as several lines, each
 * run's letters in visual order). Enough to check that a reference or a reason is printed, not a general parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<string, PdfObject> {
  const source = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  for (const match of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(match[1]!, { dict: body, stream: null });
      continue;
    }
    let start = match.index! + match[0].indexOf(body) + at + 'stream'.length;
    if (source[start] === '\r') start++;
    if (source[start] === '\n') start++;
    const end = source.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let stream: Buffer = raw;
    if (body.slice(0, at).includes('/FlateDecode'))
      try {
        stream = inflateSync(raw);
      } catch {
        stream = raw;
      }
    objects.set(match[1]!, { dict: body.slice(0, at), stream });
  }
  return objects;
}

/** A ToUnicode CMap's glyph → text map (bfchar and bfrange, both forms). */
function cmapOf(text: string): Map<number, string> {
  const map = new Map<number, string>();
  // A ligature's entry holds several characters, written `<0066 0066 0069>`.
  const chars = (hex: string) =>
    String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(m[1]!, 16), chars(m[2]!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = Number.parseInt(m[1]!, 16);
      const to = Number.parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        const values = [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((v) => chars(v[1]!));
        values.forEach((v, i) => {
          if (from + i <= to) map.set(from + i, v);
        });
      } else {
        const base = Number.parseInt(m[3]!.slice(1, -1), 16);
        for (let g = from; g <= to; g++) map.set(g, String.fromCharCode(base + g - from));
      }
    }
  return map;
}

/** The text lines of a pdfkit PDF (see above). */
export function pdfText(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values())
    for (const block of dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g))
      for (const ref of block[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const font = objects.get(ref[2]!);
        const unicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
        const cmap = unicode && objects.get(unicode[1]!)?.stream;
        if (cmap) fonts.set(ref[1]!, cmapOf(cmap.toString('latin1')));
      }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!content.includes('TJ')) continue;
    let font = new Map<number, string>();
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? new Map();
        continue;
      }
      let line = '';
      for (const hex of op[2]!.matchAll(/<([0-9a-fA-F]*)>/g))
        for (const glyph of hex[1]!.match(/.{4}/g) ?? [])
          line += font.get(Number.parseInt(glyph, 16)) ?? '\uFFFD';
      lines.push(line);
    }
  }
  return lines;
}
