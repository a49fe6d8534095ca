import { describe, expect, it } from 'vitest';
import { quotedValues, segments, spansFromSignals, spansFromValues, textOffset } from './highlight.ts';

const marked = (text: string, spans: Parameters<typeof segments>[1]) =>
  segments(text, spans)
    .filter((s) => s.span)
    .map((s) => `${s.span!.kind}:${s.text}`);

describe('highlighting signals', () => {
  it('finds signals by value when their offsets do not point at their words', () => {
    const text = 'Rolex copie 1:1, 1450 dh';
    const spans = spansFromSignals(text, [
      { category: 'counterfeit', start: 100, end: 105, text: 'Rolex' },
      { category: 'counterfeit', start: 12, end: 15, text: '1:1' },
      { category: 'sale_intent', text: '1450 dh' },
      { category: 'counterfeit', start: 0, end: 0, text: '' },
    ]);
    expect(marked(text, spans)).toEqual(['counterfeit:Rolex', 'counterfeit:1:1', 'sale_intent:1450 dh']);
  });

  it('shifts offsets past the title the analysis read first', () => {
    const title = 'شنط لويس فيتون';
    const text = 'ماستر كوبي 510 درهم';
    const offset = textOffset(title, text);
    expect(offset).toBe(title.length + 1);
    const spans = spansFromSignals(
      text,
      [
        { category: 'counterfeit', start: 0, end: 14, text: title },
        { category: 'counterfeit', start: offset, end: offset + 10, text: 'ماستر كوبي' },
      ],
      offset,
    );
    expect(marked(text, spans)).toEqual(['counterfeit:ماستر كوبي']);
  });

  it('lets risk evidence win over sale intent where they overlap, and marks negations', () => {
    const text = 'Pas de réplique ici, prix 1450 dh';
    const values = quotedValues([
      'Counterfeit (0.60): price “1450 dh”',
      'Sale intent: a price “1450 dh”',
      'Not counted (negated or warned against): “réplique”',
    ]);
    expect(marked(text, spansFromValues(text, values))).toEqual(['negated:réplique', 'counterfeit:1450 dh']);
  });

  it('matches values whatever their case', () => {
    expect(
      marked('AAA quality', spansFromValues('AAA quality', [{ value: 'aaa', kind: 'counterfeit' }])),
    ).toEqual(['counterfeit:AAA']);
  });
});
