/**
 * What online monitoring keeps for a limited time. Posts of people who may never be charged go once past their
 * period unless something still needs them: an alert (whatever its decision), a confirmation that trained the
 * classifier, or a legal hold on the post or its seller (a case places those). Evidence then loses its content
 * once no post refers to it any more; its record — address, time, content SHA-256 and record hash — stays, so
 * verification still shows what was collected and that it was not altered while kept.
 */
import { sql } from 'kysely';
import { heldCondition } from '../../platform/retention/holds.ts';
import { countThenDelete, type RetentionKind } from '../../platform/retention/kinds.ts';

const count = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

/** Posts past their period that nothing keeps (the condition on `i`). */
const purgeableItem = (before: Date) => sql`i.last_seen_at < ${before}
  and not exists (select 1 from osint_alerts a where a.item_id = i.id)
  and not exists (select 1 from osint_confirmations c where c.item_id = i.id)
  and not ${heldCondition('osint_item', sql.ref('i.id'))}
  and (i.seller_id is null or not ${heldCondition('osint_seller', sql.ref('i.seller_id'))})`;

export const osintItemsKind: RetentionKind = {
  name: 'osint_items',
  description:
    'collected online posts (text, author, identifiers) that no alert, confirmation or legal hold keeps, counted from when last seen',
  defaultDays: 365,
  purge: (database, before, { dryRun }) =>
    countThenDelete(
      database,
      async (db) => {
        const { rows } = await sql<{ removable: number; kept: number }>`
          select count(*) filter (where ${purgeableItem(before)})::int as removable,
                 count(*) filter (where i.last_seen_at < ${before} and not (${purgeableItem(before)}))::int as kept
          from osint_items i`.execute(db);
        return rows[0]!;
      },
      async (db) => {
        const { rows } = await sql<{ n: number }>`
          with gone as (delete from osint_items i where ${purgeableItem(before)} returning 1)
          select count(*)::int as n from gone`.execute(db);
        return count(rows);
      },
      dryRun,
    ),
};

/** Evidence that no post refers to any more, fetched before the date, whose content is still there. */
const purgeableEvidence = (before: Date) => sql`e.purged_at is null and e.fetched_at < ${before}
  and not exists (select 1 from osint_items i where i.evidence_id = e.id)
  and not exists (select 1 from osint_captures c where c.evidence_id = e.id)
  and not ${heldCondition('osint_evidence', sql.ref('e.id'))}`;

export const osintEvidenceKind: RetentionKind = {
  name: 'osint_evidence',
  description:
    'the content of collected pages and files once no post refers to them; their address, time and hashes stay',
  defaultDays: 365,
  purge: (database, before, { dryRun }) =>
    countThenDelete(
      database,
      async (db) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from osint_evidence e
          where ${purgeableEvidence(before)}`.execute(db);
        return { removable: count(rows), kept: 0 };
      },
      async (db) => {
        // The row first (content emptied, purged_at set), then its chunks: the triggers allow exactly that.
        const { rows } = await sql<{
          id: number;
        }>`update osint_evidence e set purged_at = now(), content = null
          where ${purgeableEvidence(before)} returning e.id`.execute(db);
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => Number(r.id));
        await sql`delete from osint_evidence_chunks where evidence_id = any(${ids}::bigint[])`.execute(db);
        return ids.length;
      },
      dryRun,
    ),
};
