/** The outbox of the push (push.ts delivers it): filled in the transaction of the message it carries. */
import { sql } from 'kysely';
import type { Session } from '../../platform/db/database.ts';

/** Puts a message into the outbox of every active partner of its group that has an endpoint. */
export async function enqueueForGroup(
  session: Session,
  messageRowId: number,
  groupId: number,
): Promise<number> {
  const rows = await session.db
    .insertInto('sharing_outbox')
    .columns(['message_id', 'partner_id'])
    .expression((eb) =>
      eb
        .selectFrom('sharing_group_members as m')
        .innerJoin('sharing_partners as p', 'p.id', 'm.partner_id')
        .select([sql<number>`${messageRowId}::bigint`.as('message_id'), 'p.id as partner_id'])
        .where('m.group_id', '=', groupId)
        .where('m.member_type', '=', 'partner')
        .where('p.active', '=', true)
        .where('p.endpoint_url', 'is not', null),
    )
    .onConflict((oc) => oc.columns(['message_id', 'partner_id']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}
