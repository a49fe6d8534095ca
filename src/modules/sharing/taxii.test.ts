/**
 * STIX 2.1 and TAXII 2.1 through the API, on a real HTTP server on loopback: the bundle of what a group may see
 * (schema-valid, without personal data where the group forbids them, audited), the import of a partner's bundle
 * (a bad one refused whole with the object named, a good one stored once, audited, the CLI too), and the TAXII read
 * server as a partner installation uses it — signed requests, one collection per group it belongs to, pages with
 * `next` and `more`, `added_after`, the media type, refusals, and every access audited.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { stixSchemaErrors } from '../../../test/stix-schemas.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { registerSharingCli } from './cli-commands.ts';
import { type InstallationKey, keyIdOf, rawPublicKey } from './keys.ts';
import { signedHeaders } from './push.ts';
import { bundleOf, messageObjects, type StixObject } from './stix.ts';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './stix-model.ts';

type Headers = Record<string, string>;

/** What must never leave to a group that forbids nominal data. */
const PERSONAL = [
  '12 rue des Orangers',
  'Karim Benali',
  'Youssef El Amrani',
  '+212600000001',
  '+212 661 000 111',
];

describeEachDatabase('STIX and TAXII', (t) => {
  let opened: TestApp;
  let base = '';
  let dataDir = '';
  const users = {} as Record<'admin' | 'liaison' | 'officer', Headers>;
  const partner = generateKeyPairSync('ed25519');
  const stranger = generateKeyPairSync('ed25519');
  const partnerKey = (pair: { publicKey: KeyObject; privateKey: KeyObject }) =>
    ({ keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey }) as InstallationKey;
  let seizureMessageId = 0;

  const call = (method: string, url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const audit = async (action: string) =>
    (await listAudit(t.database.db, { action }, { limit: 500, offset: 0 })).items as {
      actor: string;
      target_id: string | null;
      details: Record<string, unknown> | null;
    }[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-stix-'));
    opened = await testApp(t.database, { dataDir });
    await opened.app.listen({ port: 0, host: '127.0.0.1' });
    const address = opened.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (const role of ['admin', 'liaison', 'officer'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
    const ok = async (method: string, url: string, body: unknown, headers = users.liaison) => {
      const r = await call(method, url, headers, body);
      expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
      return r.json();
    };
    await ok('POST', '/api/sharing/partners', {
      code: 'ES',
      name: 'Vigilancia Aduanera',
      kind: 'customs_administration',
      country: 'ES',
      public_key: rawPublicKey(partner.publicKey).toString('base64'),
    });
    await ok('POST', '/api/sharing/groups', {
      code: 'MED',
      name: 'Mediterranean',
      nominal_data_allowed: false,
    });
    await ok('POST', '/api/sharing/groups/MED/members', { member_type: 'partner', ref: 'ES' });
    await ok('POST', '/api/sharing/groups', { code: 'INT', name: 'Internal', nominal_data_allowed: true });
    const kase = await ok(
      'POST',
      '/api/cases',
      { title: 'Affaire Youssef El Amrani', type: 'counterfeiting', office: '300' },
      users.admin,
    );
    for (const link of [
      { target_type: 'company', target_ref: 'RC-45871', note: 'importer' },
      { target_type: 'person', target_ref: 'Youssef El Amrani', note: 'manager' },
      { target_type: 'graph_entity', target_ref: 'phone:+212600000001' },
      { target_type: 'graph_entity', target_ref: 'website:parfums-discount.example' },
    ])
      await ok('POST', `/api/cases/${kase.id}/links`, link, users.admin);
    const seizure = await ok(
      'POST',
      '/api/seizures',
      {
        case_id: kase.id,
        seized_on: '2026-03-14',
        office: '300',
        place: '12 rue des Orangers',
        city: 'Tanger',
        description: 'Parfums contrefaits',
        category: 'counterfeit_cosmetics',
        quantity: 240,
        unit: 'pieces',
        officers: ['Karim Benali'],
      },
      users.admin,
    );
    const sent = await ok('POST', '/api/sharing/messages', {
      kind: 'seizure_report',
      distribution: 'group',
      marking: 'amber',
      group: 'MED',
      seizure_id: seizure.id,
    });
    seizureMessageId = sent.id;
    await ok('POST', '/api/sharing/messages', {
      kind: 'warning',
      distribution: 'group',
      marking: 'green',
      group: 'MED',
      title: 'Online seller of counterfeit perfume',
      text: 'Sells through a marketplace and a shop of its own.',
      observables: [
        { type: 'phone', value: '+212 661 000 111' },
        { type: 'domain', value: 'parfums-discount.example' },
        { type: 'url', value: 'https://parfums-discount.example/promo' },
      ],
    });
    for (let i = 1; i <= 5; i++)
      await ok('POST', '/api/sharing/messages', {
        kind: 'warning',
        distribution: 'group',
        marking: 'clear',
        group: 'MED',
        title: `Routine alert ${i}`,
        text: `Alert ${i}`,
      });
    await ok('POST', '/api/sharing/messages', {
      kind: 'warning',
      distribution: 'group',
      marking: 'red',
      group: 'INT',
      title: 'Internal only',
      text: 'For the internal group',
    });
  });
  afterAll(() => opened?.close());

  it('exports what a group may see as a schema-valid bundle, without personal data, audited', async () => {
    expect((await call('GET', '/api/sharing/groups/MED/stix', users.officer)).statusCode).toBe(403);
    expect((await call('GET', '/api/sharing/groups/NOPE/stix', users.liaison)).statusCode).toBe(404);
    const r = await call('GET', '/api/sharing/groups/MED/stix', users.liaison);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/stix+json');
    const bundle = r.json();
    expect(stixSchemaErrors(bundle)).toEqual([]);
    const reports = bundle.objects.filter((o: StixObject) => o.type === 'report');
    expect(reports).toHaveLength(7);
    expect(reports.map((o: StixObject) => o.name)).not.toContain('Internal only');
    for (const value of PERSONAL) expect(r.body.includes(value), value).toBe(false);
    expect(r.body).toContain('parfums-discount.example');
    // Exporting again gives the same bundle.
    expect((await call('GET', '/api/sharing/groups/MED/stix', users.liaison)).body).toBe(r.body);
    const exported = await audit('sharing.stix_export');
    expect(exported.length).toBeGreaterThanOrEqual(2);
    expect(exported[0]).toMatchObject({ target_id: 'MED', details: { messages: 7, nominal: false } });
    // One message alone: the same report as in the group's bundle.
    const one = await call('GET', `/api/sharing/messages/${seizureMessageId}/stix`, users.liaison);
    expect(one.statusCode).toBe(200);
    const report = one.json().objects.find((o: StixObject) => o.type === 'report');
    expect(reports).toContainEqual(report);
  });

  const partnerBundle = () =>
    bundleOf('from ES', [
      messageObjects(
        {
          message_id: 'es-0001',
          kind: 'warning',
          marking: 'amber',
          title: 'Seller shipping from Algeciras',
          sent_at: '2026-03-20T10:00:00.000Z',
          group_code: 'MED',
          payload: {
            schema: 'vigie.text/1',
            text: 'Counterfeit watches',
            observables: [{ type: 'domain', value: 'relojes.example' }],
          },
        },
        { key_id: keyIdOf(partner.publicKey), name: 'Vigilancia Aduanera', since: '2026-01-01T00:00:00Z' },
        { nominal: true },
      ).objects,
      [
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
          created: '2026-03-01T00:00:00.000Z',
          modified: '2026-03-01T00:00:00.000Z',
          name: 'Seller e-mail',
          pattern: "[email-addr:value = 'relojes@example.es']",
          pattern_type: 'stix',
          valid_from: '2026-03-01T00:00:00Z',
        },
      ],
    ]);

  it('refuses a bad partner bundle whole, naming the object and property, and stores nothing', async () => {
    const bad = partnerBundle();
    const at = bad.objects.findIndex((o) => o.type === 'indicator' && o.name === 'Seller e-mail');
    bad.objects[at] = { ...bad.objects[at]!, valid_from: 'yesterday' };
    const r = await call('POST', '/api/sharing/stix/import?partner=ES', users.liaison, bad);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      code: 'sharing.stix_invalid',
      details: { index: at, id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', property: 'valid_from' },
    });
    expect(r.json().message).toMatch(/^objects\[\d+\] \(indicator--8e2e2d2b-[^)]+\): valid_from: /);
    const incoming = await call('GET', '/api/sharing/messages?direction=incoming', users.liaison);
    expect(incoming.json().total).toBe(0);
    expect((await audit('sharing.stix_refused'))[0]).toMatchObject({ target_id: 'ES' });
    expect(
      (await call('POST', '/api/sharing/stix/import?partner=XX', users.liaison, partnerBundle())).statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/api/sharing/stix/import?partner=ES', users.officer, partnerBundle())).statusCode,
    ).toBe(403);
  });

  it("imports a partner's bundle once: stored, audited, a second import stores nothing", async () => {
    const first = await opened.app.inject({
      method: 'POST',
      url: '/api/sharing/stix/import?partner=ES',
      headers: { ...users.liaison, 'content-type': STIX_MEDIA_TYPE },
      payload: JSON.stringify(partnerBundle()),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ partner: 'ES', stored: 2, duplicate: 0 });
    const again = await call('POST', '/api/sharing/stix/import?partner=ES', users.liaison, partnerBundle());
    expect(again.json()).toMatchObject({ stored: 0, duplicate: 2 });
    const incoming = (await call('GET', '/api/sharing/messages?direction=incoming', users.liaison)).json();
    expect(incoming.total).toBe(2);
    const alert = incoming.items.find((m: { message_id: string }) => m.message_id === 'es-0001');
    expect(alert).toMatchObject({
      partner: 'ES',
      kind: 'warning',
      marking: 'amber',
      distribution: 'installation',
      source_type: 'stix',
      payload: { observables: [{ type: 'domain', value: 'relojes.example' }] },
    });
    const received = await audit('sharing.message_receive');
    expect(received.map((e) => e.details?.via ?? (e as { after?: { via?: string } }).after?.via)).toEqual([
      'stix',
      'stix',
    ]);
    expect(await audit('sharing.stix_import')).toHaveLength(2);
    // The command does the same, and is as idempotent.
    const file = join(dataDir, 'from-es.json');
    writeFileSync(file, JSON.stringify(partnerBundle()));
    await runCliInProcess(t.database, dataDir, registerSharingCli, [
      'sharing',
      'import-stix',
      file,
      '--partner',
      'ES',
    ]);
    expect((await call('GET', '/api/sharing/messages?direction=incoming', users.liaison)).json().total).toBe(
      2,
    );
    expect(await audit('sharing.stix_import')).toHaveLength(3);
  });

  /** A TAXII request from a partner installation, signed over the method and URL as sent. */
  const taxii = async (
    url: string,
    options: { key?: InstallationKey | null; accept?: string; signedUrl?: string } = {},
  ) => {
    const key = options.key === undefined ? partnerKey(partner) : options.key;
    const { 'content-type': _, ...signed } = key
      ? signedHeaders(key, { method: 'GET', url: options.signedUrl ?? url })
      : { 'content-type': '' };
    const response = await fetch(`${base}${url}`, {
      headers: { ...signed, accept: options.accept ?? TAXII_MEDIA_TYPE },
    });
    return {
      status: response.status,
      headers: response.headers,
      // biome-ignore lint/suspicious/noExplicitAny: a TAXII resource, read by the assertions
      body: (await response.json()) as any,
    };
  };

  it('refuses an unsigned, unknown, replayed or non-TAXII request, in TAXII terms, and audits it', async () => {
    const before = (await audit('sharing.taxii_refused')).length;
    const unsigned = await taxii('/taxii2/', { key: null });
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
    expect(unsigned.body).toMatchObject({ error_code: 'sharing.unsigned_request', http_status: '401' });
    expect((await taxii('/taxii2/', { key: partnerKey(stranger) })).status).toBe(403);
    const replayed = await taxii('/api/sharing/taxii2/collections/', { signedUrl: '/taxii2/' });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error_code).toBe('sharing.bad_request_signature');
    const json = await taxii('/taxii2/', { accept: 'application/json' });
    expect(json.status).toBe(406);
    expect((await taxii('/taxii2/', { accept: 'application/taxii+json;version=2.0' })).status).toBe(406);
    expect((await audit('sharing.taxii_refused')).length).toBe(before + 5);
  });

  it('serves discovery, the API root and one collection per group the partner belongs to', async () => {
    const discovery = await taxii('/taxii2/');
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
    expect(discovery.body).toMatchObject({ api_roots: ['/api/sharing/taxii2/'] });
    const root = await taxii('/api/sharing/taxii2/');
    expect(root.body).toMatchObject({ versions: [TAXII_MEDIA_TYPE] });
    const { body } = await taxii('/api/sharing/taxii2/collections/');
    expect(body.collections).toHaveLength(1);
    const [med] = body.collections;
    expect(med).toMatchObject({
      title: 'Mediterranean',
      can_read: true,
      can_write: false,
      media_types: [STIX_MEDIA_TYPE],
    });
    expect(med.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await taxii(`/api/sharing/taxii2/collections/${med.id}/`)).body).toEqual(med);
    // A group it is not in does not exist for it.
    const { collectionId } = await import('./taxii.ts');
    const other = await taxii(`/api/sharing/taxii2/collections/${collectionId('INT')}/objects/`);
    expect(other.status).toBe(404);
    expect(other.body.error_code).toBe('taxii.collection_not_found');
  });

  it("pages a collection's objects with next and more, after a date, by type; every access audited", async () => {
    const reads = (await audit('sharing.taxii_read')).length;
    const { body } = await taxii('/api/sharing/taxii2/collections/');
    const objectsUrl = `/api/sharing/taxii2/collections/${body.collections[0].id}/objects/`;
    const all: StixObject[] = [];
    let next: string | undefined;
    let pages = 0;
    let last = '';
    do {
      const page = await taxii(`${objectsUrl}?limit=5${next ? `&next=${next}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
      expect(page.headers.get('x-taxii-date-added-first')).toBeTruthy();
      last = page.headers.get('x-taxii-date-added-last')!;
      all.push(...page.body.objects);
      expect(page.body.more).toBe(page.body.next !== undefined);
      next = page.body.next;
      pages++;
    } while (next && pages < 20);
    expect(pages).toBeGreaterThan(1);
    const unique = new Map(all.map((o) => [o.id, o]));
    const reports = [...unique.values()].filter((o) => o.type === 'report');
    expect(reports).toHaveLength(7);
    expect(
      stixSchemaErrors({
        type: 'bundle',
        id: 'bundle--6f9619ff-8b86-4011-b42d-00c04fc964ff',
        objects: [...unique.values()],
      }),
    ).toEqual([]);
    const text = JSON.stringify(all);
    for (const value of PERSONAL) expect(text.includes(value), value).toBe(false);
    // Nothing after the last one; only indicators when asked.
    const after = await taxii(`${objectsUrl}?added_after=${encodeURIComponent(last)}`);
    expect(after.body).toEqual({ more: false });
    const indicators = await taxii(`${objectsUrl}?match[type]=indicator`);
    expect(indicators.body.objects.map((o: StixObject) => o.type)).toEqual(['indicator', 'indicator']);
    const manifest = await taxii(`${objectsUrl.replace('/objects/', '/manifest/')}?limit=100`);
    expect(manifest.body.objects.length).toBe(unique.size);
    expect(manifest.body.objects[0]).toMatchObject({ media_type: STIX_MEDIA_TYPE });
    const badNext = await taxii(`${objectsUrl}?next=zzz`);
    expect(badNext).toMatchObject({ status: 400, body: { error_code: 'taxii.bad_next' } });
    const audited = await audit('sharing.taxii_read');
    expect(audited.length).toBe(reads + 1 + pages + 3);
    expect(audited[0]).toMatchObject({ actor: 'partner:ES', target_id: 'ES' });
  });
});
