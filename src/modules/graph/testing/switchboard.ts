/**
 * Over-correlation, planted for tests (docs/graph.md, "Hubs and exclusions"): 30 companies in the register that all
 * give a courier's switchboard as their phone (SWB01…SWB30, +212522990000), and two online shops whose posts give a
 * marketplace's support e-mail (support@souk-market.ma). Lands through the owning modules' imports, like real data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resolveProfile } from '../../../platform/ingest/profile.ts';
import { runImport } from '../../../platform/ingest/run.ts';
import { createSource, runCollection } from '../../osint/index.ts';
import { companiesTarget } from '../../partners/index.ts';

export const SWITCHBOARD = {
  phone: '+212522990000',
  companies: Array.from({ length: 30 }, (_, i) => `SWB${String(i + 1).padStart(2, '0')}`),
  email: 'support@souk-market.ma',
  shops: ['souk_shop_one', 'souk_shop_two'],
};

const ACTOR: Actor = { id: null, name: 'system:planted-switchboard', ip: null };

/** The 30 companies sharing the switchboard's phone. */
export async function plantSwitchboard(database: Database): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-switchboard-'));
  try {
    const path = join(dir, 'companies.csv');
    writeFileSync(
      path,
      [
        'company_id,name,legal_form,created_on,capital,address,city,activity,phone,managers',
        ...SWITCHBOARD.companies.map(
          (id, i) => `${id},Colis Client ${i + 1},SARL,2020-01-01,10000,,,commerce,05 22 99 00 00,`,
        ),
      ].join('\n'),
    );
    const result = await runImport(database, companiesTarget, {
      file: path,
      profile: resolveProfile('companies', 'native'),
    });
    if (!result.ok) throw new Error(`switchboard companies refused: ${JSON.stringify(result.errors)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two online shops whose posts give the marketplace's support e-mail. */
export async function plantSupportEmail(database: Database): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-support-'));
  try {
    const path = join(dir, 'posts.ndjson');
    writeFileSync(
      path,
      SWITCHBOARD.shops
        .map((author, i) =>
          JSON.stringify({
            id: `souk-${i}`,
            platform: 'instagram',
            author,
            author_url: `https://instagram.example/${author}`,
            url: `https://instagram.example/${author}/souk-${i}`,
            text: `Tapis berbères faits main, livraison partout. Questions: ${SWITCHBOARD.email}`,
            posted_at: '2026-10-03T10:00:00Z',
          }),
        )
        .join('\n'),
    );
    const source = await createSource(database, ACTOR, {
      name: 'Planted marketplace export',
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
          posted_at: 'posted_at',
        },
      },
      interval_minutes: null,
      enabled: true,
    });
    const run = await runCollection(database, {
      sourceId: source.id,
      actor: ACTOR,
      params: { file: { path, name: 'posts.ndjson' } },
    });
    if (run.status === 'failed') throw new Error(`planted posts refused: ${run.problems[0]?.message ?? ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
