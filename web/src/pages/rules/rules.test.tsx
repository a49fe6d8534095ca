// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index.ts';
import { type ApiRoutes, setUpPageTests, signedIn, stubApi } from '../../test/harness.tsx';
import { renderRoutes } from '../../test/pages.tsx';
import { RulesAndCampaigns } from './index.tsx';
import { readRanking, writeScoring } from './Ranking.tsx';
import type { BacktestReport, BacktestResult, Job, Profile } from './types.ts';

vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const ANALYST = ['risk:read', 'risk:manage', 'risk:activate', 'risk:decide', 'jobs:read'];

/** A mocked API: `routes` maps "METHOD /path" (query ignored) to a reply; the session comes with `permissions`. */
function serve(routes: ApiRoutes, permissions: string[] = ANALYST) {
  return stubApi(
    signedIn(permissions, { id: 2, username: 'analyst', display_name: 'Analyst', roles: ['analyst'] }),
    routes,
  );
}

const renderAt = (path: string) =>
  renderRoutes(path, {
    '/rules/*': <RulesAndCampaigns />,
    '/declarations/:reference': <div>declaration page</div>,
  });

const PROFILE: Profile = {
  id: 2,
  name: 'national',
  version: 2,
  status: 'draft',
  author: 'analyst',
  reason: 'Tighter textile rule',
  valid_from: null,
  valid_to: null,
  created_at: '2021-01-10T09:00:00Z',
  activated_at: null,
  activated_by: null,
  retired_at: null,
  retired_by: null,
  rules: 1,
  document: {
    scoring: {},
    rules: [
      {
        id: 'textiles-low-value',
        title: { en: 'Textiles far below the reference', fr: 'Textiles très en dessous de la référence' },
        rationale: { en: 'Undervaluation is common here.', fr: 'La sous-évaluation y est fréquente.' },
        enabled: true,
        critical: false,
        probability: 0.4,
        when: {},
        effect: { points: 30, channel: 'yellow', tags: [] },
      },
    ],
  },
  source_text: 'rules:\n  - id: textiles-low-value\n    title: x\n    effect: { points: 30 }\n',
};

/** The profile's page reads the profile (and whether four-eyes is on: off here); its editor the indicators too. */
const FOUR_EYES_OFF = {
  items: [],
  total: 0,
  limit: 1,
  offset: 0,
  four_eyes: false,
  backtest_max_age_days: 7,
};
const VIEWING: ApiRoutes = {
  'GET /api/risk/profiles/2': { status: 200, body: PROFILE },
  'GET /api/risk/approvals': { status: 200, body: FOUR_EYES_OFF },
};
const EDITING: ApiRoutes = { ...VIEWING, 'GET /api/risk/indicators': { status: 200, body: { items: [] } } };

setUpPageTests('fr');

