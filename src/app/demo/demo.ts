/**
 * The bundled demo data (demo/, see its README): a KCS sample and consistent partner files. Loading is an ordinary
 * import of each file, so it is validated like any other and loading twice changes nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditedImport } from '../../modules/imports/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { resolveProfile, type TargetName } from '../../platform/ingest/profile.ts';
import type { ImportProgress, ImportSummary } from '../../platform/ingest/run.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';
import { registry } from '../modules.ts';

export const DEMO_DIR = join(INSTALL_DIR, 'demo');

/** Who the demo acts as: its imports and changes are audited under this name. */
export const DEMO_ACTOR: Actor = { id: null, name: 'system:demo', ip: null };

/**
 * Imports one demo file as the demo (audited, validated like any other import); a file that does not import stops
 * the demo with its errors, `label` naming it.
 */
export async function importDemoFile(
  database: Database,
  target: TargetName,
  file: string,
  profile: string,
  label: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  const summary = await auditedImport(
    database,
    registry.importTargets.get(target)!,
    { file, profile: resolveProfile(target, profile), ...(onProgress ? { onProgress } : {}) },
    DEMO_ACTOR,
  );
  if (!summary.ok) {
    const why =
      summary.fileError?.message ?? summary.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ');
    throw new Error(`the ${label} did not import: ${why}`);
  }
  return summary;
}

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
  const summaries: ImportSummary[] = [];
  for (const { target, file, profile } of DEMO_FILES) {
    const path = join(DEMO_DIR, file);
    if (!existsSync(path)) throw new Error(`demo file missing: ${path}`);
    const summary = await importDemoFile(
      database,
      target,
      path,
      profile,
      `demo file ${file}`,
      onFile ? (p: ImportProgress) => onFile(file, p) : undefined,
    );
    summaries.push(summary);
  }
  return summaries;
}
