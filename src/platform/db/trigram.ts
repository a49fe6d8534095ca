/**
 * The trigram extension (pg_trgm) the search indexes need, on PGlite (loaded at open, database.ts) and on
 * PostgreSQL. It is created once per database, in `public` when that schema exists: an installation in a schema
 * of its own (tests, benches) is dropped with its schema, and an extension created inside it would go with it —
 * and with every other installation's trigram indexes. Concurrent migrations of several schemas take turns on an
 * advisory lock. pg_trgm is a trusted extension (PostgreSQL 13+): a user with CREATE on the database may install
 * it; otherwise an administrator runs `create extension pg_trgm` once.
 */
import { type Kysely, sql } from 'kysely';

const LOCK = 7_311_031;

/** Ensures pg_trgm and returns its operator class for GIN indexes, schema-qualified (`"public".gin_trgm_ops`). */
export async function trigramOps(db: Kysely<unknown>): Promise<string> {
  await sql`select pg_advisory_xact_lock(${LOCK})`.execute(db);
  const schemaOf = async () =>
    (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
        join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema;
  let schema = await schemaOf();
  if (!schema) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_namespace
      where nspname = 'public'`.execute(db);
    await sql
      .raw(`create extension if not exists pg_trgm${rows[0]?.n ? ' with schema public' : ''}`)
      .execute(db);
    schema = await schemaOf();
  }
  if (!schema) throw new Error('the pg_trgm extension could not be created');
  return `"${schema.replace(/"/g, '""')}".gin_trgm_ops`;
}
