import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officeScope } from '../../../platform/auth/scope.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { isoDate } from '../../../platform/server/schemas.ts';
import { CHANNELS } from '../../declarations/index.ts';
import { channelStatistics, integrityView, randomByOffice, ruleStatistics } from '../decisions/statistics.ts';

export function statisticsRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

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
    '/api/risk/stats/random',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          "Per office: the selection's random share and the fraud rate found by random picks beside ranked ones",
        tags: ['risk'],
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                office: z.string(),
                selected_items: z.number().int(),
                random_items: z.number().int(),
                random_share: z.number().nullable(),
                random_inspected: z.number().int(),
                random_frauds: z.number().int(),
                random_hit_rate: z.number().nullable(),
                ranked_inspected: z.number().int(),
                ranked_frauds: z.number().int(),
                ranked_hit_rate: z.number().nullable(),
              }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({ items: await randomByOffice(db, request.query, officeScope(request)) }),
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
}
