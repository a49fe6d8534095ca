/** The reference-value database over HTTP: references, builds, settings, checks and findings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import { actorFrom } from '../../platform/auth/actor.ts';
import { officeScope } from '../../platform/auth/scope.ts';
import { fieldColumns, pagesOf } from '../../platform/export/export.ts';
import { jobSchema } from '../../platform/jobs/routes.ts';
import { forget } from '../../platform/lib/cache.ts';
import { iso } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import {
  errorResponses,
  exportRoute,
  positiveIdParams,
  scopedFilters,
} from '../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../platform/server/schemas.ts';
import { decideFinding, listFindings } from './findings.ts';
import { inlineDeclarationSchema, linesOfInline } from './inline.ts';
import { rebuildParams } from './job.ts';
import { LEVELS, lastBuild, listReferences } from './references.ts';
import { checkLines } from './service.ts';
import { getValuationSettings, setValuationSettings, valuationSettingsSchema } from './settings.ts';

const referenceSchema = z
  .object({
    level: z.enum(LEVELS),
    hs: z.string(),
    origin: z.string(),
    unit: z.enum(['kg', 'item']),
    currency: z.string(),
    window_from: z.string(),
    window_to: z.string(),
    n: z.number().int(),
    median: z.number(),
    q1: z.number(),
    q3: z.number(),
    p10: z.number(),
    p90: z.number(),
    mad: z.number(),
    log_median: z.number(),
    log_mad: z.number(),
    excluded_outliers: z.number().int(),
    built_at: z.string(),
  })
  .meta({ id: 'ReferenceValue' });

export const findingSchema = z
  .object({
    level: z.enum(LEVELS),
    hs: z.string(),
    origin: z.string(),
    unit: z.enum(['kg', 'item']),
    currency: z.string(),
    sample_n: z.number().int(),
    window_from: z.string(),
    window_to: z.string(),
    reference_median: z.number(),
    reference_q1: z.number(),
    reference_p10: z.number(),
    unit_value: z.number(),
    divisor: z.number(),
    ratio: z.number(),
    robust_z: z.number(),
    undervaluation_amount: z.number(),
    duty_rate: z.number().nullable(),
    duties_at_stake: z.number(),
    flagged: z.boolean(),
  })
  .meta({ id: 'ValuationFinding' });

const storedFindingSchema = z
  .object({
    id: z.number().int(),
    item_id: z.number().int(),
    declaration_id: z.number().int(),
    reference: z.string(),
    office: z.string(),
    lodged_on: z.string(),
    line_no: z.number().int(),
    hs_code: z.string(),
    level: z.string(),
    hs: z.string(),
    origin: z.string(),
    unit: z.string(),
    currency: z.string(),
    sample_n: z.number().int(),
    window_from: z.string(),
    window_to: z.string(),
    reference_median: z.number(),
    reference_p10: z.number(),
    reference_q1: z.number(),
    unit_value: z.number(),
    ratio: z.number(),
    robust_z: z.number().nullable(),
    undervaluation_amount: z.number(),
    duty_rate: z.number().nullable(),
    duties_at_stake: z.number(),
    status: z.enum(['open', 'confirmed', 'dismissed']),
    justification: z.string().nullable(),
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'StoredValuationFinding' });

const buildSchema = z.object({
  id: z.number().int(),
  scope: z.string(),
  hs4: z.array(z.string()).nullable(),
  window_from: z.string().nullable(),
  window_to: z.string().nullable(),
  min_sample: z.number().int(),
  groups: z.number().int(),
  rows_used: z.number().int(),
  rows_excluded_fraud: z.number().int(),
  rows_excluded_outliers: z.number().int(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  built_by: z.string().nullable(),
});

const findingFilters = {
  status: z.enum(['open', 'confirmed', 'dismissed']).optional(),
  reference: z.string().max(64).optional(),
  office: z.string().max(32).optional(),
};

/** The exported columns: the list's fields but the internal ids. */
const FINDING_COLUMNS = Object.keys(storedFindingSchema.shape).filter(
  (k) => !['id', 'item_id', 'declaration_id'].includes(k),
);

