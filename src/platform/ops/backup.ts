/**
 * Backups. Embedded database: the whole PGlite data folder as a gzipped tarball (PGlite's own dump), restored into
 * a new folder. PostgreSQL: pg_dump's custom format and pg_restore (the client tools must be installed and match the
 * server). Each backup and restore is audited; counts of the main tables are reported to compare.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { AuditKeyring } from '../audit/key.ts';
import { appendAudit, verifyAudit } from '../audit/store.ts';
import type { Actor } from '../auth/actor.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { lockDataDir } from '../db/lock.ts';
import { type Migrations, migrateToLatest } from '../db/migrate.ts';
import { trigramOps } from '../db/trigram.ts';

const exec = promisify(execFile);

/**
 * Rows of every table of the installation (its schema's base tables, the migration bookkeeping and the job
 * queue's own schema aside), to compare a backup with its restore. Listed from the catalogue, so that the
 * platform names no module's tables and a new module's tables are counted too.
 */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'vigie_migrations%'
    order by table_name`.execute(database.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
      database.db,
    );
    counts[name] = rows[0]!.n;
  }
  return counts;
}

/** The schema named in a URL's `options=-c search_path=…`, if any. */
export function schemaOfUrl(url: string): string | undefined {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /search_path=([A-Za-z0-9_]+)/.exec(options)?.[1];
  } catch {
    return undefined;
  }
}

/** A URL without the `options` parameter (pg_dump and pg_restore take the schema as an argument). */
function plainUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('options');
  return parsed.toString();
}

async function tool(name: string): Promise<void> {
  try {
    await exec(name, ['--version']);
  } catch {
    throw new Error(
      `${name} is not installed: install the PostgreSQL client tools (apt-get install postgresql-client)`,
    );
  }
}

export async function backup(
  database: Database,
  file: string,
  actor: Actor,
  options: { url?: string | undefined } = {},
): Promise<{ bytes: number; counts: Record<string, number> }> {
  const counts = await tableCounts(database);
  await appendAudit(database, actor, {
    action: 'backup.created',
    details: { file, kind: database.kind, counts },
  });
  if (database.kind === 'pglite') {
    const dump = await database.dumpDataDir!('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeFileSync(file, bytes);
    return { bytes: bytes.length, counts };
  }
  if (!options.url) throw new Error('a PostgreSQL backup needs the database URL');
  await tool('pg_dump');
  const schema = database.schema ?? schemaOfUrl(options.url);
  await exec(
    'pg_dump',
    [
      '--format=custom',
      `--file=${file}`,
      ...(schema ? [`--schema=${schema}`, `--schema=${schema}_jobs`] : []),
      plainUrl(options.url),
    ],
    {
      maxBuffer: 1 << 26,
    },
  );
  return { bytes: readFileSync(file).length, counts };
}

export type BackupKind = 'pglite' | 'postgres';

export function backupKind(file: string): BackupKind {
  const head = readFileSync(file).subarray(0, 5);
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new Error(`${file} is not a Vigie backup (neither a PGlite data folder nor a pg_dump archive)`);
}

export interface RestoreOptions {
  /** The migrations to bring the restored database up to (the registry's). */
  migrations: Migrations;
  /** Embedded database: keep the current folder aside and restore in its place. */
  force?: boolean;
  /** The keys that must hold the restored trail's seals (refused before anything changes otherwise). */
  keyring?: AuditKeyring | null;
  /** The audit checkpoint file: kept aside, since the restored trail ends before its checkpoints. */
  checkpointFile?: string;
}

export interface RestoreResult {
  counts: Record<string, number>;
  /** Where the database that was there before now lives (embedded). */
  keptAside?: string;
  /** Where the checkpoints of the trail that was there before now live. */
  checkpointsAside?: string;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** The restored trail must verify, and its seals must be this installation's: checked before anything changes. */
async function checkRestored(database: Database, file: string, keyring: AuditKeyring | null | undefined) {
  const report = await verifyAudit(database.db, { keyring: keyring ?? null });
  const foreign = report.problems.find((p) => p.kind === 'unknown_key');
  if (foreign) {
    throw new Error(
      `the audit trail of ${file} is sealed with a key that ${keyring?.source} does not hold (${foreign.message}): ` +
        "copy the backed-up installation's audit key file first",
    );
  }
  if (!report.ok)
    throw new Error(`the audit trail of ${file} does not verify: ${report.problems[0]!.message}`);
}

function keepCheckpointsAside(path: string | undefined): string | undefined {
  if (!path || !existsSync(path)) return undefined;
  const aside = `${path}.before-restore-${stamp()}`;
  renameSync(path, aside);
  return aside;
}

/**
 * Restores a backup without ever leaving the installation without its database. Embedded: the backup is loaded
 * into a new folder beside the current one, opened, migrated and its audit trail verified; only then is the
 * current folder moved aside (with --force) and the new one put in its place; a backup that fails any step is
 * removed and the current database is untouched. PostgreSQL: pg_restore in one transaction that stops at the
 * first error, so a bad archive rolls back to the database as it was. Returns the counts of the restored database.
 */
export async function restore(
  file: string,
  target: { dataDir?: string | undefined; url?: string | undefined },
  actor: Actor,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const kind = backupKind(file);
  if (kind === 'pglite') {
    if (target.url)
      throw new Error(
        `${file} is an embedded-database backup: restore it into a data folder, not PostgreSQL`,
      );
    const dir = target.dataDir!;
    const current = join(dir, 'pgdata');
    const occupied = existsSync(current) && readdirSync(current).length > 0;
    if (occupied && !options.force)
      throw new Error(
        `${dir} already holds a database: restore into an empty folder, or pass --force to keep the current one aside`,
      );
    mkdirSync(dir, { recursive: true });
    const release = lockDataDir(dir);
    const staging = join(dir, `restoring-${stamp()}`);
    let keptAside: string | undefined;
    try {
      try {
        const bytes = readFileSync(file);
        // PGlite would meet a truncated archive deep inside its loader, as an error nobody can catch.
        try {
          gunzipSync(bytes);
        } catch (error) {
          throw new Error(`the archive is damaged or truncated (${(error as Error).message})`);
        }
        const loaded = await openDatabase({ dataDir: staging, loadDataDir: new Blob([bytes]) });
        await loaded.close();
        const database = await openDatabase({ dataDir: staging });
        try {
          await migrateToLatest(database, options.migrations);
          await checkRestored(database, file, options.keyring);
        } finally {
          await database.close();
        }
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw new Error(
          `${file} was not restored, and ${occupied ? `the database in ${current} is as it was` : 'nothing was changed'}: ${(error as Error).message.split('\n')[0]}`,
          { cause: error },
        );
      }
      if (occupied) {
        keptAside = join(dir, `pgdata.before-restore-${stamp()}`);
        renameSync(current, keptAside);
      } else if (existsSync(current)) rmSync(current, { recursive: true });
      renameSync(join(staging, 'pgdata'), current);
      rmSync(staging, { recursive: true, force: true });
    } finally {
      release();
    }
    const checkpointsAside = keepCheckpointsAside(options.checkpointFile);
    const database = await openDatabase({ dataDir: dir });
    try {
      await appendAudit(database, actor, {
        action: 'backup.restored',
        details: { file, kind, kept_aside: keptAside ?? null, checkpoints_aside: checkpointsAside ?? null },
      });
      return {
        counts: await tableCounts(database),
        ...(keptAside ? { keptAside } : {}),
        ...(checkpointsAside ? { checkpointsAside } : {}),
      };
    } finally {
      await database.close();
    }
  }
  if (!target.url) throw new Error(`${file} is a PostgreSQL backup: restore it with VIGIE_DATABASE_URL set`);
  await tool('pg_restore');
  // The dump holds the installation's schema only; its trigram indexes name pg_trgm's operator class, an extension
  // that lives outside that schema (trigram.ts). Create it first in the target database, or the restore stops at
  // the first search index.
  const prepared = await openDatabase({ url: target.url });
  try {
    await trigramOps(prepared.db as unknown as Kysely<unknown>);
  } finally {
    await prepared.close();
  }
  try {
    await exec(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${plainUrl(target.url)}`,
        file,
      ],
      { maxBuffer: 1 << 26 },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
    throw new Error(
      `${file} was not restored, and the database is as it was (one transaction, rolled back): ${stderr.trim().split('\n').slice(0, 3).join(' ')}`,
      { cause: error },
    );
  }
  const database = await openDatabase({ url: target.url });
  try {
    await migrateToLatest(database, options.migrations);
    try {
      await checkRestored(database, file, options.keyring);
    } catch (error) {
      throw new Error(`${file} was restored, but: ${(error as Error).message}`, { cause: error });
    }
    const checkpointsAside = keepCheckpointsAside(options.checkpointFile);
    await appendAudit(database, actor, {
      action: 'backup.restored',
      details: { file, kind, checkpoints_aside: checkpointsAside ?? null },
    });
    return { counts: await tableCounts(database), ...(checkpointsAside ? { checkpointsAside } : {}) };
  } finally {
    await database.close();
  }
}
