/**
 * Watchlists and alerts. An alert is raised when a post's risk score reaches its source's threshold (0.8 by
 * default), when a seller's score reaches 0.85 with at least two distinct risky ads, or when a post matches a
 * watch term (a brand, a product, a keyword or phrase, a phone number). Alerts are keyed so that reposts of one ad
 * raise one alert (`post:<group>`, `watch:<term>:<group>`), and a seller one (`seller:<id>`).
 *
 * Investigators confirm (with the label they see, default the post's), dismiss, or mark an alert for a case
 * ("case opened": the case module will take it from there). Each decision is audited; a confirmation or a
 * dismissal of a post alert becomes a training example, and the classifier learns it (model.ts).
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { foldedWords } from './dedup.ts';
import { learnFromConfirmations } from './model.ts';
import { normalizePhone, refreshSellers, resolveSellerId } from './sellers.ts';
import { likeEscape } from './sources.ts';
import type { OsintAlertStatus, OsintLabel } from './tables.ts';

export const SELLER_ALERT_THRESHOLD = 0.85;
export const WATCH_KINDS = ['brand', 'product', 'keyword', 'phone'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface WatchTerm {
  id: number;
  kind: WatchKind;
  value: string;
  normalized: string;
  note: string | null;
  active: boolean;
  created_by: number | null;
  created_at: string;
}

export function normalizeWatchValue(kind: WatchKind, value: string): string {
  if (kind === 'phone') {
    const e164 = normalizePhone(value);
    if (!e164) throw new AppError('osint.invalid_watch_term', `"${value}" is not a valid phone number`, 400);
    return e164;
  }
  const words = foldedWords(value);
  if (words.length === 0)
    throw new AppError('osint.invalid_watch_term', 'a term needs at least one word', 400);
  return words.join(' ');
}

const toTerm = (r: {
  id: number;
  kind: WatchKind;
  value: string;
  normalized: string;
  note: string | null;
  active: boolean;
  created_by: number | null;
  created_at: Date;
}): WatchTerm => ({ ...r, created_at: new Date(r.created_at).toISOString() });

export async function listWatchTerms(
  db: Kysely<DB>,
  options: { activeOnly?: boolean } = {},
): Promise<WatchTerm[]> {
  let q = db.selectFrom('osint_watch_terms').selectAll();
  if (options.activeOnly) q = q.where('active', '=', true);
  return (await q.orderBy('kind').orderBy('normalized').execute()).map(toTerm);
}

export async function addWatchTerm(
  database: Database,
  actor: Actor,
  input: { kind: WatchKind; value: string; note?: string | null | undefined },
): Promise<WatchTerm> {
  const value = input.value.trim();
  if (!value || value.length > 200)
    throw new AppError('osint.invalid_watch_term', 'a term of 1 to 200 characters', 400);
  const normalized = normalizeWatchValue(input.kind, value);
  return database.transaction(async (session) => {
    const existing = await session.db
      .selectFrom('osint_watch_terms')
      .selectAll()
      .where('kind', '=', input.kind)
      .where('normalized', '=', normalized)
      .executeTakeFirst();
    if (existing) {
      if (existing.active)
        throw new AppError('osint.watch_term_exists', `"${value}" is on the watchlist already`, 409);
      const row = await session.db
        .updateTable('osint_watch_terms')
        .set({ active: true, note: input.note ?? existing.note })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(session, actor, {
        action: 'osint.watch_term.added',
        target_type: 'osint_watch_term',
        target_id: row.id,
        after: { kind: row.kind, value: row.value },
      });
      return toTerm(row);
    }
    const row = await session.db
      .insertInto('osint_watch_terms')
      .values({ kind: input.kind, value, normalized, note: input.note ?? null, created_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'osint.watch_term.added',
      target_type: 'osint_watch_term',
      target_id: row.id,
      after: { kind: row.kind, value: row.value, note: row.note },
    });
    return toTerm(row);
  });
}

/** Takes a term off the watchlist (kept, inactive, so that its alerts still say what they matched). */
export async function removeWatchTerm(database: Database, actor: Actor, id: number): Promise<void> {
  await database.transaction(async (session) => {
    const row = await session.db
      .updateTable('osint_watch_terms')
      .set({ active: false })
      .where('id', '=', id)
      .where('active', '=', true)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('osint.watch_term_not_found', `no active watch term #${id}`);
    await appendAudit(session, actor, {
      action: 'osint.watch_term.removed',
      target_type: 'osint_watch_term',
      target_id: id,
      before: { kind: row.kind, value: row.value },
    });
  });
}

