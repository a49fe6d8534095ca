/**
 * Training a parcel model (docs/decisions/0048-parcel-model.md): the parcels arriving in the period (all by default)
 * whose outcome in force — `parcel_inspections`, which a correction rewrites — is `fraud` (1) or `compliant` (0);
 * `not_found` is left out (neither proof of fraud nor of compliance). Fewer than `MIN_FRAUDS` frauds, or as few
 * compliant parcels, is refused before anything is trained. The model (parcel-model.ts, loaded here lazily) is
 * stored in `parcel_models` with its hold-out figures, audited (`parcels.model_trained`), and activated in the same
 * transaction when asked.
 */
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { activateInSession, MIN_FRAUDS, type ParcelModelSummary, parcelModelSummary } from './models.ts';
import type { TrainingParcel } from './parcel-model.ts';

export interface TrainParcelModelOptions {
  /** First and last arrival days of the training parcels (YYYY-MM-DD); every parcel with an outcome by default. */
  from?: string | undefined;
  to?: string | undefined;
  activate?: boolean | undefined;
  /** The booster's seed (0 by default). */
  seed?: number | undefined;
}

const MODEL_NAME = 'parcel-gbdt';
/** The share of parcels referred when no scoring run says otherwise. */
const DEFAULT_REFERRAL_RATE = 0.05;

function checkDay(field: string, value: string | undefined): void {
  if (value === undefined) return;
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok)
    throw new AppError(
      'parcels.bad_date',
      `${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
      400,
      [{ path: `/${field}`, message: 'expected a date as YYYY-MM-DD' }],
    );
}

export async function trainParcelModel(
  database: Database,
  actor: Actor,
  options: TrainParcelModelOptions = {},
): Promise<ParcelModelSummary> {
  const { from, to } = options;
  checkDay('from', from);
  checkDay('to', to);
  if (from && to && from > to)
    throw new AppError('parcels.bad_period', `from (${from}) is after to (${to})`, 400, [
      { path: '/to', message: 'expected a date on or after from' },
    ]);
  const period = `${from ? `from ${from}` : 'from the first arrival'} ${to ? `to ${to}` : 'to the last'}`;
  const db = database.db;
  const raw = await db
    .selectFrom('parcels as p')
    .innerJoin('parcel_inspections as i', 'i.parcel_id', 'p.id')
    .select([
      'p.id',
      'p.description',
      'p.declared_value',
      'p.currency',
      'p.item_count',
      'p.recipient_phone',
      'p.recipient_email',
      'p.value_eur',
      'p.weight_kg',
      'p.kind',
      'p.carrier',
      'p.sender_name',
      'p.sender_country',
      'p.sender_platform',
      'p.hs_code',
      'p.arrival_office',
      sql<string>`to_char(p.arrival_date, 'YYYY-MM-DD')`.as('arrival_date'),
      'i.result',
    ])
    .where('i.result', 'in', ['fraud', 'compliant'])
    .$if(from !== undefined, (q) => q.where('p.arrival_date', '>=', from!))
    .$if(to !== undefined, (q) => q.where('p.arrival_date', '<=', to!))
    .execute();
  const frauds = raw.filter((r) => r.result === 'fraud').length;
  const compliant = raw.length - frauds;
  if (frauds < MIN_FRAUDS || compliant < MIN_FRAUDS)
    throw new AppError(
      'parcels.model_too_few_outcomes',
      `too few outcomes to train a parcel model ${period}: ${frauds} fraud${frauds === 1 ? '' : 's'} and ${compliant} compliant parcel${compliant === 1 ? '' : 's'} inspected; at least ${MIN_FRAUDS} of each are needed`,
      400,
      { frauds, compliant, needed: MIN_FRAUDS },
    );
  const parcels: TrainingParcel[] = raw.map(({ result, ...r }) => ({
    ...r,
    id: Number(r.id),
    declared_value: Number(r.declared_value),
    value_eur: Number(r.value_eur),
    weight_kg: r.weight_kg === null ? null : Number(r.weight_kg),
    label: result === 'fraud' ? 1 : 0,
  }));
  const runs = await db
    .selectFrom('parcel_score_runs')
    .select([
      sql<number>`coalesce(sum(referred), 0)::int`.as('referred'),
      sql<number>`coalesce(sum(parcels), 0)::int`.as('parcels'),
    ])
    .executeTakeFirstOrThrow();
  const referralRate =
    Number(runs.parcels) > 0 && Number(runs.referred) > 0
      ? Number(runs.referred) / Number(runs.parcels)
      : DEFAULT_REFERRAL_RATE;
  const { trainParcelModel: train } = await import('./parcel-model.ts');
  let document: ReturnType<typeof train>;
  try {
    document = train(parcels, { referralRate, seed: options.seed ?? 0 });
  } catch (error) {
    throw new AppError(
      'parcels.model_untrainable',
      `no parcel model ${period}: ${(error as Error).message}`,
      400,
    );
  }
  return database.transaction(async (session) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from parcel_models
      where name = ${MODEL_NAME}`.execute(session.db);
    const version = String(Number(rows[0]!.n) + 1);
    const t = document.training;
    const metrics = { holdout: t.holdout, duration_ms: t.duration_ms };
    const stored = await session.db
      .insertInto('parcel_models')
      .values({
        name: MODEL_NAME,
        version,
        model: JSON.stringify(document),
        from_date: t.from,
        to_date: t.to,
        parcels: t.parcels,
        frauds: t.frauds,
        metrics: JSON.stringify(metrics),
        trained_by: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(stored.id);
    await appendAudit(session, actor, {
      action: 'parcels.model_trained',
      target_type: 'parcel_model',
      target_id: id,
      details: {
        name: MODEL_NAME,
        version,
        from: t.from,
        to: t.to,
        parcels: t.parcels,
        frauds: t.frauds,
        ...metrics,
      },
    });
    if (options.activate) return activateInSession(session, actor, id);
    return parcelModelSummary(session.db, id);
  });
}
