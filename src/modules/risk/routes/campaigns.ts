import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { officeScope } from '../../../platform/auth/scope.ts';
import { NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, pagedList } from '../../../platform/server/route-kit.ts';
import { isoDate, pageOf, pagingQuery } from '../../../platform/server/schemas.ts';
import {
  campaignMatches,
  closeCampaign,
  createCampaign,
  listCampaigns,
  queueCampaign,
  updateCampaignItem,
} from '../campaigns.ts';
import { idParams, name } from './shared.ts';

export const campaignSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    hs_prefixes: z.array(z.string()),
    keywords: z.array(z.string()),
    origins: z.array(z.string()),
    date_from: z.string().nullable(),
    date_to: z.string().nullable(),
    status: z.enum(['active', 'closed']),
    owner: z.string(),
    created_by: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Campaign' });

export function campaignRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

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
    pagedList(db, listCampaigns),
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
        response: { 201: campaignSchema, ...errorResponses(400, 409) },
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
        response: { 200: z.object({ queued: z.number().int() }), ...errorResponses(404, 409) },
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
          ...errorResponses(400, 404),
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
