// @vitest-environment happy-dom
/**
 * The cooperation pages against a fake API: partners and the state of each link (pull now for writers only),
 * mutual assistance (filters sent to the server, the workflow's buttons as the server allows them, a reason where
 * needed, a refusal shown where it happened, reminders, a new request), groups and their members, the message feed
 * and a message with its signature status, compose with the preview of exactly what leaves (removed fields shown
 * removed, a changed message previewed again before it may be sent), and the ledger's verification. What a partner
 * sent is hostile here: it must show as text, never run.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { type ApiRoutes, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { Sharing } from './index.tsx';
import type { Assistance, Group, Message, Partner, PartnerStatus } from './shared.tsx';

setUpPageTests('fr');
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });
// Charts draw on a canvas happy-dom does not have; what they show is tested through the data.
vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const LIAISON = ['session', 'sharing:read', 'sharing:write', 'assistance:read', 'assistance:manage'];
const AUDITOR = ['session', 'sharing:read', 'assistance:read'];
const HOSTILE = '<img src=x onerror="window.__xss=1">';

function show(path: string, routes: ApiRoutes, permissions = LIAISON) {
  const api = stubApi(signedIn(permissions), routes);
  renderPage(
    <Routes>
      <Route path="/sharing/*" element={<Sharing />} />
    </Routes>,
    { route: path },
  );
  return api;
}

const noScript = () => {
  expect(document.querySelector('img[src="x"]')).toBeNull();
  expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
};

const partner: Partner = {
  id: 1,
  code: 'ES-AEAT',
  name: `Agencia Tributaria ${HOSTILE}`,
  kind: 'customs_administration',
  country: 'ES',
  public_key: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----',
  key_id: '0123456789abcdef0123456789abcdef',
  endpoint_url: 'https://vigie.aeat.example',
  active: true,
  created_by: 'liaison',
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
};

const status: PartnerStatus = {
  partner: 'ES-AEAT',
  endpoint_url: partner.endpoint_url,
  active: true,
  backlog: 3,
  oldest_pending: '2026-11-30T10:00:00Z',
  attempts: 2,
  refused: 0,
  last_error: `connect ECONNREFUSED ${HOSTILE}`,
  last_sent_at: '2026-11-29T10:00:00Z',
  last_received_at: null,
};

const partnerRoutes: ApiRoutes = {
  'GET /api/sharing/partners': { body: { items: [partner] } },
  'GET /api/sharing/partners/ES-AEAT': { body: partner },
  'GET /api/sharing/status': { body: { items: [status] } },
  'GET /api/sharing/installation': {
    body: { key_id: 'ffffeeeeddddccccbbbbaaaa99998888', public_key: 'PEM' },
  },
};

describe('partners', () => {
  it('lists partners with the state of their link, a hostile name as text, and opens one', async () => {
    show('/sharing/partners', partnerRoutes);
    const row = await screen.findByTestId('partner-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(within(row).getByTestId('link-state').textContent).toBe('En échec');
    expect(row.textContent).toContain('Administration douanière');
    expect((await screen.findByTestId('installation-key')).textContent).toContain(
      'ffff eeee dddd cccc bbbb aaaa 9999 8888',
    );
    fireEvent.click(row);
    expect((await screen.findByTestId('fingerprint')).textContent).toBe(
      '0123 4567 89ab cdef 0123 4567 89ab cdef',
    );
    expect((await screen.findByTestId('last-error')).textContent).toContain(HOSTILE);
    noScript();
  });

  it('pulls now from a partner and says what came', async () => {
    const api = show('/sharing/partners/ES-AEAT', {
      ...partnerRoutes,
      'POST /api/sharing/partners/ES-AEAT/pull': {
        body: { partner: 'ES-AEAT', stored: 4, duplicate: 1, refused: 0, cursor: 12 },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Récupérer maintenant' }));
    expect((await screen.findByRole('status')).textContent).toBe('Reçus : 4, déjà reçus : 1, refusés : 0');
    expect(api.sent('POST', '/api/sharing/partners/ES-AEAT/pull')).toHaveLength(1);
  });

  it('shows a failed pull where it happened', async () => {
    show('/sharing/partners/ES-AEAT', {
      ...partnerRoutes,
      'POST /api/sharing/partners/ES-AEAT/pull': {
        status: 502,
        body: { code: 'sharing.pull_failed', message: 'ECONNREFUSED' },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Récupérer maintenant' }));
    expect(await screen.findByText('L’installation du partenaire n’a pas répondu.')).toBeTruthy();
  });

  it('offers no pull to a reader', async () => {
    show('/sharing/partners/ES-AEAT', partnerRoutes, AUDITOR);
    await screen.findByTestId('fingerprint');
    expect(screen.queryByRole('button', { name: 'Récupérer maintenant' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Modifier ce partenaire' })).toBeNull();
  });

  it('offers no partner form to a reader', async () => {
    show('/sharing/partners', partnerRoutes, AUDITOR);
    await screen.findByTestId('partner-row');
    expect(screen.queryByRole('form', { name: 'Ajouter un partenaire' })).toBeNull();
  });

  it('shows a refused key where it was typed, and adds nothing', async () => {
    const api = show('/sharing/partners', {
      ...partnerRoutes,
      'POST /api/sharing/partners': {
        status: 400,
        body: { code: 'sharing.bad_key', message: `not an Ed25519 public key ${HOSTILE}` },
      },
    });
    const form = await screen.findByRole('form', { name: 'Ajouter un partenaire' });
    const add = within(form).getByRole('button', { name: 'Ajouter' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/^Code/), { target: { value: 'IT-ADM' } });
    fireEvent.change(within(form).getByLabelText(/^Nom/), { target: { value: 'Agenzia delle Dogane' } });
    fireEvent.change(within(form).getByLabelText(/^Pays/), { target: { value: 'it' } });
    fireEvent.change(within(form).getByLabelText(/^Clé publique Ed25519/), {
      target: { value: 'not a key' },
    });
    expect(add.disabled).toBe(false);
    fireEvent.click(add);
    expect(await within(form).findByText(/not an Ed25519 public key/)).toBeTruthy();
    expect(api.sent('POST', '/api/sharing/partners')).toEqual([
      {
        code: 'IT-ADM',
        name: 'Agenzia delle Dogane',
        kind: 'customs_administration',
        country: 'IT',
        public_key: 'not a key',
        endpoint_url: null,
      },
    ]);
    expect(screen.getAllByTestId('partner-row')).toHaveLength(1);
    noScript();
  });

  it('adds a partner with its key and opens its page', async () => {
    const added: Partner = {
      ...partner,
      id: 2,
      code: 'DZ-DGD',
      name: 'Direction générale des douanes',
      kind: 'national_agency',
      country: 'DZ',
      endpoint_url: null,
    };
    const api = show('/sharing/partners', {
      ...partnerRoutes,
      'POST /api/sharing/partners': { status: 201, body: added },
      'GET /api/sharing/partners/DZ-DGD': { body: added },
    });
    const form = await screen.findByRole('form', { name: 'Ajouter un partenaire' });
    fireEvent.change(within(form).getByLabelText(/^Code/), { target: { value: ' DZ-DGD ' } });
    fireEvent.change(within(form).getByLabelText(/^Nom/), { target: { value: added.name } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'national_agency' } });
    fireEvent.change(within(form).getByLabelText(/^Pays/), { target: { value: 'dz' } });
    fireEvent.change(within(form).getByLabelText(/^Clé publique Ed25519/), {
      target: { value: `${added.public_key}\n` },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter' }));
    expect((await screen.findByTestId('partner-title')).textContent).toBe(added.name);
    expect(api.sent('POST', '/api/sharing/partners')).toEqual([
      {
        code: 'DZ-DGD',
        name: added.name,
        kind: 'national_agency',
        country: 'DZ',
        public_key: added.public_key,
        endpoint_url: null,
      },
    ]);
  });

  it("changes a partner's key, sends only what changed and shows the new fingerprint", async () => {
    const api = show('/sharing/partners/ES-AEAT', {
      ...partnerRoutes,
      'PATCH /api/sharing/partners/ES-AEAT': {
        body: { ...partner, key_id: 'aaaabbbbccccdddd0000111122223333', updated_at: '2026-12-01T10:00:00Z' },
      },
    });
    const form = await screen.findByRole('form', { name: 'Modifier ce partenaire' });
    const save = within(form).getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect((within(form).getByLabelText(/^Nom/) as HTMLInputElement).value).toBe(partner.name);
    fireEvent.change(within(form).getByLabelText(/^Nouvelle clé publique/), { target: { value: 'NEWKEY' } });
    fireEvent.click(save);
    expect((await screen.findByRole('status')).textContent).toContain(
      'aaaa bbbb cccc dddd 0000 1111 2222 3333',
    );
    expect(api.sent('PATCH', '/api/sharing/partners/ES-AEAT')).toEqual([{ public_key: 'NEWKEY' }]);
  });

  it('deactivates a partner', async () => {
    const api = show('/sharing/partners/ES-AEAT', {
      ...partnerRoutes,
      'PATCH /api/sharing/partners/ES-AEAT': { body: { ...partner, active: false } },
    });
    const form = await screen.findByRole('form', { name: 'Modifier ce partenaire' });
    fireEvent.click(within(form).getByLabelText('Actif'));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('status')).textContent).toBe('Enregistré.');
    expect(api.sent('PATCH', '/api/sharing/partners/ES-AEAT')).toEqual([{ active: false }]);
  });
});

const request: Assistance = {
  id: 5,
  number: 'OUT/2026/0005',
  direction: 'outgoing',
  partner: 'ES-AEAT',
  partner_name: 'Agencia Tributaria',
  partner_reference: null,
  legal_basis: 'Convention de Nairobi',
  subject: `Importateur de sacs ${HOSTILE}`,
  questions: `Qui est le destinataire ? ${HOSTILE}`,
  deadline: '2026-11-01',
  status: 'sent',
  status_reason: null,
  sent_on: '2026-10-01',
  answer: null,
  answered_on: null,
  overdue: true,
  next_statuses: ['answered', 'refused', 'withdrawn'],
  subjects: [{ ref_type: 'case', ref: '300/2026/0007' }],
  reminders: [
    { reminded_on: '2026-11-05', note: HOSTILE, created_by: 'liaison', created_at: '2026-11-05T09:00:00Z' },
  ],
  created_by: 'liaison',
  created_at: '2026-09-30T10:00:00Z',
  updated_at: '2026-10-01T10:00:00Z',
  closed_at: null,
};

const counts = {
  items: [
    {
      year: 2025,
      partner: 'ES-AEAT',
      partner_name: 'AEAT',
      direction: 'outgoing',
      requests: 191,
      answered: 150,
    },
    {
      year: 2025,
      partner: 'ES-AEAT',
      partner_name: 'AEAT',
      direction: 'incoming',
      requests: 38,
      answered: 30,
    },
  ],
};

describe('mutual assistance', () => {
  it('sends its filters to the server, marks overdue requests and shows the yearly counts', async () => {
    const api = show('/sharing/assistance?direction=outgoing&overdue=true', {
      ...partnerRoutes,
      'GET /api/assistance': { body: { total: 1, limit: 25, offset: 0, items: [request] } },
      'GET /api/assistance/counts': { body: counts },
    });
    const row = await screen.findByTestId('assistance-row');
    expect(row.textContent).toContain('OUT/2026/0005');
    expect(row.textContent).toContain('En retard');
    expect(row.textContent).toContain(HOSTILE);
    const call = api.calls.find((c) => c.path === '/api/assistance')!;
    expect(Object.fromEntries(call.url.searchParams)).toMatchObject({
      direction: 'outgoing',
      overdue: 'true',
    });
    const rows = await screen.findAllByTestId('count-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('191'),
      expect.stringContaining('38'),
    ]);
    expect(screen.getByRole('img', { name: 'Demandes par année et par sens' })).toBeTruthy();
    noScript();
  });

  it('offers the moves the server allows; a refusal asks for its reason and goes to the server with it', async () => {
    const after: Assistance = {
      ...request,
      status: 'refused',
      status_reason: 'Hors champ',
      next_statuses: [],
      overdue: false,
      closed_at: '2026-11-10T10:00:00Z',
    };
    let refused = false;
    const api = show('/sharing/assistance/5', {
      'GET /api/assistance/5': () => ({ body: refused ? after : request }),
      'POST /api/assistance/5/transition': () => {
        refused = true;
        return { body: after };
      },
    });
    const workflow = await screen.findByTestId('workflow');
    expect(
      within(workflow)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Enregistrer la réponse', 'Refuser', 'Retirer']);
    expect((await screen.findByTestId('assistance-questions')).textContent).toContain(HOSTILE);
    expect(screen.getByTestId('assistance-history').textContent).toContain(HOSTILE);
    fireEvent.click(within(workflow).getByRole('button', { name: 'Refuser' }));
    const form = await screen.findByRole('form', { name: 'Refuser' });
    const confirm = within(form).getByRole('button', { name: 'Confirmer' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/^Motif/), { target: { value: 'Hors champ' } });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(api.sent('POST', '/api/assistance/5/transition')).toEqual([
        { status: 'refused', reason: 'Hors champ' },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId('workflow')).toBeNull());
    expect(screen.getByTestId('assistance-history').textContent).toContain('Hors champ');
    noScript();
  });

  it('shows the server’s refusal of a move in its form', async () => {
    show('/sharing/assistance/5', {
      'GET /api/assistance/5': { body: request },
      'POST /api/assistance/5/transition': {
        status: 409,
        body: { code: 'assistance.transition_refused', message: 'from sent: answered, refused, withdrawn' },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer la réponse' }));
    const form = await screen.findByRole('form', { name: 'Enregistrer la réponse' });
    fireEvent.change(within(form).getByLabelText(/^Réponse/), {
      target: { value: 'Le destinataire est X.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirmer' }));
    expect((await within(form).findByRole('alert')).textContent).toContain(
      'Ce passage n’est pas permis depuis le statut actuel.',
    );
  });

  it('records a reminder on a sent request', async () => {
    const api = show('/sharing/assistance/5', {
      'GET /api/assistance/5': { body: request },
      'POST /api/assistance/5/reminders': { body: request },
    });
    const form = await screen.findByRole('form', { name: 'Relancer' });
    fireEvent.change(within(form).getByLabelText('Note de relance'), { target: { value: 'Par courriel' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Relancer' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/assistance/5/reminders')).toEqual([{ note: 'Par courriel' }]),
    );
  });

  it('offers a reader no move and no reminder', async () => {
    // Opened and sent the same day: the history still reads in the workflow's order.
    const sameDay = { ...request, sent_on: '2026-09-30' };
    show('/sharing/assistance/5', { 'GET /api/assistance/5': { body: sameDay } }, AUDITOR);
    await screen.findByTestId('assistance-number');
    expect(screen.getByTestId('assistance-history').textContent).toMatch(
      /^Ouverte par liaison.*Envoyée.*Relance/,
    );
    expect(screen.queryByTestId('workflow')).toBeNull();
    expect(screen.queryByRole('form', { name: 'Relancer' })).toBeNull();
  });

  it('opens a request with its subjects and goes to its page', async () => {
    const api = show('/sharing/assistance/new', {
      ...partnerRoutes,
      'POST /api/assistance': { status: 201, body: { ...request, id: 9, status: 'draft' } },
      'GET /api/assistance/9': { body: { ...request, id: 9, number: 'OUT/2026/0009', status: 'draft' } },
    });
    const form = await screen.findByRole('form', { name: 'Nouvelle demande' });
    await within(form).findByRole('option', { name: /^ES-AEAT/ });
    fireEvent.change(within(form).getByLabelText(/^Partenaire/), { target: { value: 'ES-AEAT' } });
    fireEvent.change(within(form).getByLabelText(/^Base juridique/), {
      target: { value: 'Accord bilatéral' },
    });
    fireEvent.change(within(form).getByLabelText(/^Objet/), { target: { value: 'Sacs' } });
    fireEvent.change(within(form).getByLabelText(/^Questions/), { target: { value: 'Qui importe ?' } });
    fireEvent.change(within(form).getByLabelText(/^Références concernées/), {
      target: { value: '300/2026/0007\ndeclaration: 2026/300/42' },
    });
    fireEvent.change(within(form).getByLabelText('Échéance'), { target: { value: '2026-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ouvrir la demande' }));
    expect((await screen.findByTestId('assistance-number')).textContent).toBe('OUT/2026/0009');
    expect(api.sent('POST', '/api/assistance')).toEqual([
      {
        direction: 'outgoing',
        partner: 'ES-AEAT',
        legal_basis: 'Accord bilatéral',
        subject: 'Sacs',
        questions: 'Qui importe ?',
        deadline: '2026-12-31',
        subjects: [
          { ref_type: 'case', ref: '300/2026/0007' },
          { ref_type: 'declaration', ref: '2026/300/42' },
        ],
      },
    ]);
  });
});

const group: Group = {
  id: 1,
  code: 'MED-OPS',
  name: `Opération Méditerranée ${HOSTILE}`,
  description: null,
  nominal_data_allowed: false,
  created_by: 'liaison',
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  members: [
    {
      member_type: 'partner',
      ref: 'ES-AEAT',
      name: 'Agencia Tributaria',
      role: 'coordinator',
      added_by: 'liaison',
      added_at: '2026-11-01T10:00:00Z',
    },
  ],
};

describe('closed user groups', () => {
  it('lists groups with their agreement, and manages a group’s members', async () => {
    const api = show('/sharing/groups', {
      ...partnerRoutes,
      'GET /api/sharing/groups': { body: { items: [group] } },
      'GET /api/sharing/groups/MED-OPS': { body: group },
      'POST /api/sharing/groups/MED-OPS/members': {
        body: {
          ...group,
          members: [
            ...group.members,
            {
              member_type: 'office',
              ref: '301',
              name: null,
              role: 'observer',
              added_by: 'liaison',
              added_at: '2026-11-02T10:00:00Z',
            },
          ],
        },
      },
      'DELETE /api/sharing/groups/MED-OPS/members/partner/ES-AEAT': { body: { ...group, members: [] } },
    });
    const row = await screen.findByTestId('group-row');
    expect(row.textContent).toContain('Sans données nominatives');
    expect(row.textContent).toContain(HOSTILE);
    fireEvent.click(row);
    expect((await screen.findByTestId('group-title')).textContent).toBe(group.name);
    const form = screen.getByRole('form', { name: 'Ajouter le membre' });
    fireEvent.change(within(form).getByLabelText('Type de membre'), { target: { value: 'office' } });
    fireEvent.change(within(form).getByLabelText('Code du bureau'), { target: { value: '301' } });
    fireEvent.change(within(form).getByLabelText('Rôle'), { target: { value: 'observer' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter le membre' }));
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(2));
    expect(api.sent('POST', '/api/sharing/groups/MED-OPS/members')).toEqual([
      { member_type: 'office', ref: '301', role: 'observer' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer ES-AEAT' }));
    await waitFor(() => expect(screen.queryAllByTestId('member-row')).toHaveLength(0));
    noScript();
  });

  it('shows a reader the members but no way to change them', async () => {
    show('/sharing/groups/MED-OPS', { 'GET /api/sharing/groups/MED-OPS': { body: group } }, AUDITOR);
    await screen.findAllByTestId('member-row');
    expect(screen.queryByRole('form', { name: 'Ajouter le membre' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Retirer/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Rédiger et partager' })).toBeNull();
  });
});

const received: Message = {
  id: 11,
  message_id: 'a5b0e1f6-0000-4000-8000-000000000001',
  direction: 'incoming',
  partner: 'ES-AEAT',
  group: 'MED-OPS',
  kind: 'seizure_report',
  distribution: 'group',
  marking: 'amber',
  title: `Seizure ${HOSTILE}`,
  payload: {
    schema: 'vigie.seizure_report/1',
    nominal: false,
    seizure: { reference: 'ES-2026-77', description: HOSTILE },
    lines: [{ line_no: 1, description: `Bolsos ${HOSTILE}` }],
  },
  payload_sha256: 'a'.repeat(64),
  nominal: false,
  source_type: null,
  source_ref: null,
  sender_key_id: partner.key_id,
  sent_at: '2026-11-30T08:00:00Z',
  signature: 'c2ln',
  recorded_by: 'partner:ES-AEAT',
  recorded_at: '2026-11-30T08:00:01Z',
};

describe('messages', () => {
  it('lists the feed with its filters in the address, a hostile title as text', async () => {
    const api = show('/sharing?group=MED-OPS&direction=incoming', {
      'GET /api/sharing/groups': { body: { items: [group] } },
      'GET /api/sharing/messages': { body: { total: 1, limit: 25, offset: 0, items: [received] } },
    });
    const row = await screen.findByTestId('message-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(row.textContent).toContain('TLP:AMBER');
    expect(row.textContent).toContain('Rapport de saisie');
    const call = api.calls.find((c) => c.path === '/api/sharing/messages')!;
    expect(Object.fromEntries(call.url.searchParams)).toMatchObject({
      group: 'MED-OPS',
      direction: 'incoming',
    });
    noScript();
  });

  it('shows a received message field by field as text, with its signature’s status', async () => {
    show('/sharing/messages/11', {
      ...partnerRoutes,
      'GET /api/sharing/messages/11': { body: received },
    });
    expect((await screen.findByTestId('message-title')).textContent).toBe(received.title);
    const rows = await screen.findAllByTestId('payload-row');
    const text = rows.map((r) => r.textContent).join('\n');
    expect(text).toContain(`seizure.description${HOSTILE}`);
    expect(text).toContain(`lines[0].descriptionBolsos ${HOSTILE}`);
    const signature = screen.getByTestId('signature-status');
    expect(signature.textContent).toContain('Signature vérifiée');
    expect((await within(signature).findByTestId('signature-key')).textContent).toBe(
      'Signé avec la clé actuelle du partenaire.',
    );
    noScript();
  });

  it('says a missing message is missing, with the way back', async () => {
    show('/sharing/messages/99', {
      'GET /api/sharing/messages/99': {
        status: 404,
        body: { code: 'sharing.message_not_found', message: 'no message 99' },
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Message introuvable.');
    expect(screen.getByRole('link', { name: /Tous les messages/ }).getAttribute('href')).toBe('/sharing');
  });
});

const preview = {
  group: 'MED-OPS',
  nominal: false,
  title: 'Seizure S-300/2026/0001: counterfeit_accessories at 300 on 2026-11-21',
  payload: {
    schema: 'vigie.seizure_report/1',
    nominal: false,
    seizure: { reference: 'S-300/2026/0001', city: 'Casablanca' },
  },
  removed: ['seizure.place', 'seizure.officers', 'parties[1]'],
};

/**
 * Asks for the preview: the form's submit (its button is the submit button; happy-dom does not submit this form
 * on the button's click, the e2e walk clicks it in Chromium).
 */
