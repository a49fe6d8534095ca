/**
 * Examiners and assignments under /api/parcels: the examiners of each office with their specialities, the
 * automatic assignment of a period's referred parcels, each examiner's workload over a period, a manual reassignment with its reason, and "my inspections"
 * (the caller's assigned parcels of a day). Reading needs `parcels:read`; changing `parcels:write`; all audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, idParams } from '../../../platform/server/route-kit.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import {
  addExaminer,
  assignParcels,
  examinerWorkload,
  inspectionsOf,
  listExaminers,
  reassignParcel,
  updateExaminer,
} from '../examiners.ts';
import { PARCEL_CHANNELS, PARCEL_INDICATORS, PARCEL_INSPECTION_RESULTS, PARCEL_KINDS } from '../model.ts';

const code = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\t\n\r]+$/, 'expected a code');

const examinerSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    name: z.string(),
    office: z.string(),
    hs_prefixes: z.array(z.string()),
    kinds: z.array(z.enum(PARCEL_KINDS)),
    indicators: z.array(z.enum(PARCEL_INDICATORS)),
    daily_capacity: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'ParcelExaminer' });

const specialities = {
  hs_prefixes: z
    .array(z.string().regex(/^\d{2,10}$/, 'expected 2 to 10 digits'))
    .max(50)
    .optional(),
  kinds: z.array(z.enum(PARCEL_KINDS)).max(2).optional(),
  indicators: z.array(z.enum(PARCEL_INDICATORS)).max(PARCEL_INDICATORS.length).optional(),
  daily_capacity: z.number().int().min(1).max(1000).optional(),
};

export function examinerRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/parcels/examiners',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary: 'Examiners of parcels, by office, with their specialities',
        tags: ['parcels'],
        querystring: z.object({ office: code(16).optional() }),
        response: { 200: z.object({ items: z.array(examinerSchema) }) },
      },
    },
    async (request) => ({ items: await listExaminers(database.db, request.query.office) }),
  );

  typed.post(
    '/api/parcels/examiners',
    {
      config: { permission: 'parcels:write' },
      schema: {
        summary:
          'Add an examiner at an office with specialities (HS prefixes, kinds, indicators) and a daily capacity',
        tags: ['parcels'],
        body: z
          .object({
            username: code(64),
            name: z.string().trim().min(1).max(200),
            office: code(16),
            ...specialities,
          })
          .strict(),
        response: { 201: examinerSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addExaminer(database, actorFrom(request), request.body)),
  );

  typed.patch(
    '/api/parcels/examiners/:id',
    {
      config: { permission: 'parcels:write' },
      schema: {
        summary: 'Change an examiner: name, specialities, capacity, active',
        tags: ['parcels'],
        params: idParams,
        body: z
          .object({
            name: z.string().trim().min(1).max(200).optional(),
            active: z.boolean().optional(),
            ...specialities,
          })
          .strict(),
        response: { 200: examinerSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => updateExaminer(database, actorFrom(request), request.params.id, request.body),
  );

  typed.post(
    '/api/parcels/assignments',
    {
      config: { permission: 'parcels:write' },
      schema: {
        summary: 'Assign the referred, unassigned parcels of a period to examiners (speciality, then load)',
        tags: ['parcels'],
        body: z.object({ from: isoDate, to: isoDate, office: code(16).optional() }).strict(),
        response: {
          201: z.object({
            assigned: z.number().int(),
            unassigned: z.number().int(),
            by_examiner: z.record(z.string(), z.number().int()),
          }),
          400: errorSchema,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await assignParcels(database, actorFrom(request), request.body)),
  );

  typed.put(
    '/api/parcels/:id/assignment',
    {
      config: { permission: 'parcels:write' },
      schema: {
        summary: 'Give a parcel to another examiner of its office, with a reason (audited)',
        tags: ['parcels'],
        params: idParams,
        body: z.object({ examiner_id: z.number().int().positive(), reason: z.string().max(1000) }).strict(),
        response: {
          200: z.object({ parcel_id: z.number().int(), examiner: examinerSchema, reason: z.string() }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request) =>
      reassignParcel(
        database,
        actorFrom(request),
        request.params.id,
        request.body.examiner_id,
        request.body.reason,
      ),
  );

  typed.get(
    '/api/parcels/workload',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary:
          'Load and throughput of each examiner over a period (default today): assigned, by hand, seized, inspected, fraud, pending, per day against capacity',
        tags: ['parcels'],
        querystring: z.object({
          from: isoDate.optional(),
          to: isoDate.optional(),
          office: code(16).optional(),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            items: z.array(
              z
                .object({
                  examiner_id: z.number().int(),
                  username: z.string(),
                  name: z.string(),
                  office: z.string(),
                  daily_capacity: z.number().int(),
                  active: z.boolean(),
                  assigned: z.number().int(),
                  manual: z.number().int(),
                  seized: z.number().int().describe('assigned parcels linked to a seizure of their goods'),
                  inspected: z.number().int().describe('assigned parcels with a recorded outcome'),
                  fraud: z.number().int().describe('inspected parcels found in fraud'),
                  pending: z
                    .number()
                    .int()
                    .describe('assigned parcels not inspected yet whose arrival day is today or past'),
                  days: z.array(
                    z.object({ day: z.string(), assigned: z.number().int(), inspected: z.number().int() }),
                  ),
                })
                .meta({ id: 'ParcelExaminerWorkload' }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const today = new Date().toISOString().slice(0, 10);
      const from = request.query.from ?? request.query.to ?? today;
      const to = request.query.to ?? request.query.from ?? today;
      if (to < from)
        throw new AppError('parcels.bad_period', `the period ends (${to}) before it starts (${from})`, 400, [
          { path: '/to', message: 'expected a date on or after from' },
        ]);
      return {
        from,
        to,
        items: await examinerWorkload(database.db, { from, to, office: request.query.office }),
      };
    },
  );

  typed.get(
    '/api/parcels/my-inspections',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary: "The caller's parcels to examine on a day (default today), highest score first",
        tags: ['parcels'],
        querystring: z.object({ day: isoDate.optional() }),
        response: {
          200: z.object({
            day: z.string(),
            items: z.array(
              z.object({
                parcel_id: z.number().int(),
                carrier: z.string(),
                consignment_number: z.string(),
                arrival_date: z.string(),
                arrival_office: z.string(),
                description: z.string(),
                score: z.number().int(),
                channel: z.enum(PARCEL_CHANNELS),
                basis: z.enum(['auto', 'manual']),
                reason: z.string(),
                examiner: z.string(),
                inspected: z
                  .enum(PARCEL_INSPECTION_RESULTS)
                  .nullable()
                  .describe('the result recorded, once inspected; null while still to inspect'),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const day = request.query.day ?? new Date().toISOString().slice(0, 10);
      return { day, items: await inspectionsOf(database.db, request.user!.username, day) };
    },
  );
}
