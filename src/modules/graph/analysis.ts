/**
 * Network analysis over the stored graph: neighbours to a depth with filters, the shortest path between two
 * entities with the evidence of each link, communities (Louvain) and connected components, centrality (degree and
 * betweenness) on a bounded subgraph. Entities are taken as they stand after merges (a merged entity's links count
 * for the entity it joined); hubs (values shared too widely) appear but are not crossed. Every answer is bounded
 * (nodes, links) and says when it was cut (`truncated`).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { CompactGraph, EdgeList, louvainOf } from './compact-graph.ts';
import { betweenness, bidirectional, Graph } from './graphology.ts';
import { type EntityRow, entitiesByIds } from './store.ts';

export interface Evidence {
  link_id: number;
  type: string;
  source_table: string;
  source_id: string;
  first_seen: string | null;
  last_seen: string | null;
  confidence: number;
}

export interface RawEdge extends Evidence {
  a: number;
  b: number;
  /** Direction as stored: from `a` to `b`. */
}

export interface GraphNode {
  id: number;
  type: string;
  key: string;
  label: string;
  hub: boolean;
  depth?: number;
  attributes: Record<string, unknown>;
}

export interface GraphEdge {
  source: number;
  target: number;
  types: string[];
  links: number;
  evidence: Evidence[];
}

export interface LinkFilters {
  /** Entity types shown and crossed (the start is always shown). */
  types?: string[] | undefined;
  link_types?: string[] | undefined;
  /** Links seen on or after / on or before (YYYY-MM-DD). */
  since?: string | undefined;
  until?: string | undefined;
  /** Entity types never shown (what the caller may not see). */
  hidden_types?: readonly string[] | undefined;
}

const MAX_EVIDENCE = 5;

/**
 * Links touching any of the given root entities (and what was merged into them), as links between roots, with the
 * entities at their ends that the caller does not know yet (`known`): one round trip, the answer as two JSON arrays.
 */
export async function linksAround(
  db: Kysely<DB>,
  roots: number[],
  filters: LinkFilters,
  limit: number,
  known: ReadonlySet<number> = new Set(),
): Promise<{ edges: RawEdge[]; truncated: boolean; entities: EntityRow[] }> {
  if (!roots.length) return { edges: [], truncated: false, entities: [] };
  const conditions = linkConditions(filters);
  const { rows } = await sql<{ edges: RawLink[]; entities: EntityRow[] }>`
    with m as (
      select id from graph_entities where id = any(${roots}::bigint[]) or merged_into = any(${roots}::bigint[])
    ), l as (
      select id, from_id, to_id, type, source_table, source_id, first_seen, last_seen, confidence
      from graph_links where from_id in (select id from m)
      union
      select id, from_id, to_id, type, source_table, source_id, first_seen, last_seen, confidence
      from graph_links where to_id in (select id from m)
    ), e as (
      select l.id, l.type, l.source_table, l.source_id, l.first_seen, l.last_seen, l.confidence,
             coalesce(a.merged_into, a.id) as a, coalesce(b.merged_into, b.id) as b
      from l join graph_entities a on a.id = l.from_id join graph_entities b on b.id = l.to_id
      where ${sql.join(conditions, sql` and `)}
      order by l.id
      limit ${limit + 1}
    ), ends as (
      select a as id from e union select b from e
    )
    select
      (select coalesce(json_agg(e order by e.id), '[]') from e) as edges,
      (select coalesce(json_agg(x), '[]') from (
         select g.id, g.type, g.key, g.label, g.attributes, g.merged_into, g.hub, g.manual, g.note, g.source_table,
                g.source_id
         from graph_entities g
         where g.id in (select id from ends) and g.id <> all(${[...known]}::bigint[])
       ) x) as entities`.execute(db);
  const { edges: links, entities } = rows[0]!;
  const edges = links
    .slice(0, limit)
    .map(rawEdgeOf)
    .filter((e) => e.a !== e.b);
  return { edges, truncated: links.length > limit, entities };
}

/** A link as a query answers it, between the roots `a` and `b` (ids may come back as text). */
export interface RawLink extends Omit<Evidence, 'link_id'> {
  id: number | string;
  a: number | string;
  b: number | string;
}

export const rawEdgeOf = (r: RawLink): RawEdge => ({
  link_id: Number(r.id),
  type: r.type,
  source_table: r.source_table,
  source_id: r.source_id,
  first_seen: r.first_seen,
  last_seen: r.last_seen,
  confidence: Number(r.confidence),
  a: Number(r.a),
  b: Number(r.b),
});

