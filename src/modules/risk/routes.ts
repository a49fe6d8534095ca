import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import { officeScope } from '../../platform/auth/scope.ts';
import { jobSchema } from '../../platform/jobs/routes.ts';
import { forget } from '../../platform/lib/cache.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { isoDate, pageOf, pagingQuery } from '../../platform/server/schemas.ts';
import { sendStoredFile } from '../../platform/uploads/uploads.ts';
import { CHANNELS, OUTCOME_RESULTS } from '../declarations/index.ts';
import { inlineDeclarationSchema, linesOfInline } from '../valuation/index.ts';
import {
  attachmentSchema,
  campaignSchema,
  decisionSchema,
  decisionSummarySchema,
  indicatorSchema,
  officeParamsSchema,
  problemSchema,
  profileSchema,
  profileSummarySchema,
  scoreSchema,
  selectionRunSchema,
  selectionSchema,
  watchlistSchema,
} from './api-schemas.ts';
import {
  ATTACHMENT_KINDS,
  addAttachment,
  attachmentLimits,
  getAttachment,
  listAttachments,
} from './attachments.ts';
import {
  campaignMatches,
  closeCampaign,
  createCampaign,
  listCampaigns,
  queueCampaign,
  updateCampaignItem,
} from './campaigns.ts';
import {
  channelStatistics,
  DECISION_SORTS,
  DECISION_STATUSES,
  FRAUD_TYPES,
  getDecision,
  integrityView,
  listDecisions,
  listSelectionRuns,
  overrideDecision,
  recordOutcome,
  ruleStatistics,
  runSelection,
} from './decisions.ts';
import { listIndicators } from './indicators/index.ts';
import { backtestParams } from './jobs.ts';
import { listOfficeParams, officeParamsPatch, setOfficeParams } from './offices.ts';
import {
  activateProfile,
  createProfileVersion,
  getProfile,
  knownNames,
  listProfiles,
  retireProfile,
} from './profiles.ts';
import { parseProfileText, validateDocument } from './rules/validate.ts';
import { scoreAnswer, scoreDeclaration } from './service.ts';
import { getRiskSettings, listFxRates, riskSettingsSchema, setFxRate, setRiskSettings } from './settings.ts';
import {
  addEntries,
  addEntriesFromSearch,
  createWatchlist,
  getWatchlist,
  listWatchlists,
  removeEntry,
  WATCHLIST_TYPES,
} from './watchlists.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a name (a-z, 0-9, - and _)');
const reasonBody = z.object({ reason: z.string().min(1).max(2000) });

