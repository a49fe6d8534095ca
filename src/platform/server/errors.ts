/**
 * One error shape for every route: `{ code, message, details? }` with a stable code. Request validation errors
 * name the offending parameter; database constraint violations become 4xx answers; anything else is a 500 whose
 * details stay in the log, never in the answer.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { wantsWebPage } from './web.ts';

export const errorSchema = z
  .object({
    code: z.string().describe('Stable error code, e.g. declaration.not_found'),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });

const PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'conflict', message: 'a record with this key already exists' },
  '23503': { status: 409, code: 'conflict.reference', message: 'a referenced record does not exist' },
  '23514': { status: 422, code: 'invalid', message: 'a value breaks a rule of the data model' },
  '23502': { status: 422, code: 'invalid', message: 'a required value is missing' },
  '22P02': { status: 400, code: 'request.invalid', message: 'a value has the wrong form' },
  '22007': { status: 400, code: 'request.invalid', message: 'a date has the wrong form' },
  '22008': { status: 400, code: 'request.invalid', message: 'a date is out of range' },
};

export function installErrorHandling(app: FastifyInstance, options: { webPages?: boolean } = {}): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.webPages && wantsWebPage(request.method, request.url, request.headers.accept)) {
      // A page of the workbench: the browser-side router shows it.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .code(404)
      .send({ code: 'route.not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send({
        code: 'request.invalid',
        message: `invalid ${error.validationContext ?? 'request'}: ${error.validation
          .map((v) => `${v.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'value'} ${v.message}`)
          .join('; ')}`,
        details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      });
    }
    if (error instanceof AppError) {
      return reply
        .code(error.status)
        .send({ code: error.code, message: error.message, details: error.details });
    }
    const pgCode = (error as { code?: string }).code;
    if (pgCode && PG_ERRORS[pgCode]) {
      const mapped = PG_ERRORS[pgCode];
      request.log.warn({ err: error }, 'database refused a request');
      return reply.code(mapped.status).send({ code: mapped.code, message: mapped.message });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ code: 'internal', message: 'internal error' });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .code(error.statusCode)
        .send({ code: error.code ?? 'request.invalid', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ code: 'internal', message: 'internal error' });
  });
}
