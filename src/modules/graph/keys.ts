/**
 * Entity types and their keys: every entity is `type:key`, the key normalised so that the same thing written
 * twice is one entity (deterministic resolution): phones in E.164 (the online-monitoring normaliser), e-mails in
 * lower case, company identifiers, plates and title numbers upper case without spaces, names and addresses
 * folded (accents, case, punctuation, legal-form words, common transliteration variants). Pure functions.
 */

export const ENTITY_TYPES = [
  'person',
  'company',
  'declarant',
  'seller',
  'courier',
  'phone',
  'email',
  'address',
  'city',
  'vehicle',
  'property',
  'bank',
  'bank_account',
  'account',
  'website',
  'online_seller',
  'declaration',
  'manifest',
  'container',
  'payment',
  'case',
  'seizure',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Entities that exist only because online monitoring saw them (hidden from users who may not read it). */
export const OSINT_TYPES: readonly EntityType[] = ['online_seller', 'account', 'website'];

export const LINK_TYPES = [
  'importer_of',
  'declarant_of',
  'seller_of',
  'courier_of',
  'has_phone',
  'has_email',
  'located_at',
  'in_city',
  'manager_of',
  'consignee_of',
  'manifest_of',
  'carries',
  'paid',
  'beneficiary_of',
  'paid_through',
  'payment_for',
  'has_account',
  'has_website',
  'same_name',
  'owns',
  'uses',
  'related',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Legal-form and filler words that say nothing of who a company is. */
const LEGAL_WORDS = new Set([
  'sarl',
  'sarlau',
  'sa',
  'sas',
  'sasu',
  'snc',
  'scs',
  'ste',
  'societe',
  'society',
  'company',
  'co',
  'ltd',
  'limited',
  'llc',
  'inc',
  'corp',
  'gmbh',
  'ag',
  'bv',
  'spa',
  'srl',
  'group',
  'groupe',
  'et',
  'and',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'the',
  'trading',
  'import',
  'export',
  'import-export',
]);

/** Transliteration variants folded to one spelling (French and English renderings of Arabic names). */
const VARIANTS: [RegExp, string][] = [
  [/^(mohammed|mohamed|muhammad|mohammad|mhamed|mohamad|mouhamed)$/, 'mohamed'],
  [/^(ahmed|ahmad|ahmet)$/, 'ahmed'],
  [/^(youssef|yousef|youssouf|yusuf|joseph)$/, 'youssef'],
  [/^(abdelaziz|abdulaziz|abdel-aziz)$/, 'abdelaziz'],
  [/^(hassan|hasan)$/, 'hassan'],
  [/^(hussein|houssein|hussain|hocine)$/, 'hussein'],
  [/^(fatima|fatma|fatiha)$/, 'fatima'],
  [/^(khadija|khadidja|khadeeja)$/, 'khadija'],
];

/** Lower case, no accents, letters and digits only, words separated by one space. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A name's words, folded, variants unified, articles (el, al, ben…) joined, legal forms dropped. */
export function nameTokens(name: string, dropLegal = true): string[] {
  const words = fold(name)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/^(el|al)-?(?=\p{L}{3})/u, ''))
    .map((w) => VARIANTS.find(([re]) => re.test(w))?.[1] ?? w)
    .map((w) => w.replace(/(\p{L})\1+/gu, '$1'));
  const kept = dropLegal ? words.filter((w) => !LEGAL_WORDS.has(w) && !['el', 'al'].includes(w)) : words;
  return kept.length ? kept : words;
}

/** The key of a person or company known only by name: its tokens, sorted (word order does not matter). */
export const nameKey = (name: string) => [...nameTokens(name)].sort().join(' ');

export const emailKey = (email: string) => email.trim().toLowerCase();
export const codeKey = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');
export const addressKey = (address: string, city?: string | null) =>
  [fold(address), city ? fold(city) : ''].filter(Boolean).join(' | ');

/** A phone in E.164 through the given normaliser (the osint module's), or its digits when it does not parse. */
export function phoneKey(raw: string, normalize: (raw: string) => string | null): string | null {
  const e164 = normalize(raw);
  if (e164) return e164;
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 6 ? digits : null;
}

/** `type:value` (e.g. `phone:+212612345678`, `company:7IPEL2O`, `online_seller:12`). */
export function parseEntityKey(text: string): { type: EntityType; key: string } | null {
  const at = text.indexOf(':');
  if (at <= 0) return null;
  const type = text.slice(0, at) as EntityType;
  const value = text.slice(at + 1).trim();
  if (!ENTITY_TYPES.includes(type) || !value) return null;
  return { type, key: normalizeKey(type, value) };
}

/** The stored key of a value typed by hand (phones are left as given if they need the normaliser: see below). */
export function normalizeKey(type: EntityType, value: string): string {
  switch (type) {
    case 'email':
      return emailKey(value);
    case 'person':
      return nameKey(value);
    case 'phone':
      return value.replace(/[^\d+]/g, '');
    case 'address':
    case 'city':
      return fold(value);
    case 'company':
    case 'declarant':
    case 'seller':
    case 'courier':
    case 'vehicle':
    case 'property':
    case 'container':
      return value.startsWith('name:') ? `name:${nameKey(value.slice(5))}` : codeKey(value);
    case 'website':
      return value
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/$/, '');
    default:
      return value.trim();
  }
}
