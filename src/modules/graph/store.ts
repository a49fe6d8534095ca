/**
 * SQL on the graph's own tables: upserting entities and links in batches (idempotent: the same record read twice
 * changes nothing but `last_seen`), the build state, and looking entities up by id or `type:key`.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import { type EntityType, parseEntityKey } from './keys.ts';

export interface EntityInput {
  type: EntityType;
  key: string;
  label: string;
  attributes?: Record<string, unknown>;
  source_table?: string;
  source_id?: string;
}

export interface EntityRef {
  type: EntityType;
  key: string;
}

export interface LinkInput {
  from: EntityRef;
  to: EntityRef;
  type: string;
  source_table: string;
  source_id: string;
  first_seen?: string | null;
  last_seen?: string | null;
  confidence?: number;
}

export interface Batch {
  entities: EntityInput[];
  links: LinkInput[];
}

const refKey = (r: EntityRef) => `${r.type}\u0000${r.key}`;
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes a batch: entities (attributes merged into what is there; a label is replaced only when `overwriteLabel`
 * or when the stored one is the bare key), then links between them. Returns how many of each were new.
 */
export async function writeBatch(
  db: Kysely<DB>,
  batch: Batch,
  options: {
    overwriteLabel?: (e: EntityInput) => boolean;
    /** Values that never link (`type\0key`, from graph_exclusions): links to them are not written. */
    excluded?: Set<string>;
  } = {},
): Promise<{ entities: number; links: number; ids: Map<string, number> }> {
  const byKey = new Map<string, EntityInput & { overwrite: boolean }>();
  for (const e of batch.entities) {
    if (!e.key) continue;
    const k = refKey(e);
    const seen = byKey.get(k);
    const overwrite = options.overwriteLabel?.(e) ?? false;
    if (!seen) byKey.set(k, { ...e, attributes: { ...(e.attributes ?? {}) }, overwrite });
    else {
      Object.assign(seen.attributes!, e.attributes ?? {});
      if (overwrite && !seen.overwrite) Object.assign(seen, { label: e.label, overwrite });
    }
  }
  // Every end of a link is an entity, at least by its key.
  for (const l of batch.links)
    for (const r of [l.from, l.to])
      if (r.key && !byKey.has(refKey(r)))
        byKey.set(refKey(r), { ...r, label: r.key, attributes: {}, overwrite: false });

  const ids = new Map<string, number>();
  let newEntities = 0;
  for (const part of chunks([...byKey.values()])) {
    const rows = await db
      .insertInto('graph_entities')
      .values(
        part.map((e) => ({
          type: e.type,
          key: e.key.slice(0, 500),
          label: (e.label || e.key).slice(0, 300),
          attributes: JSON.stringify(e.attributes ?? {}),
          source_table: e.source_table ?? null,
          source_id: e.source_id ?? null,
          // Carried to the conflict clause: replace the label?
          note: e.overwrite ? '\u0001' : null,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['type', 'key']).doUpdateSet({
          label: sql`case when excluded.note = E'\\001' or graph_entities.label = graph_entities.key
                      then excluded.label else graph_entities.label end`,
          attributes: sql`graph_entities.attributes || excluded.attributes`,
          updated_at: sql`now()`,
        }),
      )
      .returning(['id', 'type', 'key', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    for (const r of rows) {
      ids.set(`${r.type}\u0000${r.key}`, Number(r.id));
      if (r.inserted) newEntities++;
    }
    // The marker never stays.
    if (part.some((e) => e.overwrite))
      await db.updateTable('graph_entities').set({ note: null }).where('note', '=', '\u0001').execute();
  }

  const links = new Map<string, Record<string, unknown>>();
  for (const l of batch.links) {
    if (options.excluded?.has(refKey(l.from)) || options.excluded?.has(refKey(l.to))) continue;
    const from = ids.get(refKey(l.from));
    const to = ids.get(refKey(l.to));
    if (from === undefined || to === undefined || from === to) continue;
    const k = `${from}|${to}|${l.type}|${l.source_table}|${l.source_id}`;
    const seen = links.get(k);
    const first = l.first_seen ?? l.last_seen ?? null;
    const last = l.last_seen ?? l.first_seen ?? null;
    if (seen) {
      if (first && (!seen.first_seen || first < (seen.first_seen as string))) seen.first_seen = first;
      if (last && (!seen.last_seen || last > (seen.last_seen as string))) seen.last_seen = last;
      continue;
    }
    links.set(k, {
      from_id: from,
      to_id: to,
      type: l.type,
      source_table: l.source_table,
      source_id: l.source_id.slice(0, 200),
      first_seen: first,
      last_seen: last,
      confidence: l.confidence ?? 1,
    });
  }
  let newLinks = 0;
  for (const part of chunks([...links.values()])) {
    const rows = await db
      .insertInto('graph_links')
      .values(part as never)
      .onConflict((oc) =>
        oc
          .columns(['from_id', 'to_id', 'type', 'source_table', 'source_id'])
          .doUpdateSet({
            first_seen: sql`least(graph_links.first_seen, excluded.first_seen)`,
            last_seen: sql`greatest(graph_links.last_seen, excluded.last_seen)`,
            updated_at: sql`now()`,
          })
          .where(
            sql<boolean>`graph_links.first_seen is distinct from least(graph_links.first_seen, excluded.first_seen)
              or graph_links.last_seen is distinct from greatest(graph_links.last_seen, excluded.last_seen)`,
          ),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    newLinks += rows.filter((r) => r.inserted).length;
  }
  return { entities: newEntities, links: newLinks, ids };
}

export async function readCursor<C>(db: Kysely<DB>, source: string): Promise<C | null> {
  const row = await db
    .selectFrom('graph_build_state')
    .select('cursor')
    .where('source', '=', source)
    .executeTakeFirst();
  return (row?.cursor ?? null) as C | null;
}

export async function writeCursor(
  db: Kysely<DB>,
  source: string,
  cursor: unknown,
  rows: number,
): Promise<void> {
  await db
    .insertInto('graph_build_state')
    .values({ source, cursor: JSON.stringify(cursor), rows_read: rows })
    .onConflict((oc) =>
      oc.column('source').doUpdateSet({
        cursor: sql`excluded.cursor`,
        rows_read: sql`graph_build_state.rows_read + excluded.rows_read`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export interface EntityRow {
  id: number;
  type: string;
  key: string;
  label: string;
  attributes: Record<string, unknown>;
  merged_into: number | null;
  hub: boolean;
  manual: boolean;
  note: string | null;
  source_table: string | null;
  source_id: string | null;
}

const entityColumns = [
  'id',
  'type',
  'key',
  'label',
  'attributes',
  'merged_into',
  'hub',
  'manual',
  'note',
  'source_table',
  'source_id',
] as const;

const toEntity = (r: Record<string, unknown>): EntityRow =>
  ({
    ...r,
    id: Number(r.id),
    merged_into: r.merged_into === null ? null : Number(r.merged_into),
  }) as EntityRow;

export async function entitiesByIds(db: Kysely<DB>, ids: number[]): Promise<EntityRow[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('graph_entities').select(entityColumns).where('id', 'in', ids).execute();
  return rows.map(toEntity);
}

/**
 * An entity by id (`123`) or by `type:value` (a phone in any format: the normaliser given makes it E.164), answered
 * as the entity that stands for it now (after merges). Throws a 404 when there is none.
 */
export async function findEntity(
  db: Kysely<DB>,
  ref: string | number,
  normalizePhone?: (raw: string) => string | null,
): Promise<EntityRow> {
  let row: EntityRow | undefined;
  if (typeof ref === 'number' || /^\d+$/.test(ref)) {
    row = (await entitiesByIds(db, [Number(ref)]))[0];
  } else {
    const parsed = parseEntityKey(ref);
    if (parsed) {
      const keys = [parsed.key];
      if (parsed.type === 'phone' && normalizePhone) {
        const e164 = normalizePhone(ref.slice(ref.indexOf(':') + 1));
        if (e164) keys.unshift(e164);
      }
      const found = await db
        .selectFrom('graph_entities')
        .select(entityColumns)
        .where('type', '=', parsed.type)
        .where('key', 'in', keys)
        .executeTakeFirst();
      row = found ? toEntity(found) : undefined;
    }
  }
  if (!row) throw new NotFoundError('graph_entity_not_found', `no entity ${ref} in the graph`);
  if (row.merged_into !== null) {
    const [root] = await entitiesByIds(db, [row.merged_into]);
    if (root) return root;
  }
  return row;
}
