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
    // The random picks (red) have slots of their own; red fills its share (3 % of 5 %) of the other 95 first,
    // yellow the rest.
    expect(a.slots).toEqual({ random: 5, red: 57, yellow: 38 });
    expect(a.counts.red).toBe(5 + 57);
    expect(a.counts.yellow).toBe(38);
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
    expect(r.assignments[0]).toEqual({ channel: 'green', basis: 'forced', rank: null, why: 'forced' });
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

describe('selection rules an analyst can trust', () => {
  const MIN = { red: 20, yellow: 10 };

  it('office 30, 8 Jan 2021: rank 1 at 95.8 % takes the red slot; the random pick comes from its own share', () => {
    // Capacity 2 items: red 3 % and yellow 2 % of it give 1 red slot; a random share of 0.5 gives 1 random pick.
    const list: Candidate[] = [
      { reference: 'R-958', items: 1, score: 47.9, probability: 0.958, expected_value: 900, forced: null },
      { reference: 'R-188', items: 1, score: 9.4, probability: 0.188, expected_value: 40, forced: null },
      { reference: 'R-300', items: 1, score: 15, probability: 0.3, expected_value: 60, forced: null },
      { reference: 'R-250', items: 1, score: 12.5, probability: 0.25, expected_value: 50, forced: null },
    ];
    for (const seed of ['30|2021-01-08', 'a', 'b', 'c', 'd', 'e']) {
      const r = select(list, params({ capacity_items: 2 }), { seed, randomShare: 0.5, minScore: MIN });
      const random = r.assignments.findIndex((a) => a.basis === 'random');
      expect(random).toBeGreaterThanOrEqual(0);
      if (random === 0) continue; // the draw fell on rank 1 itself
      expect(r.assignments[0]).toMatchObject({ channel: 'red', basis: 'ranked', rank: 1, why: 'red_slot' });
      expect(r.slots).toEqual({ random: 1, red: 1, yellow: 0 });
      expect(r.assignments[random]).toMatchObject({ channel: 'red', basis: 'random', why: 'random' });
    }
  });

  it('says who took the red slot when rank 1 goes yellow', () => {
    const list: Candidate[] = [
      { reference: 'TOP', items: 1, score: 60, probability: 0.9, expected_value: 900, forced: null },
      { reference: 'FORCED', items: 1, score: 5, probability: 0.1, expected_value: 1, forced: 'red' },
      { reference: 'LOW', items: 1, score: 30, probability: 0.3, expected_value: 10, forced: null },
    ];
    const r = select(list, params({ capacity_items: 2, random_rate: 0 }), { seed: 's', minScore: MIN });
    expect(r.slots).toEqual({ random: 0, red: 1, yellow: 1 });
    expect(r.assignments[0]).toMatchObject({
      channel: 'yellow',
      basis: 'ranked',
      rank: 1,
      why: 'red_full',
      taken_by: ['FORCED'],
    });
  });

  it('office 33, 7 Jan 2021: never fills capacity with declarations below the minimum (score −26 stays green)', () => {
    const list: Candidate[] = [
      { reference: 'HIGH', items: 1, score: 45, probability: 0.7, expected_value: 500, forced: null },
      { reference: 'MID', items: 1, score: 15, probability: 0.3, expected_value: 400, forced: null },
      { reference: 'NEG', items: 1, score: -26, probability: 0.0067, expected_value: 300, forced: null },
      { reference: 'ZERO', items: 1, score: 0, probability: 0.05, expected_value: 200, forced: null },
    ];
    const r = select(list, params({ capacity_items: 10, random_rate: 0, rate_blue: 0.5 }), {
      seed: 's',
      minScore: MIN,
    });
    expect(r.assignments.map((a) => [a.channel, a.why])).toEqual([
      ['red', 'red_slot'],
      ['yellow', 'below_red_minimum'],
      ['green', 'below_minimum'],
      ['green', 'below_minimum'],
    ]);
    expect(r.used).toBe(2);
    expect(r.minScore).toEqual(MIN);
  });

  it('tells a declaration left out by a full capacity from one below the minimum', () => {
    const list = candidates(5, (i) => ({ score: 50 - i }));
    const r = select(list, params({ capacity_items: 2, random_rate: 0, rate_blue: 0 }), {
      seed: 's',
      minScore: MIN,
    });
    expect(r.assignments.map((a) => a.why)).toEqual([
      'red_slot',
      'red_full',
      'capacity_full',
      'capacity_full',
      'capacity_full',
    ]);
  });

  it('says so when the capacity is too small for both the random share and a ranked red slot', () => {
    const list = candidates(3, () => ({ score: 50 }));
    const r = select(list, params({ capacity_items: 1, rate_blue: 0 }), {
      seed: 's',
      randomShare: 0.5,
      minScore: MIN,
    });
    // 1 × 0.5 rounds up or down at random: find the day it took the only slot.
    if (r.slots.random === 1) {
      expect(r.slots.red).toBe(0);
      const drawn = r.assignments.find((a) => a.basis === 'random')!;
      expect(drawn.why).toBe('random_squeezed');
    }
    let squeezed = 0;
    for (let d = 0; d < 20; d++) {
      const x = select(list, params({ capacity_items: 1, rate_blue: 0 }), {
        seed: `day ${d}`,
        randomShare: 0.5,
        minScore: MIN,
      });
      if (x.slots.random === 1) {
        squeezed++;
        expect(x.assignments.some((a) => a.why === 'random_squeezed')).toBe(true);
        expect(x.assignments.filter((a) => a.basis === 'ranked')).toEqual([]);
      }
    }
    expect(squeezed).toBeGreaterThan(0);
  });
});
