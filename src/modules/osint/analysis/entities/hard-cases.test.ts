import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSignals } from '../signals.ts';
import { extractWeb } from './web.ts';

interface HardCase {
  text: string;
  phones?: string[];
  emails?: string[];
  urls?: string[];
}
const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'hard-cases.json'), 'utf8')) as {
  cases: HardCase[];
};

// The self-written hard cases (data/hard-cases.json): every entity that must come out, and nothing else, through
// the same path as `vigie osint analyze` (extractSignals → entities).
describe('entities on the hard cases', () => {
  it('has the cases it claims', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const e = extractSignals(c.text).entities;
    expect([...e.phones].sort()).toEqual([...(c.phones ?? [])].sort());
    expect([...e.emails].sort()).toEqual([...(c.emails ?? [])].sort());
    expect([...e.urls].sort()).toEqual([...(c.urls ?? [])].sort());
  });
});

describe('evidence spans of disguised entities', () => {
  it('points a phone written with letters, and one spelled out, into the original text', () => {
    const text =
      'WhatsApp O6 I2 34 56 78, sinon zéro six douze trente-quatre cinquante-six soixante-dix-neuf';
    const x = extractSignals(text);
    const phone = x.signals.find((s) => s.type === 'sale.phone')!;
    expect(phone.text).toBe('O6 I2 34 56 78');
    expect(text.slice(phone.start, phone.end)).toBe(phone.text);
    expect(x.entities.phones).toEqual(['+212612345678', '+212612345679']);
  });

  it('points a defanged or entity-encoded URL at what the post says, not at the cleaned form', () => {
    const text = 'IOC hxxps://evil-shop[.]com/login?a=1&amp;b=2 end';
    const [u] = extractWeb(text).urls;
    expect(u!.url).toBe('https://evil-shop.com/login?a=1&b=2');
    expect(text.slice(u!.start, u!.end)).toBe('hxxps://evil-shop[.]com/login?a=1&amp;b=2');
  });

  it('names the brands inside host names and handles, short aliases only as a whole part', () => {
    expect(extractWeb('https://cheap-rolex-daytona.shop/p').brands).toEqual(['Rolex']);
    expect(extractWeb('instagram.com/gucci_outlet_casa').brands).toEqual(['Gucci']);
    expect(extractWeb('insta @lv_bags_ma').brands).toEqual(['Louis Vuitton']);
    expect(extractWeb('https://silverware.example.com').brands).toEqual([]);
    expect(extractSignals('replicas at https://cheap-rolex-daytona.shop').entities.brands).toContain('Rolex');
  });
});
