// @vitest-environment happy-dom
/**
 * The parcels pages: the queue (filters to the server, reasons in short, rows opening the parcel), a parcel (its
 * advance data, each reason explained with its links, reassignment with a reason for those allowed), the examiners
 * (create and edit for those allowed, workload), "my inspections" and a parcel's inspection outcome (recorded, then
 * corrected with a reason, the earlier outcome shown). Refusals first; hostile text in the sender,
 * recipient and description is shown as text, never as markup; the Arabic pages read right to left.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.ts';
import { type ApiRoutes, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { parsePrefixes } from './Examiners.tsx';
import { Parcels } from './index.tsx';
import { queryOf } from './ParcelQueue.tsx';
import type { Examiner, Parcel, ParcelDetail, Workload } from './shared.tsx';

setUpPageTests('fr');
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

const PAYLOAD = '<img src=x onerror="window.__xss=1">';
const READER = ['session', 'parcels:read'];
const SUPERVISOR = ['session', 'parcels:read', 'parcels:write', 'graph:read', 'osint:read', 'seizures:write'];

type Row = Parcel & { indicators: ParcelDetail['reasons'][number]['indicator'][]; examiner: string | null };

const parcel = (id: number, extra: Partial<ParcelDetail> = {}): ParcelDetail => ({
  id,
  carrier: 'DHL',
  consignment_number: `48162039${id}`,
  kind: 'express',
  master_manifest: 'AWB-DHL-03',
  sender_name: `Shenzhen Kuaile ${PAYLOAD}`,
  sender_address: 'Longhua District',
  sender_country: 'CN',
  sender_platform: 'aliexpress.com',
  recipient_name: `Hicham ${PAYLOAD}`,
  recipient_address: '23 rue Moulay Youssef',
  recipient_city: 'Casablanca',
  recipient_phone: '+212677123456',
  recipient_email: null,
  description: `women sneakers ${PAYLOAD}`,
  declared_value: 41,
  currency: 'EUR',
  value_eur: 41,
  weight_kg: 0.9,
  hs_code: null,
  item_count: 1,
  arrival_date: '2026-11-03',
  arrival_office: '301',
  score: 50,
  channel: 'yellow',
  referred: true,
  scored_at: '2026-11-01T10:00:00Z',
  reasons: [],
  import_id: 7,
  seizure: null,
  assignment: null,
  inspection: null,
  inspection_history: [],
  ...extra,
});

const row = (id: number, extra: Partial<Row> = {}): Row => {
  const {
    reasons: _r,
    import_id: _i,
    seizure: _s,
    assignment: _a,
    inspection: _n,
    inspection_history: _h,
    ...p
  } = parcel(id);
  return { ...p, indicators: ['split_order'], examiner: 'Demo officer', ...extra };
};

const SPLIT = {
  indicator: 'split_order' as const,
  points: 50,
  message: 'split order: 4 parcels from Shenzhen Kuaile Fashion Store (CN) to phone +212677123456',
  evidence: {
    by: 'phone',
    recipient: '+212677123456',
    total_eur: 162,
    threshold_eur: 150,
    window_days: 3,
    parcels: [
      {
        id: 361,
        carrier: 'DHL',
        consignment_number: '4816203951',
        value_eur: 41,
        arrival_date: '2026-11-03',
      },
      {
        id: 362,
        carrier: 'DHL',
        consignment_number: '4816203962',
        value_eur: 39,
        arrival_date: '2026-11-03',
      },
    ],
  },
};
const SELLER = {
  indicator: 'linked_online_seller' as const,
  points: 60,
  message: "recipient contact linked in the graph: phone +212612345678 — online seller 'highcopy.casa'",
  evidence: {
    contact: 'phone:+212612345678',
    paths: [
      {
        nodes: [
          { id: 2, key: '+212612345678', type: 'phone', label: '+212612345678' },
          { id: 57, key: '1', type: 'online_seller', label: `highcopy.casa ${PAYLOAD}` },
        ],
        finding: "online seller 'highcopy.casa' (1 confirmed alert: Adidas, Nike)",
      },
    ],
  },
};
const BRAND = {
  indicator: 'undervalued_brand' as const,
  points: 25,
  message: 'declared value far below the genuine price',
  evidence: { detail: 'Nike shoes declared 12 EUR, genuine 90–250 EUR', brands: ['Nike'] },
};

const examiner = (id: number, extra: Partial<Examiner> = {}): Examiner => ({
  id,
  username: `user${id}`,
  name: `Examiner ${id}`,
  office: '301',
  hs_prefixes: [],
  kinds: ['express'],
  indicators: ['split_order'],
  daily_capacity: 40,
  active: true,
  ...extra,
});

function show(path: string, routes: ApiRoutes, permissions = SUPERVISOR, user = {}) {
  const api = stubApi(signedIn(permissions, user), routes);
  renderPage(
    <Routes>
      <Route path="/parcels/*" element={<Parcels />} />
    </Routes>,
    { route: path },
  );
  return api;
}

/** No element able to run script came from the data: the payload is text. */
function expectInert(container: HTMLElement = document.body) {
  expect(container.querySelector('img')).toBeNull();
  expect(container.innerHTML).not.toContain('<img src=x');
}

