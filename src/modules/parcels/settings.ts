/**
 * Settings of parcel targeting, in the module's own `parcel_settings` (one row; the defaults below when nothing is
 * stored): the duty-free threshold a split order gets around, the split-order window, and the scores that refer a
 * parcel (yellow) or send it to examination (red). Changes are audited.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';

export const parcelSettingsSchema = z
  .object({
    /** Duty-free threshold of a consignment, in euros (converted from other currencies with risk's rate table). */
    threshold_eur: z.number().min(0).max(1_000_000).default(150),
    /** Parcels of one sender to one recipient whose arrival dates fall within this many days form one order. */
    window_days: z.number().int().min(1).max(60).default(3),
    /** A parcel scoring this much or more is referred to its office of arrival (yellow channel at least). */
    referral_score: z.number().int().min(1).max(100).default(50),
    /** …and this much or more goes to examination (red channel). */
    red_score: z.number().int().min(1).max(100).default(75),
  })
  .strict()
  .refine((s) => s.red_score >= s.referral_score, {
    message: 'red_score must be at least referral_score',
    path: ['red_score'],
  });

export type ParcelSettings = z.infer<typeof parcelSettingsSchema>;

export const DEFAULT_PARCEL_SETTINGS: ParcelSettings = parcelSettingsSchema.parse({});

export async function getParcelSettings(db: Kysely<DB>): Promise<ParcelSettings> {
  const row = await db.selectFrom('parcel_settings').select('value').executeTakeFirst();
  if (!row) return DEFAULT_PARCEL_SETTINGS;
  const parsed = parcelSettingsSchema.safeParse({ ...DEFAULT_PARCEL_SETTINGS, ...row.value });
  return parsed.success ? parsed.data : DEFAULT_PARCEL_SETTINGS;
}

/** Changes some settings (the others kept), audited in the same transaction; bad values throw a zod error. */
export async function setParcelSettings(
  database: Database,
  actor: Actor,
  value: Partial<ParcelSettings>,
): Promise<ParcelSettings> {
  return database.transaction(async (session) => {
    const before = await getParcelSettings(session.db);
    const parsed = parcelSettingsSchema.safeParse({ ...before, ...value });
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
      throw new AppError(
        'parcels.bad_settings',
        details.map((d) => `${d.path.slice(1)}: ${d.message}`).join('; '),
        400,
        details,
      );
    }
    const after = parsed.data;
    await session.db
      .insertInto('parcel_settings')
      .values({ id: 1, value: JSON.stringify(after), updated_by: actor.name })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ value: JSON.stringify(after), updated_by: actor.name, updated_at: new Date() }),
      )
      .execute();
    await appendAudit(session, actor, {
      action: 'parcels.settings_changed',
      target_type: 'parcel_settings',
      target_id: 'parcels',
      before,
      after,
    });
    return after;
  });
}
