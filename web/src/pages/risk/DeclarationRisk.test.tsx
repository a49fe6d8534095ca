// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index.ts';
import { type ApiRoutes, renderPage, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { DeclarationRisk } from './DeclarationRisk.tsx';

// ECharts needs a canvas: the chart is replaced by its accessible description (what a screen reader gets).
vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const REF = '48518247';
const OFFICER = [
  'session',
  'declarations:read',
  'risk:read',
  'risk:decide',
  'risk:attachments',
  'valuation:read',
];

const decision = {
  id: 133,
  reference: REF,
  office: '40',
  lodged_on: '2021-01-04',
  run_id: 13,
  channel: 'red',
  initial_channel: 'red',
  basis: 'ranked',
  score: 166.35,
  probability: 0.9998,
  expected_value: 1055753.89,
  rank: 1,
  decided_at: '2021-01-04T06:00:00.000Z',
  profile_versions: [{ id: 1, name: 'kcs-starter', version: 1 }],
  breakdown: [],
  explanation: {
    en: 'Red channel (physical inspection): ranked 1 of 49.',
    fr: 'Circuit rouge (visite physique) : rang 1 sur 49.',
    ar: 'القناة الحمراء (معاينة مادية): الرتبة 1 من 49.',
  },
  decided_by: 'system:demo',
  superseded_at: null,
  items: [
    {
      item_id: 3239,
      line_no: 1,
      score: 166.35,
      probability: 0.9998,
      expected_value: 1055753.89,
      breakdown: [
        { source: 'rule', id: 'kcs-starter/same-goods-fraud-before', points: 60 },
        { source: 'rule', id: 'kcs-starter/importer-recently-registered', points: 20 },
        { source: 'valuation', id: 'hs4', points: 15 },
        { source: 'model', id: 'demo (#1)', points: 36.35 },
      ],
      tags: [],
      indicators: {},
      hits: [
        {
          profile: 'kcs-starter',
          version: 1,
          rule_id: 'importer-recently-registered',
          points: 20,
          channel: null,
          critical: false,
        },
        {
          profile: 'kcs-starter',
          version: 1,
          rule_id: 'same-goods-fraud-before',
          points: 60,
          channel: null,
          critical: false,
        },
      ],
      outcomes: [] as unknown[],
    },
  ],
  overrides: [
    {
      id: 5,
      from_channel: 'yellow',
      to_channel: 'red',
      reason: 'Renseignement du port',
      officer: 'analyst',
      at: '2021-01-04T08:00:00.000Z',
    },
  ],
};

const score = {
  reference: REF,
  office: '40',
  lodged_on: '2021-01-04',
  stored: true,
  profiles: [{ id: 1, name: 'kcs-starter', version: 1 }],
  model: 'demo (#1)',
  score: 166.35,
  probability: 0.9998,
  expected_value: 1055753.89,
  critical: false,
  indicative_channel: 'red',
  forced: null,
  breakdown: decision.items[0]!.breakdown,
  explanation: {
    en: 'Red channel (indicative).',
    fr: 'Circuit rouge (indicatif).',
    ar: 'القناة الحمراء (إرشادي).',
  },
  items: [
    {
      item_id: 3239,
      line_no: 1,
      score: 166.35,
      probability: 0.9998,
      stake: 1055887.68,
      expected_value: 1055753.89,
      critical: false,
      breakdown: decision.items[0]!.breakdown,
      forced: null,
      tags: [],
      hits: [
        {
          profile: 'kcs-starter',
          version: 1,
          rule_id: 'same-goods-fraud-before',
          title: {
            en: 'Identical goods line found fraudulent before',
            fr: 'Ligne identique déjà trouvée en fraude',
            ar: 'سطر بضائع مطابق ثبت فيه غش من قبل',
          },
          points: 60,
          channel: null,
          critical: false,
          tags: ['repeat'],
          probability: 0.9,
          values: [
            {
              subject: 'history.same_goods.fraud_rate',
              kind: 'indicator',
              value: 1,
              evidence: { inspected: 1, frauds: 1 },
            },
          ],
        },
        {
          profile: 'kcs-starter',
          version: 1,
          rule_id: 'importer-recently-registered',
          title: { en: 'Importer registered very recently', fr: 'Importateur immatriculé très récemment' },
          points: 20,
          channel: null,
          critical: false,
          tags: ['party'],
          probability: 0.3,
          values: [{ subject: 'partners.importer_recent', kind: 'indicator', value: true }],
        },
      ],
      finding: {
        level: 'hs4',
        hs: '5407',
        origin: '',
        unit: 'kg',
        currency: 'KRW',
        sample_n: 11,
        window_from: '2020-01-10',
        window_to: '2021-01-08',
        reference_median: 607.2,
        reference_q1: 520.5,
        reference_p10: 165.3,
        unit_value: 229.5,
        divisor: 786.6,
        ratio: 0.378,
        robust_z: -0.9,
        undervaluation_amount: 155000,
        duty_rate: 8,
        duties_at_stake: 12400,
        flagged: true,
      },
      model: {
        name: 'demo (#1)',
        probability: 0.727,
        reasons: [
          {
            en: 'identical declarations: past fraud rate 100 %',
            fr: 'déclarations identiques : fraude passée 100 %',
            ar: 'التصريحات المطابقة: معدل الغش السابق 100 %',
            feature: 'repeat_rate',
            contribution: 1.63,
          },
          {
            en: 'old importer',
            fr: 'importateur ancien',
            ar: 'مستورد قديم',
            feature: 'importer_age',
            contribution: -0.2,
          },
        ],
      },
    },
  ],
};

const declaration = {
  reference: REF,
  currency: 'KRW',
  items: [{ id: 3239, line_no: 1, hs_code: '540710', description: 'Tissus', origin_country: 'KR' }],
};

/** A fake API: `routes` answer by "METHOD /path" before the defaults; every call is recorded. */
function fakeApi(permissions: string[], routes: ApiRoutes) {
  const defaults: ApiRoutes = {
    'GET /api/risk/decisions': {
      body: { total: 1, limit: 50, offset: 0, items: [decision] },
    },
    'GET /api/risk/decisions/133': { body: decision },
    'POST /api/risk/score': { body: score },
    [`GET /api/declarations/${REF}`]: { body: declaration },
    'GET /api/valuation/references': {
      body: {
        total: 1,
        limit: 20,
        offset: 0,
        items: [
          {
            level: 'hs4',
            hs: '5407',
            origin: '',
            unit: 'kg',
            currency: 'KRW',
            n: 11,
            median: 607.2,
            q1: 520.5,
            q3: 820,
            p10: 165.3,
            p90: 1200,
          },
        ],
      },
    },
    [`GET /api/risk/declarations/${REF}/attachments`]: {
      body: {
        items: [
          {
            id: 9,
            reference: REF,
            outcome_id: 70,
            kind: 'photo',
            content_type: 'image/jpeg',
            file_name: 'quai-1.jpg',
            bytes: 204800,
            sha256: 'a'.repeat(64),
            note: null,
            added_by: 'officer',
            added_at: '2021-01-05T10:00:00.000Z',
          },
        ],
      },
    },
  };
  const session = {
    username: 'officer',
    display_name: 'Officer',
    roles: ['officer' as const],
    office_code: '40',
  };
  return stubApi(signedIn(permissions, session), routes, defaults).calls;
}

function show(node: ReactNode = <DeclarationRisk reference={REF} />) {
  return renderPage(node);
}

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body));

