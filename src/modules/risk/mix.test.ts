import { describe, expect, it } from 'vitest';
import { mixedScores, revenueShareOf } from './mix.ts';
import { parseProfileText, validateDocument } from './rules/validate.ts';
import { candidatesOf } from './select.ts';

const RULE =
  '  - { id: r1, title: A rule, rationale: Because, when: { field: item.hs_code, hs_prefix: "62" }, effect: {} }';

describe('fraud and revenue together: the mixed ranking', () => {
  it('refuses a revenue weight outside [0, 1] or not a number, with its path and YAML line', () => {
    for (const bad of ['1.5', '-0.1', 'high']) {
      const result = parseProfileText(
        ['scoring:', '  rank_by: mixed', `  revenue_weight: ${bad}`, 'rules:', RULE].join('\n'),
      );
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems[0]!.path).toBe('scoring.revenue_weight');
      expect(result.problems[0]!.message).toMatch(/revenue weight must be/);
      expect(result.problems[0]!.line).toBe(3);
    }
    const rankBy = parseProfileText(['scoring:', '  rank_by: revenue', 'rules:', RULE].join('\n'));
    expect(rankBy.ok).toBe(false);
    expect(() => mixedScores([0.5], [10], 2)).toThrow(/revenue weight must be in \[0, 1\]/);
    expect(() => mixedScores([0.5], [10, 20], 0.5)).toThrow(/2 recoveries for 1 probabilities/);
  });

  it('keeps the weight in the profile document, 0.5 unless the profile says', () => {
    const doc = (scoring: object) =>
      validateDocument({
        scoring,
        rules: [
          {
            id: 'r1',
            title: 'A',
            rationale: 'B',
            when: { field: 'item.hs_code', hs_prefix: '62' },
            effect: {},
          },
        ],
      });
    const d = doc({});
    expect(d.ok && [d.document.scoring.rank_by, d.document.scoring.revenue_weight]).toEqual([
      'expected_value',
      0.5,
    ]);
    const own = doc({ rank_by: 'mixed', revenue_weight: 0.3 });
    expect(own.ok && [own.document.scoring.rank_by, own.document.scoring.revenue_weight]).toEqual([
      'mixed',
      0.3,
    ]);
  });

  it('is the probability at w = 0, the expected recovery order at w = 1, and a blend between', () => {
    const p = [0.9, 0.3, 0.1, 0];
    const recovery = [45, 300_000, 5, 1e9];
    expect(Array.from(mixedScores(p, recovery, 0))).toEqual(p);
    const one = mixedScores(p, recovery, 1);
    expect([...one.keys()].sort((a, b) => one[b]! - one[a]!)).toEqual([3, 1, 0, 2]);
    const half = mixedScores(p, [45, 300_000, 5, 0], 0.5);
    // The large declaration of middling probability comes first, the likely small fraud second.
    expect([...half.keys()].sort((a, b) => half[b]! - half[a]!)).toEqual([1, 0, 2, 3]);
    expect(revenueShareOf(0.3, half[1]!, 0.5)).toBeGreaterThan(0.5);
    expect(revenueShareOf(0.9, half[0]!, 0.5)).toBeLessThan(0.5);
    // Unknown or negative recoveries count as none; an empty day is no error.
    expect(Array.from(mixedScores([0.2, 0.4], [Number.NaN, -3], 0.5))).toEqual([0.1, 0.2]);
    expect(mixedScores([], [], 0.5).length).toBe(0);
  });

  it('ranks candidates by the mixed score and marks those picked for their duties', () => {
    const decl = (reference: string, probability: number, expected_value: number) => ({
      reference,
      items: [1],
      score: probability * 100,
      probability,
      expected_value,
      forced: null,
    });
    const list = [decl('SMALL', 0.9, 45), decl('BIG', 0.3, 300_000)];
    const mixed = candidatesOf(list, 'mixed', 0, 0.5);
    expect(mixed[1]!.expected_value).toBeGreaterThan(mixed[0]!.expected_value);
    expect(mixed.map((c) => c.for_revenue)).toEqual([false, true]);
    const byP = candidatesOf(list, 'probability');
    expect(byP[0]!.expected_value).toBeGreaterThan(byP[1]!.expected_value);
    expect(byP[1]!.for_revenue).toBeUndefined();
  });
});
