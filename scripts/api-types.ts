/**
 * Generates the web client's API types from the server's own OpenAPI document, so that the workbench cannot drift
 * from the schemas the server validates and serialises with (hand-written copies did). The document is built the
 * way /docs/json serves it, from the Fastify app over an in-memory database, without listening on a port.
 *
 *   node bin/run-ts.js scripts/api-types.ts           writes web/src/api/schema.gen.ts
 *   node bin/run-ts.js scripts/api-types.ts --check   exits 1 when the committed file is not what the server gives
 *
 * `npm run build:web` runs the check first; scripts/api-types.test.ts runs it within `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { registry } from '../src/app/modules.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { JobQueue } from '../src/platform/jobs/queue.ts';
import { createLogger } from '../src/platform/lib/logger.ts';
import { INSTALL_DIR } from '../src/platform/lib/paths.ts';
import {
  API_TYPES_COMMAND,
  API_TYPES_FILE,
  apiDocument,
  apiDocumentHash,
  apiHashLine,
  HASH_LABEL,
} from '../src/platform/server/api-document.ts';
import { buildApp } from '../src/platform/server/app.ts';

/** The text of web/src/api/schema.gen.ts for the app's schemas. */
export async function generateApiTypes(app: FastifyInstance): Promise<string> {
  const document = apiDocument(app);
  const ast = await openapiTS(document as unknown as OpenAPI3, { silent: true });
  return `/**
 * GENERATED from the server's OpenAPI document by \`${API_TYPES_COMMAND}\` (scripts/api-types.ts, openapi-typescript):
 * do not edit. The build and the tests fail when it no longer matches the server's schemas. Use it through
 * web/src/api/types.ts. Left out of Biome's formatting: it is compared with the generator's output as it comes.
 *
 * ${apiHashLine(apiDocumentHash(document))}
 */

${astToString(ast)}`;
}

/** The generated types for the schemas of this checkout, from an app over a fresh in-memory database. */
async function generateFromServer(): Promise<string> {
  const database = await openDatabase();
  try {
    await migrateToLatest(database, registry.migrations);
    const config = loadConfig({ dataDir: '/tmp/vigie-api-types' });
    const logger = createLogger('silent');
    const jobs = new JobQueue(database, config, logger, registry);
    const app = await buildApp({ registry, database, config, logger, jobs });
    try {
      await app.ready();
      return await generateApiTypes(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The message to show when the committed file differs from `expected`, or null when they are the same. */
export function staleMessage(expected: string, file = API_TYPES_FILE): string | null {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    return `${relative(INSTALL_DIR, file)} is missing: run \`${API_TYPES_COMMAND}\``;
  }
  if (committed === expected) return null;
  const a = committed.split('\n');
  const b = expected.split('\n');
  // The header's hash line differs whenever anything does: show the first difference in the types instead.
  const same = (i: number) => a[i] === b[i] || (a[i]?.includes(HASH_LABEL) && b[i]?.includes(HASH_LABEL));
  let line = 0;
  while (line < Math.max(a.length, b.length) && same(line)) line++;
  if (line === Math.max(a.length, b.length)) {
    return `${relative(INSTALL_DIR, file)} is stale: the OpenAPI document changed (not the types). Run \`${API_TYPES_COMMAND}\` and commit it.`;
  }
  return [
    `${relative(INSTALL_DIR, file)} is stale: the server's API schemas changed since it was generated.`,
    `First difference at line ${line + 1}:`,
    `  committed: ${a[line]?.trim() ?? '(end of file)'}`,
    `  server:    ${b[line]?.trim() ?? '(end of file)'}`,
    `Run \`${API_TYPES_COMMAND}\`, then fix what \`npm run typecheck\` reports in web/, and commit both.`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const expected = await generateFromServer();
  if (check) {
    const message = staleMessage(expected);
    if (message) {
      console.error(message);
      return 1;
    }
    console.log(`${relative(INSTALL_DIR, API_TYPES_FILE)} matches the server's API schemas`);
    return 0;
  }
  writeFileSync(API_TYPES_FILE, expected);
  console.log(`wrote ${relative(INSTALL_DIR, API_TYPES_FILE)} (${expected.split('\n').length} lines)`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
