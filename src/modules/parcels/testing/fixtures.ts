/** Test helpers of the parcels module: parcels imported through the native profile, with inspection outcomes. */
import type { Database } from '../../../platform/db/database.ts';
import { resolveProfile } from '../../../platform/ingest/profile.ts';
import { runImport } from '../../../platform/ingest/run.ts';
import { parcelsTarget } from '../import-target.ts';
import { correctInspection, type InspectionInput, recordInspection } from '../inspections.ts';
import { findParcel } from '../store.ts';

const HEADER =
  'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,description,declared_value,currency,arrival_date,arrival_office';
const actor = { id: null, name: 'supervisor', ip: null };
const supervisor = { username: 'supervisor', supervisor: true };

/**
 * Imports DHL parcels (one line each: number, sender, country, arrival day) and records outcomes on some, as a
 * supervisor, each optionally corrected afterwards. Returns the parcels' ids by number.
 */
export async function importParcelsForTest(
  database: Database,
  files: { write(name: string, text: string): string },
  parcels: { number: string; sender: string; country: string; day: string }[],
  outcomes: (InspectionInput & { number: string; corrected?: InspectionInput & { reason: string } })[] = [],
): Promise<Record<string, number>> {
  const lines = parcels.map(
    (p, i) =>
      `${p.number},DHL,express,${p.sender},${p.country},Recipient ${i},cushion cover,20,EUR,${p.day},301`,
  );
  const summary = await runImport(database, parcelsTarget, {
    file: files.write(`parcels-${Date.now()}.csv`, `${HEADER}\n${lines.join('\n')}\n`),
    profile: resolveProfile('parcels', 'native'),
  });
  if (!summary.ok) throw new Error(`test import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  const ids: Record<string, number> = {};
  for (const p of parcels) ids[p.number] = (await findParcel(database.db, 'DHL', p.number)).id;
  for (const { number, corrected, ...input } of outcomes) {
    await recordInspection(database, actor, supervisor, ids[number]!, input);
    if (corrected) await correctInspection(database, actor, supervisor, ids[number]!, corrected);
  }
  return ids;
}
