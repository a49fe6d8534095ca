/**
 * Past outcomes by key (docs/decisions/0045-outcome-history-by-key.md): how many items of an importer, declarant,
 * seller, HS6, HS6 × origin or identical goods had an outcome known strictly before a day, and how many found
 * fraud or critical fraud. Read from `outcome_history`, which triggers keep (migration 0044): one row per key and
 * day, so a question costs at most one row per day on which that key had outcomes.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export const OUTCOME_HISTORY_DIMS = [
  'importer',
  'declarant',
  'seller',
  'hs6',
  'hs6_origin',
  'same_goods',
] as const;
export type OutcomeHistoryDim = (typeof OUTCOME_HISTORY_DIMS)[number];

/**
 * A number as PostgreSQL writes `trim_scale(numeric)::text` (1234.5, 1000, 0.0000001): JavaScript's own text,
 * except that it never uses an exponent.
 */
export function numericKeyText(n: number): string {
  const text = String(n);
  if (!text.includes('e')) return text;
  // Exponent forms (below 1e-6, from 1e21): the same shortest digits, with the point moved.
  const [mantissa = '', exponent = '0'] = text.split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** What the keys are made of: a declaration's parties and one of its items. */
export interface OutcomeKeyParts {
  importer: string | null | undefined;
  declarant: string | null | undefined;
  seller: string | null | undefined;
  hs_code: string;
  origin_country: string | null | undefined;
  customs_value: number;
  net_mass_kg: number | null | undefined;
}

/** The key of `parts` under `dim` (null: the dimension does not apply), the same text as migration 0044 writes. */
export function outcomeHistoryKey(dim: OutcomeHistoryDim, parts: OutcomeKeyParts): string | null {
  const hs6 = parts.hs_code.slice(0, 6);
  switch (dim) {
    case 'importer':
    case 'declarant':
    case 'seller':
      return parts[dim] || null;
    case 'hs6':
      return hs6;
    case 'hs6_origin':
      return parts.origin_country ? `${hs6}|${parts.origin_country}` : null;
    case 'same_goods':
      return `${hs6}|${parts.origin_country ?? ''}|${numericKeyText(parts.customs_value)}|${parts.net_mass_kg == null ? '' : numericKeyText(parts.net_mass_kg)}`;
  }
}

export interface PastOutcomes {
  inspected: number;
  frauds: number;
  critical: number;
}

export interface PastOutcomeQuestion {
  dim: OutcomeHistoryDim;
  key: string;
  /** Outcomes known strictly before this day (YYYY-MM-DD) count. */
  before: string;
}

/** The answer to each question, in order, in one round trip. */
export async function pastOutcomeCounts(
  db: Kysely<DB>,
  questions: readonly PastOutcomeQuestion[],
): Promise<PastOutcomes[]> {
  if (questions.length === 0) return [];
  // The same question asked twice (several items of one declaration) is asked once.
  const slot = new Map<string, number>();
  const dims: string[] = [];
  const keys: string[] = [];
  const days: string[] = [];
  const at = questions.map((q) => {
    const id = `${q.dim}\u0000${q.key}\u0000${q.before}`;
    let n = slot.get(id);
    if (n === undefined) {
      n = dims.length;
      slot.set(id, n);
      dims.push(q.dim);
      keys.push(q.key);
      days.push(q.before);
    }
    return n;
  });
  const { rows } = await sql<{ n: number; inspected: number; frauds: number; critical: number }>`
    select q.n::int as n, coalesce(sum(h.inspected), 0)::int as inspected,
           coalesce(sum(h.frauds), 0)::int as frauds, coalesce(sum(h.critical), 0)::int as critical
      from unnest(${dims}::text[], ${keys}::text[], ${days}::date[]) with ordinality as q(dim, key, before, n)
      left join outcome_history h on h.dim = q.dim and h.key = q.key and h.day < q.before
     group by q.n`.execute(db);
  const answers: PastOutcomes[] = new Array(dims.length);
  for (const r of rows) answers[r.n - 1] = { inspected: r.inspected, frauds: r.frauds, critical: r.critical };
  return at.map((n) => answers[n]!);
}
