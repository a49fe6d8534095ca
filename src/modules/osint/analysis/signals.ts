/**
 * From a post's text to evidence: risky terms (with negation and warning scope), brands and the "price far below
 * genuine" test, sale-intent cues, context cues, and the entities. Every signal carries its span in the original
 * text. Scoring is separate (score.ts) so that the same evidence can be weighed by rules, a classifier or both.
 */
import { defaultTrie, IDIOM_KEYS, NEGATOR_KEYS, type Payload } from './compile.ts';
import { extractPhones } from './entities/phones.ts';
import { extractPrices, normalizeCurrency, parseAmount } from './entities/prices.ts';
import { extractWeb } from './entities/web.ts';
import type { Brand, GenuinePrices } from './gazetteer/brands.ts';
import { dropContained, type PhraseMatch, type PhraseTrie } from './matcher.ts';
import { type NormalizedText, normalizeText, originalSpan, type Token, tokenize } from './normalize.ts';
import { toMad } from './rates.ts';
import type { Entities, Post, PriceEntity, Signal } from './types.ts';

export interface Extraction {
  signals: Signal[];
  entities: Entities;
  /** Context types present (`reporting`, `warning`, `authentic`, …), see lexicon/context.ts. */
  context: Set<string>;
  /** A way to reach the seller: phone, messaging link, handle, e-mail, or "DM / inbox" words. */
  hasContact: boolean;
  norm: NormalizedText;
  tokens: Token[];
}

/** How many words before a term a negator may stand ("ce n'est pas une copie"). */
const NEGATION_WINDOW = 3;
/** How many words after a warning trigger it governs ("attention aux … contrefaçons"). */
const WARNING_WINDOW = 8;
/** Evidence kept per rule type: the tenth "copie" in a post says nothing the first did not (and bounds output). */
const MAX_PER_TYPE = 10;
/** A price under this share of the lowest genuine price is "far below". */
const FAR_BELOW = 0.5;

function negatedAt(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1, n = 0; k >= 0 && n < NEGATION_WINDOW; k--, n++) {
    if (tokens[k + 1]!.breakBefore >= 1) return false;
    if (NEGATOR_KEYS.has(tokens[k]!.key)) return !IDIOM_KEYS.has(tokens[k + 1]!.key);
  }
  return false;
}

function warnedAt(tokens: readonly Token[], first: number, warningEnds: readonly number[]): boolean {
  return warningEnds.some((w) => {
    if (first <= w || first > w + WARNING_WINDOW) return false;
    for (let k = w + 1; k <= first; k++) if (tokens[k]!.breakBefore === 2) return false;
    return true;
  });
}

/** "1:1" is punctuation, not words, so it is found by pattern; next to a quality word it is a grade for sure. */
const ONE_TO_ONE = /(?<![\d:.,/])1\s?:\s?1(?![\d:])/g;
const GRADE_BEFORE =
  /(qualite|quality|calidad|copy|copie|copia|replica|replique|grade|version|نسخة|كوبي)\W{0,3}$/u;
const GRADE_AFTER = /^\W{0,3}(quality|qualite|copy|copie|replica|with|avec|idéntic|identic|puce|stitching)/u;
/** A score or a scale, not a grade: "match nul 1:1", "échelle 1:1". */
const NOT_GRADE = /(match|nul|score|scale|echelle|draw|resultat|ratio|mi-temps)\W{0,12}$/u;

/**
 * Extracts signals and entities from one text.
 *
 * @example
 * const x = extractSignals('Nike Air Force 1 high copy 350dh, DM');
 * x.signals.map((s) => s.type); // ['counterfeit.brand', 'counterfeit.high_copy', 'sale.private_message', …]
 */
