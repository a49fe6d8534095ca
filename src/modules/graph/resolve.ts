/**
 * Entity resolution with analyst judgement. Deterministic keys already make one entity of one phone, e-mail,
 * company identifier or folded name (keys.ts). Beyond that, candidate pairs of persons and companies (and
 * declarants, declaration sellers) come from blocking — a rare name word in common, or the same phone, e-mail or
 * address — and are scored: name similarity (Levenshtein on the sorted, folded words, and word overlap) plus a
 * bonus for each shared identifier. Pairs over the threshold become suggestions; an analyst accepts (merge) or
 * rejects them, and a rejected pair is never proposed again (its row stays). Nothing is merged automatically
 * unless asked, and then only above 0.97.
 */
import { distance } from 'fastest-levenshtein';
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { nameTokens } from './keys.ts';
import { mergeEntities, splitEntity } from './merge.ts';
import type { SuggestionStatus } from './tables.ts';

export const RESOLVABLE_TYPES = ['person', 'company', 'declarant', 'seller'] as const;
const SHARED_TYPES = ['phone', 'email', 'address'];
const MIN_AUTO_MERGE = 0.97;

/** How alike two names are, 0–1: the better of edit similarity on sorted words and word overlap. */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return 0;
  const sa = [...ta].sort().join(' ');
  const sb = [...tb].sort().join(' ');
  const edit = 1 - distance(sa, sb) / Math.max(sa.length, sb.length);
  const setA = new Set(ta);
  const common = tb.filter((t) => setA.has(t)).length;
  const overlap = common / Math.max(ta.length, tb.length);
  // Words that are each a near-spelling of one in the other name ("amrani"/"amrany").
  const near = ta.filter((x) =>
    tb.some((y) => 1 - distance(x, y) / Math.max(x.length, y.length) >= 0.8),
  ).length;
  const fuzzyOverlap = near / Math.max(ta.length, tb.length);
  return Math.max(edit, overlap, fuzzyOverlap * 0.95);
}

interface Candidate {
  id: number;
  type: string;
  label: string;
}

export interface ProposeResult {
  candidates: number;
  proposed: number;
  merged: number;
}

