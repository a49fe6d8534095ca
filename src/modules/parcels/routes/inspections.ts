/**
 * The outcome of a parcel's inspection under /api/parcels (inspections.ts): `POST /api/parcels/:id/inspection`
 * records what the examiner found. It needs `risk:decide` (recording inspection outcomes, as for declaration
 * items: officers, analysts, admins) and the parcel must be assigned to the caller, unless the caller supervises
 * the examiners (`parcels:write`). Once only (409 with the outcome recorded); audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, idParams } from '../../../platform/server/route-kit.ts';
import { recordInspection } from '../inspections.ts';
import { PARCEL_FRAUD_TYPES, PARCEL_INSPECTION_RESULTS } from '../model.ts';

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
        body: z
          .object({
            result: z
              .enum(PARCEL_INSPECTION_RESULTS)
              .describe(
                'compliant; fraud (with fraud_type); not_found: the goods were not presented or absent',
              ),
            fraud_type: z.enum(PARCEL_FRAUD_TYPES).nullish(),
            found_value: z
              .number()
              .min(0)
              .max(
                999_999_999_999.99,
                'expected at most 999,999,999,999.99 (the column holds 12 digits before the decimal point)',
              )
              .nullish()
              .describe('the value of the goods found'),
            found_currency: z
              .string()
              .regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code')
              .nullish(),
            note: z.string().max(4000).nullish(),
            inspected_at: z.iso
              .datetime({ offset: true })
              .nullish()
              .describe('when the parcel was inspected; now when absent'),
          })
          .strict(),
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
}
