import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { jobSchema } from '../../../platform/jobs/routes.ts';
import { AppError, NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute, pagedList } from '../../../platform/server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import { FourEyesRequiredError } from '../approvals.ts';
import { listIndicators } from '../indicators/index.ts';
import { backtestParams } from '../jobs.ts';
import {
  activateProfile,
  createProfileVersion,
  getProfile,
  knownNames,
  listProfiles,
  retireProfile,
} from '../profiles.ts';
import { parseProfileText, validateDocument } from '../rules/validate.ts';
import { channel, idParams, localText, name, reasonBody, texts } from './shared.ts';

export const problemSchema = z.object({
  path: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
});

/** A rule as every role with risk:read sees it; `intelligence` only for risk:intelligence. */
const ruleSchema = z
  .object({
    id: z.string(),
    title: localText,
    rationale: localText,
    instructions: localText.optional(),
    intelligence: z.string().optional(),
    enabled: z.boolean(),
    critical: z.boolean(),
    probability: z.number().optional(),
    when: z.unknown(),
    effect: z.object({
      points: z.number(),
      channel: z.union([channel, z.record(z.string(), z.number())]).optional(),
      tags: z.array(z.string()),
      campaign: z.string().optional(),
    }),
  })
  .meta({ id: 'RiskRule' });

export const profileDocumentOut = z.object({
  description: z.string().optional(),
  scoring: z.record(z.string(), z.unknown()),
  rules: z.array(ruleSchema),
});

const profileBase = {
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'active', 'retired']),
  author: z.string(),
  reason: z.string(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  created_at: z.string(),
  activated_at: z.string().nullable(),
  activated_by: z.string().nullable(),
  retired_at: z.string().nullable(),
  retired_by: z.string().nullable(),
  rules: z.number().int(),
};

export const profileSummarySchema = z.object(profileBase).meta({ id: 'RiskProfileSummary' });
export const profileSchema = z
  .object({ ...profileBase, document: profileDocumentOut, source_text: z.string().nullable() })
  .meta({ id: 'RiskProfile' });

/** A profile version's state after activation or retirement. */
const profileStatus = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  status: z.string(),
});

export const indicatorSchema = z.object({
  name: z.string(),
  type: z.string(),
  description: texts,
});

export function indicatorRoutes(app: FastifyInstance, _context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/risk/indicators',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Indicators rules may test (built in and added by other modules)',
        tags: ['risk'],
        response: { 200: z.object({ items: z.array(indicatorSchema) }) },
      },
    },
    async () => ({
      items: listIndicators().map((i) => ({ name: i.name, type: i.type, description: i.description })),
    }),
  );
}

export function profileRoutes(app: FastifyInstance, { database, jobs, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  typed.get(
    '/api/risk/profiles',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Rule profile versions, by name and newest version first',
        tags: ['risk'],
        querystring: z.object({
          name: z.string().max(64).optional(),
          status: z.enum(['draft', 'active', 'retired']).optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(profileSummarySchema), 400: errorSchema },
      },
    },
    pagedList(db, listProfiles),
  );

  const documentInput = {
    text: z.string().max(2_000_000).optional().describe('the document as YAML or JSON text'),
    document: z.unknown().optional().describe('the document as a JSON object'),
  };

  typed.post(
    '/api/risk/profiles/validate',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Check a rule document without saving it: every problem with its path (and line, for text)',
        tags: ['risk'],
        body: z.object(documentInput),
        response: { 200: z.object({ ok: z.boolean(), problems: z.array(problemSchema) }), 400: errorSchema },
      },
    },
    async (request) => {
      const known = await knownNames(db);
      const { text, document } = request.body;
      if (text === undefined && document === undefined)
        throw new AppError('request.invalid', 'give the document as text or document', 400);
      const result = text !== undefined ? parseProfileText(text, known) : validateDocument(document, known);
      return { ok: result.ok, problems: result.problems };
    },
  );

  typed.post(
    '/api/risk/profiles',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Save a new version of a rule profile, as a draft (validated; audited)',
        tags: ['risk'],
        body: z.object({
          name,
          ...documentInput,
          reason: z.string().min(1).max(2000),
          valid_from: isoDate.nullish(),
          valid_to: isoDate.nullish(),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            name: z.string(),
            version: z.number().int(),
            status: z.string(),
          }),
          ...errorResponses(400, 422),
        },
      },
    },
    async (request, reply) => {
      const { text, document } = request.body;
      if (text === undefined && document === undefined)
        throw new AppError('request.invalid', 'give the document as text or document', 400);
      const created = await createProfileVersion(database, actorFrom(request), request.body);
      return reply.code(201).send(created);
    },
  );

  getOneRoute(
    typed,
    '/api/risk/profiles/:id',
    {
      permission: 'risk:read',
      tag: 'risk',
      summary: 'One profile version with its rules (intelligence for analysts only)',
      params: idParams,
      response: profileSchema,
    },
    async ({ id }, request) => {
      const profile = await getProfile(db, id, {
        intelligence: request.user!.permissions.has('risk:intelligence'),
      });
      if (!profile) throw new NotFoundError('risk.profile_not_found', `no rule profile #${id}`);
      return profile;
    },
  );

  typed.post(
    '/api/risk/profiles/:id/activate',
    {
      config: { permission: 'risk:activate' },
      schema: {
        summary: 'Activate a draft (retires the active version of the same name; audited)',
        description:
          'Only with four-eyes off (configuration fourEyes): otherwise 409 risk.four_eyes_required, and the activation goes through POST /api/risk/approvals.',
        tags: ['risk'],
        params: idParams,
        body: reasonBody,
        response: {
          200: profileStatus.extend({ retired: z.array(z.number().int()) }),
          ...errorResponses(400, 404, 409, 422),
        },
      },
    },
    async (request) => {
      if (config.fourEyes) throw new FourEyesRequiredError(`rule profile #${request.params.id}`);
      return activateProfile(database, actorFrom(request), request.params.id, request.body.reason);
    },
  );

  typed.post(
    '/api/risk/profiles/:id/retire',
    {
      config: { permission: 'risk:activate' },
      schema: {
        summary: 'Retire a profile version (audited)',
        tags: ['risk'],
        params: idParams,
        body: reasonBody,
        response: {
          200: profileStatus,
          ...errorResponses(400, 404, 409),
        },
      },
    },
    async (request) => retireProfile(database, actorFrom(request), request.params.id, request.body.reason),
  );

  typed.post(
    '/api/risk/backtests',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Back-test a profile version on history, compared with the active profiles (background job)',
        description:
          'The result (hits, inspected hits, precision, duties recovered, load per office per day) is the job result at /api/jobs/{id}.',
        tags: ['risk'],
        body: backtestParams,
        response: { 202: z.object({ job: jobSchema }), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const profile = await getProfile(db, request.body.profile_id, { intelligence: false });
      if (!profile)
        throw new NotFoundError('risk.profile_not_found', `no rule profile #${request.body.profile_id}`);
      const job = await jobs.enqueue('risk.backtest', request.body, actorFrom(request));
      return reply.code(202).send({ job });
    },
  );
}
