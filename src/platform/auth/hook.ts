/**
 * Authentication and authorisation of every request, from the permission each route declares:
 * 'public' routes pass; others need a session cookie or a bearer API token (401 without) whose user holds the
 * permission (403 otherwise). Cookie-authenticated requests that change something must come from this site
 * (Origin check, on top of SameSite=Strict cookies).
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.ts';

export const SESSION_COOKIE = 'vigie_session';

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function installAuthorisation(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    const apiToken = bearer(request);
    const sessionToken = apiToken ? undefined : request.cookies?.[SESSION_COOKIE];
    const user = await context.registry.authenticate(context.database, context.config, {
      apiToken,
      sessionToken,
    });
    if (!user) {
      return reply
        .code(401)
        .send({ code: 'auth.required', message: 'sign in first (session cookie or Bearer API token)' });
    }
    if (
      user.via === 'session' &&
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      !sameOrigin(request)
    ) {
      return reply
        .code(403)
        .send({ code: 'auth.cross_site', message: 'this request comes from another site' });
    }
    if (!user.permissions.has(permission)) {
      return reply.code(403).send({
        code: 'auth.forbidden',
        message: `your role does not allow this (${permission})`,
        details: { permission },
      });
    }
    request.user = user;
  });
}
