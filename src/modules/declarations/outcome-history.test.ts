/**
 * The outcome history by key and day (migration 0044) answers as a count of the outcomes themselves would — each
 * item by its latest outcome, known strictly before the day asked — whatever wrote them: the import, an officer's
 * outcome, a correction, a changed result or date, a deletion, a purge of declarations, a truncation, a rolled-back
 * transaction.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { kcsCsv } from '../../../test/factories.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { declarationsTarget } from './import-target.ts';
import {
  numericKeyText,
  OUTCOME_HISTORY_DIMS,
  type OutcomeKeyParts,
  outcomeHistoryKey,
  type PastOutcomeQuestion,
  pastOutcomeCounts,
} from './outcome-history.ts';

const files = tempFiles();

describe('numericKeyText', () => {
  it('writes numbers as PostgreSQL writes trim_scale(numeric)::text, never with an exponent', () => {
    expect(numericKeyText(1234.5)).toBe('1234.5');
    expect(numericKeyText(1000)).toBe('1000');
    expect(numericKeyText(0)).toBe('0');
    expect(numericKeyText(0.001)).toBe('0.001');
    expect(numericKeyText(1e-7)).toBe('0.0000001');
    expect(numericKeyText(2.5e-8)).toBe('0.000000025');
    expect(numericKeyText(1e21)).toBe('1000000000000000000000');
  });
});

describeEachDatabase('outcome history by key and day', (t) => {
  beforeEach(() => t.reset());

  interface Outcome extends OutcomeKeyParts {
    item_id: number;
    id: number;
    day: string;
    result: 'compliant' | 'fraud' | 'critical';
  }

  /** Every outcome with what its keys are made of, read plainly. */
  async function outcomes(): Promise<Outcome[]> {
    const { rows } = await sql<Outcome>`
      select o.id::int as id, o.item_id::int as item_id, o.result,
             to_char(coalesce(o.inspected_on, d.lodged_on), 'YYYY-MM-DD') as day,
             d.importer_code as importer, d.declarant_code as declarant, d.seller_code as seller,
             i.hs_code, i.origin_country, i.customs_value, i.net_mass_kg
        from inspection_outcomes o join declaration_items i on i.id = o.item_id
        join declarations d on d.id = i.declaration_id`.execute(t.database.db);
    return rows;
  }

  /** For every key of every outcome and a spread of days: the history's answers against a count by hand. */
  async function mismatches(): Promise<string[]> {
    const all = await outcomes();
    const latest = new Map<number, Outcome>();
    for (const o of all) if ((latest.get(o.item_id)?.id ?? -1) < o.id) latest.set(o.item_id, o);
    const inForce = [...latest.values()];
    const days = [...new Set(all.map((o) => o.day)), '1900-01-01', '2100-01-01'];
    const questions: PastOutcomeQuestion[] = [];
    for (const o of all)
      for (const dim of OUTCOME_HISTORY_DIMS) {
        const key = outcomeHistoryKey(dim, o);
        if (key !== null) for (const before of days) questions.push({ dim, key, before });
      }
    questions.push({ dim: 'importer', key: 'NOBODY', before: '2100-01-01' });
    const answers = await pastOutcomeCounts(t.database.db, questions);
    const wrong: string[] = [];
    questions.forEach((q, n) => {
      const counted = inForce.filter((o) => o.day < q.before && outcomeHistoryKey(q.dim, o) === q.key);
      const expected = {
        inspected: counted.length,
        frauds: counted.filter((o) => o.result !== 'compliant').length,
        critical: counted.filter((o) => o.result === 'critical').length,
      };
      if (JSON.stringify(answers[n]) !== JSON.stringify(expected))
        wrong.push(
          `${q.dim} ${q.key} < ${q.before}: ${JSON.stringify(answers[n])} ≠ ${JSON.stringify(expected)}`,
        );
    });
    return wrong;
  }

  async function importKcs(n: number, overrides?: (i: number) => Partial<Record<string, string>>) {
    const result = await runImport(t.database, declarationsTarget, {
      file: files.write('kcs.csv', kcsCsv(n, overrides)),
      profile: resolveProfile('declarations', 'kcs'),
    });
    expect(result.ok).toBe(true);
  }

  /** The ids of the items of `reference`, in line order. */
  const itemsOf = async (reference: string) =>
    (
      await t.database.db
        .selectFrom('declaration_items as i')
        .innerJoin('declarations as d', 'd.id', 'i.declaration_id')
        .select('i.id')
        .where('d.reference', '=', reference)
        .orderBy('i.line_no')
        .execute()
    ).map((r) => Number(r.id));

  const outcome = (item_id: number, result: 'compliant' | 'fraud' | 'critical', inspected_on?: string) =>
    t.database.db
      .insertInto('inspection_outcomes')
      .values({ item_id, result, source: 'officer', inspected_on: inspected_on ?? null })
      .execute();

  it('answers nothing for nothing, and zero for a key never inspected', async () => {
    expect(await pastOutcomeCounts(t.database.db, [])).toEqual([]);
    expect(
      await pastOutcomeCounts(t.database.db, [{ dim: 'hs6', key: '999999', before: '2030-01-01' }]),
    ).toEqual([{ inspected: 0, frauds: 0, critical: 0 }]);
  });

  it('is filled by the import and asks one question once when it is asked twice', async () => {
    // Decimal values and masses written with trailing zeros, and lines without an origin.
    await importKcs(40, (i) => ({
      price: i % 3 ? '1234.50' : '1000.00',
      mass: i % 2 ? '12.500' : '0.0000001',
      ...(i % 5 ? {} : { origin: '' }),
    }));
    expect(await mismatches()).toEqual([]);
    const twice = await pastOutcomeCounts(t.database.db, [
      { dim: 'hs6', key: '620822', before: '2030-01-01' },
      { dim: 'hs6', key: '620822', before: '2030-01-01' },
    ]);
    expect(twice[0]).toEqual(twice[1]);
    expect(twice[0]!.inspected).toBe(20);
  });

  it('follows outcomes written outside the import: added, corrected, changed, re-dated, deleted', async () => {
    await importKcs(12);
    const [first] = await itemsOf('10000000');
    const [second] = await itemsOf('10000001');
    await outcome(first!, 'fraud', '2020-02-10'); // a correction of the imported outcome, known later
    expect(await mismatches()).toEqual([]);
    await outcome(first!, 'compliant', '2020-02-11'); // and corrected again
    expect(await mismatches()).toEqual([]);
    await t.database.db
      .updateTable('inspection_outcomes')
      .set({ result: 'critical', inspected_on: '2020-03-01' })
      .where('item_id', '=', second!)
      .execute();
    expect(await mismatches()).toEqual([]);
    // Deleting the latest outcome puts the one before it back in force.
    await t.database.db
      .deleteFrom('inspection_outcomes')
      .where('item_id', '=', first!)
      .where('inspected_on', '=', '2020-02-11')
      .execute();
    expect(await mismatches()).toEqual([]);
    await t.database.db.deleteFrom('inspection_outcomes').where('item_id', '=', second!).execute();
    expect(await mismatches()).toEqual([]);
    // Several items of several keys in one statement.
    await t.database.db
      .updateTable('inspection_outcomes')
      .set({ result: 'fraud' })
      .where('result', '=', 'compliant')
      .execute();
    expect(await mismatches()).toEqual([]);
  });

  it('forgets the outcomes of purged declarations and of a truncation', async () => {
    await importKcs(15);
    await t.database.db
      .deleteFrom('declarations')
      .where('reference', 'in', ['10000003', '10000009'])
      .execute();
    expect(await mismatches()).toEqual([]);
    const left = await pastOutcomeCounts(t.database.db, [
      { dim: 'hs6', key: '620822', before: '2030-01-01' },
    ]);
    expect(left[0]!.inspected).toBe(5); // 7 odd lines of 15, two purged
    await sql`truncate inspection_outcomes cascade`.execute(t.database.db);
    const none = await t.database.db.selectFrom('outcome_history').select('key').execute();
    expect(none).toEqual([]);
  });

  it('is unchanged by outcomes of a transaction rolled back', async () => {
    await importKcs(4);
    const [item] = await itemsOf('10000001');
    const before = await t.database.db
      .selectFrom('outcome_history')
      .selectAll()
      .orderBy(['dim', 'key'])
      .execute();
    await expect(
      t.database.transaction(async (session) => {
        await session.db
          .insertInto('inspection_outcomes')
          .values({ item_id: item!, result: 'critical' })
          .execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(
      await t.database.db.selectFrom('outcome_history').selectAll().orderBy(['dim', 'key']).execute(),
    ).toEqual(before);
  });
});
