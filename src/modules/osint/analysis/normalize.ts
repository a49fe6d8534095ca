/**
 * Text folding with an offset map back to the original, and tokenisation with spelling variants.
 *
 * Sellers write the same word many ways: accents or not, capitals, Arabic with or without diacritics, tatweel
 * ("اصـــلي") and alef/ya/ta-marbuta variants, elongation ("hiiiigh copyyyy"), leetspeak ("r3plica"), Arabic
 * clitics glued to the word ("بالصين"). Folding the text once and looking words up by a few variant keys lets one
 * lexicon entry catch them all, while `starts`/`ends` keep every folded character tied to the original characters
 * it came from, so evidence spans always point into the text the investigator sees.
 */

export interface NormalizedText {
  /** The folded text: lower case, no accents or Arabic diacritics, Arabic letter variants unified, ASCII digits. */
  text: string;
  /** For folded character i, the UTF-16 offset in the original where its source character starts. */
  starts: Int32Array;
  /** For folded character i, the UTF-16 offset in the original just after its source character. */
  ends: Int32Array;
}

export interface Token {
  /** The folded token; `keys[0] === key`. */
  key: string;
  /** Lookup variants: the key itself, then de-elongated, de-leeted and clitic-stripped forms. */
  keys: string[];
  /** Offsets in the folded text. */
  start: number;
  end: number;
  /**
   * What separates this token from the previous one: 0 nothing but spaces, 1 a clause break (comma, colon,
   * brackets), 2 a sentence break (. ! ? line break, emoji). Negation stops at 1, warnings at 2.
   */
  breakBefore: 0 | 1 | 2;
  script: 'latin' | 'arabic' | 'digits';
}

/** Separator that stands for emoji and pictographs, which sellers use as bullets between clauses. */
const PICTO = '|';

const SPECIAL: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  // Arabic letter variants that writers use interchangeably: folding them makes one spelling match all.
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ک: 'ك',
  گ: 'ك',
  ڭ: 'ك',
  '،': ',',
  '؛': ';',
  '؟': '?',
  '٫': '.',
  '٬': ',',
};

const cache = new Map<number, string>();
const UTF16 = new TextDecoder('utf-16le');

function foldCodePoint(cp: number, ch: string): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
  const cached = cache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9)) {
    out = String.fromCharCode(48 + (cp & 0xf));
  } else if (SPECIAL[ch] !== undefined) {
    out = SPECIAL[ch];
  } else if (
    cp === 0x0640 ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0xfe0f ||
    cp === 0xfe0e ||
    cp === 0x2060
  ) {
    // Tatweel, harakat, Quranic marks, zero-width and direction marks, emoji variation selectors: no meaning here.
    out = '';
  } else if (cp > 0xffff || (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x1f000 && cp <= 0x1faff)) {
    out = PICTO;
  } else if (cp >= 0x0600 && cp <= 0x06ff) {
    out = ch;
  } else {
    // NFKD also folds full-width letters and ligatures ("ｒｅｐｌｉｃａ", "ﬁ") that are used to dodge filters.
    out = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  }
  cache.set(cp, out);
  return out;
}

/**
 * Folds `text` and keeps, for every folded character, the span of the original character it came from.
 *
 * @example
 * const n = normalizeText('RÉPLIQUE');
 * n.text; // 'replique'
 * originalSpan(n, 0, 8); // { start: 0, end: 8 }
 */
export function normalizeText(text: string): NormalizedText {
  const n = text.length;
  // Fast path: plain ASCII (most Latin-script posts) folds to lower case one-to-one.
  if (!/[^\p{ASCII}]/u.test(text)) {
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return { text: text.toLowerCase(), starts, ends };
  }
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let codes = new Uint16Array(n + 16);
  let len = 0;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      // ASCII inside a non-ASCII text: no string is built for it.
      starts[len] = i;
      ends[len] = i + 1;
      codes[len++] = unit >= 65 && unit <= 90 ? unit + 32 : unit;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp, width === 1 ? text[i]! : text.slice(i, i + 2));
    if (len + folded.length > starts.length) {
      // Expansions ("œ" → "oe", NFKD ligatures) can outgrow the first guess.
      const size = starts.length * 2 + folded.length;
      const s2 = new Int32Array(size);
      const e2 = new Int32Array(size);
      const c2 = new Uint16Array(size);
      s2.set(starts);
      e2.set(ends);
      c2.set(codes);
      starts = s2;
      ends = e2;
      codes = c2;
    }
    for (let k = 0; k < folded.length; k++) {
      starts[len] = i;
      ends[len] = i + width;
      codes[len] = folded.charCodeAt(k);
      len++;
    }
    i += width;
  }
  // Decoding the code buffer once beats growing a string one character at a time (astral characters were
  // replaced by the emoji stand-in, so the buffer holds no surrogate halves).
  const out = UTF16.decode(codes.subarray(0, len));
  return { text: out, starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** Maps a span of the folded text [start, end) back to the original text. */
export function originalSpan(
  norm: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) return { start: norm.starts[start] ?? 0, end: norm.starts[start] ?? 0 };
  return { start: norm.starts[start]!, end: norm.ends[end - 1]! };
}

function isLatinWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f && c !== 0xf7);
}
function isArabicWord(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Break level of a separator character: sentence ends (2) bound warnings, clause marks (1) bound negation. */
function breakLevel(c: number): 0 | 1 | 2 {
  // . ! ? newline and the emoji stand-in end a sentence; , ; : ( ) [ ] end a clause.
  if (c === 46 || c === 33 || c === 63 || c === 10 || c === 124) return 2;
  if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 91 || c === 93) return 1;
  return 0;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

/** Runs of three or more identical letters collapsed to one ("hiiiigh" → "high") and to two ("goooood" → "good"). */
function squeezeVariants(key: string): string[] {
  let run = false;
  for (let i = 2; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === key.charCodeAt(i - 1) && c === key.charCodeAt(i - 2) && (c < 48 || c > 57)) {
      run = true;
      break;
    }
  }
  if (!run) return [];
  return [key.replace(/(\D)\1{2,}/gu, '$1'), key.replace(/(\D)\1{2,}/gu, '$1$1')];
}

/**
 * Leetspeak only where letters and digits mix ("r3plica"), not in quantities ("100mg"); arabizi words ("m3a") are
 * looked up first under their own key, so decoding them costs nothing but a failed lookup.
 */
function leetVariants(key: string, digits: number): string[] {
  let lead = 0;
  while (lead < key.length && key.charCodeAt(lead) >= 48 && key.charCodeAt(lead) <= 57) lead++;
  if (lead === digits && key.length - lead <= 3) return [];
  let i = '';
  let l = '';
  for (const ch of key) {
    const d = LEET[ch];
    i += d ?? ch;
    l += ch === '1' ? 'l' : (d ?? ch);
  }
  return i === l ? [i] : [i, l];
}

/**
 * Arabic glues conjunctions, prepositions and the article to the word ("والتقليد", "بالصين"): the stripped forms
 * let the lexicon hold only "تقليد" and "الصين". A stem of at least three letters is kept so that short words
 * are not eaten.
 */
function arabicVariants(key: string): string[] {
  const out: string[] = [];
  let w = key;
  if ((w.startsWith('و') || w.startsWith('ف')) && w.length > 4) {
    w = w.slice(1);
    out.push(w);
  }
  if (/^[بكفو]ال/u.test(w) && w.length > 5) {
    w = w.slice(1);
    out.push(w);
  } else if (w.startsWith('لل') && w.length > 4) {
    w = 'ال' + w.slice(2);
    out.push(w);
  } else if (/^[بلك]/u.test(w) && !w.startsWith('ال') && w.length > 4) {
    out.push(w.slice(1));
  }
  if (w.startsWith('ال') && w.length > 4) out.push(w.slice(2));
  return out;
}

/** Splits folded text into word tokens, with the variant keys the phrase matcher looks up. */
export function tokenize(norm: NormalizedText): Token[] {
  const text = norm.text;
  const tokens: Token[] = [];
  let level: 0 | 1 | 2 = 2;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const latin = isLatinWord(c) || isDigit(c);
    const arabic = !latin && isArabicWord(c);
    if (!latin && !arabic) {
      const b = breakLevel(c);
      if (b > level) level = b;
      i++;
      continue;
    }
    const start = i;
    let digits = isDigit(c) ? 1 : 0;
    i++;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (arabic ? !isArabicWord(d) : !(isLatinWord(d) || isDigit(d))) break;
      if (isDigit(d)) digits++;
      i++;
    }
    const hasLetter = digits < i - start;
    const key = text.slice(start, i);
    const keys = [key];
    if (arabic) {
      for (const v of squeezeVariants(key)) keys.push(v);
      for (const v of arabicVariants(key)) keys.push(v);
    } else if (hasLetter) {
      for (const v of squeezeVariants(key)) keys.push(v);
      if (digits > 0) for (const v of leetVariants(key, digits)) keys.push(v);
    }
    tokens.push({
      key,
      keys,
      start,
      end: i,
      breakBefore: level,
      script: arabic ? 'arabic' : hasLetter ? 'latin' : 'digits',
    });
    level = 0;
  }
  return tokens;
}