setUpPageTests('fr');

describe('the risk panel of a declaration', () => {
  it('explains a refused decision API (403) in place of the panel', async () => {
    fakeApi(OFFICER, {
      'GET /api/risk/decisions': () => ({
        status: 403,
        body: { code: 'auth.forbidden', message: 'your role does not allow this' },
      }),
    });
    show();
    const note = await screen.findByTestId('risk-forbidden');
    expect(note.textContent).toContain(
      'Votre rôle ne permet pas de voir pourquoi cette déclaration a été sélectionnée',
    );
    expect(screen.queryByTestId('outcome-form')).toBeNull();
  });

  it('shows nothing, and asks nothing, to a role without risk:read', async () => {
    const calls = fakeApi(['session', 'declarations:read'], {});
    show();
    await waitFor(() => expect(calls.some((c) => c.path === '/api/auth/session')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Analyse de risque')).toBeNull();
    expect(screen.queryByTestId('declaration-risk')).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/risk'))).toEqual([]);
  });

  it('shows a server error where the decisions failed, with a retry', async () => {
    fakeApi(OFFICER, {
      'GET /api/risk/decisions': () => ({
        status: 500,
        body: { code: 'internal', message: 'database down' },
      }),
    });
    show();
    // A server error is tried once more (after a second) before it is shown.
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert.textContent).toContain('database down');
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('keeps every field and shows the error in the form when the outcome is refused (400)', async () => {
    const calls = fakeApi(OFFICER, {
      'POST /api/risk/outcomes': () => ({
        status: 400,
        body: { code: 'request.invalid', message: 'inspected_on is in the future' },
      }),
    });
    show();
    const form = await screen.findByTestId('outcome-form');
    fireEvent.click(within(form).getByRole('radio', { name: 'Fraude' }));
    fireEvent.click(within(form).getByRole('radio', { name: 'Valeur' }));
    fireEvent.change(within(form).getByLabelText('Montant redressé'), { target: { value: '1200' } });
    fireEvent.change(within(form).getByLabelText('Observations'), {
      target: { value: 'Facture sous-évaluée' },
    });
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'quai.jpg', { type: 'image/jpeg' });
    fireEvent.change(within(form).getByTestId('outcome-photos'), { target: { files: [photo] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le résultat' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('inspected_on is in the future');
    expect((within(form).getByRole('radio', { name: 'Fraude' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('radio', { name: 'Valeur' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText('Montant redressé') as HTMLInputElement).value).toMatch(/1\s?200/);
    expect((within(form).getByLabelText('Observations') as HTMLTextAreaElement).value).toBe(
      'Facture sous-évaluée',
    );
    expect(within(form).getByText('quai.jpg')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/risk/attachments')).toEqual([]);
  });

  it('asks for the fraud type before sending a fraud outcome', async () => {
    const calls = fakeApi(OFFICER, {});
    show();
    const form = await screen.findByTestId('outcome-form');
    fireEvent.click(within(form).getByRole('radio', { name: 'Fraude critique' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le résultat' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choisissez le type de fraude.');
    expect(calls.filter((c) => c.path === '/api/risk/outcomes')).toEqual([]);
    // Choosing a type clears the message at once.
    fireEvent.click(within(form).getByRole('radio', { name: 'Valeur' }));
    await waitFor(() => expect(within(form).queryByText('Choisissez le type de fraude.')).toBeNull());
  });

  it('marks a random pick as such on the declaration: "random selection (exploration)"', async () => {
    const random = { ...decision, basis: 'random', rank: null };
    fakeApi(OFFICER, {
      'GET /api/risk/decisions': { body: { total: 1, limit: 50, offset: 0, items: [random] } },
      'GET /api/risk/decisions/133': { body: random },
    });
    show();
    expect((await screen.findByTestId('risk-basis')).textContent).toBe('Sélection aléatoire (exploration)');
  });

  it('shows the outcome already recorded in words and offers a correction with a reason, not a fresh form', async () => {
    const recorded = {
      id: 70,
      result: 'fraud',
      fraud_type: 'valuation',
      recovered_amount: 1200,
      officer: 'officer-40',
      source: 'officer',
      inspected_on: '2021-01-05',
      channel: 'red',
      note: 'Facture doublée',
      corrected_by: null,
      correction: null,
    };
    const controlled = { ...decision, items: [{ ...decision.items[0]!, outcomes: [recorded] }] };
    const calls = fakeApi(OFFICER, {
      'GET /api/risk/decisions/133': { body: controlled },
      'POST /api/risk/outcomes': () => ({ status: 201, body: { id: 71, corrects: 70 } }),
    });
    show();
    const form = await screen.findByTestId('outcome-form');
    const shown = await within(form).findByTestId('outcome-recorded');
    expect(shown.textContent).toContain('Fraude');
    expect(shown.textContent).toContain('Valeur');
    expect(shown.textContent).toMatch(/1\s?200/);
    expect(shown.textContent).toContain('Facture doublée');
    expect(shown.textContent).toContain('officer-40');
    expect(within(form).queryByRole('button', { name: 'Enregistrer le résultat' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Corriger ce résultat' }));
    // The correction starts from what was recorded, not from "compliant".
    expect((within(form).getByRole('radio', { name: 'Fraude' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('radio', { name: 'Valeur' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: 'Origine' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la correction' }));
    expect(
      await within(form).findByText('Donnez le motif de la correction (5 caractères au moins).'),
    ).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/risk/outcomes')).toEqual([]);
    fireEvent.change(within(form).getByLabelText(/Motif de la correction/), {
      target: { value: 'Fraude sur l’origine, pas la valeur' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la correction' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/risk/outcomes').length).toBe(1));
    const body = bodyOf(calls.find((c) => c.path === '/api/risk/outcomes')?.init);
    expect(body).toMatchObject({
      item_id: 3239,
      result: 'fraud',
      fraud_type: 'origin',
      recovered_amount: 1200,
      correction: { reason: 'Fraude sur l’origine, pas la valeur' },
    });
  });

  it('draws the decision, the score breakdown with the rule titles, the model reasons and the valuation', async () => {
    fakeApi(OFFICER, {});
    show();
    const header = await screen.findByTestId('risk-decision');
    expect(header.textContent).toContain('Circuit rouge — visite physique');
    expect(header.textContent).toContain('Classement des risques');
    expect(screen.getByTestId('risk-explanation').textContent).toBe(
      'Circuit rouge (visite physique) : rang 1 sur 49.',
    );
    expect(screen.getByTestId('risk-overrides').textContent).toContain('Renseignement du port');

    const breakdown = await screen.findByRole('img', { name: /Composition du score de la ligne 1/ });
    const label = breakdown.getAttribute('aria-label') ?? '';
    expect(label).toContain('Ligne identique déjà trouvée en fraude 60');
    expect(label).toContain('Modèle demo (#1) 36,4');
    expect(label).toContain('Valeur déclarée (référence SH4) 15');
    expect(label).toContain('Importateur immatriculé très récemment 20');
    // Largest first.
    expect(label.indexOf('Ligne identique')).toBeLessThan(label.indexOf('Modèle demo'));

    const hits = screen.getByTestId('risk-hits');
    expect(hits.textContent).toContain('Ligne identique déjà trouvée en fraude');
    expect(hits.textContent).toContain('history.same_goods.fraud_rate = 100 %');
    expect(hits.textContent).toContain('partners.importer_recent = oui');

    expect(
      screen.getByRole('img', { name: /Contributions des variables/ }).getAttribute('aria-label'),
    ).toContain('importer_age -0,2');
    expect(screen.getAllByTestId('model-reason').map((r) => r.textContent)).toEqual([
      '▲ déclarations identiques : fraude passée 100 %',
      '▼ importateur ancien',
    ]);

    const summary = (await screen.findByTestId('valuation-summary')).textContent ?? '';
    expect(summary).toMatch(/^Déclarée à 38 % de la médiane ; 12\s400\s₩ de droits en jeu\.$/);
  });

  it('says when the declaration was never selected, and still shows the live score', async () => {
    fakeApi(OFFICER, {
      'GET /api/risk/decisions': () => ({ status: 200, body: { total: 0, limit: 50, offset: 0, items: [] } }),
    });
    show();
    expect((await screen.findByTestId('risk-not-selected')).textContent).toContain(
      'Non sélectionnée par la sélection quotidienne',
    );
    expect(await screen.findByText('Circuit rouge (indicatif).')).toBeTruthy();
    expect(screen.getByText('Circuit indicatif (score actuel)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Changer de circuit' })).toBeNull();
    expect(await screen.findByRole('img', { name: /Composition du score de la ligne 1/ })).toBeTruthy();
  });

  it('says when the declaration belongs to another office, and offers no control', async () => {
    fakeApi(OFFICER, {
      'GET /api/risk/decisions': () => ({ status: 200, body: { total: 0, limit: 50, offset: 0, items: [] } }),
      'POST /api/risk/score': () => ({
        status: 404,
        body: { code: 'declaration.not_found', message: 'no declaration' },
      }),
    });
    show();
    expect((await screen.findByTestId('risk-outside-office')).textContent).toContain(
      'relève d’un autre bureau',
    );
    expect(screen.queryByTestId('outcome-form')).toBeNull();
    expect(screen.queryByTestId('risk-not-selected')).toBeNull();
  });

  it('posts the outcome, then uploads each photo with its outcome_id, then refreshes the declaration', async () => {
    const calls = fakeApi(OFFICER, {
      'POST /api/risk/outcomes': () => ({
        status: 201,
        body: { id: 77, item_id: 3239, reference: REF, result: 'fraud', recorded_at: '2021-01-05T10:00:00Z' },
      }),
      'POST /api/risk/attachments': ({ init }) => {
        const file = (init?.body as FormData | undefined)?.get('file') as File | undefined;
        return file?.name === 'bad.jpg'
          ? { status: 415, body: { code: 'risk.attachment_type', message: 'not a photo' } }
          : { status: 201, body: { id: 10 } };
      },
    });
    show();
    const form = await screen.findByTestId('outcome-form');
    fireEvent.click(within(form).getByRole('radio', { name: 'Fraude' }));
    fireEvent.click(within(form).getByRole('radio', { name: 'Origine' }));
    fireEvent.change(within(form).getByLabelText('Montant redressé'), { target: { value: '5000' } });
    fireEvent.change(within(form).getByLabelText('Date du contrôle'), { target: { value: '2021-01-05' } });
    fireEvent.change(within(form).getByLabelText('Observations'), {
      target: { value: ' Certificat d’origine faux ' },
    });
    const good = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'quai.jpg', { type: 'image/jpeg' });
    const bad = new File([new Uint8Array([1, 2, 3])], 'bad.jpg', { type: 'image/jpeg' });
    fireEvent.change(within(form).getByTestId('outcome-photos'), { target: { files: [good, bad] } });
    const decisionsBefore = calls.filter((c) => c.path === '/api/risk/decisions').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le résultat' }));

    const partial = await within(form).findByTestId('outcome-partial');
    expect(partial.textContent).toContain('Le résultat n° 77 est enregistré, mais 1 photo(s)');
    const posted = calls.filter((c) => c.path === '/api/risk/outcomes');
    expect(posted).toHaveLength(1);
    expect(bodyOf(posted[0]?.init)).toEqual({
      item_id: 3239,
      result: 'fraud',
      fraud_type: 'origin',
      recovered_amount: 5000,
      inspected_on: '2021-01-05',
      note: 'Certificat d’origine faux',
    });
    const uploads = calls.filter((c) => c.path === '/api/risk/attachments');
    expect(uploads).toHaveLength(2);
    for (const [i, upload] of uploads.entries()) {
      const body = upload.init?.body as FormData;
      expect(upload.method).toBe('POST');
      expect([...body.keys()]).toEqual(['reference', 'kind', 'outcome_id', 'file']);
      expect(body.get('reference')).toBe(REF);
      expect(body.get('kind')).toBe('photo');
      expect(body.get('outcome_id')).toBe('77');
      expect((body.get('file') as File).name).toBe(i === 0 ? 'quai.jpg' : 'bad.jpg');
    }
    // The failed photo stays with its own error; the good one is gone from the queue.
    const files = within(form).getByTestId('outcome-files');
    expect(within(files).queryByText('quai.jpg')).toBeNull();
    expect(within(files).getByText('bad.jpg')).toBeTruthy();
    expect(within(files).getByRole('alert').textContent).toContain('Type de fichier refusé');
    await waitFor(() =>
      expect(calls.filter((c) => c.path === '/api/risk/decisions').length).toBeGreaterThan(decisionsBefore),
    );
    expect(calls.some((c) => c.path === `/api/risk/declarations/${REF}/attachments`)).toBe(true);

    // Dropping the bad photo clears the partial state; a new outcome can then be recorded.
    fireEvent.click(within(partial).getByRole('button', { name: 'Abandonner ces photos' }));
    expect(within(form).queryByTestId('outcome-partial')).toBeNull();
  });

  it('records a compliant outcome without photos and says so', async () => {
    const calls = fakeApi(OFFICER, {
      'POST /api/risk/outcomes': () => ({ status: 201, body: { id: 78 } }),
    });
    show();
    const form = await screen.findByTestId('outcome-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le résultat' }));
    expect((await within(form).findByRole('status')).textContent).toContain('Résultat enregistré.');
    const body = bodyOf(calls.find((c) => c.path === '/api/risk/outcomes')?.init);
    expect(body).toMatchObject({
      item_id: 3239,
      result: 'compliant',
      fraud_type: null,
      recovered_amount: null,
      note: null,
    });
    expect(body.inspected_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('requires a reason of 5 characters to change the channel, and shows the server refusal in place', async () => {
    const calls = fakeApi(OFFICER, {
      'POST /api/risk/decisions/133/override': ({ init }) =>
        bodyOf(init).reason === 'Déjà contrôlée au départ'
          ? { status: 409, body: { code: 'risk.decision_superseded', message: 'superseded' } }
          : {
              status: 200,
              body: { id: 6, reference: REF, from_channel: 'red', to_channel: 'yellow', reason: 'x' },
            },
    });
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Changer de circuit' }));
    const form = await screen.findByTestId('override-form');
    // The current channel cannot be chosen again.
    expect((within(form).getByRole('radio', { name: 'Rouge' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: 'Jaune' }));
    fireEvent.change(within(form).getByLabelText(/Motif/), { target: { value: ' abc ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirmer le changement' }));
    expect(await within(form).findByText('Indiquez un motif d’au moins 5 caractères.')).toBeTruthy();
    expect(calls.filter((c) => c.path.endsWith('/override'))).toEqual([]);

    fireEvent.change(within(form).getByLabelText(/Motif/), { target: { value: 'Déjà contrôlée au départ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirmer le changement' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Cette décision a été remplacée');
    const sent = calls.filter((c) => c.path.endsWith('/override'));
    expect(sent).toHaveLength(1);
    expect(bodyOf(sent[0]?.init)).toEqual({ channel: 'yellow', reason: 'Déjà contrôlée au départ' });
    expect((within(form).getByLabelText(/Motif/) as HTMLTextAreaElement).value).toBe(
      'Déjà contrôlée au départ',
    );
  });

  it('hides the outcome form, the change of channel and the attachments from a role that may only read', async () => {
    fakeApi(['session', 'declarations:read', 'risk:read'], {});
    show();
    await screen.findByTestId('risk-decision');
    await screen.findByRole('img', { name: /Composition du score/ });
    expect(screen.queryByTestId('outcome-form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Changer de circuit' })).toBeNull();
    expect(screen.queryByTestId('risk-attachments')).toBeNull();
  });

  it('lists the attachments with a shortened fingerprint, the full one on hover, and a download link', async () => {
    fakeApi(OFFICER, {});
    show();
    const card = await screen.findByTestId('risk-attachments');
    const name = await within(card).findByText('quai-1.jpg');
    expect(name).toBeTruthy();
    const sha = within(card).getByTitle('a'.repeat(64));
    expect(sha.textContent).toBe(`${'a'.repeat(12)}…`);
    const link = within(card).getByRole('link', { name: 'Télécharger' });
    expect(link.getAttribute('href')).toBe('/api/risk/attachments/9');
    expect(within(card).getByRole('img', { name: 'quai-1.jpg' }).getAttribute('src')).toBe(
      '/api/risk/attachments/9',
    );
    expect(card.textContent).toContain('résultat n° 70');
  });

  it('speaks English, and Arabic with the Arabic explanation, reasons and rule titles', async () => {
    fakeApi(OFFICER, {});
    await i18n.changeLanguage('en');
    show();
    expect((await screen.findByTestId('risk-explanation')).textContent).toBe(
      'Red channel (physical inspection): ranked 1 of 49.',
    );
    cleanup();
    await i18n.changeLanguage('ar');
    show();
    expect((await screen.findByTestId('risk-explanation')).textContent).toBe(
      'القناة الحمراء (معاينة مادية): الرتبة 1 من 49.',
    );
    expect(screen.getByTestId('risk-decision').textContent).toContain('المسار الأحمر');
    const hits = await screen.findByTestId('risk-hits');
    // A rule title the analyst wrote in Arabic reads Arabic; one written in English and French only reads French.
    expect(hits.textContent).toContain('سطر بضائع مطابق ثبت فيه غش من قبل');
    expect(hits.textContent).toContain('Importateur immatriculé très récemment');
    expect(hits.textContent).not.toContain('Ligne identique');
    expect(screen.getAllByTestId('model-reason').map((r) => r.textContent)).toEqual([
      '▲ التصريحات المطابقة: معدل الغش السابق 100 %',
      '▼ مستورد قديم',
    ]);
  });
});
