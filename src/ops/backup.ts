/**
 * Backups. Embedded database: the whole PGlite data folder as a gzipped tarball (PGlite's own dump), restored into
 * a new folder. PostgreSQL: pg_dump's custom format and pg_restore (the client tools must be installed and match the
 * server). Each backup and restore is audited; counts of the main tables are reported to compare.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { type Actor, appendAudit } from '../modules/audit/store.ts';

const exec = promisify(execFile);

export const COUNTED_TABLES = [
  'declarations',
  'declaration_items',
  'inspection_outcomes',
  'manifests',
  'fx_payments',
  'companies',
  'trademarks',
  'users',
  'audit_log',
  'imports',
] as const;

export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      database.db,
    );
    counts[table] = rows[0]!.n;
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

/**
 * Restores a backup: into an empty embedded-database folder (an existing one is kept aside with --force), or into
 * the PostgreSQL database of `url` (objects of the backup replaced). Returns the counts of the restored database.
 */
export async function restore(
  file: string,
  target: { dataDir?: string | undefined; url?: string | undefined },
  actor: Actor,
  options: { force?: boolean } = {},
): Promise<{ counts: Record<string, number>; keptAside?: string }> {
  const kind = backupKind(file);
  let keptAside: string | undefined;
  if (kind === 'pglite') {
    if (target.url)
      throw new Error(
        `${file} is an embedded-database backup: restore it into a data folder, not PostgreSQL`,
      );
    const dir = target.dataDir!;
    if (existsSync(join(dir, 'pgdata')) && readdirSync(join(dir, 'pgdata')).length > 0) {
      if (!options.force)
        throw new Error(
          `${dir} already holds a database: restore into an empty folder, or pass --force to keep the current one aside`,
        );
      keptAside = join(dir, `pgdata.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      renameSync(join(dir, 'pgdata'), keptAside);
    }
    const loaded = await openDatabase({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]) });
    await loaded.close();
    const database = await openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(database);
      await appendAudit(database, actor, { action: 'backup.restored', details: { file, kind } });
      return { counts: await tableCounts(database), ...(keptAside ? { keptAside } : {}) };
    } finally {
      await database.close();
    }
  }
  if (!target.url) throw new Error(`${file} is a PostgreSQL backup: restore it with VIGIE_DATABASE_URL set`);
  await tool('pg_restore');
  await exec(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', `--dbname=${plainUrl(target.url)}`, file],
    { maxBuffer: 1 << 26 },
  );
  const database = await openDatabase({ url: target.url });
  try {
    await migrateToLatest(database);
    await appendAudit(database, actor, { action: 'backup.restored', details: { file, kind } });
    return { counts: await tableCounts(database) };
  } finally {
    await database.close();
  }
}