describe('rule editor', () => {
  it('shows a validation failure where it happened', async () => {
    serve({
      ...EDITING,
      'POST /api/risk/profiles/validate': {
        status: 500,
        body: { code: 'internal', message: 'the server failed' },
      },
    });
    renderAt('/rules/profiles/2/edit');
    fireEvent.click(await screen.findByRole('button', { name: 'Valider' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the server failed');
    expect(screen.queryByTestId('problems')).toBeNull();
  });

  it('lists problems by line and puts the cursor on the line of the one clicked', async () => {
    const api = serve({
      ...EDITING,
      'POST /api/risk/profiles/validate': {
        status: 200,
        body: {
          ok: false,
          problems: [
            { path: 'rules[0].effect.points', line: 4, message: 'expected number' },
            { path: 'rules[0].rationale', message: 'missing' },
            { path: 'rules[0].title', line: 3, message: 'expected en and fr' },
          ],
        },
      },
    });
    renderAt('/rules/profiles/2/edit');
    const area = (await screen.findByTestId('rule-source')) as HTMLTextAreaElement;
    expect(area.value).toBe(PROFILE.source_text);
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    const problems = await screen.findAllByTestId('problem');
    expect(problems.map((p) => p.textContent)).toEqual([
      'Ligne 3rules[0].titleexpected en and fr',
      'Ligne 4rules[0].effect.pointsexpected number',
      '—rules[0].rationalemissing',
    ]);
    expect(api.sent('POST', '/api/risk/profiles/validate')).toEqual([{ text: PROFILE.source_text }]);
    fireEvent.click(screen.getByRole('button', { name: 'Aller à la ligne 3' }));
    const line3 = PROFILE.source_text!.split('\n').slice(0, 2).join('\n').length + 1;
    expect(document.activeElement).toBe(area);
    expect(area.selectionStart).toBe(line3);
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('    title: x');
    // The lines with problems are marked beside the text.
    expect(
      [...document.querySelectorAll('[data-problem-line]')].map((e) => e.getAttribute('data-problem-line')),
    ).toEqual(['3', '4']);
  });

  it('keeps the problems the server found when saving, and asks for a reason first', async () => {
    const api = serve({
      ...EDITING,
      'POST /api/risk/profiles': {
        status: 422,
        body: {
          code: 'risk.invalid_profile',
          message: 'the profile document has 1 problem(s)',
          details: { problems: [{ path: 'rules[0].when', line: 2, message: 'unknown indicator "nope"' }] },
        },
      },
    });
    renderAt('/rules/profiles/2/edit');
    const save = await screen.findByRole('button', { name: 'Enregistrer le brouillon' });
    fireEvent.click(save);
    expect(await screen.findByText('Indiquez un motif (5 caractères au moins).')).toBeTruthy();
    expect(api.sent('POST', '/api/risk/profiles')).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: /Motif/ }), {
      target: { value: 'New textile threshold' },
    });
    fireEvent.click(save);
    expect((await screen.findByTestId('problems')).textContent).toContain('unknown indicator "nope"');
    expect(
      screen.getByText('Le document contient des erreurs : corrigez les problèmes signalés.'),
    ).toBeTruthy();
    expect(api.sent('POST', '/api/risk/profiles')).toEqual([
      {
        name: 'national',
        text: PROFILE.source_text,
        reason: 'New textile threshold',
        valid_from: null,
        valid_to: null,
      },
    ]);
  });
});

describe('ranking controls in the editor', () => {
  it('read the ranking from the text and write it back, comments and the rest kept', () => {
    const text = '# national profile\nscoring:\n  red_score: 60 # kept\nrules: []\n';
    expect(readRanking(text)).toEqual({ rankBy: 'expected_value', weight: 0.5 });
    const mixed = writeScoring(text, 'rank_by', 'mixed');
    expect(mixed).toContain('# national profile');
    expect(mixed).toContain('red_score: 60 # kept');
    expect(readRanking(writeScoring(mixed, 'revenue_weight', 0.3))).toEqual({ rankBy: 'mixed', weight: 0.3 });
    // A flow mapping, and a document stored as JSON, are written into as well.
    expect(readRanking(writeScoring('scoring: {}\nrules: []\n', 'rank_by', 'probability'))?.rankBy).toBe(
      'probability',
    );
    expect(readRanking(writeScoring('{"rules": []}', 'rank_by', 'mixed'))?.rankBy).toBe('mixed');
  });

  it('say nothing they cannot read: broken YAML, not a mapping, an unknown ranking, a weight out of range', () => {
    expect(readRanking('rules: [\n')).toBeNull();
    expect(readRanking('- a\n- b\n')).toBeNull();
    expect(readRanking('scoring: { rank_by: loudest }\n')).toBeNull();
    expect(readRanking('scoring: { rank_by: mixed, revenue_weight: 2 }\n')).toBeNull();
    expect(readRanking('scoring: { revenue_weight: "half" }\n')).toBeNull();
  });

  it('change the text the editor sends when a ranking is chosen and its weight moved', async () => {
    const api = serve({
      ...EDITING,
      'POST /api/risk/profiles/validate': { status: 200, body: { ok: true, problems: [] } },
    });
    renderAt('/rules/profiles/2/edit');
    const area = (await screen.findByTestId('rule-source')) as HTMLTextAreaElement;
    const ranking = screen.getByTestId('ranking');
    expect(within(ranking).queryByRole('slider')).toBeNull();
    fireEvent.click(within(ranking).getByText('Fraude et recettes'));
    await waitFor(() => expect(area.value).toContain('rank_by: mixed'));
    expect(area.value).toContain('id: textiles-low-value');
    const slider = await within(ranking).findByRole('slider');
    expect(within(ranking).getByText('Poids : fraude 50 % · recettes 50 %')).toBeTruthy();
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    await waitFor(() => expect(area.value).toContain('revenue_weight: 0.55'));
    expect(screen.getByText('Modifications non enregistrées')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(api.sent('POST', '/api/risk/profiles/validate')).toHaveLength(1));
    expect((api.sent('POST', '/api/risk/profiles/validate')[0] as { text: string }).text).toContain(
      'revenue_weight: 0.55',
    );
    // Text that no longer reads as YAML: the controls step aside.
    fireEvent.change(area, { target: { value: 'rules: [' } });
    expect(await within(ranking).findByTestId('ranking-unreadable')).toBeTruthy();
  });
});