/** The SQL conditions on a link `l` for the filters' link types and time window. */
export function linkConditions(filters: LinkFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (filters.link_types?.length) conditions.push(sql`l.type in (${sql.join(filters.link_types)})`);
  if (filters.since) conditions.push(sql`coalesce(l.last_seen, l.first_seen) >= ${filters.since}::date`);
  if (filters.until) conditions.push(sql`coalesce(l.first_seen, l.last_seen) <= ${filters.until}::date`);
  return conditions;
}

export const toNode = (e: EntityRow, depth?: number): GraphNode => ({
  id: e.id,
  type: e.type,
  key: e.key,
  label: e.label,
  hub: e.hub,
  ...(depth === undefined ? {} : { depth }),
  attributes: e.attributes,
});

const pairKey = (a: number, b: number) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function addEdge(edges: Map<string, GraphEdge>, e: RawEdge): void {
  const k = pairKey(e.a, e.b);
  let edge = edges.get(k);
  if (!edge) {
    edge = { source: e.a, target: e.b, types: [], links: 0, evidence: [] };
    edges.set(k, edge);
  }
  edge.links++;
  if (!edge.types.includes(e.type)) edge.types.push(e.type);
  if (edge.evidence.length < MAX_EVIDENCE) {
    const { a: _a, b: _b, ...evidence } = e;
    edge.evidence.push(evidence);
  }
}

