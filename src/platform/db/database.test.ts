import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/db.ts';
import { registry } from '../../app/modules.ts';
import { copyNumber, copyText, copyTextArray } from './copy-text.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest, migrationStatus } from './migrate.ts';

describeEachDatabase('database', (t) => {
  it('is migrated, and migrating again changes nothing', async () => {
    const report = await migrateToLatest(t.database, registry.migrations);
    expect(report.applied).toEqual([]);
    const status = await migrationStatus(t.database, registry.migrations);
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

describe.runIf(process.env.VIGIE_TEST_DATABASE_URL)('migrations beside another installation', () => {
  it('migrates a schema chosen by search_path although another schema of the database is a Vigie one', async () => {
    const url = process.env.VIGIE_TEST_DATABASE_URL!;
    // The other installation: the test harness gives each database a schema of its own, migrated.
    const other = await openTestDatabase('postgres');
    const mine = `vigie_sp_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${mine}`);
    try {
      const database = await openDatabase({
        url: `${url}?options=${encodeURIComponent(`-c search_path=${mine}`)}`,
      });
      try {
        const report = await migrateToLatest(database, registry.migrations);
        expect(report.applied.length).toBe(report.total);
        const { rows } = await admin.query(
          `select count(*)::int as n from information_schema.tables where table_schema = $1 and table_name = 'vigie_migrations'`,
          [mine],
        );
        expect(rows[0].n).toBe(1);
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`drop schema ${mine} cascade`);
      await admin.end();
      await other.close();
    }
  });
});

describe.runIf(process.env.VIGIE_TEST_DATABASE_URL)(
  'migrations while another installation is dropped',
  () => {
    it('are not disturbed by schemas dropped meanwhile (no "schema … does not exist")', async () => {
      const url = process.env.VIGIE_TEST_DATABASE_URL!;
      let stop = false;
      let drops = 0;
      // Other suites' installations coming and going: schemas of serial tables, created and dropped in loops.
      const churn = async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          while (!stop) {
            const name = `vigie_churn_${randomBytes(4).toString('hex')}`;
            const tables = Array.from(
              { length: 30 },
              (_, t) => `create table ${name}.t${t} (id serial primary key, a text)`,
            );
            await client.query(`create schema ${name}; ${tables.join('; ')}`);
            await client.query(`drop schema ${name} cascade`);
            drops += 1;
          }
        } finally {
          await client.end();
        }
      };
      const churning = Promise.all([churn(), churn(), churn()]);
      const opened = await openTestDatabase('postgres');
      try {
        // What a migration asks first, many times over, for as long as it takes other installations' schemas to be
        // dropped 30 times meanwhile (a fixed count of rounds took over a minute on a loaded CI machine):
        // which tables does this installation have?
        for (let round = 0; round < 20 || drops < 30; round += 1) {
          const tables = await opened.database.db.introspection.getTables({ withInternalKyselyTables: true });
          expect(tables.some((table) => table.name === 'vigie_migrations')).toBe(true);
          expect(tables.every((table) => table.schema === opened.database.schema)).toBe(true);
        }
        expect((await migrateToLatest(opened.database, registry.migrations)).applied).toEqual([]);
      } finally {
        stop = true;
        await churning;
        await opened.close();
      }
    }, 300_000);
  },
);