export function extractSignals(
  text: string,
  post: Pick<Post, 'price' | 'currency'> = {},
  trie: PhraseTrie<Payload> = defaultTrie(),
): Extraction {
  const norm = normalizeText(text);
  const tokens = tokenize(norm);
  const span = (m: { first: number; last: number }) => {
    const o = originalSpan(norm, tokens[m.first]!.start, tokens[m.last]!.end);
    return { start: o.start, end: o.end, text: text.slice(o.start, o.end) };
  };
  const raw = trie.match(tokens).filter((m) => verify(m, tokens, norm, text));
  const matches = dropContained(raw, (p) => p.group);
  const warningEnds = matches.filter((m) => m.payload.kind === 'warning').map((m) => m.last);
  // Tokens inside "piles AAA", "copie certifiée", "fake news"…: their risky words are not evidence.
  const innocent = matches
    .filter((m) => m.payload.kind === 'lexicon' && m.payload.entry.type === 'context.innocent_use')
    .map((m) => [m.first, m.last] as const);
  const isInnocent = (m: PhraseMatch<Payload>) => innocent.some(([f, l]) => m.first >= f && m.last <= l);

  const signals: Signal[] = [];
  const context = new Set<string>();
  const seen = new Set<string>();
  const brands = new Map<string, { brand: Brand; m: PhraseMatch<Payload> }>();
  const products: { brand: Brand; genuine: GenuinePrices; name: string }[] = [];
  const cities = new Map<string, Entities['cities'][number]>();
  const countries = new Map<string, Entities['countries'][number]>();

  for (const m of matches) {
    const p = m.payload;
    if (p.kind === 'lexicon') {
      const e = p.entry;
      const s = span(m);
      const key = `${e.type}@${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (e.category === 'context') {
        context.add(e.type.slice('context.'.length));
        signals.push({ type: e.type, category: 'context', weight: 0, ...s, detail: e.describe });
        continue;
      }
      const risky = e.category !== 'sale_intent';
      if (risky && isInnocent(m)) continue;
      const negatedByWord = risky && e.negatable === true && negatedAt(tokens, m.first);
      const negated = negatedByWord || (risky && warnedAt(tokens, m.first, warningEnds));
      // "pas une copie", "not a replica": the seller insists on authenticity, which is context in itself.
      if (negatedByWord && e.category === 'counterfeit') context.add('authentic');
      signals.push({
        type: e.type,
        category: e.category,
        weight: negated ? 0 : e.weight,
        ...s,
        ...(negated ? { negated: true } : {}),
        detail: e.describe,
      });
    } else if (p.kind === 'brand') {
      if (!brands.has(p.brand.name)) brands.set(p.brand.name, { brand: p.brand, m });
    } else if (p.kind === 'product') {
      products.push({ brand: p.brand, genuine: p.product.genuine, name: p.product.name });
    } else if (p.kind === 'city') {
      const name = p.district ?? p.city.name;
      cities.set(name, { name, kind: p.district ? 'district' : 'city', city: p.city.name });
    } else if (p.kind === 'country') {
      countries.set(p.country.name, { name: p.country.name, code: p.country.code, kind: p.country.kind });
    }
  }

  for (const m of norm.text.matchAll(ONE_TO_ONE)) {
    const before = norm.text.slice(Math.max(0, m.index - 20), m.index);
    const after = norm.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (NOT_GRADE.test(before)) continue;
    const graded = GRADE_BEFORE.test(before) || GRADE_AFTER.test(after);
    const o = originalSpan(norm, m.index, m.index + m[0].length);
    signals.push({
      type: 'counterfeit.one_to_one',
      category: 'counterfeit',
      weight: graded ? 0.75 : 0.45,
      start: o.start,
      end: o.end,
      text: text.slice(o.start, o.end),
      detail: 'the "1:1" (one-to-one copy) grade',
    });
  }

  for (const { brand, m } of brands.values()) {
    const s = span(m);
    const warned = warnedAt(tokens, m.first, warningEnds);
    signals.push({
      type: 'counterfeit.brand',
      category: 'counterfeit',
      weight: warned ? 0 : 0.12,
      ...s,
      ...(warned ? { negated: true } : {}),
      detail: `brand ${brand.name}`,
    });
  }

  const defaultCurrency = normalizeCurrency(post.currency) ?? 'MAD';
  const prices = extractPrices(norm, text, defaultCurrency);
  const fieldPrice = priceFromField(post.price, defaultCurrency);
  if (fieldPrice) prices.push(fieldPrice);
  for (const price of prices) {
    const below = farBelow(
      price,
      [...brands.values()].map((b) => b.brand),
      products,
    );
    if (below) {
      signals.push({
        type: 'counterfeit.price_below_genuine',
        category: 'counterfeit',
        weight: 0.55,
        start: price.start ?? 0,
        end: price.end ?? 0,
        text: price.text ?? '',
        detail: below,
      });
    }
  }

  const web = extractWeb(text);
  const phones = [...extractPhones(norm, text), ...web.phones];
  for (const ph of phones.slice(0, 1)) {
    signals.push({
      type: 'sale.phone',
      category: 'sale_intent',
      weight: 0.5,
      start: ph.start,
      end: ph.end,
      text: ph.text,
      detail: 'a phone number',
    });
  }
  const messaging = web.urls.find((u) =>
    /^https:\/\/(wa\.me|chat\.whatsapp\.com|api\.whatsapp\.com|t\.me)\//.test(u.url),
  );
  if (messaging) {
    signals.push({
      type: 'sale.messaging_link',
      category: 'sale_intent',
      weight: 0.5,
      start: messaging.start,
      end: messaging.end,
      text: text.slice(messaging.start, messaging.end),
      detail: 'a WhatsApp / Telegram link',
    });
  }
  const firstPrice = prices.find((p) => p.start !== null);
  if (firstPrice) {
    signals.push({
      type: 'sale.price',
      category: 'sale_intent',
      weight: 0.4,
      start: firstPrice.start!,
      end: firstPrice.end!,
      text: firstPrice.text!,
      detail: 'a price',
    });
  }

  const hasContact =
    phones.length > 0 ||
    messaging !== undefined ||
    web.handles.length > 0 ||
    web.emails.length > 0 ||
    signals.some((s) => s.type === 'sale.private_message' && !s.negated);

  const entities: Entities = {
    brands: unique([...brands.keys(), ...web.brands]),
    phones: unique(phones.map((p) => p.e164)),
    emails: unique(web.emails),
    urls: unique(web.urls.map((u) => u.url)),
    handles: uniqueBy(web.handles, (h) => `${h.platform}:${h.handle.toLowerCase()}`),
    cities: [...cities.values()],
    countries: [...countries.values()],
    prices,
  };
  const perType = new Map<string, number>();
  const kept = signals.filter((sig) => {
    const n = (perType.get(sig.type) ?? 0) + 1;
    perType.set(sig.type, n);
    return n <= MAX_PER_TYPE;
  });
  kept.sort((a, b) => a.start - b.start || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return { signals: kept, entities, context, hasContact, norm, tokens };
}

/** Gazetteer aliases that are also common words only count in their distinctive written form. */
function verify(
  m: PhraseMatch<Payload>,
  tokens: readonly Token[],
  norm: NormalizedText,
  text: string,
): boolean {
  const p = m.payload;
  const needs = p.kind === 'brand' ? p.capitalised : p.kind === 'city' ? p.accented : null;
  if (!needs) return true;
  const o = originalSpan(norm, tokens[m.first]!.start, tokens[m.last]!.end);
  const written = text.slice(o.start, o.end);
  if (p.kind === 'brand') return /^\p{Lu}/u.test(written);
  return written.normalize('NFC').toLowerCase() === needs.normalize('NFC').toLowerCase();
}

function priceFromField(price: Post['price'], currency: string): PriceEntity | null {
  if (price === null || price === undefined || price === '') return null;
  const amount =
    typeof price === 'number'
      ? price
      : parseAmount(
          String(price)
            .replace(/[^\d.,\s]/g, '')
            .trim(),
        );
  if (!Number.isFinite(amount) || amount <= 0) return null;
  return { amount, currency, amount_mad: toMad(amount, currency), text: null, start: null, end: null };
}

function lowestGenuine(
  g: GenuinePrices,
  price: PriceEntity,
): { min: number; amount: number; currency: string } | null {
  const cur = price.currency as keyof GenuinePrices;
  if (g[cur]) return { min: g[cur][0], amount: price.amount, currency: cur };
  return price.amount_mad === null ? null : { min: g.MAD[0], amount: price.amount_mad, currency: 'MAD' };
}

/** Plain-language explanation when the price is under half the lowest genuine price of a mentioned brand. */
function farBelow(
  price: PriceEntity,
  brands: readonly Brand[],
  products: readonly { brand: Brand; genuine: GenuinePrices; name: string }[],
): string | null {
  for (const brand of brands) {
    const lines = products.filter((p) => p.brand === brand);
    // Several product lines named (a Chanel perfume and a bag): compare with the cheapest, to stay conservative.
    const candidates = lines.length
      ? lines.map((l) => ({ g: l.genuine, what: `${brand.name} ${l.name}` }))
      : [{ g: brand.genuine, what: brand.name }];
    let best: { min: number; amount: number; currency: string; what: string } | null = null;
    for (const c of candidates) {
      const got = lowestGenuine(c.g, price);
      if (got && (!best || got.min < best.min)) best = { ...got, what: c.what };
    }
    if (best && best.amount < best.min * FAR_BELOW) {
      return `${fmt(best.amount)} ${best.currency} for ${best.what}, whose genuine price starts around ${fmt(best.min)} ${best.currency}`;
    }
  }
  return null;
}

/** "12,500": `toLocaleString` would do, but it goes through ICU and costs more than the whole analysis. */
function fmt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const m = new Map<string, T>();
  for (const x of xs) if (!m.has(key(x))) m.set(key(x), x);
  return [...m.values()];
}