export interface Neighbourhood {
  center: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** The entities within `depth` links of `center` (breadth first), at most `maxNodes`. */
export async function neighbours(
  db: Kysely<DB>,
  center: EntityRow,
  options: LinkFilters & { depth: number; maxNodes: number },
): Promise<Neighbourhood> {
  const nodes = new Map<number, GraphNode>([[center.id, toNode(center, 0)]]);
  const edges = new Map<string, GraphEdge>();
  const seenLinks = new Set<number>();
  let truncated = false;
  let frontier = [center.id];
  const allowed = (type: string) =>
    !options.hidden_types?.includes(type) && (!options.types?.length || options.types.includes(type));
  for (let depth = 1; depth <= options.depth && frontier.length; depth++) {
    const around = await linksAround(db, frontier, options, options.maxNodes * 20, new Set(nodes.keys()));
    truncated ||= around.truncated;
    const entities = new Map(around.entities.map((e) => [e.id, e]));
    const next: number[] = [];
    const inFrontier = new Set(frontier);
    for (const e of around.edges) {
      const from = inFrontier.has(e.a) ? e.a : e.b;
      const other = from === e.a ? e.b : e.a;
      if (!nodes.has(other)) {
        const entity = entities.get(other);
        if (!entity || !allowed(entity.type)) continue;
        if (nodes.size >= options.maxNodes) {
          truncated = true;
          continue;
        }
        nodes.set(other, toNode(entity, depth));
        if (!entity.hub) next.push(other);
      }
      // A link between two entities of the frontier's levels comes back from both ends: count it once.
      if (seenLinks.has(e.link_id)) continue;
      seenLinks.add(e.link_id);
      addEdge(edges, e);
    }
    frontier = next;
  }
  return { center: nodes.get(center.id)!, nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

export interface PathAnswer {
  from: GraphNode;
  to: GraphNode;
  found: boolean;
  length: number | null;
  nodes: GraphNode[];
  /** The links between consecutive nodes, with their evidence. */
  steps: GraphEdge[];
  /** Nodes explored; `truncated` when the search stopped at its bounds without meeting. */
  explored: number;
  truncated: boolean;
}

/**
 * A shortest path between two entities: breadth first from both ends, expanding the smaller side, until the two
 * meet (then a shortest path lies in what was loaded) or `maxDepth` / `maxNodes` is reached.
 */
export async function shortestPath(
  db: Kysely<DB>,
  from: EntityRow,
  to: EntityRow,
  options: LinkFilters & { maxDepth: number; maxNodes: number },
): Promise<PathAnswer> {
  const answer = (
    found: boolean,
    ids: number[],
    edges: Map<string, GraphEdge>,
    explored: number,
    truncated: boolean,
    known: Map<number, EntityRow>,
  ) => {
    const nodes = ids.map((id) => toNode(known.get(id)!));
    const steps = ids.slice(1).map((id, i) => edges.get(pairKey(ids[i]!, id))!);
    return {
      from: toNode(from),
      to: toNode(to),
      found,
      length: found ? ids.length - 1 : null,
      nodes,
      steps,
      explored,
      truncated,
    };
  };
  const known = new Map<number, EntityRow>([
    [from.id, from],
    [to.id, to],
  ]);
  const edges = new Map<string, GraphEdge>();
  if (from.id === to.id) return answer(true, [from.id], edges, 1, false, known);
  const graph = new Graph({ type: 'undirected', multi: false });
  graph.addNode(String(from.id));
  graph.addNode(String(to.id));
  const sides = [
    { seen: new Set([from.id]), frontier: [from.id], depth: 0 },
    { seen: new Set([to.id]), frontier: [to.id], depth: 0 },
  ];
  let truncated = false;
  const allowed = (type: string) =>
    !options.hidden_types?.includes(type) && (!options.types?.length || options.types.includes(type));
  const ok = (id: number) => {
    if (id === from.id || id === to.id) return true;
    const entity = known.get(id);
    return entity !== undefined && allowed(entity.type);
  };
  while (sides[0]!.depth + sides[1]!.depth < options.maxDepth) {
    const side = sides[0]!.frontier.length <= sides[1]!.frontier.length ? sides[0]! : sides[1]!;
    const other = side === sides[0] ? sides[1]! : sides[0]!;
    if (!side.frontier.length) break;
    const around = await linksAround(db, side.frontier, options, options.maxNodes * 5, new Set(known.keys()));
    truncated ||= around.truncated;
    for (const e of around.entities) known.set(e.id, e);
    const next: number[] = [];
    let met = false;
    for (const e of around.edges) {
      if (!ok(e.a) || !ok(e.b)) continue;
      addEdge(edges, e);
      graph.mergeEdge(String(e.a), String(e.b));
      for (const id of [e.a, e.b]) {
        if (side.seen.has(id)) continue;
        side.seen.add(id);
        if (other.seen.has(id)) met = true;
        if (!known.get(id)?.hub) next.push(id);
      }
    }
    side.frontier = next;
    side.depth++;
    if (met) break;
    if (side.seen.size + other.seen.size > options.maxNodes) {
      truncated = true;
      break;
    }
  }
  const path = bidirectional(graph, String(from.id), String(to.id));
  const explored = sides[0]!.seen.size + sides[1]!.seen.size;
  if (!path) return answer(false, [], edges, explored, truncated, known);
  return answer(true, path.map(Number), edges, explored, false, known);
}

export interface Community {
  id: number;
  size: number;
  types: Record<string, number>;
  /** The best-connected members first (at most 50). */
  members: (GraphNode & { degree: number })[];
}

/** Loads the graph into memory: at most `maxLinks` links between roots, nodes and links in the order first met. */
async function loadGraph(
  db: Kysely<DB>,
  options: { maxLinks: number; hidden_types?: readonly string[] | undefined },
): Promise<{ graph: CompactGraph; truncated: boolean }> {
  const hidden = options.hidden_types?.length ? [...options.hidden_types] : ['-'];
  const { rows } = await sql<{ n: number; pairs: string }>`
    select count(*)::int as n, coalesce(string_agg(x.a::text || ',' || x.b::text, ',' order by x.id), '') as pairs
    from (
      select l.id, coalesce(a.merged_into, a.id) as a, coalesce(b.merged_into, b.id) as b
      from graph_links l join graph_entities a on a.id = l.from_id join graph_entities b on b.id = l.to_id
      where not a.hub and not b.hub and a.type <> all(${hidden}::text[]) and b.type <> all(${hidden}::text[])
      order by l.id
      limit ${options.maxLinks + 1}
    ) x`.execute(db);
  const n = Number(rows[0]!.n);
  const pairs = parseIds(rows[0]!.pairs, 2 * n);
  const ids: number[] = [];
  const indexOf = new Map<number, number>();
  const at = (id: number) => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = ids.length;
      indexOf.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const edges = new EdgeList();
  const known = new Set<number>();
  const width = 2 * Math.min(n, options.maxLinks) + 1;
  for (let k = 0; k < Math.min(n, options.maxLinks); k++) {
    const a = pairs[2 * k]!;
    const b = pairs[2 * k + 1]!;
    if (a === b) continue;
    const ia = at(a);
    const ib = at(b);
    const key = ia < ib ? ia * width + ib : ib * width + ia;
    if (known.has(key)) continue;
    known.add(key);
    edges.push(ia, ib);
  }
  return { graph: new CompactGraph(ids, edges), truncated: n > options.maxLinks };
}

/** Comma-separated unsigned integers (`count` of them) as numbers, without a string each. */
function parseIds(text: string, count: number): Float64Array {
  const out = new Float64Array(count);
  let k = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = value;
      value = 0;
      digits = 0;
    } else {
      value = value * 10 + (c - 48);
      digits++;
    }
  }
  if (digits) out[k++] = value;
  if (k !== count) throw new Error(`expected ${count} ids, read ${k}`);
  return out;
}

/** Entities read per query of the component's walk. */
const WALK_CHUNK = 10_000;

/**
 * The connected component of `center` (hubs and hidden types left out, merged entities as the one that stands for
 * them), breadth first, until it is whole or holds `maxNodes` entities. Entities get an index in the order they
 * are reached, so the queue is a range of indices; it is read in chunks of `WALK_CHUNK` entities, each chunk one
 * query (a bitmap scan of both link indexes, index-only once the table is vacuumed) answered as one text of id
 * pairs. Within a chunk, the new entities are numbered in id order and the links taken in index order, so the same
 * graph gives the same component, in the same order, whatever order the database returns the rows in (PostgreSQL
 * may scan in parallel). The few merged and hub entities are read once beforehand, types only when some are hidden.
 */
async function loadComponent(
  db: Kysely<DB>,
  center: EntityRow,
  options: { maxNodes: number; maxLinks: number; hidden_types?: readonly string[] | undefined },
): Promise<{ graph: CompactGraph; truncated: boolean }> {
  const special = await sql<{ id: string; merged_into: string | null; hub: boolean }>`
    select id, merged_into, hub from graph_entities where merged_into is not null or hub`.execute(db);
  const rootOf = new Map<number, number>();
  const members = new Map<number, number[]>();
  const left = new Set<number>();
  for (const r of special.rows) {
    const id = Number(r.id);
    if (r.hub) left.add(id);
    if (r.merged_into !== null) {
      const root = Number(r.merged_into);
      rootOf.set(id, root);
      members.set(root, [...(members.get(root) ?? []), id]);
    }
  }
  const hidden = options.hidden_types?.length ? [...options.hidden_types] : null;
  const ids: number[] = [center.id];
  const indexOf = new Map<number, number>([[center.id, 0]]);
  const edges = new EdgeList();
  // Pairs of indices as one number: lower * width + higher (indices stay below maxNodes).
  const width = options.maxNodes + 1;
  let truncated = false;
  for (let done = 0; done < ids.length && !truncated; ) {
    const end = Math.min(ids.length, done + WALK_CHUNK);
    const chunk = ids.slice(done, end).flatMap((id) => [id, ...(members.get(id) ?? [])]);
    const { rows } = await sql<{ n: number; pairs: string }>`
      select count(*)::int as n, coalesce(string_agg(a::text || ',' || b::text, ','), '') as pairs from (
        select from_id as a, to_id as b from graph_links where from_id = any(${chunk}::bigint[])
        union all
        select to_id, from_id from graph_links where to_id = any(${chunk}::bigint[])
      ) x`.execute(db);
    const n = Number(rows[0]!.n);
    const pairs = parseIds(rows[0]!.pairs, 2 * n);
    // The chunk's side of each link, and the other side as the entity standing for it (or -1: not followed).
    const from = new Int32Array(n);
    const to = new Float64Array(n);
    const fresh = new Set<number>();
    for (let k = 0; k < n; k++) {
      const rawA = pairs[2 * k]!;
      const rawB = pairs[2 * k + 1]!;
      const a = rootOf.get(rawA) ?? rawA;
      const b = rootOf.get(rawB) ?? rawB;
      to[k] = -1;
      const ia = indexOf.get(a) ?? indexOf.get(rawA);
      if (ia === undefined || a === b || left.has(b) || left.has(rawB)) continue;
      const ib = indexOf.get(b);
      if (ib !== undefined && ib < done) continue; // read already, from its side
      from[k] = ia;
      to[k] = b;
      if (ib === undefined) fresh.add(b);
    }
    let newcomers = Float64Array.from(fresh);
    if (hidden && newcomers.length) {
      const found = await sql<{ id: string }>`
        select id from graph_entities where id = any(${[...newcomers]}::bigint[]) and type = any(${hidden}::text[])`.execute(
        db,
      );
      const drop = new Set(found.rows.map((r) => Number(r.id)));
      newcomers = newcomers.filter((id) => !drop.has(id));
    }
    newcomers.sort();
    for (const id of newcomers) {
      if (ids.length >= options.maxNodes) {
        truncated = true;
        break;
      }
      indexOf.set(id, ids.length);
      ids.push(id);
    }
    const keys = new Float64Array(n);
    let m = 0;
    for (let k = 0; k < n; k++) {
      if (to[k] === -1) continue;
      const ib = indexOf.get(to[k]!);
      if (ib === undefined) continue; // hidden, or beyond maxNodes
      const ia = from[k]!;
      keys[m++] = ia < ib ? ia * width + ib : ib * width + ia;
    }
    const sorted = keys.subarray(0, m).sort();
    for (let k = 0; k < m && !truncated; k++) {
      if (k > 0 && sorted[k] === sorted[k - 1]) continue;
      const low = Math.floor(sorted[k]! / width);
      edges.push(low, sorted[k]! - low * width);
      if (edges.length >= options.maxLinks) truncated = true;
    }
    done = end;
  }
  return { graph: new CompactGraph(ids, edges), truncated };
}

export async function communities(
  db: Kysely<DB>,
  options: {
    minSize: number;
    maxLinks: number;
    limit: number;
    hidden_types?: readonly string[] | undefined;
    /** Only the connected component of this entity (at most `maxNodes` entities, 100,000 by default). */
    around?: EntityRow | undefined;
    maxNodes?: number | undefined;
  },
): Promise<{
  communities: Community[];
  components: { count: number; largest: number };
  nodes: number;
  links: number;
  modularity: number | null;
  truncated: boolean;
}> {
  const { graph, truncated } = options.around
    ? await loadComponent(db, options.around, { ...options, maxNodes: options.maxNodes ?? 100_000 })
    : await loadGraph(db, options);
  if (graph.size === 0)
    return {
      communities: [],
      components: { count: graph.order, largest: Math.min(graph.order, 1) },
      nodes: graph.order,
      links: 0,
      modularity: null,
      truncated,
    };
  const detailed = louvainOf(graph);
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(detailed.communities)) {
    const list = groups.get(c) ?? [];
    list.push(node);
    groups.set(c, list);
  }
  const big = [...groups.entries()]
    .filter(([, members]) => members.length >= options.minSize)
    .sort((x, y) => y[1].length - x[1].length || Number(x[1][0]) - Number(y[1][0]))
    .slice(0, options.limit);
  const shown = big.flatMap(([, members]) =>
    [...members].sort((x, y) => graph.degree(y) - graph.degree(x) || Number(x) - Number(y)).slice(0, 50),
  );
  const entities = new Map((await entitiesByIds(db, shown.map(Number))).map((e) => [e.id, e]));
  const types = new Map<number, string>();
  const needTypes = big.flatMap(([, m]) => m).map(Number);
  for (let i = 0; i < needTypes.length; i += 50_000) {
    const { rows } = await sql<{ id: string; type: string }>`
      select id, type from graph_entities where id = any(${needTypes.slice(i, i + 50_000)}::bigint[])`.execute(
      db,
    );
    for (const r of rows) types.set(Number(r.id), r.type);
  }
  // The component of `around` is one by construction (a walk from it); the whole graph's are counted.
  const components = options.around ? [graph.order] : graph.componentSizes();
  return {
    communities: big.map(([, members], index) => {
      const count: Record<string, number> = {};
      for (const m of members) {
        const t = types.get(Number(m)) ?? '?';
        count[t] = (count[t] ?? 0) + 1;
      }
      return {
        id: index + 1,
        size: members.length,
        types: count,
        members: [...members]
          .sort((x, y) => graph.degree(y) - graph.degree(x) || Number(x) - Number(y))
          .slice(0, 50)
          .map((m) => ({ ...toNode(entities.get(Number(m))!), degree: graph.degree(m) })),
      };
    }),
    components: { count: components.length, largest: components.reduce((a, b) => Math.max(a, b), 0) },
    nodes: graph.order,
    links: graph.size,
    modularity: detailed.modularity,
    truncated,
  };
}

/** Degree and betweenness of the entities around `center` (a bounded subgraph: at most `maxNodes`). */
export async function centrality(
  db: Kysely<DB>,
  center: EntityRow,
  options: LinkFilters & { depth: number; maxNodes: number; limit: number },
): Promise<{
  nodes: (GraphNode & { degree: number; betweenness: number })[];
  size: number;
  truncated: boolean;
}> {
  if (options.maxNodes > 5000)
    throw new AppError('graph_too_large', 'betweenness is computed on 5,000 nodes at most', 400);
  const around = await neighbours(db, center, options);
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const n of around.nodes) graph.addNode(String(n.id));
  for (const e of around.edges) graph.mergeEdge(String(e.source), String(e.target));
  const scores = betweenness(graph, { normalized: true });
  const nodes = around.nodes
    .map((n) => ({ ...n, degree: graph.degree(String(n.id)), betweenness: scores[String(n.id)] ?? 0 }))
    .sort((x, y) => y.betweenness - x.betweenness || y.degree - x.degree || x.id - y.id)
    .slice(0, options.limit);
  return { nodes, size: graph.order, truncated: around.truncated };
}
