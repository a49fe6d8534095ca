/**
 * Phone numbers to E.164 with libphonenumber-js (full metadata, so that validity is checked against each country's
 * number plan and not only its lengths), with the region of national numbers taken from the text itself.
 *
 * Sellers and spammers write numbers every way: "+212 6 12 34 56 78", "06.12.34.56.78", "00212612345678",
 * "(+212) 612-345678", "{09932+80+5363}", "+1>855>750>6267", Arabic-Indic digits (folded to ASCII by normalize.ts),
 * letters for digits ("O6 I2…", "93I579IO9O"), spelled digits ("zéro six douze…", "zero six one two…"), several
 * numbers in one line, a number glued to a price or an age ("0870241182716+" is 08702411827 then "16+").
 *
 * Precision matters as much as recall: prices, dates, order and tracking numbers, IBANs are digits too. A run of
 * digits is kept only when libphonenumber-js finds it valid AND one of these holds:
 * - it is written internationally ("+…", "00…");
 * - it is national with its trunk 0 (or 1 for the North American plan) and valid in a region the text points to
 *   (explicit numbers of that country elsewhere in the text, a currency, a place or country name, a national TLD),
 *   else in the default region (Morocco), else — only when a word like "call", "tel", "WhatsApp", "☎" stands just
 *   before — in one of a few regions that spam often comes from;
 * - it is a country code plus a national number without "+" ("212612345678"), with a cue word or its country named.
 * Numbers inside IBANs, after "n°", "order", "ref", "tracking", and runs of more than 15 digits are never phones.
 */