describe('parcels queue', () => {
  it('shows the server’s refusal with a retry', async () => {
    show('/parcels', {
      'GET /api/parcels': { status: 400, body: { code: 'request.bad_cursor', message: 'invalid cursor' } },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('invalid cursor');
  });

  it('lists the scored parcels with their reasons in short, hostile text as text', async () => {
    show('/parcels', {
      'GET /api/parcels': {
        body: {
          total: 2,
          limit: 25,
          offset: 0,
          next_cursor: null,
          items: [
            row(361, { indicators: ['linked_online_seller', 'split_order'] }),
            row(9, { score: 0, channel: 'green', referred: false, indicators: [], examiner: null }),
          ],
        },
      },
    });
    const rows = await screen.findAllByTestId('parcel-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('50 · Jaune');
    expect(rows[0]!.textContent).toContain('Pré-arrivée');
    expect(rows[0]!.textContent).toContain('Lien vendeur en ligne');
    expect(rows[0]!.textContent).toContain('Commande fractionnée');
    expect(rows[0]!.textContent).toContain(`Shenzhen Kuaile ${PAYLOAD}`);
    expect(rows[0]!.textContent).toContain(`Hicham ${PAYLOAD}`);
    expect(rows[0]!.textContent).toContain(`women sneakers ${PAYLOAD}`);
    expect(rows[1]!.textContent).toContain('0 · Vert');
    expect(rows[1]!.textContent).not.toContain('Pré-arrivée');
    expect(within(rows[0]!).getByRole('link', { name: 'DHL 48162039361' }).getAttribute('href')).toBe(
      '/parcels/361',
    );
    expectInert();
  });

  it('sends the filters from the address: the value band as two bounds, referred as a flag', async () => {
    const api = show(
      '/parcels?carrier=DHL&origin_country=CN&band=mid&referred=true&office=301&from=2026-11-02',
      {
        'GET /api/parcels': { body: { total: 0, limit: 25, offset: 0, next_cursor: null, items: [] } },
      },
    );
    expect(await screen.findByText('Aucun colis pour ces filtres.')).toBeTruthy();
    const url = api.calls.find((c) => c.path === '/api/parcels')!.url;
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      carrier: 'DHL',
      origin_country: 'CN',
      office: '301',
      from: '2026-11-02',
      value_min: '22',
      value_max: '150',
      referred: 'true',
    });
    expect(url.searchParams.has('band')).toBe(false);
    expect(
      queryOf({
        carrier: '',
        origin_country: '',
        platform: '',
        band: 'top',
        referred: 'x',
        office: '',
        from: '',
        to: '',
      }),
    ).toEqual({ value_min: 1000 });
  });
});

describe('a parcel', () => {
  it('says so when the parcel does not exist', async () => {
    show('/parcels/999', {
      'GET /api/parcels/999': { status: 404, body: { code: 'parcel.not_found', message: 'no parcel 999' } },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Colis introuvable.');
  });

  it('shows all its advance data and each reason explained, with links, hostile text as text', async () => {
    show('/parcels/361', {
      'GET /api/parcels/361': {
        body: parcel(361, {
          reasons: [SPLIT, SELLER, BRAND],
          assignment: {
            examiner_id: 1,
            username: 'officer',
            name: 'Demo officer',
            basis: 'auto',
            reason: 'speciality: split order',
          },
        }),
      },
    });
    const sender = await screen.findByTestId('parcel-sender');
    expect(sender.textContent).toContain(`Shenzhen Kuaile ${PAYLOAD}`);
    expect(sender.textContent).toContain('aliexpress.com');
    expect(screen.getByTestId('parcel-recipient').textContent).toContain('+212677123456');
    const goods = screen.getByTestId('parcel-goods').textContent!;
    expect(goods).toContain(`women sneakers ${PAYLOAD}`);
    expect(goods).toContain('AWB-DHL-03');
    expect(goods).toMatch(/0,9\s*kg/);
    const reasons = screen.getAllByTestId('parcel-reason');
    expect(reasons.map((r) => r.getAttribute('data-indicator'))).toEqual([
      'linked_online_seller',
      'split_order',
      'undervalued_brand',
    ]);
    // The split order: the other parcel is a link, this one is named.
    const siblings = screen.getByTestId('split-siblings');
    expect(within(siblings).getByRole('link', { name: 'DHL 4816203962' }).getAttribute('href')).toBe(
      '/parcels/362',
    );
    expect(siblings.textContent).toContain('DHL 4816203951 (ce colis)');
    expect(reasons[1]!.textContent).toMatch(/162\s*€/);
    // The seller: the graph entity and the online-monitoring page.
    expect(screen.getByRole('link', { name: 'Ouvrir dans l’analyse de liens' }).getAttribute('href')).toBe(
      '/graph/entity/57',
    );
    expect(
      screen.getByRole('link', { name: 'Fiche du vendeur (veille en ligne)' }).getAttribute('href'),
    ).toBe('/osint/sellers/1');
    expect(screen.getByTestId('seller-path').textContent).toContain(`highcopy.casa ${PAYLOAD}`);
    // The brand's price range.
    expect(reasons[2]!.textContent).toContain('genuine 90–250 EUR');
    expect(screen.getByTestId('parcel-examiner').textContent).toBe('Demo officer');
    expectInert();
  });

  it('explains a repeat sender with fraud found before: each earlier parcel a link, its fraud and day, in Arabic too', async () => {
    const FRAUD = {
      indicator: 'repeat_sender_fraud' as const,
      points: 50,
      message: `repeat sender: Lucky Shop (CN) had fraud found in 1 earlier parcel: DHL F1 ${PAYLOAD}`,
      evidence: {
        parcels: [
          { id: 17, parcel: `DHL F1 ${PAYLOAD}`, fraud_type: 'counterfeit', inspected_on: '2026-11-02' },
        ],
      },
    };
    show('/parcels/361', { 'GET /api/parcels/361': { body: parcel(361, { reasons: [FRAUD] }) } });
    const [reason] = await screen.findAllByTestId('parcel-reason');
    expect(reason!.textContent).toContain('Expéditeur récidiviste : fraude constatée');
    expect(reason!.textContent).toContain('Colis antérieurs trouvés en fraude');
    const earlier = screen.getByTestId('repeat-fraud-parcels');
    expect(
      within(earlier)
        .getByRole('link', { name: `DHL F1 ${PAYLOAD}` })
        .getAttribute('href'),
    ).toBe('/parcels/17');
    expect(earlier.textContent).toContain('Contrefaçon · fraude constatée le 2 nov. 2026');
    expectInert();
    await i18n.changeLanguage('ar');
    expect((await screen.findByTestId('parcel-reason')).textContent).toContain('مرسل عائد: غش مُثبت');
    await i18n.changeLanguage('fr');
  });

  it('offers no reassignment or seizure link to those who may only read', async () => {
    show('/parcels/361', { 'GET /api/parcels/361': { body: parcel(361) } }, READER);
    await screen.findByTestId('parcel-assignment');
    expect(screen.getByText('Pas encore affecté à un vérificateur.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réaffecter' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Lier à une saisie' })).toBeNull();
  });

  it('reassigns with a reason: refused by the server first, then sent and refreshed', async () => {
    let refuse = true;
    const api = show('/parcels/361', {
      'GET /api/parcels/361': {
        body: parcel(361, {
          assignment: {
            examiner_id: 1,
            username: 'officer',
            name: 'Demo officer',
            basis: 'auto',
            reason: 'auto',
          },
        }),
      },
      'GET /api/parcels/examiners': {
        body: {
          items: [examiner(1), examiner(2, { name: 'Nadia Chraibi' }), examiner(3, { active: false })],
        },
      },
      'PUT /api/parcels/361/assignment': () =>
        refuse
          ? { status: 409, body: { code: 'parcels.examiner_unavailable', message: 'not active' } }
          : {
              body: {
                parcel_id: 361,
                examiner: examiner(2, { name: 'Nadia Chraibi' }),
                reason: 'brand specialist',
              },
            },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Réaffecter' }));
    const form = await screen.findByRole('form', { name: 'Réaffecter le colis' });
    const select = within(form).getByLabelText(/Vérificateur/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    // Only the other active examiners of the office: not the current one, not an inactive one.
    expect([...select.options].map((o) => o.textContent)).toEqual(['—', 'Nadia Chraibi (user2)']);
    fireEvent.change(select, { target: { value: '2' } });
    const save = within(form).getByRole('button', { name: 'Enregistrer' });
    fireEvent.change(within(form).getByLabelText(/Motif de la réaffectation/), { target: { value: 'abc' } });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/Motif de la réaffectation/), {
      target: { value: '  brand specialist  ' },
    });
    fireEvent.click(save);
    expect((await within(form).findByRole('alert')).textContent).toContain(
      'Ce vérificateur n’est pas actif ou ne travaille pas au bureau d’arrivée.',
    );
    refuse = false;
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Réaffecter le colis' })).toBeNull());
    expect(api.sent('PUT', '/api/parcels/361/assignment').at(-1)).toEqual({
      examiner_id: 2,
      reason: 'brand specialist',
    });
    await waitFor(() =>
      expect(api.calls.filter((c) => c.path === '/api/parcels/361').length).toBeGreaterThan(1),
    );
  });

  it('links a seizure for those who record seizures', async () => {
    const api = show('/parcels/361', {
      'GET /api/parcels/361': { body: parcel(361) },
      'PUT /api/parcels/361/seizure': { body: {} },
    });
    const form = await screen.findByRole('form', { name: 'Lier à une saisie' });
    fireEvent.change(within(form).getByLabelText(/Numéro de la saisie/), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lier' }));
    await waitFor(() => expect(api.sent('PUT', '/api/parcels/361/seizure')).toEqual([{ seizure_id: 12 }]));
  });
});

describe('examiners', () => {
  const workload = (w: Partial<Workload>): Workload => ({
    examiner_id: 1,
    username: 'user1',
    name: 'Examiner 1',
    office: '301',
    daily_capacity: 4,
    active: true,
    assigned: 3,
    manual: 1,
    seized: 0,
    inspected: 2,
    fraud: 1,
    pending: 1,
    days: [{ day: '2026-11-03', assigned: 3, inspected: 2 }],
    ...w,
  });

  it('lists examiners with specialities and the workload, without changes for readers', async () => {
    const api = show(
      '/parcels/examiners?office=301&from=2026-11-02&to=2026-11-08',
      {
        'GET /api/parcels/examiners': {
          body: { items: [examiner(1, { name: `Nadia ${PAYLOAD}`, hs_prefixes: ['64', '42'] })] },
        },
        'GET /api/parcels/workload': {
          body: { from: '2026-11-02', to: '2026-11-08', items: [workload({})] },
        },
      },
      READER,
    );
    const row = await screen.findByTestId('examiner-row');
    expect(row.textContent).toContain(`Nadia ${PAYLOAD}`);
    expect(row.textContent).toContain('64, 42');
    expect(row.textContent).toContain('Express');
    expect(row.textContent).toContain('Commande fractionnée');
    const load = await screen.findByTestId('workload-row');
    expect(load.textContent).toContain('3 / 4');
    // Assigned, by hand, inspected, fraud, seized, pending: one cell each.
    expect([...load.querySelectorAll('td')].slice(2, 8).map((c) => c.textContent)).toEqual([
      '3',
      '1',
      '2',
      '1',
      '0',
      '1',
    ]);
    expect(screen.getByRole('columnheader', { name: 'Contrôlés' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'En attente' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Charge de Examiner 1 : 3 sur 4' })).toBeTruthy();
    const url = api.calls.find((c) => c.path === '/api/parcels/workload')!.url;
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-02',
      to: '2026-11-08',
      office: '301',
    });
    expect(screen.queryByRole('button', { name: 'Ajouter un vérificateur' })).toBeNull();
    expectInert();
  });

  it('adds an examiner: a bad HS prefix blocks, the server’s refusal shows, then it is sent', async () => {
    let exists = true;
    const api = show('/parcels/examiners?office=301', {
      'GET /api/parcels/examiners': { body: { items: [] } },
      'GET /api/parcels/workload': { body: { from: '2026-11-02', to: '2026-11-02', items: [] } },
      'POST /api/parcels/examiners': () =>
        exists
          ? { status: 409, body: { code: 'parcels.examiner_exists', message: 'exists' } }
          : { status: 201, body: examiner(5) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un vérificateur' }));
    const form = await screen.findByRole('form', { name: 'Vérificateur' });
    fireEvent.change(within(form).getByLabelText(/Identifiant/), { target: { value: 'n.chraibi' } });
    fireEvent.change(within(form).getByLabelText(/^Nom/), { target: { value: 'Nadia Chraibi' } });
    fireEvent.change(within(form).getByLabelText(/Préfixes SH/), { target: { value: '64, 3a' } });
    expect(within(form).getByText('Préfixe SH invalide : 2 à 10 chiffres.')).toBeTruthy();
    const save = within(form).getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/Préfixes SH/), { target: { value: '64, 3304' } });
    fireEvent.click(within(form).getByLabelText('Postal'));
    fireEvent.click(within(form).getByLabelText('Marque sous-évaluée'));
    fireEvent.click(save);
    expect((await within(form).findByRole('alert')).textContent).toContain(
      'Ce vérificateur existe déjà dans ce bureau.',
    );
    exists = false;
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Vérificateur' })).toBeNull());
    expect(api.sent('POST', '/api/parcels/examiners').at(-1)).toEqual({
      username: 'n.chraibi',
      name: 'Nadia Chraibi',
      office: '301',
      hs_prefixes: ['64', '3304'],
      kinds: ['postal'],
      indicators: ['undervalued_brand'],
      daily_capacity: 40,
    });
    expect(parsePrefixes('')).toEqual([]);
    expect(parsePrefixes('6')).toBeNull();
  });

  it('changes an examiner: capacity and active sent as a change', async () => {
    const api = show('/parcels/examiners', {
      'GET /api/parcels/examiners': { body: { items: [examiner(1)] } },
      'GET /api/parcels/workload': { body: { from: '2026-11-02', to: '2026-11-02', items: [] } },
      'PATCH /api/parcels/examiners/1': { body: examiner(1, { active: false }) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier Examiner 1' }));
    const form = await screen.findByRole('form', { name: 'Vérificateur' });
    fireEvent.click(within(form).getByLabelText('Actif'));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(api.sent('PATCH', '/api/parcels/examiners/1')).toEqual([
        {
          name: 'Examiner 1',
          hs_prefixes: [],
          kinds: ['express'],
          indicators: ['split_order'],
          daily_capacity: 40,
          active: false,
        },
      ]),
    );
  });
});

describe('my inspections', () => {
  const inspection = (id: number, extra = {}) => ({
    parcel_id: id,
    carrier: 'DHL',
    consignment_number: `48162039${id}`,
    arrival_date: '2026-11-03',
    arrival_office: '301',
    description: `women sneakers ${PAYLOAD}`,
    score: 50,
    channel: 'yellow' as const,
    basis: 'auto' as const,
    reason: 'speciality: split order',
    examiner: 'officer',
    inspected: null as 'compliant' | 'fraud' | 'not_found' | null,
    ...extra,
  });
  const OFFICER = ['session', 'parcels:read', 'risk:decide'];

  it('shows the day’s parcels as large cards opening each parcel, hostile text as text', async () => {
    const api = show(
      '/parcels/mine?day=2026-11-03',
      {
        'GET /api/parcels/my-inspections': {
          body: { day: '2026-11-03', items: [inspection(361), inspection(362, { basis: 'manual' })] },
        },
      },
      READER,
    );
    const cards = await screen.findAllByTestId('inspection-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.getAttribute('href')).toBe('/parcels/361');
    expect(cards[0]!.getAttribute('aria-label')).toBe('Ouvrir le colis DHL 48162039361');
    expect(cards[0]!.textContent).toContain(`women sneakers ${PAYLOAD}`);
    expect(cards[1]!.textContent).toContain('Manuelle');
    expect(screen.getByTestId('inspections-count').textContent).toContain('2 colis à contrôler');
    // A reader records nothing.
    expect(screen.queryByRole('button', { name: /Saisir le résultat/ })).toBeNull();
    expect(api.calls.find((c) => c.path === '/api/parcels/my-inspections')!.url.searchParams.get('day')).toBe(
      '2026-11-03',
    );
    expectInert();
  });

  it('says when there is nothing to inspect, and reads right to left in Arabic', async () => {
    await i18n.changeLanguage('ar');
    show(
      '/parcels/mine?day=2026-11-09',
      { 'GET /api/parcels/my-inspections': { body: { day: '2026-11-09', items: [] } } },
      READER,
    );
    expect(await screen.findByText('لا طرد للمراقبة في ذلك اليوم.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'مراقباتي' })).toBeTruthy();
  });

  it('records a result from the card: fraud needs its type, the server’s refusal shows, then sent and shown', async () => {
    let refuse = true;
    let done = false;
    const api = show(
      '/parcels/mine?day=2026-11-03',
      {
        'GET /api/parcels/my-inspections': () => ({
          body: {
            day: '2026-11-03',
            items: [
              inspection(361, { inspected: done ? 'fraud' : null }),
              inspection(362, { inspected: 'compliant' }),
            ],
          },
        }),
        'POST /api/parcels/361/inspection': () => {
          if (refuse)
            return {
              status: 409,
              body: { code: 'parcels.inspection_already_recorded', message: 'already' },
            };
          done = true;
          return { status: 201, body: {} };
        },
      },
      OFFICER,
    );
    const rows = await screen.findAllByTestId('inspection-row');
    // The one already inspected shows its result and offers a correction instead of the action.
    expect(within(rows[1]!).getByTestId('inspection-result').textContent).toBe('Résultat : Conforme');
    expect(within(rows[1]!).queryByRole('button', { name: /Saisir le résultat/ })).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: /Corriger le résultat/ })).toBeTruthy();
    fireEvent.click(
      within(rows[0]!).getByRole('button', { name: 'Saisir le résultat du colis DHL 48162039361' }),
    );
    const form = await screen.findByRole('form', { name: 'Résultat du contrôle de DHL 48162039361' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Fraude' }));
    fireEvent.change(within(form).getByLabelText(/Valeur constatée/), { target: { value: '180' } });
    fireEvent.change(within(form).getByLabelText(/Observations/), { target: { value: ' fake labels ' } });
    const save = within(form).getByRole('button', { name: 'Enregistrer le résultat' });
    fireEvent.click(save);
    expect(await within(form).findByText('Choisissez le type de fraude.')).toBeTruthy();
    expect(api.sent('POST', '/api/parcels/361/inspection')).toEqual([]);
    fireEvent.change(within(form).getByLabelText(/Type de fraude/), { target: { value: 'counterfeit' } });
    fireEvent.click(save);
    expect((await within(form).findByRole('alert')).textContent).toContain(
      'Un résultat est déjà enregistré pour ce colis.',
    );
    refuse = false;
    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Résultat du contrôle de DHL 48162039361' })).toBeNull(),
    );
    expect(api.sent('POST', '/api/parcels/361/inspection').at(-1)).toEqual({
      result: 'fraud',
      fraud_type: 'counterfeit',
      found_value: 180,
      found_currency: 'EUR',
      note: 'fake labels',
    });
    // Refreshed: the card now shows the result instead of the action.
    await waitFor(() =>
      expect(
        within(screen.getAllByTestId('inspection-row')[0]!).queryByTestId('inspection-result')?.textContent,
      ).toBe('Résultat : Fraude'),
    );
    expect(
      within(screen.getAllByTestId('inspection-row')[0]!).queryByRole('button', {
        name: /Saisir le résultat/,
      }),
    ).toBeNull();
  });

  it('corrects a recorded result from the card, starting from the outcome in force', async () => {
    const inForce = {
      parcel_id: 362,
      examiner: 'officer',
      result: 'fraud' as const,
      fraud_type: 'counterfeit' as const,
      found_value: 90,
      found_currency: 'EUR',
      note: `fake labels ${PAYLOAD}`,
      inspected_at: '2026-11-03T09:30:00Z',
      recorded_by: 'officer',
      recorded_at: '2026-11-03T09:31:00Z',
    };
    const api = show(
      '/parcels/mine?day=2026-11-03',
      {
        'GET /api/parcels/my-inspections': {
          body: { day: '2026-11-03', items: [inspection(362, { inspected: 'fraud' })] },
        },
        'GET /api/parcels/362/inspection': { body: { inspection: inForce, history: [] } },
        'POST /api/parcels/362/inspection/corrections': { status: 201, body: {} },
      },
      OFFICER,
    );
    const row = (await screen.findAllByTestId('inspection-row'))[0]!;
    fireEvent.click(
      within(row).getByRole('button', { name: 'Corriger le résultat du colis DHL 48162039362' }),
    );
    const form = await screen.findByRole('form', { name: 'Corriger le résultat de DHL 48162039362' });
    expect((within(form).getByRole('radio', { name: 'Fraude' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText(/Observations/) as HTMLTextAreaElement).value).toBe(
      `fake labels ${PAYLOAD}`,
    );
    fireEvent.change(within(form).getByLabelText(/Type de fraude/), { target: { value: 'undervaluation' } });
    fireEvent.change(within(form).getByLabelText(/Motif de la correction/), {
      target: { value: 'brand owner: genuine goods, value too low' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la correction' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: /Corriger le résultat/ })).toBeNull());
    expect(api.sent('POST', '/api/parcels/362/inspection/corrections')).toEqual([
      {
        result: 'fraud',
        fraud_type: 'undervaluation',
        found_value: 90,
        found_currency: 'EUR',
        note: `fake labels ${PAYLOAD}`,
        reason: 'brand owner: genuine goods, value too low',
      },
    ]);
    expectInert();
  });

  it('shows why a correction cannot start when the outcome cannot be read', async () => {
    show(
      '/parcels/mine?day=2026-11-03',
      {
        'GET /api/parcels/my-inspections': {
          body: { day: '2026-11-03', items: [inspection(362, { inspected: 'fraud' })] },
        },
        'GET /api/parcels/362/inspection': {
          status: 404,
          body: { code: 'parcels.not_found', message: 'gone' },
        },
      },
      OFFICER,
    );
    const row = (await screen.findAllByTestId('inspection-row'))[0]!;
    fireEvent.click(within(row).getByRole('button', { name: /Corriger le résultat/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('gone');
    expect(screen.queryByRole('form', { name: /Corriger le résultat/ })).toBeNull();
  });

  it('sends "not found" without a value', async () => {
    const api = show(
      '/parcels/mine?day=2026-11-03',
      {
        'GET /api/parcels/my-inspections': { body: { day: '2026-11-03', items: [inspection(361)] } },
        'POST /api/parcels/361/inspection': { status: 201, body: {} },
      },
      OFFICER,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Saisir le résultat/ }));
    const form = await screen.findByRole('form', { name: /Résultat du contrôle/ });
    fireEvent.change(within(form).getByLabelText(/Valeur constatée/), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'Non trouvé' }));
    expect(within(form).queryByLabelText(/Valeur constatée/)).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le résultat' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/parcels/361/inspection')).toEqual([{ result: 'not_found' }]),
    );
  });
});

describe('a parcel’s inspection', () => {
  const recorded = {
    parcel_id: 361,
    examiner: 'officer',
    result: 'fraud' as const,
    fraud_type: 'counterfeit' as const,
    found_value: 180,
    found_currency: 'EUR',
    note: `labels ${PAYLOAD}`,
    inspected_at: '2026-11-03T09:30:00Z',
    recorded_by: 'supervisor',
    recorded_at: '2026-11-03T09:31:00Z',
  };
  const assignment = {
    examiner_id: 1,
    username: 'officer',
    name: 'Demo officer',
    basis: 'auto',
    reason: 'auto',
  };

  it('shows the outcome recorded, hostile text as text, and no form', async () => {
    show('/parcels/361', {
      'GET /api/parcels/361': { body: parcel(361, { assignment, inspection: recorded }) },
    });
    const outcome = await screen.findByTestId('inspection-outcome');
    expect(outcome.textContent).toContain('Résultat : Fraude');
    expect(outcome.textContent).toContain('Contrefaçon');
    expect(outcome.textContent).toMatch(/180\s*€/);
    expect(outcome.textContent).toContain('Vérificateur : officer');
    expect(outcome.textContent).toContain('saisi par supervisor');
    expect(outcome.textContent).toContain(`labels ${PAYLOAD}`);
    expect(within(screen.getByTestId('parcel-inspection')).queryByRole('button')).toBeNull();
    expectInert();
  });

  it('offers no form to an officer the parcel is not assigned to', async () => {
    show(
      '/parcels/361',
      { 'GET /api/parcels/361': { body: parcel(361, { assignment }) } },
      ['session', 'parcels:read', 'risk:decide'],
      { username: 'someone' },
    );
    const card = await screen.findByTestId('parcel-inspection');
    expect(card.textContent).toContain('Pas encore contrôlé.');
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('offers the form to a supervisor', async () => {
    show(
      '/parcels/361',
      { 'GET /api/parcels/361': { body: parcel(361, { assignment }) } },
      ['session', 'parcels:read', 'parcels:write', 'risk:decide'],
      { username: 'boss' },
    );
    const card = await screen.findByTestId('parcel-inspection');
    expect(within(card).getByRole('button', { name: 'Saisir le résultat' })).toBeTruthy();
  });

  it('records from the parcel page for its examiner', async () => {
    const api = show(
      '/parcels/361',
      {
        'GET /api/parcels/361': { body: parcel(361, { assignment }) },
        'POST /api/parcels/361/inspection': { status: 201, body: recorded },
      },
      ['session', 'parcels:read', 'risk:decide'],
      { username: 'officer' },
    );
    const card = await screen.findByTestId('parcel-inspection');
    fireEvent.click(within(card).getByRole('button', { name: 'Saisir le résultat' }));
    const form = await screen.findByRole('form', { name: /Résultat du contrôle/ });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le résultat' }));
    await waitFor(() =>
      expect(api.sent('POST', '/api/parcels/361/inspection')).toEqual([{ result: 'compliant' }]),
    );
  });

  it('corrects the outcome for its examiner: prefilled, a reason required, the server’s refusal shown, then sent', async () => {
    let refuse = true;
    let corrected = false;
    const replaced = {
      ...recorded,
      reason: 'right holder confirms genuine',
      corrected_by: 'officer',
      corrected_at: '2026-11-04T08:00:00Z',
    };
    const api = show(
      '/parcels/361',
      {
        'GET /api/parcels/361': () => ({
          body: corrected
            ? parcel(361, {
                assignment,
                inspection: { ...recorded, result: 'compliant', fraud_type: null, recorded_by: 'officer' },
                inspection_history: [replaced],
              })
            : parcel(361, { assignment, inspection: recorded }),
        }),
        'POST /api/parcels/361/inspection/corrections': () => {
          if (refuse)
            return {
              status: 400,
              body: { code: 'parcels.correction_unchanged', message: 'changes nothing' },
            };
          corrected = true;
          return { status: 201, body: {} };
        },
      },
      ['session', 'parcels:read', 'risk:decide'],
      { username: 'officer' },
    );
    const card = await screen.findByTestId('parcel-inspection');
    expect(within(card).queryByRole('button', { name: 'Saisir le résultat' })).toBeNull();
    fireEvent.click(
      within(card).getByRole('button', { name: 'Corriger le résultat du colis DHL 48162039361' }),
    );
    const form = await screen.findByRole('form', { name: 'Corriger le résultat de DHL 48162039361' });
    // Starts from the outcome in force.
    expect((within(form).getByRole('radio', { name: 'Fraude' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText(/Type de fraude/) as HTMLSelectElement).value).toBe('counterfeit');
    expect((within(form).getByLabelText(/Observations/) as HTMLTextAreaElement).value).toBe(
      `labels ${PAYLOAD}`,
    );
    const save = within(form).getByRole('button', { name: 'Enregistrer la correction' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Conforme' }));
    fireEvent.click(save);
    expect(
      await within(form).findByText('Indiquez le motif de la correction (5 caractères au moins).'),
    ).toBeTruthy();
    expect(api.sent('POST', '/api/parcels/361/inspection/corrections')).toEqual([]);
    fireEvent.change(within(form).getByLabelText(/Motif de la correction/), {
      target: { value: ' right holder confirms genuine ' },
    });
    fireEvent.click(save);
    expect((await within(form).findByRole('alert')).textContent).toContain('La correction ne change rien');
    refuse = false;
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('form', { name: /Corriger le résultat/ })).toBeNull());
    expect(api.sent('POST', '/api/parcels/361/inspection/corrections').at(-1)).toEqual({
      result: 'compliant',
      found_value: 180,
      found_currency: 'EUR',
      note: `labels ${PAYLOAD}`,
      reason: 'right holder confirms genuine',
    });
    // Refreshed: the outcome in force, and the one it replaced with the reason, hostile text as text.
    const history = await screen.findByTestId('inspection-history');
    expect(screen.getByTestId('inspection-outcome').textContent).toContain('Résultat : Conforme');
    expect(history.textContent).toContain('Résultats antérieurs');
    expect(history.textContent).toContain('Fraude · Contrefaçon');
    expect(history.textContent).toContain('par officer : right holder confirms genuine');
    expectInert();
  });

  it('offers no correction to one who may only read', async () => {
    show('/parcels/361', {
      'GET /api/parcels/361': { body: parcel(361, { assignment, inspection: recorded }) },
    });
    const card = await screen.findByTestId('parcel-inspection');
    expect(within(card).queryByRole('button', { name: /Corriger/ })).toBeNull();
  });
});
