/**
 * Puts the active model of the registry into the risk engine: while a model is active, every risk scoring adds
 * its fraud probability and, for explained decisions, its reasons in French and English (TreeSHAP). Each process
 * re-reads which model is active at start, after a promotion it makes, and once a minute (another process may
 * have promoted one).
 */
import type { Database } from '../../platform/db/database.ts';
import { activeModelScorer, registerModelScorer, unregisterModelScorer } from '../risk/index.ts';
import { explainAllLangsBatch, scoreWithAnomaly } from './api.ts';
import { closeShapWorkers } from './gbdt/shap-parallel.ts';
import { activeModel } from './registry.ts';

let current: number | null = null;

export async function syncModelScorer(database: Database): Promise<{ id: number; name: string } | null> {
  const active = await activeModel(database.db);
  if (!active) {
    if (current !== null) unregisterModelScorer();
    current = null;
    return null;
  }
  const name = `${active.name} (#${active.id})`;
  // Registered again when another model became active, or when the scorer was removed (or replaced) meanwhile.
  if (active.id !== current || activeModelScorer()?.name !== name) {
    registerModelScorer({
      name,
      trainedTo: active.model.trained.training.lastDate,
      async score(lines, { explain }) {
        // Probability and anomaly from one feature matrix; the anomaly's reasons are cheap (group look-ups).
        const { probability, anomaly } = scoreWithAnomaly(active.model, lines);
        // Explanations of the whole batch in one TreeSHAP pass on two threads (the costly part of explaining).
        const explained = explain ? await explainAllLangsBatch(active.model, lines) : null;
        return Array.from(probability, (p, i) => ({
          probability: p,
          reasons: explained ? explained[i]!.reasons : [],
          anomaly: anomaly
            ? {
                score: anomaly[i]!.score,
                percentile: anomaly[i]!.percentile,
                reasons: anomaly[i]!.reasons.map((r) => ({
                  feature: r.feature,
                  contribution: r.z,
                  en: r.en,
                  fr: r.fr,
                  ar: r.ar,
                })),
              }
            : null,
        }));
      },
    });
    current = active.id;
  }
  return { id: active.id, name: active.name };
}

/**
 * Keeps this process's scorer in step with the registry; returns the function that stops it, which also ends
 * the TreeSHAP worker threads of explanations.
 */
export function followActiveModel(database: Database, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    syncModelScorer(database).catch(() => {});
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    void closeShapWorkers();
  };
}
