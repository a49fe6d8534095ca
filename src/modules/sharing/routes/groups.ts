/** Closed user groups under /api/sharing/groups: members (partners or own offices) with roles, nominal agreement. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { errorResponses, getOneRoute } from '../../../platform/server/route-kit.ts';
import { addMember, createGroup, getGroup, listGroups, removeMember, updateGroup } from '../groups.ts';
import { MEMBER_ROLES, MEMBER_TYPES } from '../model.ts';
import { codeParam, groupSchema } from './schemas.ts';

export function groupRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/sharing/groups',
    {
      config: { permission: 'sharing:read' },
      schema: {
        summary: 'Closed user groups with their members',
        tags: ['sharing'],
        response: { 200: z.object({ items: z.array(groupSchema) }) },
      },
    },
    async () => ({ items: await listGroups(database.db) }),
  );

  typed.post(
    '/api/sharing/groups',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Create a closed user group (nominal data excluded unless its agreement allows them)',
        tags: ['sharing'],
        body: z.object({
          code: codeParam.shape.code,
          name: z.string().min(1).max(300),
          description: z.string().max(5_000).nullable().optional(),
          nominal_data_allowed: z.boolean().optional(),
        }),
        response: { 201: groupSchema, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createGroup(database, actorFrom(request), request.body)),
  );

  getOneRoute(
    typed,
    '/api/sharing/groups/:code',
    {
      permission: 'sharing:read',
      tag: 'sharing',
      summary: 'A closed user group',
      params: codeParam,
      response: groupSchema,
    },
    async ({ code }) => getGroup(database.db, code),
  );

  typed.patch(
    '/api/sharing/groups/:code',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: "Change a group's name, description or agreement on nominal data",
        tags: ['sharing'],
        params: codeParam,
        body: z.object({
          name: z.string().min(1).max(300).optional(),
          description: z.string().max(5_000).nullable().optional(),
          nominal_data_allowed: z.boolean().optional(),
        }),
        response: { 200: groupSchema, 404: errorSchema },
      },
    },
    async (request) => updateGroup(database, actorFrom(request), request.params.code, request.body),
  );

  typed.post(
    '/api/sharing/groups/:code/members',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Add a member: a partner (by code) or an office of this installation, with a role',
        tags: ['sharing'],
        params: codeParam,
        body: z.object({
          member_type: z.enum(MEMBER_TYPES),
          ref: z.string().min(1).max(32),
          role: z.enum(MEMBER_ROLES).default('member'),
        }),
        response: { 200: groupSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => addMember(database, actorFrom(request), request.params.code, request.body),
  );

  typed.delete(
    '/api/sharing/groups/:code/members/:member_type/:ref',
    {
      config: { permission: 'sharing:write' },
      schema: {
        summary: 'Remove a member',
        tags: ['sharing'],
        params: codeParam.extend({ member_type: z.enum(MEMBER_TYPES), ref: z.string().min(1).max(32) }),
        response: { 200: groupSchema, 404: errorSchema },
      },
    },
    async (request) =>
      removeMember(database, actorFrom(request), request.params.code, {
        member_type: request.params.member_type,
        ref: request.params.ref,
      }),
  );
}
