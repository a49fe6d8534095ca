/** Collected items under /api/osint/items: the list (one row per ad on demand) and one item in full. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { getOneRoute } from '../../../platform/server/route-kit.ts';
import { pageOf, pagingQuery, scoreQuery } from '../../../platform/server/schemas.ts';
import { getItem, listItems } from '../item-views.ts';
import { bool, label, pagedList, text } from './shared.ts';

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
    model: z
      .object({ probabilities: z.record(z.string(), z.number()), trained_on: z.string() })
      .nullable()
      .describe("The learned model's calibrated probabilities for the text (decision 0032)"),
  })
  .meta({ id: 'OsintItemDetail' });

export function itemRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

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
          min_score: scoreQuery.optional(),
          platform: text(60).optional(),
          q: text().optional(),
          group: bool.optional(),
          ...pagingQuery,
        }),
        response: { 200: pageOf(itemSchema), 400: errorSchema },
      },
    },
    pagedList(database.db, listItems),
  );

  getOneRoute(
    typed,
    '/api/osint/items/:id',
    {
      permission: 'osint:read',
      tag: 'osint',
      summary: 'An item with its signals, entities, captures (evidence), reposts and identifiers',
      response: itemDetailSchema,
    },
    async ({ id }) => {
      const item = await getItem(database.db, id);
      return { ...item, entities: item.entities as unknown as Record<string, unknown> };
    },
  );
}
