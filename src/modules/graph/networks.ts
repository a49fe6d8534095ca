/**
 * Saved networks (docs/graph.md, "Saved networks"): a link chart kept with a name and a note — its entities with
 * their positions and pins, its start and its filters. The links are not stored: opening a network reads the links
 * between its entities as the graph holds them now (after merges, with their records), so that **what a caller
 * sees follows the records behind each link**: without `osint:read`, links asserted only by online monitoring's
 * records are left out, and so are the online-only entities (online sellers, accounts, websites, and any entity
 * that no record outside online monitoring names — a phone seen only on a TikTok shop). Saving, deleting and
 * exporting are audited.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import {
  addEdge,
  type GraphEdge,
  type GraphNode,
  linkConditions,
  type Neighbourhood,
  type RawLink,
  rawEdgeOf,
  toNode,
} from './analysis.ts';
import { type CsvPart, type ExportFormat, exportFile } from './export.ts';
import { OSINT_TYPES } from './keys.ts';
import { type EntityRow, entitiesByIds } from './store.ts';
import type { SavedNode } from './tables.ts';

/** At most this many entities in a saved network (the chart's own bound). */
export const MAX_SAVED_NODES = 5000;
/** At most this many links read when a network is opened. */
const MAX_LINKS = 100_000;

/** Records of online monitoring: the tables the osint feed writes as provenance (`osint_sellers`, …). */
const OSINT_RECORD = sql`like 'osint\\_%'`;

export interface NetworkFilters {
  types?: string[] | undefined;
  link_types?: string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  depth?: number | undefined;
}

export interface SaveNetworkInput {
  name: string;
  note?: string | undefined;
  start_key?: string | null | undefined;
  filters?: NetworkFilters | undefined;
  nodes: SavedNode[];
}

export interface NetworkSummary {
  id: number;
  name: string;
  note: string;
  start_key: string | null;
  created_by: string;
  created_at: string;
}

export interface OpenedNetwork extends NetworkSummary {
  filters: NetworkFilters;
  nodes: (GraphNode & { x: number; y: number; pinned: boolean })[];
  edges: GraphEdge[];
  /** Saved entities merged since into another saved entity (drawn once, as the entity that stands for them). */
  merged: number;
  truncated: boolean;
}

/** What a caller may see: without `osint:read`, nothing that only online monitoring asserts. */
export interface Viewer {
  osint: boolean;
}

const summary = (r: {
  id: number | string;
  name: string;
  note: string;
  start_key: string | null;
  created_by: string;
  created_at: Date | string;
}): NetworkSummary => ({
  id: Number(r.id),
  name: r.name,
  note: r.note,
  start_key: r.start_key,
  created_by: r.created_by,
  created_at: iso(r.created_at),
});

/**
 * Of these root entities, those the viewer may see: all for a viewer of online monitoring; otherwise not the
 * online types, and not an entity that only online monitoring's records name (its own first record and every link
 * of it and of what was merged into it come from `osint_*` tables).
 */
async function visibleRoots(db: Kysely<DB>, roots: EntityRow[], viewer: Viewer): Promise<Set<number>> {
  if (viewer.osint) return new Set(roots.map((r) => r.id));
  const candidates = roots.filter((r) => !(OSINT_TYPES as readonly string[]).includes(r.type));
  if (!candidates.length) return new Set();
  const ids = candidates.map((r) => r.id);
  const { rows } = await sql<{ root: number | string }>`
    with m as (
      select id, coalesce(merged_into, id) as root, source_table
      from graph_entities where id = any(${ids}::bigint[]) or merged_into = any(${ids}::bigint[])
    )
    select root from m where source_table is null or source_table not ${OSINT_RECORD}
    union
    select m.root from m where exists (
      select 1 from graph_links l where l.from_id = m.id and l.source_table not ${OSINT_RECORD})
    union
    select m.root from m where exists (
      select 1 from graph_links l where l.to_id = m.id and l.source_table not ${OSINT_RECORD})`.execute(db);
  return new Set(rows.map((r) => Number(r.root)));
}

