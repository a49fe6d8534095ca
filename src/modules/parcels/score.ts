/**
 * Pre-arrival scoring of parcels (docs/decisions/0021-parcels.md, 0029-parcels-speed-and-queue.md): every parcel
 * arriving between two dates gets a score (0–100), a channel and its reasons, each in words with its evidence:
 * - goods wording: the online analyzer (osint) reads the description as it reads a post — counterfeit or
 *   health-risk wording, brands, and a declared value per article far below the genuine price of the brand named;
 * - linked online seller: the recipient's phone or e-mail is, in the link graph, an online seller's contact (with
 *   alerts) or leads to a seizure;
 * - split order: parcels of one sender to one recipient phone or address arriving within the window, each under
 *   the duty-free threshold and together above it (the other parcels are the evidence);
 * - repeat sender: the sender (folded name and country) had another parcel linked to a seizure on or before this
 *   one's arrival (`repeat_sender`), or found fraudulent by its examiner strictly before that day — the outcome in
 *   force, after any correction (`repeat_sender_fraud`);
 * - a model's term: the active parcel model (models.ts, parcel-model.ts: a GBDT trained on inspection outcomes),
 *   its fraud probability in points with its top features (TreeSHAP) in words; the summary names it.
 *
 * How it runs fast and flat (one transaction, audited):
 * 1. one pass over the period's parcels by keyset on id, 10,000 at a time, the next batch read while this one is
 *    analysed: the analyzer per distinct description (cached), the graph once per batch for its distinct contacts;
 *    only the parcels with a reason are written, one multi-row write per batch (arrays, `unnest`), into a
 *    transaction-local work table;
 * 2. split orders entirely in SQL (window sums per sender × phone, then sender × address, over the window's days):
 *    nothing of them is held in this process;
 * 3. one statement writes every parcel's score from the work tables (parcels without a reason score 0, green) and
 *    returns the counts.
 * Memory holds one batch and the bounded analysis cache: it does not grow with the number of parcels.
 */
