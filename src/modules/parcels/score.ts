/**
 * Pre-arrival scoring of parcels (docs/decisions/0021-parcels.md): every parcel arriving between two dates gets a
 * score (0–100), a channel and its reasons, each in words with its evidence:
 * - goods wording: the online analyzer (osint) reads the description as it reads a post — counterfeit or
 *   health-risk wording, brands, and a declared value per article far below the genuine price of the brand named;
 * - linked online seller: the recipient's phone or e-mail is, in the link graph, an online seller's contact (with
 *   alerts) or leads to a seizure;
 * - split order: parcels of one sender to one recipient phone or address arriving within the window, each under
 *   the duty-free threshold and together above it (the other parcels are the evidence).
 * Parcels are read in id order by keyset, a batch at a time; split orders are found by reading the parcels in
 * (sender, recipient, date) order, again by keyset, keeping only the current recipient's parcels of the window in
 * memory: memory does not grow with the number of parcels. One run, one transaction, audited.
 */
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { contactRiskSignals } from '../graph/index.ts';
import { type AnalysisResult, analyzePost } from '../osint/index.ts';
import type { ParcelChannel, ParcelReason } from './model.ts';
import { getParcelSettings, type ParcelSettings } from './settings.ts';

/** Points of each indicator at full strength (the analyzer's and the graph's scores scale them). */
export const POINTS = {
  split_order: 50,
  counterfeit: 40,
  health_risk: 40,
  duty_evasion: 20,
  undervalued_brand: 20,
  linked_online_seller: 60,
} as const;

export interface ScoreParcelsOptions {
  from: string;
  to: string;
  /** Parcels read per batch (both passes). */
  batchSize?: number;
}

export interface ScoreParcelsSummary {
  run_id: number;
  from: string;
  to: string;
  parcels: number;
  referred: number;
  red: number;
  split_orders: number;
  split_order_parcels: number;
  goods_wording: number;
  linked_online_seller: number;
  settings: ParcelSettings;
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);
const eur = (n: number) => `${n.toFixed(2)} EUR`;

export function channelOf(score: number, settings: ParcelSettings): ParcelChannel {
  return score >= settings.red_score ? 'red' : score >= settings.referral_score ? 'yellow' : 'green';
}

function isDay(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    addDays(text, 0) === text
  );
}