/** Saves a chart; every entity must exist and be visible to the one who saves it. Audited. */
export async function saveNetwork(
  database: Database,
  actor: Actor,
  input: SaveNetworkInput,
  viewer: Viewer,
): Promise<OpenedNetwork> {
  const name = input.name.trim();
  if (!name) throw new AppError('graph_network_name_required', 'a saved network needs a name');
  if (!input.nodes.length)
    throw new AppError('graph_network_empty', 'a saved network needs at least one entity');
  if (input.nodes.length > MAX_SAVED_NODES)
    throw new AppError(
      'graph_network_too_large',
      `a saved network holds at most ${MAX_SAVED_NODES} entities (${input.nodes.length} given)`,
    );
  const seen = new Set<number>();
  input.nodes.forEach((n, i) => {
    if (seen.has(n.id))
      throw new AppError('graph_network_duplicate_node', `nodes[${i}]: entity ${n.id} is given twice`, 400, {
        index: i,
        id: n.id,
      });
    seen.add(n.id);
  });
  const rows = await entitiesByIds(database.db, [...seen]);
  const found = new Map(rows.map((r) => [r.id, r]));
  const roots = await rootsOf(database.db, rows);
  const visible = await visibleRoots(database.db, [...roots.values()], viewer);
  const unknown = input.nodes
    .map((n, index) => ({ index, id: n.id }))
    .filter(({ id }) => {
      const row = found.get(id);
      return !row || !visible.has(roots.get(row.merged_into ?? row.id)?.id ?? -1);
    });
  if (unknown.length)
    throw new AppError(
      'graph_network_unknown_entities',
      `no entity ${unknown
        .slice(0, 5)
        .map((u) => `${u.id} (nodes[${u.index}])`)
        .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''} in the graph`,
      400,
      { unknown: unknown.slice(0, 100) },
    );
  const nodes = input.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, ...(n.pinned ? { pinned: true } : {}) }));
  const id = await database.transaction(async (session) => {
    const row = await session.db
      .insertInto('graph_networks')
      .values({
        name,
        note: input.note?.trim() ?? '',
        start_key: input.start_key ?? null,
        filters: JSON.stringify(input.filters ?? {}),
        nodes: JSON.stringify(nodes),
        node_count: nodes.length,
        created_by: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'graph.network.saved',
      target_type: 'graph_network',
      target_id: Number(row.id),
      after: {
        name,
        note: input.note?.trim() ?? '',
        start_key: input.start_key ?? null,
        nodes: nodes.length,
      },
    });
    return Number(row.id);
  });
  return openNetwork(database.db, id, viewer);
}

/** The root (the entity that stands for it after merges) of each row, by root id. */
async function rootsOf(db: Kysely<DB>, rows: EntityRow[]): Promise<Map<number, EntityRow>> {
  const roots = new Map<number, EntityRow>();
  for (const r of rows) if (r.merged_into === null) roots.set(r.id, r);
  const missing = [...new Set(rows.filter((r) => r.merged_into !== null).map((r) => r.merged_into!))].filter(
    (id) => !roots.has(id),
  );
  for (const r of await entitiesByIds(db, missing)) roots.set(r.id, r);
  return roots;
}

