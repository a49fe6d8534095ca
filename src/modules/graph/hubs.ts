/**
 * Over-correlation control, as in MISP (docs/graph.md, "Hubs and exclusions"). An identifier shared by more than N
 * distinct entities (a courier's switchboard, a marketplace's support e-mail) is marked `hub`: it stays in the
 * graph with its links (provenance kept) but neighbours, paths, communities and risk signals no longer cross it,
 * and it is listed for review. An analyst may clear the mark ("keep linking": `hub_kept`, audited with a reason).
 * Excluded values never link: the build writes no link to them, and an entity already in the graph is marked hub
 * (its old links stay as provenance; removing the exclusion clears the mark unless its degree is over N).
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { normalizePhone } from '../osint/index.ts';
import { type EntityType, parseEntityKey } from './keys.ts';

/** The identifier kinds that can become hubs (values, not parties). */
export const HUB_TYPES: readonly EntityType[] = [
  'phone',
  'email',
  'address',
  'website',
  'bank_account',
  'account',
];

/** Default N: an identifier linked to more distinct entities than this is a hub (`VIGIE_GRAPH_HUB_DEGREE`). */
export const DEFAULT_HUB_DEGREE = 25;

export function hubDegree(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.VIGIE_GRAPH_HUB_DEGREE);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_HUB_DEGREE;
}

/**
 * Distinct entities linked to the entity `g`, **counted after merges**: the links of the entities merged into `g`
 * count for it, and two linked entities merged into one count once (both directions; index lookups per side).
 */
const degreeOfG = sql<number>`(
  select count(distinct coalesce(o.merged_into, o.id))::int
  from (
    select l.to_id as other from graph_links l
    where l.from_id in (select m.id from graph_entities m where m.id = g.id or m.merged_into = g.id)
    union all
    select l.from_id from graph_links l
    where l.to_id in (select m.id from graph_entities m where m.id = g.id or m.merged_into = g.id)
  ) x join graph_entities o on o.id = x.other
  where coalesce(o.merged_into, o.id) <> g.id)`;

/**
 * Marks as hubs the identifiers linked to more than `threshold` distinct entities (not those an analyst kept) and
 * the excluded values present in the graph. Returns the entities newly marked. Idempotent.
 */
export async function markHubs(
  db: Kysely<DB>,
  options: { threshold?: number } = {},
): Promise<{ marked: number; threshold: number }> {
  const threshold = options.threshold ?? hubDegree();
  // One pass over the links of the candidates (hash aggregate), not a join on `from_id = id or to_id = id`.
  // Counted after merges: a candidate is a root identifier with the entities merged into it (`member`), and the
  // other end is taken as its root (the few merged entities, hashed).
  const byDegree = await sql<{ id: number }>`
    with merged as (
      select id, merged_into from graph_entities where merged_into is not null
    ), cand as (
      select e.id as member, e.id as root from graph_entities e
      where e.type = any(${HUB_TYPES as string[]}::text[]) and not e.hub and not e.hub_kept and e.merged_into is null
      union all
      select m.id, m.merged_into from merged m join graph_entities r on r.id = m.merged_into
      where r.type = any(${HUB_TYPES as string[]}::text[]) and not r.hub and not r.hub_kept
    ), x as (
      select c.root, l.to_id as other from graph_links l join cand c on c.member = l.from_id
      union all
      select c.root, l.from_id from graph_links l join cand c on c.member = l.to_id
    )
    update graph_entities g set hub = true, updated_at = now()
    from (
      select x.root as id from x left join merged m on m.id = x.other
      where coalesce(m.merged_into, x.other) <> x.root
      group by x.root
      having count(distinct coalesce(m.merged_into, x.other)) > ${threshold}
    ) d
    where g.id = d.id
    returning g.id`.execute(db);
  const byExclusion = await sql<{ id: number }>`
    update graph_entities g set hub = true, updated_at = now()
    from graph_exclusions x
    where g.type = x.type and g.key = x.key and not g.hub
    returning g.id`.execute(db);
  return { marked: byDegree.rows.length + byExclusion.rows.length, threshold };
}

