/**
 * The parcels API under /api/parcels (docs/decisions/0021-parcels.md): the list with its filters (carrier, origin
 * country, platform, value band, office, dates, channel, referred only), one parcel with its score and reasons,
 * scoring runs, the settings, examiners with their assignments (examiners.ts), inspection outcomes (inspections.ts), the
 * dashboard's figures (dashboard.ts) and trained parcel models (models.ts). Reading needs `parcels:read`; scoring and changing settings `parcels:write`,
 * both audited. Parcels are imported through POST /api/imports (kind `parcels`).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute, idParams } from '../../../platform/server/route-kit.ts';
import { cursorQuery, isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { PARCEL_CHANNELS, PARCEL_INDICATORS, PARCEL_KINDS } from '../model.ts';
import { scoreParcels } from '../score.ts';
import { linkParcelSeizure } from '../seizures.ts';
import { getParcelSettings, setParcelSettings } from '../settings.ts';
import { getParcel, listParcels } from '../store.ts';
import { dashboardRoutes } from './dashboard.ts';
import { examinerRoutes } from './examiners.ts';
import { inspectionRoutes, inspectionSchema, replacedInspectionSchema } from './inspections.ts';
import { modelRoutes } from './models.ts';

const code = (max = 64) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\t\n\r]+$/, 'expected a code');

const parcelSchema = z
  .object({
    id: z.number().int(),
    carrier: z.string(),
    consignment_number: z.string(),
    kind: z.enum(PARCEL_KINDS),
    master_manifest: z.string().nullable(),
    sender_name: z.string(),
    sender_address: z.string().nullable(),
    sender_country: z.string(),
    sender_platform: z.string().nullable(),
    recipient_name: z.string(),
    recipient_address: z.string().nullable(),
    recipient_city: z.string().nullable(),
    recipient_phone: z.string().nullable(),
    recipient_email: z.string().nullable(),
    description: z.string(),
    declared_value: z.number(),
    currency: z.string(),
    value_eur: z.number(),
    weight_kg: z.number().nullable(),
    hs_code: z.string().nullable(),
    item_count: z.number().int(),
    arrival_date: z.string(),
    arrival_office: z.string(),
    score: z.number().int().nullable(),
    channel: z.enum(PARCEL_CHANNELS).nullable(),
    referred: z.boolean(),
    scored_at: z.string().nullable(),
  })
  .meta({ id: 'Parcel' });

const reasonSchema = z.object({
  indicator: z.enum(PARCEL_INDICATORS),
  points: z.number(),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});

const parcelDetailSchema = parcelSchema
  .extend({
    reasons: z.array(reasonSchema),
    import_id: z.number().int().nullable(),
    seizure: z.object({ id: z.number().int(), reference: z.string(), seized_on: z.string() }).nullable(),
    assignment: z
      .object({
        examiner_id: z.number().int(),
        username: z.string(),
        name: z.string(),
        basis: z.string(),
        reason: z.string(),
      })
      .nullable(),
    inspection: inspectionSchema.nullable().describe('what its examiner found, once inspected'),
    inspection_history: z
      .array(replacedInspectionSchema)
      .describe('the outcomes corrections replaced, oldest first'),
  })
  .meta({ id: 'ParcelDetail' });

const settingsSchema = z
  .object({
    threshold_eur: z.number(),
    window_days: z.number().int(),
    referral_score: z.number().int(),
    red_score: z.number().int(),
  })
  .meta({ id: 'ParcelSettings' });

const settingsBody = z
  .object({
    threshold_eur: z.number().min(0).max(1_000_000).optional(),
    window_days: z.number().int().min(1).max(60).optional(),
    referral_score: z.number().int().min(1).max(100).optional(),
    red_score: z.number().int().min(1).max(100).optional(),
  })
  .strict();

const runSchema = z
  .object({
    run_id: z.number().int(),
    from: z.string(),
    to: z.string(),
    parcels: z.number().int(),
    referred: z.number().int(),
    red: z.number().int(),
    split_orders: z.number().int(),
    split_order_parcels: z.number().int(),
    goods_wording: z.number().int(),
    linked_online_seller: z.number().int(),
    repeat_sender: z.number().int(),
    repeat_sender_fraud: z
      .number()
      .int()
      .describe('parcels whose sender had fraud found by an examiner in an earlier parcel'),
    model: z
      .object({ name: z.string(), version: z.string() })
      .nullable()
      .describe('the parcel model whose term was added (the active one); null: none is active'),
    settings: settingsSchema,
  })
  .meta({ id: 'ParcelScoreRun' });

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export async function parcelsRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const { database } = context;
  examinerRoutes(app, context);
  dashboardRoutes(app, context);
  inspectionRoutes(app, context);
  modelRoutes(app, context);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/parcels',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary:
          'Parcels, highest score first, with filters (value band in euros: value_min ≤ value < value_max)',
        tags: ['parcels'],
        querystring: z.object({
          ...pagingQuery,
          ...cursorQuery,
          carrier: code().optional(),
          kind: z.enum(PARCEL_KINDS).optional(),
          origin_country: z
            .string()
            .regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code')
            .optional(),
          platform: z.string().min(1).max(200).optional(),
          office: code(16).optional(),
          value_min: z.coerce.number().min(0).optional(),
          value_max: z.coerce.number().min(0).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          channel: z.enum(PARCEL_CHANNELS).optional(),
          referred: bool.optional(),
        }),
        response: {
          200: pageOf(
            parcelSchema
              .extend({
                indicators: z
                  .array(z.enum(PARCEL_INDICATORS))
                  .describe("the indicators of the parcel's reasons, largest first (empty when none fired)"),
                examiner: z.string().nullable().describe('the name of the examiner it is assigned to'),
              })
              .meta({ id: 'ParcelListItem' }),
          ).extend({
            next_cursor: z
              .string()
              .nullable()
              .describe('Pass as cursor for the next page (keyset paging); null on the last page'),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const { limit, offset, cursor, ...filters } = request.query;
      return { limit, offset, ...(await listParcels(db, filters, { limit, offset, cursor })) };
    },
  );

  getOneRoute(
    typed,
    '/api/parcels/:id',
    {
      permission: 'parcels:read',
      tag: 'parcels',
      summary: 'A parcel with its score, channel and reasons (each with its evidence)',
      response: parcelDetailSchema,
    },
    async ({ id }) => getParcel(db, id),
  );

  typed.post(
    '/api/parcels/scorings',
    {
      config: { permission: 'parcels:write' },
      schema: {
        summary: 'Score the parcels arriving from one date to another (pre-arrival targeting), audited',
        tags: ['parcels'],
        body: z.object({ from: isoDate, to: isoDate }).strict(),
        response: { 201: runSchema, 400: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await scoreParcels(database, actorFrom(request), request.body)),
  );

  typed.put(
    '/api/parcels/:id/seizure',
    {
      config: { permission: 'seizures:write' },
      schema: {
        summary:
          "Link a parcel to the seizure of its goods (a seizure of the cases module): the sender's later parcels are then repeat senders; audited",
        tags: ['parcels'],
        params: idParams,
        body: z.object({ seizure_id: z.number().int().positive() }).strict(),
        response: {
          200: z.object({
            parcel_id: z.number().int(),
            seizure_id: z.number().int(),
            seizure_reference: z.string(),
            seized_on: z.string(),
            description: z.string(),
            linked_by: z.string(),
            linked_at: z.string(),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) =>
      linkParcelSeizure(database, actorFrom(request), request.params.id, request.body.seizure_id),
  );

  typed.get(
    '/api/parcels/settings',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary: 'Duty-free threshold, split-order window and referral scores',
        tags: ['parcels'],
        response: { 200: settingsSchema },
      },
    },
    async () => getParcelSettings(db),
  );

  typed.put(
    '/api/parcels/settings',
    {
      config: { permission: 'parcels:write' },
      schema: {
        summary: 'Change some of the settings (the others are kept), audited',
        tags: ['parcels'],
        body: settingsBody,
        response: { 200: settingsSchema, 400: errorSchema },
      },
    },
    async (request) => setParcelSettings(database, actorFrom(request), request.body),
  );
}
