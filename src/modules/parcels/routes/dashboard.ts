/**
 * GET /api/parcels/dashboard: the dashboard's parcels block (dashboard.ts) — a period's figures in total and per
 * office, frauds by type, and each examiner's and office's workload and throughput. Needs `parcels:read`, like the
 * examiners page whose workload it sums; the workbench shows the block only to those who have it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { dashboardPeriod, MAX_PERIOD_DAYS, parcelsDashboard } from '../dashboard.ts';
import { PARCEL_FRAUD_TYPES } from '../model.ts';

const int = z.number().int();

const figuresSchema = z.object({
  arrived: int.describe('parcels arriving in the period'),
  scored: int.describe('of those, parcels with a pre-arrival score'),
  referred: int.describe('scored parcels referred for control (red or yellow)'),
  red: int,
  yellow: int,
  split_order_parcels: int.describe('parcels flagged as part of a split order'),
  split_orders: int.describe('the split orders those parcels make'),
  linked_online_seller: int.describe("parcels whose recipient's contact is linked to an online seller"),
  inspected: int.describe('parcels with an inspection outcome in force'),
  fraud: int.describe('inspected parcels found in fraud'),
  pending: int.describe('assigned parcels not inspected yet whose arrival day is today or past'),
});

const workloadSchema = z.object({
  assigned: int,
  inspected: int,
  pending: int,
  fraud: int,
  inspected_per_day: z.number().describe('parcels inspected per calendar day of the period'),
  days: z.array(z.object({ day: z.string(), assigned: int, inspected: int })),
});

const dashboardSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    days: int.describe('calendar days in the period'),
    totals: figuresSchema,
    frauds_by_type: z.array(
      z.object({ fraud_type: z.enum([...PARCEL_FRAUD_TYPES, 'unknown']), parcels: int }),
    ),
    by_office: z.array(figuresSchema.extend({ office: z.string() })),
    examiners: z.array(
      workloadSchema.extend({
        examiner_id: int,
        username: z.string(),
        name: z.string(),
        office: z.string(),
        active: z.boolean(),
      }),
    ),
    offices: z.array(workloadSchema.extend({ office: z.string(), examiners: int })),
  })
  .meta({ id: 'ParcelsDashboard' });

export function dashboardRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/parcels/dashboard',
    {
      config: { permission: 'parcels:read' },
      schema: {
        summary: `Dashboard figures of the parcels arriving in a period (default: the week up to the last arrival day; at most ${MAX_PERIOD_DAYS} days): arrived, scored, referred, split orders, linked to online sellers, inspected, fraud by type, pending, per office; workload and throughput per examiner and office`,
        tags: ['parcels'],
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: dashboardSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const today = new Date().toISOString().slice(0, 10);
      const period = await dashboardPeriod(database.db, request.query, today);
      return parcelsDashboard(database.db, period, today);
    },
  );
}
