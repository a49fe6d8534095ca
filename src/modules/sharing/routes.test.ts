/**
 * The sharing API as the liaison officer uses it: partners, groups, the preview and the sending of a seizure report
 * split by the group's agreement, messages received from a partner installation (accepted once, refused when
 * tampered), the ledger and its export verified offline; and what the liaison role may and may not do.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { rawPublicKey, signText } from './keys.ts';
import { payloadHash, statementText } from './ledger-format.ts';
import { verifyLedger } from './ledger-verify.ts';
import type { Envelope } from './messages.ts';

type Headers = Record<string, string>;

describeEachDatabase('sharing API', (t) => {
  let opened: TestApp;
  const users = {} as Record<'admin' | 'liaison' | 'auditor' | 'investigator' | 'officer', Headers>;
  const partnerKeys = generateKeyPairSync('ed25519');
  let seizureId = 0;

  beforeAll(async () => {
    opened = await testApp(t.database, { dataDir: mkdtempSync(join(tmpdir(), 'vigie-sharing-')) });
    for (const role of ['admin', 'liaison', 'auditor', 'investigator', 'officer'] as const)
      users[role] = (await userWithToken(t.database, [role])).headers;
    const kase = await call('POST', '/api/cases', users.admin, {
      title: 'Affaire Youssef El Amrani',
      type: 'counterfeiting',
      office: '300',
    });
    expect(kase.statusCode).toBe(201);
    const caseId = kase.json().id;
    for (const link of [
      { target_type: 'company', target_ref: 'RC-45871', note: 'importer' },
      { target_type: 'person', target_ref: 'Youssef El Amrani', note: 'manager' },
      { target_type: 'graph_entity', target_ref: 'phone:+212600000001' },
    ])
      expect((await call('POST', `/api/cases/${caseId}/links`, users.admin, link)).statusCode).toBe(201);
    const seizure = await call('POST', '/api/seizures', users.admin, {
      case_id: caseId,
      seized_on: '2026-03-14',
      office: '300',
      place: '12 rue des Orangers',
      city: 'Tanger',
      latitude: 35.76,
      longitude: -5.83,
      description: 'Sacs contrefaits',
      category: 'counterfeit_accessories',
      quantity: 240,
      unit: 'pieces',
      estimated_value: 120_000,
      brand: 'Louis Vuitton',
      rights_holder: 'LVMH',
      officers: ['Karim Benali'],
      fines: 5000,
    });
    expect(seizure.statusCode).toBe(201);
    seizureId = seizure.json().id;
  });
  afterAll(() => opened?.close());

  const call = (method: string, url: string, headers: Headers, payload?: unknown) =>
    opened.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  it('lets the liaison officer share but not read case files; the auditor reads, changes nothing', async () => {
    expect((await call('GET', '/api/cases', users.liaison)).statusCode).toBe(403);
    expect((await call('GET', '/api/sharing/partners', users.liaison)).statusCode).toBe(200);
    expect((await call('GET', '/api/assistance', users.liaison)).statusCode).toBe(200);
    expect((await call('GET', '/api/sharing/partners', users.auditor)).statusCode).toBe(200);
    expect((await call('GET', '/api/assistance/overdue', users.auditor)).statusCode).toBe(200);
    const denied = await call('POST', '/api/sharing/groups', users.auditor, { code: 'X', name: 'x' });
    expect(denied.statusCode).toBe(403);
    expect((await call('GET', '/api/sharing/messages', users.investigator)).statusCode).toBe(403);
    expect((await call('GET', '/api/assistance', users.officer)).statusCode).toBe(403);
  });

  it('refuses a bad public key, a duplicate partner and our own key as a partner', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const add = (body: Record<string, unknown>) =>
      call('POST', '/api/sharing/partners', users.liaison, {
        code: 'ES-AEAT',
        name: 'Agencia Tributaria, Vigilancia Aduanera',
        kind: 'customs_administration',
        country: 'ES',
        ...body,
      });
    const bad = await add({ public_key: rsa.toString() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'sharing.bad_public_key', message: /it is a rsa key/ });
    const badEndpoint = await add({
      public_key: rawPublicKey(partnerKeys.publicKey).toString('base64'),
      endpoint_url: 'ftp://x',
    });
    expect(badEndpoint.json().code).toBe('sharing.bad_endpoint');
    const ours = (await call('GET', '/api/sharing/installation', users.liaison)).json();
    expect(ours.key_id).toMatch(/^[0-9a-f]{32}$/);
    const own = await add({ public_key: ours.public_key });
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('sharing.key_is_ours');
    const ok = await add({
      public_key: rawPublicKey(partnerKeys.publicKey).toString('base64'),
      endpoint_url: 'https://vigie.aeat.example/',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      code: 'ES-AEAT',
      country: 'ES',
      active: true,
      public_key: /BEGIN PUBLIC KEY/,
    });
    const again = await add({
      code: 'ES-AEAT',
      public_key: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('sharing.partner_exists');
    const sameKey = await add({
      code: 'ES-OTHER',
      public_key: rawPublicKey(partnerKeys.publicKey).toString('base64'),
    });
    expect(sameKey.json().code).toBe('sharing.key_in_use');
    expect((await call('GET', '/api/sharing/partners/NOPE', users.liaison)).statusCode).toBe(404);
  });

  it('previews and sends a seizure report without personal data to a group that forbids them', async () => {
    const group = await call('POST', '/api/sharing/groups', users.liaison, {
      code: 'MED-OP',
      name: 'Operation Mediterranean',
      nominal_data_allowed: false,
    });
    expect(group.statusCode).toBe(201);
    expect(
      (
        await call('POST', '/api/sharing/groups/MED-OP/members', users.liaison, {
          member_type: 'partner',
          ref: 'NOPE',
          role: 'member',
        })
      ).statusCode,
    ).toBe(404);
    await call('POST', '/api/sharing/groups/MED-OP/members', users.liaison, {
      member_type: 'partner',
      ref: 'ES-AEAT',
      role: 'coordinator',
    });
    const members = await call('POST', '/api/sharing/groups/MED-OP/members', users.liaison, {
      member_type: 'office',
      ref: '300',
    });
    expect(members.json().members).toMatchObject([
      {
        member_type: 'partner',
        ref: 'ES-AEAT',
        role: 'coordinator',
        name: 'Agencia Tributaria, Vigilancia Aduanera',
      },
      { member_type: 'office', ref: '300', role: 'member', name: null },
    ]);
    const dup = await call('POST', '/api/sharing/groups/MED-OP/members', users.liaison, {
      member_type: 'office',
      ref: '300',
    });
    expect(dup.json().code).toBe('sharing.member_exists');

    const body = {
      kind: 'seizure_report',
      distribution: 'group',
      marking: 'amber',
      group: 'MED-OP',
      seizure_id: seizureId,
    };
    const noGroup = await call('POST', '/api/sharing/messages/preview', users.liaison, {
      ...body,
      group: undefined,
    });
    expect(noGroup.json().code).toBe('sharing.group_required');
    const preview = await call('POST', '/api/sharing/messages/preview', users.liaison, body);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.nominal).toBe(false);
    expect(p.removed).toEqual([
      'seizure.place',
      'seizure.latitude',
      'seizure.longitude',
      'seizure.officers',
      'case.title',
      'parties[0].note',
      'parties[1]',
      'parties[2]',
    ]);
    expect(p.payload.parties).toEqual([{ type: 'company', ref: 'RC-45871' }]);
    expect(JSON.stringify(p.payload)).not.toMatch(/El Amrani|Benali|Orangers|\+212|fines/);
    expect(p.payload.seizure).toMatchObject({
      city: 'Tanger',
      brand: 'Louis Vuitton',
      rights_holder: 'LVMH',
    });
    const messagesBefore = (await call('GET', '/api/sharing/messages', users.liaison)).json().total;
    expect(messagesBefore).toBe(0);

    const sent = await call('POST', '/api/sharing/messages', users.liaison, body);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      direction: 'outgoing',
      group: 'MED-OP',
      kind: 'seizure_report',
      nominal: false,
      source_type: 'seizure',
    });
    expect(sent.json().payload).toEqual(p.payload);
    const envelope = await call('GET', `/api/sharing/messages/${sent.json().id}/envelope`, users.auditor);
    expect(envelope.json()).toMatchObject({
      v: 1,
      message_id: sent.json().message_id,
      group: 'MED-OP',
      payload_sha256: payloadHash(p.payload),
    });

    // The group now allows nominal data: the same seizure leaves with them.
    await call('PATCH', '/api/sharing/groups/MED-OP', users.liaison, { nominal_data_allowed: true });
    const nominal = (await call('POST', '/api/sharing/messages/preview', users.liaison, body)).json();
    expect(nominal).toMatchObject({ nominal: true, removed: [] });
    expect(nominal.payload.seizure.officers).toEqual(['Karim Benali']);
    const text = await call('POST', '/api/sharing/messages', users.liaison, {
      kind: 'warning',
      distribution: 'group',
      marking: 'red',
      group: 'MED-OP',
      title: 'Route change',
    });
    expect(text.json().code).toBe('sharing.text_required');
    const audit = await listAudit(
      t.database.db,
      { action: 'sharing.message_send' },
      { limit: 10, offset: 0 },
    );
    expect(audit.items[0]?.after).toMatchObject({
      nominal: false,
      removed: expect.arrayContaining(['seizure.officers']),
    });
  });

  const envelopeFrom = (over: Partial<Envelope> = {}, sign = partnerKeys.privateKey): Envelope => {
    const payload = over.payload ?? {
      schema: 'vigie.text/1',
      text: 'Lorries of bags leave Algeciras on Fridays',
    };
    const statement = {
      v: 1 as const,
      message_id: over.message_id ?? randomUUID(),
      sender: '',
      sent_at: '2026-03-20T08:00:00.000Z',
      kind: 'warning' as const,
      distribution: 'connected_groups' as const,
      marking: 'amber' as const,
      group: 'MED-OP',
      title: 'Route warning',
      payload_sha256: payloadHash(payload),
      ...over,
    };
    delete (statement as { payload?: unknown }).payload;
    return { ...statement, payload, signature: over.signature ?? signText(sign, statementText(statement)) };
  };

  it("receives a partner's signed message once, downgraded, and refuses a tampered or forged one (audited)", async () => {
    const sender = (await call('GET', '/api/sharing/partners/ES-AEAT', users.liaison)).json().key_id;
    const good = envelopeFrom({ sender });
    const first = await call('POST', '/api/sharing/messages/incoming', users.liaison, good);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      duplicate: false,
      message: { direction: 'incoming', partner: 'ES-AEAT', distribution: 'group', group: 'MED-OP' },
    });
    const second = await call('POST', '/api/sharing/messages/incoming', users.liaison, good);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ duplicate: true, message: { id: first.json().message.id } });

    const tampered = {
      ...good,
      message_id: randomUUID(),
      payload: { schema: 'vigie.text/1', text: 'Lorries leave on Mondays' },
    };
    const refusedPayload = await call('POST', '/api/sharing/messages/incoming', users.liaison, tampered);
    expect(refusedPayload.statusCode).toBe(422);
    expect(refusedPayload.json().code).toBe('sharing.payload_mismatch');
    const forged = envelopeFrom({ sender }, generateKeyPairSync('ed25519').privateKey);
    const refusedSignature = await call('POST', '/api/sharing/messages/incoming', users.liaison, forged);
    expect(refusedSignature.json().code).toBe('sharing.bad_signature');
    const stranger = await call(
      'POST',
      '/api/sharing/messages/incoming',
      users.liaison,
      envelopeFrom({ sender: 'f'.repeat(32) }),
    );
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().code).toBe('sharing.unknown_sender');
    const local = await call(
      'POST',
      '/api/sharing/messages/incoming',
      users.liaison,
      envelopeFrom({ sender, distribution: 'installation' }),
    );
    expect(local.json().code).toBe('sharing.not_for_export');
    const refusals = await listAudit(
      t.database.db,
      { action: 'sharing.message_refused' },
      { limit: 10, offset: 0 },
    );
    expect(refusals.items.map((e) => (e.details as { code: string }).code).sort()).toEqual(
      [
        'sharing.bad_signature',
        'sharing.not_for_export',
        'sharing.payload_mismatch',
        'sharing.unknown_sender',
      ].sort(),
    );
    const inbox = (
      await call('GET', '/api/sharing/messages?direction=incoming&group=MED-OP', users.auditor)
    ).json();
    expect(inbox.total).toBe(1);
  });

  it('keeps every message sent or received in the ledger, checkpoints it and exports what verifies offline', async () => {
    const ledger = (await call('GET', '/api/sharing/ledger', users.auditor)).json();
    expect(ledger.total).toBe(2);
    expect(ledger.items.map((e: { direction: string }) => e.direction)).toEqual(['incoming', 'outgoing']);
    expect(ledger.items[0]).toMatchObject({ seq: 2, partner: 'ES-AEAT', prev_hash: ledger.items[1].hash });
    expect((await call('POST', '/api/sharing/ledger/checkpoints', users.auditor)).statusCode).toBe(403);
    const checkpoint = (await call('POST', '/api/sharing/ledger/checkpoints', users.liaison)).json()
      .checkpoint;
    expect(checkpoint).toMatchObject({ from_seq: 1, to_seq: 2 });
    expect(
      (await call('POST', '/api/sharing/ledger/checkpoints', users.liaison)).json().checkpoint,
    ).toBeNull();
    const exported = await call('GET', '/api/sharing/ledger/export', users.auditor);
    expect(exported.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = exported.body.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['vigie-ledger', 'entry', 'entry', 'checkpoint']);
    const verdict = await verifyLedger(lines);
    expect(verdict).toMatchObject({ ok: true, entries: 2, checkpoints: 1, last_seq: 2 });
    const trusted = await verifyLedger(lines, {
      trusted: [{ owner: 'ES-AEAT', key: partnerKeys.publicKey }],
    });
    // Trusting only the partner's key: this installation's signatures cannot be checked.
    expect(trusted.problem).toMatchObject({ seq: 1, reason: 'unknown_key' });
  });
});
