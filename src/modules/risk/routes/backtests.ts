/** The back-tests that ran: as a list and as CSV or XLSX. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldColumns, pagesOf } from '../../../platform/export/export.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { exportRoute } from '../../../platform/server/route-kit.ts';
import { pagingQuery } from '../../../platform/server/schemas.ts';
import { type BacktestRow, listBacktests } from '../backtests.ts';

const filters = { profile_id: z.coerce.number().int().positive().optional() };

export const backtestRowSchema = z
  .object({
    job_id: z.string(),
    finished_at: z.string().nullable(),
    created_by: z.number().int().nullable(),
    profile_id: z.number().int(),
    profile: z.string(),
    from: z.string(),
    to: z.string(),
    items: z.number().int(),
    selected_items: z.number().int(),
    share: z.number().nullable(),
    inspected: z.number().int(),
    frauds: z.number().int(),
    precision: z.number().nullable(),
    recall: z.number().nullable(),
    duties_recovered: z.number(),
    active_precision: z.number().nullable(),
    active_recall: z.number().nullable(),
  })
  .meta({ id: 'RiskBacktestRow' });

export function backtestRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/risk/backtests',
    {
      config: { permission: 'jobs:read' },
      schema: {
        summary: 'Back-tests that ran, newest first, with their headline figures beside the active profiles’',
        tags: ['risk'],
        querystring: z.object({ ...filters, ...pagingQuery }),
        response: { 200: z.object({ items: z.array(backtestRowSchema) }), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...rest } = request.query;
      return { items: await listBacktests(database.db, rest, { limit, offset }) };
    },
  );
  exportRoute(typed, database, '/api/risk/backtests/export', {
    permission: 'jobs:read',
    tag: 'risk',
    summary: 'Back-tests as CSV or XLSX (streamed, audited)',
    filters,
    list: 'risk.backtests',
    content: (rest) => ({
      columns: fieldColumns<BacktestRow>(Object.keys(backtestRowSchema.shape) as (keyof BacktestRow)[]),
      rows: pagesOf((offset, limit) => listBacktests(database.db, rest, { limit, offset }), 200),
    }),
  });
}
