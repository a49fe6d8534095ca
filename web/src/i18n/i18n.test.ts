import { describe, expect, it } from 'vitest';
import { direction, formatMoney, formatNumber, locale, RESOURCES } from './index.ts';

const { fr, en, ar } = RESOURCES;

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (v: unknown, prefix: string) => {
    if (typeof v === 'string') out[prefix] = [...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    else if (v && typeof v === 'object')
      for (const [k, w] of Object.entries(v)) walk(w, prefix ? `${prefix}.${k}` : k);
  };
  walk(value, '');
  return out;
}

describe('translations', () => {
  it('have the same keys and the same placeholders in French, English and Arabic', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    expect(keys(ar).sort()).toEqual(keys(fr).sort());
    expect(placeholders(en)).toEqual(placeholders(fr));
    expect(placeholders(ar)).toEqual(placeholders(fr));
  });

  it('name each channel once per language, and its long name uses that name', () => {
    const CHANNELS = ['red', 'yellow', 'blue', 'green'];
    for (const [lang, bundle] of Object.entries(RESOURCES)) {
      const short = new Map<string, Set<string>>();
      const long: [string, string][] = [];
      const walk = (v: unknown, path: string[]) => {
        if (typeof v === 'string') {
          const [parent, channel] = path.slice(-2) as [string, string];
          if (!CHANNELS.includes(channel)) return;
          if (parent === 'channels' || parent === 'channel') {
            const names = short.get(channel) ?? new Set();
            names.add(v);
            short.set(channel, names);
          } else if (parent === 'channelLong') long.push([channel, v]);
        } else if (v && typeof v === 'object') for (const [k, w] of Object.entries(v)) walk(w, [...path, k]);
      };
      walk(bundle, []);
      for (const channel of CHANNELS)
        expect([...(short.get(channel) ?? [])], `${lang}: names of the ${channel} channel`).toHaveLength(1);
      for (const [channel, text] of long)
        expect(text.toLowerCase(), `${lang}: long name of ${channel}`).toContain(
          [...short.get(channel)!][0]!.toLowerCase(),
        );
    }
    // Nor is a channel called by another colour in running text.
    expect(JSON.stringify(RESOURCES.fr)).not.toMatch(/rouge, orange/);
    expect(JSON.stringify(RESOURCES.ar)).not.toMatch(/أحمر، برتقالي/);
  });

  it('lay Arabic out right to left and format numbers for each language', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
    expect(locale('ar')).toBe('ar-MA-u-nu-latn');
    expect(formatNumber('fr', 1234567.891, 1).replace(/\s/g, ' ')).toBe('1 234 567,9');
    expect(formatNumber('en', 1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber('ar', 1234)).toMatch(/^1.?234$/);
    expect(formatMoney('fr', 1500, 'MAD')).toMatch(/1\s?500\s?MAD/);
    expect(formatMoney('en', 12, 'XYZ1')).toBe('12 XYZ1');
  });
});
