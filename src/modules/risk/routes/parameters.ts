import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { forget } from '../../../platform/lib/cache.ts';
import { iso } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { listOfficeParams, officeParamsPatch, setOfficeParams } from '../offices.ts';
import { getRiskSettings, listFxRates, riskSettingsSchema, setFxRate, setRiskSettings } from '../settings.ts';

export const officeParamsSchema = z.object({
  office_code: z.string(),
  capacity_items: z.number().int().nullable(),
  capacity_hours: z.number().nullable(),
  rate_red: z.number(),
  rate_yellow: z.number(),
  rate_blue: z.number(),
  random_rate: z.number(),
  minutes_red: z.number(),
  minutes_yellow: z.number(),
});

export function parameterRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

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
}
