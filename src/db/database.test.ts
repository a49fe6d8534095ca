import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/db.ts';
import { copyNumber, copyText, copyTextArray } from './copy-text.ts';
import { migrateToLatest, migrationStatus } from './migrate.ts';

describeEachDatabase('database', (t) => {
  it('is migrated, and migrating again changes nothing', async () => {
    const report = await migrateToLatest(t.database);
    expect(report.applied).toEqual([]);
    const status = await migrationStatus(t.database);
    expect(status.every((m) => m.executedAt !== null)).toBe(true);
  });

  it('reads bigint and numeric as numbers and dates as YYYY-MM-DD', async () => {
    const { rows } = await sql<{
      big: number;
      num: number;
      day: string;
    }>`select 9007199254740::bigint as big, 12.50::numeric as num, date '2024-02-29' as day`.execute(
      t.database.db,
    );
    expect(rows[0]).toEqual({ big: 9007199254740, num: 12.5, day: '2024-02-29' });
  });

  it('rolls a transaction back when its function throws, COPY included', async () => {
    await expect(
      t.database.transaction(async (session) => {
        await session.copyIn(
          'offices',
          ['code', 'name'],
          `${copyText('X1')}\t${copyText('tab\tand\\slash')}\n`,
        );
        const inside = await session.db
          .selectFrom('offices')
          .select('name')
          .where('code', '=', 'X1')
          .execute();
        expect(inside).toEqual([{ name: 'tab\tand\\slash' }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await t.database.db.selectFrom('offices').selectAll().where('code', '=', 'X1').execute();
    expect(after).toEqual([]);
  });

  it('commits COPY of escaped text, nulls, numbers and arrays', async () => {
    await t.database.transaction(async (session) => {
      const line = [
        copyText('C1'),
        copyText('Société "Atlas"\nligne 2'),
        copyTextArray(['A, B', 'quote " and \\ slash']),
        copyNumber(null),
      ].join('\t');
      await session.copyIn('companies', ['company_id', 'name', 'managers', 'capital'], `${line}\n`);
    });
    const row = await t.database.db
      .selectFrom('companies')
      .select(['name', 'managers', 'capital'])
      .where('company_id', '=', 'C1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      name: 'Société "Atlas"\nligne 2',
      managers: ['A, B', 'quote " and \\ slash'],
      capital: null,
    });
  });

  it('refuses a row that breaks a check constraint', async () => {
    await expect(
      t.database.db.insertInto('sellers').values({ code: 'S1', name: null, country: 'France' }).execute(),
    ).rejects.toThrow(/check constraint/);
  });
});