describe('profile activation', () => {
  it('is hidden without risk:activate, as are the editing actions without risk:manage', async () => {
    serve(VIEWING, ['risk:read']);
    renderAt('/rules/profiles/2');
    expect(await screen.findByText('Textiles très en dessous de la référence')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('La sous-évaluation y est fréquente.')).toBeTruthy());
    for (const name of ['Activer', 'Retirer', 'Nouvelle version', 'Tester sur l’historique'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nouvelle version' })).toBeNull();
  });

  it('requires a reason and shows the server’s refusal in the dialog', async () => {
    const api = serve({
      ...VIEWING,
      'POST /api/risk/profiles/2/activate': {
        status: 409,
        body: { code: 'risk.profile_not_draft', message: 'national v2 is active: only a draft is activated' },
      },
    });
    renderAt('/rules/profiles/2');
    fireEvent.click(await screen.findByRole('button', { name: 'Activer' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Activer' }));
    expect(await within(dialog).findByText('Indiquez un motif (5 caractères au moins).')).toBeTruthy();
    expect(api.sent('POST', '/api/risk/profiles/2/activate')).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), {
      target: { value: 'Back-test 2020 is better' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Activer' }));
    expect(await within(dialog).findByText('Seul un brouillon peut être activé.')).toBeTruthy();
    expect(api.sent('POST', '/api/risk/profiles/2/activate')).toEqual([
      { reason: 'Back-test 2020 is better' },
    ]);
  });

  it('shows the rules in English for English and in French for Arabic', async () => {
    serve(VIEWING);
    await i18n.changeLanguage('en');
    renderAt('/rules/profiles/2');
    expect(await screen.findByText('Textiles far below the reference')).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('ar');
    renderAt('/rules/profiles/2');
    expect(await screen.findByText('Textiles très en dessous de la référence')).toBeTruthy();
  });
});

function report(precision: number, recall: number, share: number, recovered: number): BacktestReport {
  return {
    items: 3116,
    inspected: 3116,
    frauds: 680,
    base_fraud_rate: 0.218,
    selection: {
      selected_items: Math.round(3116 * share),
      share,
      inspected: 367,
      frauds: 178,
      critical: 4,
      precision,
      recall,
      duties_recovered: recovered,
      duties_at_stake_of_frauds_caught: 2 * recovered,
      channels: { red: 339, yellow: 28, blue: 107, green: 2642 },
      random: { items: 15, inspected: 15, frauds: 5, fraud_rate: 1 / 3 },
    },
    rules: [{ rule: 'national/textiles-low-value', hits: 620, inspected: 600, frauds: 180, precision: 0.3 }],
    load_per_office: [
      { office: '40', selected_items: 150, per_day_mean: 0.4, per_active_day_mean: 1.2, per_day_max: 3 },
    ],
  };
}

const RESULT: BacktestResult = {
  from: '2020-01-01',
  to: '2020-12-31',
  days: 366,
  references: 'rolling',
  profile: [{ id: 2, name: 'national', version: 2 }],
  candidate: report(0.485, 0.262, 0.118, 120_000),
  active: { profiles: [{ id: 1, name: 'national', version: 1 }], report: report(0.41, 0.2, 0.15, 90_000) },
  duration_ms: 7000,
};

const job = (state: Job['state'], extra: Partial<Job> = {}): Job => ({
  id: 'job-1',
  kind: 'risk.backtest',
  title: 'Back-test',
  params: {},
  state,
  done: 0,
  total: 12,
  unit: null,
  message: null,
  result: null,
  error: null,
  attempts: 1,
  cancel_requested: false,
  created_by: 1,
  created_at: '2021-01-10T09:00:00Z',
  started_at: null,
  finished_at: null,
  updated_at: '2021-01-10T09:00:00Z',
  rate: null,
  eta_seconds: null,
  stalled: false,
  ...extra,
});

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close() {
    this.closed = true;
  }
}

describe('back-test', () => {
  it('shows why a back-test could not start', async () => {
    serve({
      ...VIEWING,
      'POST /api/risk/backtests': {
        status: 400,
        body: { code: 'request.invalid', message: 'to comes before from' },
      },
    });
    renderAt('/rules/profiles/2/backtest');
    fireEvent.click(await screen.findByRole('button', { name: 'Lancer le test' }));
    expect((await screen.findByRole('alert')).textContent).toContain('to comes before from');
  });

  it('runs over 2020 by default, follows the job and compares the candidate with the active profile', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = serve({
      ...VIEWING,
      'POST /api/risk/backtests': { status: 202, body: { job: job('queued') } },
      'GET /api/jobs/job-1': { status: 200, body: job('queued') },
    });
    renderAt('/rules/profiles/2/backtest');
    fireEvent.click(await screen.findByRole('button', { name: 'Lancer le test' }));
    await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/jobs/job-1/events'));
    expect(api.sent('POST', '/api/risk/backtests')).toEqual([
      { profile_id: 2, from: '2020-01-01', to: '2020-12-31', compare: true, references: 'rolling' },
    ]);
    act(() =>
      FakeEventSource.last!.emit(
        'progress',
        job('running', { done: 6, message: '2020-07-01 to 2020-07-31' }),
      ),
    );
    expect((await screen.findByTestId('backtest-progress')).textContent).toContain('6 mois sur 12');
    act(() => FakeEventSource.last!.emit('end', job('completed', { done: 12, result: RESULT })));
    const table = await screen.findByTestId('comparison-table');
    const row = (label: string) =>
      [...within(table).getAllByRole('row')].find((r) => r.textContent?.startsWith(label))?.textContent;
    expect(row('Précision')).toBe('Précision48,5 %41 %+7,5 pt');
    expect(row('Rappel')).toBe('Rappel26,2 %20 %+6,2 pt');
    expect(row('Part sélectionnée')).toBe('Part sélectionnée11,8 %15 %−3,2 pt');
    expect(row('Droits redressés')?.replace(/\s/g, ' ')).toBe('Droits redressés120 00090 000+30 000');
    expect(screen.getByText('Candidat : national v2', { normalizer: (s) => s })).toBeTruthy();
    expect(screen.getByText('Actif : national v1', { normalizer: (s) => s })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Candidat et actif : part sélectionnée, précision, rappel' }),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Règles : déclenchements et précision' })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Charge par bureau (articles sélectionnés par jour)' }),
    ).toBeTruthy();
    expect(FakeEventSource.last!.closed).toBe(true);
  });
});

describe('campaigns', () => {
  const CREATED = {
    id: 5,
    name: 'sneakers-cn',
    description: null,
    hs_prefixes: ['6402'],
    keywords: ['sneakers'],
    origins: ['CN'],
    date_from: null,
    date_to: null,
    status: 'active',
    owner: 'analyst',
    created_by: 'analyst',
    created_at: '2021-01-10T09:00:00Z',
  };

  function addTag(label: string, value: string) {
    const input = screen.getByRole('combobox', { name: label });
    // Typed by the user: the field has the focus (Mantine ignores writes to an unfocused field).
    input.focus();
    fireEvent.change(input, { target: { value } });
    fireEvent.keyDown(input, { key: 'Enter' });
  }

  it('posts the campaign as typed and shows the server’s refusal in the form', async () => {
    let refuse = true;
    const api = serve({
      'GET /api/risk/campaigns': { status: 200, body: { total: 0, limit: 200, offset: 0, items: [] } },
      'POST /api/risk/campaigns': () =>
        refuse
          ? {
              status: 409,
              body: { code: 'risk.campaign_exists', message: 'a campaign named sneakers-cn exists' },
            }
          : { status: 201, body: CREATED },
      'GET /api/risk/campaigns/5': {
        status: 200,
        body: {
          campaign: CREATED,
          matching_declarations: 0,
          matching_items: 0,
          queue: {},
          page: { total: 0, limit: 25, offset: 0, items: [] },
        },
      },
    });
    renderAt('/rules/campaigns');
    expect(await screen.findByText('Aucune campagne.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nouvelle campagne' }));
    const form = await screen.findByRole('form', { name: 'Nouvelle campagne' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Nom/ }), {
      target: { value: 'sneakers-cn' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer la campagne' }));
    expect(
      await within(form).findByText('Indiquez au moins un préfixe SH, un mot-clé ou une origine.'),
    ).toBeTruthy();
    expect(api.sent('POST', '/api/risk/campaigns')).toEqual([]);
    addTag('Préfixes SH', '6402');
    addTag('Mots-clés', 'sneakers');
    addTag('Origines', 'cn');
    fireEvent.click(within(form).getByRole('button', { name: 'Créer la campagne' }));
    expect(await within(form).findByText('Une campagne porte déjà ce nom.')).toBeTruthy();
    expect(api.sent('POST', '/api/risk/campaigns')).toEqual([
      {
        name: 'sneakers-cn',
        description: null,
        hs_prefixes: ['6402'],
        keywords: ['sneakers'],
        origins: ['CN'],
        date_from: null,
        date_to: null,
      },
    ]);
    refuse = false;
    fireEvent.click(within(form).getByRole('button', { name: 'Créer la campagne' }));
    expect(await screen.findByText('Aucune déclaration ne correspond à ces critères.')).toBeTruthy();
  });

  it('sets a queued declaration’s status and note, links to it, and hides the queue actions without rights', async () => {
    const detail = {
      campaign: { ...CREATED, id: 1, name: 'footwear-asia' },
      matching_declarations: 2,
      matching_items: 2,
      queue: { todo: 1 },
      page: {
        total: 2,
        limit: 25,
        offset: 0,
        items: [
          {
            declaration_id: 11,
            reference: 'R-11',
            office: '40',
            lodged_on: '2021-01-04',
            items: 1,
            status: 'todo',
            note: null,
          },
          {
            declaration_id: 12,
            reference: 'R-12',
            office: '40',
            lodged_on: '2021-01-05',
            items: 1,
            status: null,
            note: null,
          },
        ],
      },
    };
    const api = serve(
      {
        'GET /api/risk/campaigns/1': { status: 200, body: detail },
        'PUT /api/risk/campaigns/1/items/11': {
          status: 200,
          body: { campaign_id: 1, declaration_id: 11, reference: 'R-11', status: 'finding' },
        },
      },
      ['risk:read', 'risk:decide'],
    );
    renderAt('/rules/campaigns/1');
    const row = await screen.findByTestId('queue-row-R-11');
    expect(within(row).getByRole('link', { name: 'R-11' }).getAttribute('href')).toBe('/declarations/R-11');
    expect(within(screen.getByTestId('queue-row-R-12')).getByText('Hors file')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clore la campagne' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mettre les déclarations en file' })).toBeNull();
    fireEvent.click(within(row).getByText('Constatation'));
    fireEvent.change(within(row).getByRole('textbox', { name: 'Note' }), { target: { value: 'PV 2021-17' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(api.sent('PUT', '/api/risk/campaigns/1/items/11')).toEqual([
        { status: 'finding', note: 'PV 2021-17' },
      ]),
    );
  });
});
