/**
 * An A4 PDF with the embedded DejaVu fonts ('regular' and 'bold', shipped by `dejavu-fonts-ttf`: Latin and Arabic
 * glyphs, embedded as a subset with its Unicode map so that the text can be searched and copied), collected in
 * memory: what the offence reports and the model cards are written with.
 */
import { createRequire } from 'node:module';
import bidiModule, { type Bidi } from 'bidi-js';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** Ends the document and answers its bytes. */
  finish(): Promise<Buffer>;
}

export function pdfDocument(options: { lang?: string; info: PDFKit.DocumentInfo }): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    ...(options.lang ? { lang: options.lang } : {}),
    info: { ...options.info, Author: 'Vigie' },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return {
    doc,
    async finish() {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}

// bidi-js is a CommonJS factory; its types describe it as an ES module's default export.
const bidi = (bidiModule as unknown as () => Bidi)();
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A logical line as pieces drawn one after the other from left to right. The line is cut into runs of one
 * embedding level (1: right to left; 2: numbers and Latin words inside); the runs' order is reversed. A
 * right-to-left run is cut into words, drawn last word first: fontkit joins and reverses the letters of an Arabic
 * word itself (whole runs lost a space in its layout), a piece of neutrals (": ", "—") is reversed here, and
 * brackets are mirrored.
 */
export function visualRuns(line: string): { text: string; rtl: boolean }[] {
  if (!line) return [];
  const { levels } = bidi.getEmbeddingLevels(line, 'rtl');
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const level = levels[i]!;
    const last = runs.at(-1);
    if (last && last.level === level) last.text += line[i];
    else runs.push({ text: line[i]!, level });
  }
  const pieces: { text: string; rtl: boolean }[] = [];
  for (const run of runs.reverse()) {
    if (run.level % 2 === 0) {
      pieces.push({ text: run.text, rtl: false });
      continue;
    }
    for (const word of mirror(run.text).split(/( +)/).reverse()) {
      if (!word) continue;
      pieces.push({ text: STRONG_RTL.test(word) ? word : [...word].reverse().join(''), rtl: true });
    }
  }
  return pieces;
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};
const mirror = (s: string) => s.replace(/[()[\]<>«»]/g, (c) => MIRRORED[c]!);

type Doc = PDFKit.PDFDocument;

/** The languages a document is written in: Arabic right to left, the others left to right. */
export type PdfLang = 'fr' | 'en' | 'ar';

/** Writes a paragraph right to left: wrapped on words, each line laid out by its bidi runs from the right edge. */
function rtlParagraph(doc: Doc, text: string, options: { size?: number; bold?: boolean } = {}) {
  doc.font(options.bold ? 'bold' : 'regular').fontSize(options.size ?? 10);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && doc.widthOfString(candidate) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
    for (const line of lines) {
      if (!STRONG_RTL.test(line)) {
        // No Arabic (a French summary, a code): left to right, aligned on the right edge.
        const y = doc.y;
        doc.text(line, left + width - doc.widthOfString(line), y, { lineBreak: false });
        doc.x = left;
        doc.y = y + doc.currentLineHeight(true) + 2;
        continue;
      }
      const runs = visualRuns(line);
      const total = runs.reduce((sum, run) => sum + doc.widthOfString(run.text), 0);
      let x = left + width - total;
      const y = doc.y;
      for (const run of runs) {
        doc.text(run.text, x, y, { lineBreak: false });
        x += doc.widthOfString(run.text);
      }
      doc.x = left;
      doc.y = y + doc.currentLineHeight(true) + 2;
    }
  }
}

function paragraph(doc: Doc, lang: PdfLang, text: string, options: { size?: number; bold?: boolean } = {}) {
  if (lang === 'ar') return rtlParagraph(doc, text, options);
  doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(options.size ?? 10)
    .text(text, doc.page.margins.left, doc.y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    });
}

/** A document being written: paragraphs and headings in its language's direction, then its bytes. */
export interface PdfWriter {
  doc: Doc;
  p(text: string, options?: { size?: number; bold?: boolean }): void;
  heading(text: string): void;
  /** Small grey text, left to right (a method, a footnote). */
  note(text: string): void;
  finish(): Promise<Buffer>;
}

/**
 * An A4 document with the embedded DejaVu fonts, in French, English or Arabic (right to left, joined letters): what
 * the offence report, the operation reports and the inspection order are written with.
 */
export function pdfWriter(lang: PdfLang, info: { Title: string; Subject: string }): PdfWriter {
  const { doc, finish } = pdfDocument({ lang: { ar: 'ar-MA', fr: 'fr-MA', en: 'en' }[lang], info });
  const p = (text: string, options?: { size?: number; bold?: boolean }) =>
    paragraph(doc, lang, text, options);
  return {
    doc,
    p,
    heading(text) {
      doc.moveDown(0.6);
      p(text, { size: 12, bold: true });
    },
    note(text) {
      doc.font('regular').fontSize(8).fillColor('#555555');
      doc.text(text, doc.page.margins.left, doc.y, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      });
      doc.fillColor('black');
    },
    finish,
  };
}
