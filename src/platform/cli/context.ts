/**
 * What CLI commands share: the configuration (environment plus the global --data-dir / --database-url options),
 * a database opened and migrated for the length of one command, and output helpers.
 */
import type { Command } from 'commander';
import { checkpointAudit, startAuditSealing } from '../audit/sealing.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import type { Migrations } from '../db/migrate.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { ImportTarget } from '../ingest/target.ts';
import type { JobSources } from '../jobs/queue.ts';
import type { RetentionKind } from '../retention/kinds.ts';

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
  config?: string;
}

/** What commands take of the modules' registry (src/platform/module.ts builds it). */
export interface CliRegistry extends JobSources {
  readonly importTargets: ReadonlyMap<string, ImportTarget<unknown>>;
  readonly migrations: Migrations;
  readonly retention: readonly RetentionKind[];
}

export class CliContext {
  constructor(
    private readonly program: Command,
    /** The modules and what they provide (job kinds, import targets, migrations). */
    readonly registry: CliRegistry,
  ) {}

  config(overrides: { port?: string | number | undefined; host?: string | undefined } = {}): Config {
    const global = this.program.opts<GlobalOptions>();
    return loadConfig({
      configFile: global.config,
      dataDir: global.dataDir,
      databaseUrl: global.databaseUrl,
      ...overrides,
    });
  }

  async open(config: Config = this.config()): Promise<Database> {
    const database = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
    );
    try {
      await migrateToLatest(database, this.registry.migrations);
      await startAuditSealing(database, config);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  /** Opens the database (migrated), runs `fn`, closes it whatever happens. */
  async withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
    const config = this.config();
    const database = await this.open(config);
    try {
      return await fn(database, config);
    } finally {
      await this.close(database, config);
    }
  }

  /** Closes a database opened by `open`, after a checkpoint of the audit trail. */
  async close(database: Database, config: Config): Promise<void> {
    await checkpointAudit(database, config);
    await database.close();
  }
}
