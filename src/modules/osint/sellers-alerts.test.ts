/**
 * Sellers grouped across platforms by shared identifiers, alerts (thresholds, watchlist, one per ad), and
 * investigators' decisions feeding the classifier. Posts come in through a file source (no network).
 */
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { decideAlert } from './alert-decisions.ts';
import { listAlerts } from './alerts.ts';
import { defaultClassifier, predict } from './analysis/index.ts';
import { listItems } from './item-views.ts';
import { currentModel, modelInfo } from './model.ts';
import { reanalyzeItems } from './reanalyze.ts';
import { runCollection } from './run.ts';
import { getSellerProfile, listSellers, sellerIdentifiers, sellersByIdentifier } from './seller-views.ts';
import { HUB_ACCOUNTS } from './sellers.ts';
import { createSource } from './sources.ts';
import { resetOsint } from './testing/reset.ts';
import { addWatchTerm, removeWatchTerm } from './watchlist.ts';

const actor = { id: null, name: 'investigator-1', ip: '10.0.0.7' };
const files = tempFiles();
let fileCount = 0;

interface P {
  id: string;
  text: string;
  author?: string;
  platform?: string;
  phone?: string;
  company?: string;
  address?: string;
  url?: string;
}

describeEachDatabase('osint sellers and alerts', (t) => {
  beforeEach(() => resetOsint(t.database));

  const collect = async (posts: P[]) => {
    let source = await t.database.db
      .selectFrom('osint_sources')
      .select('id')
      .where('name', '=', 'exports')
      .executeTakeFirst();
    source ??= await createSource(t.database, actor, {
      name: 'exports',
      type: 'file',
      config: {
        format: 'ndjson',
        mapping: {
          id: 'id',
          text: 'text',
          author: 'author',
          platform: 'platform',
          phone: 'phone',
          company: 'company',
          address: 'address',
          url: 'url',
        },
      },
    });
    const name = `posts-${++fileCount}.ndjson`;
    const path = files.write(name, posts.map((p) => JSON.stringify(p)).join('\n'));
    return runCollection(t.database, { sourceId: source.id, actor, params: { file: { path, name } } });
  };
  const sellerOf = async (externalId: string) =>
    (
      await t.database.db
        .selectFrom('osint_items')
        .select('seller_id')
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow()
    ).seller_id;

  it('groups accounts across platforms by shared phone, handle and shop, and keeps strangers apart', async () => {
    await collect([
      {
        id: 'a',
        platform: 'tiktok',
        author: 'casa_watch',
        text: 'Rolex Submariner AAA 900dh, WhatsApp 0612345678, livraison Casa',
      },
      {
        id: 'b',
        platform: 'facebook',
        author: 'Karim Montres',
        text: 'Montres de luxe copie, contact +212 6 12 34 56 78',
      },
      {
        id: 'c',
        platform: 'instagram',
        author: 'rolex.casa',
        text: 'Commandez aussi sur tiktok @casa_watch, réplique Rolex 1:1',
      },
      {
        id: 'd',
        platform: 'facebook',
        author: 'deals4u',
        text: 'Sacs Gucci copie sur notre boutique https://luxe-copies.shop/gucci prix 300dh',
      },
      {
        id: 'e',
        platform: 'instagram',
        author: 'gucci_outlet_ma',
        text: 'Nouvelle collection sur luxe-copies.shop/nouveautes, livraison gratuite',
      },
      {
        id: 'f',
        platform: 'facebook',
        author: 'tajine_safi',
        text: 'Tajines en céramique de Safi, 180 dh, appelez le 0633221100',
        company: 'Poterie Safi SARL',
        address: '12 rue des Potiers, Safi',
      },
    ]);
    const a = await sellerOf('a');
    expect(a).not.toBeNull();
    expect(await sellerOf('b')).toBe(a);
    expect(await sellerOf('c')).toBe(a);
    const d = await sellerOf('d');
    expect(await sellerOf('e')).toBe(d);
    expect(d).not.toBe(a);
    const f = await sellerOf('f');
    expect([a, d]).not.toContain(f);

    const profile = await getSellerProfile(t.database.db, a!);
    expect(profile).toMatchObject({ item_count: 3, ad_count: 3, label: 'counterfeit' });
    expect(profile.platforms).toEqual(['facebook', 'instagram', 'tiktok']);
    expect(profile.accounts.map((x) => `${x.platform}:${x.handle}`).sort()).toEqual([
      'facebook:Karim Montres',
      'instagram:rolex.casa',
      'tiktok:casa_watch',
    ]);
    expect(profile.brands.map((b) => b.name)).toContain('Rolex');
    expect(profile.score).toBeGreaterThanOrEqual(0.85);
    expect(profile.reasons.join(' ')).toMatch(/3 accounts on 3 platforms/);

    // What the graph needs: identifiers, and the way back from an identifier to its seller.
    expect(await sellerIdentifiers(t.database.db, a!)).toMatchObject({
      seller_id: a,
      phones: ['+212612345678'],
      handles: expect.arrayContaining([
        { platform: 'tiktok', handle: 'casa_watch' },
        { platform: 'facebook', handle: 'karim montres' },
      ]),
    });
    expect(await sellerIdentifiers(t.database.db, f!)).toMatchObject({
      phones: ['+212633221100'],
      company_names: ['poterie safi'],
      addresses: ['12 rue des Potiers, Safi'],
    });
    expect((await sellerIdentifiers(t.database.db, d!)).shop_urls).toEqual(['https://luxe-copies.shop']);
    expect(await sellersByIdentifier(t.database.db, 'phone', '06 12 34 56 78')).toEqual([a]);
    expect(await sellersByIdentifier(t.database.db, 'phone', '+212 612-345678')).toEqual([a]);
    expect(await sellersByIdentifier(t.database.db, 'company', 'POTERIE SAFI s.a.r.l.')).toEqual([]);
    expect(await sellersByIdentifier(t.database.db, 'company', 'Poterie Safi')).toEqual([f]);
    expect(await sellersByIdentifier(t.database.db, 'handle', 'TikTok:@Casa_Watch')).toEqual([a]);
  });

  it('finds a seller, its posts and its alerts by a phone written any way (the post wrote it nationally)', async () => {
    await collect([
      {
        id: 'ph1',
        text: 'Replica Rolex high copy, prix cassé, livraison partout. WhatsApp 07 00 08 88 08',
        author: 'montres.replica',
        platform: 'facebook',
      },
      {
        id: 'ph2',
        text: 'Vends vélo enfant, bon état',
        author: 'famille.b',
        platform: 'facebook',
        phone: '0661234567',
      },
    ]);
    const seller = await sellerOf('ph1');
    expect(seller).not.toBeNull();
    for (const q of ['+212700088808', '0700088808', '+212 7 00 08 88 08', '00212700088808']) {
      const sellers = await listSellers(t.database.db, { q }, { limit: 10, offset: 0 });
      expect(
        sellers.items.map((s) => s.id),
        q,
      ).toEqual([seller]);
      const items = await listItems(t.database.db, { q }, { limit: 10, offset: 0 });
      expect(
        items.items.map((i) => i.external_id),
        q,
      ).toEqual(['ph1']);
      const alerts = await listAlerts(t.database.db, { q }, { limit: 10, offset: 0 });
      expect(alerts.items.length, q).toBeGreaterThan(0);
    }
    // Digits that are not a phone are searched as text only.
    expect((await listSellers(t.database.db, { q: '2024' }, { limit: 10, offset: 0 })).items).toEqual([]);
  });

  it('merges two known sellers when a post links them, and the merged id still answers', async () => {
    await collect([
      {
        id: 'g',
        platform: 'tiktok',
        author: 'x1',
        text: 'Nike high copy 350dh appelez 0661111111 livraison partout',
      },
      {
        id: 'h',
        platform: 'facebook',
        author: 'x2',
        text: 'Adidas copie originale 300dh contact 0662222222 livraison',
      },
    ]);
    const g = (await sellerOf('g'))!;
    const h = (await sellerOf('h'))!;
    expect(g).not.toBe(h);
    await collect([
      { id: 'i', platform: 'instagram', author: 'x3', text: 'Commandes au 0661111111 ou au 0662222222' },
    ]);
    expect(await sellerOf('g')).toBe(g);
    expect(await sellerOf('h')).toBe(g);
    expect(await sellerOf('i')).toBe(g);
    const merged = await getSellerProfile(t.database.db, h);
    expect(merged.id).toBe(g);
    expect(merged.merged_from).toEqual([h]);
    expect((await sellerIdentifiers(t.database.db, h)).phones).toEqual(['+212661111111', '+212662222222']);
    const list = await listSellers(t.database.db, {}, { limit: 50, offset: 0 });
    expect(list.items.map((s) => s.id)).toEqual([g]);
  });

  it('stops grouping through a number shared by many accounts (a courier) and splits what it grouped', async () => {
    const posts: P[] = [];
    for (let i = 1; i <= HUB_ACCOUNTS + 2; i++)
      posts.push({
        id: `k${i}`,
        platform: 'facebook',
        author: `shop_${i}`,
        text: `Article ${i} en vente, livraison par coursier au 0522 00 00 00`,
      });
    posts.push({
      id: 'k-twin',
      platform: 'instagram',
      author: 'shop_1_insta',
      text: 'Même boutique que facebook shop_1, contact 0611000001',
    });
    posts.push({
      id: 'k1-bis',
      platform: 'facebook',
      author: 'shop_1',
      text: 'Autre article, contact 0611000001',
    });
    await collect(posts);
    const sellers = new Set<number | null>();
    for (let i = 1; i <= HUB_ACCOUNTS + 2; i++) sellers.add(await sellerOf(`k${i}`));
    expect(sellers.size).toBe(HUB_ACCOUNTS + 2);
    expect(await sellerOf('k-twin')).toBe(await sellerOf('k1'));
    const hub = await t.database.db
      .selectFrom('osint_identifiers')
      .selectAll()
      .where('value', '=', '+212522000000')
      .executeTakeFirstOrThrow();
    expect(hub).toMatchObject({ hub: true, seller_id: null });
  });

  it('groups an ad and its repost collected at the same moment by two sources', async () => {
    const ads = Array.from(
      { length: 6 },
      (_, i) =>
        `Montre Rolex modèle ${['Daytona', 'Submariner', 'Datejust', 'GMT', 'Yacht', 'Explorer'][i]} réplique AAA, ${900 + i * 50} dh, livraison partout au Maroc, WhatsApp 06120000${10 + i}`,
    );
    const feed = async (name: string, author: string) => {
      const source = await createSource(t.database, actor, {
        name,
        type: 'file',
        config: { format: 'ndjson', mapping: { id: 'id', text: 'text', author: 'author' } },
      });
      const path = files.write(
        `${name}.ndjson`,
        ads.map((text, i) => JSON.stringify({ id: `${name}-${i}`, text, author })).join('\n'),
      );
      return { sourceId: source.id, actor, params: { file: { path, name: `${name}.ndjson` } } };
    };
    const runs = await Promise.all([
      runCollection(t.database, await feed('export-a', 'casa_watches')),
      runCollection(t.database, await feed('export-b', 'montres_maroc')),
    ]);
    expect(runs[0]!.reposts + runs[1]!.reposts).toBe(ads.length);
    const stored = await t.database.db.selectFrom('osint_items').select(['dup_group_id']).execute();
    expect(stored).toHaveLength(2 * ads.length);
    expect(new Set(stored.map((r) => r.dup_group_id)).size).toBe(ads.length);
  });

  it('matches a watch term added after collection when the items are analysed again', async () => {
    await collect([
      {
        id: 'w1',
        platform: 'facebook',
        author: 'parfums_casa',
        text: 'Parfum Chanel N°5 100 ml, 300 dh, livraison',
      },
      { id: 'w2', platform: 'facebook', author: 'cuisine', text: 'Recette du tajine aux pruneaux' },
    ]);
    const watchAlerts = async () =>
      (await listAlerts(t.database.db, { kind: 'watchlist' }, { limit: 50, offset: 0 })).items;
    expect(await watchAlerts()).toEqual([]);
    const term = await addWatchTerm(t.database, actor, { kind: 'brand', value: 'Chanel' });
    const first = await reanalyzeItems(t.database);
    expect(first.items).toBe(2);
    const raised = await watchAlerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'watchlist', reason: 'matches the watch brand "Chanel"' });
    expect(raised[0]!.item?.text).toContain('Chanel');
    // Analysing again raises nothing twice.
    await reanalyzeItems(t.database);
    expect(await watchAlerts()).toHaveLength(1);
    await removeWatchTerm(t.database, actor, term.id);
  });

  it('raises one alert per risky ad, per watchlist match, and per risky seller', async () => {
    const dior = await addWatchTerm(t.database, actor, { kind: 'brand', value: 'Dior' });
    const phone = await addWatchTerm(t.database, actor, { kind: 'phone', value: '06 44 55 66 77' });
    const phrase = await addWatchTerm(t.database, actor, { kind: 'keyword', value: 'sans ordonnance' });
    const off = await addWatchTerm(t.database, actor, { kind: 'keyword', value: 'tajine' });
    await removeWatchTerm(t.database, actor, off.id);
    await expect(addWatchTerm(t.database, actor, { kind: 'brand', value: 'dior' })).rejects.toMatchObject({
      code: 'osint.watch_term_exists',
    });
    await expect(addWatchTerm(t.database, actor, { kind: 'phone', value: '12' })).rejects.toMatchObject({
      code: 'osint.invalid_watch_term',
    });
    const rolex =
      'Montre Rolex Daytona réplique AAA qualité top, 1200 dh, livraison partout au Maroc, WhatsApp 0612345678';
    const summary = await collect([
      { id: 'p1', platform: 'facebook', author: 'casa_watches', text: rolex },
      {
        id: 'p2',
        platform: 'instagram',
        author: 'montres_maroc',
        text: rolex.replace('0612345678', '0698765432'),
      },
      {
        id: 'p3',
        platform: 'facebook',
        author: 'casa_watches',
        text: 'Sac Louis Vuitton copie originale qualité miroir 450 dh, WhatsApp 0612345678',
      },
      {
        id: 'p4',
        platform: 'tiktok',
        author: 'parfums',
        text: 'Parfum Dior Sauvage original, facture fournie, boutique agréée',
      },
      {
        id: 'p5',
        platform: 'facebook',
        author: 'slim',
        text: 'Pilules minceur sans ordonnance, perdez 10 kg en 7 jours, 200 dh, livraison discrète',
      },
      {
        id: 'p6',
        platform: 'facebook',
        author: 'china',
        text: 'Électronique pas chère, appelez le 0644556677',
      },
      { id: 'p7', platform: 'facebook', author: 'safi', text: 'Tajine en céramique de Safi 180 dh' },
    ]);
    const { items } = await listAlerts(t.database.db, {}, { limit: 100, offset: 0 });
    const keys = items.map((a) => `${a.kind}:${a.item?.id ?? a.seller?.id}:${a.watch_term?.value ?? ''}`);
    const itemId = async (ext: string) =>
      (
        await t.database.db
          .selectFrom('osint_items')
          .select('id')
          .where('external_id', '=', ext)
          .executeTakeFirstOrThrow()
      ).id;
    const [p1, p3, p4, p5, p6] = [
      await itemId('p1'),
      await itemId('p3'),
      await itemId('p4'),
      await itemId('p5'),
      await itemId('p6'),
    ];
    const seller = (await sellerOf('p1'))!;
    expect(keys.sort()).toEqual(
      [
        `post:${p1}:`,
        `post:${p3}:`,
        `post:${p5}:`,
        `seller:${seller}:`,
        `watchlist:${p4}:Dior`,
        `watchlist:${p5}:sans ordonnance`,
        `watchlist:${p6}:06 44 55 66 77`,
      ].sort(),
    );
    expect(summary.alerts).toBe(7);
    // The repost (p2) is in p1's alert, counted, not alerted again.
    expect(items.find((a) => a.item?.id === p1)!.item!.reposts).toBe(1);
    expect([dior.id, phone.id, phrase.id]).toHaveLength(3);
    // Collecting the same posts again raises nothing new.
    const again = await collect([{ id: 'p1', platform: 'facebook', author: 'casa_watches', text: rolex }]);
    expect(again.alerts).toBe(0);
  });

  it('records decisions (audited), teaches the classifier, and refuses to decide twice', async () => {
    const fake =
      'Montre Rolex Daytona réplique AAA qualité top, 1200 dh, livraison partout au Maroc, WhatsApp 0612345678';
    const borderline = 'Montre Rolex Datejust copie, prix à discuter en DM, livraison Casa';
    await addWatchTerm(t.database, actor, { kind: 'brand', value: 'Rolex' });
    await collect([
      { id: 'r1', platform: 'facebook', author: 'casa_watches', text: fake },
      { id: 'r2', platform: 'facebook', author: 'collector', text: borderline },
    ]);
    const alerts = (await listAlerts(t.database.db, { status: 'open' }, { limit: 50, offset: 0 })).items;
    const postAlert = alerts.find((a) => a.kind === 'post' && a.item?.text === fake)!;
    const watchAlert = alerts.find((a) => a.kind === 'watchlist' && a.item?.text === borderline)!;
    expect(await modelInfo(t.database.db)).toMatchObject({ version: 0, pending_confirmations: 0 });

    const confirmed = await decideAlert(t.database, actor, postAlert.id, {
      decision: 'confirm',
      note: 'known seller',
    });
    expect(confirmed.alert).toMatchObject({
      status: 'confirmed',
      decision_label: 'counterfeit',
      decided_by: 'investigator-1',
      note: 'known seller',
    });
    expect(confirmed.model_version).toBe(1);
    const item = await t.database.db
      .selectFrom('osint_items')
      .selectAll()
      .where('external_id', '=', 'r1')
      .executeTakeFirstOrThrow();
    expect(item.confirmed_label).toBe('counterfeit');

    // A watchlist match dismissed teaches nothing; dismissed with a label, it does.
    const dismissed = await decideAlert(t.database, actor, watchAlert.id, {
      decision: 'dismiss',
      label: 'benign',
    });
    expect(dismissed).toMatchObject({
      alert: { status: 'dismissed', decision_label: 'benign' },
      model_version: 2,
    });
    const before = predict(defaultClassifier(), borderline).benign;
    const after = predict((await currentModel(t.database.db)).classifier, borderline).benign;
    expect(after).toBeGreaterThan(before);
    expect(await modelInfo(t.database.db)).toMatchObject({
      version: 2,
      base_version: 1,
      confirmations: 1,
      pending_confirmations: 0,
    });

    await expect(decideAlert(t.database, actor, postAlert.id, { decision: 'dismiss' })).rejects.toMatchObject(
      {
        code: 'osint.alert_decided',
        status: 409,
      },
    );
    const cased = await decideAlert(t.database, actor, postAlert.id, { decision: 'open_case' });
    expect(cased).toMatchObject({ alert: { status: 'case_opened' }, model_version: null });
    await expect(decideAlert(t.database, actor, 999_999, { decision: 'confirm' })).rejects.toMatchObject({
      code: 'osint.alert_not_found',
      status: 404,
    });

    const audit = await listAudit(t.database.db, { action: 'osint.*' }, { limit: 100, offset: 0 });
    const actions = audit.items.map((e) => `${e.action} ${e.target_id}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `osint.alert.confirmed ${postAlert.id}`,
        `osint.alert.dismissed ${watchAlert.id}`,
        `osint.alert.case_opened ${postAlert.id}`,
        'osint.model.updated 1',
        'osint.model.updated 2',
      ]),
    );
  });
});
