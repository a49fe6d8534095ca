/**
 * Hostile data for the browser test (test/e2e/hostile.test.ts): script payloads in every free-text field the
 * workbench shows — declarations in the KCS and native formats (codes, names, descriptions, tax type, outcome
 * notes), the company register, a rule profile written in YAML (title, rationale, instructions), a campaign, an
 * online-monitoring source with its export (posts, authors, platforms, a javascript: address, a bad price) and a
 * watch term. Loaded through the modules' ordinary functions, as an import or a collection would.
 */
import { stringify } from 'yaml';
import { registry } from '../../src/app/modules.ts';
import { auditedImport } from '../../src/modules/imports/service.ts';
import { addWatchTerm, createSource, runCollection } from '../../src/modules/osint/index.ts';
import { createCampaign } from '../../src/modules/risk/campaigns.ts';
import { runSelection } from '../../src/modules/risk/decisions.ts';
import { activateProfile, createProfileVersion } from '../../src/modules/risk/profiles.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { resolveProfile } from '../../src/platform/ingest/profile.ts';

/** Each payload sets window.__xss when it runs (an inline handler assigns the global). */
export const IMG = '<img src=x onerror=__xss=1>'; // 27 characters: fits the 32 of a tax type
export const SVG = '<svg onload=__xss=1>';
export const BREAK = '"><script>__xss=1</script>';
export const JS_URL = 'javascript:__xss=1';
/** Free text: every payload at once, and an ampersand that must not come back as &amp;. */
export const MIX = `${IMG} ${SVG} ${BREAK} <a href="${JS_URL}">lien</a> R&D`;

export const OFFICE = '40';
/** The day of the hostile arrivals, after the demo's first week of 2021: one selection of its own. */
export const DAY = '2021-01-11';
export const IMPORTER = `IMP${SVG}`;
/** The reference of a declaration (a code: anything but tabs and line breaks). */
export const REFERENCE = `R${SVG}`;
export const KCS_REFERENCE = '99000001';
/** A declaration already inspected: its outcome's type, officer and note are hostile too. */
export const INSPECTED_REFERENCE = `R3${BREAK}`;
export const RULE_TITLE = `Règle ${MIX}`;
/** A campaign's name is a slug (checked by the database); its description is free text. */
export const CAMPAIGN = 'xss-campaign';
export const CAMPAIGN_TEXT = `Campagne ${MIX}`;
export const SOURCE = `Export ${SVG}`;
/** The file names of an upload and of an export. */
export const UPLOAD_NAME = `${IMG}.csv`;
export const EXPORT_NAME = `export ${IMG}.ndjson`;

const ACTOR: Actor = { id: null, name: 'system:hostile-test', ip: null };

const csv = (rows: Record<string, string>[]) => {
  const columns = Object.keys(rows[0]!);
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [
    columns.map(cell).join(','),
    ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(',')),
  ].join('\n');
};

/** Declarations in the native format (uploaded through the workbench): one with an outcome, two arriving. */
export function nativeDeclarations(): string {
  const base = {
    reference: REFERENCE,
    office: OFFICE,
    lodged_on: DAY,
    procedure: IMG,
    transport_mode: SVG,
    departure_country: 'CN',
    currency: 'MAD',
    declarant_code: `DEC${IMG}`,
    declarant_name: `Déclarant ${MIX}`,
    importer_code: IMPORTER,
    importer_name: `Importateur ${MIX}`,
    seller_code: `SEL${BREAK}`,
    seller_name: `Vendeur ${MIX}`,
    seller_country: 'CN',
    courier_code: `COU${SVG}`,
    courier_name: `Transporteur ${MIX}`,
    line_no: '1',
    hs_code: '620822',
    description: `Chemises ${MIX}`,
    origin_country: 'CN',
    quantity: '100',
    quantity_unit: '<b>kg</b>&amp;', // 16 characters at most
    net_mass_kg: '120',
    customs_value: '900',
    duty_rate: '17.5',
    tax_type: IMG,
    origin_indicator: SVG,
    inspected_on: '',
    result: '',
    fraud_type: '',
    officer: '',
    note: '',
  };
  return csv([
    base,
    { ...base, line_no: '2', hs_code: '640299', description: `Chaussures ${BREAK}`, tax_type: SVG },
    { ...base, reference: `R2${IMG}`, description: `Sacs ${SVG}` },
    {
      ...base,
      reference: INSPECTED_REFERENCE,
      lodged_on: '2021-01-05',
      inspected_on: '2021-01-06',
      result: 'fraud',
      fraud_type: `Type ${IMG}`,
      officer: `Agent ${SVG}`,
      note: `Constat ${MIX}`,
    },
  ]);
}