import { type RawBuilder, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import { addDays } from '../../platform/lib/days.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { contactKey, contactRiskSignals, contactsNearFindings, type RiskSignal } from '../graph/index.ts';
import { type AnalysisResult, analyzePost } from '../osint/index.ts';
import type { ParcelChannel, ParcelModel, ParcelModelInput, ParcelReason } from './model.ts';
import { activeParcelModel } from './models.ts';
import { getParcelSettings, type ParcelSettings } from './settings.ts';

/** Points of each indicator at full strength (the analyzer's and the graph's scores scale them). */
export const POINTS = {
  split_order: 50,
  counterfeit: 40,
  health_risk: 40,
  duty_evasion: 20,
  undervalued_brand: 20,
  linked_online_seller: 60,
  repeat_sender: 50,
  repeat_sender_fraud: 50,
} as const;

export interface ScoreParcelsOptions {
  from: string;
  to: string;
  /** Parcels read per batch of the first pass (10,000 by default). */
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
  /** Parcels whose sender had a parcel seized before (linked to a seizure of the cases module). */
  repeat_sender: number;
  /** Parcels whose sender had fraud found by an examiner in an earlier parcel (its outcome in force). */
  repeat_sender_fraud: number;
  /** The model whose term was added (the active parcel model), or null when none is active. */
  model: { name: string; version: string } | null;
  settings: ParcelSettings;
}

export type { ParcelModel, ParcelModelInput } from './model.ts';

let parcelModel: ParcelModel | null = null;

/**
 * Plugs a parcel model into scoring in place of the active one of the registry (models.ts); null unplugs it, and
 * scoring uses the active model again (none: no model term).
 */
export function setParcelModel(model: ParcelModel | null): void {
  parcelModel = model;
}

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
  const batchSize = options.batchSize ?? 10_000;
  return database.transaction(
    async (session) => {
      const settings = await getParcelSettings(session.db);
      const run = await session.db
        .insertInto('parcel_score_runs')
        .values({ from_date: from, to_date: to, settings: JSON.stringify(settings), started_by: actor.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      const runId = Number(run.id);
      const model = parcelModel ?? (await activeParcelModel(session.db));
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
        repeat_sender: 0,
        repeat_sender_fraud: 0,
        model: model ? { name: model.name, version: model.version } : null,
        settings,
      };
      // Sorts of the split-order windows stay in memory; transaction-local work tables, gone at commit or rollback.
      await sql`set local work_mem = '64MB'`.execute(session.db);
      await sql`create temp table parcel_reason_work (parcel_id bigint primary key, reasons jsonb not null,
        points int not null) on commit drop`.execute(session.db);
      await sql`create temp table parcel_split_work (parcel_id bigint primary key, reason jsonb not null,
        order_key text not null) on commit drop`.execute(session.db);
      await firstPass(session, model, from, to, batchSize, summary);
      summary.repeat_sender = await repeatSenders(session, from, to);
      summary.repeat_sender_fraud = await fraudSenders(session, from, to);
      for (const by of ['phone', 'address'] as const) await splitOrders(session, settings, from, to, by);
      const split = await sql<{ parcels: number; orders: number }>`select count(*)::int as parcels,
        count(distinct order_key)::int as orders from parcel_split_work`.execute(session.db);
      summary.split_order_parcels = Number(split.rows[0]!.parcels);
      summary.split_orders = Number(split.rows[0]!.orders);
      const counts = await writeScores(session, runId, settings, from, to);
      summary.parcels = counts.parcels;
      summary.referred = counts.referred;
      summary.red = counts.red;
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
 * The wording reasons per distinct description (descriptions repeat: one shop, one wording), bounded. The declared
 * value only matters to the analysis when the description names a brand (the "far below the genuine price" test;
 * the presence of a price is the same for every parcel): without a brand the first analysis of a text serves them
 * all; with one the text is analysed again for each parcel (per-article values rarely repeat: on the bench's
 * parcels, 67 of 2,483 branded analyses were asked twice), and only the last few are kept.
 * The reasons returned are shared between parcels: never changed, only copied. With `keepAnalysis` (a model is
 * plugged in: it reads the analysis too, never analysing twice) each entry also keeps the analysis.
 */
interface Wording {
  reasons: readonly ParcelReason[];
  analysis?: AnalysisResult;
}

function wordingCache(keepAnalysis: boolean) {
  const byText = new Map<string, { brands: boolean; wording: Wording }>();
  const byValue = new Map<string, Wording>();
  return (id: number, text: string, price: number, currency: string): Wording => {
    const plain = byText.get(text);
    if (plain && !plain.brands) return plain.wording;
    const key = `${currency}|${price}|${text}`;
    let found = byValue.get(key);
    if (!found) {
      if (byValue.size >= 2_000) byValue.clear();
      if (byText.size >= 20_000) byText.clear();
      const analysis = analyzePost({ id, text, price, currency });
      found = keepAnalysis
        ? { reasons: wordingReasons(analysis), analysis }
        : { reasons: wordingReasons(analysis) };
      byValue.set(key, found);
      if (!plain) byText.set(text, { brands: analysis.entities.brands.length > 0, wording: found });
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

interface FirstPassRow {
  id: string | number;
  description: string;
  declared_value: string | number;
  currency: string;
  item_count: number;
  recipient_phone: string | null;
  recipient_email: string | null;
  /** Read only with a model (its features): the rest of `ParcelModelInput`. */
  value_eur?: string | number;
  weight_kg?: string | number | null;
}

/** The columns a model's features read besides the first pass's own (parcel-model.ts). */
const MODEL_COLUMNS = [
  'value_eur',
  'weight_kg',
  'kind',
  'carrier',
  'sender_name',
  'sender_country',
  'sender_platform',
  'hs_code',
  'arrival_office',
] as const;

/**
 * Wording, contacts and the model, per parcel: keyset on id, the next batch read while this one is analysed; the
 * parcels with a reason go to `parcel_reason_work`, one multi-row write per batch.
 */
async function firstPass(
  session: Session,
  model: ParcelModel | null,
  from: string,
  to: string,
  batchSize: number,
  summary: ScoreParcelsSummary,
): Promise<void> {
  const wording = wordingCache(model !== null);
  // Only a contact one link from an online seller or a seizure can score: that set is read once (its size is the
  // findings' neighbourhood, not the parcels'), and only its members are asked about, each once.
  const near = await contactsNearFindings(session.db);
  /** Contacts asked about: their signal when it has a score, null when clean (members of `near` only). */
  const asked = new Map<string, RiskSignal | null>();
  const read = (after: number) =>
    session.db
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
      .$if(model !== null, (q) => q.select(MODEL_COLUMNS))
      .where('arrival_date', '>=', from)
      .where('arrival_date', '<=', to)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute() as Promise<FirstPassRow[]>;
  let pending = read(0);
  for (;;) {
    const raw = await pending;
    if (!raw.length) return;
    if (raw.length === batchSize) pending = read(Number(raw.at(-1)!.id));
    // With a model, its columns too (`MODEL_COLUMNS`). Two literal shapes on purpose: a rest-and-spread copy made
    // of one halved the scoring with a model (its features read these objects).
    const rows: ParcelModelInput[] = raw.map((r) =>
      model
        ? {
            ...r,
            id: Number(r.id),
            declared_value: Number(r.declared_value),
            value_eur: Number(r.value_eur),
            weight_kg: r.weight_kg == null ? null : Number(r.weight_kg),
          }
        : {
            id: Number(r.id),
            description: r.description,
            declared_value: Number(r.declared_value),
            currency: r.currency,
            item_count: r.item_count,
            recipient_phone: r.recipient_phone,
            recipient_email: r.recipient_email,
          },
    );
    // Each row's contact keys, made once: what is asked about, then what is looked up.
    const phoneKeys = rows.map((r) => (r.recipient_phone ? contactKey('phone', r.recipient_phone) : null));
    const emailKeys = rows.map((r) => (r.recipient_email ? contactKey('email', r.recipient_email) : null));
    const phones = new Set<string>();
    const emails = new Set<string>();
    rows.forEach((r, i) => {
      const phone = phoneKeys[i];
      if (phone && near.has(phone) && !asked.has(phone)) phones.add(r.recipient_phone!);
      const email = emailKeys[i];
      if (email && near.has(email) && !asked.has(email)) emails.add(r.recipient_email!);
    });
    // The graph answers while this process analyses the descriptions.
    const contacts =
      phones.size || emails.size
        ? contactRiskSignals(session.db, { phones: [...phones], emails: [...emails] })
        : undefined;
    const wordingOf = rows.map((r) => {
      const perArticle = r.declared_value / Math.max(1, r.item_count);
      return wording(r.id, r.description, Math.round(perArticle * 100) / 100, r.currency);
    });
    const modelTerms = model
      ? model.score(
          rows,
          wordingOf.map((w) => w.analysis!),
        )
      : undefined;
    for (const [contact, signal] of (await contacts) ?? [])
      asked.set(contact, signal.score > 0 ? signal : null);
    const ids: number[] = [];
    const reasonsOut: string[] = [];
    const pointsOut: number[] = [];
    rows.forEach((r, i) => {
      const shared = wordingOf[i]!.reasons;
      if (shared.length && shared[0]!.indicator === 'goods_wording') summary.goods_wording++;
      const reasons = [...shared];
      const a = phoneKeys[i] ? asked.get(phoneKeys[i]) : undefined;
      const b = emailKeys[i] ? asked.get(emailKeys[i]) : undefined;
      const best = a && (!b || a.score >= b.score) ? a : (b ?? undefined);
      if (best) {
        summary.linked_online_seller++;
        reasons.push({
          indicator: 'linked_online_seller',
          points: Math.round(POINTS.linked_online_seller * best.score),
          message: `recipient contact linked in the graph: ${best.explanation}`,
          evidence: { contact: best.importer, path: best.explanation, paths: best.paths.slice(0, 3) },
        });
      }
      const term = modelTerms?.get(r.id);
      if (term) reasons.push(term);
      if (!reasons.length) return;
      ids.push(r.id);
      reasonsOut.push(JSON.stringify(reasons));
      pointsOut.push(reasons.reduce((sum, x) => sum + x.points, 0));
    });
    if (ids.length)
      await sql`insert into parcel_reason_work (parcel_id, reasons, points)
        select * from unnest(${ids}::bigint[], ${reasonsOut}::jsonb[], ${pointsOut}::int[])`.execute(
        session.db,
      );
    if (raw.length < batchSize) return;
  }
}

/**
 * Repeat senders, in SQL: a parcel whose sender (folded name and country) had another parcel seized on or before
 * its arrival (a parcel linked to a seizure of the cases module) gets `repeat_sender`, naming the seizures. The
 * seized senders are few: their parcels are found by the sender index.
 */
async function repeatSenders(session: Session, from: string, to: string): Promise<number> {
  return appendReasons(
    session,
    'repeat_sender',
    sql`seized as (
      select q.sender_key, q.id as parcel_id, q.carrier, q.consignment_number, s.seizure_id, s.seizure_reference,
        s.seized_on, s.description
      from parcel_seizures s join parcels q on q.id = s.parcel_id
    ),
    hits as (
      select p.id, p.sender_name, p.sender_country, count(*)::int as n,
        jsonb_agg(jsonb_build_object('seizure_id', z.seizure_id, 'reference', z.seizure_reference,
          'seized_on', to_char(z.seized_on, 'YYYY-MM-DD'), 'description', z.description,
          'parcel', z.carrier || ' ' || z.consignment_number) order by z.seized_on, z.seizure_id) as seizures,
        string_agg(z.seizure_reference || ' (' || to_char(z.seized_on, 'YYYY-MM-DD') || ', ' || z.description || ')',
          '; ' order by z.seized_on, z.seizure_id) as named
      from parcels p join seized z on z.sender_key = p.sender_key and z.parcel_id <> p.id
        and z.seized_on <= p.arrival_date
      where p.arrival_date between ${from}::date and ${to}::date
        and p.sender_key in (select sender_key from seized)
      group by p.id, p.sender_name, p.sender_country
    )`,
    sql`'repeat sender: ' || sender_name || ' (' || sender_country || ') had ' || n
      || case when n = 1 then ' parcel' else ' parcels' end || ' seized before: ' || named`,
    sql`jsonb_build_object('seizures', seizures)`,
  );
}

/**
 * Repeat senders from inspection outcomes, in SQL: a parcel whose sender had another parcel found fraudulent by its
 * examiner — the outcome in force, so a corrected outcome counts as corrected — inspected strictly before the
 * parcel's arrival day (UTC: what was known before it arrived, never what came after) gets `repeat_sender_fraud`,
 * naming those parcels and the fraud found. A fraudulent parcel already linked to its seizure is left to
 * `repeat_sender`: one finding is not counted twice. Fraud outcomes are few: their senders' parcels are found by
 * the sender index.
 */
async function fraudSenders(session: Session, from: string, to: string): Promise<number> {
  return appendReasons(
    session,
    'repeat_sender_fraud',
    sql`found as (
      select q.sender_key, q.id as parcel_id, q.carrier, q.consignment_number, i.fraud_type, i.inspected_at
      from parcel_inspections i join parcels q on q.id = i.parcel_id
      where i.result = 'fraud'
        and i.inspected_at < (${to}::date + 1)::timestamp at time zone 'UTC'
        and not exists (select 1 from parcel_seizures s where s.parcel_id = i.parcel_id)
    ),
    hits as (
      select p.id, p.sender_name, p.sender_country, count(*)::int as n,
        jsonb_agg(jsonb_build_object('id', f.parcel_id, 'parcel', f.carrier || ' ' || f.consignment_number,
          'fraud_type', f.fraud_type,
          'inspected_on', to_char(f.inspected_at at time zone 'UTC', 'YYYY-MM-DD'))
          order by f.inspected_at, f.parcel_id) as parcels,
        string_agg(f.carrier || ' ' || f.consignment_number || ' (' || f.fraud_type || ', '
          || to_char(f.inspected_at at time zone 'UTC', 'YYYY-MM-DD') || ')', '; '
          order by f.inspected_at, f.parcel_id) as named
      from parcels p join found f on f.sender_key = p.sender_key and f.parcel_id <> p.id
        and f.inspected_at < p.arrival_date::timestamp at time zone 'UTC'
      where p.arrival_date between ${from}::date and ${to}::date
        and p.sender_key in (select sender_key from found)
      group by p.id, p.sender_name, p.sender_country
    )`,
    sql`'repeat sender: ' || sender_name || ' (' || sender_country || ') had fraud found in ' || n
      || case when n = 1 then ' earlier parcel' else ' earlier parcels' end || ': ' || named`,
    sql`jsonb_build_object('parcels', parcels)`,
  );
}

/**
 * Appends one reason `indicator` to each parcel of `hits` (CTEs ending in one named `hits`, with `id` and what
 * `message` and `evidence` read) in `parcel_reason_work`, adding its points; how many parcels got it.
 */
async function appendReasons(
  session: Session,
  indicator: 'repeat_sender' | 'repeat_sender_fraud',
  hits: RawBuilder<unknown>,
  message: RawBuilder<unknown>,
  evidence: RawBuilder<unknown>,
): Promise<number> {
  const points = POINTS[indicator];
  const { rows } = await sql<{ n: number }>`
    with ${hits},
    written as (
      insert into parcel_reason_work (parcel_id, reasons, points)
      select id, jsonb_build_array(jsonb_build_object('indicator', ${indicator}::text, 'points', ${points}::int,
          'message', ${message}, 'evidence', ${evidence})),
        ${points}::int
      from hits
      on conflict (parcel_id) do update set reasons = parcel_reason_work.reasons || excluded.reasons,
        points = parcel_reason_work.points + excluded.points
      returning 1
    )
    select count(*)::int as n from written`.execute(session.db);
  return Number(rows[0]!.n);
}

/**
 * Split orders by one key (the recipient's phone, or address), in SQL. For each sender × key, a window sum over
 * the `window_days` days ending on each arrival day (parcels at or under the threshold only); a day whose window
 * holds two parcels or more and exceeds the threshold ends an order. Each parcel of the period keeps the largest
 * order it belongs to (the earliest on a tie); its reason names the order's other parcels. A parcel already flagged
 * by the phone is not flagged again by the address. Parcels up to `window_days − 1` days outside the period count
 * as evidence but are not scored.
 */
async function splitOrders(
  session: Session,
  settings: ParcelSettings,
  from: string,
  to: string,
  by: 'phone' | 'address',
): Promise<void> {
  const key = by === 'phone' ? sql.ref('recipient_phone') : sql.ref('recipient_address_key');
  const recipient =
    by === 'phone' ? sql`recipient_phone` : sql`concat_ws(', ', recipient_address, recipient_city)`;
  const span = settings.window_days - 1;
  const threshold = settings.threshold_eur;
  const money = (value: unknown) => sql`to_char(round((${value})::numeric, 2), 'FM999999999990.00')`;
  const keyOf = (alias: string) =>
    by === 'phone' ? sql.ref(`${alias}.recipient_phone`) : sql.ref(`${alias}.recipient_address_key`);
  const lo = addDays(from, -span);
  const hi = addDays(to, span);
  await sql`insert into parcel_split_work (parcel_id, reason, order_key)
    with candidates as materialized (
      -- Only a sender × key with two parcels or more under the threshold, together above it, can hold an order:
      -- one hashed pass, no sort; the windows below run on these groups only.
      select sender_key, ${key} as k from parcels
      where ${key} is not null and arrival_date between ${lo}::date and ${hi}::date and value_eur <= ${threshold}
      group by sender_key, ${key}
      having count(*) >= 2 and sum(value_eur) > ${threshold}
    ),
    best as (
      select id, sender_key, k, floor(best / 100000) / 100 as total,
        date '2000-01-01' + (99999 - (best % 100000))::int as end_day
      from (
        select id, sender_key, k, arrival_date,
          max(case when n >= 2 and total > ${threshold}
            then round(total * 100) * 100000 + (99999 - (arrival_date - date '2000-01-01')) end)
            over (partition by sender_key, k order by arrival_date
              range between current row and make_interval(days => ${span}::int) following) as best
        from (
          select p.id, p.sender_key, c.k, p.arrival_date,
            sum(p.value_eur) over w as total, count(*) over w as n
          from candidates c
          join parcels p on p.sender_key = c.sender_key and ${keyOf('p')} = c.k
            and p.arrival_date between ${lo}::date and ${hi}::date and p.value_eur <= ${threshold}
          window w as (partition by p.sender_key, c.k order by p.arrival_date
            range between make_interval(days => ${span}::int) preceding and current row)
        ) c
      ) q
      where best is not null and arrival_date between ${from}::date and ${to}::date
    ),
    orders as (
      select o.sender_key, o.k, o.end_day, o.total,
        jsonb_agg(jsonb_build_object('id', m.id, 'carrier', m.carrier, 'consignment_number', m.consignment_number,
          'arrival_date', to_char(m.arrival_date, 'YYYY-MM-DD'), 'value_eur', m.value_eur)
          order by m.arrival_date, m.id) as parcels,
        count(*)::int as n, min(m.arrival_date) as first_day, max(m.arrival_date) as last_day
      from (select distinct sender_key, k, end_day, total from best) o
      join parcels m on m.sender_key = o.sender_key and ${by === 'phone' ? sql`m.recipient_phone` : sql`m.recipient_address_key`} = o.k
        and m.arrival_date between o.end_day - ${span}::int and o.end_day and m.value_eur <= ${threshold}
      group by o.sender_key, o.k, o.end_day, o.total
    ),
    c as (
      select p.id, p.sender_name, p.sender_country, ${recipient} as recipient
      from parcels p where p.id in (select id from best)
    )
    select b.id, jsonb_build_array(jsonb_build_object(
        'indicator', 'split_order',
        'points', ${POINTS.split_order}::int,
        'message', 'split order: ' || o.n || ' parcels from ' || p.sender_name || ' (' || p.sender_country || ') to '
          || ${by} || ' ' || p.recipient || ' arriving ' || to_char(o.first_day, 'YYYY-MM-DD') || ' to '
          || to_char(o.last_day, 'YYYY-MM-DD') || ', ' || ${money(sql`o.total`)} || ' EUR together, above the '
          || ${money(threshold)} || ' EUR duty-free threshold, each under it (with '
          || coalesce((select string_agg((x->>'carrier') || ' ' || (x->>'consignment_number'), ', ' order by i)
               from jsonb_array_elements(o.parcels) with ordinality as t(x, i)
               where (x->>'id')::bigint <> b.id), '') || ')',
        'evidence', jsonb_build_object('by', ${by}::text, 'recipient', p.recipient,
          'total_eur', round(o.total::numeric, 2), 'threshold_eur', ${threshold}::numeric,
          'window_days', ${settings.window_days}::int, 'parcels', o.parcels))),
      ${by}::text || '|' || b.sender_key || '|' || b.k || '|' || b.end_day
    from best b
    join orders o on o.sender_key = b.sender_key and o.k = b.k and o.end_day = b.end_day
    join c p on p.id = b.id
    on conflict (parcel_id) do nothing`.execute(session.db);
}

/**
 * Every parcel of the period gets its score in one statement: its reasons (work tables; none: 0, green), the
 * channel from the settings' scores; the counts come back with it.
 */
async function writeScores(
  session: Session,
  runId: number,
  settings: ParcelSettings,
  from: string,
  to: string,
): Promise<{ parcels: number; referred: number; red: number }> {
  const { rows } = await sql<{ parcels: number; referred: number; red: number }>`
    with scored as (
      select p.id, least(100, coalesce(w.points, 0) + case when s.parcel_id is null then 0 else ${POINTS.split_order}::int end) as score,
        coalesce(w.reasons, '[]'::jsonb) || coalesce(s.reason, '[]'::jsonb) as reasons
      from parcels p
      left join parcel_reason_work w on w.parcel_id = p.id
      left join parcel_split_work s on s.parcel_id = p.id
      where p.arrival_date between ${from}::date and ${to}::date
    ),
    written as (
      insert into parcel_scores (parcel_id, run_id, score, channel, referred, reasons, scored_at)
      select id, ${runId}, score,
        case when score >= ${settings.red_score} then 'red' when score >= ${settings.referral_score} then 'yellow'
          else 'green' end,
        score >= ${settings.referral_score}, reasons, now()
      from scored
      on conflict (parcel_id) do update set run_id = excluded.run_id, score = excluded.score,
        channel = excluded.channel, referred = excluded.referred, reasons = excluded.reasons,
        scored_at = excluded.scored_at
      returning channel, referred
    )
    select count(*)::int as parcels, count(*) filter (where referred)::int as referred,
      count(*) filter (where channel = 'red')::int as red
    from written`.execute(session.db);
  const r = rows[0]!;
  return { parcels: Number(r.parcels), referred: Number(r.referred), red: Number(r.red) };
}
