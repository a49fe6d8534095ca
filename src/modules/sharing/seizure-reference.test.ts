/**
 * A seizure report names its seizure by reference too (the liaison office does not read case files, so it knows a
 * seizure by the reference the seizing office gives it, not by an internal id): the preview and the message by
 * reference are those by id; an unknown reference is a 404, naming the seizure twice or not at all a 400.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';

type Headers = Record<string, string>;

describeEachDatabase('seizure report by the seizure’s reference', (t) => {
  let opened: TestApp;
  let admin: Headers;
  let liaison: Headers;
  let seizure: { id: number; reference: string };

  beforeAll(async () => {
    opened = await testApp(t.database, { dataDir: mkdtempSync(join(tmpdir(), 'vigie-seizure-ref-')) });
    admin = (await userWithToken(t.database, ['admin'])).headers;
    liaison = (await userWithToken(t.database, ['liaison'])).headers;
    const group = await call('POST', '/api/sharing/groups', admin, { code: 'MED-OP', name: 'Med' });
    expect(group.statusCode).toBe(201);
    const created = await call('POST', '/api/seizures', admin, {
      seized_on: '2026-03-14',
      office: '300',
      place: '12 rue des Orangers',
      city: 'Tanger',
      description: 'Sacs contrefaits',
      category: 'counterfeit_accessories',
      officers: ['Karim Benali'],
    });
    expect(created.statusCode, created.body).toBe(201);
    seizure = created.json();
    expect(seizure.reference).toMatch(/^S-300\//);
  });
  afterAll(() => opened?.close());

  const call = (method: 'POST', url: string, headers: Headers, payload: Record<string, unknown>) =>
    opened.app.inject({ method, url, headers, payload });
  const body = (seizureRef: Record<string, unknown>) => ({
    kind: 'seizure_report',
    distribution: 'group',
    marking: 'amber',
    group: 'MED-OP',
    ...seizureRef,
  });

  it('refuses a seizure named twice or not at all (400), and an unknown reference (404)', async () => {
    const twice = await call(
      'POST',
      '/api/sharing/messages/preview',
      liaison,
      body({ seizure_id: seizure.id, seizure_reference: seizure.reference }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('sharing.seizure_twice');
    const none = await call('POST', '/api/sharing/messages/preview', liaison, body({}));
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('sharing.seizure_required');
    const blank = await call(
      'POST',
      '/api/sharing/messages/preview',
      liaison,
      body({ seizure_reference: '  ' }),
    );
    expect(blank.statusCode).toBe(400);
    const unknown = await call(
      'POST',
      '/api/sharing/messages/preview',
      liaison,
      body({ seizure_reference: 'S-999/2026/9999' }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('seizure.not_found');
  });

  it('previews and sends by reference exactly what it does by id, the nominal split included', async () => {
    const byId = await call(
      'POST',
      '/api/sharing/messages/preview',
      liaison,
      body({ seizure_id: seizure.id }),
    );
    const byReference = await call(
      'POST',
      '/api/sharing/messages/preview',
      liaison,
      body({ seizure_reference: ` ${seizure.reference} ` }),
    );
    expect(byReference.statusCode).toBe(200);
    expect(byReference.json()).toEqual(byId.json());
    expect(byReference.json().removed).toEqual(expect.arrayContaining(['seizure.place', 'seizure.officers']));
    const sent = await call(
      'POST',
      '/api/sharing/messages',
      liaison,
      body({ seizure_reference: seizure.reference }),
    );
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      kind: 'seizure_report',
      source_type: 'seizure',
      source_ref: seizure.reference,
      nominal: false,
    });
  });
});
