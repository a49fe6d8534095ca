import type { Permission } from '../auth/permissions.ts';
import type { AuthUser } from '../auth/user.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Logger } from '../lib/logger.ts';
import type { Registry } from '../module.ts';

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

export type { Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a caller needs to use the route: a permission of the matrix (src/platform/auth/permissions.ts), or
     * 'public'. Every route under /api/ must say (checked when the route is registered).
     */
    permission?: Permission | 'public';
  }
  interface FastifyRequest {
    /** The signed-in user, set by the authorisation hook on routes that need one. */
    user: AuthUser | null;
  }
}
