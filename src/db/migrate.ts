import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

function migrator(db: Kysely<unknown>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'vigie_migrations',
    migrationLockTableName: 'vigie_migrations_lock',
    // With a schema of its own (tests, benches), the migration tables are looked for there: otherwise Kysely
    // takes another schema's tables for this one's and the migration fails.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

/** Brings the schema to the latest version. Throws with the failing migration's name and error. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(
    database.db as Kysely<unknown>,
    database.schema,
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
): Promise<{ name: string; executedAt: Date | null }[]> {
  const list = await migrator(database.db as Kysely<unknown>, database.schema).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
