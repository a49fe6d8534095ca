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

/** Distinct entities linked to the entity `g` (both directions; one index lookup per side). */
const degreeOfG = sql<number>`(
  select count(distinct case when l.from_id = g.id then l.to_id else l.from_id end)::int
  from graph_links l where l.from_id = g.id or l.to_id = g.id)`;

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
  const candidate = sql`e.type = any(${HUB_TYPES as string[]}::text[]) and not e.hub and not e.hub_kept
    and e.merged_into is null`;
  const byDegree = await sql<{ id: number }>`
    update graph_entities g set hub = true, updated_at = now()
    from (
      select x.id from (
        select l.from_id as id, l.to_id as other from graph_links l join graph_entities e on e.id = l.from_id and ${candidate}
        union all
        select l.to_id, l.from_id from graph_links l join graph_entities e on e.id = l.to_id and ${candidate}
      ) x
      group by x.id
      having count(distinct x.other) > ${threshold}
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
