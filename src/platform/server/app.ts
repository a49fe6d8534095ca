/**
 * The HTTP application: Fastify with zod schemas on every route (validation in, serialisation out, OpenAPI
 * generated from the same schemas and served at /docs and /docs/json), one error shape, and the modules' routes.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { installAuthorisation } from '../auth/hook.ts';
import { migrationStatus } from '../db/migrate.ts';
import { VERSION } from '../lib/version.ts';
import type { AppContext } from './context.ts';
import { errorSchema, installErrorHandling } from './errors.ts';
import { installMetrics } from './metrics.ts';
import { docsContentSecurityPolicy, installSecurityHeaders } from './security-headers.ts';
import { installTextGuard } from './text-guard.ts';
import { serveWeb } from './web.ts';

/** A registered route, as the security tests and the documentation enumerate them. */
export interface RouteInfo {
  method: string;
  url: string;
  permission: string | undefined;
  querystring: unknown;
  /** An open-ended stream (config.stream): the tests that call every route leave it to its own test. */
  stream: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    vigieRoutes: RouteInfo[];
  }
}

export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: context.logger.child({ category: 'http' }) as FastifyBaseLogger,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
    trustProxy: context.config.trustProxy,
  });
  // A route under /api/ that does not say which permission it needs is a bug: refuse it when it is declared,
  // so that no route can ship open once authorisation reads these permissions.
  const routes: RouteInfo[] = [];
  app.decorate('vigieRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.permission) {
      throw new Error(`route ${route.method} ${route.url} declares no permission (config.permission)`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        permission: route.config?.permission,
        querystring: route.schema?.querystring,
        stream: route.config?.stream === true,
      });
    }
  });
  // First, so that every answer carries them: pages, files, API answers, errors, /docs.
  await installSecurityHeaders(app, { tls: context.config.cookieSecure });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: context.config.uploadMaxMb * 1024 * 1024, files: 1, fields: 20, fieldSize: 10_000 },
  });
  installAuthorisation(app, context);
  installTextGuard(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webPages = context.web === true && (await serveWeb(app, context.webDir));
  installErrorHandling(app, { webPages });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Vigie API',
        description:
          'Customs intelligence and risk targeting. Every route answers errors as `{ code, message, details }`.',
        version: VERSION,
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    transformStaticCSP: docsContentSecurityPolicy,
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Liveness and database check',
        tags: ['operations'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            version: z.string(),
            database: z.enum(['pglite', 'postgres']),
            migrations: z.number().int(),
          }),
          503: errorSchema,
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(context.database.db);
        const applied = (await migrationStatus(context.database, context.registry.migrations)).filter(
          (m) => m.executedAt,
        ).length;
        return {
          status: 'ok' as const,
          version: VERSION,
          database: context.database.kind,
          migrations: applied,
        };
      } catch (error) {
        app.log.error({ err: error }, 'health check failed');
        return reply
          .code(503)
          .send({ code: 'database.unavailable', message: 'the database does not answer' });
      }
    },
  );

  installMetrics(app, context);
  for (const module of context.registry.modules) {
    if (module.routes) await module.routes(app, context);
  }
  return app;
}