export async function valuationRoutes(app: FastifyInstance, { database, jobs }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/valuation/references',
    {
      config: { permission: 'valuation:read' },
      schema: {
        summary: 'Reference unit values (per HS6 × origin, HS6, HS4; per kg or per item)',
        tags: ['valuation'],
        querystring: z.object({
          hs: z
            .string()
            .regex(/^\d{1,6}$/, 'expected 1 to 6 digits')
            .optional()
            .describe('HS prefix'),
          origin: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .optional(),
          level: z.enum(LEVELS).optional(),
          unit: z.enum(['kg', 'item']).optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(referenceSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listReferences(database.db, filters, { limit, offset });
      return { ...page, limit, offset, items: page.items.map((r) => ({ ...r, built_at: iso(r.built_at) })) };
    },
  );

  typed.get(
    '/api/valuation/status',
    {
      config: { permission: 'valuation:read' },
      schema: {
        summary: 'The last build of the references and the settings in force',
        tags: ['valuation'],
        response: {
          200: z.object({ last_build: buildSchema.nullable(), settings: valuationSettingsSchema }),
        },
      },
    },
    async () => {
      const [build, settings] = await Promise.all([
        lastBuild(database.db),
        getValuationSettings(database.db),
      ]);
      return {
        last_build: build
          ? {
              ...build,
              id: Number(build.id),
              started_at: iso(build.started_at),
              finished_at: build.finished_at ? iso(build.finished_at) : null,
            }
          : null,
        settings,
      };
    },
  );

  typed.put(
    '/api/valuation/settings',
    {
      config: { permission: 'valuation:manage' },
      schema: {
        summary: 'Change the window, minimum sample, outlier and flag thresholds (audited)',
        tags: ['valuation'],
        body: valuationSettingsSchema.partial(),
        response: { 200: valuationSettingsSchema, 400: errorSchema },
      },
    },
    async (request) =>
      database.transaction(async (session) => {
        const { before, after } = await setValuationSettings(
          session.db,
          request.body,
          request.user!.username,
        );
        await appendAudit(session, actorFrom(request), {
          action: 'valuation.settings_changed',
          target_type: 'valuation_settings',
          target_id: 'valuation',
          before,
          after,
        });
        forget('valuation-settings');
        return after;
      }),
  );

  typed.post(
    '/api/valuation/rebuild',
    {
      config: { permission: 'valuation:manage' },
      schema: {
        summary: 'Rebuild reference values in the background (full, incremental, or some HS4 headings)',
        tags: ['valuation'],
        body: rebuildParams,
        response: { 202: z.object({ job: jobSchema }), 400: errorSchema },
      },
    },
    async (request, reply) => {
      const job = await jobs.enqueue('valuation.rebuild', request.body, actorFrom(request));
      return reply.code(202).send({ job });
    },
  );

  typed.post(
    '/api/valuation/check',
    {
      config: { permission: 'valuation:read' },
      schema: {
        summary: 'Check declarations (not stored) against the references; nothing is written',
        tags: ['valuation'],
        body: z.object({ declarations: z.array(inlineDeclarationSchema).min(1).max(1000) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                reference: z.string(),
                line_no: z.number().int(),
                hs_code: z.string(),
                origin_country: z.string().nullable(),
                customs_value: z.number(),
                currency: z.string().nullable(),
                finding: findingSchema.nullable(),
              }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({
      items: await checkLines(database.db, request.body.declarations.flatMap(linesOfInline)),
    }),
  );

  type Finding = Awaited<ReturnType<typeof listFindings>>['items'][number];
  exportRoute(typed, database, '/api/valuation/findings/export', {
    permission: 'valuation:read',
    tag: 'valuation',
    summary: 'Valuation findings as CSV or XLSX (officers: their office only), streamed and audited',
    filters: findingFilters,
    list: 'valuation.findings',
    content: (filters, request) => {
      const scope = officeScope(request);
      const office = scope.office ?? filters.office;
      const outside =
        scope.office !== null && filters.office !== undefined && filters.office !== scope.office;
      return {
        columns: fieldColumns<Finding>(FINDING_COLUMNS as (keyof Finding & string)[]),
        rows: pagesOf(async (offset, limit) =>
          outside ? [] : (await listFindings(database.db, { ...filters, office }, { limit, offset })).items,
        ),
        audited: scopedFilters(request, filters),
      };
    },
  });

  typed.get(
    '/api/valuation/findings',
    {
      config: { permission: 'valuation:read' },
      schema: {
        summary: 'Stored valuation findings (officers: their office only), largest duties at stake first',
        tags: ['valuation'],
        querystring: z.object({ ...findingFilters, ...pagingQuery }),
        response: { 200: pageOf(storedFindingSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const scope = officeScope(request);
      if (scope.office !== null && filters.office && filters.office !== scope.office)
        return { total: 0, limit, offset, items: [] };
      const page = await listFindings(
        database.db,
        { ...filters, office: scope.office ?? filters.office },
        { limit, offset },
      );
      return {
        total: page.total,
        limit,
        offset,
        items: page.items.map((f) => ({
          ...f,
          id: Number(f.id),
          item_id: Number(f.item_id),
          declaration_id: Number(f.declaration_id),
        })),
      };
    },
  );

  typed.post(
    '/api/valuation/findings/:id/decision',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          "The officer's decision on a finding (confirmed or dismissed) with a justification (audited)",
        tags: ['valuation'],
        params: positiveIdParams,
        body: z.object({
          status: z.enum(['confirmed', 'dismissed']),
          justification: z.string().min(1).max(4000),
        }),
        response: {
          200: z.object({ id: z.number().int(), status: z.string(), reference: z.string() }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) =>
      decideFinding(database, actorFrom(request), request.params.id, request.body, officeScope(request)),
  );
}
