import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { userWithToken } from '../../../test/auth.ts';
import { openTestDatabase } from '../../../test/db.ts';
import { kcsCsv } from '../../../test/factories.ts';
import { tempFiles } from '../../../test/files.ts';
import { registry } from '../../app/modules.ts';
import { declarationsTarget } from '../../modules/declarations/index.ts';
import { verifyAudit } from '../audit/store.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { resolveProfile } from '../ingest/profile.ts';
import { runImport } from '../ingest/run.ts';
import { backup, restore, tableCounts } from './backup.ts';

const files = tempFiles();
const actor = { id: null, name: 'test', ip: null };

async function fill(database: Database) {
  const summary = await runImport(database, declarationsTarget, {
    file: files.write(`kcs-${randomBytes(3).toString('hex')}.csv`, kcsCsv(50)),
    profile: resolveProfile('declarations', 'kcs'),
  });
  expect(summary.ok).toBe(true);
  await userWithToken(database, ['analyst']);
}

// Whole databases are copied, opened and verified: minutes on a loaded two-core machine.
describe('backup and restore of the embedded database', { timeout: 240_000 }, () => {
  it('restores into a fresh folder with the same counts and an intact audit trail', async () => {
    const source = join(files.dir, 'source');
    const database = await openDatabase({ dataDir: source });
    await migrateToLatest(database, registry.migrations);
    await fill(database);
    const file = join(files.dir, 'backup.tar.gz');
    const made = await backup(database, file, actor);
    await database.close();
    expect(made.bytes).toBeGreaterThan(1000);

    const target = join(files.dir, 'target');
    const restored = await restore(file, { dataDir: target }, actor, { migrations: registry.migrations });
    expect(restored.counts).toEqual({ ...made.counts, audit_log: made.counts.audit_log! + 2 });
    const reopened = await openDatabase({ dataDir: target });
    try {
      expect((await verifyAudit(reopened.db)).ok).toBe(true);
      expect(await tableCounts(reopened)).toEqual(restored.counts);
    } finally {
      await reopened.close();
    }

    await expect(
      restore(file, { dataDir: target }, actor, { migrations: registry.migrations }),
    ).rejects.toThrow(/already holds a database/);
    const forced = await restore(file, { dataDir: target }, actor, {
      force: true,
      migrations: registry.migrations,
    });
    expect(forced.keptAside).toMatch(/pgdata\.before-restore-/);
    await expect(
      restore(files.write('nonsense.bin', 'hello'), { dataDir: join(files.dir, 'x') }, actor, {
        migrations: registry.migrations,
      }),
    ).rejects.toThrow(/not a Vigie backup/);
  });

  it('leaves the current database as it was when a backup is truncated, even with --force', async () => {
    const dir = join(files.dir, 'kept');
    const database = await openDatabase({ dataDir: dir });
    await migrateToLatest(database, registry.migrations);
    await fill(database);
    const before = await tableCounts(database);
    const file = join(files.dir, 'whole.tar.gz');
    await backup(database, file, actor);
    await database.close();
    const whole = readFileSync(file);
    const truncated = files.write('truncated.tar.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(
      restore(truncated, { dataDir: dir }, actor, { force: true, migrations: registry.migrations }),
    ).rejects.toThrow(
      `truncated.tar.gz was not restored, and the database in ${join(dir, 'pgdata')} is as it was`,
    );
    expect(readdirSync(dir).filter((n) => n !== 'pgdata' && n !== 'vigie.lock')).toEqual([]);
    const reopened = await openDatabase({ dataDir: dir });
    try {
      expect(await tableCounts(reopened)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
    } finally {
      await reopened.close();
    }
  });

  it('never starts an empty database silently where earlier ones were kept aside', async () => {
    const dir = join(files.dir, 'emptied');
    mkdirSync(join(dir, 'pgdata.before-restore-2026-01-01T00-00-00-000Z'), { recursive: true });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      /holds no database, but .* keeps earlier ones \(pgdata\.before-restore-2026-01-01T00-00-00-000Z\)/,
    );
  });

  it('names a damaged embedded database and how to recover, instead of the runtime abort', async () => {
    const dir = join(files.dir, 'damaged');
    const database = await openDatabase({ dataDir: dir });
    await migrateToLatest(database, registry.migrations);
    await database.close();
    writeFileSync(join(dir, 'pgdata', 'global', 'pg_control'), Buffer.alloc(8192, 0xff));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      /the embedded database in .*pgdata could not be opened .*restore a backup with `vigie restore FILE --force`/,
    );
  });

  it('refuses a second process on the same folder', async () => {
    const dir = join(files.dir, 'busy');
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/is in use by process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});

describe.runIf(process.env.VIGIE_TEST_DATABASE_URL)(
  'backup and restore of PostgreSQL',
  { timeout: 240_000 },
  () => {
    it('restores into another database with the same counts', async () => {
      const url = process.env.VIGIE_TEST_DATABASE_URL!;
      const opened = await openTestDatabase('postgres');
      const scratch = `vigie_restore_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await fill(opened.database);
        const file = join(files.dir, 'pg.dump');
        const schemaUrl = (base: string) =>
          `${base}?options=${encodeURIComponent(`-c search_path=${opened.database.schema}`)}`;
        const made = await backup(opened.database, file, actor, { url: schemaUrl(url) });
        await admin.query(`create database ${scratch}`);
        const target = new URL(url);
        target.pathname = `/${scratch}`;
        const restored = await restore(file, { url: schemaUrl(target.toString()) }, actor, {
          migrations: registry.migrations,
        });
        expect(restored.counts).toEqual({ ...made.counts, audit_log: made.counts.audit_log! + 2 });
        // A truncated archive: one transaction, rolled back; the restored database stays as it was.
        const whole = readFileSync(file);
        const truncated = files.write('pg-truncated.dump', whole.subarray(0, Math.floor(whole.length * 0.6)));
        await expect(
          restore(truncated, { url: schemaUrl(target.toString()) }, actor, {
            migrations: registry.migrations,
          }),
        ).rejects.toThrow(/pg-truncated\.dump was not restored, and the database is as it was/);
        const after = await openDatabase({ url: schemaUrl(target.toString()) });
        try {
          expect(await tableCounts(after)).toEqual(restored.counts);
        } finally {
          await after.close();
        }
      } finally {
        await opened.close();
        await admin.query(`drop database if exists ${scratch}`);
        await admin.end();
      }
    });
  },
);
