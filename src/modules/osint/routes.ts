/**
 * The online-monitoring API under /api/osint: sources and their runs, collections (jobs), submitted URLs and
 * uploaded exports, items and their evidence (raw content, verification), sellers and their identifiers (for the
 * graph), watchlists, alerts and decisions, the classifier's version, analysis of posts on demand. Reading needs
 * `osint:read`; changing anything `osint:manage`. Collections run as jobs: follow them at /api/osint/jobs/{id}.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import { jobSchema } from '../../platform/jobs/routes.ts';
import { getJob } from '../../platform/jobs/store.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { pageOf, pagingQuery } from '../../platform/server/schemas.ts';
import { receiveUpload } from '../../platform/uploads/uploads.ts';
import {
  addWatchTerm,
  DECISIONS,
  decideAlert,
  getAlert,
  listAlerts,
  listWatchTerms,
  removeWatchTerm,
  WATCH_KINDS,
} from './alerts.ts';
import { type AnalysisResult, analyzePost, LABELS, postSchema, toContractRecord } from './analysis/index.ts';
import { evidenceContent, getEvidence, verifyEvidence } from './evidence.ts';
import { getItem, listItems } from './items.ts';
import { currentModel, modelInfo } from './model.ts';
import { listRuns } from './run.ts';
import { getSellerProfile, listSellers } from './seller-views.ts';
import { sellerIdentifiers, sellersByIdentifier } from './sellers.ts';
import { httpUrl, SOURCE_TYPES } from './source-config.ts';
import {
  createSource,
  deleteSource,
  getSource,
  getSourceRow,
  listSources,
  submittedUrlSource,
  updateSource,
} from './sources.ts';

const label = z.enum(LABELS);
const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const text = (max = 200) => z.string().max(max);

const sourceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: z.enum(SOURCE_TYPES),
    config: z.record(z.string(), z.unknown()),
    interval_minutes: z.number().int().nullable(),
    enabled: z.boolean(),
    owner_id: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    health: z.object({
      next_run_at: z.string().nullable(),
      running: z.boolean(),
      running_job_id: z.string().nullable(),
      last_run_at: z.string().nullable(),
      last_success_at: z.string().nullable(),
      last_status: z.enum(['ok', 'partial', 'failed', 'cancelled']).nullable(),
      last_items: z.number().int(),
      last_errors: z.number().int(),
      last_error: z.string().nullable(),
      total_items: z.number().int(),
      runs: z.number().int(),
    }),
  })
  .meta({ id: 'OsintSource' });

const problemSchema = z.object({
  where: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});

const runSchema = z
  .object({
    id: z.number().int(),
    source_id: z.number().int(),
    job_id: z.string().nullable(),
    started_by: z.string(),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    status: z.enum(['running', 'ok', 'partial', 'failed', 'cancelled']),
    fetched: z.number().int(),
    skipped: z.number().int(),
    items_new: z.number().int(),
    items_seen: z.number().int(),
    reposts: z.number().int(),
    errors: z.number().int(),
    alerts: z.number().int(),
    problems: z.array(problemSchema),
  })
  .meta({ id: 'OsintRun' });

const itemSchema = z
  .object({
    id: z.number().int(),
    source_id: z.number().int(),
    platform: z.string().nullable(),
    kind: z.string(),
    external_id: z.string().nullable(),
    url: z.string().nullable(),
    canonical_url: z.string().nullable(),
    author: z.string().nullable(),
    author_url: z.string().nullable(),
    title: z.string().nullable(),
    text: z.string(),
    text_truncated: z.boolean(),
    price: z.number().nullable(),
    currency: z.string().nullable(),
    posted_at: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    label,
    score: z.number(),
    scores: z.record(z.string(), z.number()),
    reasons: z.array(z.string()),
    language: z.string().nullable(),
    model_version: z.number().int(),
    confirmed_label: label.nullable(),
    seller_id: z.number().int().nullable(),
    dup_group_id: z.number().int(),
    reposts: z.number().int(),
    evidence_id: z.number().int(),
    locator: z.string().nullable(),
    first_seen_at: z.string(),
    last_seen_at: z.string(),
    seen_count: z.number().int(),
  })
  .meta({ id: 'OsintItem' });

const itemDetailSchema = itemSchema
  .extend({
    signals: z.array(z.unknown()),
    entities: z.record(z.string(), z.unknown()),
    captures: z.array(
      z.object({ evidence_id: z.number().int(), locator: z.string().nullable(), seen_at: z.string() }),
    ),
    group: z.array(
      z.object({
        id: z.number().int(),
        author: z.string().nullable(),
        platform: z.string().nullable(),
        url: z.string().nullable(),
        seller_id: z.number().int().nullable(),
      }),
    ),
    identifiers: z.array(z.object({ kind: z.string(), value: z.string() })),
  })
  .meta({ id: 'OsintItemDetail' });

const evidenceSchema = z
  .object({
    id: z.number().int(),
    source_id: z.number().int().nullable(),
    run_id: z.number().int().nullable(),
    method: z.enum(['http', 'file', 'manual']),
    url: z.string(),
    final_url: z.string().nullable(),
    fetched_at: z.string(),
    http_status: z.number().int().nullable(),
    http_headers: z.record(z.string(), z.unknown()),
    content_type: z.string().nullable(),
    bytes: z.number().int(),
    sha256: z.string(),
    collected_by: z.string(),
    collected_by_id: z.number().int().nullable(),
    record_hash: z.string(),
  })
  .meta({ id: 'OsintEvidence' });

const sellerSchema = z
  .object({
    id: z.number().int(),
    display_name: z.string(),
    score: z.number(),
    label: label.nullable(),
    reasons: z.array(z.string()),
    item_count: z.number().int(),
    ad_count: z.number().int(),
    risky_ad_count: z.number().int(),
    accounts: z.array(z.object({ platform: z.string(), handle: z.string() })),
    platforms: z.array(z.string()),
    brands: z.array(z.object({ name: z.string(), count: z.number().int() })),
    cities: z.array(z.object({ name: z.string(), count: z.number().int() })),
    price_min_mad: z.number().nullable(),
    price_max_mad: z.number().nullable(),
    first_seen_at: z.string().nullable(),
    last_seen_at: z.string().nullable(),
    open_alerts: z.number().int(),
  })
  .meta({ id: 'OsintSeller' });

const identifiersSchema = z
  .object({
    seller_id: z.number().int(),
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    handles: z.array(z.object({ platform: z.string(), handle: z.string() })),
    shop_urls: z.array(z.string()),
    company_names: z.array(z.string()),
    addresses: z.array(z.string()),
  })
  .meta({ id: 'OsintSellerIdentifiers' });

const sellerDetailSchema = sellerSchema
  .extend({ merged_from: z.array(z.number().int()), identifiers: identifiersSchema })
  .meta({ id: 'OsintSellerDetail' });

const alertSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['post', 'seller', 'watchlist']),
    status: z.enum(['open', 'confirmed', 'dismissed', 'case_opened']),
    label: label.nullable(),
    score: z.number().nullable(),
    reason: z.string(),
    created_at: z.string(),
    decided_at: z.string().nullable(),
    decided_by: z.string().nullable(),
    decision_label: label.nullable(),
    note: z.string().nullable(),
    item: z
      .object({
        id: z.number().int(),
        title: z.string().nullable(),
        text: z.string(),
        url: z.string().nullable(),
        platform: z.string().nullable(),
        author: z.string().nullable(),
        label,
        score: z.number(),
        reposts: z.number().int(),
      })
      .nullable(),
    seller: z
      .object({
        id: z.number().int(),
        display_name: z.string(),
        score: z.number(),
        item_count: z.number().int(),
      })
      .nullable(),
    watch_term: z.object({ id: z.number().int(), kind: z.enum(WATCH_KINDS), value: z.string() }).nullable(),
  })
  .meta({ id: 'OsintAlert' });

const watchTermSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(WATCH_KINDS),
    value: z.string(),
    normalized: z.string(),
    note: z.string().nullable(),
    active: z.boolean(),
    created_by: z.number().int().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'OsintWatchTerm' });

const jobAnswer = z.object({ job: jobSchema, links: z.object({ job: z.string() }) });

function privateNetworkGuard(request: FastifyRequest, config: unknown): void {
  const wants =
    config !== null &&
    typeof config === 'object' &&
    (config as { allow_private_network?: unknown }).allow_private_network === true;
  if (wants && !request.user?.roles.includes('admin'))
    throw new AppError(
      'osint.private_network_admin_only',
      'only an administrator may let a source fetch from private or loopback addresses',
      403,
    );
}

export async function osintRoutes(
  app: FastifyInstance,
  { database, config, jobs }: AppContext,
): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const jobLinks = (job: { id: string }) => ({ job: `/api/osint/jobs/${job.id}` });

  // ── Sources ──
  typed.get(
    '/api/osint/sources',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Sources of online monitoring with their health',
        tags: ['osint'],
        querystring: z.object({
          type: z.enum(SOURCE_TYPES).optional(),
          enabled: bool.optional(),
          q: text().optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(sourceSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      const page = await listSources(database.db, filters, { limit, offset });
      return { limit, offset, ...page };
    },
  );

  const sourceBody = z.object({
    name: z.string().min(1).max(200),
    type: z.enum(SOURCE_TYPES),
    config: z.record(z.string(), z.unknown()),
    interval_minutes: z.number().int().min(1).max(525_600).nullable().optional(),
    enabled: z.boolean().optional(),
  });

  typed.post(
    '/api/osint/sources',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Add a source',
        description:
          'Types: feed (RSS/Atom/JSON Feed), json_api (JSON with a field mapping), web (pages and sites, crawled politely), file (platform exports: NDJSON, CSV, JSON), url (single URLs). See docs/osint-collection.md for each configuration. A bad configuration answers 400 with every problem located in `details.problems`.',
        tags: ['osint'],
        body: sourceBody,
        response: { 201: sourceSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      privateNetworkGuard(request, request.body.config);
      const source = await createSource(database, actorFrom(request), request.body);
      return reply.code(201).send(source);
    },
  );

  typed.get(
    '/api/osint/sources/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'A source with its health',
        tags: ['osint'],
        params: idParams,
        response: { 200: sourceSchema, 404: errorSchema },
      },
    },
    async (request) => getSource(database.db, request.params.id),
  );

  typed.patch(
    '/api/osint/sources/:id',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Change a source (name, configuration, interval, enabled)',
        tags: ['osint'],
        params: idParams,
        body: sourceBody.omit({ type: true }).partial(),
        response: {
          200: sourceSchema,
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request) => {
      privateNetworkGuard(request, request.body.config);
      return updateSource(database, actorFrom(request), request.params.id, request.body);
    },
  );

  typed.delete(
    '/api/osint/sources/:id',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Remove a source that never collected anything (otherwise disable it: evidence is kept)',
        tags: ['osint'],
        params: idParams,
        response: { 204: z.null(), 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      await deleteSource(database, actorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/osint/sources/:id/runs',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: "A source's collection runs, newest first, with their located problems",
        tags: ['osint'],
        params: idParams,
        querystring: z.object(pagingQuery),
        response: { 200: pageOf(runSchema), 404: errorSchema },
      },
    },
    async (request) => {
      await getSource(database.db, request.params.id);
      const { limit, offset } = request.query;
      return { limit, offset, ...(await listRuns(database, request.params.id, { limit, offset })) };
    },
  );

  typed.post(
    '/api/osint/sources/:id/collect',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Collect from a source now (a background job)',
        tags: ['osint'],
        params: idParams,
        body: z.object({ urls: z.array(httpUrl).max(1000).optional() }).optional(),
        response: { 202: jobAnswer, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const source = await getSource(database.db, request.params.id);
      if (source.type === 'file')
        throw new AppError(
          'osint.file_needed',
          'a file source collects from an uploaded file: POST it to /api/osint/sources/{id}/upload',
          400,
        );
      const urls = request.body?.urls;
      const job = await jobs.enqueue(
        'osint.collect',
        { source_id: source.id, ...(urls?.length ? { urls } : {}) },
        actorFrom(request),
      );
      return reply.code(202).send({ job, links: jobLinks(job) });
    },
  );

  typed.post(
    '/api/osint/sources/:id/upload',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Upload a platform export to a file source and collect it (a background job)',
        description: 'multipart/form-data with one `file` (NDJSON, CSV or JSON, as the source says).',
        tags: ['osint'],
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 202: jobAnswer, 400: errorSchema, 404: errorSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      const source = await getSourceRow(database.db, request.params.id);
      if (!source) throw new NotFoundError('osint.source_not_found', `no source #${request.params.id}`);
      if (source.type !== 'file')
        throw new AppError('osint.not_a_file_source', `source #${source.id} is a ${source.type} source`, 400);
      return receiveUpload(
        request,
        database,
        {
          owner: 'osint',
          readPermission: 'osint:read',
          retainDays: config.uploadRetentionDays,
          maxBytes: config.uploadMaxMb * 1024 * 1024,
        },
        async ({ upload, fileName }) => {
          const job = await jobs.enqueue(
            'osint.collect',
            { source_id: source.id, upload_id: upload.id, file_name: fileName },
            actorFrom(request),
          );
          return reply.code(202).send({ job, links: jobLinks(job) });
        },
      );
    },
  );

  typed.post(
    '/api/osint/submissions',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Collect single URLs an investigator found (kept as evidence, analysed, like any source)',
        tags: ['osint'],
        body: z.object({ urls: z.array(httpUrl).min(1).max(100) }),
        response: { 202: jobAnswer, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const actor = actorFrom(request);
      const source = await submittedUrlSource(database, actor);
      const job = await jobs.enqueue(
        'osint.collect',
        { source_id: source.id, urls: request.body.urls },
        actor,
      );
      return reply.code(202).send({ job, links: jobLinks(job) });
    },
  );

  typed.get(
    '/api/osint/jobs/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'A collection or re-analysis job (osint jobs only), with its progress',
        tags: ['osint'],
        params: z.object({ id: z.uuid('expected a job id') }),
        response: { 200: jobSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const job = jobs.live(request.params.id) ?? (await getJob(database.db, request.params.id));
      if (!job?.kind.startsWith('osint.'))
        throw new NotFoundError('job.not_found', `no osint job ${request.params.id}`);
      return job;
    },
  );

  // ── Items and evidence ──
  typed.get(
    '/api/osint/items',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Collected items, newest first',
        description:
          '`group=true` gives one row per ad: reposts are folded into the first item (`reposts` counts them).',
        tags: ['osint'],
        querystring: z.object({
          source_id: z.coerce.number().int().positive().optional(),
          seller_id: z.coerce.number().int().positive().optional(),
          label: label.optional(),
          min_score: z.coerce.number().min(0).max(1).optional(),
          platform: text(60).optional(),
          q: text().optional(),
          group: bool.optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(itemSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { limit, offset, ...(await listItems(database.db, filters, { limit, offset })) };
    },
  );

  typed.get(
    '/api/osint/items/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'An item with its signals, entities, captures (evidence), reposts and identifiers',
        tags: ['osint'],
        params: idParams,
        response: { 200: itemDetailSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const item = await getItem(database.db, request.params.id);
      return { ...item, entities: item.entities as unknown as Record<string, unknown> };
    },
  );

  typed.get(
    '/api/osint/evidence/verify',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Re-hash evidence and name every row whose content or description changed',
        tags: ['osint'],
        querystring: z.object({ from_id: z.coerce.number().int().positive().optional() }),
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            bytes: z.number().int(),
            problems: z.array(
              z.object({
                id: z.number().int(),
                url: z.string(),
                kind: z.enum(['content_altered', 'record_altered']),
                message: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => verifyEvidence(database.db, { fromId: request.query.from_id }),
  );

  typed.get(
    '/api/osint/evidence/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'What an evidence row says: URL, time, HTTP status and headers, SHA-256, who collected it',
        tags: ['osint'],
        params: idParams,
        response: { 200: evidenceSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const evidence = await getEvidence(database.db, request.params.id);
      if (!evidence) throw new NotFoundError('osint.evidence_not_found', `no evidence #${request.params.id}`);
      return evidence;
    },
  );

  typed.get(
    '/api/osint/evidence/:id/content',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'The raw content, byte for byte (served as an attachment, never rendered)',
        tags: ['osint'],
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const evidence = await getEvidence(database.db, request.params.id);
      if (!evidence) throw new NotFoundError('osint.evidence_not_found', `no evidence #${request.params.id}`);
      reply.header('content-type', 'application/octet-stream');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      reply.header('content-disposition', `attachment; filename="evidence-${evidence.id}.bin"`);
      reply.header('content-length', String(evidence.bytes));
      reply.header('x-evidence-sha256', evidence.sha256);
      return reply.send(Readable.from(evidenceContent(database.db, evidence.id)) as never);
    },
  );

  // ── Sellers ──
  typed.get(
    '/api/osint/sellers',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Sellers (accounts grouped across platforms by shared identifiers), highest score first',
        tags: ['osint'],
        querystring: z.object({
          min_score: z.coerce.number().min(0).max(1).optional(),
          label: label.optional(),
          platform: text(60).optional(),
          q: text().optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(sellerSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { limit, offset, ...(await listSellers(database.db, filters, { limit, offset })) };
    },
  );

  typed.get(
    '/api/osint/sellers/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'A seller: profile, accounts, identifiers (a merged seller answers with the one it joined)',
        tags: ['osint'],
        params: idParams,
        response: { 200: sellerDetailSchema, 404: errorSchema },
      },
    },
    async (request) => getSellerProfile(database.db, request.params.id),
  );

  typed.get(
    '/api/osint/sellers/:id/identifiers',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary:
          "A seller's phones, e-mails, handles, shop URLs, company names and addresses (for the graph)",
        tags: ['osint'],
        params: idParams,
        response: { 200: identifiersSchema, 404: errorSchema },
      },
    },
    async (request) => sellerIdentifiers(database.db, request.params.id),
  );

  typed.get(
    '/api/osint/identifiers',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary:
          'The sellers known by an identifier (phone in any format, e-mail, platform:handle, URL, company)',
        tags: ['osint'],
        querystring: z.object({
          kind: z.enum(['phone', 'email', 'handle', 'shop_url', 'company', 'address']),
          value: z.string().min(1).max(500),
        }),
        response: {
          200: z.object({ kind: z.string(), value: z.string(), seller_ids: z.array(z.number().int()) }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({
      ...request.query,
      seller_ids: await sellersByIdentifier(database.db, request.query.kind, request.query.value),
    }),
  );

  // ── Watchlist and alerts ──
  typed.get(
    '/api/osint/watchlist',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Watch terms: brands, products, keywords, phone numbers',
        tags: ['osint'],
        querystring: z.object({ all: bool.optional() }),
        response: { 200: z.object({ items: z.array(watchTermSchema) }) },
      },
    },
    async (request) => ({ items: await listWatchTerms(database.db, { activeOnly: !request.query.all }) }),
  );

  typed.post(
    '/api/osint/watchlist',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary:
          'Watch a brand, a product, a keyword or phrase, or a phone number (alerts from the next collection)',
        tags: ['osint'],
        body: z.object({
          kind: z.enum(WATCH_KINDS),
          value: z.string().min(1).max(200),
          note: z.string().max(1000).optional(),
        }),
        response: { 201: watchTermSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addWatchTerm(database, actorFrom(request), request.body)),
  );

  typed.delete(
    '/api/osint/watchlist/:id',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Stop watching a term (its alerts stay)',
        tags: ['osint'],
        params: idParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await removeWatchTerm(database, actorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/osint/alerts',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Alerts, newest first: posts over their threshold, sellers, watchlist matches',
        tags: ['osint'],
        querystring: z.object({
          status: z.enum(['open', 'confirmed', 'dismissed', 'case_opened']).optional(),
          kind: z.enum(['post', 'seller', 'watchlist']).optional(),
          seller_id: z.coerce.number().int().positive().optional(),
          q: text().optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(alertSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { limit, offset, ...(await listAlerts(database.db, filters, { limit, offset })) };
    },
  );

  typed.get(
    '/api/osint/alerts/:id',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'An alert',
        tags: ['osint'],
        params: idParams,
        response: { 200: alertSchema, 404: errorSchema },
      },
    },
    async (request) => getAlert(database.db, request.params.id),
  );

  typed.post(
    '/api/osint/alerts/:id/decision',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Confirm, dismiss, or send an alert to a case (audited; confirmations teach the classifier)',
        tags: ['osint'],
        params: idParams,
        body: z.object({
          decision: z.enum(DECISIONS),
          label: label.optional(),
          note: z.string().max(2000).optional(),
        }),
        response: {
          200: z.object({ alert: alertSchema, model_version: z.number().int().nullable() }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request) => decideAlert(database, actorFrom(request), request.params.id, request.body),
  );

  // ── Analysis ──
  typed.get(
    '/api/osint/model',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'The classifier in use: version, what it learnt from, confirmations waiting',
        tags: ['osint'],
        response: {
          200: z.object({
            version: z.number().int(),
            base_version: z.number().int().nullable(),
            trained_on: z.number().int(),
            confirmations: z.number().int(),
            created_by: z.string(),
            created_at: z.string().nullable(),
            pending_confirmations: z.number().int(),
          }),
        },
      },
    },
    async () => modelInfo(database.db),
  );

  typed.post(
    '/api/osint/analyze',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Analyse posts without storing them (label, score, reasons, signals, entities)',
        tags: ['osint'],
        body: z.object({ posts: z.array(postSchema).min(1).max(100), explain: z.boolean().optional() }),
        response: {
          200: z.object({
            model_version: z.number().int(),
            items: z.array(z.record(z.string(), z.unknown())),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const model = await currentModel(database.db);
      const items = request.body.posts.map((post) => {
        const result: AnalysisResult = analyzePost(post, { classifier: model.classifier });
        return request.body.explain
          ? {
              ...toContractRecord(result),
              reasons: result.reasons,
              scores: result.scores,
              language: result.language,
            }
          : toContractRecord(result);
      });
      return { model_version: model.version, items: items as unknown as Record<string, unknown>[] };
    },
  );

  typed.post(
    '/api/osint/reanalyze',
    {
      config: { permission: 'osint:manage' },
      schema: {
        summary: 'Analyse collected items again with the current model (a background job)',
        tags: ['osint'],
        description: 'Body `{"source_id": N}` for one source, `{"all": true}` for every item.',
        body: z.union([
          z.object({ source_id: z.number().int().positive() }).strict(),
          z.object({ all: z.literal(true) }).strict(),
        ]),
        response: { 202: jobAnswer, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const job = await jobs.enqueue(
        'osint.reanalyze',
        'source_id' in request.body ? { source_id: request.body.source_id } : {},
        actorFrom(request),
      );
      return reply.code(202).send({ job, links: jobLinks(job) });
    },
  );
}
