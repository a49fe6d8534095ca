import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICONS } from '../compile.ts';
import { BRANDS } from '../gazetteer/brands.ts';
import { CITIES, COUNTRIES } from '../gazetteer/places.ts';
import { phraseKeysOf } from '../matcher.ts';
import { MAD_PER_UNIT } from '../rates.ts';
import { NEGATORS, WARNING_TRIGGERS } from './context.ts';

// Short keys match ordinary words ("a+++" folds to "a", the French "à"): each one here was checked by hand.
const SHORT_ALLOWED = new Set([
  'dm',
  'mp',
  'pm',
  'ua',
  'lv',
  'ps5',
  'cod',
  'ddp',
  'hgh',
  'tmn',
  'tl',
  'pas',
  'non',
  'ni',
  'no',
  'not',
  'ddp',
]);

describe('lexicon data', () => {
  it('has unique rule types, weights in [0, 1] and a description for each entry', () => {
    const types = DEFAULT_LEXICONS.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const e of DEFAULT_LEXICONS) {
      expect(e.weight, e.type).toBeGreaterThanOrEqual(0);
      expect(e.weight, e.type).toBeLessThanOrEqual(1);
      expect(e.describe.length, e.type).toBeGreaterThan(5);
      expect(
        e.type.startsWith(
          e.category === 'health_risk'
            ? 'health.'
            : e.category === 'duty_evasion'
              ? 'duty.'
              : e.category === 'sale_intent'
                ? 'sale.'
                : `${e.category}.`,
        ),
        e.type,
      ).toBe(true);
    }
  });

  it('has no phrase that folds to nothing or to a short ambiguous word', () => {
    const all = [
      ...DEFAULT_LEXICONS.flatMap((e) => e.phrases),
      ...BRANDS.flatMap((b) => [...b.aliases, ...(b.products ?? []).flatMap((p) => p.aliases)]),
      ...CITIES.flatMap((c) => [...c.aliases, ...(c.districts ?? []).flatMap((d) => d.aliases)]),
      ...COUNTRIES.flatMap((c) => c.aliases),
    ];
    for (const phrase of all) {
      const keys = phraseKeysOf(phrase);
      expect(keys.length, phrase).toBeGreaterThan(0);
      if (keys.length === 1 && keys[0]!.length <= 2)
        expect(SHORT_ALLOWED.has(keys[0]!), `short phrase "${phrase}"`).toBe(true);
    }
  });

  it('does not list the same phrase in two entries of one category (it would count twice)', () => {
    const duplicates: string[] = [];
    const byCategory = new Map<string, Map<string, string>>();
    for (const e of DEFAULT_LEXICONS) {
      const seen = byCategory.get(e.category) ?? new Map<string, string>();
      byCategory.set(e.category, seen);
      for (const p of e.phrases) {
        const key = phraseKeysOf(p).join(' ');
        const other = seen.get(key);
        if (other && other !== e.type) duplicates.push(`"${p}" in ${e.type} and ${other}`);
        seen.set(key, e.type);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('negators and warning triggers fold to words', () => {
    for (const w of [...NEGATORS, ...WARNING_TRIGGERS]) expect(phraseKeysOf(w).length, w).toBeGreaterThan(0);
  });
});

describe('gazetteer data', () => {
  it('gives every brand a consistent genuine price range in MAD, EUR and USD', () => {
    const names = BRANDS.map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
    for (const b of BRANDS) {
      for (const g of [b.genuine, ...(b.products ?? []).map((p) => p.genuine)]) {
        for (const cur of ['MAD', 'EUR', 'USD'] as const) {
          const [min, max] = g[cur];
          expect(min, `${b.name} ${cur}`).toBeGreaterThan(0);
          expect(max, `${b.name} ${cur}`).toBeGreaterThanOrEqual(min);
        }
        // The three ranges describe the same goods: their minimums agree within a factor of two after conversion.
        const eurInMad = g.EUR[0] * MAD_PER_UNIT.EUR!;
        expect(eurInMad / g.MAD[0], b.name).toBeGreaterThan(0.5);
        expect(eurInMad / g.MAD[0], b.name).toBeLessThan(2);
      }
    }
  });

  it('covers the brands, cities and hubs investigators ask for', () => {
    const brands = BRANDS.map((b) => b.name);
    for (const b of [
      'Nike',
      'Adidas',
      'Louis Vuitton',
      'Gucci',
      'Rolex',
      'Chanel',
      'Dior',
      'Apple',
      'Samsung',
      'Hermès',
      'Balenciaga',
      'Lacoste',
      'Ray-Ban',
      'Cartier',
      'Omega',
      'Dyson',
      'Pandora',
    ]) {
      expect(brands).toContain(b);
    }
    const cities = CITIES.map((c) => c.name);
    for (const c of [
      'Casablanca',
      'Rabat',
      'Tangier',
      'Fès',
      'Marrakech',
      'Agadir',
      'Oujda',
      'Nador',
      'Kénitra',
      'Meknès',
      'Tétouan',
      'Laâyoune',
      'Mohammedia',
      'El Jadida',
      'Salé',
    ]) {
      expect(cities).toContain(c);
    }
    const countries = COUNTRIES.map((c) => c.name);
    for (const c of ['China', 'Guangzhou', 'Yiwu', 'Shenzhen', 'Putian', 'Istanbul', 'Dubai', 'Turkey'])
      expect(countries).toContain(c);
  });
});
