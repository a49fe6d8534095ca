/**
 * Four-eyes activation requests (/api/risk/approvals, docs/decisions/0039-four-eyes.md) and the readable diff
 * between two profile versions (/api/risk/profiles/:id/diff).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, fourEyesDecisionRoutes, getOneRoute } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import {
  decideActivationRequest,
  getActivationRequest,
  listActivationRequests,
  profileDiff,
  requestActivation,
} from '../approvals.ts';
import { idParams, localText } from './shared.ts';

const change = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
const ruleRef = z.object({ id: z.string(), title: localText });
const versionRef = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  status: z.string(),
});

export const profileDiffSchema = z
  .object({
    from: versionRef.nullable(),
    to: versionRef,
    diff: z.object({
      description: change.nullable(),
      scoring: z.array(change),
      rules: z.object({
        added: z.array(ruleRef),
        removed: z.array(ruleRef),
        changed: z.array(ruleRef.extend({ fields: z.array(change) })),
        unchanged: z.number().int(),
      }),
    }),
  })
  .meta({ id: 'RiskProfileDiff' });

const figures = z.object({
  items: z.number(),
  selected_items: z.number(),
  share: z.number().nullable(),
  inspected: z.number(),
  frauds: z.number(),
  hit_rate: z.number().nullable(),
  recall: z.number().nullable(),
  duties_recovered: z.number(),
  duties_at_stake: z.number(),
});

const requestBase = {
  id: z.number().int(),
  profile_id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  author: z.string(),
  active_profile_id: z.number().int().nullable(),
  status: z.enum(['pending', 'approved', 'rejected', 'stale']),
  stale: z
    .boolean()
    .describe('pending, but another version was activated or retired since: approval will fail'),
  reason: z.string(),
  requested_by: z.string(),
  requested_at: z.string(),
  decided_by: z.string().nullable(),
  decision_reason: z.string().nullable(),
  decided_at: z.string().nullable(),
  backtest: z.object({
    job_id: z.string(),
    finished_at: z.string(),
    from: z.string(),
    to: z.string(),
    days: z.number(),
    candidate: figures,
    active: z.object({ profiles: z.array(z.string()), figures }).nullable(),
  }),
};
const requestSummary = z.object(requestBase).meta({ id: 'RiskActivationRequest' });
const requestDetail = requestSummary
  .extend({ from: profileDiffSchema.shape.from, to: versionRef, diff: profileDiffSchema.shape.diff })
  .meta({ id: 'RiskActivationRequestDetail' });

export const fourEyesSettings = {
  four_eyes: z.boolean().describe('activation needs a second person (configuration fourEyes)'),
  backtest_max_age_days: z.number().int(),
};

export function approvalRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const intelligence = (request: { user: { permissions: Set<string> } | null }) =>
    request.user!.permissions.has('risk:intelligence');

  typed.get(
    '/api/risk/profiles/:id/diff',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          'What changed between two versions: rules added, removed and changed field by field, scoring',
        description:
          'Computed on the parsed documents. `from` defaults to the version active now (else the version before).',
        tags: ['risk'],
        params: idParams,
        querystring: z.object({ from: z.coerce.number().int().positive().optional() }),
        response: { 200: profileDiffSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      profileDiff(db, request.params.id, request.query.from, { intelligence: intelligence(request) }),
  );

  typed.get(
    '/api/risk/approvals',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Activation requests of rule profiles (four-eyes), newest first',
        tags: ['risk'],
        querystring: z.object({
          status: z.enum(['pending', 'approved', 'rejected', 'stale']).optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(requestSummary).extend(fourEyesSettings), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, status } = request.query;
      return {
        ...(await listActivationRequests(db, { status }, { limit, offset })),
        limit,
        offset,
        four_eyes: config.fourEyes,
        backtest_max_age_days: config.fourEyesBacktestDays,
      };
    },
  );

  typed.post(
    '/api/risk/approvals',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Ask for the activation of a draft, resting on a recent back-test of that version (audited)',
        description:
          'Without backtest_job, the newest back-test of the version is used; it must have finished within fourEyesBacktestDays.',
        tags: ['risk'],
        body: z.object({
          profile_id: z.number().int().positive(),
          reason: z.string().min(1).max(2000),
          backtest_job: z.string().uuid().optional(),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            status: z.literal('pending'),
            profile_id: z.number().int(),
            name: z.string(),
          }),
          ...errorResponses(400, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const created = await requestActivation(database, actorFrom(request), request.body, {
        backtestDays: config.fourEyesBacktestDays,
      });
      return reply.code(201).send(created);
    },
  );

  getOneRoute(
    typed,
    '/api/risk/approvals/:id',
    {
      permission: 'risk:read',
      tag: 'risk',
      summary:
        'One activation request with its diff against the version it replaces and its back-test figures',
      params: idParams,
      response: requestDetail,
    },
    async ({ id }, request) => getActivationRequest(db, id, { intelligence: intelligence(request) }),
  );

  fourEyesDecisionRoutes(
    typed,
    '/api/risk/approvals',
    {
      permission: 'risk:activate',
      tag: 'risk',
      summaries: {
        approve:
          'Approve a request: the version is activated in the same transaction (not by the requester or the author; audited)',
        reject: 'Reject a request with a reason (not by the requester; audited)',
      },
      response: z.object({
        id: z.number().int(),
        status: z.enum(['approved', 'rejected']),
        activated: z
          .object({
            id: z.number().int(),
            name: z.string(),
            version: z.number().int(),
            status: z.string(),
            retired: z.array(z.number().int()),
          })
          .nullable(),
      }),
      errors: [400, 403, 404, 409, 422],
    },
    (id, decision, reason, request) =>
      decideActivationRequest(database, actorFrom(request), id, decision, reason, {
        backtestDays: config.fourEyesBacktestDays,
      }),
  );
}