/** Does the folded word sequence `needle` occur in `hay` (word boundaries respected)? */
function containsPhrase(hay: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The watch terms a post matches. */
export function matchWatchTerms(
  terms: readonly WatchTerm[],
  post: { text: string; brands: readonly string[]; phones: readonly string[] },
): WatchTerm[] {
  if (terms.length === 0) return [];
  const words = foldedWords(post.text);
  const brands = new Set(post.brands.map((b) => foldedWords(b).join(' ')));
  const phones = new Set(post.phones);
  return terms.filter((t) => {
    if (!t.active) return false;
    if (t.kind === 'phone') return phones.has(t.normalized);
    if (t.kind === 'brand' && brands.has(t.normalized)) return true;
    return containsPhrase(words, t.normalized.split(' '));
  });
}

export interface NewAlert {
  key: string;
  kind: 'post' | 'seller' | 'watchlist';
  item_id?: number | null;
  seller_id?: number | null;
  watch_term_id?: number | null;
  label?: OsintLabel | null;
  score?: number | null;
  reason: string;
}

/** Raises an alert unless one with the same key exists; returns whether it is new. */
export async function raiseAlert(db: Kysely<DB>, alert: NewAlert): Promise<boolean> {
  const row = await db
    .insertInto('osint_alerts')
    .values({
      key: alert.key,
      kind: alert.kind,
      item_id: alert.item_id ?? null,
      seller_id: alert.seller_id ?? null,
      watch_term_id: alert.watch_term_id ?? null,
      label: alert.label ?? null,
      score: alert.score ?? null,
      reason: alert.reason.slice(0, 2000),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** One watchlist alert per matched term and ad (its duplicate group); returns how many are new. */
export async function raiseWatchAlerts(
  db: Kysely<DB>,
  terms: readonly WatchTerm[],
  post: { text: string; brands: readonly string[]; phones: readonly string[] },
  item: { id: number; groupId: number; label: OsintLabel; score: number },
): Promise<number> {
  let raised = 0;
  for (const term of matchWatchTerms(terms, post)) {
    const ok = await raiseAlert(db, {
      key: `watch:${term.id}:${item.groupId}`,
      kind: 'watchlist',
      item_id: item.id,
      watch_term_id: term.id,
      label: item.label,
      score: item.score,
      reason: `matches the watch ${term.kind} "${term.value}"`,
    });
    if (ok) raised++;
  }
  return raised;
}

/** Seller alerts for refreshed sellers that reach the threshold with at least two distinct risky ads. */
export async function raiseSellerAlerts(
  db: Kysely<DB>,
  sellers: { id: number; score: number; label: OsintLabel; risky_ad_count: number }[],
): Promise<number> {
  let raised = 0;
  for (const s of sellers) {
    if (s.score < SELLER_ALERT_THRESHOLD || s.risky_ad_count < 2) continue;
    const ok = await raiseAlert(db, {
      key: `seller:${s.id}`,
      kind: 'seller',
      seller_id: s.id,
      label: s.label,
      score: s.score,
      reason: `seller #${s.id}: score ${s.score.toFixed(2)} (${s.label}) over ${s.risky_ad_count} distinct risky ads`,
    });
    if (ok) raised++;
  }
  return raised;
}

export const DECISIONS = ['confirm', 'dismiss', 'open_case'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface AlertView {
  id: number;
  kind: 'post' | 'seller' | 'watchlist';
  status: OsintAlertStatus;
  label: OsintLabel | null;
  score: number | null;
  reason: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_label: OsintLabel | null;
  note: string | null;
  item: {
    id: number;
    title: string | null;
    text: string;
    url: string | null;
    platform: string | null;
    author: string | null;
    label: OsintLabel;
    score: number;
    reposts: number;
  } | null;
  seller: { id: number; display_name: string; score: number; item_count: number } | null;
  watch_term: { id: number; kind: WatchKind; value: string } | null;
}

export interface AlertFilters {
  status?: OsintAlertStatus | undefined;
  kind?: 'post' | 'seller' | 'watchlist' | undefined;
  seller_id?: number | undefined;
  q?: string | undefined;
}

function alertQuery(db: Kysely<DB>) {
  return db
    .selectFrom('osint_alerts as a')
    .leftJoin('osint_items as i', 'i.id', 'a.item_id')
    .leftJoin('osint_sellers as s', 's.id', 'a.seller_id')
    .leftJoin('osint_watch_terms as w', 'w.id', 'a.watch_term_id');
}

async function toAlertViews(db: Kysely<DB>, ids: number[]): Promise<AlertView[]> {
  if (ids.length === 0) return [];
  const rows = await alertQuery(db)
    .select([
      'a.id',
      'a.kind',
      'a.status',
      'a.label',
      'a.score',
      'a.reason',
      'a.created_at',
      'a.decided_at',
      'a.decided_by_name',
      'a.decision_label',
      'a.note',
      'i.id as item_id',
      'i.title as item_title',
      'i.text as item_text',
      'i.url as item_url',
      'i.platform as item_platform',
      'i.author as item_author',
      'i.label as item_label',
      'i.score as item_score',
      'i.dup_group_id as item_group',
      's.id as seller_id',
      's.display_name as seller_name',
      's.score as seller_score',
      's.item_count as seller_items',
      'w.id as term_id',
      'w.kind as term_kind',
      'w.value as term_value',
      sql<number>`(select count(*) from osint_items g where g.dup_group_id = i.dup_group_id)`.as(
        'item_reposts',
      ),
    ])
    .where('a.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      label: r.label,
      score: r.score,
      reason: r.reason,
      created_at: new Date(r.created_at).toISOString(),
      decided_at: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      decided_by: r.decided_by_name,
      decision_label: r.decision_label,
      note: r.note,
      item:
        r.item_id === null
          ? null
          : {
              id: r.item_id,
              title: r.item_title,
              text: r.item_text!.slice(0, 1000),
              url: r.item_url,
              platform: r.item_platform,
              author: r.item_author,
              label: r.item_label!,
              score: r.item_score!,
              reposts: Math.max(0, Number(r.item_reposts) - 1),
            },
      seller:
        r.seller_id === null
          ? null
          : {
              id: r.seller_id,
              display_name: r.seller_name!,
              score: r.seller_score!,
              item_count: r.seller_items!,
            },
      watch_term: r.term_id === null ? null : { id: r.term_id, kind: r.term_kind!, value: r.term_value! },
    }));
}

export async function listAlerts(
  db: Kysely<DB>,
  filters: AlertFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: AlertView[] }> {
  let q = alertQuery(db);
  if (filters.status) q = q.where('a.status', '=', filters.status);
  if (filters.kind) q = q.where('a.kind', '=', filters.kind);
  if (filters.seller_id !== undefined) q = q.where('a.seller_id', '=', filters.seller_id);
  if (filters.q) {
    const pattern = `%${likeEscape(filters.q)}%`;
    q = q.where(
      sql<boolean>`(a.reason ilike ${pattern} escape '\\' or i.text ilike ${pattern} escape '\\' or s.display_name ilike ${pattern} escape '\\')`,
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select('a.id')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    items: await toAlertViews(
      db,
      rows.map((r) => r.id),
    ),
  };
}

export async function getAlert(db: Kysely<DB>, id: number): Promise<AlertView> {
  const [view] = await toAlertViews(db, [id]);
  if (!view) throw new NotFoundError('osint.alert_not_found', `no alert #${id}`);
  return view;
}

export interface DecisionInput {
  decision: Decision;
  /** The label the investigator sees (confirmations); default the post's label. */
  label?: OsintLabel | undefined;
  note?: string | undefined;
}

/**
 * Records an investigator's decision (audited). Confirming or dismissing a post or watchlist alert that points
 * to a post keeps a training example (dismissing a threshold alert says the post is benign; dismissing a watchlist
 * match says only that it is not interesting, so it teaches nothing unless a label is given), and the model learns
 * it at once. Returns the alert and the new model version, if any.
 */
export async function decideAlert(
  database: Database,
  actor: Actor,
  id: number,
  input: DecisionInput,
): Promise<{ alert: AlertView; model_version: number | null }> {
  let learn = false;
  await database.transaction(async (session) => {
    const alert = await session.db
      .selectFrom('osint_alerts')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!alert) throw new NotFoundError('osint.alert_not_found', `no alert #${id}`);
    const allowed: Record<Decision, OsintAlertStatus[]> = {
      confirm: ['open'],
      dismiss: ['open'],
      open_case: ['open', 'confirmed'],
    };
    if (!allowed[input.decision].includes(alert.status))
      throw new AppError(
        'osint.alert_decided',
        `alert #${id} is ${alert.status.replace('_', ' ')}: it cannot be ${input.decision === 'open_case' ? 'sent to a case' : `${input.decision}ed`}`,
        409,
      );
    const item = alert.item_id
      ? await session.db
          .selectFrom('osint_items')
          .select(['id', 'title', 'text', 'label', 'seller_id', 'dup_group_id'])
          .where('id', '=', alert.item_id)
          .executeTakeFirst()
      : undefined;
    const status: OsintAlertStatus =
      input.decision === 'confirm' ? 'confirmed' : input.decision === 'dismiss' ? 'dismissed' : 'case_opened';
    let label: OsintLabel | null = null;
    if (item && input.decision !== 'open_case') {
      if (input.decision === 'confirm')
        label = input.label ?? (item.label !== 'benign' ? item.label : alert.label);
      else if (input.label) label = input.label;
      else if (alert.kind === 'post') label = 'benign';
    } else if (input.decision === 'confirm') label = input.label ?? alert.label;
    await session.db
      .updateTable('osint_alerts')
      .set({
        status,
        decision_label: label ?? alert.decision_label,
        decided_by: actor.id,
        decided_by_name: actor.name,
        decided_at: new Date(),
        note: input.note ?? alert.note,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (item && label) {
      await session.db
        .insertInto('osint_confirmations')
        .values({
          item_id: item.id,
          alert_id: id,
          label,
          text: item.title && !item.text.startsWith(item.title) ? `${item.title}\n${item.text}` : item.text,
          confirmed_by: actor.id,
          confirmed_by_name: actor.name,
        })
        .execute();
      await session.db
        .updateTable('osint_items')
        .set({ confirmed_label: label, updated_at: new Date() })
        .where('dup_group_id', '=', item.dup_group_id)
        .execute();
      learn = true;
    }
    await appendAudit(session, actor, {
      action: `osint.alert.${input.decision === 'open_case' ? 'case_opened' : `${input.decision}ed`}`,
      target_type: 'osint_alert',
      target_id: id,
      before: { status: alert.status },
      after: { status, label, note: input.note ?? null },
    });
  });
  const version = learn ? await learnFromConfirmations(database, actor) : null;
  if (learn) {
    const alert = await database.db
      .selectFrom('osint_alerts')
      .select('item_id')
      .where('id', '=', id)
      .executeTakeFirst();
    const sellerRow = alert?.item_id
      ? await database.db
          .selectFrom('osint_items')
          .select('seller_id')
          .where('id', '=', alert.item_id)
          .executeTakeFirst()
      : undefined;
    if (sellerRow?.seller_id) {
      await refreshSellers(database.db, [await resolveSellerId(database.db, sellerRow.seller_id)]);
    }
  }
  return { alert: await getAlert(database.db, id), model_version: version };
}
