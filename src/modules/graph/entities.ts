/**
 * Reading entities (search, one entity with its links and their provenance) and adding entities and links by
 * hand with a note (audited). What the caller may not see (`hidden` types) is left out of every answer.
 */

import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { type EntityType, fold, normalizeKey } from './keys.ts';
import { type EntityRow, entitiesByIds, findEntity } from './store.ts';

export async function searchEntities(
  db: Kysely<DB>,
  filters: { q?: string | undefined; type?: string | undefined; hidden?: readonly string[] | undefined },
  page: { limit: number; offset: number },
): Promise<{ total: number; items: EntityRow[] }> {
  let query = db.selectFrom('graph_entities').where('merged_into', 'is', null);
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.hidden?.length) query = query.where('type', 'not in', [...filters.hidden]);
  if (filters.q) {
    const q = `%${filters.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const folded = `%${fold(filters.q)}%`;
    query = query.where((eb) =>
      // Keys keep their case (company identifiers, plates are upper case): compared lower-cased, as labels are.
      eb.or([
        eb(eb.fn('lower', ['label']), 'like', q),
        eb('key', 'like', folded),
        eb(eb.fn('lower', ['key']), 'like', q),
      ]),
    );
  }
  const { total, rows } = await offsetPage(
    query,
    (query) => query.select('id').orderBy('type').orderBy('label').orderBy('id'),
    page,
  );
  const entities = new Map(
    (
      await entitiesByIds(
        db,
        rows.map((r) => Number(r.id)),
      )
    ).map((e) => [e.id, e]),
  );
  return { total, items: rows.map((r) => entities.get(Number(r.id))!) };
}

export interface LinkView {
  id: number;
  type: string;
  direction: 'out' | 'in';
  other: { id: number; type: string; key: string; label: string };
  source_table: string;
  source_id: string;
  first_seen: string | null;
  last_seen: string | null;
  confidence: number;
  note: string | null;
  created_by: string | null;
}

/** An entity (as it stands after merges) with its links, newest first, and the entities merged into it. */
export async function entityDetail(
  db: Kysely<DB>,
  ref: string | number,
  options: { hidden?: readonly string[] | undefined; limit: number; offset: number },
  normalizePhone?: (raw: string) => string | null,
) {
  const entity = await findEntity(db, ref, normalizePhone);
  if (options.hidden?.includes(entity.type))
    throw new NotFoundError('graph_entity_not_found', `no entity ${ref} in the graph`);
  const members = await db
    .selectFrom('graph_entities')
    .select(['id', 'type', 'key', 'label'])
    .where('merged_into', '=', entity.id)
    .orderBy('id')
    .execute();
  const ids = [entity.id, ...members.map((m) => Number(m.id))];
  const hidden = options.hidden?.length ? [...options.hidden] : ['-'];
  const { rows } = await sql<Omit<LinkView, 'other'> & { other_id: number; total: number }>`
    with l as (
      select l.*, 'out' as direction, l.to_id as other from graph_links l where l.from_id = any(${ids}::bigint[])
      union all
      select l.*, 'in' as direction, l.from_id as other from graph_links l where l.to_id = any(${ids}::bigint[])
    )
    select l.id, l.type, l.direction, coalesce(o.merged_into, o.id) as other_id, l.source_table, l.source_id,
           l.first_seen, l.last_seen, l.confidence, l.note, l.created_by, count(*) over () as total
    from l join graph_entities o on o.id = l.other
    where o.type <> all(${hidden}::text[])
    order by coalesce(l.last_seen, l.first_seen) desc nulls last, l.id desc
    limit ${options.limit} offset ${options.offset}`.execute(db);
  const others = new Map(
    (
      await entitiesByIds(
        db,
        rows.map((r) => Number(r.other_id)),
      )
    ).map((e) => [e.id, e]),
  );
  const links: LinkView[] = rows.map((r) => {
    const o = others.get(Number(r.other_id))!;
    return {
      id: Number(r.id),
      type: r.type,
      direction: r.direction,
      other: { id: o.id, type: o.type, key: o.key, label: o.label },
      source_table: r.source_table,
      source_id: r.source_id,
      first_seen: r.first_seen === null ? null : String(r.first_seen),
      last_seen: r.last_seen === null ? null : String(r.last_seen),
      confidence: Number(r.confidence),
      note: r.note,
      created_by: r.created_by,
    };
  });
  return {
    entity,
    merged: members.map((m) => ({ id: Number(m.id), type: m.type, key: m.key, label: m.label })),
    links: {
      total: rows.length ? Number(rows[0]!.total) : 0,
      limit: options.limit,
      offset: options.offset,
      items: links,
    },
  };
}

/** An entity added by hand (an investigator's finding), audited. A key already there is a conflict. */
export async function addEntity(
  database: Database,
  actor: Actor,
  input: {
    type: EntityType;
    value: string;
    label?: string | undefined;
    note: string;
    attributes?: Record<string, unknown> | undefined;
  },
): Promise<EntityRow> {
  const key = normalizeKey(input.type, input.value);
  if (!key) throw new AppError('graph_bad_key', `"${input.value}" makes no ${input.type} key`, 400);
  return database.transaction(async (session) => {
    const row = await session.db
      .insertInto('graph_entities')
      .values({
        type: input.type,
        key,
        label: input.label ?? input.value,
        attributes: JSON.stringify(input.attributes ?? {}),
        manual: true,
        note: input.note,
        source_table: 'manual',
        source_id: actor.name,
      })
      .onConflict((oc) => oc.columns(['type', 'key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('graph_entity_exists', `${input.type}:${key} is already in the graph`, 409);
    await appendAudit(session, actor, {
      action: 'graph.entity.added',
      target_type: 'graph_entity',
      target_id: Number(row.id),
      after: { type: input.type, key, label: input.label ?? input.value, note: input.note },
    });
    return (await entitiesByIds(session.db, [Number(row.id)]))[0]!;
  });
}

/** A link added by hand between two entities (by id or `type:value`), with a note; audited. */
export async function addLink(
  database: Database,
  actor: Actor,
  input: {
    from: string;
    to: string;
    type: string;
    note: string;
    first_seen?: string | undefined;
    last_seen?: string | undefined;
    confidence?: number | undefined;
  },
  normalizePhone?: (raw: string) => string | null,
) {
  const from = await findEntity(database.db, input.from, normalizePhone);
  const to = await findEntity(database.db, input.to, normalizePhone);
  if (from.id === to.id) throw new AppError('graph_self_link', 'a link joins two different entities', 400);
  return database.transaction(async (session) => {
    const row = await session.db
      .insertInto('graph_links')
      .values({
        from_id: from.id,
        to_id: to.id,
        type: input.type,
        source_table: 'manual',
        source_id: `${actor.name}:${Date.now()}`,
        first_seen: input.first_seen ?? null,
        last_seen: input.last_seen ?? input.first_seen ?? null,
        confidence: input.confidence ?? 1,
        note: input.note,
        created_by: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'graph.link.added',
      target_type: 'graph_link',
      target_id: Number(row.id),
      after: { from: from.id, to: to.id, type: input.type, note: input.note },
    });
    return { id: Number(row.id), from: from.id, to: to.id, type: input.type };
  });
}

export async function buildState(db: Kysely<DB>) {
  const sources = await db.selectFrom('graph_build_state').selectAll().orderBy('source').execute();
  const counts = await db
    .selectFrom('graph_entities')
    .select((eb) => [
      eb.fn.countAll<number>().as('entities'),
      eb.fn.countAll<number>().filterWhere('merged_into', 'is not', null).as('merged'),
      eb.fn.countAll<number>().filterWhere('hub', '=', true).as('hubs'),
    ])
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom('graph_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const open = await db
    .selectFrom('graph_suggestions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return {
    entities: Number(counts.entities),
    merged: Number(counts.merged),
    hubs: Number(counts.hubs),
    links: Number(links.n),
    open_suggestions: Number(open.n),
    sources: sources.map((s) => ({
      source: s.source,
      cursor: s.cursor,
      rows_read: Number(s.rows_read),
      updated_at: new Date(s.updated_at).toISOString(),
    })),
  };
}
