import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { officeScope } from '../../../platform/auth/scope.ts';
import { fieldColumns, pagesOf } from '../../../platform/export/export.ts';
import { NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import {
  errorResponses,
  exportRoute,
  getOneRoute,
  scopedFilters,
} from '../../../platform/server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { CHANNELS, OUTCOME_RESULTS } from '../../declarations/index.ts';
import { inlineDeclarationSchema, linesOfInline } from '../../valuation/index.ts';
import { overrideDecision, recordOutcome } from '../decisions/actions.ts';
import { DECISION_SORTS, DECISION_STATUSES, getDecision, listDecisions } from '../decisions/queue.ts';
import { listSelectionRuns, runSelection } from '../decisions/selection.ts';
import { FRAUD_TYPES } from '../decisions/types.ts';
import { scoreAnswer, scoreDeclaration } from '../service.ts';
import {
  decisionSchema,
  decisionSummarySchema,
  scoreSchema,
  selectionRunSchema,
  selectionSchema,
} from './decision-schemas.ts';
import { idParams } from './shared.ts';

/** The selection queue's filters, shared by the list and its export. */
const decisionFilters = {
  office: z.string().max(32).optional(),
  day: isoDate.optional(),
};

export function selectionRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.post(
    '/api/risk/score',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Score one declaration (stored: by reference; or given inline) with the active profiles',
        description:
          'Nothing is stored. The channel is indicative (forced by a rule, else the score thresholds).',
        tags: ['risk'],
        body: z.union([
          z.object({ reference: z.string().min(1).max(64) }),
          z.object({ declaration: inlineDeclarationSchema }),
        ]),
        response: { 200: scoreSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const body = request.body;
      if ('reference' in body) {
        const scope = officeScope(request);
        const scored = await scoreDeclaration(database, { reference: body.reference });
        if (scope.office !== null && scored.office !== scope.office)
          throw new NotFoundError('declaration.not_found', `no declaration ${body.reference}`);
        return scoreAnswer(scored);
      }
      return scoreAnswer(await scoreDeclaration(database, { lines: linesOfInline(body.declaration) }));
    },
  );

  typed.post(
    '/api/risk/selections',
    {
      config: { permission: 'risk:select' },
      schema: {
        summary:
          'Run the selection of an office for a day: scores, selects within capacity, stores and audits decisions',
        tags: ['risk'],
        body: z.object({
          office: z.string().min(1).max(32),
          day: isoDate,
          seed: z.string().min(1).max(200).optional(),
          random_share: z.number().min(0).max(0.5).optional(),
          capacity_items: z.number().int().min(0).max(10_000_000).nullish(),
          capacity_hours: z.number().min(0).max(1_000_000).nullish(),
        }),
        response: { 200: selectionSchema, ...errorResponses(400, 409) },
      },
    },
    async (request) => runSelection(database, actorFrom(request), request.body),
  );

  typed.get(
    '/api/risk/selections',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Selection runs (officers: their office)',
        tags: ['risk'],
        querystring: z.object({
          ...decisionFilters,
          ...pagingQuery,
        }),
        response: { 200: pageOf(selectionRunSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listSelectionRuns(db, filters, officeScope(request), { limit, offset });
      return { ...page, limit, offset };
    },
  );

  typed.get(
    '/api/risk/decisions',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          'Current decisions (officers: their office), red first then by expected value: the selection queue, with filters, sorts, importer, items controlled and the main reason',
        tags: ['risk'],
        querystring: z.object({
          office: z.string().max(32).optional(),
          day: isoDate.optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          channel: z.enum(CHANNELS).optional(),
          selected: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('true: only the declarations sent to control (red and yellow channels)'),
          reference: z.string().max(64).optional(),
          run_id: z.coerce.number().int().positive().optional(),
          campaign_id: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .describe('declarations queued in the campaign or matching it'),
          min_score: z.coerce.number().finite().optional(),
          status: z
            .enum(DECISION_STATUSES)
            .optional()
            .describe('controlled: an outcome is recorded for at least one item; pending: none yet'),
          sort: z.enum(DECISION_SORTS).optional().describe('default: red first, then by expected value'),
          order: z.enum(['asc', 'desc']).default('desc'),
          ...pagingQuery,
        }),
        response: {
          200: pageOf(
            decisionSummarySchema.extend({
              importer_code: z.string().nullable(),
              importer_name: z.string().nullable(),
              items: z.number().int(),
              controlled_items: z.number().int().describe('items with an outcome recorded'),
              status: z.enum(DECISION_STATUSES),
              duties_at_stake: z
                .number()
                .nullable()
                .describe('duties at stake of the flagged valuation findings, if any'),
              random: z
                .boolean()
                .describe('drawn at random (exploration) rather than selected for its risk: basis random'),
              top_reason: z
                .object({
                  source: z.string().describe('rule, valuation, model, or random for a random pick'),
                  id: z.string(),
                  points: z.number(),
                  title: z
                    .object({ en: z.string(), fr: z.string(), ar: z.string() })
                    .nullable()
                    .describe('Arabic reads French where the rule has no Arabic title'),
                })
                .nullable()
                .describe(
                  'the main reason: the largest term of the score, or "random selection (exploration)" for a random pick',
                ),
            }),
          ).extend({
            summary: z.object({
              selected: z.number().int().describe('red and yellow decisions among the filtered ones'),
              controlled: z.number().int().describe('of the selected: with an outcome on at least one item'),
              pending: z.number().int().describe('of the selected: no outcome yet'),
            }),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listDecisions(db, filters, officeScope(request), { limit, offset });
      return { ...page, limit, offset };
    },
  );

  type DecisionRow = Awaited<ReturnType<typeof listDecisions>>['items'][number];
  const decisionColumns = [
    ...fieldColumns<DecisionRow>(['reference', 'office', 'lodged_on', 'channel', 'initial_channel', 'basis']),
    ...fieldColumns<DecisionRow>(['score', 'probability', 'expected_value', 'rank', 'random', 'status']),
    ...fieldColumns<DecisionRow>([
      'importer_code',
      'importer_name',
      'items',
      'controlled_items',
      'duties_at_stake',
    ]),
    { header: 'top_reason', value: (r: DecisionRow) => r.top_reason?.title?.fr ?? r.top_reason?.id ?? null },
    { header: 'decided_at', value: (r: DecisionRow) => r.decided_at },
  ];
  exportRoute(typed, database, '/api/risk/decisions/export', {
    permission: 'risk:read',
    tag: 'risk',
    summary:
      'The selection queue as CSV or XLSX, with the list’s filters and office scope (streamed, audited)',
    filters: decisionFilters,
    list: 'risk.decisions',
    content: (filters, request) => {
      const scope = officeScope(request);
      return {
        columns: decisionColumns,
        rows: pagesOf(
          async (offset, limit) => (await listDecisions(db, filters, scope, { limit, offset })).items,
        ),
        audited: scopedFilters(request, filters),
      };
    },
  });

  getOneRoute(
    typed,
    '/api/risk/decisions/:id',
    {
      permission: 'risk:read',
      tag: 'risk',
      summary:
        'A decision: channel, reason, explanation (English, French and Arabic), items, rule hits, outcomes, overrides',
      params: idParams,
      response: decisionSchema,
    },
    async ({ id }, request) => {
      const decision = await getDecision(db, id, officeScope(request));
      if (!decision) throw new NotFoundError('risk.decision_not_found', `no decision #${id}`);
      return decision;
    },
  );

  typed.post(
    '/api/risk/decisions/:id/override',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          'Change a decision’s channel, with a mandatory reason (audited, reported in the integrity view)',
        tags: ['risk'],
        params: idParams,
        body: z.object({ channel: z.enum(CHANNELS), reason: z.string().max(2000) }),
        response: {
          200: z.object({
            id: z.number().int(),
            reference: z.string(),
            from_channel: z.enum(CHANNELS),
            to_channel: z.enum(CHANNELS),
            reason: z.string(),
          }),
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request) =>
      overrideDecision(database, actorFrom(request), request.params.id, request.body, officeScope(request)),
  );

  typed.post(
    '/api/risk/outcomes',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          'Record the outcome of an item’s control (into inspection_outcomes, source officer; audited); one per item unless corrected with a reason',
        tags: ['risk'],
        body: z.object({
          item_id: z.number().int().positive(),
          result: z.enum(OUTCOME_RESULTS),
          fraud_type: z.enum(FRAUD_TYPES).nullish(),
          recovered_amount: z.number().min(0).nullish(),
          inspected_on: isoDate.nullish(),
          note: z.string().max(4000).nullish(),
          correction: z
            .object({ reason: z.string().trim().min(5).max(2000) })
            .nullish()
            .describe(
              'correct the outcome in force on an item already controlled, with why (5 characters at least); the first outcome is kept',
            ),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            item_id: z.number().int(),
            reference: z.string(),
            result: z.enum(OUTCOME_RESULTS),
            corrects: z.number().int().nullable().describe('the outcome this one corrects, if a correction'),
            recorded_at: z.string(),
            warning: z.string().optional(),
          }),
          ...errorResponses(400, 404),
          409: errorSchema.describe(
            'outcome.already_recorded: the item has an outcome (details.existing), send a correction; outcome.nothing_to_correct',
          ),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordOutcome(database, actorFrom(request), request.body, officeScope(request))),
  );
}
