/**
 * Online-monitoring demo data (demo/osint/, see its README line): two file sources fed with invented platform
 * exports (social networks, classifieds and web shops in French, Arabic, Darija and English; a TikTok export with
 * two faulty rows), a few disabled sources of the other types for show, a small watchlist, and three decisions
 * already taken, so that the workbench shows sources with their health, an analysed feed, sellers grouped across
 * platforms, alerts and evidence from the first start. Everything goes through the osint module's own functions,
 * exactly as a collection run reads an uploaded export. Loading twice changes nothing: a source that has run
 * already is not collected again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceType } from '../../modules/osint/index.ts';
import {
  addWatchTerm,
  createSource,
  decideAlert,
  findSourceByName,
  listAlerts,
  listItems,
  listWatchTerms,
  runCollection,
  toSourceView,
  type WatchKind,
} from '../../modules/osint/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { DEMO_ACTOR, DEMO_DIR } from './demo.ts';

export const OSINT_DEMO_DIR = join(DEMO_DIR, 'osint');

interface DemoSource {
  name: string;
  type: SourceType;
  config: Record<string, unknown>;
  interval_minutes?: number;
  enabled?: boolean;
  /** The export a file source is fed with at loading (a file of demo/osint/). */
  file?: string;
}

export const OSINT_DEMO_SOURCES: DemoSource[] = [
  {
    name: 'Démo — export réseaux sociaux et petites annonces',
    type: 'file',
    file: 'marketplace-posts.ndjson',
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
      },
    },
  },
  {
    name: 'Démo — export TikTok (vidéos)',
    type: 'file',
    file: 'tiktok-videos.csv',
    config: {
      format: 'csv',
      mapping: {
        id: 'video_id',
        text: 'caption',
        author: 'username',
        author_url: 'profile_url',
        url: 'video_url',
        price: 'price',
        currency: 'currency',
        posted_at: 'create_time',
        platform: { value: 'tiktok' },
        kind: { value: 'video' },
      },
    },
  },
  {
    name: 'Flux RSS — petites annonces (exemple, désactivé)',
    type: 'feed',
    enabled: false,
    interval_minutes: 60,
    config: { url: 'https://annonces.example/rss.xml', platform: 'annonces', kind: 'listing' },
  },
  {
    name: 'Boutique en ligne — montres (exemple, désactivé)',
    type: 'web',
    enabled: false,
    interval_minutes: 720,
    config: {
      start_urls: ['https://montres-prestige.example/'],
      max_depth: 2,
      max_pages: 200,
      follow: ['/collections/', '/produit/'],
      item_urls: ['/produit/'],
      fields: { title: 'h1', text: '.description', price: '.prix', phone: '.contact a[href^="tel:"]' },
      rate_per_second: 0.5,
      platform: 'web',
      kind: 'listing',
    },
  },
  {
    name: 'API place de marché (exemple, désactivé)',
    type: 'json_api',
    enabled: false,
    interval_minutes: 240,
    config: {
      url: 'https://api.marketplace.example/v1/listings?category=mode',
      items_path: 'data',
      mapping: {
        id: 'id',
        title: 'title',
        text: { join: ['title', 'description'], strip_html: true },
        url: 'permalink',
        author: 'seller.name',
        author_url: 'seller.url',
        price: 'price.amount',
        currency: 'price.currency',
        posted_at: 'created_at',
      },
      next: { path: 'links.next' },
      max_pages: 20,
      platform: 'marketplace',
      kind: 'listing',
    },
  },
];

export const OSINT_DEMO_WATCHLIST: { kind: WatchKind; value: string; note: string }[] = [
  { kind: 'product', value: 'Ozempic', note: 'Démo : injections amaigrissantes vendues sans ordonnance' },
  { kind: 'brand', value: 'Rolex', note: 'Démo : montres de luxe, filière Tanger' },
  { kind: 'phone', value: '07 00 06 66 06', note: 'Démo : numéro d’un transitaire signalé' },
];

export interface OsintDemoSummary {
  /** Demo sources present after loading. */
  sources: number;
  /** Items collected from the demo sources. */
  items: number;
  /** Alerts, all kinds and statuses. */
  alerts: number;
}

export async function loadOsintDemo(database: Database): Promise<OsintDemoSummary> {
  const watched = await listWatchTerms(database.db, { activeOnly: false });
  const collected: number[] = [];
  const sourceIds: number[] = [];
  let fresh = false;
  for (const spec of OSINT_DEMO_SOURCES) {
    const row = await findSourceByName(database.db, spec.name);
    const source = row
      ? toSourceView(row)
      : await createSource(database, DEMO_ACTOR, {
          name: spec.name,
          type: spec.type,
          config: spec.config,
          interval_minutes: spec.interval_minutes ?? null,
          enabled: spec.enabled ?? true,
        });
    sourceIds.push(source.id);
    if (!spec.file || source.health.runs > 0) continue;
    // The watchlist goes in before the first collection, so that its matches raise alerts.
    if (!fresh) {
      fresh = true;
      for (const term of OSINT_DEMO_WATCHLIST)
        if (!watched.some((w) => w.kind === term.kind && w.value === term.value))
          await addWatchTerm(database, DEMO_ACTOR, term);
    }
    const path = join(OSINT_DEMO_DIR, spec.file);
    if (!existsSync(path)) throw new Error(`demo file missing: ${path}`);
    const run = await runCollection(database, {
      sourceId: source.id,
      actor: DEMO_ACTOR,
      params: { file: { path, name: spec.file } },
    });
    if (run.status === 'failed')
      throw new Error(`the demo export ${spec.file} was not collected: ${run.problems[0]?.message ?? ''}`);
    collected.push(source.id);
  }
  if (collected.length > 0) await decideSomeAlerts(database);
  let items = 0;
  for (const id of sourceIds)
    items += (await listItems(database.db, { source_id: id }, { limit: 1, offset: 0 })).total;
  const alerts = (await listAlerts(database.db, {}, { limit: 1, offset: 0 })).total;
  return { sources: sourceIds.length, items, alerts };
}

/** A unit at work: two alerts confirmed, one watchlist match dismissed as a prevention article. */
async function decideSomeAlerts(database: Database): Promise<void> {
  const open = (await listAlerts(database.db, { status: 'open' }, { limit: 500, offset: 0 })).items;
  const oldestFirst = [...open].reverse();
  const watchOnArticle = oldestFirst.find(
    (a) => a.kind === 'watchlist' && a.item && /spot a fake|prévention|Beware/i.test(a.item.text),
  );
  if (watchOnArticle)
    await decideAlert(database, DEMO_ACTOR, watchOnArticle.id, {
      decision: 'dismiss',
      note: 'Article de prévention sur les contrefaçons, pas une offre de vente.',
    });
  const watches = oldestFirst.find((a) => a.kind === 'post' && a.item?.text.includes('Rolex'));
  if (watches)
    await decideAlert(database, DEMO_ACTOR, watches.id, {
      decision: 'confirm',
      note: 'Répliques de montres proposées avec livraison ; vendeur identifié à Tanger.',
    });
  const pills = oldestFirst.find((a) => a.kind === 'post' && a.label === 'health_risk');
  if (pills)
    await decideAlert(database, DEMO_ACTOR, pills.id, {
      decision: 'confirm',
      note: 'Produit amaigrissant vendu hors circuit pharmaceutique.',
    });
}