/**
 * After a merge or a split: the over-correlation count of the entities it touched, again. `roots` are the entities
 * standing for themselves after the change (the merged entity, or the split one and what it had joined); their
 * identifiers and the identifiers linked to them are counted after merges, and marked hub when linked to more than
 * N distinct entities — or cleared when a merge of duplicates brought them to N or fewer (not an excluded value,
 * which stays a hub, and not one an analyst kept linking). Returns what changed.
 */
export async function recountHubs(
  db: Kysely<DB>,
  roots: number[],
  options: { threshold?: number } = {},
): Promise<{ marked: number[]; cleared: number[] }> {
  if (!roots.length) return { marked: [], cleared: [] };
  const threshold = options.threshold ?? hubDegree();
  const { rows } = await sql<{ id: number | string; hub: boolean }>`
    with grp as (
      select id from graph_entities where id = any(${roots}::bigint[]) or merged_into = any(${roots}::bigint[])
    ), touched as (
      select id from grp
      union select l.to_id from graph_links l where l.from_id in (select id from grp)
      union select l.from_id from graph_links l where l.to_id in (select id from grp)
    ), candidates as (
      select distinct coalesce(e.merged_into, e.id) as id from graph_entities e where e.id in (select id from touched)
    )
    update graph_entities g set hub = d.over, updated_at = now()
    from (
      select g.id, ${degreeOfG} > ${threshold} as over
      from graph_entities g
      where g.id in (select id from candidates) and g.merged_into is null
        and g.type = any(${HUB_TYPES as string[]}::text[]) and not g.hub_kept
        and not exists (select 1 from graph_exclusions x where x.type = g.type and x.key = g.key)
    ) d
    where g.id = d.id and g.hub <> d.over
    returning g.id, g.hub`.execute(db);
  return {
    marked: rows.filter((r) => r.hub).map((r) => Number(r.id)),
    cleared: rows.filter((r) => !r.hub).map((r) => Number(r.id)),
  };
}

export interface HubRow {
  id: number;
  type: string;
  key: string;
  label: string;
  degree: number;
  excluded: boolean;
  updated_at: string;
}

/** The hubs to review, most linked first. */
export async function listHubs(db: Kysely<DB>, hidden: readonly string[] = []): Promise<HubRow[]> {
  const { rows } = await sql<HubRow & { updated_at: Date | string }>`
    select g.id, g.type, g.key, g.label, ${degreeOfG} as degree,
      exists (select 1 from graph_exclusions x where x.type = g.type and x.key = g.key) as excluded, g.updated_at
    from graph_entities g
    where g.hub and g.merged_into is null and g.type <> all(${[...hidden]}::text[])
    order by degree desc, g.id
    limit 1000`.execute(db);
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    degree: Number(r.degree),
    updated_at: new Date(r.updated_at).toISOString(),
  }));
}

