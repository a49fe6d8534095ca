// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index.ts';
import {
  type ApiHandler,
  type ApiMock,
  renderPage,
  setUpPageTests,
  signedIn,
  stubApi,
} from '../../test/harness.tsx';
import { renderRoutes, stubMissingBrowserApis } from '../../test/pages.tsx';
import { inTurn, invalidBody } from '../../test/replies.ts';
import { Figures } from './Figures.tsx';
import { Cases } from './index.tsx';
import { AlertCaseButton, DeclarationCaseActions } from './OpenFrom.tsx';
import { Operations } from './Operations.tsx';
import type {
  Case,
  CaseDetail,
  Figures as FiguresData,
  Operation,
  OperationReport,
  Seizure,
} from './shared.tsx';

// Charts draw on a canvas happy-dom does not have; what they show is tested through the data.
vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const INVESTIGATOR = [
  'session',
  'cases:read',
  'cases:manage',
  'seizures:write',
  'reports:read',
  'declarations:read',
];
const OFFICER = ['session', 'cases:read', 'seizures:write', 'declarations:read', 'risk:decide'];
const HOSTILE = '<img src=x onerror="window.__xss=1">';

const kase: Case = {
  id: 7,
  number: '300/2026/0007',
  office: '300',
  year: 2026,
  title: 'Montres Rolex contrefaites',
  type: 'counterfeiting',
  status: 'open',
  status_reason: null,
  priority: 'high',
  assignee: 'investigator',
  origin_type: 'alert',
  origin_ref: '5',
  summary: 'Vendeur en ligne, livraison par colis.',
  report_number: null,
  opened_by: 'Demo investigator',
  opened_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
  closed_at: null,
  operation_id: null,
  next_statuses: ['investigation', 'closed'],
};

const seizure: Seizure = {
  id: 3,
  reference: 'S-300/2026/0001',
  case_id: 7,
  seized_on: '2026-11-21',
  office: '300',
  place: 'Quai 4',
  city: 'Casablanca',
  latitude: null,
  longitude: null,
  description: '120 montres',
  hs_code: '9102',
  category: 'counterfeit_accessories',
  quantity: 120,
  unit: 'pieces',
  net_mass_kg: null,
  estimated_value: 180000,
  value_method: 'prix de détail',
  currency: 'MAD',
  brand: 'Rolex',
  rights_holder: 'Rolex SA',
  health_risk: false,
  transport_mode: null,
  concealment: null,
  detection_source: 'online_monitoring',
  officers: ['Demo officer'],
  duty_rate: null,
  duties_at_stake: null,
  duties_recovered: null,
  fines: null,
  settlement_amount: null,
  goods_status: 'held',
  goods_status_on: null,
  operation_id: null,
  lines: [
    {
      line_no: 1,
      description: '120 montres',
      hs_code: '9102',
      category: 'counterfeit_accessories',
      quantity: 120,
      unit: 'pieces',
      net_mass_kg: null,
      estimated_value: 180000,
      brand: 'Rolex',
      rights_holder: 'Rolex SA',
      health_risk: false,
    },
  ],
  created_by: 'Demo officer',
  created_at: '2026-11-21T09:00:00Z',
  updated_at: '2026-11-21T09:00:00Z',
};

const detail: CaseDetail = {
  case: kase,
  test_purchases: [],
  takedowns: [],
  links: [
    {
      id: 1,
      case_id: 7,
      target_type: 'declaration',
      target_ref: '40-2026-0001',
      note: null,
      hold_id: 4,
      added_by: 'Demo investigator',
      added_at: '2026-11-20T10:00:00Z',
    },
  ],
  tasks: [
    {
      id: 1,
      case_id: 7,
      title: 'Commande test',
      assignee: 'investigator',
      due_on: '2020-01-10',
      status: 'todo',
      created_by: 'Demo investigator',
      created_at: '2026-11-20T10:00:00Z',
      done_at: null,
    },
    {
      id: 2,
      case_id: 7,
      title: 'Réquisition plateforme',
      assignee: null,
      due_on: '2999-01-01',
      status: 'todo',
      created_by: 'Demo investigator',
      created_at: '2026-11-20T10:00:00Z',
      done_at: null,
    },
  ],
  notes: [],
  evidence: [
    {
      id: 9,
      case_id: 7,
      file_name: 'capture.png',
      content_type: 'image/png',
      bytes: 2048,
      sha256: 'ab'.repeat(32),
      description: 'Capture de la page',
      added_by: 'Demo investigator',
      added_at: '2026-11-20T11:00:00Z',
    },
  ],
  seizures: [seizure],
  reports: [
    {
      id: 2,
      case_id: 7,
      number: 'PV-300/2026/0001',
      version: 1,
      lang: 'fr',
      bytes: 40_000,
      sha256: 'cd'.repeat(32),
      generated_by: 'Demo investigator',
      generated_at: '2026-11-22T10:00:00Z',
    },
  ],
};

const operation: Operation = {
  id: 4,
  code: 'STOP-IV',
  name: 'STOP IV',
  starts_on: '2026-11-01',
  ends_on: '2026-11-30',
  participants: ['300', '301'],
  threat_categories: ['medicines', 'medical_products'],
  coordinator: 'WCO',
  description: null,
  created_by: 'Demo investigator',
  created_at: '2026-10-01T10:00:00Z',
  updated_at: '2026-10-01T10:00:00Z',
};

const caseRoutes: ApiHandler = ({ method, path }) => {
  if (method === 'GET' && path === '/api/cases/7') return { body: detail };
  if (method === 'GET' && path === '/api/operations') return { body: { items: [operation] } };
  if (method === 'GET' && path === '/api/cases/7/timeline')
    return {
      body: {
        items: [
          { id: 1, at: '2026-11-20T10:00:00Z', actor: 'Demo investigator', kind: 'opened', details: {} },
        ],
      },
    };
  if (method === 'GET' && path === '/api/cases/7/tax-loss')
    return {
      body: {
        value: 180000,
        currency: 'MAD',
        duty_rate: 25,
        duty_rate_source: 'default',
        vat_rate: 20,
        duties: 45000,
        vat: 45000,
        total: 90000,
        unvalued: 0,
        seizures: 1,
        method: 'import duty 25 % then VAT 20 %',
      },
    };
  return undefined;
};

let api: ApiMock;

