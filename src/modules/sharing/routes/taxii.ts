/**
 * The TAXII 2.1 read server (docs/decisions/0038-stix-taxii.md): discovery at /taxii2/, one API root at
 * /api/sharing/taxii2/, collections (one per closed user group the partner belongs to), their objects and manifest.
 * No user: a partner installation signs each request as for the pull (taxii.ts). Answers and errors are
 * `application/taxii+json;version=2.1` (errors as TAXII error resources, with Vigie's code in `error_code`); a
 * client that accepts no TAXII 2.1 gets 406. Every access, and every refusal, is audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { AppError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import type { PartnerView } from '../partners.ts';
import { TAXII_MEDIA_TYPE } from '../stix-model.ts';
import {
  acceptsTaxii,
  authenticateTaxii,
  collectionObjects,
  findCollection,
  partnerCollections,
  TAXII_PAGE_MAX,
} from '../taxii.ts';
import { auditPartnerRead, keyIdOf, partnerActor } from './partner-auth.ts';

export const TAXII_ROOT = '/api/sharing/taxii2/';

const objectsQuery = z.object({
  added_after: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
  next: z.string().max(40).optional(),
  'match[type]': z.string().max(500).optional(),
});

const params = z.object({ id: z.string().max(64) });

type Handler = (
  request: FastifyRequest,
  partner: PartnerView,
) => Promise<{ body: unknown; audit: Record<string, unknown>; headers?: Record<string, string> }>;

export function taxiiRoutes(app: FastifyInstance, { database }: AppContext): void {
  // Sent as bytes with the header as is: Fastify would rewrite a JSON media type (`version="2.1"; charset=…`).
  const send = (reply: FastifyReply, status: number, body: unknown) =>
    reply
      .code(status)
      .header('content-type', TAXII_MEDIA_TYPE)
      .send(Buffer.from(JSON.stringify(body), 'utf8'));
  const refuse = (reply: FastifyReply, error: AppError) =>
    send(reply, error.status, {
      title: error.message,
      error_code: error.code,
      http_status: String(error.status),
      ...(error.details ? { details: error.details } : {}),
    });

  /** Authenticates the partner, runs the handler, audits the read or the refusal, answers in TAXII's terms. */
  const serve =
    (resource: string, handler: Handler) => async (request: FastifyRequest, reply: FastifyReply) => {
      let partner: PartnerView | null = null;
      try {
        if (!acceptsTaxii(request.headers.accept))
          throw new AppError('taxii.not_acceptable', `this server answers ${TAXII_MEDIA_TYPE}`, 406);
        partner = await authenticateTaxii(database.db, request.headers, request.method, request.url);
        const result = await handler(request, partner);
        await auditPartnerRead(database, request, partner, 'sharing.taxii_read', {
          resource,
          url: request.url.slice(0, 500),
          ...result.audit,
        });
        for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
        return send(reply, 200, result.body);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await appendAudit(
          database,
          partner ? partnerActor(request, partner) : { id: null, name: 'anonymous', ip: request.ip },
          {
            action: 'sharing.taxii_refused',
            target_type: 'sharing_partner',
            target_id: partner?.code ?? keyIdOf(request),
            details: { resource, url: request.url.slice(0, 500), code: error.code, reason: error.message },
          },
        );
        return refuse(reply, error);
      }
    };

  const parse = <T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'request.invalid',
      `invalid ${what}: ${issue.path.map(String).join('.') || 'value'} ${issue.message}`,
      400,
    );
  };

  const route = (url: string, summary: string, resource: string, handler: Handler) =>
    app.get(
      url,
      { config: { permission: 'public' }, schema: { summary, tags: ['sharing', 'taxii'] } },
      serve(resource, handler),
    );

  route('/taxii2/', 'TAXII 2.1 discovery (signed by a partner installation)', 'discovery', async () => ({
    body: {
      title: 'Vigie TAXII 2.1',
      description:
        'Closed user groups of this customs administration, read-only, for its partner installations',
      default: TAXII_ROOT,
      api_roots: [TAXII_ROOT],
    },
    audit: {},
  }));

  route(TAXII_ROOT, 'TAXII 2.1 API root', 'api_root', async () => ({
    body: {
      title: 'Vigie sharing',
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: 1024 * 1024,
    },
    audit: {},
  }));

  route(
    `${TAXII_ROOT}collections/`,
    'TAXII 2.1 collections: one per closed user group the partner belongs to',
    'collections',
    async (_request, partner) => {
      const collections = (await partnerCollections(database.db, partner)).map((c) => c.resource);
      return { body: collections.length ? { collections } : {}, audit: { collections: collections.length } };
    },
  );

  route(`${TAXII_ROOT}collections/:id/`, 'TAXII 2.1 collection', 'collection', async (request, partner) => {
    const { id } = parse(params, request.params, 'path');
    const collection = await findCollection(database.db, partner, id);
    return { body: collection.resource, audit: { collection: collection.group.code } };
  });

  const page = async (request: FastifyRequest, partner: PartnerView) => {
    const { id } = parse(params, request.params, 'path');
    const query = parse(objectsQuery, request.query, 'query');
    const collection = await findCollection(database.db, partner, id);
    const result = await collectionObjects(database.db, collection, {
      added_after: query.added_after,
      limit: query.limit,
      next: query.next,
      types: query['match[type]']?.split(',').map((t) => t.trim()),
    });
    const headers: Record<string, string> = {};
    if (result.first) headers['x-taxii-date-added-first'] = result.first;
    if (result.last) headers['x-taxii-date-added-last'] = result.last;
    return { collection, result, headers };
  };

  route(
    `${TAXII_ROOT}collections/:id/objects/`,
    `TAXII 2.1 objects of a collection, oldest first (added_after, limit ≤ ${TAXII_PAGE_MAX}, next, match[type])`,
    'objects',
    async (request, partner) => {
      const { collection, result, headers } = await page(request, partner);
      return {
        body: result.envelope,
        headers,
        audit: {
          collection: collection.group.code,
          messages: result.messages,
          objects: result.envelope.objects?.length ?? 0,
          more: result.envelope.more,
        },
      };
    },
  );

  route(
    `${TAXII_ROOT}collections/:id/manifest/`,
    'TAXII 2.1 manifest of a collection (same paging as its objects)',
    'manifest',
    async (request, partner) => {
      const { collection, result, headers } = await page(request, partner);
      const objects = (result.envelope.objects ?? []).map((o) => ({
        id: o.id,
        date_added: result.added.get(o.id)!,
        version: String(o.modified ?? o.created ?? result.added.get(o.id)),
        media_type: 'application/stix+json;version=2.1',
      }));
      return {
        body: {
          more: result.envelope.more,
          ...(result.envelope.next ? { next: result.envelope.next } : {}),
          ...(objects.length ? { objects } : {}),
        },
        headers,
        audit: { collection: collection.group.code, objects: objects.length },
      };
    },
  );
}
