/** Test helper: generated past parcels (history.ts) imported through the native profile, their outcomes loaded. */
import type { Database } from '../../../platform/db/database.ts';
import { resolveProfile } from '../../../platform/ingest/profile.ts';
import { runImport } from '../../../platform/ingest/run.ts';
import { type GeneratedHistory, generatedParcelHistory, type HistoryOptions } from '../history.ts';
import { parcelsTarget } from '../import-target.ts';
import { recordPastOutcomes } from '../past-outcomes.ts';

export async function importHistory(
  database: Database,
  files: { write(name: string, text: string): string },
  options: HistoryOptions,
): Promise<GeneratedHistory> {
  const history = generatedParcelHistory(options);
  const summary = await runImport(database, parcelsTarget, {
    file: files.write(`history-${options.seed}-${Date.now()}.csv`, history.csv),
    profile: resolveProfile('parcels', 'native'),
  });
  if (!summary.ok) throw new Error(`history import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  await recordPastOutcomes(database, { id: null, name: 'supervisor', ip: null }, history.outcomes);
  return history;
}
