/**
 * URLs, e-mail addresses, social handles and messaging links, read from the ORIGINAL text because URL paths and
 * invitation codes are case-sensitive. URLs are returned in one canonical form (https scheme, lower-case host,
 * no trailing punctuation) so that the same shop link found in two posts links the two posts in the graph.
 *
 * Real posts carry their links inside markup that a naive pattern swallows: BBCode ("[url=…]…[/url]"), Markdown
 * ("[t](u)"), HTML remnants ("<a href=\"…\">", "&amp;"), and security write-ups defang them ("hxxp", "[.]").
 * `cleanForWeb` undoes entities and defanging with a map back to the original; the URL pattern stops at brackets,
 * quotes and angle brackets, and `cut` then drops trailing punctuation and closing brackets that have no opening
 * one inside the URL. Bare names count only with a known TLD (tlds.ts).
 */
import { BRANDS } from '../gazetteer/brands.ts';
import type { HandleEntity } from '../types.ts';
import { cleanForWeb, mapSpan } from './deobfuscate.ts';
import { extractEmails } from './emails.ts';
import { phoneFromWhatsappDigits } from './phones.ts';
import { isAddressTld, isTld } from './tlds.ts';

export interface WebEntities {
  urls: { url: string; start: number; end: number }[];
  emails: string[];
  handles: HandleEntity[];
  /** Phones read from wa.me / api.whatsapp.com links. */
  phones: { e164: string; start: number; end: number; text: string }[];
  /** Canonical brand names found inside the host names and handles ("rolex-replica.shop", "@gucci_outlet_ma"). */
  brands: string[];
}

/** What a URL may contain: printable ASCII but quotes, angle and square brackets, braces, pipes; Latin letters. */
const URL_CHAR = '[^\\s<>"\'`\\[\\]{}|\\\\^\\u0000-\\u001f\\u007f-\\u00bf\\u0250-\\uffff]';
const URL_RE = new RegExp(
  `\\b(?:https?|ftp):\\/\\/${URL_CHAR}+|(?<![\\w.@%\\-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,24})(?![a-z0-9-])(?:[/?#:]${URL_CHAR}*)?`,
  'gi',
);
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

/** Drops what ends a sentence or closes a bracket opened before the URL ("(see x.com/a).", "[t](u)", "«u»"). */
function cut(raw: string): string {
  let s = raw;
  for (;;) {
    const before = s;
    s = s.replace(/[.,;:!?*'"’»…]+$/u, '');
    if (s.endsWith(')') && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
    if (s === before) return s;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** Canonical form of a URL, or null when its host is not a name under a known TLD (nor an IPv4 address). */
export function canonicalUrl(raw: string): { url: string; host: string; path: string } | null {
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    const hostname = u.hostname.toLowerCase();
    const tld = hostname.slice(hostname.lastIndexOf('.') + 1);
    if (!hostname.includes('.') || !(isTld(tld) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname))) return null;
    const host = hostname.replace(/^(www\.|m\.|mobile\.|web\.)/, '');
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

/**
 * URLs, e-mails, handles, WhatsApp numbers and brand names in host names and handles, spans in the original text.
 *
 * @example
 * extractWeb('[url=hxxp://rolex-copies[.]shop/]montres[/url]').urls[0].url; // 'https://rolex-copies.shop'
 */
export function extractWeb(text: string): WebEntities {
  const out: WebEntities = { urls: [], emails: [], handles: [], phones: [], brands: [] };
  const mapped = cleanForWeb(text);
  const t = mapped?.text ?? text;
  const emailSpans: [number, number][] = [];
  // Cheap tests first: most posts have no "@", no " at " and no dotted name, and these regexes are the costly ones.
  for (const e of extractEmails(t)) {
    out.emails.push(e.email);
    emailSpans.push([e.start, e.end]);
  }
  const inEmail = (i: number) => emailSpans.some(([s, e]) => i >= s && i < e);
  if (/[a-z0-9]\.[a-z]{2}/i.test(t)) {
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(t); m; m = URL_RE.exec(t)) {
      if (inEmail(m.index)) continue;
      const bareTld = m[1];
      if (bareTld !== undefined) {
        // A bare name: its TLD must be an address one; "www." or a path vouches for file-like TLDs ("x.py/…").
        if (!isAddressTld(bareTld.toLowerCase(), /^www\.|[/?#]/i.test(m[0]))) continue;
      }
      const raw = cut(m[0]);
      const c = canonicalUrl(raw);
      if (!c) continue;
      const { start, end } = mapSpan(mapped, m.index, m.index + raw.length);
      out.urls.push({ url: c.url, start, end });
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
      if (e164) out.phones.push({ e164, start, end, text: text.slice(start, end) });
      brandsIn(c.host.slice(0, c.host.lastIndexOf('.')), out.brands);
    }
  }
  let previous = 0;
  if (t.includes('@'))
    for (const m of t.matchAll(AT_HANDLE_RE)) {
      if (inEmail(m.index)) continue;
      out.handles.push({ platform: platformNear(t, m.index, previous), handle: m[1]! });
      previous = m.index + m[0].length;
    }
  for (const h of out.handles) if (h.platform !== 'whatsapp') brandsIn(h.handle, out.brands);
  return out;
}

/** Brand aliases in Latin letters, squeezed ("louisvuitton"), longest first; short ones need a whole word. */
let aliases: { squeezed: string; brand: string; whole: boolean }[] | undefined;
function brandAliases() {
  aliases ??= BRANDS.flatMap((b) =>
    [...b.aliases, ...(b.capitalisedAliases ?? [])]
      .map((a) => a.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((a, i, all) => a.length >= 2 && /^[a-z0-9]+$/.test(a) && all.indexOf(a) === i)
      .map((a) => ({ squeezed: a, brand: b.name, whole: a.length < 5 })),
  ).sort((x, y) => y.squeezed.length - x.squeezed.length);
  return aliases;
}

/**
 * Adds to `into` the brands named inside a host name or handle: "rolex-daytona-replica" → Rolex. Aliases of five
 * letters or more count anywhere ("cheapguccioutlet"); shorter ones only as a whole part ("lv-bags", not "silver").
 */
function brandsIn(name: string, into: string[]): void {
  const lower = name.toLowerCase();
  if (lower.length < 2) return;
  const parts = lower.split(/[^a-z0-9]+/);
  const squeezed = parts.join('');
  for (const a of brandAliases()) {
    if (into.includes(a.brand)) continue;
    if (a.whole ? parts.includes(a.squeezed) : squeezed.includes(a.squeezed)) into.push(a.brand);
  }
}
