/** Indicators for the dashboard. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/server/context.ts';
import { overview } from './store.ts';

const int = z.number().int();

export const overviewSchema = z
  .object({
    totals: z.object({
      declarations: int,
      items: int,
      inspected_items: int,
      fraud_items: int,
      critical_items: int,
      recovered_amount: z.number(),
    }),
    last_day: z.object({
      date: z.string().nullable(),
      declarations: int,
      inspected_items: int,
      fraud_items: int,
    }),
    per_month: z.array(
      z.object({ month: z.string(), declarations: int, inspected_items: int, fraud_items: int }),
    ),
    by_result: z.array(z.object({ result: z.string(), items: int })),
    by_office: z.array(z.object({ office: z.string(), declarations: int, fraud_items: int })),
    top_chapters: z.array(
      z.object({ chapter: z.string(), inspected_items: int, fraud_items: int, fraud_rate: z.number() }),
    ),
  })
  .meta({ id: 'Overview' });

export async function reportRoutes(app: FastifyInstance, { database }: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/reports/overview',
    {
      config: { permission: 'declarations:read' },
      schema: {
        summary: 'Dashboard figures: totals, last day, per month, results, offices, HS chapters',
        tags: ['reports'],
        response: { 200: overviewSchema },
      },
    },
    async () => overview(database.db),
  );
}
