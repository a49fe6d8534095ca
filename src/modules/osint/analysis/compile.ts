/**
 * Compiles the lexicons and gazetteers into one phrase trie, once per process. One trie for everything means one
 * pass over a post's tokens whatever the number of lexicons; payloads say what a phrase is (a risky term, a brand,
 * a product line, a city, a country, a warning trigger).
 */
import { BRANDS, type Brand, type ProductLine } from './gazetteer/brands.ts';
import { CITIES, type CityEntry, COUNTRIES, type CountryEntry } from './gazetteer/places.ts';
import { CONTEXT_LEXICON, NEGATION_IDIOMS, NEGATORS, WARNING_TRIGGERS } from './lexicon/context.ts';
import { COUNTERFEIT_LEXICON } from './lexicon/counterfeit.ts';
import { DUTY_LEXICON } from './lexicon/duty.ts';
import type { LexiconEntry } from './lexicon/entry.ts';
import { HEALTH_LEXICON } from './lexicon/health.ts';
import { SALE_LEXICON } from './lexicon/sale.ts';
import { PhraseTrie, phraseKeysOf } from './matcher.ts';

/** `group` decides which overlapping matches compete (the longest of a group wins); computed once, at build. */
export type Payload = { group: string } & (
  | { kind: 'lexicon'; entry: LexiconEntry }
  | { kind: 'brand'; brand: Brand; capitalised: string | null }
  | { kind: 'product'; brand: Brand; product: ProductLine }
  | { kind: 'city'; city: CityEntry; district: string | null; accented: string | null }
  | { kind: 'country'; country: CountryEntry }
  | { kind: 'warning' }
);

export const DEFAULT_LEXICONS: LexiconEntry[] = [
  ...COUNTERFEIT_LEXICON,
  ...HEALTH_LEXICON,
  ...DUTY_LEXICON,
  ...SALE_LEXICON,
  ...CONTEXT_LEXICON,
];

/** Builds the trie; `lexicons` lets a deployment add its own terms (e.g. a campaign's code words). */
export function buildTrie(lexicons: readonly LexiconEntry[] = DEFAULT_LEXICONS): PhraseTrie<Payload> {
  const trie = new PhraseTrie<Payload>();
  for (const entry of lexicons) {
    // Spellings that fold to the same words ("copie", "Copie", "cópie") are stored once per entry.
    const done = new Set<string>();
    for (const p of entry.phrases) {
      const key = phraseKeysOf(p).join(' ');
      if (done.has(key)) continue;
      done.add(key);
      trie.add(p, { kind: 'lexicon', entry, group: `lex:${entry.category}` });
    }
  }
  for (const brand of BRANDS) {
    for (const a of brand.aliases) trie.add(a, { kind: 'brand', brand, capitalised: null, group: 'brand' });
    for (const a of brand.capitalisedAliases ?? [])
      trie.add(a, { kind: 'brand', brand, capitalised: a, group: 'brand' });
    for (const product of brand.products ?? []) {
      for (const a of product.aliases)
        trie.add(a, { kind: 'product', brand, product, group: `product:${brand.name}` });
    }
  }
  for (const city of CITIES) {
    for (const a of city.aliases)
      trie.add(a, { kind: 'city', city, district: null, accented: null, group: 'city' });
    for (const a of city.accentedAliases ?? [])
      trie.add(a, { kind: 'city', city, district: null, accented: a, group: 'city' });
    for (const d of city.districts ?? []) {
      for (const a of d.aliases)
        trie.add(a, { kind: 'city', city, district: d.name, accented: null, group: 'city' });
    }
  }
  for (const country of COUNTRIES)
    for (const a of country.aliases) trie.add(a, { kind: 'country', country, group: 'country' });
  for (const w of WARNING_TRIGGERS) trie.add(w, { kind: 'warning', group: 'warning' });
  return trie;
}

let shared: PhraseTrie<Payload> | undefined;
/** The trie of the default lexicons, built on first use (about 3,000 phrases, a few milliseconds). */
export function defaultTrie(): PhraseTrie<Payload> {
  shared ??= buildTrie();
  return shared;
}

export const NEGATOR_KEYS = new Set(NEGATORS.flatMap(phraseKeysOf));
export const IDIOM_KEYS = new Set(NEGATION_IDIOMS.flatMap(phraseKeysOf));
