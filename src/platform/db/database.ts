/**
 * The database: PGlite (PostgreSQL compiled to WebAssembly, a data folder on disk) by default, or a PostgreSQL
 * server when a URL is given. Both speak the same SQL and run the same migrations; the rest of the code sees one
 * `Database` and never asks which one it has, except to choose the bulk-load path (COPY) inside a `Session`.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Results, Transaction } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type pg from 'pg';
import { redactUrl } from '../lib/errors.ts';
import { OwnSchemaPostgresDialect } from './introspector.ts';
import { lockDataDir } from './lock.ts';
import { type PgliteLike, pgliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { singleConnectionDialect } from './single-connection.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** One connection inside one transaction, able to bulk-load with COPY. */
export interface Session {
  readonly db: Kysely<DB>;
  /**
   * Streams rows in PostgreSQL's COPY text format (see copy-text.ts) into `table`. Resolves when the server has
   * taken them all. Only one COPY or query runs at a time on a session: await the previous one first.
   */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
}

export interface Database {
  readonly kind: DatabaseKind;
  /** Pooled access for ordinary queries. */
  readonly db: Kysely<DB>;
  /** Where the data lives, safe to print (no password). */
  readonly description: string;
  /**
   * Runs `fn` in one transaction on one connection: commits when it resolves, rolls back when it throws.
   * `shareReads` (long imports): on PGlite, which serves one transaction at a time, reads of other callers are
   * let through between the transaction's own statements instead of waiting for its end — each inside a
   * read-only savepoint, so they see its uncommitted rows but can change nothing; a write waits as before.
   * PostgreSQL has other connections and ignores it.
   */
  transaction<T>(fn: (session: Session) => Promise<T>, options?: { shareReads?: boolean }): Promise<T>;
  /**
   * Runs raw SQL, several statements allowed when there are no parameters (for libraries that bring their own
   * SQL, such as the job queue). Application code uses Kysely.
   */
  execute(text: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** PostgreSQL only: the schema in use when one was given (tests), else undefined. */
  readonly schema?: string | undefined;
  /** PGlite only: the whole data folder as an uncompressed tarball (backups, test templates). */
  dumpDataDir?(compression?: 'none' | 'gzip'): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; `undefined` with no url means in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string | undefined;
  /** A PGlite data-folder dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number | undefined;
}

// Type parsers shared by both drivers, so that a row reads the same on PGlite and on PostgreSQL:
// bigint and numeric as JavaScript numbers (identifiers and amounts stay far below 2^53), dates as 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

/**
 * A data folder whose database is missing while earlier ones were kept aside (a restore, by hand) must not start a
 * new, empty database silently: the data would seem lost. Say where it is instead.
 */
function refuseSilentEmptyStart(root: string, dataDir: string): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  const aside = existsSync(root)
    ? readdirSync(root).filter(
        (name) => name.startsWith('pgdata.before-restore-') || name.startsWith('restoring-'),
      )
    : [];
  if (aside.length === 0) return;
  throw new Error(
    `${dataDir} holds no database, but ${root} keeps earlier ones (${aside.join(', ')}): rename the one to use to ` +
      'pgdata, or move them away to start a new, empty database',
  );
}

// Each driver loads only when used: PGlite's bundle alone weighs ~45 MB of memory.
async function openPglite(options: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // Trigram indexes (global search, docs/decisions/0031-search-exports-four-eyes.md): PGlite ships pg_trgm as a
  // contrib bundle that must be loaded at every open, before `create extension` (migration 0031) or any query
  // that reads such an index.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  let dataDir: string | undefined;
  let unlock = () => {};
  if (options.dataDir) {
    dataDir = join(options.dataDir, 'pgdata');
    if (!options.loadDataDir) refuseSilentEmptyStart(options.dataDir, dataDir);
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  let pglite: import('@electric-sql/pglite').PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers,
    });
  } catch (error) {
    unlock();
    // PGlite's own message for a damaged folder is the WebAssembly runtime's ("Aborted(). Build with -sASSERTIONS").
    throw new Error(
      `the embedded database in ${dataDir ?? 'memory'} could not be opened (${(error as Error).message.split('\n')[0]}): ` +
        'if its files were damaged, restore a backup with `vigie restore FILE --force` (the damaged folder is kept aside)',
      { cause: error },
    );
  }
  // The transaction that lets reads through, while one runs (see Database.transaction).
  let sharing: PgliteSession | undefined;
  const instance = pglite;
  // What Kysely's PGlite dialect sees: the instance, except that its queries go through a sharing transaction.
  const facade = {
    get closed() {
      return instance.closed;
    },
    get ready() {
      return instance.ready;
    },
    get waitReady() {
      return instance.waitReady;
    },
    close: () => instance.close(),
    transaction: instance.transaction.bind(instance),
    async query(text: string, parameters?: unknown[], options?: object) {
      const through = sharing ? await sharing.readInside(text, parameters ?? []) : undefined;
      return through ?? instance.query(text, parameters, options);
    },
  };
  const db = new Kysely<DB>({
    dialect: pgliteDialect(facade as unknown as PgliteLike),
  });
  return {
    kind: 'pglite',
    db,
    description: dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory',
    // PGlite is one session: its own transaction lock makes every other query wait until this one ends (unless the
    // transaction shares reads).
    transaction: (fn, options) =>
      pglite.transaction(async (tx) => {
        const session = pgliteSession(tx, options?.shareReads === true);
        if (options?.shareReads) sharing = session;
        try {
          return await fn(session);
        } finally {
          if (sharing === session) sharing = undefined;
          // Reads let in just before must end before the transaction does.
          await session.settle();
          await session.db.destroy();
        }
      }),
    async execute(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const result = await pglite.query<Record<string, unknown>>(text, values as unknown[]);
      return { rows: result.rows };
    },
    dumpDataDir: async (compression: 'none' | 'gzip' = 'none') => {
      const dump = await pglite.dumpDataDir(compression);
      return dump;
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

interface PgliteSession extends Session {
  /**
   * Runs another caller's query between this transaction's statements, in a read-only savepoint rolled back at
   * once; undefined when the query writes (it must then wait for the transaction to end).
   */
  readInside(text: string, parameters: readonly unknown[]): Promise<Results<unknown> | undefined>;
  /** Resolves once every statement queued on the session has ended. */
  settle(): Promise<void>;
}

/** Characters per COPY statement in a transaction that shares its reads (about 200 declarations). */
const SHARED_COPY_SLICE = 32_768;

/** PostgreSQL's "cannot execute … in a read-only transaction". */
const READ_ONLY_VIOLATION = '25006';

function pgliteSession(tx: Transaction, sharesReads: boolean): PgliteSession {
  // The transaction's own statements and the reads let in between take turns, one at a time.
  let turn: Promise<unknown> = Promise.resolve();
  // PGlite answers through promises that settle without going back to the event loop, and each statement runs
  // synchronously: a chain of statements would hold the one thread from the first to the last, so requests (and
  // their reads) could not even arrive. A transaction that shares its reads goes back to the event loop before each
  // statement: arrived requests are parsed and their reads queued behind the statement that runs.
  const ready = sharesReads ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const start = ready ? turn.then(ready, ready) : turn;
    const next = start.then(work, work);
    turn = next.catch(() => undefined);
    return next;
  };
  const db = new Kysely<DB>({
    dialect: singleConnectionDialect((sqlText, parameters) =>
      exclusive(async () => {
        const result = await tx.query<Record<string, unknown>>(sqlText, parameters as unknown[], {
          rowMode: 'object',
        });
        return { rows: result.rows, affectedRows: result.affectedRows };
      }),
    ),
  });
  return {
    db,
    async copyIn(table, columns, text) {
      const copy = (part: string) =>
        exclusive(async () => {
          await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
            blob: new Blob([part]),
          });
        });
      // One COPY of a whole batch holds the thread for as long as its rows and their indexes take (a second on a
      // busy machine for 2,500 declarations); a transaction that shares its reads sends it in slices, so reads wait
      // for one slice at most. COPY's text format escapes newlines inside values: a row ends at each "\n".
      if (!sharesReads) return text.length === 0 ? undefined : copy(text);
      for (let start = 0; start < text.length; ) {
        let end = text.indexOf('\n', Math.min(start + SHARED_COPY_SLICE, text.length - 1));
        end = end === -1 ? text.length : end + 1;
        await copy(text.slice(start, end));
        start = end;
      }
    },
    async settle() {
      let seen: Promise<unknown> | undefined;
      while (seen !== turn) {
        seen = turn;
        await seen;
      }
    },
    readInside(text, parameters) {
      return exclusive(async () => {
        await tx.exec('savepoint vigie_shared_read; set local transaction_read_only = on');
        try {
          return await tx.query(text, parameters as unknown[], { rowMode: 'object' });
        } catch (error) {
          if ((error as { code?: string }).code === READ_ONLY_VIOLATION) return undefined;
          throw error;
        } finally {
          await tx.exec('rollback to savepoint vigie_shared_read; release savepoint vigie_shared_read');
        }
      });
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process: the next query reports the problem.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    description: `PostgreSQL at ${redactUrl(url)}${options.schema ? ` (schema ${options.schema})` : ''}`,
    schema: options.schema,
    async execute(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      return { rows: (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [] };
    },
    async transaction(fn) {
      const client = await pool.connect();
      const session = postgresSession(client, copyFrom);
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        await session.db.destroy();
        client.release(broken);
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

function postgresSession(client: pg.PoolClient, copyFrom: typeof import('pg-copy-streams').from): Session {
  const db = new Kysely<DB>({
    dialect: singleConnectionDialect(async (sqlText, parameters) => {
      const result = await client.query(sqlText, parameters as unknown[]);
      return { rows: result.rows as Record<string, unknown>[], affectedRows: result.rowCount ?? undefined };
    }),
  });
  return {
    db,
    async copyIn(table, columns, text) {
      if (text.length === 0) return;
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(
        (async function* () {
          yield Buffer.from(text, 'utf8');
        })(),
        stream as unknown as Writable,
      );
    },
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
