/**
 * Sellers under /api/osint: the list, one seller's profile, its identifiers (for the graph), and the sellers
 * known by one identifier.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldColumns, pagesOf } from '../../../platform/export/export.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { exportRoute, getOneRoute } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery, scoreQuery } from '../../../platform/server/schemas.ts';
import { getSellerProfile, listSellers, sellerIdentifiers, sellersByIdentifier } from '../seller-views.ts';
import { label, pagedList, text } from './shared.ts';

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

const sellerFilters = {
  min_score: scoreQuery.optional(),
  label: label.optional(),
  platform: text(60).optional(),
  q: text().optional(),
};

type SellerRow = Awaited<ReturnType<typeof listSellers>>['items'][number];

export function sellerRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  exportRoute(typed, database, '/api/osint/sellers/export', {
    permission: 'osint:read',
    tag: 'osint',
    summary: 'Sellers as CSV or XLSX, with the list’s filters (streamed, audited)',
    filters: sellerFilters,
    list: 'osint.sellers',
    content: (filters) => ({
      columns: fieldColumns<SellerRow>([
        'id',
        'display_name',
        'score',
        'label',
        'platforms',
        'accounts',
        'item_count',
        'ad_count',
        'risky_ad_count',
        'open_alerts',
        'price_min_mad',
        'price_max_mad',
        'brands',
        'cities',
        'reasons',
        'first_seen_at',
        'last_seen_at',
      ]),
      rows: pagesOf(
        async (offset, limit) => (await listSellers(database.db, filters, { limit, offset })).items,
      ),
    }),
  });

  typed.get(
    '/api/osint/sellers',
    {
      config: { permission: 'osint:read' },
      schema: {
        summary: 'Sellers (accounts grouped across platforms by shared identifiers), highest score first',
        tags: ['osint'],
        querystring: z.object({ ...sellerFilters, ...pagingQuery }),
        response: { 200: pageOf(sellerSchema), 400: errorSchema },
      },
    },
    pagedList(database.db, listSellers),
  );

  getOneRoute(
    typed,
    '/api/osint/sellers/:id',
    {
      permission: 'osint:read',
      tag: 'osint',
      summary: 'A seller: profile, accounts, identifiers (a merged seller answers with the one it joined)',
      response: sellerDetailSchema,
    },
    async ({ id }) => getSellerProfile(database.db, id),
  );

  getOneRoute(
    typed,
    '/api/osint/sellers/:id/identifiers',
    {
      permission: 'osint:read',
      tag: 'osint',
      summary: "A seller's phones, e-mails, handles, shop URLs, company names and addresses (for the graph)",
      response: identifiersSchema,
    },
    async ({ id }) => sellerIdentifiers(database.db, id),
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
}
