/**
 * A parcel found to hold seized goods, linked to its seizure (the cases module's record, read through its public
 * face and named by id and reference, never joined): the sender's later parcels then carry the `repeat_sender`
 * indicator (score.ts). One seizure per parcel; linking again replaces the link. Audited.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { iso } from '../../platform/lib/errors.ts';
import { getSeizure } from '../cases/index.ts';
import { getParcel } from './store.ts';

export interface ParcelSeizureLink {
  parcel_id: number;
  seizure_id: number;
  seizure_reference: string;
  seized_on: string;
  description: string;
  linked_by: string;
  linked_at: string;
}

export async function linkParcelSeizure(
  database: Database,
  actor: Actor,
  parcelId: number,
  seizureId: number,
): Promise<ParcelSeizureLink> {
  return database.transaction(async (session) => {
    const parcel = await getParcel(session.db, parcelId);
    const seizure = await getSeizure(session.db, seizureId);
    const before = await session.db
      .selectFrom('parcel_seizures')
      .select(['seizure_id', 'seizure_reference'])
      .where('parcel_id', '=', parcelId)
      .executeTakeFirst();
    const seizedOn = String(seizure.seized_on).slice(0, 10);
    const values = {
      seizure_id: seizure.id,
      seizure_reference: seizure.reference,
      seized_on: seizedOn,
      description: seizure.description ?? '',
      linked_by: actor.name,
    };
    const row = await session.db
      .insertInto('parcel_seizures')
      .values({ parcel_id: parcelId, ...values })
      .onConflict((oc) => oc.column('parcel_id').doUpdateSet({ ...values, linked_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'parcels.seizure_linked',
      target_type: 'parcel',
      target_id: parcelId,
      before: before ? { ...before, seizure_id: Number(before.seizure_id) } : null,
      after: {
        seizure_id: seizure.id,
        seizure_reference: seizure.reference,
        parcel: `${parcel.carrier} ${parcel.consignment_number}`,
      },
    });
    return {
      parcel_id: Number(row.parcel_id),
      seizure_id: Number(row.seizure_id),
      seizure_reference: row.seizure_reference,
      seized_on: seizedOn,
      description: row.description,
      linked_by: row.linked_by,
      linked_at: iso(row.linked_at),
    };
  });
}