export async function proposeMerges(
  database: Database,
  actor: Actor,
  options: { minScore?: number; maxBucket?: number; autoMergeAbove?: number | null } = {},
): Promise<ProposeResult> {
  const minScore = options.minScore ?? 0.8;
  const maxBucket = options.maxBucket ?? 50;
  if (options.autoMergeAbove != null && options.autoMergeAbove < MIN_AUTO_MERGE)
    throw new AppError(
      'graph_threshold_too_low',
      `automatic merges need a score of ${MIN_AUTO_MERGE} at least`,
      400,
    );
  const db = database.db;
  const rows = await db
    .selectFrom('graph_entities')
    .select(['id', 'type', 'label'])
    .where('type', 'in', [...RESOLVABLE_TYPES])
    .where('merged_into', 'is', null)
    .execute();
  const entities = new Map<number, Candidate>(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id) }]));
  const pairs = new Map<string, { a: number; b: number; shared: string[] }>();
  const pair = (x: number, y: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const k = `${a}|${b}`;
    let p = pairs.get(k);
    if (!p) {
      p = { a, b, shared: [] };
      pairs.set(k, p);
    }
    return p;
  };
  // Blocking on name words: each rare word (3 letters or more) of a name, by type.
  const buckets = new Map<string, number[]>();
  for (const e of entities.values())
    for (const token of new Set(nameTokens(e.label)))
      if (token.length >= 3) {
        const k = `${e.type}|${token}`;
        const list = buckets.get(k) ?? [];
        list.push(e.id);
        buckets.set(k, list);
      }
  for (const ids of buckets.values()) {
    if (ids.length < 2 || ids.length > maxBucket) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pair(ids[i]!, ids[j]!);
  }
  // Blocking on shared identifiers: entities of one type linked to the same phone, e-mail or address.
  const { rows: shared } = await sql<{ value_type: string; value: string; x: number; y: number }>`
    with v as (
      select p.o_root as who, p.t_root as value, p.t_type as value_type, p.t_label as label
      from graph_links l
      join graph_entities f on f.id = l.from_id
      join graph_entities g on g.id = l.to_id
      cross join lateral (values
        (coalesce(f.merged_into, f.id), f.type, f.hub, f.label, coalesce(g.merged_into, g.id), g.type),
        (coalesce(g.merged_into, g.id), g.type, g.hub, g.label, coalesce(f.merged_into, f.id), f.type)
      ) as p(t_root, t_type, t_hub, t_label, o_root, o_type)
      where p.t_type = any(${SHARED_TYPES}::text[]) and not p.t_hub
        and p.o_type = any(${[...RESOLVABLE_TYPES]}::text[])
    )
    select v1.value_type, v1.label as value, v1.who as x, v2.who as y
    from v v1 join v v2 on v1.value = v2.value and v1.who < v2.who
    join graph_entities e1 on e1.id = v1.who join graph_entities e2 on e2.id = v2.who
    where e1.type = e2.type
    group by v1.value_type, v1.label, v1.who, v2.who
    limit 100000`.execute(db);
  for (const s of shared) pair(Number(s.x), Number(s.y)).shared.push(`${s.value_type} ${s.value}`);

  const decided = new Set(
    (await db.selectFrom('graph_suggestions').select(['entity_a', 'entity_b']).execute()).map(
      (r) => `${r.entity_a}|${r.entity_b}`,
    ),
  );
  const proposals: { a: number; b: number; score: number; reasons: string[] }[] = [];
  for (const [k, p] of pairs) {
    if (decided.has(k)) continue;
    const a = entities.get(p.a);
    const b = entities.get(p.b);
    if (!a || !b || a.type !== b.type) continue;
    const similarity = nameSimilarity(a.label, b.label);
    const shares = [...new Set(p.shared)];
    const score = Math.min(1, similarity + 0.15 * shares.length);
    if (score < minScore || (shares.length === 0 && similarity < minScore)) continue;
    if (shares.length > 0 && similarity < 0.5) continue;
    proposals.push({
      a: p.a,
      b: p.b,
      score: Math.round(score * 1000) / 1000,
      reasons: [
        `names "${a.label}" and "${b.label}" alike (${similarity.toFixed(2)})`,
        ...shares.map((s) => `share ${s}`),
      ],
    });
  }
  let merged = 0;
  await database.transaction(async (session) => {
    for (let i = 0; i < proposals.length; i += 500)
      await session.db
        .insertInto('graph_suggestions')
        .values(
          proposals.slice(i, i + 500).map((p) => ({
            entity_a: p.a,
            entity_b: p.b,
            score: p.score,
            reasons: JSON.stringify(p.reasons),
          })),
        )
        .onConflict((oc) => oc.columns(['entity_a', 'entity_b']).doNothing())
        .execute();
    if (options.autoMergeAbove != null)
      for (const p of proposals.filter((x) => x.score >= options.autoMergeAbove!)) {
        const row = await session.db
          .selectFrom('graph_suggestions')
          .select('id')
          .where('entity_a', '=', p.a)
          .where('entity_b', '=', p.b)
          .executeTakeFirstOrThrow();
        await accept(session.db, actor, Number(row.id), 'automatic merge above threshold');
        merged++;
      }
    await appendAudit(session, actor, {
      action: 'graph.suggestions.proposed',
      target_type: 'graph',
      after: { candidates: pairs.size, proposed: proposals.length, merged },
    });
  });
  return { candidates: pairs.size, proposed: proposals.length, merged };
}

export interface SuggestionView {
  id: number;
  score: number;
  reasons: string[];
  status: SuggestionStatus;
  a: { id: number; type: string; key: string; label: string };
  b: { id: number; type: string; key: string; label: string };
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}

const suggestionQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('graph_suggestions as s')
    .innerJoin('graph_entities as a', 'a.id', 's.entity_a')
    .innerJoin('graph_entities as b', 'b.id', 's.entity_b')
    .select([
      's.id',
      's.score',
      's.reasons',
      's.status',
      's.decided_by',
      's.decided_at',
      's.note',
      'a.id as a_id',
      'a.type as a_type',
      'a.key as a_key',
      'a.label as a_label',
      'b.id as b_id',
      'b.key as b_key',
      'b.label as b_label',
    ]);

type SuggestionRow = Awaited<ReturnType<ReturnType<typeof suggestionQuery>['executeTakeFirstOrThrow']>>;

