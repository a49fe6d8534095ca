/**
 * A demo model for a new database: trained on the demo's labelled declarations, registered and made active, so
 * that the workbench shows scores, reasons and the model pages from the first start.
 */

import { loadLines } from '../../modules/declarations/index.ts';
import type { Database } from '../../platform/db/database.ts';

export async function trainDemoModel(
  database: Database,
): Promise<{ id: number; name: string; trees: number } | null> {
  const lines = await loadLines(database.db, { labelledOnly: true });
  if (lines.length < 200) return null;
  const { trainModel } = await import('../../modules/ml/index.ts');
  const { featureImportance, generateCard, promoteModel, registerModel } = await import(
    '../../modules/ml/index.ts'
  );
  const actor = { id: null, name: 'system:demo', ip: null };
  const trained = trainModel(lines);
  const model = await registerModel(database, actor, trained, {
    name: 'demo',
    notes: 'Trained at first start on the demo declarations (KCS sample); for trying Vigie only.',
    metrics: { importance: featureImportance(trained, 15) },
  });
  await generateCard(database, actor, model.id);
  await promoteModel(database, actor, model.id);
  return { id: model.id, name: model.name, trees: model.trees };
}
