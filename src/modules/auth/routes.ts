/** Sign-in and sign-out, the current session, one's API tokens, and user administration. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFrom } from '../../platform/auth/actor.ts';
import { SESSION_COOKIE } from '../../platform/auth/hook.ts';
import { ROLES } from '../../platform/auth/permissions.ts';
import type { AuthUser } from '../../platform/auth/user.ts';
import { AppError } from '../../platform/lib/errors.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { errorResponses, positiveIdParams } from '../../platform/server/route-kit.ts';
import { MIN_PASSWORD_LENGTH } from './secrets.ts';
import {
  changeUser,
  confirmPassword,
  createApiToken,
  createUser,
  login,
  logout,
  revokeToken,
  setPassword,
} from './service.ts';
import { listApiTokens, listUsers } from './store.ts';

const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    display_name: z.string(),
    roles: z.array(z.enum(ROLES)),
    office_code: z.string().nullable(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'SessionUser' });

const publicUser = (user: AuthUser) => ({
  id: user.id,
  username: user.username,
  display_name: user.display_name,
  roles: user.roles,
  office_code: user.office_code,
  permissions: [...user.permissions].sort(),
});

const tokenRowSchema = z.object({
  id: z.number().int(),
  prefix: z.string(),
  name: z.string(),
  username: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

const managedUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  roles: z.array(z.enum(ROLES)),
  office_code: z.string().nullable(),
  disabled: z.boolean(),
  last_login_at: z.string().nullable().optional(),
  locked_until: z.string().nullable().optional(),
  created_at: z.string().optional(),
});

export async function authRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const { database, config } = context;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Sign in: sets an HTTP-only session cookie',
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
        response: {
          200: z.object({ user: userSchema, expires_at: z.string() }),
          ...errorResponses(401, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await login(database, config, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!result.ok) {
        if (result.retryAfterSeconds) reply.header('retry-after', String(result.retryAfterSeconds));
        return reply
          .code(result.code === 'auth.invalid' ? 401 : 429)
          .send({ code: result.code, message: result.message });
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        path: '/',
        expires: result.expiresAt,
      });
      return { user: publicUser(result.user), expires_at: result.expiresAt.toISOString() };
    },
  );

  typed.post(
    '/api/auth/logout',
    {
      config: { permission: 'session' },
      schema: { summary: 'Sign out: ends the session', tags: ['auth'], response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.user?.via === 'session') await logout(database, token, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/auth/session',
    {
      config: { permission: 'session' },
      schema: {
        summary: 'The signed-in user and what they may do',
        tags: ['auth'],
        response: { 200: z.object({ user: userSchema, via: z.enum(['session', 'token']) }) },
      },
    },
    async (request) => ({ user: publicUser(request.user!), via: request.user!.via }),
  );

  typed.get(
    '/api/auth/tokens',
    {
      config: { permission: 'session' },
      schema: {
        summary: 'My API tokens',
        tags: ['auth'],
        response: { 200: z.object({ items: z.array(tokenRowSchema) }) },
      },
    },
    async (request) => ({ items: await listApiTokens(database.db, request.user!.id) }),
  );

  typed.post(
    '/api/auth/tokens',
    {
      config: { permission: 'session' },
      schema: {
        summary:
          'Create an API token for scripts (the token is shown once). Needs the password again, and a session: ' +
          'a token cannot mint tokens.',
        tags: ['auth'],
        body: z.object({
          name: z.string().min(1).max(100),
          days: z.number().int().min(1).max(3650).optional().describe('at most VIGIE_TOKEN_MAX_DAYS (90)'),
          password: z.string().min(1).max(1024).describe('the current password, confirmed again'),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            token: z.string(),
            name: z.string(),
            prefix: z.string(),
            expires_at: z.string(),
          }),
          ...errorResponses(403, 422),
        },
      },
    },
    async (request, reply) => {
      if (request.user!.via !== 'session') {
        throw new AppError('auth.reauthenticate', 'an API token cannot create API tokens: sign in', 403);
      }
      await confirmPassword(database, request.user!.id, request.body.password);
      const created = await createApiToken(
        database,
        actorFrom(request),
        request.user!.id,
        request.body.name,
        request.body.days ?? config.tokenDays,
        config.tokenMaxDays,
      );
      const { username: _username, ...rest } = created;
      return reply.code(201).send(rest);
    },
  );

  typed.delete(
    '/api/auth/tokens/:id',
    {
      config: { permission: 'session' },
      schema: {
        summary: 'Revoke one of my API tokens',
        tags: ['auth'],
        params: positiveIdParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await revokeToken(database, actorFrom(request), request.params.id, request.user!.id);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/tokens',
    {
      config: { permission: 'users:manage' },
      schema: {
        summary: "Every user's API tokens (without their secret)",
        tags: ['users'],
        querystring: z.object({ username: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(tokenRowSchema) }) },
      },
    },
    async (request) => {
      const items = await listApiTokens(database.db);
      const { username } = request.query;
      return { items: username ? items.filter((t) => t.username === username) : items };
    },
  );

  typed.delete(
    '/api/tokens/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        summary: "Revoke any user's API token",
        tags: ['users'],
        params: positiveIdParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await revokeToken(database, actorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        summary: 'All users',
        tags: ['users'],
        response: { 200: z.object({ items: z.array(managedUserSchema) }) },
      },
    },
    async () => ({ items: await listUsers(database.db) }),
  );

  typed.post(
    '/api/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        summary: 'Create a user',
        tags: ['users'],
        body: z.object({
          username: z.string().min(2).max(64),
          display_name: z.string().max(200).optional(),
          password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
          roles: z.array(z.enum(ROLES)).min(1),
          office_code: z.string().max(32).nullable().optional(),
        }),
        response: { 201: managedUserSchema, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(database, actorFrom(request), request.body)),
  );

  typed.patch(
    '/api/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        summary: "Change a user's name, roles, office, or disable the account",
        tags: ['users'],
        params: positiveIdParams,
        body: z
          .object({
            display_name: z.string().min(1).max(200).optional(),
            roles: z.array(z.enum(ROLES)).min(1).optional(),
            office_code: z.string().max(32).nullable().optional(),
            disabled: z.boolean().optional(),
          })
          .strict(),
        response: { 200: managedUserSchema, ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      if (
        request.params.id === request.user!.id &&
        (request.body.disabled || (request.body.roles && !request.body.roles.includes('admin')))
      ) {
        throw new AppError(
          'user.self_lockout',
          'you cannot disable your own account or remove your own admin role',
          422,
        );
      }
      return changeUser(database, actorFrom(request), request.params.id, request.body);
    },
  );

  typed.post(
    '/api/users/:id/password',
    {
      config: { permission: 'users:manage' },
      schema: {
        summary: "Set a user's password (ends their sessions)",
        tags: ['users'],
        params: positiveIdParams,
        body: z.object({ password: z.string().min(MIN_PASSWORD_LENGTH).max(1024) }),
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      await setPassword(database, actorFrom(request), request.params.id, request.body.password);
      return reply.code(204).send(null);
    },
  );
}
