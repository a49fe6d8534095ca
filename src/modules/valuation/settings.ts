/**
 * Settings of the reference-value database, stored in the module's own `valuation_settings` (one row; defaults below
 * when nothing is stored). Changing them is audited by the caller.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';

export const valuationSettingsSchema = z
  .object({
    /** Days of history a reference covers, ending at the last lodgement date known. */
    window_days: z.number().int().min(7).max(3660).default(365),
    /** Fewest kept observations for a reference to exist at a level (else the next level is tried). */
    min_sample: z.number().int().min(3).max(100_000).default(10),
    /** Observations further than this many robust standard deviations (log scale) are outliers. */
    outlier_k: z.number().min(1).max(20).default(3.5),
    /** A finding is flagged when the unit value is below this share of the reference median… */
    flag_ratio: z.number().min(0).max(1).default(0.5),
    /** …or when its robust z-score (log scale) is below this. */
    flag_z: z.number().min(-20).max(0).default(-3),
  })
  .strict();

export type ValuationSettings = z.infer<typeof valuationSettingsSchema>;

export const DEFAULT_VALUATION_SETTINGS: ValuationSettings = valuationSettingsSchema.parse({});

export async function getValuationSettings(db: Kysely<DB>): Promise<ValuationSettings> {
  const row = await db.selectFrom('valuation_settings').select('value').executeTakeFirst();
  if (!row) return DEFAULT_VALUATION_SETTINGS;
  const parsed = valuationSettingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_VALUATION_SETTINGS;
}

export async function setValuationSettings(
  db: Kysely<DB>,
  value: Partial<ValuationSettings>,
  by: string,
): Promise<{ before: ValuationSettings; after: ValuationSettings }> {
  const before = await getValuationSettings(db);
  const after = valuationSettingsSchema.parse({ ...before, ...value });
  await db
    .insertInto('valuation_settings')
    .values({ id: 1, value: JSON.stringify(after), updated_by: by })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ value: JSON.stringify(after), updated_by: by, updated_at: new Date() }),
    )
    .execute();
  return { before, after };
}