export async function listNetworks(
  db: Kysely<DB>,
  options: { limit?: number; offset?: number } = {},
): Promise<{ total: number; items: NetworkSummary[] }> {
  const rows = await db
    .selectFrom('graph_networks')
    .select(['id', 'name', 'note', 'start_key', 'created_by', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0)
    .execute();
  const { total } = await db
    .selectFrom('graph_networks')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { total: Number(total), items: rows.map(summary) };
}

async function networkRow(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('graph_networks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('graph_network_not_found', `no saved network ${id}`);
  return row;
}

/**
 * A saved network as the viewer may see it now: its entities (as they stand after merges) at their saved
 * positions, and the links between them that the graph holds now, with the saved link filters, and without what
 * the viewer may not see.
 */
export async function openNetwork(db: Kysely<DB>, id: number, viewer: Viewer): Promise<OpenedNetwork> {
  const row = await networkRow(db, id);
  const saved = row.nodes;
  const filters = row.filters as NetworkFilters;
  const rows = await entitiesByIds(
    db,
    saved.map((n) => n.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const roots = await rootsOf(db, rows);
  const visible = await visibleRoots(db, [...roots.values()], viewer);
  const nodes: OpenedNetwork['nodes'] = [];
  const placed = new Set<number>();
  let merged = 0;
  for (const n of saved) {
    const entity = byId.get(n.id);
    if (!entity) continue;
    const root = roots.get(entity.merged_into ?? entity.id);
    if (!root || !visible.has(root.id)) continue;
    if (placed.has(root.id)) {
      merged++;
      continue;
    }
    placed.add(root.id);
    nodes.push({ ...toNode(root), x: n.x, y: n.y, pinned: n.pinned === true });
  }
  const { edges, truncated } = await linksBetween(db, [...placed], filters, viewer);
  return {
    ...summary(row),
    filters,
    nodes,
    edges,
    merged,
    truncated,
  };
}

/** The links between the given roots (and what was merged into them), as edges between roots. */
async function linksBetween(
  db: Kysely<DB>,
  roots: number[],
  filters: NetworkFilters,
  viewer: Viewer,
): Promise<{ edges: GraphEdge[]; truncated: boolean }> {
  if (roots.length < 2) return { edges: [], truncated: false };
  const conditions = linkConditions(filters);
  if (!viewer.osint) conditions.push(sql`l.source_table not ${OSINT_RECORD}`);
  const { rows } = await sql<RawLink>`
    with m as (
      select id, coalesce(merged_into, id) as root
      from graph_entities where id = any(${roots}::bigint[]) or merged_into = any(${roots}::bigint[])
    )
    select l.id, l.type, l.source_table, l.source_id, l.first_seen::text as first_seen,
           l.last_seen::text as last_seen, l.confidence, ma.root as a, mb.root as b
    from graph_links l join m ma on ma.id = l.from_id join m mb on mb.id = l.to_id
    where ma.root <> mb.root and ${sql.join(conditions, sql` and `)}
    order by l.id
    limit ${MAX_LINKS + 1}`.execute(db);
  const edges = new Map<string, GraphEdge>();
  for (const r of rows.slice(0, MAX_LINKS)) addEdge(edges, rawEdgeOf(r));
  return { edges: [...edges.values()], truncated: rows.length > MAX_LINKS };
}

/** Deletes a saved network: its author, or whoever manages the graph. Audited with what it held. */
export async function deleteNetwork(
  database: Database,
  actor: Actor,
  id: number,
  options: { manage: boolean },
): Promise<void> {
  await database.transaction(async (session) => {
    const row = await networkRow(session.db, id);
    if (!options.manage && row.created_by !== actor.name)
      throw new AppError(
        'graph_network_not_yours',
        `saved network ${id} was saved by ${row.created_by}: only its author or graph:manage may delete it`,
        403,
      );
    await session.db.deleteFrom('graph_networks').where('id', '=', id).execute();
    await appendAudit(session, actor, {
      action: 'graph.network.deleted',
      target_type: 'graph_network',
      target_id: id,
      before: {
        name: row.name,
        note: row.note,
        start_key: row.start_key,
        created_by: row.created_by,
        nodes: row.node_count,
      },
    });
  });
}

/** A saved network as a file (CSV of nodes or edges, GraphML), as the viewer may see it; audited. */
export async function exportNetwork(
  database: Database,
  actor: Actor,
  id: number,
  viewer: Viewer,
  format: ExportFormat,
  part: CsvPart = 'nodes',
): Promise<{ body: string; contentType: string; fileName: string }> {
  const network = await openNetwork(database.db, id, viewer);
  const center = network.nodes[0];
  const asNeighbourhood: Neighbourhood = {
    center: center ?? {
      id: 0,
      type: 'network',
      key: String(id),
      label: network.name,
      hub: false,
      attributes: {},
    },
    nodes: network.nodes.map(({ x: _x, y: _y, pinned: _p, ...n }) => n),
    edges: network.edges,
    truncated: network.truncated,
  };
  const file = exportFile(asNeighbourhood, format, part, {
    base: `vigie-saved-network-${id}`,
    description: `Vigie saved network ${id} "${network.name}"${network.note ? ` (${network.note})` : ''}: ${network.nodes.length} entities, ${network.edges.length} links${network.truncated ? ', cut at its bounds' : ''}`,
  });
  await appendAudit(database, actor, {
    action: 'graph.network.exported',
    target_type: 'graph_network',
    target_id: id,
    details: {
      name: network.name,
      format,
      ...(format === 'csv' ? { part } : {}),
      nodes: network.nodes.length,
      edges: network.edges.length,
      osint: viewer.osint,
    },
  });
  return file;
}
