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
  'shareholder_of',
  'employee_of',
  'seen_at',
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

/** Arabic letters of Moroccan plates and their Latin spelling (أ A, ب B, د D, هـ H, و W, ط T, ج J, ش Ch → C…). */
const PLATE_LETTERS: Record<string, string> = {
  ا: 'A',
  أ: 'A',
  ب: 'B',
  د: 'D',
  ه: 'H',
  و: 'W',
  ط: 'T',
  ج: 'J',
  ش: 'C',
  م: 'M',
  ع: 'E',
};

/**
 * A vehicle's key: its country and its plate, upper case, Arabic plate letters in Latin, without spaces, dashes,
 * dots or bars (`12345-أ-6`, `12345 | A | 6` and `12345A6` are one plate): `MA:12345A6`.
 */
export function plateKey(plate: string, country: string): string {
  const letters = [...plate.normalize('NFKC')].map((c) => PLATE_LETTERS[c] ?? c).join('');
  return `${country.trim().toUpperCase()}:${letters.toUpperCase().replace(/[\s\-–.|/_\u0640\u200f\u200e]+/g, '')}`;
}

/**
 * The key of a vehicles record: the plate key, and when the row gives a sighting, the sighting (date, place, city)
 * — each sighting of a vehicle is a record of its own, the evidence of its own `seen_at` link, so that a vehicle
 * seen several times keeps every time and place (`MA:12345A6|2026-10-03|lot 12 zone industrielle ain sebaa|casablanca`).
 */
export function vehicleRecordKey(
  plate: string,
  sighting: { seen_on?: unknown; seen_place?: unknown; seen_city?: unknown },
): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const on = text(sighting.seen_on);
  const placeKey = fold(text(sighting.seen_place));
  const cityKey = fold(text(sighting.seen_city));
  return on || placeKey || cityKey ? `${plate}|${on}|${placeKey}|${cityKey}` : plate;
}

/** A real-estate title number: upper case, no spaces or dots, without a leading "TF" (`T.F. 12345/C` → `12345/C`). */
export function titleKey(title: string): string {
  return title
    .toUpperCase()
    .replace(/[\s.]+/g, '')
    .replace(/^TF(?=\d)/, '');
}

/**
 * A person's key: the national identity card (`cin:AB123456`), else the passport with its issuing country
 * (`passport:FR:12AB34567`), else the folded name — with the birth date when known (`amrani mohamed|1980-03-12`).
 * A person known by name alone is the register's manager of that name (the same key).
 */
export function personKey(p: {
  name?: string | null;
  birth_date?: string | null;
  national_id?: string | null;
  passport?: string | null;
  passport_country?: string | null;
}): string | null {
  if (p.national_id?.trim()) return `cin:${codeKey(p.national_id).replace(/[^A-Z0-9]/g, '')}`;
  if (p.passport?.trim() && p.passport_country?.trim())
    return `passport:${p.passport_country.trim().toUpperCase()}:${codeKey(p.passport).replace(/[^A-Z0-9]/g, '')}`;
  const name = p.name ? nameKey(p.name) : '';
  if (!name) return null;
  return p.birth_date ? `${name}|${p.birth_date}` : name;
}

/**
 * A person named in another record (a vehicle's or a property's owner): `cin:AB123456` or a bare national id,
 * `passport:FR:12AB34567`. Null when it is none of those.
 */
export function personRefKey(ref: string): string | null {
  const text = ref.trim();
  const passport = /^passport:([a-z]{2}):(.+)$/i.exec(text);
  if (passport) return personKey({ passport: passport[2]!, passport_country: passport[1]! });
  const cin = /^(?:cin:)?([a-z]{1,2}\s*\d{1,8})$/i.exec(text);
  if (cin) return personKey({ national_id: cin[1]! });
  return null;
}

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
    case 'person': {
      if (/^(cin|passport):/i.test(value)) return personRefKey(value) ?? value.trim();
      const [name, born] = value.split('|');
      return personKey({ name: name ?? '', birth_date: born?.trim() || null }) ?? value.trim();
    }
    case 'vehicle': {
      const at = value.indexOf(':');
      return at === 2 ? plateKey(value.slice(at + 1), value.slice(0, at)) : codeKey(value);
    }
    case 'property':
      return titleKey(value);
    case 'phone':
      return value.replace(/[^\d+]/g, '');
    case 'address':
    case 'city':
      return fold(value);
    case 'company':
    case 'declarant':
    case 'seller':
    case 'courier':
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
