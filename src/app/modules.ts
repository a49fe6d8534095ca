/**
 * The modules of Vigie, each registering its HTTP routes, CLI commands and import targets in one place. The server
 * and the CLI read this list; adding a module is one line here.
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { authModule } from '../modules/auth/module.ts';
import { declarationsModule } from '../modules/declarations/module.ts';
import { importsModule } from '../modules/imports/module.ts';
import { mlModule } from '../modules/ml/module.ts';
import { osintModule } from '../modules/osint/module.ts';
import { partnersModule } from '../modules/partners/module.ts';
import { reportsModule } from '../modules/reports/module.ts';
import { riskModule } from '../modules/risk/module.ts';
import { valuationModule } from '../modules/valuation/module.ts';
import { auditModule } from '../platform/audit/module.ts';
import type { CliContext } from '../platform/cli/context.ts';
import type { ImportTarget } from '../platform/ingest/target.ts';
import { jobsModule } from '../platform/jobs/module.ts';
import type { JobKind } from '../platform/jobs/queue.ts';
import type { AppContext } from '../platform/server/context.ts';

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
}

export const modules: VigieModule[] = [
  authModule,
  auditModule,
  jobsModule,
  importsModule,
  declarationsModule,
  partnersModule,
  reportsModule,
  osintModule,
  mlModule,
  valuationModule,
  riskModule,
];

export function importTargets(): Map<string, ImportTarget<unknown>> {
  return new Map(modules.flatMap((m) => m.importTargets ?? []).map((t) => [t.name, t]));
}

export function jobKinds(): JobKind<never>[] {
  return modules.flatMap((m) => m.jobKinds ?? []);
}