export async function scoreParcels(
  database: Database,
  actor: Actor,
  options: ScoreParcelsOptions,
): Promise<ScoreParcelsSummary> {
  const { from, to } = options;
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isDay(value))
      throw new AppError(
        'parcels.bad_date',
        `${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
        400,
        [{ path: `/${field}`, message: 'expected a date as YYYY-MM-DD' }],
      );
  if (from > to)
    throw new AppError('parcels.bad_period', `from (${from}) is after to (${to})`, 400, [
      { path: '/to', message: 'expected a date on or after from' },
    ]);
  const batchSize = options.batchSize ?? 1000;
  return database.transaction(
    async (session) => {
      const settings = await getParcelSettings(session.db);
      const run = await session.db
        .insertInto('parcel_score_runs')
        .values({ from_date: from, to_date: to, settings: JSON.stringify(settings), started_by: actor.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      const runId = Number(run.id);
      const summary: ScoreParcelsSummary = {
        run_id: runId,
        from,
        to,
        parcels: 0,
        referred: 0,
        red: 0,
        split_orders: 0,
        split_order_parcels: 0,
        goods_wording: 0,
        linked_online_seller: 0,
        settings,
      };
      await scoreEach(session, runId, settings, from, to, batchSize, summary);
      for (const by of ['phone', 'address'] as const)
        await splitOrders(session, runId, settings, from, to, by, batchSize * 5, summary);
      const counts = await session.db
        .selectFrom('parcel_scores')
        .select([
          sql<number>`count(*) filter (where referred)`.as('referred'),
          sql<number>`count(*) filter (where channel = 'red')`.as('red'),
          sql<number>`count(*) filter (where reasons @> ${JSON.stringify([{ indicator: 'split_order' }])}::jsonb)`.as(
            'split',
          ),
        ])
        .where('run_id', '=', runId)
        .executeTakeFirstOrThrow();
      summary.referred = Number(counts.referred);
      summary.red = Number(counts.red);
      summary.split_order_parcels = Number(counts.split);
      await session.db
        .updateTable('parcel_score_runs')
        .set({
          parcels: summary.parcels,
          referred: summary.referred,
          split_orders: summary.split_orders,
          finished_at: new Date(),
        })
        .where('id', '=', runId)
        .execute();
      const { settings: _, ...counted } = summary;
      await appendAudit(session, actor, {
        action: 'parcels.scored',
        target_type: 'parcel_score_run',
        target_id: runId,
        details: counted,
      });
      return summary;
    },
    { shareReads: true },
  );
}

/**
 * An analysis per distinct description (descriptions repeat: one shop, one wording), bounded. The declared value
 * only matters to the analysis when the description names a brand (the "far below the genuine price" test; the
 * presence of a price is the same for every parcel): without a brand the first analysis of a text serves them all,
 * with one the text is analysed again per value and currency.
 */
function analyzerCache() {
  const byText = new Map<string, AnalysisResult>();
  const byValue = new Map<string, AnalysisResult>();
  return (id: number, text: string, price: number, currency: string) => {
    const plain = byText.get(text);
    if (plain && plain.entities.brands.length === 0) return plain;
    const key = `${currency}|${price}|${text}`;
    let found = byValue.get(key);
    if (!found) {
      if (byValue.size >= 20_000) byValue.clear();
      if (byText.size >= 20_000) byText.clear();
      found = analyzePost({ id, text, price, currency });
      byValue.set(key, found);
      if (!plain) byText.set(text, found);
    }
    return found;
  };
}

function wordingReasons(a: AnalysisResult): ParcelReason[] {
  const out: ParcelReason[] = [];
  const counted = a.signals.filter((s) => !s.negated && s.weight > 0);
  if (a.label !== 'benign') {
    const evidence = counted
      .filter((s) => s.category === a.label || s.type === 'counterfeit.brand')
      .map((s) => s.text || s.detail || s.type)
      .filter(Boolean);
    out.push({
      indicator: 'goods_wording',
      points: Math.round(POINTS[a.label] * a.score),
      message: `the description reads as ${a.label.replace('_', ' ')} (${a.score.toFixed(2)}): ${[...new Set(evidence)].slice(0, 5).join(', ') || a.reasons[0] || ''}`,
      evidence: {
        label: a.label,
        score: a.score,
        signals: counted.map((s) => ({ type: s.type, text: s.text })),
        reasons: a.reasons,
      },
    });
  }
  const below = counted.find((s) => s.type === 'counterfeit.price_below_genuine');
  if (below)
    out.push({
      indicator: 'undervalued_brand',
      points: POINTS.undervalued_brand,
      message: `declared value far below the genuine price: ${below.detail ?? ''}`,
      evidence: { detail: below.detail ?? null, brands: a.entities.brands },
    });
  return out;
}

async function scoreEach(
  session: Session,
  runId: number,
  settings: ParcelSettings,
  from: string,
  to: string,
  batchSize: number,
  summary: ScoreParcelsSummary,
): Promise<void> {
  const analyze = analyzerCache();
  let after = 0;
  for (;;) {
    const rows = await session.db
      .selectFrom('parcels')
      .select([
        'id',
        'description',
        'declared_value',
        'currency',
        'item_count',
        'recipient_phone',
        'recipient_email',
      ])
      .where('arrival_date', '>=', from)
      .where('arrival_date', '<=', to)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (!rows.length) return;
    after = Number(rows.at(-1)!.id);
    const signals = await contactRiskSignals(session.db, {
      phones: rows.map((r) => r.recipient_phone).filter((p): p is string => Boolean(p)),
      emails: rows.map((r) => r.recipient_email).filter((e): e is string => Boolean(e)),
    });
    const values = rows.map((r) => {
      const id = Number(r.id);
      const perArticle = Number(r.declared_value) / Math.max(1, r.item_count);
      const reasons = wordingReasons(
        analyze(id, r.description, Math.round(perArticle * 100) / 100, r.currency),
      );
      if (reasons.some((x) => x.indicator === 'goods_wording')) summary.goods_wording++;
      const contacts = [
        r.recipient_phone ? signals.get(`phone:${r.recipient_phone}`) : undefined,
        r.recipient_email ? signals.get(`email:${r.recipient_email}`) : undefined,
      ].filter((s) => s && s.score > 0);
      const best = contacts.sort((a, b) => b!.score - a!.score)[0];
      if (best) {
        summary.linked_online_seller++;
        reasons.push({
          indicator: 'linked_online_seller',
          points: Math.round(POINTS.linked_online_seller * best.score),
          message: `recipient contact linked in the graph: ${best.explanation}`,
          evidence: { contact: best.importer, path: best.explanation, paths: best.paths.slice(0, 3) },
        });
      }
      const score = Math.min(
        100,
        reasons.reduce((sum, x) => sum + x.points, 0),
      );
      const channel = channelOf(score, settings);
      return {
        parcel_id: id,
        run_id: runId,
        score,
        channel,
        referred: channel !== 'green',
        reasons: JSON.stringify(reasons),
        scored_at: new Date(),
      };
    });
    summary.parcels += values.length;
    await session.db
      .insertInto('parcel_scores')
      .values(values)
      .onConflict((oc) =>
        oc.column('parcel_id').doUpdateSet((eb) => ({
          run_id: eb.ref('excluded.run_id'),
          score: eb.ref('excluded.score'),
          channel: eb.ref('excluded.channel'),
          referred: eb.ref('excluded.referred'),
          reasons: eb.ref('excluded.reasons'),
          scored_at: eb.ref('excluded.scored_at'),
        })),
      )
      .execute();
  }
}

interface SplitParcel {
  id: number;
  carrier: string;
  consignment_number: string;
  arrival_date: string;
  day: number;
  value_eur: number;
  sender_name: string;
  sender_country: string;
  recipient: string;
  /** The largest order (by total) this parcel is part of, once found. */
  order?: SplitOrder;
}

interface SplitRow {
  id: string | number;
  carrier: string;
  consignment_number: string;
  arrival_date: string;
  value_eur: string | number;
  sender_key: string;
  sender_name: string;
  sender_country: string;
  k: string;
  recipient: string;
}

interface SplitOrder {
  parcels: {
    id: number;
    carrier: string;
    consignment_number: string;
    arrival_date: string;
    value_eur: number;
  }[];
  total: number;
  counted: boolean;
}

/**
 * Split orders by one key (the recipient's phone, or address): parcels read in (sender, key, date, id) order by
 * keyset; a sliding window of the current group's parcels under the threshold; each window holding two parcels or
 * more whose total exceeds the threshold is an order, and each parcel keeps the largest it belongs to. A parcel is
 * reported when it leaves the window, so only a window's parcels are ever held.
 */
async function splitOrders(
  session: Session,
  runId: number,
  settings: ParcelSettings,
  from: string,
  to: string,
  by: 'phone' | 'address',
  batchSize: number,
  summary: ScoreParcelsSummary,
): Promise<void> {
  const keyColumn = by === 'phone' ? sql.ref('recipient_phone') : sql.ref('recipient_address_key');
  const span = settings.window_days - 1;
  const lo = addDays(from, -span);
  const hi = addDays(to, span);
  const threshold = settings.threshold_eur;
  type Cursor = { sender: string; key: string; day: string; id: number };
  let cursor: Cursor | null = null;
  let group: string | null = null;
  let window: SplitParcel[] = [];
  const hits: SplitParcel[] = [];

  const flushHits = async () => {
    if (!hits.length) return;
    const batch = hits.splice(0);
    const rows = batch.map((p) => {
      const order = p.order!;
      const others = order.parcels.filter((o) => o.id !== p.id);
      const days = order.parcels.map((o) => o.arrival_date).sort();
      const reason: ParcelReason = {
        indicator: 'split_order',
        points: POINTS.split_order,
        message: `split order: ${order.parcels.length} parcels from ${p.sender_name} (${p.sender_country}) to ${by === 'phone' ? 'phone' : 'address'} ${p.recipient} arriving ${days[0]} to ${days.at(-1)}, ${eur(order.total)} together, above the ${eur(threshold)} duty-free threshold, each under it (with ${others.map((o) => `${o.carrier} ${o.consignment_number}`).join(', ')})`,
        evidence: {
          by,
          recipient: p.recipient,
          total_eur: Math.round(order.total * 100) / 100,
          threshold_eur: threshold,
          window_days: settings.window_days,
          parcels: order.parcels,
        },
      };
      return sql`(${p.id}::bigint, ${JSON.stringify([reason])}::jsonb)`;
    });
    const score = sql`least(100, s.score + ${POINTS.split_order})`;
    const updated = await sql<{ parcel_id: string | number }>`update parcel_scores s set
        score = ${score},
        channel = case when ${score} >= ${settings.red_score} then 'red'
          when ${score} >= ${settings.referral_score} then 'yellow' else 'green' end,
        referred = ${score} >= ${settings.referral_score},
        reasons = s.reasons || v.reason
      from (values ${sql.join(rows)}) as v(parcel_id, reason)
      where s.parcel_id = v.parcel_id and s.run_id = ${runId}
        and not s.reasons @> ${JSON.stringify([{ indicator: 'split_order' }])}::jsonb
      returning s.parcel_id`.execute(session.db);
    // An order counts once, when one of its parcels is flagged by it (the other key may have found it first).
    const flagged = new Set(updated.rows.map((r) => Number(r.parcel_id)));
    for (const p of batch)
      if (flagged.has(p.id) && !p.order!.counted) {
        p.order!.counted = true;
        summary.split_orders++;
      }
  };
  const leave = (p: SplitParcel) => {
    if (!p.order || p.arrival_date < from || p.arrival_date > to) return;
    hits.push(p);
  };

  for (;;) {
    const c: Cursor | null = cursor;
    const { rows }: { rows: SplitRow[] } =
      await sql<SplitRow>`select id, carrier, consignment_number, to_char(arrival_date, 'YYYY-MM-DD') as arrival_date, value_eur,
        sender_key, sender_name, sender_country, ${keyColumn} as k,
        ${by === 'phone' ? sql`recipient_phone` : sql`concat_ws(', ', recipient_address, recipient_city)`} as recipient
      from parcels
      where ${keyColumn} is not null and arrival_date between ${lo}::date and ${hi}::date
        and value_eur <= ${threshold}
        ${c ? sql`and (sender_key, ${keyColumn}, arrival_date, id) > (${c.sender}, ${c.key}, ${c.day}::date, ${c.id}::bigint)` : sql``}
      order by sender_key, ${keyColumn}, arrival_date, id
      limit ${batchSize}`.execute(session.db);
    for (const r of rows) {
      const g = `${r.sender_key}\u0000${r.k}`;
      if (g !== group) {
        for (const p of window) leave(p);
        window = [];
        group = g;
      }
      const p: SplitParcel = {
        id: Number(r.id),
        carrier: r.carrier,
        consignment_number: r.consignment_number,
        arrival_date: r.arrival_date,
        day: dayNumber(r.arrival_date),
        value_eur: Number(r.value_eur),
        sender_name: r.sender_name,
        sender_country: r.sender_country,
        recipient: r.recipient,
      };
      while (window.length && p.day - window[0]!.day > span) leave(window.shift()!);
      window.push(p);
      if (window.length >= 2) {
        const total = window.reduce((sum, x) => sum + x.value_eur, 0);
        if (total > threshold) {
          const order: SplitOrder = {
            parcels: window.map((x) => ({
              id: x.id,
              carrier: x.carrier,
              consignment_number: x.consignment_number,
              arrival_date: x.arrival_date,
              value_eur: x.value_eur,
            })),
            total,
            counted: false,
          };
          for (const x of window) if (!x.order || x.order.total < total) x.order = order;
        }
      }
      if (hits.length >= 500) await flushHits();
    }
    if (rows.length < batchSize) break;
    const last: SplitRow = rows.at(-1)!;
    cursor = { sender: last.sender_key, key: last.k, day: last.arrival_date, id: Number(last.id) };
  }
  for (const p of window) leave(p);
  await flushHits();
}