/** An analyst clears a hub mark: the entity links again, and the marking by degree leaves it alone (audited). */
export async function keepLinking(
  database: Database,
  actor: Actor,
  id: number,
  reason: string,
): Promise<HubRow> {
  await database.transaction(async (session) => {
    const row = await session.db
      .selectFrom('graph_entities')
      .select(['id', 'type', 'key', 'hub'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('graph_entity_not_found', `no entity ${id} in the graph`);
    if (!row.hub) throw new AppError('graph_not_a_hub', `entity ${id} is not a hub`, 409);
    const excluded = await session.db
      .selectFrom('graph_exclusions')
      .select('key')
      .where('type', '=', row.type)
      .where('key', '=', row.key)
      .executeTakeFirst();
    if (excluded)
      throw new AppError(
        'graph_hub_excluded',
        `${row.type}:${row.key} is on the exclusion list: include it first`,
        409,
      );
    await session.db
      .updateTable('graph_entities')
      .set({ hub: false, hub_kept: true, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: 'graph.hub.kept',
      target_type: 'graph_entity',
      target_id: String(id),
      before: { hub: true },
      after: { hub: false, hub_kept: true, reason },
    });
  });
  const [entity] = await sql<HubRow & { updated_at: Date | string }>`
    select g.id, g.type, g.key, g.label, ${degreeOfG} as degree, false as excluded, g.updated_at
    from graph_entities g where g.id = ${id}`
    .execute(database.db)
    .then((r) => r.rows);
  return {
    ...entity!,
    id: Number(entity!.id),
    degree: Number(entity!.degree),
    updated_at: new Date(entity!.updated_at).toISOString(),
  };
}

export interface ExclusionRow {
  type: string;
  key: string;
  note: string;
  created_by: string;
  created_at: string;
}

/** `type:value` → the stored key (phones in E.164), or a 400. */
export function exclusionKey(text: string): { type: EntityType; key: string } {
  const parsed = parseEntityKey(text);
  if (!parsed)
    throw new AppError('graph_bad_key', `"${text}" is not type:value (e.g. phone:+212522000000)`, 400);
  if (!HUB_TYPES.includes(parsed.type))
    throw new AppError(
      'graph_bad_exclusion_type',
      `only identifiers can be excluded (${HUB_TYPES.join(', ')}), not ${parsed.type}`,
      400,
    );
  if (parsed.type === 'phone') {
    const e164 = normalizePhone(text.slice(text.indexOf(':') + 1));
    if (e164) return { type: 'phone', key: e164 };
  }
  return parsed;
}

export async function listExclusions(db: Kysely<DB>): Promise<ExclusionRow[]> {
  const rows = await db
    .selectFrom('graph_exclusions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('key')
    .execute();
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at as unknown as string).toISOString() }));
}

/** Excluded values as `type\0key`, for the build. */
export async function exclusionSet(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('graph_exclusions').select(['type', 'key']).execute();
  return new Set(rows.map((r) => `${r.type}\u0000${r.key}`));
}

/** Adds a value to the exclusion list (audited with its note); an entity already in the graph becomes a hub. */
export async function addExclusion(
  database: Database,
  actor: Actor,
  text: string,
  note: string,
): Promise<ExclusionRow> {
  const { type, key } = exclusionKey(text);
  if (!note.trim()) throw new AppError('graph_note_required', 'say why this value must not link (note)', 400);
  return database.transaction(async (session) => {
    const existing = await session.db
      .selectFrom('graph_exclusions')
      .select('key')
      .where('type', '=', type)
      .where('key', '=', key)
      .executeTakeFirst();
    if (existing) throw new AppError('graph_exclusion_exists', `${type}:${key} is already excluded`, 409);
    const row = await session.db
      .insertInto('graph_exclusions')
      .values({ type, key, note: note.trim(), created_by: actor.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await session.db
      .updateTable('graph_entities')
      .set({ hub: true, hub_kept: false, updated_at: new Date() })
      .where('type', '=', type)
      .where('key', '=', key)
      .execute();
    await appendAudit(session, actor, {
      action: 'graph.exclusion.added',
      target_type: 'graph_exclusion',
      target_id: `${type}:${key}`,
      after: { type, key, note: row.note },
    });
    return { ...row, created_at: new Date(row.created_at as unknown as string).toISOString() };
  });
}

/**
 * Removes a value from the exclusion list (audited): the next build links it again; its entity's hub mark is
 * cleared unless it is linked to more than N entities.
 */
export async function removeExclusion(
  database: Database,
  actor: Actor,
  text: string,
  note: string | null,
  options: { threshold?: number } = {},
): Promise<void> {
  const { type, key } = exclusionKey(text);
  const threshold = options.threshold ?? hubDegree();
  await database.transaction(async (session) => {
    const removed = await session.db
      .deleteFrom('graph_exclusions')
      .where('type', '=', type)
      .where('key', '=', key)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw new NotFoundError('graph_exclusion_not_found', `${type}:${key} is not excluded`);
    await sql`
      update graph_entities g set hub = false, updated_at = now()
      where g.type = ${type} and g.key = ${key} and g.hub
        and ${degreeOfG} <= ${threshold}`.execute(session.db);
    await appendAudit(session, actor, {
      action: 'graph.exclusion.removed',
      target_type: 'graph_exclusion',
      target_id: `${type}:${key}`,
      before: { type, key, note: removed.note },
      after: note ? { note } : null,
    });
  });
}
