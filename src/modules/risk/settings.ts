/**
 * Risk settings (thresholds of the partner cross-checks), stored under the key 'risk' of `risk_settings`, and the
 * small exchange-rate table the cross-checks convert with (`risk_fx_rates`: units of a currency for one US dollar).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';

export const riskSettingsSchema = z
  .object({
    /** Payments at least this many times the declared value set partners.fx_excess. */
    fx_ratio: z.number().min(1).max(1000).default(1.5),
    /** Manifest gross mass at least this many times the declared net mass sets partners.manifest_mass_excess. */
    mass_ratio: z.number().min(1).max(1000).default(2),
    /** An importer registered fewer days than this before the declaration is recent. */
    recent_days: z.number().int().min(1).max(3650).default(90),
  })
  .strict();
export type RiskSettings = z.infer<typeof riskSettingsSchema>;
export const DEFAULT_RISK_SETTINGS: RiskSettings = riskSettingsSchema.parse({});

export async function getRiskSettings(db: Kysely<DB>): Promise<RiskSettings> {
  const row = await db
    .selectFrom('risk_settings')
    .select('value')
    .where('key', '=', 'risk')
    .executeTakeFirst();
  if (!row) return DEFAULT_RISK_SETTINGS;
  const parsed = riskSettingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_RISK_SETTINGS;
}

export async function setRiskSettings(
  database: Database,
  actor: Actor,
  value: Partial<RiskSettings>,
): Promise<RiskSettings> {
  return database.transaction(async (session) => {
    const before = await getRiskSettings(session.db);
    const parsed = riskSettingsSchema.safeParse({ ...before, ...value });
    if (!parsed.success)
      throw new AppError(
        'risk.invalid_settings',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    const after = parsed.data;
    await session.db
      .insertInto('risk_settings')
      .values({ key: 'risk', value: JSON.stringify(after), updated_by: actor.name })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: JSON.stringify(after), updated_by: actor.name, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(session, actor, {
      action: 'risk.settings_changed',
      target_type: 'risk_settings',
      target_id: 'risk',
      before,
      after,
    });
    return after;
  });
}

export type FxRates = ReadonlyMap<string, number>;

export async function getFxRates(db: Kysely<DB>): Promise<FxRates> {
  const rows = await db.selectFrom('risk_fx_rates').select(['currency', 'units_per_usd']).execute();
  return new Map(rows.map((r) => [r.currency, r.units_per_usd]));
}

export async function listFxRates(db: Kysely<DB>) {
  return db
    .selectFrom('risk_fx_rates')
    .select(['currency', 'units_per_usd', 'updated_by', 'updated_at'])
    .orderBy('currency')
    .execute();
}

/** Converts an amount between currencies through the table; null when a rate is missing. */
export function convert(amount: number, from: string, to: string, rates: FxRates): number | null {
  if (from === to) return amount;
  const a = rates.get(from);
  const b = rates.get(to);
  if (!a || !b) return null;
  return (amount / a) * b;
}

export async function setFxRate(database: Database, actor: Actor, currency: string, unitsPerUsd: number) {
  if (!/^[A-Z]{3}$/.test(currency))
    throw new AppError('risk.invalid_currency', 'expected an ISO 4217 code such as KRW');
  if (!(unitsPerUsd > 0)) throw new AppError('risk.invalid_rate', 'the rate must be positive');
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('risk_fx_rates')
      .select('units_per_usd')
      .where('currency', '=', currency)
      .executeTakeFirst();
    await session.db
      .insertInto('risk_fx_rates')
      .values({ currency, units_per_usd: unitsPerUsd, updated_by: actor.name })
      .onConflict((oc) =>
        oc
          .column('currency')
          .doUpdateSet({ units_per_usd: unitsPerUsd, updated_by: actor.name, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(session, actor, {
      action: 'risk.fx_rate_set',
      target_type: 'fx_rate',
      target_id: currency,
      before: before ?? null,
      after: { units_per_usd: unitsPerUsd },
    });
    return { currency, units_per_usd: unitsPerUsd };
  });
}
