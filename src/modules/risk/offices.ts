/**
 * Per-office selection parameters, as the administration sets them: capacity (items or officer hours a day), target
 * rates per channel, minimum random rate, minutes per red and yellow item. The row '*' applies to offices without
 * their own.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';
import { DEFAULT_OFFICE_PARAMS, type OfficeParams } from './select.ts';

const rate = z.number().min(0).max(1);

export const officeParamsPatch = z
  .object({
    capacity_items: z.number().int().min(0).max(10_000_000).nullable().optional(),
    capacity_hours: z.number().min(0).max(1_000_000).nullable().optional(),
    rate_red: rate.optional(),
    rate_yellow: rate.optional(),
    rate_blue: rate.optional(),
    random_rate: rate.optional(),
    minutes_red: z.number().positive().max(10_000).optional(),
    minutes_yellow: z.number().positive().max(10_000).optional(),
  })
  .strict();
export type OfficeParamsPatch = z.infer<typeof officeParamsPatch>;

const COLUMNS = [
  'office_code',
  'capacity_items',
  'capacity_hours',
  'rate_red',
  'rate_yellow',
  'rate_blue',
  'random_rate',
  'minutes_red',
  'minutes_yellow',
] as const;

/** The office's parameters, else the default row, else the built-in defaults. */
export async function officeParams(
  db: Kysely<DB>,
  office: string,
): Promise<OfficeParams & { inherited: boolean }> {
  const rows = await db
    .selectFrom('risk_office_params')
    .select(COLUMNS)
    .where('office_code', 'in', [office, '*'])
    .execute();
  const own = rows.find((r) => r.office_code === office);
  const base = own ?? rows.find((r) => r.office_code === '*');
  return base
    ? { ...(base as OfficeParams), office_code: office, inherited: !own }
    : { ...DEFAULT_OFFICE_PARAMS, office_code: office, inherited: true };
}

export async function listOfficeParams(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('risk_office_params')
    .select([...COLUMNS, 'updated_by', 'updated_at'])
    .orderBy('office_code')
    .execute();
  return rows.map((r) => ({ ...r, updated_at: iso(r.updated_at) }));
}

export async function setOfficeParams(
  database: Database,
  actor: Actor,
  office: string,
  patch: OfficeParamsPatch,
) {
  return database.transaction(async (session) => {
    const before = await officeParams(session.db, office);
    const { inherited: _inherited, ...current } = before;
    const after = { ...current, ...patch, office_code: office };
    await session.db
      .insertInto('risk_office_params')
      .values({ ...after, updated_by: actor.name })
      .onConflict((oc) =>
        oc.column('office_code').doUpdateSet({ ...after, updated_by: actor.name, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(session, actor, {
      action: 'risk.office_params_set',
      target_type: 'office',
      target_id: office,
      before: before.inherited ? null : current,
      after,
    });
    return after;
  });
}