function previewOf(form: HTMLElement) {
  expect(within(form).getByRole('button', { name: 'Aperçu de ce qui part' }).getAttribute('type')).toBe(
    'submit',
  );
  fireEvent.submit(form);
}

describe('compose and share', () => {
  it('prefills a seizure, previews exactly what leaves with removed fields shown removed, then sends it', async () => {
    const api = show('/sharing/compose?seizure=S-300%2F2026%2F0001&group=MED-OPS', {
      'GET /api/sharing/groups': { body: { items: [group] } },
      'POST /api/sharing/messages/preview': { body: preview },
      'POST /api/sharing/messages': {
        status: 201,
        body: { ...received, id: 12, direction: 'outgoing', partner: null, title: preview.title },
      },
      'GET /api/sharing/messages/12': {
        body: { ...received, id: 12, direction: 'outgoing', partner: null, title: preview.title },
      },
    });
    const form = await screen.findByRole('form', { name: 'Rédiger et partager' });
    expect((within(form).getByLabelText(/^Saisie/) as HTMLInputElement).value).toBe('S-300/2026/0001');
    previewOf(form);
    const shown = await screen.findByTestId('preview');
    expect(
      within(shown)
        .getAllByTestId('removed-row')
        .map((r) => r.textContent),
    ).toEqual([
      'seizure.placeretiré (accord du groupe)',
      'seizure.officersretiré (accord du groupe)',
      'parties[1]retiré (accord du groupe)',
    ]);
    expect(within(shown).getByText('Sans données nominatives')).toBeTruthy();
    expect(
      within(shown)
        .getAllByTestId('payload-row')
        .map((r) => r.textContent),
    ).toContain('seizure.cityCasablanca');
    fireEvent.click(within(shown).getByRole('button', { name: 'Signer et envoyer' }));
    expect((await screen.findByTestId('message-title')).textContent).toBe(preview.title);
    const input = {
      kind: 'seizure_report',
      distribution: 'group',
      marking: 'amber',
      group: 'MED-OPS',
      seizure_reference: 'S-300/2026/0001',
    };
    expect(api.sent('POST', '/api/sharing/messages/preview')).toEqual([input]);
    expect(api.sent('POST', '/api/sharing/messages')).toEqual([input]);
  });

  it('asks for a new preview when the message changed since, and sends nothing meanwhile', async () => {
    const api = show('/sharing/compose?seizure=S-300%2F2026%2F0001&group=MED-OPS', {
      'GET /api/sharing/groups': { body: { items: [group] } },
      'POST /api/sharing/messages/preview': { body: preview },
    });
    const form = await screen.findByRole('form', { name: 'Rédiger et partager' });
    previewOf(form);
    await screen.findByTestId('preview');
    fireEvent.change(within(form).getByLabelText(/^Titre/), { target: { value: 'Saisie de sacs' } });
    expect(await screen.findByTestId('preview-stale')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Signer et envoyer' })).toBeNull();
    expect(api.sent('POST', '/api/sharing/messages')).toEqual([]);
  });

  it('shows the server’s refusal of a preview in the form', async () => {
    show('/sharing/compose?seizure=S-999&group=MED-OPS', {
      'GET /api/sharing/groups': { body: { items: [group] } },
      'POST /api/sharing/messages/preview': {
        status: 404,
        body: { code: 'seizure.not_found', message: 'no seizure #999' },
      },
    });
    const form = await screen.findByRole('form', { name: 'Rédiger et partager' });
    previewOf(form);
    expect((await within(form).findByRole('alert')).textContent).toContain('Saisie introuvable.');
  });
});

const entry = {
  seq: 2,
  at: '2026-11-30T08:00:01Z',
  direction: 'incoming' as const,
  partner: 'ES-AEAT',
  group: 'MED-OPS',
  message_id: received.message_id,
  sent_at: received.sent_at,
  kind: 'seizure_report',
  distribution: 'group',
  marking: 'amber',
  title: `Seizure ${HOSTILE}`,
  payload_sha256: 'a'.repeat(64),
  message_signer: partner.key_id,
  message_signature: 'c2ln',
  prev_hash: 'b'.repeat(64),
  key_id: 'f'.repeat(32),
  hash: 'c'.repeat(64),
  signature: 'c2ln',
};

describe('the ledger', () => {
  const routes = (verdict: unknown): ApiRoutes => ({
    'GET /api/sharing/ledger': { body: { total: 1, limit: 50, offset: 0, items: [entry] } },
    'GET /api/sharing/ledger/checkpoints': {
      body: {
        items: [
          {
            from_seq: 1,
            to_seq: 2,
            root: 'd'.repeat(64),
            at: entry.at,
            key_id: 'f'.repeat(32),
            signature: 's',
          },
        ],
      },
    },
    'POST /api/sharing/ledger/verify': { body: verdict },
  });

  it('lists entries with their hashes and checkpoints, verifies intact, and offers the export', async () => {
    const api = show(
      '/sharing/ledger',
      routes({ ok: true, entries: 2, checkpoints: 1, last_seq: 2, last_hash: 'c'.repeat(64), problem: null }),
    );
    const row = await screen.findByTestId('ledger-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(row.textContent).toContain('cccccccccccc…');
    expect((await screen.findByTestId('checkpoint-row')).textContent).toContain('d'.repeat(64));
    expect(screen.getByTestId('ledger-export').getAttribute('href')).toBe('/api/sharing/ledger/export');
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier le registre' }));
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.textContent).toContain('Registre intact');
    expect(verdict.textContent).toContain('2 entrées et 1 points de contrôle vérifiés');
    expect(api.sent('POST', '/api/sharing/ledger/verify')).toHaveLength(1);
    noScript();
  });

  it('names the first bad entry and why', async () => {
    show(
      '/sharing/ledger',
      routes({
        ok: false,
        entries: 1,
        checkpoints: 0,
        last_seq: 1,
        last_hash: 'b'.repeat(64),
        problem: { line: 3, seq: 2, reason: 'hash_mismatch', message: 'entry 2 does not hash to its hash' },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Vérifier le registre' }));
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.textContent).toContain('Registre altéré');
    expect(verdict.textContent).toContain('Première entrée fautive : n° 2 (ligne 3) — contenu modifié');
  });

  it('lets a reader verify but not sign a checkpoint', async () => {
    show('/sharing/ledger', routes({ ok: true }), AUDITOR);
    await screen.findByTestId('ledger-row');
    expect(screen.getByRole('button', { name: 'Vérifier le registre' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Signer un point de contrôle' })).toBeNull();
  });
});
