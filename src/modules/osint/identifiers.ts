/**
 * What identifies a seller in an item: its author's handle on its platform (`tiktok:casa_watches`), its author's
 * profile or shop URL, phone numbers in E.164 (from the text, from wa.me links, from a declared `phone`), e-mail
 * addresses, handles named in the text on a known platform, the domains of shops outside the big platforms named
 * in the text, and the company name and address a platform declares. Pure functions: seller grouping
 * (sellers.ts) stores and links what `identifiersOf` finds; a lookup (seller-views.ts) writes a value the way it
 * is stored with `storedIdentifier`.
 */
import { type Entities, normalizePhone } from './analysis/index.ts';
import type { OsintIdentifierKind } from './tables.ts';
import { canonicalUrl, hostOf } from './urls.ts';

/** Hosts of platforms and link services: a link to them names an account or a post, never a seller's own shop. */
const PLATFORM_HOSTS = [
  'facebook.com',
  'fb.com',
  'fb.me',
  'instagram.com',
  'instagr.am',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'twitter.com',
  'x.com',
  't.me',
  'telegram.me',
  'wa.me',
  'whatsapp.com',
  'snapchat.com',
  'pinterest.com',
  'linkedin.com',
  'google.com',
  'goo.gl',
  'bit.ly',
  'tinyurl.com',
  'linktr.ee',
  'jumia.ma',
  'avito.ma',
  'amazon.com',
  'amazon.fr',
  'aliexpress.com',
  'alibaba.com',
  'ebay.com',
  'temu.com',
  'shein.com',
];

const isPlatformHost = (host: string) => PLATFORM_HOSTS.some((p) => host === p || host.endsWith(`.${p}`));

export interface IdentifierValue {
  kind: OsintIdentifierKind;
  value: string;
}

export interface ItemForIdentity {
  platform: string | null;
  url: string | null;
  author: string | null;
  author_url: string | null;
  attributes: { phone?: string; email?: string; company?: string; address?: string };
  entities: Entities;
}

/** Lower case, no leading @, spaces folded: one account handle however it was written. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** Company names compared without case, accents, punctuation or legal form. */
export function normalizeCompany(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(sarl|sarlau|sa|sas|sasu|ltd|llc|inc|eurl|co)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The platform an item's author lives on: the declared one, else the item's host. */
export function platformOf(item: { platform: string | null; url: string | null }): string {
  if (item.platform) return item.platform.trim().toLowerCase();
  return hostOf(item.url) ?? 'unknown';
}

/** Every identifier of an item, de-duplicated. */
export function identifiersOf(item: ItemForIdentity): IdentifierValue[] {
  const out = new Map<string, IdentifierValue>();
  const add = (kind: OsintIdentifierKind, value: string | null | undefined) => {
    if (!value) return;
    const v = value.trim();
    if (!v || v.length > 500) return;
    out.set(`${kind}\u0000${v}`, { kind, value: v });
  };
  const platform = platformOf(item);
  if (item.author) add('handle', `${platform}:${normalizeHandle(item.author)}`);
  if (item.author_url) add('shop_url', canonicalUrl(item.author_url));
  for (const phone of item.entities.phones ?? []) add('phone', phone);
  if (item.attributes.phone)
    for (const part of item.attributes.phone.split(/[,;/]| or | ou /)) add('phone', normalizePhone(part));
  for (const email of item.entities.emails ?? []) add('email', email.toLowerCase());
  if (item.attributes.email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(item.attributes.email.trim()))
    add('email', item.attributes.email.trim().toLowerCase());
  for (const h of item.entities.handles ?? []) {
    if (h.platform === 'unknown') continue;
    const keepCase = h.platform === 'whatsapp' || h.handle.startsWith('+');
    add('handle', `${h.platform}:${keepCase ? h.handle : normalizeHandle(h.handle)}`);
  }
  const ownHost = hostOf(item.url);
  for (const url of item.entities.urls ?? []) {
    const host = hostOf(url);
    if (!host || host === ownHost || isPlatformHost(host)) continue;
    add('shop_url', `https://${host}`);
  }
  if (item.attributes.company) add('company', normalizeCompany(item.attributes.company));
  if (item.attributes.address) add('address', item.attributes.address.replace(/\s+/g, ' ').trim());
  return [...out.values()];
}

/** An identifier as it is stored, from a value written any way (a phone in any format, `Platform:@Handle`…). */
export function storedIdentifier(kind: OsintIdentifierKind, value: string): string {
  return kind === 'phone'
    ? (normalizePhone(value) ?? value)
    : kind === 'email'
      ? value.trim().toLowerCase()
      : kind === 'company'
        ? normalizeCompany(value)
        : kind === 'shop_url'
          ? (canonicalUrl(value) ?? value)
          : kind === 'handle' && value.includes(':')
            ? `${value.slice(0, value.indexOf(':')).toLowerCase()}:${normalizeHandle(value.slice(value.indexOf(':') + 1))}`
            : value.trim();
}

/**
 * The phone a search text names, as identifiers store it (E.164), when the text is a phone number written any way
 * ("0700088808", "+212 700 08 88 08", "00212700088808"); null for any other text. A search for a phone then finds
 * what holds that number however the post wrote it.
 */
export function searchedPhone(q: string): string | null {
  const text = q.trim();
  if (!/^[\d\s+().-]+$/.test(text) || text.replace(/\D/g, '').length < 8) return null;
  return normalizePhone(text);
}
