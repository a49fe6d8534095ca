/**
 * The text classifier in use, kept in the database with its version. Version 0 is the built-in model trained on
 * the seed corpus; each batch of investigators' confirmations makes a new version with `updateWithConfirmations`
 * (a few SGD epochs from the current weights), so the unit's decisions feed every later analysis. The five newest
 * versions keep their weights; older rows keep their history only.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import {
  type Classifier,
  defaultClassifier,
  deserializeClassifier,
  serializeClassifier,
  updateWithConfirmations,
} from './analysis/index.ts';

const KEEP_WEIGHTS = 5;
const MODEL_LOCK = 7_210_041;

export interface CurrentModel {
  version: number;
  classifier: Classifier;
}

/** The last model loaded, keyed by version and creation time (tests open several databases in one process). */
let cache: { key: string; model: CurrentModel } | undefined;

/** The newest model with its weights (version 0, the seed model, when none was trained here). */
export async function currentModel(db: Kysely<DB>): Promise<CurrentModel> {
  const head = await db
    .selectFrom('osint_models')
    .select(['version', 'created_at'])
    .where('model', 'is not', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return { version: 0, classifier: defaultClassifier() };
  const key = `${head.version}:${new Date(head.created_at).toISOString()}`;
  if (cache?.key === key) return cache.model;
  const row = await db
    .selectFrom('osint_models')
    .select(['version', 'model'])
    .where('version', '=', head.version)
    .executeTakeFirstOrThrow();
  const model = { version: head.version, classifier: deserializeClassifier(JSON.parse(row.model!)) };
  cache = { key, model };
  return model;
}

export interface ModelInfo {
  version: number;
  base_version: number | null;
  trained_on: number;
  confirmations: number;
  created_by: string;
  created_at: string | null;
  pending_confirmations: number;
}

export async function modelInfo(db: Kysely<DB>): Promise<ModelInfo> {
  const row = await db
    .selectFrom('osint_models')
    .select(['version', 'base_version', 'trained_on', 'confirmations', 'created_by', 'created_at'])
    .where('model', 'is not', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const pending = await db
    .selectFrom('osint_confirmations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('model_version', 'is', null)
    .executeTakeFirstOrThrow();
  if (!row)
    return {
      version: 0,
      base_version: null,
      trained_on: defaultClassifier().trainedOn,
      confirmations: 0,
      created_by: 'seed corpus',
      created_at: null,
      pending_confirmations: Number(pending.n),
    };
  return {
    ...row,
    created_at: new Date(row.created_at).toISOString(),
    pending_confirmations: Number(pending.n),
  };
}

/**
 * Updates the model with the confirmations not learnt yet; returns the new version, or null when there were none.
 * Audited; concurrent calls make one version each, in turn.
 */
export async function learnFromConfirmations(database: Database, actor: Actor): Promise<number | null> {
  return database.transaction(async (session) => {
    await sql`select pg_advisory_xact_lock(${MODEL_LOCK})`.execute(session.db);
    const pending = await session.db
      .selectFrom('osint_confirmations')
      .select(['id', 'label', 'text'])
      .where('model_version', 'is', null)
      .orderBy('id')
      .execute();
    if (pending.length === 0) return null;
    const base = await currentModel(session.db);
    const model = updateWithConfirmations(
      base.classifier,
      pending.map((c) => ({ text: c.text, label: c.label })),
    );
    const last = await session.db
      .selectFrom('osint_models')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const trainedOn = base.classifier.trainedOn + pending.length;
    model.trainedOn = trainedOn;
    const inserted = await session.db
      .insertInto('osint_models')
      .values({
        version,
        base_version: base.version,
        trained_on: trainedOn,
        confirmations: pending.length,
        model: JSON.stringify(serializeClassifier(model)),
        created_by: actor.name,
      })
      .returning('created_at')
      .executeTakeFirstOrThrow();
    await session.db
      .updateTable('osint_confirmations')
      .set({ model_version: version })
      .where(
        'id',
        'in',
        pending.map((c) => c.id),
      )
      .execute();
    await session.db
      .updateTable('osint_models')
      .set({ model: null })
      .where('version', '<=', version - KEEP_WEIGHTS)
      .where('model', 'is not', null)
      .execute();
    await appendAudit(session, actor, {
      action: 'osint.model.updated',
      target_type: 'osint_model',
      target_id: version,
      details: { base_version: base.version, confirmations: pending.length, trained_on: trainedOn },
    });
    cache = {
      key: `${version}:${new Date(inserted.created_at).toISOString()}`,
      model: { version, classifier: model },
    };
    return version;
  });
}
