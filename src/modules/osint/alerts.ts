/**
 * Alerts. An alert is raised when a post's risk score reaches its source's threshold (0.8 by default), when a
 * seller's score reaches 0.85 with at least two distinct risky ads, or when a post matches a watch term
 * (watchlist.ts). Alerts are keyed so that reposts of one ad raise one alert (`post:<group>`,
 * `watch:<term>:<group>`), and a seller one (`seller:<id>`). Raising is the last step of storing a post and of
 * re-analysing one (`raisePostAlerts`), and follows the seller profiles at the end of a run (`raiseSellerAlerts`,
 * store-item.ts). Investigators' decisions are alert-decisions.ts.
 */
import { type Kysely, sql } from 'kysely';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/lib/errors.ts';
import type { AnalysisResult } from './analysis/index.ts';
import { searchedPhone } from './identifiers.ts';
import { likeEscape } from './sources.ts';
import type { OsintAlertStatus, OsintLabel } from './tables.ts';
import { matchWatchTerms, type WatchKind, type WatchTerm } from './watchlist.ts';

export const SELLER_ALERT_THRESHOLD = 0.85;

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

/**
 * The alerts of one post, stored or re-analysed: a post alert when its risk label (not benign) scores at least
 * the source's threshold, one per ad (`post:<group>`: reposts raise nothing more), and a watchlist alert per
 * matched term and ad. Returns how many are new.
 */
export async function raisePostAlerts(
  db: Kysely<DB>,
  item: { id: number; groupId: number },
  post: { text: string; analysis: AnalysisResult; phones: readonly string[] },
  rules: { threshold: number; watchTerms: readonly WatchTerm[] },
): Promise<number> {
  const a = post.analysis;
  const alerts: NewAlert[] =
    a.label !== 'benign' && a.score >= rules.threshold
      ? [
          {
            key: `post:${item.groupId}`,
            kind: 'post',
            item_id: item.id,
            label: a.label,
            score: a.score,
            reason: a.reasons[0] ?? `${a.label} ${a.score.toFixed(2)}`,
          },
        ]
      : [];
  // One watchlist alert per matched term and ad (its duplicate group).
  for (const term of matchWatchTerms(rules.watchTerms, {
    text: post.text,
    brands: a.entities.brands,
    phones: post.phones,
  }))
    alerts.push({
      key: `watch:${term.id}:${item.groupId}`,
      kind: 'watchlist',
      item_id: item.id,
      watch_term_id: term.id,
      label: a.label,
      score: a.score,
      reason: `matches the watch ${term.kind} "${term.value}"`,
    });
  return raiseEach(db, alerts);
}

/** Raises each alert in turn; returns how many are new. */
async function raiseEach(db: Kysely<DB>, alerts: readonly NewAlert[]): Promise<number> {
  let raised = 0;
  for (const alert of alerts) if (await raiseAlert(db, alert)) raised++;
  return raised;
}

/** Seller alerts for refreshed sellers that reach the threshold with at least two distinct risky ads. */
export async function raiseSellerAlerts(
  db: Kysely<DB>,
  sellers: { id: number; score: number; label: OsintLabel; risky_ad_count: number }[],
): Promise<number> {
  return raiseEach(
    db,
    sellers
      .filter((s) => s.score >= SELLER_ALERT_THRESHOLD && s.risky_ad_count >= 2)
      .map(
        (s): NewAlert => ({
          key: `seller:${s.id}`,
          kind: 'seller',
          seller_id: s.id,
          label: s.label,
          score: s.score,
          reason: `seller #${s.id}: score ${s.score.toFixed(2)} (${s.label}) over ${s.risky_ad_count} distinct risky ads`,
        }),
      ),
  );
}

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
    const phone = searchedPhone(filters.q) ?? '';
    q = q.where(
      sql<boolean>`(a.reason ilike ${pattern} escape '\\' or i.text ilike ${pattern} escape '\\' or s.display_name ilike ${pattern} escape '\\' or exists (select 1 from osint_identifiers d where d.kind = 'phone' and d.value = ${phone} and (d.seller_id = a.seller_id or d.id in (select x.identifier_id from osint_item_identifiers x where x.item_id = a.item_id))))`,
    );
  }
  const { total, rows } = await offsetPage(
    q,
    (query) => query.select('a.id').orderBy('a.created_at', 'desc').orderBy('a.id', 'desc'),
    page,
  );
  return {
    total,
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
