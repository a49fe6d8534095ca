/**
 * The module contract: what a module hands the platform (HTTP routes, CLI commands, import targets, background
 * job kinds, its own migrations, and — for the one module that knows users — how a request's credentials become a
 * user). The composition root (src/app/modules.ts) lists the modules and builds the registry once; the platform
 * reads it from its contexts (AppContext, CliContext, JobContext) and never imports a module.
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { Authenticator } from './auth/user.ts';
import type { CliContext } from './cli/context.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { ImportTarget } from './ingest/target.ts';
import type { JobKind, JobQueue } from './jobs/queue.ts';
import type { Logger } from './lib/logger.ts';
import type { RetentionKind } from './retention/kinds.ts';
import type { SearchProvider } from './search/types.ts';

/** What route handlers get: the database and configuration, nothing global. */
export interface AppContext {
  database: Database;
  config: Config;
  logger: Logger;
  /** Enqueues and follows background jobs (workers may run elsewhere). */
  jobs: JobQueue;
  /** The modules and what they provide (routes, import targets, job kinds, the authenticator). */
  registry: Registry;
  /** Serve the web workbench from web/dist at / (the API processes of `vigie serve`). */
  web?: boolean;
  /** Where the built workbench is, when not web/dist (tests serve a page of their own). */
  webDir?: string;
}

export interface VigieModule {
  name: string;
  /** Registers the module's routes (paths start with /api/). */
  routes?(app: FastifyInstance, context: AppContext): Promise<void> | void;
  /** Adds the module's commands to the CLI. */
  cli?(program: Command, context: CliContext): void;
  /**
   * For modules whose commands are costly to load: the top-level command name and a loader, called only when
   * that command is the one being run (other commands start without paying for it).
   */
  lazyCli?: {
    command: string;
    description: string;
    load(): Promise<(program: Command, context: CliContext) => void>;
  };
  importTargets?: ImportTarget<unknown>[];
  /** Background work the module runs through the job queue. */
  jobKinds?: JobKind<never>[];
  /**
   * The module's own migrations, named `NNNN_<module>_<what>` in one sequence with the others (they run in name
   * order, whichever module brings them). Never edited once landed.
   */
  migrations?: Record<string, Migration>;
  /** Turns a request's credentials into a user (the auth module; exactly one module provides it). */
  authenticate?: Authenticator;
  /** Kinds of data the module keeps for a limited time, which the daily purge removes when past their period. */
  retention?: RetentionKind[];
  /** Record families the global search may look in (GET /api/search), each with its permission. */
  search?: SearchProvider[];
}

/** What the platform needs of the modules, gathered once by the composition root. */
export interface Registry {
  readonly modules: readonly VigieModule[];
  readonly importTargets: ReadonlyMap<string, ImportTarget<unknown>>;
  readonly jobKinds: readonly JobKind<never>[];
  readonly migrations: Readonly<Record<string, Migration>>;
  readonly authenticate: Authenticator;
  readonly retention: readonly RetentionKind[];
  readonly searchProviders: readonly SearchProvider[];
}

const nobody: Authenticator = async () => null;

/**
 * Gathers what the modules provide; throws on two import targets, job kinds, migrations or retention kinds of one
 * name, or two authenticators, so that a clash shows at start and not as one module silently hiding another.
 */
export function registryOf(modules: readonly VigieModule[], base: Record<string, Migration> = {}): Registry {
  const importTargets = new Map<string, ImportTarget<unknown>>();
  const kinds = new Map<string, JobKind<never>>();
  const migrations: Record<string, Migration> = { ...base };
  let authenticate: Authenticator | undefined;
  const retention = new Map<string, RetentionKind>();
  const search = new Map<string, SearchProvider>();
  for (const module of modules) {
    for (const target of module.importTargets ?? []) {
      if (importTargets.has(target.name)) throw new Error(`import target ${target.name} is provided twice`);
      importTargets.set(target.name, target);
    }
    for (const kind of module.jobKinds ?? []) {
      if (kinds.has(kind.kind)) throw new Error(`job kind ${kind.kind} is provided twice`);
      kinds.set(kind.kind, kind);
    }
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (migrations[name]) throw new Error(`migration ${name} is provided twice`);
      migrations[name] = migration;
    }
    for (const kind of module.retention ?? []) {
      if (retention.has(kind.name)) throw new Error(`retention kind ${kind.name} is provided twice`);
      retention.set(kind.name, kind);
    }
    for (const provider of module.search ?? []) {
      if (search.has(provider.kind)) throw new Error(`search family ${provider.kind} is provided twice`);
      search.set(provider.kind, provider);
    }
    if (module.authenticate) {
      if (authenticate) throw new Error(`module ${module.name} provides a second authenticator`);
      authenticate = module.authenticate;
    }
  }
  return {
    modules,
    importTargets,
    jobKinds: [...kinds.values()],
    migrations,
    authenticate: authenticate ?? nobody,
    retention: [...retention.values()],
    searchProviders: [...search.values()],
  };
}
