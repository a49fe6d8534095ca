/**
 * The bundled demo data (demo/, see its README): a KCS sample and consistent partner files. Loading is an ordinary
 * import of each file, so it is validated like any other and loading twice changes nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditedImport } from '../../modules/imports/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { resolveProfile, type TargetName } from '../../platform/ingest/profile.ts';
import type { ImportProgress, ImportSummary } from '../../platform/ingest/run.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';
import { registry } from '../modules.ts';

export const DEMO_DIR = join(INSTALL_DIR, 'demo');

export const DEMO_FILES: { target: TargetName; file: string; profile: string }[] = [
  { target: 'companies', file: 'companies.csv', profile: 'native' },
  { target: 'trademarks', file: 'trademarks.csv', profile: 'native' },
  { target: 'declarations', file: 'kcs-sample.csv', profile: 'kcs' },
  { target: 'manifests', file: 'manifests.csv', profile: 'native' },
  { target: 'payments', file: 'payments.csv', profile: 'native' },
];

export async function loadDemo(
  database: Database,
  onFile?: (file: string, progress: ImportProgress) => void,
): Promise<ImportSummary[]> {
  const targets = registry.importTargets;
  const summaries: ImportSummary[] = [];
  for (const { target, file, profile } of DEMO_FILES) {
    const path = join(DEMO_DIR, file);
    if (!existsSync(path)) throw new Error(`demo file missing: ${path}`);
    const summary = await auditedImport(
      database,
      targets.get(target)!,
      {
        file: path,
        profile: resolveProfile(target, profile),
        ...(onFile ? { onProgress: (p: ImportProgress) => onFile(file, p) } : {}),
      },
      { id: null, name: 'system:demo', ip: null },
    );
    if (!summary.ok) {
      const why =
        summary.fileError?.message ??
        summary.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ');
      throw new Error(`the demo file ${file} did not import: ${why}`);
    }
    summaries.push(summary);
  }
  return summaries;
}
