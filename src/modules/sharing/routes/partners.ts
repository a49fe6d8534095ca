/** Partner administrations and agencies under /api/sharing/partners, and this installation's public key. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { installationKey } from '../keys.ts';
import { PARTNER_KINDS } from '../model.ts';
import { addPartner, getPartner, listPartners, updatePartner } from '../partners.ts';
import { bool, codeParam, partnerSchema } from './schemas.ts';

const publicKey = z
  .string()
  .min(1)
  .max(2_000)
  .describe('Ed25519 public key: SPKI PEM, or base64 of its 32 raw bytes');

export function partnerRoutes(app: FastifyInstance, { database, config }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/sharing/installation',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary: "This installation's Ed25519 public key and its id: what partners are given",
        tags: ['sharing'],
        response: { 200: z.object({ key_id: z.string(), public_key: z.string() }) },
      },
    },
    async () => {
      const key = await installationKey(database, config.sharingKeyFile);
      return { key_id: key.keyId, public_key: key.publicPem };
    },
  );

  typed.get(
    '/api/sharing/partners',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary: 'Partner administrations and national agencies',
        tags: ['sharing'],
        querystring: z.object({
          kind: z.enum(PARTNER_KINDS).optional(),
          active: bool.optional(),
          q: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(partnerSchema) }) },
      },
    },
    async (request) => ({ items: await listPartners(database.db, request.query) }),
  );

  typed.post(
    '/api/sharing/partners',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Add a partner administration or agency with its public key',
        tags: ['sharing'],
        body: z.object({
          code: codeParam.shape.code,
          name: z.string().min(1).max(300),
          kind: z.enum(PARTNER_KINDS),
          country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166 country code (MA, FR)'),
          public_key: publicKey,
          endpoint_url: z.string().max(500).nullable().optional(),
        }),
        response: { 201: partnerSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addPartner(database, actorFrom(request), request.body)),
  );

  getOneRoute(
    typed,
    '/api/sharing/partners/:code',
    {
      permission: 'sharing:read',
      tag: 'sharing',
      summary: 'A partner',
      params: codeParam,
      response: partnerSchema,
    },
    async ({ code }) => getPartner(database.db, code),
  );

  typed.patch(
    '/api/sharing/partners/:code',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: "Change a partner's name, public key, endpoint or whether it is active",
        tags: ['sharing'],
        params: codeParam,
        body: z.object({
          name: z.string().min(1).max(300).optional(),
          public_key: publicKey.optional(),
          endpoint_url: z.string().max(500).nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: partnerSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => updatePartner(database, actorFrom(request), request.params.code, request.body),
  );
}
