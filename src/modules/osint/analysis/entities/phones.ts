/**
 * Phone numbers to E.164 with libphonenumber-js, Morocco as the default region.
 *
 * Sellers write numbers every way ("+212 6 12 34 56 78", "06.12.34.56.78", "00212612345678", "+212-612-345678",
 * Arabic-Indic digits); candidates are runs of digits and separators in the FOLDED text (where Arabic-Indic digits
 * are already ASCII), and only numbers libphonenumber-js finds valid are kept, which rejects prices, dates and
 * order numbers. Two numbers written one after the other are split by trying the digit groups.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { type NormalizedText, originalSpan } from '../normalize.ts';

const MAX_PARSES = 400;

export interface PhoneMatch {
  e164: string;
  start: number;
  end: number;
  text: string;
}

// Not after a letter, digit, slash or "=": numbers inside URLs (wa.me/212…) are read by the URL extractor.
const CANDIDATE = /(?<![\p{L}\d/=_@])(?:\+|00)?\d[\d .\-()]{6,40}\d(?!\d)/gu;

/** E.164 of the digits (and `+`) of a number, `00` read as `+`; null when libphonenumber-js finds it invalid. */
function e164(digits: string, region: 'MA'): string | null {
  const parsed = parsePhoneNumberFromString(digits.startsWith('00') ? `+${digits.slice(2)}` : digits, region);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * A phone number given on its own — declared by a platform, typed on the watchlist or in a lookup — in E.164, or
 * null when it is not a valid number: whatever is not a digit or `+` is ignored ("06.12.34.56.78", "+212 6…").
 */
export function normalizePhone(raw: string, region: 'MA' = 'MA'): string | null {
  return e164(raw.replace(/[^\d+]/g, ''), region);
}

/** A candidate found in a text: stricter than `normalizePhone`, since prices and order numbers are digits too. */
function parseValid(raw: string, region: 'MA'): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  const count = digits.replace('+', '').length;
  if (count < 9 || count > 15) return null;
  // A bare national number must start with its trunk 0 or the country code: 9 loose digits are rarely a phone.
  if (!/^(\+|00|0|212)/.test(digits)) return null;
  return e164(digits, region);
}

/** Finds valid phone numbers in the folded text; spans point into the original. */
export function extractPhones(norm: NormalizedText, original: string, region: 'MA' = 'MA'): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  // A parse costs ~10 µs; a hostile run of "0-0-0-0…" would ask for thousands. Real posts need a handful.
  let budget = MAX_PARSES;
  for (const m of norm.text.matchAll(CANDIDATE)) {
    const base = m.index;
    const raw = m[0];
    if (budget-- <= 0) break;
    const whole = parseValid(raw, region);
    if (whole) {
      // "(+212) 6…": the opening bracket belongs to the number as written.
      const open = base > 0 && norm.text[base - 1] === '(' && raw.includes(')') ? 1 : 0;
      out.push(span(norm, original, whole, base - open, base + raw.length));
      continue;
    }
    // Several numbers in one run ("0612345678 0700000013"): take the longest valid run of digit groups, repeat.
    // Only runs of 9 to 15 digits are tried, so a hostile "0-0-0-0…" costs a few parses per group, not a square.
    const groups = [...raw.matchAll(/(?:\+|00)?\d+/g)].map((g) => ({
      start: g.index,
      end: g.index + g[0].length,
      digits: g[0].replace('+', '').length,
    }));
    let i = 0;
    while (i < groups.length) {
      let found = -1;
      let e164 = '';
      let digits = 0;
      for (let j = i; j < groups.length; j++) {
        digits += groups[j]!.digits;
        if (digits > 15) break;
        if (digits < 9 || budget-- <= 0) continue;
        const got = parseValid(raw.slice(groups[i]!.start, groups[j]!.end), region);
        if (got) {
          found = j;
          e164 = got;
        }
      }
      if (found < 0) {
        i++;
        continue;
      }
      out.push(span(norm, original, e164, base + groups[i]!.start, base + groups[found]!.end));
      i = found + 1;
    }
  }
  return out;
}

function span(norm: NormalizedText, original: string, e164: string, start: number, end: number): PhoneMatch {
  const o = originalSpan(norm, start, end);
  return { e164, start: o.start, end: o.end, text: original.slice(o.start, o.end) };
}

/** E.164 from the digits of a wa.me / api.whatsapp.com link (always international, no trunk 0). */
export function phoneFromWhatsappDigits(digits: string): string | null {
  const parsed = parsePhoneNumberFromString(`+${digits.replace(/\D/g, '')}`);
  return parsed?.isValid() ? parsed.number : null;
}
