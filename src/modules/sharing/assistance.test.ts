import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import {
  assistanceCounts,
  getAssistance,
  listAssistance,
  openAssistance,
  overdueAssistance,
  remindAssistance,
  transitionAssistance,
} from './assistance.ts';
import { addPartner } from './partners.ts';

const actor = { id: null, name: 'liaison-test', ip: null };
const newKey = () =>
  generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

describeEachDatabase('mutual administrative assistance', (t) => {
  beforeAll(async () => {
    await addPartner(t.database, actor, {
      code: 'FR-DGDDI',
      name: 'Direction générale des douanes et droits indirects',
      kind: 'customs_administration',
      country: 'fr',
      public_key: newKey(),
    });
    await addPartner(t.database, actor, {
      code: 'MA-UTRF',
      name: 'Unité de traitement du renseignement financier',
      kind: 'national_agency',
      country: 'MA',
      public_key: newKey(),
    });
  });

  const base = {
    legal_basis: 'Convention of Nairobi, annex II',
    subject: 'Shipments of counterfeit bags from Le Havre',
    questions: 'Who shipped containers MSCU1234567 and MSCU7654321? Any earlier seizures?',
  };

  it('refuses an unknown partner, a bad subject and a deadline before the request was received', async () => {
    await expect(
      openAssistance(t.database, actor, { ...base, direction: 'outgoing', partner: 'XX-NONE' }),
    ).rejects.toMatchObject({ status: 404, code: 'sharing.partner_not_found' });
    await expect(
      openAssistance(t.database, actor, {
        ...base,
        direction: 'outgoing',
        partner: 'FR-DGDDI',
        subjects: [{ ref_type: 'graph_entity', ref: 'no type' }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'assistance.bad_subject', message: /subjects\[0\]\.ref/ });
    await expect(
      openAssistance(t.database, actor, {
        ...base,
        direction: 'incoming',
        partner: 'FR-DGDDI',
        sent_on: '2026-05-10',
        deadline: '2026-05-01',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'assistance.bad_deadline' });
    expect((await listAssistance(t.database.db, {}, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('refuses illegal moves with a 409 naming the allowed ones, a refusal without reason, an answer without text', async () => {
    const r = await openAssistance(t.database, actor, {
      ...base,
      direction: 'outgoing',
      partner: 'FR-DGDDI',
    });
    expect(r).toMatchObject({ status: 'draft', next_statuses: ['sent', 'withdrawn'] });
    await expect(
      transitionAssistance(t.database, actor, r.id, { status: 'answered', answer: 'x' }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'assistance.transition_refused',
      message: expect.stringMatching(/cannot go from draft to answered \(allowed: sent, withdrawn\)/),
      details: { from: 'draft', to: 'answered', allowed: ['sent', 'withdrawn'] },
    });
    await expect(remindAssistance(t.database, actor, r.id, {})).rejects.toMatchObject({
      status: 409,
      code: 'assistance.not_waiting',
    });
    await transitionAssistance(t.database, actor, r.id, { status: 'sent', on: '2026-02-01' });
    await expect(transitionAssistance(t.database, actor, r.id, { status: 'refused' })).rejects.toMatchObject({
      status: 422,
      code: 'assistance.reason_required',
    });
    await expect(
      transitionAssistance(t.database, actor, r.id, { status: 'answered', answer: '  ' }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'assistance.answer_required',
    });
    await expect(
      transitionAssistance(t.database, actor, r.id, { status: 'answered', answer: 'ok', on: '2026-01-01' }),
    ).rejects.toMatchObject({ status: 400, code: 'assistance.bad_date' });
    const withdrawn = await transitionAssistance(t.database, actor, r.id, {
      status: 'withdrawn',
      reason: 'the case was closed here',
    });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      next_statuses: [],
      status_reason: 'the case was closed here',
    });
    expect(withdrawn.closed_at).not.toBeNull();
    await expect(transitionAssistance(t.database, actor, r.id, { status: 'sent' })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/it is final/),
    });
    await expect(getAssistance(t.database.db, 999_999)).rejects.toMatchObject({
      status: 404,
      code: 'assistance.not_found',
    });
    await expect(getAssistance(t.database.db, 'OUT/1999/0001')).rejects.toMatchObject({ status: 404 });
  });

  it('tracks an outgoing request to its answer, with subjects, reminders and an audit entry for every change', async () => {
    const r = await openAssistance(t.database, actor, {
      ...base,
      direction: 'outgoing',
      partner: 'FR-DGDDI',
      deadline: '2026-03-31',
      subjects: [
        { ref_type: 'graph_entity', ref: 'company:rc-45871' },
        { ref_type: 'declaration', ref: '2026-300-000123' },
        { ref_type: 'case', ref: '300/2026/0003' },
        { ref_type: 'case', ref: '300/2026/0003' },
      ],
    });
    expect(r.number).toMatch(/^OUT\/\d{4}\/\d{4}$/);
    expect(r.subjects).toEqual([
      { ref_type: 'graph_entity', ref: 'company:rc-45871' },
      { ref_type: 'declaration', ref: '2026-300-000123' },
      { ref_type: 'case', ref: '300/2026/0003' },
    ]);
    await transitionAssistance(t.database, actor, r.number, { status: 'sent', on: '2026-03-01' });
    await remindAssistance(t.database, actor, r.number, { reminded_on: '2026-03-20', note: 'by telephone' });
    const answered = await transitionAssistance(t.database, actor, r.number, {
      status: 'answered',
      answer: 'Both containers were shipped by SARL Atlas; two earlier seizures in 2025.',
      on: '2026-04-02',
    });
    expect(answered).toMatchObject({
      status: 'answered',
      sent_on: '2026-03-01',
      answered_on: '2026-04-02',
      overdue: false,
      next_statuses: ['closed'],
      reminders: [{ reminded_on: '2026-03-20', note: 'by telephone' }],
    });
    const closed = await transitionAssistance(t.database, actor, r.id, { status: 'closed' });
    expect(closed.status).toBe('closed');
    const audit = await listAudit(
      t.database.db,
      { target_type: 'assistance_request' },
      { limit: 50, offset: 0 },
    );
    const mine = audit.items.filter((e) => e.target_id === r.number).map((e) => e.action);
    expect(mine.sort()).toEqual(
      [
        'assistance.open',
        'assistance.transition',
        'assistance.remind',
        'assistance.answer',
        'assistance.transition',
      ].sort(),
    );
  });

  it('lists overdue requests (still waiting after their deadline) and counts per year, partner and direction', async () => {
    const late = await openAssistance(t.database, actor, {
      ...base,
      direction: 'incoming',
      partner: 'MA-UTRF',
      sent_on: '2025-11-02',
      deadline: '2025-12-01',
      partner_reference: 'UTRF-2025-77',
    });
    expect(late).toMatchObject({ status: 'sent', number: 'IN/2025/0001', partner_reference: 'UTRF-2025-77' });
    const onTime = await openAssistance(t.database, actor, {
      ...base,
      direction: 'incoming',
      partner: 'MA-UTRF',
      sent_on: '2025-11-20',
      deadline: '2026-12-31',
    });
    expect(onTime.number).toBe('IN/2025/0002');
    const draftLate = await openAssistance(t.database, actor, {
      ...base,
      direction: 'outgoing',
      partner: 'MA-UTRF',
      deadline: '2020-01-01',
    });
    const overdue = await overdueAssistance(t.database.db, '2026-01-15');
    expect(overdue.map((r) => r.number)).toEqual([draftLate.number, late.number]);
    expect(overdue.every((r) => r.overdue)).toBe(true);
    const listed = await listAssistance(
      t.database.db,
      { overdue: true, partner: 'MA-UTRF', direction: 'incoming', on: '2026-01-15' },
      { limit: 10, offset: 0 },
    );
    expect(listed.items.map((r) => r.number)).toEqual([late.number]);

    const counts = await assistanceCounts(t.database.db);
    expect(counts.filter((c) => c.year === 2025)).toEqual([
      {
        year: 2025,
        partner: 'MA-UTRF',
        partner_name: 'Unité de traitement du renseignement financier',
        direction: 'incoming',
        requests: 2,
        answered: 0,
      },
    ]);
    const in2026 = await assistanceCounts(t.database.db, { year: 2026 });
    expect(in2026).toEqual([
      // the withdrawn one and the closed one were both sent in 2026; drafts never sent do not count
      {
        year: 2026,
        partner: 'FR-DGDDI',
        partner_name: 'Direction générale des douanes et droits indirects',
        direction: 'outgoing',
        requests: 2,
        answered: 1,
      },
    ]);
  });
});
