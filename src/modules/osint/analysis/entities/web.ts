/**
 * URLs, e-mail addresses, social handles and messaging links, read from the ORIGINAL text because URL paths and
 * invitation codes are case-sensitive. URLs are returned in one canonical form (https scheme, lower-case host,
 * no trailing punctuation) so that the same shop link found in two posts links the two posts in the graph.
 */
import type { HandleEntity } from '../types.ts';
import { phoneFromWhatsappDigits } from './phones.ts';

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