const show = (path: string) =>
  renderRoutes(path, { '/cases/*': <Cases />, '/figures': <Figures />, '/operations/*': <Operations /> });

stubMissingBrowserApis();
setUpPageTests('fr');

describe('case list', () => {
  it('shows the server error with a way to try again', async () => {
    api = stubApi(signedIn(INVESTIGATOR), {
      'GET /api/cases': { status: 500, body: { code: 'internal', message: 'internal error' } },
    });
    show('/cases');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('internal error');
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('sends the filters to the API and lists the cases', async () => {
    api = stubApi(signedIn(INVESTIGATOR, { username: 'investigator' }), {
      'GET /api/cases': { body: { total: 1, limit: 25, offset: 0, items: [kase] } },
    });
    show('/cases?status=open&type=counterfeiting&office=300');
    const row = await screen.findByTestId('case-row');
    expect(row.textContent).toContain('300/2026/0007');
    expect(row.textContent).toContain('Contrefaçon (PI)');
    const sent = api.calls.find((c) => c.path === '/api/cases')!.url.searchParams;
    expect([sent.get('status'), sent.get('type'), sent.get('office'), sent.get('limit')]).toEqual([
      'open',
      'counterfeiting',
      '300',
      '25',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Mes dossiers' }));
    await waitFor(() =>
      expect(
        api.calls.some(
          (c) => c.path === '/api/cases' && c.url.searchParams.get('assignee') === 'investigator',
        ),
      ).toBe(true),
    );
  });
  it('keeps the cases with overdue tasks when the box is ticked, and shows it ticked from the address', async () => {
    api = stubApi(signedIn(INVESTIGATOR), {
      'GET /api/cases': { body: { total: 1, limit: 25, offset: 0, items: [kase] } },
    });
    show('/cases');
    await screen.findByTestId('case-row');
    expect(api.calls.find((c) => c.path === '/api/cases')!.url.searchParams.has('overdue')).toBe(false);
    const box = screen.getByRole('checkbox', { name: 'Tâches en retard' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() =>
      expect(
        api.calls.some((c) => c.path === '/api/cases' && c.url.searchParams.get('overdue') === 'true'),
      ).toBe(true),
    );
    cleanup();
    show('/cases?overdue=true');
    await screen.findByTestId('case-row');
    expect((screen.getByRole('checkbox', { name: 'Tâches en retard' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

describe('case page', () => {
  it('asks a reason for a final status and shows the refusal without changing the case', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'POST /api/cases/7/transitions': {
        status: 422,
        body: { code: 'case.reason_required', message: 'moving a case to closed needs a reason' },
      },
    });
    show('/cases/7');
    const moves = await screen.findByTestId('case-transitions');
    fireEvent.click(within(moves).getByRole('button', { name: 'Classer sans suite' }));
    const form = await screen.findByRole('form', { name: 'Motif du statut final' });
    fireEvent.change(within(form).getByLabelText(/Motif/), { target: { value: 'rien' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirmer' }));
    const error = await within(form).findByRole('alert');
    expect(error.textContent).toContain('Un statut final demande un motif de 5 caractères au moins.');
    expect(api.sent('POST', '/api/cases/7/transitions')).toEqual([{ status: 'closed', reason: 'rien' }]);
    expect(screen.getByTestId('case-status').textContent).toBe('Ouvert');
  });

  it('shows a refused move with the allowed ones from the server', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'POST /api/cases/7/transitions': {
        status: 409,
        body: {
          code: 'case.transition_refused',
          message:
            'case 300/2026/0007 cannot go from investigation to investigation (allowed: offence_report, closed)',
          details: { allowed: ['offence_report', 'closed'] },
        },
      },
    });
    show('/cases/7');
    const moves = await screen.findByTestId('case-transitions');
    fireEvent.click(within(moves).getByRole('button', { name: "Ouvrir l'enquête" }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('allowed: offence_report, closed');
  });

  it('shows the header, overdue tasks, links to their pages, evidence hashes, seizures, reports and tax loss', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes);
    show('/cases/7');
    expect((await screen.findByTestId('case-number')).textContent).toBe('300/2026/0007');
    expect(screen.getByTestId('case-title').textContent).toBe('Montres Rolex contrefaites');
    const tasks = screen.getAllByTestId('task-row');
    expect(tasks[0]!.getAttribute('data-overdue')).toBe('true');
    expect(tasks[0]!.textContent).toContain('En retard');
    expect(tasks[1]!.getAttribute('data-overdue')).toBeNull();
    const link = within(screen.getByTestId('case-links')).getByRole('link', { name: '40-2026-0001' });
    expect(link.getAttribute('href')).toBe('/declarations/40-2026-0001');
    const evidence = screen.getByTestId('evidence-row');
    expect(evidence.querySelector('[data-sha256]')?.getAttribute('data-sha256')).toBe('ab'.repeat(32));
    expect(within(evidence).getByRole('link', { name: 'Télécharger' }).getAttribute('href')).toBe(
      '/api/cases/7/evidence/9',
    );
    expect(screen.getByTestId('seizure-row').textContent).toContain('S-300/2026/0001');
    const report = screen.getByTestId('report-row');
    expect(within(report).getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href')).toBe(
      '/api/cases/7/reports/2',
    );
    expect((await screen.findByTestId('tax-loss-total')).textContent).toMatch(/90\s?000/);
    await screen.findByText('Dossier ouvert');
  });

  it('adds a task with its due date, marks one done, links a company and generates the Arabic report', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, ({ method, path }) => {
      if (method === 'POST' && path === '/api/cases/7/tasks') return { status: 201, body: detail.tasks[0] };
      if (method === 'PATCH' && path === '/api/cases/7/tasks/1') return { body: detail.tasks[0] };
      if (method === 'POST' && path === '/api/cases/7/links') return { status: 201, body: detail.links[0] };
      if (method === 'POST' && path === '/api/cases/7/reports')
        return { status: 201, body: detail.reports[0] };
      return undefined;
    });
    show('/cases/7');
    const tasks = await screen.findByTestId('case-tasks');
    fireEvent.change(within(tasks).getByLabelText('Tâche'), { target: { value: 'Audition du vendeur' } });
    fireEvent.change(within(tasks).getByLabelText('Échéance'), { target: { value: '2026-12-15' } });
    fireEvent.click(within(tasks).getByRole('button', { name: 'Ajouter la tâche' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/cases/7/tasks')).toEqual([
        { title: 'Audition du vendeur', due_on: '2026-12-15' },
      ]),
    );
    fireEvent.click(within(tasks).getByRole('checkbox', { name: 'Marquer « Commande test » comme faite' }));
    await waitFor(() => expect(api.sent('PATCH', '/api/cases/7/tasks/1')).toEqual([{ status: 'done' }]));

    const links = screen.getByTestId('case-links');
    fireEvent.change(within(links).getByLabelText('Référence'), { target: { value: 'C-1042' } });
    fireEvent.click(within(links).getByRole('button', { name: 'Lier' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/cases/7/links')).toEqual([
        { target_type: 'company', target_ref: 'C-1042' },
      ]),
    );

    const reports = screen.getByTestId('case-reports');
    fireEvent.click(within(reports).getByText('Arabe'));
    fireEvent.click(within(reports).getByRole('button', { name: 'Générer le PDF' }));
    await waitFor(() => expect(api.sent('POST', '/api/cases/7/reports')).toEqual([{ lang: 'ar' }]));
  });

  it('uploads an evidence file with its description, and shows a refused upload where it was made', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'POST /api/cases/7/evidence': inTurn(
        { status: 413, body: { code: 'upload.too_large', message: 'the file is over 50 MB' } },
        { status: 201, body: detail.evidence[0] },
      ),
    });
    show('/cases/7');
    const card = await screen.findByTestId('case-evidence');
    const file = new File([new Uint8Array([1, 2, 3])], 'facture.pdf', { type: 'application/pdf' });
    fireEvent.change(within(card).getByTestId('evidence-file'), { target: { files: [file] } });
    fireEvent.change(within(card).getByLabelText('Description'), { target: { value: 'Facture saisie' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Ajouter le fichier' }));
    expect((await within(card).findByRole('alert')).textContent).toContain('Fichier trop');
    fireEvent.click(within(card).getByRole('button', { name: 'Ajouter le fichier' }));
    await waitFor(() => expect(api.sent('POST', '/api/cases/7/evidence')).toHaveLength(2));
    await waitFor(() => expect(within(card).queryByRole('alert')).toBeNull());
    const body = api.sent('POST', '/api/cases/7/evidence')[1] as FormData;
    expect([body.get('description'), (body.get('file') as File).name]).toEqual([
      'Facture saisie',
      'facture.pdf',
    ]);
  });

  it('links a company found in the link graph by its register identifier', async () => {
    api = stubApi(signedIn([...INVESTIGATOR, 'graph:read']), caseRoutes, ({ method, path, url }) => {
      if (method === 'GET' && path === '/api/graph/entities' && url.searchParams.get('q') === 'Medhardar')
        return {
          body: {
            total: 1,
            limit: 8,
            offset: 0,
            items: [
              {
                id: 77,
                type: 'company',
                key: 'R5EYJZ1',
                label: 'Medhardar Négoce',
                attributes: {},
                merged_into: null,
                hub: false,
                manual: false,
                note: null,
                source_table: 'companies',
                source_id: 'R5EYJZ1',
              },
            ],
          },
        };
      if (method === 'POST' && path === '/api/cases/7/links') return { status: 201, body: detail.links[0] };
      return undefined;
    });
    show('/cases/7');
    const search = await screen.findByTestId('graph-link-search');
    fireEvent.change(within(search).getByLabelText('Chercher dans le graphe des liens'), {
      target: { value: 'Medhardar' },
    });
    fireEvent.click(within(search).getByRole('button', { name: 'Chercher' }));
    const entity = await within(search).findByTestId('graph-entity');
    fireEvent.click(within(entity).getByRole('button', { name: 'Lier comme Société' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/cases/7/links')).toEqual([
        { target_type: 'company', target_ref: 'R5EYJZ1', note: 'Depuis le graphe : Medhardar Négoce' },
      ]),
    );
  });

  it('records the follow-up of a seizure, a refusal shown under its field first', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'PATCH /api/seizures/3': inTurn(
        invalidBody(
          { '/goods_status_on': 'expected YYYY-MM-DD' },
          'invalid body: goods_status_on expected YYYY-MM-DD',
        ),
        { body: { ...seizure, duties_recovered: 5000, goods_status: 'destroyed' } },
      ),
    });
    show('/cases/7');
    const row = await screen.findByTestId('seizure-row');
    fireEvent.click(within(row).getByRole('button', { name: 'Suites' }));
    const form = await screen.findByRole('form', { name: 'Suites de la saisie' });
    fireEvent.change(within(form).getByLabelText('Droits recouvrés'), { target: { value: '5000' } });
    fireEvent.change(within(form).getByLabelText('Sort des marchandises'), {
      target: { value: 'destroyed' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await within(form).findByText('expected YYYY-MM-DD');
    expect(within(form).getByLabelText('Le').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Le'), { target: { value: '2026-11-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Suites de la saisie' })).toBeNull());
    expect(api.sent('PATCH', '/api/seizures/3')[1]).toEqual({
      duties_at_stake: null,
      duties_recovered: 5000,
      fines: null,
      settlement_amount: null,
      goods_status: 'destroyed',
      goods_status_on: '2026-11-30',
    });
  });

  it('shows a hostile title and seizure description as text', async () => {
    const hostile: CaseDetail = {
      ...detail,
      case: { ...kase, title: HOSTILE, summary: HOSTILE },
      seizures: [{ ...seizure, description: HOSTILE, brand: HOSTILE }],
    };
    api = stubApi(signedIn(INVESTIGATOR), { 'GET /api/cases/7': { body: hostile } }, caseRoutes);
    show('/cases/7');
    expect((await screen.findByTestId('case-title')).textContent).toBe(HOSTILE);
    expect(screen.getByTestId('seizure-row').textContent).toContain(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('offers "share" on a seizure to whoever may share, opening compose prefilled with it', async () => {
    api = stubApi(signedIn([...INVESTIGATOR, 'sharing:write']), caseRoutes);
    show('/cases/7');
    const row = await screen.findByTestId('seizure-row');
    const share = within(row).getByRole('link', { name: 'Partager S-300/2026/0001' });
    expect(share.getAttribute('href')).toBe('/sharing/compose?seizure=S-300%2F2026%2F0001');
  });

  it('offers no "share" to whoever may not share', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes);
    show('/cases/7');
    const row = await screen.findByTestId('seizure-row');
    expect(within(row).queryByRole('link', { name: /Partager/ })).toBeNull();
  });

  it('offers no change to a reader', async () => {
    api = stubApi(signedIn(['session', 'cases:read']), caseRoutes);
    show('/cases/7');
    await screen.findByTestId('case-number');
    expect(screen.queryByTestId('case-transitions')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ajouter la tâche' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Générer le PDF' })).toBeNull();
  });
});

describe('test purchases and takedown requests', () => {
  const purchase = {
    id: 2,
    case_id: 7,
    platform: 'Jumia',
    seller_ref: 'S-9',
    post_url: 'https://shop.example/p/1',
    account_used: null,
    ordered_on: '2026-11-01',
    amount_paid: 450,
    currency: 'MAD',
    payment_method: null,
    tracking_number: 'RR123',
    received_on: null,
    result: 'pending' as const,
    result_note: null,
    evidence_ids: [],
    created_by: 'Demo investigator',
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
  };
  const takedown = {
    id: 5,
    case_id: 7,
    platform: 'Jumia',
    seller_ref: null,
    urls: ['https://shop.example/p/1'],
    legal_basis: 'Code des douanes, art. 1',
    rights_holder: 'Rolex SA',
    sent_on: '2026-11-05',
    status: 'pending' as const,
    answer: null,
    answered_on: null,
    taken_down_on: null,
    created_by: 'Demo investigator',
    created_at: '2026-11-05T10:00:00Z',
    updated_at: '2026-11-05T10:00:00Z',
  };
  const withRecords: CaseDetail = { ...detail, test_purchases: [purchase], takedowns: [takedown] };

  it('shows a purchase received before it was ordered under its date, a bad link under its field, then records it', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'POST /api/cases/7/test-purchases': inTurn(
        {
          status: 422,
          body: { code: 'case.dates_out_of_order', message: 'received before it was ordered' },
        },
        invalidBody({ '/post_url': 'expected an http(s) URL' }),
        { status: 201, body: purchase },
      ),
    });
    show('/cases/7');
    const card = await screen.findByTestId('case-purchases');
    expect(card.textContent).toContain('Aucun achat test.');
    fireEvent.click(within(card).getByRole('button', { name: 'Nouvel achat test' }));
    const form = within(card).getByRole('form', { name: "Enregistrer l'achat test" });
    fireEvent.change(within(form).getByLabelText(/Plateforme/), { target: { value: 'Jumia' } });
    fireEvent.change(within(form).getByLabelText(/Commandé le/), { target: { value: '2026-11-03' } });
    fireEvent.change(within(form).getByLabelText('Reçu le'), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText("Lien de l'annonce ou de la boutique"), {
      target: { value: 'shop.example' },
    });
    fireEvent.change(within(form).getByLabelText('Montant payé'), { target: { value: '450' } });
    fireEvent.change(within(form).getByLabelText('Suivi'), { target: { value: 'RR123' } });
    fireEvent.change(within(form).getByLabelText('Résultat'), { target: { value: 'counterfeit' } });
    fireEvent.click(within(form).getByLabelText('capture.png'));
    fireEvent.click(within(form).getByRole('button', { name: "Enregistrer l'achat test" }));
    await within(form).findByText("Reçu avant d'avoir été commandé : vérifiez les dates.");
    expect(within(form).getByLabelText('Reçu le').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).queryByRole('alert')).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: "Enregistrer l'achat test" }));
    await within(form).findByText('expected an http(s) URL');
    expect(
      within(form).getByLabelText("Lien de l'annonce ou de la boutique").getAttribute('aria-invalid'),
    ).toBe('true');

    fireEvent.click(within(form).getByRole('button', { name: "Enregistrer l'achat test" }));
    await waitFor(() => expect(api.sent('POST', '/api/cases/7/test-purchases')).toHaveLength(3));
    expect(api.sent('POST', '/api/cases/7/test-purchases')[2]).toEqual({
      platform: 'Jumia',
      ordered_on: '2026-11-03',
      post_url: 'shop.example',
      amount_paid: 450,
      tracking_number: 'RR123',
      received_on: '2026-11-01',
      currency: 'MAD',
      result: 'counterfeit',
      evidence_ids: [9],
    });
  });

  it('updates a test purchase: what arrived, with the evidence chosen', async () => {
    api = stubApi(signedIn(INVESTIGATOR), { 'GET /api/cases/7': { body: withRecords } }, caseRoutes, {
      'PATCH /api/cases/7/test-purchases/2': { body: purchase },
    });
    show('/cases/7');
    const row = await screen.findByTestId('purchase-row');
    expect(row.textContent).toContain('Jumia');
    expect(row.textContent).toContain('En attente');
    fireEvent.click(within(row).getByRole('button', { name: 'Mettre à jour' }));
    const form = await screen.findByRole('form', { name: 'Mettre à jour' });
    expect(within(form).queryByLabelText(/Plateforme/)).toBeNull();
    fireEvent.change(within(form).getByLabelText('Reçu le'), { target: { value: '2026-11-06' } });
    fireEvent.change(within(form).getByLabelText('Résultat'), { target: { value: 'counterfeit' } });
    fireEvent.change(within(form).getByLabelText('Ce qui est arrivé'), {
      target: { value: 'Montre contrefaite' },
    });
    fireEvent.click(within(form).getByLabelText('capture.png'));
    fireEvent.click(within(form).getByRole('button', { name: 'Mettre à jour' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Mettre à jour' })).toBeNull());
    expect(api.sent('PATCH', '/api/cases/7/test-purchases/2')).toEqual([
      {
        seller_ref: 'S-9',
        post_url: 'https://shop.example/p/1',
        account_used: null,
        amount_paid: 450,
        payment_method: null,
        tracking_number: 'RR123',
        received_on: '2026-11-06',
        result_note: 'Montre contrefaite',
        currency: 'MAD',
        result: 'counterfeit',
        evidence_ids: [9],
      },
    ]);
  });

  it('shows a bad URL under the URLs, then sends the takedown request', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'POST /api/cases/7/takedowns': inTurn(invalidBody({ '/urls/1': 'expected an http(s) URL' }), {
        status: 201,
        body: takedown,
      }),
    });
    show('/cases/7');
    const card = await screen.findByTestId('case-takedowns');
    fireEvent.click(within(card).getByRole('button', { name: 'Nouvelle demande' }));
    const form = within(card).getByRole('form', { name: 'Enregistrer la demande' });
    fireEvent.change(within(form).getByLabelText(/Plateforme ou hébergeur/), { target: { value: 'Jumia' } });
    fireEvent.change(within(form).getByLabelText(/Adresses/), {
      target: { value: 'https://shop.example/p/1\nshop.example/p/2\n' },
    });
    fireEvent.change(within(form).getByLabelText(/Base légale/), {
      target: { value: 'Code des douanes, art. 1' },
    });
    fireEvent.change(within(form).getByLabelText('Titulaire des droits'), { target: { value: 'Rolex SA' } });
    fireEvent.change(within(form).getByLabelText(/Envoyée le/), { target: { value: '2026-11-05' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la demande' }));
    await within(form).findByText('expected an http(s) URL');
    expect(
      within(form)
        .getByLabelText(/Adresses/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    fireEvent.change(within(form).getByLabelText(/Adresses/), {
      target: { value: 'https://shop.example/p/1 https://shop.example/p/2' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la demande' }));
    await waitFor(() => expect(within(card).queryByRole('form')).toBeNull());
    expect(api.sent('POST', '/api/cases/7/takedowns')).toEqual([
      {
        platform: 'Jumia',
        urls: ['https://shop.example/p/1', 'shop.example/p/2'],
        legal_basis: 'Code des douanes, art. 1',
        sent_on: '2026-11-05',
        rights_holder: 'Rolex SA',
      },
      {
        platform: 'Jumia',
        urls: ['https://shop.example/p/1', 'https://shop.example/p/2'],
        legal_basis: 'Code des douanes, art. 1',
        sent_on: '2026-11-05',
        rights_holder: 'Rolex SA',
      },
    ]);
  });

  it("records the platform's answer, a taken-down date on a refused request shown under it first", async () => {
    api = stubApi(signedIn(INVESTIGATOR), { 'GET /api/cases/7': { body: withRecords } }, caseRoutes, {
      'PATCH /api/cases/7/takedowns/5': inTurn(
        {
          status: 422,
          body: { code: 'case.takedown_not_accepted', message: 'a takedown refused has no date taken down' },
        },
        { body: { ...takedown, status: 'accepted' } },
      ),
    });
    show('/cases/7');
    const row = await screen.findByTestId('takedown-row');
    expect(within(row).getByRole('link', { name: 'https://shop.example/p/1' }).getAttribute('href')).toBe(
      'https://shop.example/p/1',
    );
    fireEvent.click(within(row).getByRole('button', { name: 'Noter la réponse' }));
    const form = await screen.findByRole('form', { name: 'Réponse à la demande de retrait' });
    fireEvent.change(within(form).getByLabelText('Statut'), { target: { value: 'refused' } });
    fireEvent.change(within(form).getByLabelText('Retiré le'), { target: { value: '2026-11-08' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la réponse' }));
    await within(form).findByText('Une date de retrait seulement pour une demande acceptée ou partielle.');
    expect(within(form).getByLabelText('Retiré le').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Statut'), { target: { value: 'accepted' } });
    fireEvent.change(within(form).getByLabelText('Réponse le'), { target: { value: '2026-11-07' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la réponse' }));
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Réponse à la demande de retrait' })).toBeNull(),
    );
    expect(api.sent('PATCH', '/api/cases/7/takedowns/5')[1]).toEqual({
      status: 'accepted',
      answer: null,
      answered_on: '2026-11-07',
      taken_down_on: '2026-11-08',
    });
  });

  it('shows a refusal on a final case where it was made', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'POST /api/cases/7/takedowns': {
        status: 409,
        body: { code: 'case.final', message: 'case 300/2026/0007 is closed' },
      },
    });
    show('/cases/7');
    const card = await screen.findByTestId('case-takedowns');
    fireEvent.click(within(card).getByRole('button', { name: 'Nouvelle demande' }));
    const form = within(card).getByRole('form', { name: 'Enregistrer la demande' });
    fireEvent.change(within(form).getByLabelText(/Plateforme ou hébergeur/), { target: { value: 'Jumia' } });
    fireEvent.change(within(form).getByLabelText(/Adresses/), {
      target: { value: 'https://shop.example/p/1' },
    });
    fireEvent.change(within(form).getByLabelText(/Base légale/), { target: { value: 'art. 1' } });
    fireEvent.change(within(form).getByLabelText(/Envoyée le/), { target: { value: '2026-11-05' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la demande' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Ce dossier est clos');
  });

  it('shows a hostile URL and platform as text, not as a link', async () => {
    const hostile: CaseDetail = {
      ...detail,
      takedowns: [{ ...takedown, platform: HOSTILE, urls: [HOSTILE], legal_basis: HOSTILE }],
      test_purchases: [{ ...purchase, platform: HOSTILE, post_url: HOSTILE }],
    };
    api = stubApi(signedIn(INVESTIGATOR), { 'GET /api/cases/7': { body: hostile } }, caseRoutes);
    show('/cases/7');
    const row = await screen.findByTestId('takedown-row');
    expect(row.textContent).toContain(HOSTILE);
    expect(within(row).queryByRole('link')).toBeNull();
    expect(screen.getByTestId('purchase-row').textContent).toContain(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('tags the case to an operation, and gives a reader no form', async () => {
    api = stubApi(signedIn(INVESTIGATOR), caseRoutes, {
      'PUT /api/cases/7/operation': { body: { case_id: 7, operation_id: 4, seizures: 1 } },
    });
    show('/cases/7');
    const select = await screen.findByLabelText('Rattacher à une opération');
    await within(select).findByText('STOP-IV · STOP IV');
    fireEvent.change(select, { target: { value: '4' } });
    await waitFor(() => expect(api.sent('PUT', '/api/cases/7/operation')).toEqual([{ operation_id: 4 }]));
    cleanup();

    api = stubApi(
      signedIn(['session', 'cases:read']),
      { 'GET /api/cases/7': { body: { ...withRecords, case: { ...kase, operation_id: 4 } } } },
      caseRoutes,
    );
    show('/cases/7');
    await screen.findByTestId('purchase-row');
    expect(screen.queryByRole('button', { name: 'Nouvel achat test' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nouvelle demande' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Noter la réponse' })).toBeNull();
    expect(screen.queryByLabelText('Rattacher à une opération')).toBeNull();
    const link = await screen.findByRole('link', { name: 'STOP-IV · STOP IV' });
    expect(link.getAttribute('href')).toBe('/operations/4');
  });
});

describe('operations', () => {
  const report: OperationReport = {
    operation,
    totals: {
      cases: 2,
      seizures: 3,
      lines: 4,
      estimated_value: 250000,
      duties_at_stake: 60000,
      duties_recovered: 15000,
      fines: 8000,
      settlements: 2000,
      net_mass_kg: 12.5,
    },
    by_category: [
      {
        key: 'medicines',
        seizures: 2,
        lines: 3,
        estimated_value: 200000,
        duties_at_stake: 50000,
        duties_recovered: 15000,
        fines: 8000,
        settlements: 2000,
      },
    ],
    quantities: [{ category: 'medicines', unit: 'boxes', lines: 3, quantity: 1200, net_mass_kg: 12.5 }],
    by_participant: [
      {
        key: HOSTILE,
        seizures: 3,
        lines: 4,
        estimated_value: 250000,
        duties_at_stake: 60000,
        duties_recovered: 15000,
        fines: 8000,
        settlements: 2000,
      },
    ],
    by_detection_source: [
      {
        key: 'unknown',
        seizures: 3,
        lines: 4,
        estimated_value: 250000,
        duties_at_stake: 60000,
        duties_recovered: 15000,
        fines: 8000,
        settlements: 2000,
      },
    ],
    cases_by_type: [{ key: 'health_products', cases: 2 }],
    cases_by_status: [{ key: 'open', cases: 2 }],
  };
  const operationRoutes: ApiHandler = ({ method, path }) => {
    if (method === 'GET' && path === '/api/operations') return { body: { items: [operation] } };
    if (method === 'GET' && path === '/api/operations/4') return { body: operation };
    if (method === 'GET' && path === '/api/cases')
      return { body: { total: 1, limit: 100, offset: 0, items: [{ ...kase, operation_id: 4 }] } };
    if (method === 'GET' && path === '/api/operations/4/report') return { body: report };
    return undefined;
  };

  it('shows the server error with a way to try again', async () => {
    api = stubApi(signedIn(INVESTIGATOR), {
      'GET /api/operations': { status: 500, body: { code: 'internal', message: 'internal error' } },
    });
    show('/operations');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('internal error');
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('shows a period that ends before it starts and a code taken under their fields, then creates the operation', async () => {
    api = stubApi(signedIn(INVESTIGATOR), operationRoutes, {
      'POST /api/operations': inTurn(
        {
          status: 422,
          body: { code: 'operation.period', message: 'an operation ends on or after it starts' },
        },
        { status: 409, body: { code: 'operation.exists', message: 'an operation STOP-IV exists already' } },
        { status: 201, body: operation },
      ),
    });
    show('/operations/new');
    const form = await screen.findByRole('form', { name: 'Nouvelle opération' });
    fireEvent.change(within(form).getByLabelText(/Code/), { target: { value: 'STOP-IV' } });
    fireEvent.change(within(form).getByLabelText(/Nom/), { target: { value: 'STOP IV' } });
    fireEvent.change(within(form).getByLabelText(/^Du \*/), { target: { value: '2026-11-30' } });
    fireEvent.change(within(form).getByLabelText(/^Au \*/), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText(/Participants/), { target: { value: '300, 301 ,' } });
    fireEvent.change(within(form).getByLabelText(/Coordinateur/), { target: { value: 'WCO' } });
    fireEvent.click(within(form).getByLabelText('Médicaments'));
    fireEvent.click(within(form).getByRole('button', { name: "Créer l'opération" }));
    await within(form).findByText("L'opération doit finir le jour où elle commence ou après.");
    expect(
      within(form)
        .getByLabelText(/^Au \*/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    fireEvent.change(within(form).getByLabelText(/^Au \*/), { target: { value: '2026-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: "Créer l'opération" }));
    await within(form).findByText('Une opération de ce code existe déjà.');
    expect(within(form).getByLabelText(/Code/).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(form).getByRole('button', { name: "Créer l'opération" }));
    expect((await screen.findByTestId('operation-name')).textContent).toBe('STOP IV');
    expect(api.sent('POST', '/api/operations')[2]).toEqual({
      code: 'STOP-IV',
      name: 'STOP IV',
      starts_on: '2026-11-30',
      ends_on: '2026-12-31',
      participants: ['300', '301'],
      threat_categories: ['medicines'],
      coordinator: 'WCO',
      description: null,
    });
    const cases = await screen.findByTestId('operation-cases');
    expect(within(cases).getByRole('link', { name: '300/2026/0007' }).getAttribute('href')).toBe('/cases/7');
    expect(api.calls.find((c) => c.path === '/api/cases')!.url.searchParams.get('operation_id')).toBe('4');
  });

  it('lists the operations and changes one', async () => {
    api = stubApi(signedIn(INVESTIGATOR), operationRoutes, {
      'PATCH /api/operations/4': { body: { ...operation, name: 'STOP IV bis' } },
    });
    show('/operations');
    const row = await screen.findByTestId('operation-row');
    expect(row.textContent).toContain('STOP IV');
    expect(row.textContent).toContain('300, 301');
    fireEvent.click(within(row).getByRole('link', { name: 'STOP-IV' }));
    await screen.findByTestId('operation-name');
    fireEvent.click(screen.getByRole('link', { name: 'Modifier' }));
    const form = await screen.findByRole('form', { name: 'Modifier' });
    expect((within(form).getByLabelText(/Code/) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/Nom/), { target: { value: 'STOP IV bis' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(api.sent('PATCH', '/api/operations/4')).toEqual([
        {
          name: 'STOP IV bis',
          starts_on: '2026-11-01',
          ends_on: '2026-11-30',
          participants: ['300', '301'],
          threat_categories: ['medicines', 'medical_products'],
          coordinator: 'WCO',
          description: null,
        },
      ]),
    );
  });

  it("shows the final report's totals, tables, charts, CSV and PDF exports; a hostile name as text", async () => {
    const hostile = { ...report, operation: { ...operation, name: HOSTILE } };
    api = stubApi(
      signedIn(INVESTIGATOR),
      { 'GET /api/operations/4/report': { body: hostile } },
      operationRoutes,
    );
    show('/operations/4/report');
    expect((await screen.findByTestId('report-title')).textContent).toBe(`Rapport final · ${HOSTILE}`);
    expect(screen.getByTestId('total-seizures').textContent).toBe('3');
    expect(screen.getByTestId('total-estimated_value').textContent).toMatch(/250\s?000/);
    expect(screen.getByTestId('report-category').textContent).toContain('Médicaments');
    expect(screen.getByTestId('report-participant').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('report-source').textContent).toContain('Non renseignée');
    expect(screen.getByTestId('report-quantities').textContent).toMatch(/1\s?200/);
    expect(screen.getByRole('img', { name: 'Par participant' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'PDF (AR)' }).getAttribute('href')).toBe(
      '/api/operations/4/report/export?format=pdf&lang=ar',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    expect((await screen.findByTestId('export-participant')).getAttribute('href')).toBe(
      '/api/operations/4/report/export?format=csv&table=participant',
    );
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('lays the report out in Arabic', async () => {
    await i18n.changeLanguage('ar');
    api = stubApi(signedIn(INVESTIGATOR), operationRoutes);
    show('/operations/4/report');
    expect((await screen.findByTestId('report-title')).textContent).toBe('التقرير النهائي · STOP IV');
    expect(screen.getByTestId('report-category').textContent).toContain('أدوية');
    expect(screen.getByRole('link', { name: 'PDF (FR)' })).toBeTruthy();
  });

  it('gives no report to a user who may not read reports, and no form to a reader', async () => {
    api = stubApi(signedIn(['session', 'cases:read']), operationRoutes);
    show('/operations/4');
    await screen.findByTestId('operation-name');
    expect(screen.queryByRole('link', { name: 'Rapport final' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
    cleanup();
    api = stubApi(signedIn(['session', 'cases:read']), operationRoutes);
    show('/operations/4/report');
    await screen.findByText('Le rapport final demande la permission de lire les rapports.');
    expect(api.calls.some((c) => c.path === '/api/operations/4/report')).toBe(false);
  });
});

describe('opening a case', () => {
  it('shows the refusal of the origin under its field', async () => {
    api = stubApi(signedIn(INVESTIGATOR, { office_code: '300' }), {
      'POST /api/cases': {
        status: 422,
        body: { code: 'case.origin_invalid', message: 'an origin of type alert needs its reference' },
      },
    });
    show('/cases/new?origin_type=alert&title=Alerte');
    const form = await screen.findByRole('form', { name: 'Ouvrir un dossier' });
    fireEvent.click(within(form).getByRole('button', { name: 'Ouvrir le dossier' }));
    await within(form).findByText('an origin of type alert needs its reference');
    expect(within(form).getByLabelText("Référence de l'origine").getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a case from an alert with its origin prefilled, then shows it', async () => {
    api = stubApi(signedIn(INVESTIGATOR, { office_code: '300', username: 'investigator' }), caseRoutes, {
      'POST /api/cases': { status: 201, body: kase },
    });
    show('/cases/new?origin_type=alert&origin_ref=5&type=counterfeiting&title=Alerte%20Rolex');
    const form = await screen.findByRole('form', { name: 'Ouvrir un dossier' });
    // The user's office and name fill the form once the session answers.
    const office = within(form).getByLabelText(/Bureau/) as HTMLInputElement;
    await waitFor(() => expect(office.value).toBe('300'));
    fireEvent.click(within(form).getByRole('button', { name: 'Ouvrir le dossier' }));
    await screen.findByTestId('case-number');
    expect(api.sent('POST', '/api/cases')).toEqual([
      {
        title: 'Alerte Rolex',
        type: 'counterfeiting',
        office: '300',
        priority: 'normal',
        assignee: 'investigator',
        origin_type: 'alert',
        origin_ref: '5',
      },
    ]);
  });

  it('puts the buttons on an alert and on a declaration with a fraud outcome', async () => {
    api = stubApi(signedIn(INVESTIGATOR));
    renderPage(
      <>
        <AlertCaseButton
          alert={{
            id: 5,
            kind: 'post',
            status: 'confirmed',
            label: 'counterfeit',
            score: 0.97,
            reason: 'Rolex réplique',
            created_at: '2026-11-20T10:00:00Z',
            decided_at: null,
            decided_by: null,
            decision_label: null,
            note: null,
            item: null,
            seller: null,
            watch_term: null,
          }}
        />
        <DeclarationCaseActions
          declaration={{
            id: 1,
            reference: '40-2026-0001',
            office: { code: '40', name: null },
            lodged_on: '2026-11-01',
            procedure: null,
            transport_mode: null,
            departure_country: null,
            currency: 'MAD',
            attributes: {},
            item_count: 1,
            total_value: 1000,
            import_id: null,
            created_at: '2026-11-01T00:00:00Z',
            parties: { importer: null, declarant: null, seller: null, courier: null },
            items: [
              {
                id: 11,
                line_no: 1,
                hs_code: '9102',
                description: 'Montres',
                origin_country: 'CN',
                quantity: null,
                quantity_unit: null,
                net_mass_kg: null,
                customs_value: 1000,
                duty_rate: null,
                tax_type: null,
                origin_indicator: null,
                outcomes: [
                  {
                    id: 21,
                    inspected_on: '2026-11-02',
                    channel: 'red',
                    result: 'fraud',
                    fraud_type: 'ipr',
                    recovered_amount: null,
                    officer: 'officer',
                    note: null,
                    source: 'officer',
                    recorded_at: '2026-11-02T10:00:00Z',
                  },
                ],
              },
            ],
          }}
        />
      </>,
    );
    const buttons = await screen.findAllByRole('link', { name: 'Ouvrir un dossier' });
    const alertHref = new URL(buttons[0]!.getAttribute('href')!, 'http://x');
    expect([
      alertHref.pathname,
      alertHref.searchParams.get('origin_type'),
      alertHref.searchParams.get('origin_ref'),
    ]).toEqual(['/cases/new', 'alert', '5']);
    const declarationHref = new URL(buttons[1]!.getAttribute('href')!, 'http://x');
    expect(declarationHref.searchParams.get('type')).toBe('counterfeiting');
    const seize = new URL(
      screen.getByRole('link', { name: 'Enregistrer une saisie' }).getAttribute('href')!,
      'http://x',
    );
    expect(Object.fromEntries(seize.searchParams)).toEqual({
      declaration: '40-2026-0001',
      item: '11',
      outcome: '21',
      office: '40',
    });
  });
});

describe('seizure form', () => {
  const declaration = {
    'GET /api/declarations/40-2026-0001': {
      body: {
        id: 1,
        reference: '40-2026-0001',
        office: { code: '40', name: null },
        transport_mode: 'road',
        currency: 'MAD',
        items: [{ id: 11, line_no: 1, hs_code: '910211', description: 'Montres bracelet', outcomes: [] }],
      },
    },
  };

  it('shows the API refusal under each field it names', async () => {
    api = stubApi(signedIn(OFFICER, { office_code: '40' }), declaration, {
      'POST /api/seizures': invalidBody(
        { '/hs_code': 'expected an HS code of 2 to 10 digits', '/category': 'Invalid option' },
        'invalid body: hs_code expected an HS code of 2 to 10 digits; category Invalid option',
      ),
    });
    show('/cases/seizures/new?declaration=40-2026-0001&item=11&outcome=21');
    const hs = await screen.findByLabelText('Code SH');
    await waitFor(() => expect((hs as HTMLInputElement).value).toBe('910211'));
    fireEvent.change(hs, { target: { value: '91A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la saisie' }));
    await screen.findByText('expected an HS code of 2 to 10 digits');
    expect(hs.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Invalid option').getAttribute('data-field')).toBe('category');
    expect(screen.getByTestId('seizure-invalid').textContent).toContain('2 champ(s)');
    expect(screen.queryByTestId('seizure-saved')).toBeNull();
  });

  it('records a seizure from a red-channel outcome, prefilled from the declaration, with its photo', async () => {
    api = stubApi(signedIn(OFFICER, { office_code: '40', display_name: 'Agent Alami' }), declaration, {
      'POST /api/seizures': { status: 201, body: { ...seizure, case_id: null, reference: 'S-40/2026/0001' } },
      'POST /api/risk/attachments': { status: 201, body: {} },
    });
    show('/cases/seizures/new?declaration=40-2026-0001&item=11&outcome=21');
    const description = await screen.findByLabelText(/Marchandises saisies/);
    await waitFor(() => expect((description as HTMLTextAreaElement).value).toBe('Montres bracelet'));
    fireEvent.click(screen.getByText('Accessoires contrefaits'));
    fireEvent.change(screen.getByLabelText('Quantité'), { target: { value: '120' } });
    fireEvent.change(screen.getByLabelText('Marque'), { target: { value: 'Rolex' } });
    fireEvent.change(screen.getByLabelText('Ville'), { target: { value: 'Tanger' } });
    const photo = new File([new Uint8Array([137, 80, 78, 71])], 'quai.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('seizure-photos'), { target: { files: [photo] } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la saisie' }));
    expect((await screen.findByTestId('seizure-reference')).textContent).toBe('S-40/2026/0001');
    const [body] = api.sent('POST', '/api/seizures') as Record<string, unknown>[];
    expect(body).toMatchObject({
      office: '40',
      case_id: null,
      description: 'Montres bracelet',
      hs_code: '910211',
      category: 'counterfeit_accessories',
      quantity: 120,
      unit: 'pieces',
      brand: 'Rolex',
      city: 'Tanger',
      currency: 'MAD',
      detection_source: 'selectivity_rule',
      officers: ['Agent Alami'],
    });
    const [upload] = api.sent('POST', '/api/risk/attachments') as FormData[];
    expect([upload!.get('reference'), upload!.get('kind'), upload!.get('outcome_id')]).toEqual([
      '40-2026-0001',
      'photo',
      '21',
    ]);
  });
});

describe('figures', () => {
  const figures: FiguresData = {
    filters: {},
    totals: {
      seizures: 2,
      lines: 2,
      estimated_value: 200000,
      duties_recovered: 5000,
      fines: 0,
      settlements: 0,
      cases: 3,
    },
    seizures_by: {
      month: [
        {
          key: '2026-11',
          seizures: 2,
          lines: 2,
          estimated_value: 200000,
          duties_recovered: 5000,
          fines: 0,
          settlements: 0,
        },
      ],
      office: [
        {
          key: '40',
          seizures: 2,
          lines: 2,
          estimated_value: 200000,
          duties_recovered: 5000,
          fines: 0,
          settlements: 0,
        },
      ],
      hs_chapter: [],
      detection_source: [],
      category: [
        {
          key: 'counterfeit_accessories',
          seizures: 2,
          lines: 2,
          estimated_value: 200000,
          duties_recovered: 5000,
          fines: 0,
          settlements: 0,
        },
      ],
      brand: [
        {
          key: HOSTILE,
          seizures: 2,
          lines: 2,
          estimated_value: 200000,
          duties_recovered: 5000,
          fines: 0,
          settlements: 0,
        },
      ],
    },
    cases_by_status: [{ key: 'open', cases: 3 }],
    cases_by_origin: [{ key: 'alert', cases: 2 }],
    open_cases_by_age_days: [{ key: '0-30', cases: 3 }],
  };

  it('shows the server error', async () => {
    api = stubApi(signedIn(['session', 'reports:read']), {
      'GET /api/cases/figures': { status: 403, body: { code: 'auth.forbidden', message: 'forbidden' } },
    });
    show('/figures');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Votre rôle ne permet pas cette action.',
    );
  });

  it('shows totals, charts and tables, with CSV exports under the same filters', async () => {
    api = stubApi(signedIn(['session', 'reports:read']), { 'GET /api/cases/figures': { body: figures } });
    show('/figures?from=2026-01-01&office=40');
    expect((await screen.findByTestId('total-seizures')).textContent).toBe('2');
    expect(screen.getAllByRole('img').map((c) => c.getAttribute('aria-label'))).toContain(
      'Saisies par catégorie',
    );
    expect(screen.getByTestId('figures-category').textContent).toContain('Accessoires contrefaits');
    expect(screen.getByTestId('figures-brand').textContent).toContain(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    const sent = api.calls.find((c) => c.path === '/api/cases/figures')!.url.searchParams;
    expect([sent.get('from'), sent.get('office')]).toEqual(['2026-01-01', '40']);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    const brand = await screen.findByTestId('export-brand');
    expect(brand.getAttribute('href')).toBe(
      '/api/cases/figures/export?from=2026-01-01&office=40&table=brand',
    );
    expect(screen.getByTestId('export-pdf-ar').getAttribute('href')).toBe(
      '/api/cases/figures/pdf?from=2026-01-01&office=40&lang=ar',
    );
    expect(screen.getByTestId('export-pdf-fr').textContent).toBe('PDF (FR)');
  });
});
