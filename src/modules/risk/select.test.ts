import { describe, expect, it } from 'vitest';
import { type Candidate, DEFAULT_OFFICE_PARAMS, type OfficeParams, select } from './select.ts';

/** `n` one-item declarations, expected value falling with the index (D0 riskiest). */
function candidates(n: number, overrides: (i: number) => Partial<Candidate> = () => ({})): Candidate[] {
  return Array.from({ length: n }, (_, i) => ({
    reference: `D${i}`,
    items: 1,
    score: n - i,
    probability: 0.5,
    expected_value: 1000 * (n - i),
    forced: null,
    ...overrides(i),
  }));
}

const params = (p: Partial<OfficeParams> = {}): OfficeParams => ({
  ...DEFAULT_OFFICE_PARAMS,
  office_code: '301',
  ...p,
});

describe('selection within capacity', () => {
  it('at a 5 % capacity selects exactly the capacity, with its random share, reproducibly', () => {
    const list = candidates(2000);
    const capacity = 100; // 5 % of 2,000 items
    const a = select(list, params({ capacity_items: capacity, random_rate: 0.05 }), {
      seed: 'office 301, 2024-03-18',
    });
    const chosen = a.assignments.filter((x) => x.channel === 'red' || x.channel === 'yellow');
    expect(chosen.length).toBe(capacity);
    expect(a.selectedItems).toBe(capacity);
    expect(a.used).toBe(capacity);
    expect(a.counts.random).toBe(5);
    expect(a.randomItems).toBe(5);
    expect(a.counts.ranked).toBe(95);
    // The ranked part is the top of the expected values among what was not drawn.
    const ranked = a.assignments.flatMap((x, i) => (x.basis === 'ranked' ? [i] : []));
    const drawn = new Set(a.assignments.flatMap((x, i) => (x.basis === 'random' ? [i] : [])));
    const topNotDrawn = list
      .map((_, i) => i)
      .filter((i) => !drawn.has(i))
      .slice(0, 95);
    expect(ranked).toEqual(topNotDrawn);
    // Red fills its share of capacity (3 % of 5 %) first, yellow the rest.
    expect(a.counts.red).toBe(60);
    expect(a.counts.yellow).toBe(40);
    // Deferred control: 1 % of the items, next by expected value.
    expect(a.counts.blue).toBe(20);
    expect(a.counts.green).toBe(2000 - 120);
    // Same seed, same selection; another seed draws others at random.
    const b = select(list, params({ capacity_items: capacity, random_rate: 0.05 }), {
      seed: 'office 301, 2024-03-18',
    });
    expect(b.assignments).toEqual(a.assignments);
    const c = select(list, params({ capacity_items: capacity, random_rate: 0.05 }), { seed: 'another seed' });
    const drawnC = new Set(c.assignments.flatMap((x, i) => (x.basis === 'random' ? [i] : [])));
    expect(drawnC).not.toEqual(drawn);
    expect(c.selectedItems).toBe(capacity);
  });

  it('does not depend on the order candidates come in', () => {
    const list = candidates(300);
    const shuffled = [...list].reverse();
    const a = select(list, params({ capacity_items: 30 }), { seed: 's' });
    const b = select(shuffled, params({ capacity_items: 30 }), { seed: 's' });
    const byRef = (r: ReturnType<typeof select>, l: Candidate[]) =>
      Object.fromEntries(l.map((c, i) => [c.reference, r.assignments[i]!.channel]));
    expect(byRef(b, shuffled)).toEqual(byRef(a, list));
  });

  it('raises the random share to the office minimum, never above the capacity', () => {
    const list = candidates(1000);
    const r = select(list, params({ capacity_items: 100, random_rate: 0.1 }), {
      seed: 's',
      randomShare: 0.03,
    });
    expect(r.randomShare).toBe(0.1);
    expect(r.counts.random).toBe(10);
    expect(r.selectedItems).toBe(100);
  });

  it('takes forced channels first; they count against capacity and an excess is reported', () => {
    const list = candidates(100, (i) => (i >= 90 ? { forced: 'red' } : i === 0 ? { forced: 'green' } : {}));
    const r = select(list, params({ capacity_items: 20, random_rate: 0 }), { seed: 's' });
    expect(r.assignments.slice(90).every((a) => a.channel === 'red' && a.basis === 'forced')).toBe(true);
    expect(r.assignments[0]).toEqual({ channel: 'green', basis: 'forced', rank: null });
    expect(r.selectedItems).toBe(20);
    expect(r.overCapacity).toBe(false);
    const over = select(list, params({ capacity_items: 5, random_rate: 0 }), { seed: 's' });
    expect(over.selectedItems).toBe(10);
    expect(over.overCapacity).toBe(true);
  });

  it('fills a capacity in officer hours: red items cost more minutes than yellow', () => {
    const list = candidates(500);
    const r = select(
      list,
      params({ capacity_hours: 10, random_rate: 0, minutes_red: 60, minutes_yellow: 20 }),
      { seed: 's' },
    );
    expect(r.unit).toBe('minutes');
    expect(r.budget).toBe(600);
    // 360 minutes of red (3/5 of capacity): 6 items, then 240 minutes of yellow: 12 items.
    expect([r.counts.red, r.counts.yellow]).toEqual([6, 12]);
    expect(r.used).toBe(600);
  });

  it('fits declarations of several items without going over capacity', () => {
    const list = candidates(50, (i) => ({ items: (i % 4) + 1 }));
    const r = select(list, params({ capacity_items: 23, random_rate: 0 }), { seed: 's' });
    expect(r.selectedItems).toBe(23);
    expect(r.used).toBeLessThanOrEqual(23);
  });

  it('without a capacity, inspects the target rates of the day on average (seeded rounding)', () => {
    let total = 0;
    for (let d = 0; d < 200; d++)
      total += select(candidates(30), params(), { seed: `day ${d}` }).selectedItems;
    // 5 % of 30 items = 1.5 a day.
    expect(total / 200).toBeGreaterThan(1.3);
    expect(total / 200).toBeLessThan(1.7);
  });
});