import { parsePhoneNumberFromString as parseWithMinMetadata } from 'libphonenumber-js';
import { Metadata } from 'libphonenumber-js/core';
import parsePhoneNumberFromString, { type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';
import { type NormalizedText, originalSpan } from '../normalize.ts';
import { hasSpelledDigits, spelledNumbers } from './deobfuscate.ts';

const MAX_PARSES = 400;
const DEFAULT_REGION: CountryCode = 'MA';

export interface PhoneMatch {
  e164: string;
  start: number;
  end: number;
  text: string;
}

/**
 * A run of digits and separators in the folded text. "o", "i" and "l" stand for digits inside a run that has real
 * digits ("858o69o3oi"); separators are spaces, dots, dashes, brackets, slashes, ">" and "+".
 * Not after a letter-digit mix, "/", "=", "_", "@", "#", "€" or "$": numbers inside URLs (wa.me/212…) are read by
 * the URL extractor, "#123456789" is a reference.
 */
const CANDIDATE =
  /(?<![\d/=_@#$€£%&-])(?:\+{1,3}|(?<![\p{L}])00)?(?:[\d(]|(?<![\p{L}])o(?=\d))[\doil .\-()/>+{}]{6,44}[\doil]/gu;
/** Words that make the digits after them a phone: "call", "tel", "WhatsApp", "اتصل", "☎" (an emoji folds to "|"). */
const CUE =
  /(?:^|[^\p{L}])(?:call|help|hlp|freephone|freefone|phone|tel|tél|telephone|mobile|mob|cell|whats ?app|whatsapp|watsapp|wa|wtsp|whats|viber|signal|contact|ring|dial|sms|text|txt|helpline|hotline|number|numero|num|no|nº|appel|appelez|appeler|portable|joindre|contacter|gsm|fixe|linea|llamar|movil|telefono|اتصل|اتصال|واتساب|واتس|الواتساب|رقم|هاتف|جوال|تواصل|للتواصل|للطلب|تلفون|\||☎|📞)(?:[\s:.\-=>(]+[\p{L}\d]{1,10}){0,4}[\s:.\-=>(]*$/u;
/** Words that make the digits after them something else: an order, a reference, a tracking or bank number. */
const NOT_PHONE_BEFORE =
  /(?:^|[^\p{L}])(?:n°|no\s*de\s*commande|commande|order|ref|réf|reference|référence|tracking|suivi|colis|parcel|invoice|facture|iban|rib|swift|bic|account|compte|siret|siren|ice|rc|cnss|imei|serial|sn|code|claim|pin|id|entreprise|enterprise|company|tva|vat|regon|rcs|registre|matricule|patente|kbo|bce|nif|ein)\s*[:.#nº°-]*\s*$/u;

/** Regions a text may point to, in the order they are tried when several are named. */
const CUE_ORDER: CountryCode[] = [
  'MA',
  'GB',
  'FR',
  'IN',
  'US',
  'SA',
  'AE',
  'QA',
  'OM',
  'KW',
  'EG',
  'DZ',
  'TN',
  'ES',
  'DE',
  'NG',
  'CA',
];
/** Words of the folded text that point to a region: countries, cities, currencies. */
const CUE_WORDS = new Map<string, CountryCode>(
  (
    [
      [
        'MA',
        'maroc morocco marruecos casablanca casa rabat marrakech tanger fes agadir meknes oujda kenitra tetouan dh dhs mad',
      ],
      ['GB', 'uk gbp england london britain ppm pence'],
      ['FR', 'france paris lyon marseille toulouse bordeaux lille nantes nice'],
      [
        'IN',
        'india indian delhi mumbai kolkata bangalore bengaluru pune goa lucknow chandigarh dehradun hyderabad chennai jaipur noida gurgaon rupee rupees rs inr paytm phonepe flipkart',
      ],
      ['US', 'usa america'],
      ['SA', 'saudi ksa riyadh jeddah dammam mecca medina'],
      ['AE', 'uae dubai sharjah ajman emirates aed'],
      ['QA', 'qatar doha'],
      ['OM', 'oman muscat'],
      ['KW', 'kuwait'],
      ['EG', 'egypt cairo egp'],
      ['DZ', 'algerie algeria alger oran dzd'],
      ['TN', 'tunisie tunisia tunis'],
      ['ES', 'espana spain madrid barcelona'],
      ['DE', 'germany deutschland berlin'],
      ['NG', 'nigeria lagos abuja naira'],
      ['CA', 'canada toronto montreal ontario'],
    ] as [CountryCode, string][]
  ).flatMap(([c, words]) => words.split(' ').map((w) => [w, c] as [string, CountryCode])),
);
const CUE_BIGRAMS = new Map<string, CountryCode>([
  ['united kingdom', 'GB'],
  ['united states', 'US'],
  ['toll free', 'US'],
  ['abu dhabi', 'AE'],
  ['phone pe', 'IN'],
]);
/** Arabic names, found inside words since clitics are glued to them ("بالسعودية"). */
const CUE_ARABIC: [string, CountryCode][] = [
  ['المغرب', 'MA'],
  ['الدار البيضاء', 'MA'],
  ['السعودي', 'SA'],
  ['الرياض', 'SA'],
  ['جده', 'SA'],
  ['الدمام', 'SA'],
  ['مكه', 'SA'],
  ['ريال', 'SA'],
  ['الامارات', 'AE'],
  ['دبي', 'AE'],
  ['ابو ظبي', 'AE'],
  ['الشارقه', 'AE'],
  ['قطر', 'QA'],
  ['الدوحه', 'QA'],
  ['عمان', 'OM'],
  ['مسقط', 'OM'],
  ['الكويت', 'KW'],
  ['مصر', 'EG'],
  ['القاهره', 'EG'],
  ['الجزائر', 'DZ'],
  ['وهران', 'DZ'],
  ['تونس', 'TN'],
];
const CUE_SYMBOLS: [string, CountryCode][] = [
  ['£', 'GB'],
  ['₹', 'IN'],
  ['₦', 'NG'],
];
const CUE_TLD = /\.(ma|uk|fr|in|es|de)\b/g;
const TLD_REGION: Record<string, CountryCode> = {
  ma: 'MA',
  uk: 'GB',
  fr: 'FR',
  in: 'IN',
  es: 'ES',
  de: 'DE',
};

interface TrieNode {
  next: Map<number, TrieNode>;
  region?: CountryCode;
}
/** The cue words and bigrams as a character trie, walked without cutting the text into strings. */
const CUE_TRIE: TrieNode = { next: new Map() };
for (const [phrase, region] of [...CUE_WORDS, ...CUE_BIGRAMS]) {
  let node = CUE_TRIE;
  for (let k = 0; k < phrase.length; k++) {
    const code = phrase.charCodeAt(k);
    let child = node.next.get(code);
    if (!child) {
      child = { next: new Map() };
      node.next.set(code, child);
    }
    node = child;
  }
  node.region = region;
}
const PENCE = /(?:^|[^a-z0-9.])\d+p(?:pm)?(?![a-z0-9])/;

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Regions a folded text points to: named countries and cities, currencies ("dh", "£", "150p" pence), national
 * TLDs. One walk of a character trie from each word start, not one regex per region (this runs on most posts).
 */
function cueRegions(text: string): CountryCode[] {
  const found = new Set<CountryCode>();
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (i > 0 && isAsciiWordChar(text.charCodeAt(i - 1))) continue;
    let node: TrieNode | undefined = CUE_TRIE.next.get(text.charCodeAt(i));
    let j = i + 1;
    while (node) {
      if (node.region && (j === n || !isAsciiWordChar(text.charCodeAt(j)))) found.add(node.region);
      if (j === n) break;
      node = node.next.get(text.charCodeAt(j++));
    }
  }
  if (PENCE.test(text)) found.add('GB');
  for (const [symbol, region] of CUE_SYMBOLS) if (text.includes(symbol)) found.add(region);
  if (/[\u0600-\u06ff]/.test(text))
    for (const [name, region] of CUE_ARABIC) if (text.includes(name)) found.add(region);
  if (text.includes('.')) for (const m of text.matchAll(CUE_TLD)) found.add(TLD_REGION[m[1]!]!);
  return CUE_ORDER.filter((r) => found.has(r));
}

/** Where national numbers are tried, with a cue word before them, when the text names no region. */
// Not Germany or Austria: their numbers have so many lengths that nearly any digits are valid there.
const FALLBACK: CountryCode[] = ['MA', 'FR', 'GB', 'US', 'IN', 'ES', 'IT', 'SA', 'AE', 'NG'];

interface Context {
  norm: string;
  regions: CountryCode[] | undefined;
  /** Countries of the numbers already read internationally in this text. */
  seen: Set<CountryCode>;
  language: CountryCode[] | undefined;
  /** Numbers already checked in this text: spam repeats the same number many times. */
  memo: Map<string, Valid>;
}

const EN_WORDS = /\b(?:the|you|your|to|and|for|is|are|now|call|with|this|from|our|get|free)\b/g;
const FR_WORDS = /\b(?:le|la|les|des|de|du|vous|pour|et|est|avec|une|sur|prix|livraison)\b/g;
/**
 * Regions the language of the text points to, after named places and before the default: an English text is more
 * likely British, American or Indian than Moroccan; French, French or Moroccan; Arabic, Moroccan or Gulf.
 */
function languageRegions(text: string): CountryCode[] {
  if (/[\u0600-\u06ff]/.test(text)) return ['MA', 'SA', 'AE', 'EG', 'DZ'];
  const en = text.match(EN_WORDS)?.length ?? 0;
  const fr = text.match(FR_WORDS)?.length ?? 0;
  if (en > fr && en >= 2) return ['GB', 'US', 'IN'];
  if (fr > en && fr >= 2) return ['FR', 'MA', 'BE'];
  return [];
}

function regionsOf(ctx: Context): CountryCode[] {
  if (!ctx.regions) {
    ctx.regions = cueRegions(ctx.norm);
  }
  ctx.language ??= languageRegions(ctx.norm);
  const ordered = [...ctx.seen, ...ctx.regions, ...ctx.language, DEFAULT_REGION];
  return ordered.filter((c, i) => ordered.indexOf(c) === i);
}

type Valid = { e164: string; country: CountryCode | undefined } | null;

/** Possible lengths of national significant numbers per region, from the same metadata (a parse costs ~10 µs). */
const lengths = new Map<CountryCode, ReadonlySet<number>>();
const plans = new Metadata(metadata);
function possibleLength(region: CountryCode, digits: number): boolean {
  let set = lengths.get(region);
  if (!set) {
    plans.selectNumberingPlan(region);
    set = new Set(plans.numberingPlan?.possibleLengths() ?? []);
    lengths.set(region, set);
  }
  // With or without the trunk prefix: Italy keeps its 0, most others drop it.
  return set.has(digits) || set.has(digits - 1);
}

/** Whether `raw` is a valid number (national in `region`, or "+…"); `memo` spares parsing a repeated number. */
function valid(raw: string, region?: CountryCode, memo?: Map<string, Valid>): Valid {
  if (region && !raw.startsWith('+') && !possibleLength(region, raw.length)) return null;
  const key = `${region ?? ''}|${raw}`;
  const hit = memo?.get(key);
  if (hit !== undefined) return hit;
  const p = parsePhoneNumberFromString(raw, region);
  const v = p?.isValid() ? { e164: p.number, country: p.country } : null;
  memo?.set(key, v);
  return v;
}

/**
 * E.164 of a run of digits written as `digits` (with a leading "+" when written internationally), or null.
 * `cued`: a phone word stands just before.
 */
function parse(digits: string, ctx: Context, cued: boolean): string | null {
  const intl = digits.startsWith('+') || digits.startsWith('00');
  const bare = digits.replace(/^\+|^00/, '');
  if (bare.length < 8 || bare.length > 15) return null;
  if (intl) {
    const v = valid(`+${bare}`, undefined, ctx.memo);
    if (v?.country) ctx.seen.add(v.country);
    return v?.e164 ?? null;
  }
  if (bare.length < 9) return null;
  const regions = regionsOf(ctx);
  // National with its trunk prefix: 0 almost everywhere, 1 in the North American plan.
  if (bare.startsWith('0') || (bare.startsWith('1') && bare.length === 11)) {
    // "1800 258 6161" is Indian in an Indian text, North American otherwise.
    const tryIn = bare.startsWith('1')
      ? [...regions.filter((r) => r !== DEFAULT_REGION), 'US' as CountryCode]
      : regions;
    for (const r of tryIn) {
      const v = valid(bare, r, ctx.memo);
      if (v) {
        if (v.country) ctx.seen.add(v.country);
        return v.e164;
      }
    }
    if (
      bare.startsWith('1') &&
      (cued || regions.includes('US') || regions.includes('CA') || /^1[89]\d\d/.test(bare))
    )
      return valid(`+${bare}`, undefined, ctx.memo)?.e164 ?? null;
    if (cued && bare.startsWith('0'))
      for (const r of FALLBACK) {
        const v = valid(bare, r, ctx.memo);
        if (v) {
          if (v.country) ctx.seen.add(v.country);
          return v.e164;
        }
      }
    return null;
  }
  // A country code without "+" ("212612345678", "971569875040"): its country named, or a cue word.
  if (bare.length >= 11 && (cued || regions.length > 1 || bare.startsWith('212'))) {
    const v = valid(`+${bare}`, undefined, ctx.memo);
    if (v && (cued || (v.country && regions.includes(v.country)) || v.country === 'MA')) return v.e164;
  }
  // A national number without trunk prefix ("9315791090" in India, "855 750 6267"): only in a region the text
  // points to, never in the default one, and the old rule held that nine loose digits are rarely a phone.
  if (bare.length >= 10)
    for (const r of [...ctx.seen, ...(ctx.regions ?? [])]) {
      const v = valid(bare, r, ctx.memo);
      if (v) return v.e164;
    }
  return null;
}

/** A phone number given on its own (declared by a platform, typed in a lookup): E.164 or null. */
export function normalizePhone(raw: string, region: CountryCode = DEFAULT_REGION): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  // Unchanged since before issue 16 (the graph, parcels and watchlists key on it): lengths-only validation. A
  // number given on its own is a phone by declaration; only text needs the stricter full metadata.
  const p = parseWithMinMetadata(digits.startsWith('00') ? `+${digits.slice(2)}` : digits, region);
  return p?.isValid() ? p.number : null;
}

const CONFUSABLE: Record<string, string> = { o: '0', i: '1', l: '1' };

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Digit groups of a run, letters read as digits; null when the letters are words, not disguised digits. */
function groupsOf(raw: string): Group[] | null {
  const groups: Group[] = [];
  for (const g of raw.matchAll(/\+*[\doil]+/g)) {
    const word = g[0].replace(/^\++/, '');
    // A group of letters only ("ioo") is a disguised number between groups that have digits, not at either end.
    if (groups.length === 0 && !/\d/.test(word)) return null;
    groups.push({
      start: g.index,
      end: g.index + g[0].length,
      // Only a leading "+" says "international"; "+" between groups is a separator ("{09932+80+5363}").
      digits:
        (groups.length === 0 && g[0].startsWith('+') ? '+' : '') +
        word.replace(/[oil]/g, (c) => CONFUSABLE[c]!),
    });
  }
  const last = raw.slice(groups[groups.length - 1]?.start ?? 0).replace(/^\++/, '');
  if (last.length > 0 && !/\d/.test(last)) groups.pop();
  return groups.length ? groups : null;
}

/** Finds valid phone numbers in the folded text; spans point into the original. */
export function extractPhones(norm: NormalizedText, original: string, region?: CountryCode): PhoneMatch[] {
  const text = norm.text;
  const out: PhoneMatch[] = [];
  if (!mayHoldPhone(text)) return out;
  const ctx: Context = {
    norm: text,
    regions: region ? [region] : undefined,
    seen: new Set(),
    language: undefined,
    memo: new Map(),
  };
  let budget = MAX_PARSES;
  const push = (e164: string, start: number, end: number) => {
    const o = originalSpan(norm, start, end);
    out.push({ e164, start: o.start, end: o.end, text: original.slice(o.start, o.end) });
  };
  const runs = [...text.matchAll(CANDIDATE)];
  // International numbers first: their countries tell how to read the national ones of the same text.
  runs.sort((a, b) => Number(/^(\+|00)/.test(b[0])) - Number(/^(\+|00)/.test(a[0])));
  const found: { e164: string; start: number; end: number }[] = [];
  /** Reads one run; false when nothing in it was a phone (it may be read again once the text's region is known). */
  const readRun = (m: RegExpExecArray): boolean => {
    const before0 = found.length;
    readOne(m);
    return found.length > before0;
  };
  const readOne = (m: RegExpExecArray): void => {
    if (budget <= 0) return;
    const base = m.index;
    const raw = m[0];
    const before = text.slice(Math.max(0, base - 30), base);
    if (NOT_PHONE_BEFORE.test(before)) return;
    // "FR76 3000 6000 …": an IBAN starts with its country's two letters glued to two check digits.
    if (/(?:^|[^\p{L}])[a-z]{2}$/u.test(before) && /^\d{2}(?:[ .]?\d{4}){3}/.test(raw)) return;
    if ((raw.match(/\d/g)?.length ?? 0) < 2) return;
    const cued = CUE.test(before);
    // Glued to a word ("call09050000327" yes, "LX123456789CN" no): only after a phone word.
    if (/\p{L}$/u.test(before) && !cued) return;
    const groups = groupsOf(raw);
    if (!groups) return;
    const all = groups.map((g) => g.digits).join('');
    if (all.replace(/\D/g, '').length > 15 && groups.length === 1) {
      // One unbroken run of more than 15 digits: a reference or an IBAN, or a number glued to another one.
      const got = gluedPrefix(groups[0]!, ctx, cued);
      if (got)
        found.push({
          e164: got.e164,
          start: base + groups[0]!.start,
          end: base + groups[0]!.start + got.len,
        });
      budget--;
      return;
    }
    budget--;
    const whole = parse(all, ctx, cued);
    if (whole) {
      const open = base > 0 && text[base - 1] === '(' && raw.includes(')') ? 1 : 0;
      found.push({ e164: whole, start: base - open, end: base + raw.length });
      return;
    }
    // Several numbers in one run ("0612345678 0700000013"), or one glued to an age or price: take the longest valid
    // run of groups, repeat. Only runs of 8 to 15 digits are tried, so a hostile "0-0-0-0…" costs a few parses.
    let i = 0;
    while (i < groups.length) {
      let best = -1;
      let e164 = '';
      let digits = 0;
      for (let j = i; j < groups.length; j++) {
        digits += groups[j]!.digits.replace('+', '').length;
        if (digits > 15) break;
        if (digits < 8 || budget-- <= 0) continue;
        const got = parse(
          groups
            .slice(i, j + 1)
            .map((g) => g.digits)
            .join(''),
          ctx,
          cued || i > 0,
        );
        if (got) {
          best = j;
          e164 = got;
        }
      }
      if (best < 0) {
        const g = groups[i]!;
        const got =
          g.digits.replace('+', '').length >= 10 ? gluedPrefix(g, ctx, cued, i < groups.length - 1) : null;
        if (got) found.push({ e164: got.e164, start: base + g.start, end: base + g.start + got.len });
        i++;
        continue;
      }
      found.push({ e164, start: base + groups[i]!.start, end: base + groups[best]!.end });
      i = best + 1;
    }
  };
  const failed = runs.filter((m) => !readRun(m));
  // A number read in a region ("call 0800 542 0578" in Britain) tells how to read the others of the same text.
  if (ctx.seen.size > 0) for (const m of failed) readRun(m);
  found.sort((a, b) => a.start - b.start);
  for (const f of found) push(f.e164, f.start, f.end);
  // Digits spelled out ("zéro six douze…"): the same rules, the words before the first one as cue.
  for (const s of spelledNumbers(text)) {
    if (s.digits.length < 9 || s.digits.length > 15 || budget-- <= 0) continue;
    const got = parse(s.digits, ctx, CUE.test(text.slice(Math.max(0, s.start - 30), s.start)));
    if (got) push(got, s.start, s.end);
  }
  return out;
}

/**
 * A number glued to what follows it ("08702411827" + "16" of an age, "08700621170" + "150p" of a price): the
 * longest valid prefix that leaves at most four digits. Only for national numbers with a trunk 0, or "+…".
 */
function gluedPrefix(
  g: Group,
  ctx: Context,
  cued: boolean,
  more = false,
): { e164: string; len: number } | null {
  const d = g.digits;
  if (!/^(\+|0)/.test(d) || !(cued || d.startsWith('+') || regionsOf(ctx).length > 1)) return null;
  // At least two digits left over (an age "16", a price "150"), or one when more digits follow ("…701.50gbp"):
  // a single trailing digit is more likely a typo.
  for (let len = Math.min(d.length - (more ? 1 : 2), 16); len >= d.length - 4 && len >= 10; len--) {
    const got = parse(d.slice(0, len), ctx, cued);
    if (got) return { e164: got, len };
  }
  return null;
}

/**
 * Whether a folded text may hold a phone: nine digits, digits mixed with letters that stand for digits, or a
 * spelled digit. Most posts fail the first test in a few hundred nanoseconds, which keeps the rule path fast.
 */
function mayHoldPhone(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n >= 9) return true;
  }
  return (n >= 2 && /\d[oil]|[oil]\d/.test(text)) || hasSpelledDigits(text);
}

/** E.164 from the digits of a wa.me / api.whatsapp.com link (always international, no trunk 0). */
export function phoneFromWhatsappDigits(digits: string): string | null {
  return valid(`+${digits.replace(/\D/g, '')}`)?.e164 ?? null;
}
