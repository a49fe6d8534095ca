import type { JobKind } from '../../platform/jobs/queue.ts';
import type { VigieModule } from '../../platform/module.ts';
import { mlMigrations } from './migrations/index.ts';

/**
 * Machine learning: the model commands (file mode and registry), the registry's routes, and the training job.
 * Its code (trees, features, SHAP) loads only when one of these is used.
 */
const trainJob: JobKind<{ name: string; from?: string; to?: string }> = {
  kind: 'model.train',
  title: (p) =>
    `Training of model "${p.name}"${p.from || p.to ? ` on ${p.from ?? '…'} to ${p.to ?? '…'}` : ''}`,
  retryLimit: 0,
  run: async (context) => (await import('./train-job.ts')).trainJob.run(context as never),
};

const replayJob: JobKind<{ from: string; to: string; exploration_share: number }> = {
  kind: 'model.replay',
  title: (p) =>
    `Exploration replay ${p.from} to ${p.to} (exploration ${Math.round(p.exploration_share * 100)} %)`,
  retryLimit: 0,
  run: async (context) => (await import('./replay-job.ts')).replayJob.run(context as never),
};

export const mlModule: VigieModule = {
  name: 'ml',
  migrations: mlMigrations,
  routes: async (app, context) => (await import('./routes.ts')).modelRoutes(app, context),
  jobKinds: [trainJob as JobKind<never>, replayJob as JobKind<never>],
  lazyCli: {
    command: 'model',
    description: 'the fraud-scoring model: train, score and evaluate on files; the registry',
    load: async () => {
      const cli = await import('./cli.ts');
      return (program, context) => {
        cli.registerModelCli(program, context);
        cli.registerModelRegistryCli(program, context);
      };
    },
  },
};
