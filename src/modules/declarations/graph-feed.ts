/**
 * What the link graph reads of declarations (the graph module, docs/graph.md): each declaration's parties — importer,
 * declarant, seller, courier — with their names, its office and date, and whether an inspection found fraud, in
 * pages by id (keyset: `afterId`), so that a build reads only what landed since its last watermark.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { withParties } from './store.ts';

export interface DeclarationParties {
  id: number;
  reference: string;
  office_code: string;
  lodged_on: string;
  total_value: number;
  importer_code: string | null;
  importer_name: string | null;
  declarant_code: string | null;
  declarant_name: string | null;
  seller_code: string | null;
  seller_name: string | null;
  seller_country: string | null;
  courier_code: string | null;
  courier_name: string | null;
  /** An inspection of one of its items found fraud (or a critical case). */
  fraud: boolean;
}

/** Declarations with an id above `afterId`, by id, at most `limit`. */
export async function declarationParties(
  db: Kysely<DB>,
  { afterId, limit }: { afterId: number; limit: number },
): Promise<DeclarationParties[]> {
  const rows = await withParties(db)
    .select([
      'd.id',
      'd.reference',
      'd.office_code',
      'd.lodged_on',
      'd.total_value',
      sql<boolean>`exists (
        select 1 from declaration_items i join inspection_outcomes o on o.item_id = i.id
        where i.declaration_id = d.id and o.result in ('fraud', 'critical'))`.as('fraud'),
    ])
    .where('d.id', '>', afterId)
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, lodged_on: String(r.lodged_on), total_value: Number(r.total_value) }));
}

/** How many declarations there are above `afterId` (the total of a build's progress). */
export async function countDeclarationsAfter(db: Kysely<DB>, afterId: number): Promise<number> {
  const row = await db
    .selectFrom('declarations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>', afterId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
