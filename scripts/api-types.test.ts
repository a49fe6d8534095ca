/**
 * `npm test` fails when web/src/api/schema.gen.ts no longer matches the server's schemas, as `npm run build:web`
 * does: a server change cannot land with the web client typed against the old API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesStaleness } from '../src/platform/server/api-document.ts';
import { type TestApp, testApp } from '../test/app.ts';
import { openTestDatabase } from '../test/db.ts';
import { generateApiTypes, staleMessage } from './api-types.ts';

describe('the web client API types', () => {
  let close: () => Promise<void>;
  let t: TestApp;
  beforeAll(async () => {
    const opened = await openTestDatabase('pglite');
    t = await testApp(opened.database);
    close = async () => {
      await t.close();
      await opened.close();
    };
  });
  afterAll(() => close?.());

  it('are generated from the schemas the server has now (else run `npm run api-types`)', async () => {
    const message = staleMessage(await generateApiTypes(t.app));
    expect(message, message ?? '').toBeNull();
  });

  it('record the hash the server checks at start before it rebuilds the workbench', () => {
    expect(apiTypesStaleness(t.app)).toBeNull();
    expect(apiTypesStaleness(t.app, `${API_TYPES_FILE}.missing`)).toMatch(
      /is missing: run `npm run api-types`/,
    );
  });

  it('say where they differ and what to run when they are stale', () => {
    const message = staleMessage('export interface paths {}\n');
    expect(message).toMatch(/web\/src\/api\/schema\.gen\.ts is stale/);
    expect(message).toMatch(/First difference at line 1/);
    expect(message).toMatch(/Run `npm run api-types`/);
  });
});
