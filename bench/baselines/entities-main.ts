/**
 * The entity extractors of main before issue 16 (phones.ts and web.ts as they were), kept only as the baseline of
 * the osint-entities bench: its figures are measured against this copy in the same run. Not used anywhere else.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { type NormalizedText, originalSpan } from '../../src/modules/osint/analysis/normalize.ts';
import type { HandleEntity } from '../../src/modules/osint/analysis/types.ts';

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
export interface WebEntities {
  urls: { url: string; start: number; end: number }[];
  emails: string[];
  handles: HandleEntity[];
  /** Phones read from wa.me / api.whatsapp.com links. */
  phones: { e164: string; start: number; end: number; text: string }[];
}

const TLDS =
  'com|net|org|ma|fr|es|me|io|shop|store|co|info|biz|app|link|site|online|ly|gl|be|cn|uk|de|it|tk|xyz|top|page';
const URL_RE = new RegExp(
  `(?:https?:\\/\\/[^\\s<>"'\`]+|(?<![@\\w.\\-/])(?:www\\.)?(?:[a-z0-9-]+\\.)+(?:${TLDS})(?![a-z0-9-])(?:\\/[^\\s<>"'\`]*)?)`,
  'gi',
);
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const AT_HANDLE_RE = /(?<![\w.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)/g;

/** Path segments that are site sections, not accounts. */
const NOT_ACCOUNTS = new Set([
  'p',
  'reel',
  'reels',
  'explore',
  'stories',
  'share',
  'watch',
  'groups',
  'events',
  'marketplace',
  'pages',
  'profile.php',
  'joinchat',
  'login',
  'hashtag',
  'tag',
  'video',
  's',
  'sharer',
  'dialog',
  'tv',
  'accounts',
]);

function canonicalUrl(raw: string): { url: string; host: string; path: string } | null {
  const trimmed = raw.replace(/[.,;:!?)\]}»"'’]+$/u, '');
  try {
    const u = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = u.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.|web\.)/, '');
    const path = u.pathname.replace(/\/+$/, '');
    return { url: `https://${host}${path}${u.search}`, host, path };
  } catch {
    return null;
  }
}

function handleFromUrl(host: string, path: string, search: string): HandleEntity | null {
  const seg = path.split('/').filter(Boolean);
  const first = seg[0];
  if (!first) return null;
  const account = (platform: HandleEntity['platform'], name: string | undefined): HandleEntity | null =>
    name && !NOT_ACCOUNTS.has(name.toLowerCase()) ? { platform, handle: name.replace(/^@/, '') } : null;
  if (host === 'instagram.com' || host === 'instagr.am') return account('instagram', first);
  if (host === 'tiktok.com' || host.endsWith('.tiktok.com'))
    return first.startsWith('@') ? account('tiktok', first) : null;
  if (host === 'facebook.com' || host === 'fb.com' || host === 'fb.me') {
    if (first === 'profile.php') {
      const id = new URLSearchParams(search).get('id');
      return id ? { platform: 'facebook', handle: id } : null;
    }
    return account('facebook', first);
  }
  if (host === 't.me' || host === 'telegram.me') {
    // t.me/+CODE and t.me/joinchat/CODE are private invitations: the code identifies the group.
    if (first === 'joinchat' && seg[1]) return { platform: 'telegram', handle: `+${seg[1]}` };
    return account('telegram', first);
  }
  if (host === 'chat.whatsapp.com') return { platform: 'whatsapp', handle: first };
  if (host === 'snapchat.com') return account('snapchat', first === 'add' ? seg[1] : first);
  if (host === 'x.com' || host === 'twitter.com') return account('x', first);
  return null;
}

/**
 * Which platform an "@name" refers to, from the words just before it ("insta @x", "tiktok: @x"), looking no
 * further back than the previous handle so that one "Insta" does not claim every handle after it.
 */
function platformNear(text: string, at: number, from: number): HandleEntity['platform'] {
  const before = text.slice(Math.max(from, at - 25), at).toLowerCase();
  if (/(insta|instagram|ig\b|انستغرام|انستا)/.test(before)) return 'instagram';
  if (/(tiktok|tik tok|تيك توك)/.test(before)) return 'tiktok';
  if (/(telegram|tg\b|تلغرام|تيليجرام)/.test(before)) return 'telegram';
  if (/(snap|سناب)/.test(before)) return 'snapchat';
  if (/(facebook|fb\b|فيسبوك)/.test(before)) return 'facebook';
  return 'unknown';
}

export function extractWeb(text: string): WebEntities {
  const out: WebEntities = { urls: [], emails: [], handles: [], phones: [] };
  const emailSpans: [number, number][] = [];
  // Cheap tests first: most posts have no "@" and no dotted name, and these regexes are the costly ones.
  const hasAt = text.includes('@');
  if (hasAt)
    for (const m of text.matchAll(EMAIL_RE)) {
      out.emails.push(m[0].toLowerCase());
      emailSpans.push([m.index, m.index + m[0].length]);
    }
  const inEmail = (i: number) => emailSpans.some(([s, e]) => i >= s && i < e);
  if (/[a-z0-9]\.[a-z]{2}/i.test(text))
    for (const m of text.matchAll(URL_RE)) {
      if (inEmail(m.index)) continue;
      const c = canonicalUrl(m[0]);
      if (!c) continue;
      out.urls.push({ url: c.url, start: m.index, end: m.index + m[0].length });
      const search = c.url.includes('?') ? c.url.slice(c.url.indexOf('?')) : '';
      const handle = handleFromUrl(c.host, c.path, search);
      if (handle) out.handles.push(handle);
      const wa =
        c.host === 'wa.me'
          ? c.path.slice(1)
          : c.host === 'api.whatsapp.com' || c.host === 'whatsapp.com'
            ? (new URLSearchParams(search).get('phone') ?? '')
            : '';
      const e164 = wa && /^\+?\d{8,15}$/.test(wa) ? phoneFromWhatsappDigits(wa) : null;
      if (e164) out.phones.push({ e164, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  let previous = 0;
  if (hasAt)
    for (const m of text.matchAll(AT_HANDLE_RE)) {
      if (inEmail(m.index)) continue;
      out.handles.push({ platform: platformNear(text, m.index, previous), handle: m[1]! });
      previous = m.index + m[0].length;
    }
  return out;
}

/** Phones, e-mails and URLs as main's signals.ts assembled them. */
export function baselineEntities(
  norm: NormalizedText,
  text: string,
): { phones: string[]; emails: string[]; urls: string[] } {
  const web = extractWeb(text);
  let digits = 0;
  for (let i = 0; i < norm.text.length; i++) {
    const c = norm.text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  const phones = [...(digits >= 9 ? extractPhones(norm, text) : []), ...web.phones];
  return {
    phones: [...new Set(phones.map((p) => p.e164))],
    emails: [...new Set(web.emails)],
    urls: [...new Set(web.urls.map((u) => u.url))],
  };
}
