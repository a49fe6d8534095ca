/**
 * The outcome of a parcel's inspection under /api/parcels (inspections.ts): `POST /api/parcels/:id/inspection`
 * records what the examiner found. It needs `risk:decide` (recording inspection outcomes, as for declaration
 * items: officers, analysts, admins) and the parcel must be assigned to the caller, unless the caller supervises
 * the examiners (`parcels:write`). Once only (409 with the outcome recorded); audited.
 * `POST /api/parcels/:id/inspection/corrections` corrects it, with a reason, under the same rule: a new entry in the
 * parcel's corrections (the outcome replaced is kept). `GET /api/parcels/:id/inspection` reads the outcome in force
 * and the outcomes it replaced (`parcels:read`).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, idParams } from '../../../platform/server/route-kit.ts';
import {
  correctInspection,
  correctionBody,
  inspectionHistory,
  inspectionOf,
  outcomeBody,
  recordInspection,
} from '../inspections.ts';
import { PARCEL_FRAUD_TYPES, PARCEL_INSPECTION_RESULTS } from '../model.ts';
import { getParcel } from '../store.ts';

export const inspectionSchema = z
  .object({
    parcel_id: z.number().int(),
    examiner: z
      .string()
      .describe('the examiner the parcel is assigned to (or who recorded it when unassigned)'),
    result: z.enum(PARCEL_INSPECTION_RESULTS),
    fraud_type: z.enum(PARCEL_FRAUD_TYPES).nullable(),
    found_value: z.number().nullable(),
    found_currency: z.string().nullable(),
    note: z.string().nullable(),
    inspected_at: z.string(),
    recorded_by: z.string().describe('who recorded it: the examiner, or a supervisor for them'),
    recorded_at: z.string(),
  })
  .meta({ id: 'ParcelInspection' });

export const replacedInspectionSchema = inspectionSchema
  .extend({
    reason: z.string().describe('why it was corrected'),
    corrected_by: z.string(),
    corrected_at: z.string(),
  })
  .meta({ id: 'ParcelInspectionReplaced' });

const historySchema = z
  .array(replacedInspectionSchema)
  .describe('the outcomes corrections replaced, oldest first (empty when never corrected)');

export function inspectionRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/parcels/:id/inspection',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          'Record what the inspection of a parcel found (its examiner, or a supervisor with parcels:write); once, audited',
        tags: ['parcels'],
        params: idParams,
        body: outcomeBody,
        response: {
          201: inspectionSchema,
          ...errorResponses(400, 403, 404),
          409: errorSchema.describe(
            'parcels.inspection_already_recorded: the parcel has an outcome (details.existing)',
          ),
        },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const recorder = { username: user.username, supervisor: user.permissions.has('parcels:write') };
      return reply
        .code(201)
        .send(
          await recordInspection(database, actorFrom(request), recorder, request.params.id, request.body),
        );
    },
  );

  typed.get(
    '/api/parcels/:id/inspection',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary:
          "A parcel's inspection outcome in force (null before one is recorded) and the outcomes it replaced",
        tags: ['parcels'],
        params: idParams,
        response: {
          200: z.object({ inspection: inspectionSchema.nullable(), history: historySchema }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const id = request.params.id;
      await getParcel(database.db, id);
      return {
        inspection: await inspectionOf(database.db, id),
        history: await inspectionHistory(database.db, id),
      };
    },
  );

  typed.post(
    '/api/parcels/:id/inspection/corrections',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          "Correct a parcel's inspection outcome with a reason (its examiner, or a supervisor with parcels:write): the outcome replaced is kept; audited",
        tags: ['parcels'],
        params: idParams,
        body: correctionBody,
        response: {
          201: inspectionSchema.extend({ history: historySchema }),
          ...errorResponses(400, 403, 404),
          409: errorSchema.describe('parcels.nothing_to_correct: no outcome is recorded yet'),
        },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const recorder = { username: user.username, supervisor: user.permissions.has('parcels:write') };
      return reply
        .code(201)
        .send(
          await correctInspection(database, actorFrom(request), recorder, request.params.id, request.body),
        );
    },
  );
}
