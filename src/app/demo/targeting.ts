/**
 * The demo's targeting: the first working week of 2021 arrives (demo/arrivals*.csv, not yet controlled), the KCS
 * starter rule profile is activated, reference values are built, and each office's daily selection is run for
 * those days, so that the selection queue, the declaration's risk breakdown and the outcome form have work to show.
 * Everything goes through the modules' ordinary functions (validated, audited); running it twice changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { syncModelScorer } from '../../modules/ml/index.ts';
import {
  activateProfile,
  createCampaign,
  createProfileVersion,
  runSelection,
  setOfficeParams,
} from '../../modules/risk/index.ts';
import { rebuildReferences } from '../../modules/valuation/index.ts';
import type { Database } from '../../platform/db/database.ts';
import type { TargetName } from '../../platform/ingest/profile.ts';
import type { ImportSummary } from '../../platform/ingest/run.ts';
import { DEMO_ACTOR, DEMO_DIR, importDemoFile } from './demo.ts';

export const ARRIVAL_FILES: { target: TargetName; file: string; profile: string }[] = [
  { target: 'companies', file: 'arrivals-companies.csv', profile: 'native' },
  { target: 'declarations', file: 'arrivals.csv', profile: 'kcs-unlabelled' },
  { target: 'manifests', file: 'arrivals-manifests.csv', profile: 'native' },
  { target: 'payments', file: 'arrivals-payments.csv', profile: 'native' },
];

export const STARTER_PROFILE = join(DEMO_DIR, '..', 'profiles', 'risk', 'kcs-starter.yaml');

export interface DemoTargeting {
  arrivals: ImportSummary[];
  profile: { id: number; name: string; version: number } | null;
  references: number;
  selections: number;
  selected: number;
  campaign: number | null;
}

/** Loads the arrivals and runs the demo's targeting; `say` reports each step. */
export async function loadDemoTargeting(
  database: Database,
  say: (line: string) => void = () => {},
): Promise<DemoTargeting> {
  const arrivals: ImportSummary[] = [];
  for (const { target, file, profile } of ARRIVAL_FILES) {
    const summary = await importDemoFile(
      database,
      target,
      join(DEMO_DIR, file),
      profile,
      `demo file ${file}`,
    );
    arrivals.push(summary);
  }

  const db = database.db;
  let profile: DemoTargeting['profile'] = null;
  const active = await db
    .selectFrom('risk_profiles')
    .select(['id', 'name', 'version'])
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!active) {
    const created = await createProfileVersion(database, DEMO_ACTOR, {
      name: 'kcs-starter',
      text: readFileSync(STARTER_PROFILE, 'utf8'),
      reason: 'Demo: the starter profile for KCS-format declarations',
    });
    await activateProfile(database, DEMO_ACTOR, created.id, 'Demo: first profile in force');
    profile = { id: created.id, name: created.name, version: created.version };
    say(`  rule profile ${created.name} v${created.version} active`);
  }

  const built = await rebuildReferences(database, { by: DEMO_ACTOR.name });
  say(`  ${built.groups} reference values (unit value per HS6 × origin, HS6, HS4)`);

  // A targeting cell's usual rates for a demo: about one item in six selected.
  await setOfficeParams(database, DEMO_ACTOR, '*', {
    rate_red: 0.06,
    rate_yellow: 0.06,
    rate_blue: 0.03,
    random_rate: 0.05,
  });
  await syncModelScorer(database);

  const { rows: days } = await sql<{ office_code: string; lodged_on: string }>`
    select distinct d.office_code, d.lodged_on::text as lodged_on
    from declarations d
    where not exists (select 1 from declaration_items i join inspection_outcomes o on o.item_id = i.id
                      where i.declaration_id = d.id)
      and not exists (select 1 from risk_decisions r where r.reference = d.reference)
    order by 2, 1`.execute(db);
  let selected = 0;
  for (const { office_code, lodged_on } of days) {
    const run = await runSelection(database, DEMO_ACTOR, {
      office: office_code,
      day: lodged_on,
      seed: 'demo',
    });
    selected += run.selected_items;
  }
  if (days.length) say(`  ${days.length} daily selections run (office × day), ${selected} items selected`);

  let campaign: number | null = null;
  const existing = await db.selectFrom('risk_campaigns').select('id').limit(1).executeTakeFirst();
  if (!existing) {
    const created = await createCampaign(database, DEMO_ACTOR, {
      name: 'footwear-asia',
      description: 'Demo: footwear from Asia, after seizures of counterfeit sports shoes',
      hs_prefixes: ['6402', '6403', '6404'],
      origins: ['CN', 'VN'],
      date_from: '2021-01-01',
    });
    campaign = created.id;
  }
  return { arrivals, profile, references: built.groups, selections: days.length, selected, campaign };
}
