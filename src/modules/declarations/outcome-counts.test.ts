/**
 * The outcome counts kept on each declaration row (migration 0042) stay equal to a count of its outcomes, whatever
 * wrote them: the import (which writes them itself and sets the trigger aside), plain inserts, a second outcome on
 * an item, a changed result, deletions, a rolled-back transaction; and the list and its filters read them.
 */
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { kcsCsv } from '../../../test/factories.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { runImport } from '../../platform/ingest/run.ts';
import { declarationsTarget } from './import-target.ts';

const files = tempFiles();

describeEachDatabase('declaration outcome counts', (t) => {
  beforeEach(() => t.reset());

  /** Declarations whose stored counts differ from a count of their outcomes (none when all is well). */
  async function drift() {
    const { rows } = await sql<{ reference: string }>`
      select d.reference from declarations d
      left join (select i.declaration_id,
                        count(distinct i.id)::int as inspected,
                        count(distinct i.id) filter (where o.result = 'fraud')::int as fraud,
                        count(distinct i.id) filter (where o.result = 'critical')::int as critical
                   from declaration_items i join inspection_outcomes o on o.item_id = i.id
                  group by 1) c on c.declaration_id = d.id
      where (d.inspected_items, d.fraud_items, d.critical_items)
            is distinct from (coalesce(c.inspected, 0), coalesce(c.fraud, 0), coalesce(c.critical, 0))`.execute(
      t.database.db,
    );
    return rows.map((r) => r.reference);
  }

  const countsOf = (reference: string) =>
    t.database.db
      .selectFrom('declarations')
      .select(['inspected_items', 'fraud_items', 'critical_items'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();

  async function importKcs(n: number) {
    const result = await runImport(t.database, declarationsTarget, {
      file: files.write('kcs.csv', kcsCsv(n)),
      profile: resolveProfile('declarations', 'kcs'),
    });
    expect(result.ok).toBe(true);
  }

  /** A declaration of three items and no outcome; returns the items' ids. */
  async function bare(reference: string): Promise<number[]> {
    const db = t.database.db;
    const { id } = await db
      .insertInto('declarations')
      .values({
        reference,
        office_code: 'OF1',
        lodged_on: '2021-03-01',
        item_count: 3,
        total_value: 300,
        content_hash: reference,
        attributes: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await db
      .insertInto('declaration_items')
      .values(
        [1, 2, 3].map((line_no) => ({
          declaration_id: Number(id),
          line_no,
          hs_code: '620822',
          customs_value: 100,
        })),
      )
      .returning('id')
      .execute();
    return items.map((i) => Number(i.id));
  }

  const outcome = (item_id: number, result: 'compliant' | 'fraud' | 'critical') =>
    t.database.db.insertInto('inspection_outcomes').values({ item_id, result, source: 'officer' }).execute();

  it('are written by the import with the declarations, equal to a count of the outcomes', async () => {
    await importKcs(60);
    expect(await drift()).toEqual([]);
    const totals = await sql<{ inspected: number; fraud: number; critical: number }>`
      select sum(inspected_items)::int as inspected, sum(fraud_items)::int as fraud,
             sum(critical_items)::int as critical from declarations`.execute(t.database.db);
    // kcsCsv: every line inspected; of 60, 6 critical (every 10th) and 12 more frauds (every 4th, not critical).
    expect(totals.rows[0]).toEqual({ inspected: 60, fraud: 12, critical: 6 });
  });

  it('follow outcomes written outside the import: added, a second one on an item, changed, deleted', async () => {
    await importKcs(8); // the writer's setting must not outlive its transaction
    const [a, b, c] = await bare('X1');
    expect(await countsOf('X1')).toEqual({ inspected_items: 0, fraud_items: 0, critical_items: 0 });

    await outcome(a!, 'compliant');
    await outcome(b!, 'fraud');
    expect(await countsOf('X1')).toEqual({ inspected_items: 2, fraud_items: 1, critical_items: 0 });

    await outcome(a!, 'fraud'); // a correction: the item still counts once as inspected
    expect(await countsOf('X1')).toEqual({ inspected_items: 2, fraud_items: 2, critical_items: 0 });

    await t.database.db
      .updateTable('inspection_outcomes')
      .set({ result: 'critical' })
      .where('item_id', '=', b!)
      .execute();
    expect(await countsOf('X1')).toEqual({ inspected_items: 2, fraud_items: 1, critical_items: 1 });

    await outcome(c!, 'compliant');
    await t.database.db.deleteFrom('inspection_outcomes').where('item_id', 'in', [a!, b!]).execute();
    expect(await countsOf('X1')).toEqual({ inspected_items: 1, fraud_items: 0, critical_items: 0 });
    expect(await drift()).toEqual([]);
  });

  it('are unchanged by outcomes of a transaction rolled back', async () => {
    const [a] = await bare('X2');
    await expect(
      t.database.transaction(async (session) => {
        await session.db.insertInto('inspection_outcomes').values({ item_id: a!, result: 'fraud' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await countsOf('X2')).toEqual({ inspected_items: 0, fraud_items: 0, critical_items: 0 });
  });

  it('serve the list and its outcome filters', async () => {
    await importKcs(20);
    const [a] = await bare('X3');
    await outcome(a!, 'critical');
    const { headers } = await userWithToken(t.database, ['analyst']);
    const opened = await testApp(t.database);
    try {
      const get = async (query: string) => {
        const response = await opened.app.inject({
          method: 'GET',
          url: `/api/declarations?limit=500${query}`,
          headers,
        });
        expect(response.statusCode).toBe(200);
        return response.json() as {
          items: {
            reference: string;
            inspected_items: number;
            fraud_items: number;
            critical_items: number;
          }[];
        };
      };
      const all = await get('');
      expect(all.items.find((d) => d.reference === 'X3')).toMatchObject({
        inspected_items: 1,
        fraud_items: 0,
        critical_items: 1,
      });
      const expected = async (where: string) =>
        (
          await sql<{ reference: string }>`select distinct d.reference from declarations d
            join declaration_items i on i.declaration_id = d.id join inspection_outcomes o on o.item_id = i.id
            where o.result = ${where}`.execute(t.database.db)
        ).rows
          .map((r) => r.reference)
          .sort();
      for (const result of ['fraud', 'critical', 'compliant'] as const) {
        const page = await get(`&result=${result}`);
        expect(page.items.map((d) => d.reference).sort(), result).toEqual(await expected(result));
      }
      expect((await get('&result=inspected')).items).toHaveLength(21);
      expect((await get('&result=not_inspected')).items).toHaveLength(0);
    } finally {
      await opened.close();
    }
  });
});
