/**
 * Training from the database as a background job: the labelled declarations of a window, the same trainer as the
 * file mode, the result registered as a candidate model (promotion stays a separate, audited decision).
 */
import { z } from 'zod';
import type { JobKind } from '../../platform/jobs/queue.ts';
import { loadLines } from '../declarations/index.ts';
import { trainModel } from './api.ts';
import { generateCard } from './card.ts';
import { featureImportance, registerModel } from './registry.ts';

export const trainJobParams = z.object({
  name: z.string().min(1).max(100),
  target: z.enum(['fraud', 'critical']).default('fraud'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  notes: z.string().max(2000).optional(),
});
export type TrainJobParams = z.infer<typeof trainJobParams>;

export const trainJob: JobKind<TrainJobParams> = {
  kind: 'model.train',
  title: (p) => `Training of model "${p.name}"`,
  retryLimit: 0,
  async run({ params: raw, actor, database, progress, signal }) {
    const params = trainJobParams.parse(raw);
    progress({ done: 0, total: 4, unit: 'steps', message: 'reading labelled declarations' });
    const lines = await loadLines(database.db, { from: params.from, to: params.to, labelledOnly: true });
    if (lines.length < 200)
      throw new Error(`only ${lines.length} labelled lines in the window: at least 200 are needed`);
    signal.throwIfAborted();
    progress({
      done: 1,
      total: 4,
      unit: 'steps',
      message: `training on ${lines.length.toLocaleString('en-US')} lines`,
    });
    // The registry entry carries the held-out figures with and without the exact-repeat profile.
    const trained = trainModel(lines, { target: params.target, withoutRepeat: true });
    signal.throwIfAborted();
    progress({ done: 2, total: 4, unit: 'steps', message: 'registering the model' });
    const model = await registerModel(database, actor, trained, {
      name: params.name,
      notes: params.notes ?? null,
      metrics: { importance: featureImportance(trained, 15) },
    });
    // Every registered model carries its card (decision 0035): evaluation after training, bias, drift, limits.
    progress({ done: 3, total: 4, unit: 'steps', message: 'writing the model card' });
    await generateCard(database, actor, model.id);
    progress({ done: 4, total: 4, unit: 'steps', message: 'done' });
    return { model_id: model.id, name: model.name, trees: model.trees, holdout: trained.training.holdout };
  },
};
