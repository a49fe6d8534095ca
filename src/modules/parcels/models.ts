/**
 * The registry of trained parcel models (`parcel_models`, docs/decisions/0048-parcel-model.md): the list with each
 * model's period, counts and hold-out figures, activation (one active model; audited; a model trained on fewer than
 * `MIN_FRAUDS` frauds is refused), and the active model as scoring uses it — loaded once per model (the ML module
 * is loaded then, lazily: without an active model scoring never loads it).
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import type { ParcelModel } from './model.ts';

/** Fewer frauds than this and a model learns noise: training and activation refuse it. */
export const MIN_FRAUDS = 30;

export interface ParcelModelSummary {
  id: number;
  name: string;
  version: string;
  from: string;
  to: string;
  parcels: number;
  frauds: number;
  /** Hold-out figures (parcel-model.ts `HoldoutMetrics`) and the training time. */
  metrics: Record<string, unknown>;
  active: boolean;
  trained_by: string;
  trained_at: string;
  activated_by: string | null;
  activated_at: string | null;
}

const COLUMNS = [
  'id',
  'name',
  'version',
  'from_date',
  'to_date',
  'parcels',
  'frauds',
  'metrics',
  'active',
  'trained_by',
  'trained_at',
  'activated_by',
  'activated_at',
] as const;

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function summaryOf(r: {
  id: number | string;
  name: string;
  version: string;
  from_date: string | Date;
  to_date: string | Date;
  parcels: number;
  frauds: number;
  metrics: Record<string, unknown>;
  active: boolean;
  trained_by: string;
  trained_at: Date | string;
  activated_by: string | null;
  activated_at: Date | string | null;
}): ParcelModelSummary {
  return {
    id: Number(r.id),
    name: r.name,
    version: r.version,
    from: day(r.from_date),
    to: day(r.to_date),
    parcels: r.parcels,
    frauds: r.frauds,
    metrics: r.metrics,
    active: r.active,
    trained_by: r.trained_by,
    trained_at: iso(r.trained_at),
    activated_by: r.activated_by,
    activated_at: r.activated_at === null ? null : iso(r.activated_at),
  };
}

/** The trained parcel models, newest first (without their trees). */
export async function listParcelModels(db: Kysely<DB>): Promise<ParcelModelSummary[]> {
  const rows = await db.selectFrom('parcel_models').select(COLUMNS).orderBy('id', 'desc').execute();
  return rows.map(summaryOf);
}

/** One trained model (404 when unknown). */
export async function parcelModelSummary(db: Kysely<DB>, id: number): Promise<ParcelModelSummary> {
  const row = await db.selectFrom('parcel_models').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('parcels.model_not_found', `no parcel model ${id}`);
  return summaryOf(row);
}

/**
 * Makes a model the active one (the one before, if any, no longer is), in the session's transaction, audited
 * (`parcels.model_activated`). 404 for an unknown model; 400 for one trained on fewer than `MIN_FRAUDS` frauds.
 */
export async function activateInSession(
  session: Session,
  actor: Actor,
  id: number,
): Promise<ParcelModelSummary> {
  const row = await parcelModelSummary(session.db, id);
  if (row.frauds < MIN_FRAUDS)
    throw new AppError(
      'parcels.model_too_few_frauds',
      `parcel model ${row.name} ${row.version} was trained on ${row.frauds} frauds; activating one needs at least ${MIN_FRAUDS}`,
      400,
    );
  const before = await session.db
    .selectFrom('parcel_models')
    .select(['id', 'name', 'version'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (before && Number(before.id) !== id)
    await session.db
      .updateTable('parcel_models')
      .set({ active: false })
      .where('id', '=', before.id)
      .execute();
  const after = await session.db
    .updateTable('parcel_models')
    .set({ active: true, activated_by: actor.name, activated_at: new Date() })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await appendAudit(session, actor, {
    action: 'parcels.model_activated',
    target_type: 'parcel_model',
    target_id: id,
    before: before ? { active: { id: Number(before.id), name: before.name, version: before.version } } : null,
    after: { active: { id, name: row.name, version: row.version } },
  });
  return summaryOf(after);
}

/** Makes a trained model the one scoring uses; audited. */
export async function activateParcelModel(
  database: Database,
  actor: Actor,
  id: number,
): Promise<ParcelModelSummary> {
  return database.transaction((session) => activateInSession(session, actor, id));
}

/** The loaded models by row (id, version and training time: a model is never changed once stored). */
const loaded = new Map<string, ParcelModel>();

/** The active parcel model, ready to score (loaded on first use), or null when none is active. */
export async function activeParcelModel(db: Kysely<DB>): Promise<ParcelModel | null> {
  const row = await db
    .selectFrom('parcel_models')
    .select(['id', 'name', 'version', 'trained_at'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const key = `${row.id}|${row.name}|${row.version}|${iso(row.trained_at)}`;
  const found = loaded.get(key);
  if (found) return found;
  const { model } = await db
    .selectFrom('parcel_models')
    .select('model')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const { loadParcelModel } = await import('./parcel-model.ts');
  const ready = loadParcelModel(model as never, { name: row.name, version: row.version });
  if (loaded.size >= 4) loaded.clear();
  loaded.set(key, ready);
  return ready;
}