export async function riskRoutes(app: FastifyInstance, { database, jobs }: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  // ── indicators ──
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

  // ── profiles ──
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
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { ...(await listProfiles(db, filters, { limit, offset })), limit, offset };
    },
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
          400: errorSchema,
          422: errorSchema,
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

  typed.get(
    '/api/risk/profiles/:id',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'One profile version with its rules (intelligence for analysts only)',
        tags: ['risk'],
        params: idParams,
        response: { 200: profileSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const profile = await getProfile(db, request.params.id, {
        intelligence: request.user!.permissions.has('risk:intelligence'),
      });
      if (!profile)
        throw new NotFoundError('risk.profile_not_found', `no rule profile #${request.params.id}`);
      return profile;
    },
  );

  typed.post(
    '/api/risk/profiles/:id/activate',
    {
      config: { permission: 'risk:activate' },
      schema: {
        summary: 'Activate a draft (retires the active version of the same name; audited)',
        tags: ['risk'],
        params: idParams,
        body: reasonBody,
        response: {
          200: z.object({
            id: z.number().int(),
            name: z.string(),
            version: z.number().int(),
            status: z.string(),
            retired: z.array(z.number().int()),
          }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (request) => activateProfile(database, actorFrom(request), request.params.id, request.body.reason),
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
          200: z.object({
            id: z.number().int(),
            name: z.string(),
            version: z.number().int(),
            status: z.string(),
          }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
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
        response: { 202: z.object({ job: jobSchema }), 400: errorSchema, 404: errorSchema },
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

  // ── watchlists ──
  typed.get(
    '/api/risk/watchlists',
    {
      config: { permission: 'risk:intelligence' },
      schema: {
        summary: 'Watchlists (named target lists)',
        tags: ['risk'],
        querystring: z.object({
          type: z.enum(WATCHLIST_TYPES).optional(),
          q: z.string().max(64).optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(watchlistSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { ...(await listWatchlists(db, filters, { limit, offset })), limit, offset };
    },
  );

  typed.post(
    '/api/risk/watchlists',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Create a watchlist (audited)',
        tags: ['risk'],
        body: z.object({
          name,
          type: z.enum(WATCHLIST_TYPES),
          description: z.string().max(2000).nullish(),
          owner: z.string().min(1).max(100).optional(),
          expires_on: isoDate.nullish(),
        }),
        response: { 201: watchlistSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWatchlist(database, actorFrom(request), request.body)),
  );

  typed.get(
    '/api/risk/watchlists/:id',
    {
      config: { permission: 'risk:intelligence' },
      schema: {
        summary: 'A watchlist with a page of its entries',
        tags: ['risk'],
        params: idParams,
        querystring: z.object({ ...pagingQuery }),
        response: {
          200: watchlistSchema.extend({
            page: pageOf(
              z.object({
                value: z.string(),
                note: z.string().nullable(),
                expires_on: z.string().nullable(),
                added_by: z.string().nullable(),
                added_at: z.string(),
              }),
            ),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const list = await getWatchlist(db, request.params.id, request.query);
      if (!list) throw new NotFoundError('risk.watchlist_not_found', `no watchlist #${request.params.id}`);
      return list;
    },
  );

  typed.post(
    '/api/risk/watchlists/:id/entries',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary:
          'Add entries: a list of values, or every value a declaration search finds, in one action (audited)',
        tags: ['risk'],
        params: idParams,
        body: z.object({
          values: z.array(z.string().min(1).max(128)).min(1).max(100_000).optional(),
          search: z
            .object({
              office: z.string().max(32).optional(),
              importer: z.string().max(64).optional(),
              declarant: z.string().max(64).optional(),
              seller: z.string().max(64).optional(),
              hs: z
                .string()
                .regex(/^\d{2,10}$/)
                .optional(),
              origin: z
                .string()
                .regex(/^[A-Z]{2}$/)
                .optional(),
              from: isoDate.optional(),
              to: isoDate.optional(),
              result: z.enum(['fraud', 'critical', 'inspected']).optional(),
            })
            .optional(),
          note: z.string().max(2000).nullish(),
          expires_on: isoDate.nullish(),
        }),
        response: {
          200: z.object({ added: z.number().int(), submitted: z.number().int().optional() }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const { values, search, note, expires_on } = request.body;
      if (!values === !search) throw new AppError('request.invalid', 'give either values or a search', 400);
      const result = values
        ? await addEntries(database, actorFrom(request), request.params.id, { values, note, expires_on })
        : await addEntriesFromSearch(database, actorFrom(request), request.params.id, search!, note);
      forget('watchlists');
      return result;
    },
  );

  typed.delete(
    '/api/risk/watchlists/:id/entries/:value',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Remove an entry (audited)',
        tags: ['risk'],
        params: z.object({ id: z.coerce.number().int().positive(), value: z.string().min(1).max(128) }),
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await removeEntry(database, actorFrom(request), request.params.id, request.params.value);
      forget('watchlists');
      return reply.code(204).send(null);
    },
  );

  // ── parameters ──
  typed.get(
    '/api/risk/offices',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: "Per-office selection parameters ('*' applies to offices without their own)",
        tags: ['risk'],
        response: {
          200: z.object({
            items: z.array(
              officeParamsSchema.extend({ updated_by: z.string().nullable(), updated_at: z.string() }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await listOfficeParams(db) }),
  );

  typed.put(
    '/api/risk/offices/:office',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Set an office’s capacity, target rates per channel and minimum random rate (audited)',
        tags: ['risk'],
        params: z.object({ office: z.string().min(1).max(32) }),
        body: officeParamsPatch,
        response: { 200: officeParamsSchema, 400: errorSchema },
      },
    },
    async (request) => setOfficeParams(database, actorFrom(request), request.params.office, request.body),
  );

  typed.get(
    '/api/risk/settings',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Thresholds of the partner cross-checks and the exchange-rate table',
        tags: ['risk'],
        response: {
          200: z.object({
            settings: riskSettingsSchema,
            fx_rates: z.array(
              z.object({
                currency: z.string(),
                units_per_usd: z.number(),
                updated_by: z.string().nullable(),
                updated_at: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const [settings, rates] = await Promise.all([getRiskSettings(db), listFxRates(db)]);
      return { settings, fx_rates: rates.map((r) => ({ ...r, updated_at: iso(r.updated_at) })) };
    },
  );

  typed.put(
    '/api/risk/settings',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Change the cross-check thresholds (audited)',
        tags: ['risk'],
        body: riskSettingsSchema.partial(),
        response: { 200: riskSettingsSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const after = await setRiskSettings(database, actorFrom(request), request.body);
      forget('risk-settings');
      return after;
    },
  );

  typed.put(
    '/api/risk/fx-rates/:currency',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Set a rate: units of the currency for one US dollar (audited)',
        tags: ['risk'],
        params: z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code') }),
        body: z.object({ units_per_usd: z.number().positive() }),
        response: { 200: z.object({ currency: z.string(), units_per_usd: z.number() }), 400: errorSchema },
      },
    },
    async (request) => {
      const out = await setFxRate(
        database,
        actorFrom(request),
        request.params.currency,
        request.body.units_per_usd,
      );
      forget('fx-rates');
      return out;
    },
  );

  // ── scoring and selection ──
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
        response: { 200: scoreSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
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
        response: { 200: selectionSchema, 400: errorSchema, 409: errorSchema },
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
          office: z.string().max(32).optional(),
          day: isoDate.optional(),
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
              top_reason: z
                .object({
                  source: z.string().describe('rule, valuation or model'),
                  id: z.string(),
                  points: z.number(),
                  title: z.object({ en: z.string(), fr: z.string() }).nullable(),
                })
                .nullable()
                .describe('the largest term of the score'),
            }),
          ).extend({
            summary: z.object({
              selected: z.number().int().describe('red and yellow decisions among the filtered ones'),
              controlled: z.number().int().describe('of the selected: with an outcome on at least one item'),
              pending: z.number().int().describe('of the selected: no outcome yet'),
            }),
          }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listDecisions(db, filters, officeScope(request), { limit, offset });
      return { ...page, limit, offset };
    },
  );

  typed.get(
    '/api/risk/decisions/:id',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          'A decision: channel, reason, explanation (French and English), items, rule hits, outcomes, overrides',
        tags: ['risk'],
        params: idParams,
        response: { 200: decisionSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const decision = await getDecision(db, request.params.id, officeScope(request));
      if (!decision) throw new NotFoundError('risk.decision_not_found', `no decision #${request.params.id}`);
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
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
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
          'Record the outcome of an item’s control (into inspection_outcomes, source officer; audited)',
        tags: ['risk'],
        body: z.object({
          item_id: z.number().int().positive(),
          result: z.enum(OUTCOME_RESULTS),
          fraud_type: z.enum(FRAUD_TYPES).nullish(),
          recovered_amount: z.number().min(0).nullish(),
          inspected_on: isoDate.nullish(),
          note: z.string().max(4000).nullish(),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            item_id: z.number().int(),
            reference: z.string(),
            result: z.enum(OUTCOME_RESULTS),
            recorded_at: z.string(),
            warning: z.string().optional(),
          }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordOutcome(database, actorFrom(request), request.body, officeScope(request))),
  );

  // ── statistics and integrity ──
  typed.get(
    '/api/risk/stats/rules',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Per rule: hits, inspected hits, precision, recoveries, share of overridden decisions',
        tags: ['risk'],
        querystring: z.object({
          profile: z.string().max(64).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                profile: z.string(),
                rule_id: z.string(),
                hits: z.number().int(),
                declarations: z.number().int(),
                inspected: z.number().int(),
                frauds: z.number().int(),
                critical: z.number().int(),
                recovered: z.number().nullable(),
                overridden: z.number().int(),
                precision: z.number().nullable(),
                override_share: z.number(),
              }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({ items: await ruleStatistics(db, request.query) }),
  );

  typed.get(
    '/api/risk/stats/channels',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          'Per channel and basis: decisions, items, inspected, frauds, precision, recoveries, overrides',
        tags: ['risk'],
        querystring: z.object({
          office: z.string().max(32).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                channel: z.enum(CHANNELS),
                basis: z.string(),
                decisions: z.number().int(),
                items: z.number().int(),
                inspected: z.number().int(),
                frauds: z.number().int(),
                recovered: z.number(),
                overridden: z.number().int(),
                precision: z.number().nullable(),
              }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({ items: await channelStatistics(db, request.query, officeScope(request)) }),
  );

  typed.get(
    '/api/risk/integrity',
    {
      config: { permission: 'risk:integrity' },
      schema: {
        summary: 'Overrides, releases of high-risk items and outcomes per officer and office over time',
        tags: ['risk'],
        querystring: z.object({
          from: isoDate.optional(),
          to: isoDate.optional(),
          office: z.string().max(32).optional(),
          officer: z.string().max(64).optional(),
          period: z.enum(['day', 'week', 'month']).optional(),
          high_risk: z.coerce.number().min(0).max(1).optional(),
        }),
        response: {
          200: z.object({
            period: z.string(),
            high_risk: z.number(),
            rows: z.array(
              z.object({
                officer: z.string(),
                office: z.string(),
                period: z.string(),
                overrides: z.number().int(),
                downgrades: z.number().int(),
                high_risk_releases: z.number().int(),
                outcomes: z.number().int(),
                frauds: z.number().int(),
                fraud_rate: z.number().nullable(),
              }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => integrityView(db, request.query),
  );

  // ── attachments ──
  typed.post(
    '/api/risk/attachments',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary:
          'Attach a photo or document to a declaration or an outcome (multipart; type and size checked)',
        description: `multipart/form-data with \`reference\`, \`kind\` (photo or document), optional \`outcome_id\` and \`note\`, and one \`file\`. Limits: ${JSON.stringify(attachmentLimits())}.`,
        tags: ['risk'],
        consumes: ['multipart/form-data'],
        response: {
          201: attachmentSchema,
          400: errorSchema,
          404: errorSchema,
          413: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('request.invalid', 'expected multipart/form-data with a file', 400);
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const parsed = z
            .object({
              reference: z.string().min(1).max(64),
              kind: z.enum(ATTACHMENT_KINDS),
              outcome_id: z.coerce.number().int().positive().optional(),
              note: z.string().max(2000).optional(),
            })
            .safeParse(fields);
          if (!parsed.success)
            throw new AppError(
              'request.invalid',
              `give reference and kind before the file: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
              400,
            );
          try {
            const saved = await addAttachment(
              database,
              actorFrom(request),
              { ...parsed.data, file_name: part.filename || 'attachment' },
              part.file,
              officeScope(request),
            );
            return reply.code(201).send(saved);
          } catch (error) {
            if (
              (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ||
              (error as { code?: string }).code === 'upload.too_large'
            )
              throw new AppError('upload.too_large', (error as Error).message, 413);
            throw error;
          }
        }
        fields[part.fieldname] = String(part.value);
      }
      throw new AppError('upload.missing_file', 'no file in the request (field "file")', 400);
    },
  );

  typed.get(
    '/api/risk/declarations/:reference/attachments',
    {
      config: { permission: 'risk:attachments' },
      schema: {
        summary: 'Photos and documents attached to a declaration and its outcomes',
        tags: ['risk'],
        params: z.object({ reference: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(attachmentSchema) }), 404: errorSchema },
      },
    },
    async (request) => {
      const items = await listAttachments(db, request.params.reference, officeScope(request));
      if (!items)
        throw new NotFoundError('declaration.not_found', `no declaration ${request.params.reference}`);
      return { items };
    },
  );

  typed.get(
    '/api/risk/attachments/:id',
    {
      config: { permission: 'risk:attachments' },
      schema: {
        summary: 'The bytes of an attachment',
        tags: ['risk'],
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const a = await getAttachment(db, request.params.id, officeScope(request));
      if (!a) throw new NotFoundError('risk.attachment_not_found', `no attachment #${request.params.id}`);
      return sendStoredFile(reply, database, a);
    },
  );

  // ── campaigns ──
  typed.get(
    '/api/risk/campaigns',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'Surveillance campaigns with their queue sizes',
        tags: ['risk'],
        querystring: z.object({ status: z.enum(['active', 'closed']).optional(), ...pagingQuery }),
        response: {
          200: pageOf(campaignSchema.extend({ queued: z.number().int(), findings: z.number().int() })),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { ...(await listCampaigns(db, filters, { limit, offset })), limit, offset };
    },
  );

  typed.post(
    '/api/risk/campaigns',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Create a campaign: HS prefixes, keywords in descriptions, origins, dates (audited)',
        tags: ['risk'],
        body: z.object({
          name,
          description: z.string().max(4000).nullish(),
          hs_prefixes: z.array(z.string().max(12)).max(1000).optional(),
          keywords: z.array(z.string().min(1).max(100)).max(1000).optional(),
          origins: z.array(z.string().max(2)).max(300).optional(),
          date_from: isoDate.nullish(),
          date_to: isoDate.nullish(),
          owner: z.string().min(1).max(100).optional(),
        }),
        response: { 201: campaignSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCampaign(database, actorFrom(request), request.body)),
  );

  typed.get(
    '/api/risk/campaigns/:id',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary: 'A campaign: matching declarations (count and page) and its queue by status',
        tags: ['risk'],
        params: idParams,
        querystring: z.object({ ...pagingQuery }),
        response: {
          200: z.object({
            campaign: campaignSchema,
            matching_declarations: z.number().int(),
            matching_items: z.number().int(),
            queue: z.record(z.string(), z.number()),
            page: pageOf(
              z.object({
                declaration_id: z.number().int(),
                reference: z.string(),
                office: z.string(),
                lodged_on: z.string(),
                items: z.number().int(),
                status: z.string().nullable(),
                note: z.string().nullable(),
              }),
            ),
          }),
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const out = await campaignMatches(db, request.params.id, request.query);
      if (!out) throw new NotFoundError('risk.campaign_not_found', `no campaign #${request.params.id}`);
      return out;
    },
  );

  typed.post(
    '/api/risk/campaigns/:id/queue',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Queue every matching declaration for deferred control (to do; audited)',
        tags: ['risk'],
        params: idParams,
        response: { 200: z.object({ queued: z.number().int() }), 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => queueCampaign(database, actorFrom(request), request.params.id),
  );

  typed.post(
    '/api/risk/campaigns/:id/close',
    {
      config: { permission: 'risk:manage' },
      schema: {
        summary: 'Close a campaign (audited)',
        tags: ['risk'],
        params: idParams,
        response: { 200: z.object({ id: z.number().int(), status: z.literal('closed') }), 404: errorSchema },
      },
    },
    async (request) => closeCampaign(database, actorFrom(request), request.params.id),
  );

  typed.put(
    '/api/risk/campaigns/:id/items/:declaration_id',
    {
      config: { permission: 'risk:decide' },
      schema: {
        summary: 'Set the status of a queued declaration: todo, done or finding (audited)',
        tags: ['risk'],
        params: z.object({
          id: z.coerce.number().int().positive(),
          declaration_id: z.coerce.number().int().positive(),
        }),
        body: z.object({ status: z.enum(['todo', 'done', 'finding']), note: z.string().max(4000).nullish() }),
        response: {
          200: z.object({
            campaign_id: z.number().int(),
            declaration_id: z.number().int(),
            reference: z.string(),
            status: z.string(),
          }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) =>
      updateCampaignItem(
        database,
        actorFrom(request),
        request.params.id,
        request.params.declaration_id,
        request.body,
        officeScope(request),
      ),
  );
}
