/**
 * Merging entities and splitting them again. A merge points an entity (and whatever already stood behind it) at
 * the entity that stands for it now (`merged_into`, always the root: never a chain); links stay on the entities
 * they came from, so a split — clearing the pointer of the entities that a merge moved — restores exactly what
 * was there. Each merge is a row of `graph_merges` (who, when, from which suggestion) and is audited by the caller.
 * A merge or a split counts the hub degree of what it touched again (`recountHubs`): degrees count after merges.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { recountHubs } from './hubs.ts';
import { entitiesByIds } from './store.ts';

/** Merges `entityId` into `intoId` (both taken as the entities standing for them now). Returns the root ids. */
export async function mergeEntities(
  db: Kysely<DB>,
  entityId: number,
  intoId: number,
  by: string,
  suggestionId: number | null = null,
): Promise<{ merged: number; into: number; moved: number[]; hubs: { marked: number[]; cleared: number[] } }> {
  const [a, b] = await Promise.all([rootOf(db, entityId), rootOf(db, intoId)]);
  if (a === b) throw new AppError('graph_same_entity', 'these entities are already one', 409);
  const [from, into] = await entitiesByIds(db, [a]).then(async ([x]) => [
    x,
    (await entitiesByIds(db, [b]))[0],
  ]);
  if (from!.type !== into!.type)
    throw new AppError('graph_type_mismatch', `a ${from!.type} cannot be merged into a ${into!.type}`, 400);
  const moved = await db
    .updateTable('graph_entities')
    .set({ merged_into: b, updated_at: new Date() })
    .where((eb) => eb.or([eb('id', '=', a), eb('merged_into', '=', a)]))
    .returning('id')
    .execute();
  await db
    .insertInto('graph_merges')
    .values(
      moved.map((m) => ({ entity_id: Number(m.id), into_id: b, suggestion_id: suggestionId, merged_by: by })),
    )
    .execute();
  // The merged entity's over-correlation count (and its identifiers'), after the merge (docs/graph.md, "Hubs").
  const hubs = await recountHubs(db, [b]);
  return { merged: a, into: b, moved: moved.map((m) => Number(m.id)), hubs };
}

/** Undoes the merge of one entity: it (and what had been merged into it before) stands for itself again. */
export async function splitEntity(
  db: Kysely<DB>,
  entityId: number,
  by: string,
): Promise<{ split: number[]; hubs: { marked: number[]; cleared: number[] } }> {
  const [entity] = await entitiesByIds(db, [entityId]);
  if (!entity?.merged_into)
    throw new AppError('graph_not_merged', `entity ${entityId} is not merged into another`, 409);
  const open = await db
    .selectFrom('graph_merges')
    .select(['id', 'entity_id', 'merged_at'])
    .where('split_at', 'is', null)
    .where('into_id', '=', entity.merged_into)
    .execute();
  // The entities that moved with it: those whose open merge is the same one (same time, same target).
  const mine = open.find((m) => Number(m.entity_id) === entityId);
  const group = mine ? open.filter((m) => String(m.merged_at) === String(mine.merged_at)) : [];
  const ids = group.length ? group.map((m) => Number(m.entity_id)) : [entityId];
  // Entities merged into it before keep pointing at it; the entity itself is a root again.
  await db
    .updateTable('graph_entities')
    .set((eb) => ({
      merged_into: eb.case().when('id', '=', entityId).then(null).else(entityId).end(),
      updated_at: new Date(),
    }))
    .where('id', 'in', ids)
    .execute();
  await db
    .updateTable('graph_merges')
    .set({ split_at: new Date(), split_by: by })
    .where('id', 'in', group.length ? group.map((m) => Number(m.id)) : [-1])
    .execute();
  // Both sides of the split are counted again: each is linked to what it was linked to before the merge.
  const hubs = await recountHubs(db, [entityId, entity.merged_into]);
  return { split: ids, hubs };
}

export async function rootOf(db: Kysely<DB>, id: number): Promise<number> {
  const [row] = await entitiesByIds(db, [id]);
  if (!row) throw new AppError('graph_entity_not_found', `no entity ${id} in the graph`, 404);
  return row.merged_into ?? row.id;
}
