/** Test helpers of the risk and valuation modules: import rows, reset their tables, make profiles. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type NativeRow, nativeCsv } from '../../../../test/factories.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resolveProfile } from '../../../platform/ingest/profile.ts';
import { runImport } from '../../../platform/ingest/run.ts';
import { forget } from '../../../platform/lib/cache.ts';
import { declarationsTarget } from '../../declarations/index.ts';
import { companiesTarget, manifestsTarget, paymentsTarget } from '../../partners/index.ts';
import { forgetRuleStats } from '../decisions/selection.ts';
import { forgetActiveProfiles } from '../profiles.ts';

export const SYSTEM = { id: null, name: 'test', ip: null };

const RISK_TABLES = [
  'risk_settings',
  'valuation_settings',
  'valuation_references',
  'valuation_builds',
  'valuation_findings',
  'risk_profiles',
  'risk_activation_requests',
  'risk_watchlists',
  'risk_watchlist_entries',
  'risk_selection_runs',
  'risk_decisions',
  'risk_decision_items',
  'risk_decision_hits',
  'risk_overrides',
  'risk_outcome_corrections',
  'risk_attachments',
  'risk_campaigns',
  'risk_campaign_items',
];

/** Empties the risk and valuation tables (office parameters back to the default row) and the caches. */
export async function resetRisk(database: Database): Promise<void> {
  await sql.raw(`truncate ${RISK_TABLES.join(', ')} restart identity cascade`).execute(database.db);
  await sql`delete from risk_office_params where office_code <> '*'`.execute(database.db);
  await sql`update risk_office_params set capacity_items = null, capacity_hours = null, rate_red = 0.03,
    rate_yellow = 0.02, rate_blue = 0.01, random_rate = 0.05, minutes_red = 60, minutes_yellow = 20`.execute(
    database.db,
  );
  forget();
  forgetActiveProfiles();
  forgetRuleStats();
}

/** Imports native rows (declarations) and returns the import id. */
export async function importRows(database: Database, rows: NativeRow[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-risk-'));
  try {
    const file = join(dir, 'rows.csv');
    writeFileSync(file, nativeCsv(rows));
    const summary = await runImport(database, declarationsTarget, {
      file,
      profile: resolveProfile('declarations', 'native'),
    });
    if (!summary.ok) throw new Error(`test import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    return summary.importId!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports a partner file (native CSV text) of the given kind. */
export async function importPartner(
  database: Database,
  kind: 'companies' | 'manifests' | 'payments',
  csv: string,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-risk-'));
  try {
    const file = join(dir, `${kind}.csv`);
    writeFileSync(file, csv);
    const summary = await runImport(
      database,
      { companies: companiesTarget, manifests: manifestsTarget, payments: paymentsTarget }[kind] as never,
      {
        file,
        profile: resolveProfile(kind, 'native'),
      },
    );
    if (!summary.ok)
      throw new Error(
        `test import failed: ${summary.fileError?.message ?? JSON.stringify(summary.errors.slice(0, 3))}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A minimal rule for documents built in tests. */
export function rule(
  id: string,
  when: unknown,
  effect: Record<string, unknown> = { points: 10 },
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    title: { en: `Rule ${id}`, fr: `Règle ${id}` },
    rationale: { en: `Because of ${id}`, fr: `À cause de ${id}` },
    when,
    effect,
    ...extra,
  };
}
