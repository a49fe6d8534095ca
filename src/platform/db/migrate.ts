import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from './database.ts';

/**
 * The schema the migration tables belong to: the database's own, or else the connection's current one (a
 * search_path set in the URL, or public). Always named: Kysely otherwise looks for its tables in every schema and
 * takes another installation's (another schema of the same database) for this one's.
 */
async function migrationSchema(database: Database): Promise<string | undefined> {
  if (database.schema) return database.schema;
  if (database.kind !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    database.db,
  );
  return rows[0]?.schema ?? undefined;
}

/** Every migration by name, in the order of their names: the platform's history and the modules' own. */
export type Migrations = Readonly<Record<string, Migration>>;

function migrator(db: Kysely<unknown>, migrations: Migrations, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'vigie_migrations',
    migrationLockTableName: 'vigie_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

/** Brings the schema to the latest version. Throws with the failing migration's name and error. */
export async function migrateToLatest(database: Database, migrations: Migrations): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(
    database.db as Kysely<unknown>,
    migrations,
    await migrationSchema(database),
  ).migrateToLatest();
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (result.error) {
    const failed = (result.results ?? []).find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed} failed: ${cause}`, { cause: result.error });
  }
  return { applied, total: Object.keys(migrations).length };
}

export async function migrationStatus(
  database: Database,
  migrations: Migrations,
): Promise<{ name: string; executedAt: Date | null }[]> {
  const list = await migrator(
    database.db as Kysely<unknown>,
    migrations,
    await migrationSchema(database),
  ).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
