/**
 * Undoing what hides an address from a pattern, with every character of the result tied to the characters of the
 * original it came from, so that evidence spans still point into the text the investigator sees.
 *
 * Posts copied from forums and issue trackers keep HTML entities ("&amp;", "&#064;"); security write-ups defang
 * links ("hxxp://shop[.]example[.]com"); sellers dodge filters with "name [at] domain (dot) com". `cleanForWeb`
 * rewrites those forms to plain ones (entities decoded, "hxxp" to "http", bracketed dots and ats to "." and "@")
 * and returns the map back. Nothing is done, and nothing allocated, when the text has none of them.
 */

export interface MappedText {
  text: string;
  /** For character i of `text`, the UTF-16 offset in the original where its source starts. */
  starts: Int32Array;
  /** For character i of `text`, the UTF-16 offset in the original just after its source. */
  ends: Int32Array;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  commat: '@',
  period: '.',
  colon: ':',
  sol: '/',
  num: '#',
  equals: '=',
  quest: '?',
};

/** Anything worth rewriting: an entity, "hxxp", or a bracketed dot / at / colon. */
const TRIGGER =
  /&(?:#\d{2,6}|#x[\da-f]{2,5}|[a-z]{2,7});|h[xX*]{2}p|[[({<]\s*(?:\.|dot|at|@|:|\/\/|:\/\/)\s*[\])}>]/i;

const REWRITE =
  /&(#\d{2,6}|#x[\da-f]{2,5}|[a-z]{2,7});|\bh[xX*]{2}p(s?)(?=\[?:)|\[?:\/\/\]|\[:\]|[ \t]*[[({<][ \t]*(?:\.|dot)[ \t]*[\])}>][ \t]*|[ \t]*[[({<][ \t]*(?:at|@)[ \t]*[\])}>][ \t]*/gi;

function entity(body: string): string | null {
  if (body[0] === '#') {
    const code =
      body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : null;
  }
  return ENTITIES[body.toLowerCase()] ?? null;
}

function replacement(m: RegExpExecArray): string | null {
  const s = m[0];
  if (m[1] !== undefined) return entity(m[1]);
  if (m[2] !== undefined) return `http${m[2]}`;
  if (s.includes('//')) return '://';
  if (s === '[:]') return ':';
  return /at|@/i.test(s.replace(/\s/g, '').slice(1, -1)) ? '@' : '.';
}

/**
 * The text with HTML entities decoded and defanged addresses refanged; `null` when there was nothing to do (the
 * caller then works on the original, whose offsets are already right).
 *
 * @example
 * cleanForWeb('hxxps://shop[.]example[.]com/?a=1&amp;b=2')!.text; // 'https://shop.example.com/?a=1&b=2'
 */
export function cleanForWeb(text: string): MappedText | null {
  if (!TRIGGER.test(text)) return null;
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  REWRITE.lastIndex = 0;
  for (let m = REWRITE.exec(text); m; m = REWRITE.exec(text)) {
    const rep = replacement(m);
    if (rep === null) continue;
    for (let i = last; i < m.index; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    parts.push(text.slice(last, m.index), rep);
    for (let k = 0; k < rep.length; k++) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    last = m.index + m[0].length;
  }
  if (last === 0) return null;
  for (let i = last; i < text.length; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Offsets in the original of the span [start, end) of a mapped text. */
export function mapSpan(m: MappedText | null, start: number, end: number): { start: number; end: number } {
  if (!m || end <= start) return { start, end };
  return { start: m.starts[start]!, end: m.ends[end - 1]! };
}

// --- Phone numbers written with letters or words ---------------------------------------------------------------

/**
 * Spelled digits in French, English and Moroccan Darija (Latin "arabizi" and Arabic script), as they appear in the
 * FOLDED text (lower case, no accents, Arabic letter variants unified: see normalize.ts). Values are strings so
 * that "zero six" gives "06".
 */
const UNITS: Record<string, number> = {
  zero: 0,
  zro: 0,
  sifr: 0,
  sfr: 0,
  oh: 0,
  one: 1,
  un: 1,
  une: 1,
  wahed: 1,
  wa7ed: 1,
  wahd: 1,
  two: 2,
  deux: 2,
  jouj: 2,
  jooj: 2,
  zouj: 2,
  three: 3,
  trois: 3,
  tlata: 3,
  tlat: 3,
  tleta: 3,
  four: 4,
  quatre: 4,
  reb3a: 4,
  rb3a: 4,
  arb3a: 4,
  rba3a: 4,
  five: 5,
  cinq: 5,
  khamsa: 5,
  khmsa: 5,
  six: 6,
  setta: 6,
  sta: 6,
  sitta: 6,
  seven: 7,
  sept: 7,
  seb3a: 7,
  sb3a: 7,
  eight: 8,
  huit: 8,
  tmenya: 8,
  tmnya: 8,
  tmanya: 8,
  nine: 9,
  neuf: 9,
  tes3a: 9,
  ts3a: 9,
  tis3a: 9,
  // Arabic script, folded (ة → ه, أ/إ → ا).
  صفر: 0,
  واحد: 1,
  اثنين: 2,
  اثنان: 2,
  جوج: 2,
  زوج: 2,
  ثلاثه: 3,
  تلاته: 3,
  ثلاث: 3,
  اربعه: 4,
  ربعه: 4,
  خمسه: 5,
  سته: 6,
  سبعه: 7,
  ثمانيه: 8,
  تمنيه: 8,
  تسعه: 9,
};
/** French numbers from 10 to 19, and tens, as said two digits at a time ("zéro six douze trente-quatre"). */
const TEENS: Record<string, number> = {
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export interface SpelledNumber {
  digits: string;
  /** Offsets in the text given. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
]);

const ZERO_WORDS = ['zero', 'zro', 'sifr', 'sfr', 'صفر', ' oh '];

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x0621 && c <= 0x064a);
}

/**
 * Whether a folded text has three spelled digits in a row ("zero six douze") and a spelled zero somewhere,
 * the cheap test before `spelledNumbers`: a few native `includes`, then one pass over the characters.
 */
export function hasSpelledDigits(folded: string): boolean {
  // A number said aloud has a zero (its trunk prefix, "oh" in English): most texts have no such word, and
  // `includes` is native. An international number spelled from its "+" without any zero is not caught.
  let zero = false;
  for (const w of ZERO_WORDS) {
    if (folded.includes(w)) {
      zero = true;
      break;
    }
  }
  if (!zero) return false;
  let run = 0;
  let i = 0;
  const n = folded.length;
  while (i < n) {
    while (i < n && !isWordChar(folded.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isWordChar(folded.charCodeAt(i))) i++;
    if (i === start) break;
    const len = i - start;
    const c = folded.charCodeAt(start);
    if (len <= 9 && NUMBER_WORDS.has(folded.slice(start, i))) {
      if (++run >= 3) return true;
    } else if (run > 0 && c >= 48 && c <= 57) {
      // Digits among words ("zero six 12 34") continue a run that has begun.
      if (run >= 2 && ++run >= 3) return true;
    } else if (!(len === 2 && c === 101 && folded.charCodeAt(start + 1) === 116)) {
      // "et" ("vingt et un") keeps the run going; any other word ends it.
      run = 0;
    }
  }
  return false;
}

/**
 * Runs of spelled digits (three words or more, digits written as digits allowed among them) in a folded text, with
 * French two-digit groups read as such: "zero six douze trente quatre cinquante six soixante dix huit" → "0612345678".
 *
 * @example
 * spelledNumbers('appelez zero six douze trente quatre cinquante six soixante dix huit')[0].digits; // '0612345678'
 */
export function spelledNumbers(folded: string): SpelledNumber[] {
  if (!hasSpelledDigits(folded)) return [];
  const out: SpelledNumber[] = [];
  // `pending` is a number said but not yet written down: "soixante" may still become 70 or 78, "quatre" 80.
  let digits = '';
  let pending: number | null = null;
  let words = 0;
  let start = -1;
  let end = -1;
  const commit = () => {
    if (pending !== null) digits += String(pending);
    pending = null;
  };
  const flush = () => {
    commit();
    if (words >= 3 && digits.length > 0) out.push({ digits, start, end });
    digits = '';
    words = 0;
    start = -1;
  };
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    // Words of one number are separated by spaces, hyphens, dots or commas ("et" too: "vingt et un").
    if (words > 0 && !/^[\s\-.,/]*(?:et[\s-]*)?$/.test(folded.slice(end, m.index))) flush();
    const wordEnd = m.index + w.length;
    const tens = TENS[w];
    const teen = TEENS[w];
    const unit = UNITS[w];
    if (tens !== undefined) {
      if (tens === 20 && pending === 4) pending = 80;
      else {
        commit();
        pending = tens;
      }
    } else if (teen !== undefined) {
      if (pending === 60 || pending === 80) pending += teen;
      else {
        commit();
        pending = teen;
      }
    } else if (unit !== undefined) {
      if (pending !== null && pending >= 10 && pending % 10 === 0 && unit > 0) {
        digits += String(pending + unit);
        pending = null;
      } else {
        commit();
        pending = unit;
      }
    } else if (words > 0 && /^\d{1,4}$/.test(w)) {
      commit();
      digits += w;
    } else {
      if (words > 0) flush();
      continue;
    }
    if (words === 0) start = m.index;
    words++;
    end = wordEnd;
  }
  flush();
  return out;
}
