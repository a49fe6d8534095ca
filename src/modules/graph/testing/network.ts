/**
 * A planted network for tests and the demo (docs/graph.md): online sellers on two platforms ("HighCopy Casa" on
 * TikTok and Instagram) sharing a phone with the manager of an importing company (ATLASIMP, "Atlas Trading"), whose
 * register entry names a warehouse in Casablanca; a second company (NORDIMP) whose manager is the same person
 * written differently ("Mohammed Amrany" for "Mohamed El Amrani": a merge suggestion); and an unrelated importer
 * (CLEANIMP). Everything lands through the owning modules' own imports and collections, exactly as real data does;
 * the seller's alert is confirmed. Then `buildGraph` can run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resolveProfile } from '../../../platform/ingest/profile.ts';
import { runImport } from '../../../platform/ingest/run.ts';
import { declarationsTarget } from '../../declarations/index.ts';
import { createSource, decideAlert, listAlerts, runCollection } from '../../osint/index.ts';
import { companiesTarget } from '../../partners/index.ts';

export const PLANTED = {
  importer: 'ATLASIMP',
  sister: 'NORDIMP',
  clean: 'CLEANIMP',
  phone: '+212612345678',
  seller: 'HighCopy Casa',
  manager: 'Mohamed El Amrani',
  managerVariant: 'Mohammed Amrany',
  city: 'Casablanca',
};

const ACTOR: Actor = { id: null, name: 'system:planted-network', ip: null };

const DECLARATIONS_HEADER =
  'reference,office,lodged_on,procedure,importer_code,importer_name,declarant_code,seller_code,seller_country,currency,line_no,hs_code,description,origin_country,quantity,quantity_unit,net_mass_kg,customs_value,duty_rate,result,inspected_on,channel';

const declarationRows = [
  [
    'PLANT-0001',
    '301',
    '2026-09-02',
    'ATLASIMP',
    'Atlas Trading SARL',
    'DECL9',
    'SHOES-CN',
    '6404110000',
    'sports shoes',
    '1200',
  ],
  [
    'PLANT-0002',
    '301',
    '2026-09-20',
    'ATLASIMP',
    'Atlas Trading SARL',
    'DECL9',
    'SHOES-CN',
    '6404110000',
    'sports shoes',
    '900',
  ],
  [
    'PLANT-0003',
    '301',
    '2026-09-21',
    'NORDIMP',
    'Nord Import',
    'DECL9',
    'BAGS-CN',
    '4202210000',
    'handbags',
    '2500',
  ],
  [
    'PLANT-0004',
    '302',
    '2026-09-22',
    'CLEANIMP',
    'Clean Supplies',
    'DECL7',
    'TOOLS-DE',
    '8467210000',
    'drills',
    '40000',
  ],
];

const declarationsCsv = () =>
  `${DECLARATIONS_HEADER}\n${declarationRows
    .map(([ref, office, day, imp, name, decl, seller, hs, desc, value]) =>
      [
        ref,
        office,
        day,
        '4000',
        imp,
        name,
        decl,
        seller,
        seller!.endsWith('DE') ? 'DE' : 'CN',
        'MAD',
        '1',
        hs,
        desc,
        'CN',
        '',
        '',
        '10',
        value,
        '17.5',
        '',
        '',
        '',
      ].join(','),
    )
    .join('\n')}\n`;

const companiesCsv = () =>
  [
    'company_id,name,legal_form,created_on,capital,address,city,activity,phone,managers',
    'ATLASIMP,Atlas Trading,SARL,2019-04-01,100000,Lot 12 Zone Industrielle Ain Sebaa,Casablanca,import de chaussures,06 12 34 56 78,Mohamed El Amrani',
    'NORDIMP,Nord Import,SARL,2021-06-10,50000,5 rue de Tanger,Tanger,négoce,0539000001,Mohammed Amrany',
    'CLEANIMP,Clean Supplies,SA,2010-01-15,2000000,20 boulevard Zerktouni,Casablanca,outillage,0522000002,Karim Bennani',
  ].join('\n');

const posts = () =>
  [
    {
      id: 'tt-1',
      platform: 'tiktok',
      author: 'highcopy.casa',
      text: 'Nike Air Force 1 high copy 1:1 replica, toutes pointures, 350 dh, livraison Casablanca. WhatsApp 06 12 34 56 78',
      price: 350,
      currency: 'MAD',
      posted_at: '2026-10-01T10:00:00Z',
    },
    {
      id: 'ig-1',
      platform: 'instagram',
      author: 'highcopy_casa_official',
      text: 'Adidas Yeezy réplique AAA qualité miroir, copie originale, 400 dh, Casablanca. Commande au +212 6 12 34 56 78',
      price: 400,
      currency: 'MAD',
      posted_at: '2026-10-02T10:00:00Z',
    },
    {
      id: 'ig-2',
      platform: 'instagram',
      author: 'jardin_fleurs',
      text: 'Bouquets de roses fraîches livrés à Rabat, commandez au 0537112233',
      price: 150,
      currency: 'MAD',
      posted_at: '2026-10-02T11:00:00Z',
    },
  ]
    .map((p) =>
      JSON.stringify({
        ...p,
        url: `https://${p.platform}.example/${p.author}/${p.id}`,
        author_url: `https://${p.platform}.example/${p.author}`,
      }),
    )
    .join('\n');

/** The online-monitoring source the planted posts come from (the demo plants the network once). */
export const PLANTED_SOURCE = 'Planted network export';

/** Lands the planted network; returns the ids of the osint alerts confirmed. */
export async function plantNetwork(database: Database): Promise<{ confirmedAlerts: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-planted-'));
  try {
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const declarations = await runImport(database, declarationsTarget, {
      file: write('declarations.csv', declarationsCsv()),
      profile: resolveProfile('declarations', 'native'),
    });
    if (!declarations.ok)
      throw new Error(`planted declarations refused: ${JSON.stringify(declarations.errors)}`);
    const companies = await runImport(database, companiesTarget, {
      file: write('companies.csv', companiesCsv()),
      profile: resolveProfile('companies', 'native'),
    });
    if (!companies.ok) throw new Error(`planted companies refused: ${JSON.stringify(companies.errors)}`);
    const source = await createSource(database, ACTOR, {
      name: PLANTED_SOURCE,
      type: 'file',
      config: {
        format: 'ndjson',
        mapping: {
          id: 'id',
          text: 'text',
          url: 'url',
          author: 'author',
          author_url: 'author_url',
          platform: 'platform',
          price: 'price',
          currency: 'currency',
          posted_at: 'posted_at',
        },
      },
      interval_minutes: null,
      enabled: true,
    });
    const path = write('posts.ndjson', posts());
    const run = await runCollection(database, {
      sourceId: source.id,
      actor: ACTOR,
      params: { file: { path, name: 'posts.ndjson' } },
    });
    if (run.status === 'failed') throw new Error(`planted posts refused: ${run.problems[0]?.message ?? ''}`);
    const open = await listAlerts(database.db, { status: 'open' }, { limit: 100, offset: 0 });
    const confirmed: number[] = [];
    for (const alert of open.items) {
      if (!alert.seller && !alert.item) continue;
      const text = alert.item?.text ?? '';
      // Only the planted posts (they carry the shared phone): other data in the database keeps its alerts open.
      if (alert.seller?.display_name.includes('highcopy') || /12 34 56 78/.test(text)) {
        await decideAlert(database, ACTOR, alert.id, {
          decision: 'confirm',
          label: 'counterfeit',
          note: 'planted network',
        });
        confirmed.push(alert.id);
      }
    }
    return { confirmedAlerts: confirmed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
