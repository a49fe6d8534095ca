/**
 * Text that no part of Vigie can store or compare is refused at the door: a NUL character (PostgreSQL's text and
 * jsonb cannot hold one; queries with it failed with 500) or a lone UTF-16 surrogate (no valid UTF-8 encodes it;
 * the database driver silently turned it into U+FFFD, so what was checked was not what was stored). Every path,
 * query string and JSON body is checked once here, before validation, instead of in each route's schema.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

const MAX_DEPTH = 64;

/** The path of the first string (or key) that is not storable text, or null. */
export function findUnstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000') ? null : path;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!key.isWellFormed() || key.includes('\u0000')) return `${path} (a key)`;
    const found = findUnstorableText(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    const checkBody = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
    const where =
      findUnstorableText(request.params, 'path') ??
      findUnstorableText(request.query, 'query') ??
      (checkBody ? findUnstorableText(body, 'body') : null);
    if (where) {
      throw new AppError(
        'request.invalid_text',
        `${where}: expected text without NUL characters or unpaired surrogates`,
        400,
        { field: where },
      );
    }
  });
}
