/**
 * Runs a suite on every database Vigie supports: PGlite always, PostgreSQL too when VIGIE_TEST_DATABASE_URL is
 * set (CI sets it). Each test file gets its own database: a PGlite started from the migrated template, or a fresh
 * PostgreSQL schema dropped at the end, so files run in parallel without seeing each other.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { registry } from '../src/app/modules.ts';
import { installAuditKeyring, parseKeyring } from '../src/platform/audit/key.ts';
import { type Database, openDatabase, quoteIdent } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

// Every test process seals its audit entries, as every real process does (a key of its own, never written down).
installAuditKeyring(parseKeyring(randomBytes(32).toString('hex'), 'the test key'));

export type Backend = 'pglite' | 'postgres';

export function testBackends(): Backend[] {
  return process.env.VIGIE_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  readonly database: Database;
  /** Empties every data table (identities restart), for tests that need a clean slate. */
  reset(): Promise<void>;
}

/** Opens a migrated, empty database of the given kind; `close` drops it. */
export async function openTestDatabase(
  backend: Backend,
): Promise<{ database: Database; close(): Promise<void> }> {
  if (backend === 'pglite') {
    const template = readFileSync(inject('pgliteTemplate'));
    const database = await openDatabase({ loadDataDir: new Blob([template]) });
    return { database, close: () => database.close() };
  }
  const url = process.env.VIGIE_TEST_DATABASE_URL!;
  const schema = `vigie_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${quoteIdent(schema)}`);
  await admin.end();
  const database = await openDatabase({ url, schema, poolSize: 4 });
  await migrateToLatest(database, registry.migrations);
  return {
    database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop schema ${quoteIdent(schema)} cascade`);
      // The job queue's own schema (pg-boss), when a test started one.
      await dropper.query(`drop schema if exists ${quoteIdent(`${schema}_jobs`)} cascade`);
      await dropper.end();
    },
  };
}

const DATA_TABLES = [
  'inspection_outcomes',
  'outcome_history',
  'declaration_items',
  'declarations',
  'importers',
  'declarants',
  'sellers',
  'couriers',
  'offices',
  'manifests',
  'fx_payments',
  'companies',
  'trademarks',
  'imports',
];

export async function resetDatabase(database: Database): Promise<void> {
  await sql.raw(`truncate ${DATA_TABLES.join(', ')} restart identity cascade`).execute(database.db);
}

/**
 * `describeEachDatabase('declarations store', (t) => { it('…', async () => { t.database… }) })` declares the
 * suite once per backend, named `… [pglite]` and `… [postgres]`.
 */
export function describeEachDatabase(name: string, body: (t: TestDatabase) => void): void {
  for (const backend of testBackends()) {
    describe(`${name} [${backend}]`, () => {
      let opened: { database: Database; close(): Promise<void> } | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(backend);
      });
      afterAll(async () => {
        await opened?.close();
      });
      body({
        get database() {
          if (!opened) throw new Error('the test database is not open yet (use it inside hooks and tests)');
          return opened.database;
        },
        reset: () => resetDatabase(opened!.database),
      });
    });
  }
}
