/**
 * Past inspection outcomes loaded in bulk (docs/decisions/0048-parcel-model.md): what examiners found on earlier
 * parcels, taken over from another system — or generated for the demo and the bench — so that a parcel model has
 * outcomes to learn from. One transaction, one multi-row write, one audit entry (`parcels.outcomes_loaded`, with
 * the counts). The checks are those of one outcome (inspections.ts): a fraud has its type and nothing else does, the
 * time has passed; a parcel that already has an outcome keeps it (counted as skipped). Unknown parcels are refused.
 */
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/lib/errors.ts';
import type { ParcelFraudType, ParcelInspectionResult } from './model.ts';

/** One outcome, naming its parcel as the advance data does: carrier and consignment number. */
export interface PastOutcome {
  carrier: string;
  consignment_number: string;
  examiner: string;
  result: ParcelInspectionResult;
  fraud_type?: ParcelFraudType | null;
  /** ISO date and time. */
  inspected_at: string;
}

export async function recordPastOutcomes(
  database: Database,
  actor: Actor,
  outcomes: readonly PastOutcome[],
): Promise<{ recorded: number; skipped: number; frauds: number }> {
  const now = Date.now();
  outcomes.forEach((o, i) => {
    const bad = (field: string, message: string): never => {
      throw new AppError('parcels.bad_inspection', `outcome ${i + 1}: ${field}: ${message}`, 400, [
        { path: `/${i}/${field}`, message },
      ]);
    };
    if ((o.result === 'fraud') !== Boolean(o.fraud_type))
      bad('fraud_type', o.result === 'fraud' ? 'expected the type of fraud found' : 'expected no fraud type');
    const at = Date.parse(o.inspected_at);
    if (Number.isNaN(at)) bad('inspected_at', 'expected a date and time');
    if (at > now) bad('inspected_at', 'expected a time that has passed');
  });
  const column = <T>(of: (o: PastOutcome) => T) => outcomes.map(of);
  return database.transaction(async (session) => {
    const { rows } = await sql<{ given: number; known: number; n: number; frauds: number }>`
      with given as (
        select * from unnest(${column((o) => o.carrier)}::text[], ${column((o) => o.consignment_number)}::text[],
          ${column((o) => o.examiner)}::text[], ${column((o) => o.result)}::text[],
          ${column((o) => o.fraud_type ?? null)}::text[], ${column((o) => o.inspected_at)}::timestamptz[])
          as o(carrier, consignment_number, examiner, result, fraud_type, inspected_at)
      ),
      known as (
        select p.id, g.examiner, g.result, g.fraud_type, g.inspected_at
        from given g join parcels p on p.carrier = g.carrier and p.consignment_number = g.consignment_number
      ),
      written as (
        insert into parcel_inspections (parcel_id, examiner, result, fraud_type, inspected_at, recorded_by)
        select id, examiner, result, fraud_type, inspected_at, ${actor.name}::text from known
        where (select count(*) from known) = (select count(*) from given)
        on conflict (parcel_id) do nothing
        returning result
      )
      select (select count(*) from given)::int as given, (select count(*) from known)::int as known,
        count(*)::int as n, count(*) filter (where result = 'fraud')::int as frauds from written`.execute(
      session.db,
    );
    const r = rows[0]!;
    if (Number(r.known) !== Number(r.given))
      throw new AppError(
        'parcels.unknown_parcel',
        `${Number(r.given) - Number(r.known)} of the ${r.given} outcomes name parcels that are not known (carrier and consignment number)`,
        400,
      );
    const recorded = Number(r.n);
    const summary = { recorded, skipped: outcomes.length - recorded, frauds: Number(r.frauds) };
    await appendAudit(session, actor, {
      action: 'parcels.outcomes_loaded',
      target_type: 'parcel_inspections',
      target_id: 'bulk',
      details: summary,
    });
    return summary;
  });
}
