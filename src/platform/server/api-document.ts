/**
 * The OpenAPI document the web client's types are generated from (scripts/api-types.ts writes them to
 * web/src/api/schema.gen.ts with the document's hash in its header). The hash lets the server check, before it
 * rebuilds the workbench at start, that the committed types still describe the schemas it serves, without loading
 * the generator (a development tool).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { INSTALL_DIR } from '../lib/paths.ts';

export const API_TYPES_FILE = join(INSTALL_DIR, 'web', 'src', 'api', 'schema.gen.ts');
export const API_TYPES_COMMAND = 'npm run api-types';
export const HASH_LABEL = 'OpenAPI document sha256:';

/** The document as /docs/json serves it, less the release number (no schema in it: no regeneration per release). */
export function apiDocument(app: FastifyInstance): Record<string, unknown> {
  const document = structuredClone(app.swagger()) as unknown as { info?: Record<string, unknown> };
  document.info = { ...document.info, version: '-' };
  return document as Record<string, unknown>;
}

export function apiDocumentHash(document: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}

/** The line of the generated file's header that records the document it was made from. */
export function apiHashLine(hash: string): string {
  return `${HASH_LABEL} ${hash}`;
}

/** Why the committed types do not match this server's schemas, or null when they do. */
export function apiTypesStaleness(app: FastifyInstance, file = API_TYPES_FILE): string | null {
  if (!existsSync(file)) return `${file} is missing: run \`${API_TYPES_COMMAND}\``;
  const recorded = readFileSync(file, 'utf8').match(/OpenAPI document sha256: ([0-9a-f]{64})/)?.[1];
  if (recorded === apiDocumentHash(apiDocument(app))) return null;
  return (
    `${file} was not generated from the API schemas this server has now (a response or request schema changed): ` +
    `run \`${API_TYPES_COMMAND}\`, then fix what \`npm run typecheck\` reports in web/`
  );
}