function kcsDeclarations(): string {
  const row = (reference: string, hs: string, day = DAY) => ({
    'Declaration ID': reference,
    Date: day,
    'Office ID': OFFICE,
    'Process Type': IMG,
    'Import Type': SVG,
    'Import Use': BREAK,
    'Payment Type': IMG,
    'Mode of Transport': SVG,
    'Declarant ID': `DEC${IMG}`,
    'Importer ID': IMPORTER,
    'Seller ID': `SEL${BREAK}`,
    'Courier ID': '',
    'HS6 Code': hs,
    'Country of Departure': 'SG',
    'Country of Origin': 'CN',
    'Tax Rate': '8',
    'Tax Type': IMG,
    'Country of Origin Indicator': SVG,
    'Net Mass': '2.5',
    'Item Price': '35',
  });
  return csv([row(KCS_REFERENCE, '330499'), row('99000002', '620822'), row('99000003', '851712')]);
}

/**
 * Inspected declarations of 2020 whose hostile tax type was always found fraudulent: the model learns the tax
 * type's record, and gives it as a reason ("taux de fraude passé du type de taxe <img…>") for the arrivals.
 */
function kcsHistory(): string {
  return csv(
    Array.from({ length: 40 }, (_, i) => ({
      'Declaration ID': String(98000000 + i),
      Date: `2020-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
      'Office ID': OFFICE,
      'Process Type': 'B',
      'Import Type': '11',
      'Import Use': '21',
      'Payment Type': '11',
      'Mode of Transport': '40',
      'Declarant ID': `HISTDEC${i % 7}`,
      'Importer ID': `HISTIMP${i}`,
      'Seller ID': `HISTSEL${i % 5}`,
      'Courier ID': '',
      'HS6 Code': '330499',
      'Country of Departure': 'SG',
      'Country of Origin': 'CN',
      'Tax Rate': '8',
      'Tax Type': IMG,
      'Country of Origin Indicator': 'E',
      'Net Mass': '2.5',
      'Item Price': String(30 + i),
      Fraud: '1',
      'Critical Fraud': '0',
    })),
  );
}

/** Before the demo model is trained: the hostile tax type's record of frauds. */
export async function loadHostileHistory(database: Database, write: (name: string, text: string) => string) {
  const summary = await auditedImport(
    database,
    registry.importTargets.get('declarations')!,
    { file: write('history.csv', kcsHistory()), profile: resolveProfile('declarations', 'kcs') },
    ACTOR,
  );
  if (!summary.ok) throw new Error(`hostile history did not import: ${JSON.stringify(summary.errors)}`);
}

function companies(): string {
  return csv([
    {
      company_id: IMPORTER,
      name: `Société ${MIX}`,
      legal_form: BREAK,
      created_on: '2020-12-20',
      capital: '1000',
      address: `Adresse ${MIX}`,
      city: SVG,
      activity: IMG,
      phone: '+212 600 00 00 01',
      managers: `Gérant ${MIX}`,
    },
  ]);
}

function exportPosts(): string {
  const post = (id: string, extra: Record<string, unknown>) =>
    JSON.stringify({
      id,
      platform: 'facebook',
      kind: 'post',
      author: `Vendeur ${IMG}`,
      author_url: JS_URL,
      title: `Annonce ${BREAK}`,
      text: `Montre Rolex Daytona réplique qualité AAA ${MIX} xsswatch 1450 dh WhatsApp 0612345678`,
      url: JS_URL,
      price: 1450,
      currency: 'MAD',
      posted_at: '2026-10-05T10:00:00Z',
      company: `Boutique ${SVG}`,
      ...extra,
    });
  return [
    post('h1', {}),
    post('h2', {
      platform: SVG,
      url: 'https://shop.example/p/h2',
      text: `Sac Dior copie 1:1 ${SVG} 0612345678`,
    }),
    post('h3', {
      author: `Autre ${BREAK}`,
      price: SVG,
      posted_at: IMG,
      text: `Ozempic sans ordonnance ${IMG}`,
    }),
  ].join('\n');
}

/** Everything but the native declarations, which the test uploads through the workbench. */
export async function loadHostileData(database: Database, write: (name: string, text: string) => string) {
  const targets = registry.importTargets;
  for (const [target, profile, name, text] of [
    ['companies', 'native', `companies ${SVG}.csv`, companies()],
    ['declarations', 'kcs-unlabelled', `kcs ${BREAK}.csv`, kcsDeclarations()],
  ] as const) {
    const summary = await auditedImport(
      database,
      targets.get(target)!,
      { file: write(name.replace(/\//g, '_'), text), profile: resolveProfile(target, profile) },
      ACTOR,
    );
    if (!summary.ok) throw new Error(`hostile ${target} did not import: ${JSON.stringify(summary.errors)}`);
  }

  const document = {
    description: `Profil ${MIX}`,
    rules: [
      {
        id: 'hostile-importer',
        title: { en: `Rule ${MIX}`, fr: RULE_TITLE },
        rationale: { en: `Because ${MIX}`, fr: `Parce que ${MIX}` },
        instructions: `Instructions ${MIX}`,
        intelligence: `Source ${MIX}`,
        probability: 0.9,
        when: { field: 'importer.code', in: [IMPORTER] },
        effect: { points: 70, channel: 'red', tags: ['hostile'] },
      },
    ],
  };
  // Named after kcs-starter, whose scoring settings stay the ones in force.
  const profile = await createProfileVersion(database, ACTOR, {
    name: 'xss-hostile',
    text: stringify(document),
    reason: `Version ${IMG}`,
  });
  await activateProfile(database, ACTOR, profile.id, `Activation ${SVG}`);
  const campaign = await createCampaign(database, ACTOR, {
    name: CAMPAIGN,
    description: CAMPAIGN_TEXT,
    hs_prefixes: ['6208'],
    origins: ['CN'],
    date_from: DAY,
  });

  await addWatchTerm(database, ACTOR, { kind: 'keyword', value: 'xsswatch', note: `Note ${MIX}` });
  const source = await createSource(database, ACTOR, {
    name: SOURCE,
    type: 'file',
    config: {
      format: 'ndjson',
      mapping: {
        id: 'id',
        text: 'text',
        title: 'title',
        url: 'url',
        author: 'author',
        author_url: 'author_url',
        platform: 'platform',
        kind: 'kind',
        price: 'price',
        currency: 'currency',
        posted_at: 'posted_at',
        company: 'company',
      },
    },
    interval_minutes: null,
    enabled: true,
  });
  const run = await runCollection(database, {
    sourceId: source.id,
    actor: ACTOR,
    params: { file: { path: write('export.ndjson', exportPosts()), name: EXPORT_NAME } },
  });
  if (run.status === 'failed') throw new Error(`hostile export not collected: ${run.problems[0]?.message}`);
  return { profileId: profile.id, campaignId: campaign.id, sourceId: source.id };
}

/** The hostile day's selection, once every hostile declaration is in. */
export async function selectHostileDay(database: Database): Promise<number> {
  const run = await runSelection(database, ACTOR, { office: OFFICE, day: DAY, seed: 'hostile' });
  return run.selected_items;
}