const toView = (r: SuggestionRow): SuggestionView => ({
  id: Number(r.id),
  score: Number(r.score),
  reasons: r.reasons,
  status: r.status,
  a: { id: Number(r.a_id), type: r.a_type, key: r.a_key, label: r.a_label },
  b: { id: Number(r.b_id), type: r.a_type, key: r.b_key, label: r.b_label },
  decided_by: r.decided_by,
  decided_at: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  note: r.note,
});

export async function listSuggestions(
  db: Kysely<DB>,
  filters: { status?: SuggestionStatus | undefined; type?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ total: number; items: SuggestionView[] }> {
  let query = suggestionQuery(db);
  if (filters.status) query = query.where('s.status', '=', filters.status);
  if (filters.type) query = query.where('a.type', '=', filters.type);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('s.score', 'desc')
    .orderBy('s.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toView) };
}

export async function getSuggestion(db: Kysely<DB>, id: number): Promise<SuggestionView> {
  const row = await suggestionQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('graph_suggestion_not_found', `no merge suggestion #${id}`);
  return toView(row);
}

/** Suggestion #id, locked, refused unless it is still open. */
async function lockOpen(db: Kysely<DB>, id: number) {
  const s = await db
    .selectFrom('graph_suggestions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw new NotFoundError('graph_suggestion_not_found', `no merge suggestion #${id}`);
  if (s.status !== 'open')
    throw new AppError('graph_suggestion_decided', `suggestion #${id} is already ${s.status}`, 409);
  return s;
}

/** Records the analyst's decision on suggestion #id. */
async function close(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  status: 'accepted' | 'rejected',
  note: string | null,
) {
  await db
    .updateTable('graph_suggestions')
    .set({ status, decided_by: actor.name, decided_at: new Date(), note })
    .where('id', '=', id)
    .execute();
}

async function accept(db: Kysely<DB>, actor: Actor, id: number, note: string | null) {
  const s = await lockOpen(db, id);
  // The newer entity joins the older one.
  const result = await mergeEntities(db, Number(s.entity_b), Number(s.entity_a), actor.name, id);
  await close(db, actor, id, 'accepted', note);
  return result;
}

/** An analyst's decision on a suggestion: accept (merge) or reject (remembered: never proposed again). Audited. */
export async function decideSuggestion(
  database: Database,
  actor: Actor,
  id: number,
  decision: 'accept' | 'reject',
  note: string | null = null,
): Promise<SuggestionView> {
  await database.transaction(async (session) => {
    if (decision === 'accept') {
      const result = await accept(session.db, actor, id, note);
      await appendAudit(session, actor, {
        action: 'graph.suggestion.accepted',
        target_type: 'graph_suggestion',
        target_id: id,
        before: { status: 'open' },
        after: { status: 'accepted', merged: result.moved, into: result.into, hubs: result.hubs, note },
      });
      return;
    }
    await lockOpen(session.db, id);
    await close(session.db, actor, id, 'rejected', note);
    await appendAudit(session, actor, {
      action: 'graph.suggestion.rejected',
      target_type: 'graph_suggestion',
      target_id: id,
      before: { status: 'open' },
      after: { status: 'rejected', note },
    });
  });
  return getSuggestion(database.db, id);
}

/** An analyst merges two entities by hand (audited). */
export async function mergeByHand(
  database: Database,
  actor: Actor,
  entityId: number,
  intoId: number,
  note: string | null,
) {
  return database.transaction(async (session) => {
    const result = await mergeEntities(session.db, entityId, intoId, actor.name);
    await appendAudit(session, actor, {
      action: 'graph.entity.merged',
      target_type: 'graph_entity',
      target_id: result.into,
      after: { merged: result.moved, into: result.into, hubs: result.hubs, note },
    });
    return result;
  });
}

/** Undoes a merge (audited). */
export async function splitByHand(database: Database, actor: Actor, entityId: number, note: string | null) {
  return database.transaction(async (session) => {
    const result = await splitEntity(session.db, entityId, actor.name);
    await appendAudit(session, actor, {
      action: 'graph.entity.split',
      target_type: 'graph_entity',
      target_id: entityId,
      after: { split: result.split, hubs: result.hubs, note },
    });
    return result;
  });
}
