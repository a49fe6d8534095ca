/**
 * Collection into the database, against the fake marketplace served on 127.0.0.1 by this test: the crawler
 * (robots.txt, pagination, depth and URL patterns, retries, slow, broken and binary pages), feeds, a JSON API with
 * a mapping, platform exports with bad lines, submitted URLs, the scheduling tick. Nothing leaves the machine.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { createLogger } from '../../platform/lib/logger.ts';
import { evidenceBuffer } from './evidence.ts';
import { runTick } from './job-run.ts';
import { runCollection } from './run.ts';
import { createSource, getSource, submittedUrlSource, updateSource } from './sources.ts';
import { type Marketplace, startMarketplace } from './testing/marketplace.ts';
import { resetOsint } from './testing/reset.ts';

const actor = { id: null, name: 'tester', ip: '127.0.0.1' };
// Timeouts generous against a loaded machine; the slow page stays far beyond them.
const polite = { rate_per_second: 50, retries: 1, timeout_seconds: 5, allow_private_network: true };
const files = tempFiles();

const apiMapping = {
  id: 'id',
  text: 'caption',
  title: 'headline',
  url: 'permalink',
  author: 'owner.username',
  platform: 'owner.platform',
  price: 'price.amount',
  currency: 'price.currency',
  posted_at: 'created_time',
};

describeEachDatabase('osint collection', (t) => {
  let market: Marketplace;
  beforeAll(async () => {
    market = await startMarketplace({ slowMs: 15_000 });
  });
  afterAll(() => market?.close());
  beforeEach(() => resetOsint(t.database));

  const hitsDuring = async <T>(fn: () => Promise<T>): Promise<{ result: T; hits: string[] }> => {
    const from = market.hits.length;
    const result = await fn();
    return { result, hits: market.hits.slice(from) };
  };
  const source = (
    name: string,
    type: Parameters<typeof createSource>[2]['type'],
    config: Record<string, unknown>,
  ) => createSource(t.database, actor, { name, type, config });
  const items = () => t.database.db.selectFrom('osint_items').selectAll().orderBy('id').execute();

  it('refuses to fetch loopback or private addresses unless the source allows it', async () => {
    const s = await source('private', 'url', { urls: [`${market.url}/item/1`] });
    const { result, hits } = await hitsDuring(() => runCollection(t.database, { sourceId: s.id, actor }));
    expect(hits).toEqual([]);
    expect(result.status).toBe('failed');
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'fetch.private_address',
        where: `${market.url}/item/1`,
        message: expect.stringMatching(/127\.0\.0\.1 is a private or loopback address/),
      }),
    ]);
  });

  it('crawls the marketplace politely: robots.txt, pagination, retries, located errors for slow, broken and binary pages', async () => {
    const s = await source('souk', 'web', {
      start_urls: [`${market.url}/`],
      max_depth: 5,
      exclude: ['/seller/'],
      item_urls: ['/item/\\d+'],
      ...polite,
    });
    const { result, hits } = await hitsDuring(() => runCollection(t.database, { sourceId: s.id, actor }));
    expect(result).toMatchObject({
      status: 'partial',
      fetched: 12,
      items_new: 12,
      items_seen: 0,
      reposts: 2,
      errors: 3,
    });
    // robots.txt was read first and obeyed; the broken page was tried twice (one retry), the slow one timed out.
    expect(hits[0]).toBe('/robots.txt');
    expect(hits.filter((h) => h.startsWith('/private'))).toEqual([]);
    expect(hits.filter((h) => h === '/broken')).toHaveLength(2);
    expect(hits.filter((h) => h.startsWith('/listings'))).toEqual([
      '/listings?page=1',
      '/listings?page=2',
      '/listings?page=3',
    ]);
    const byCode = (code: string) => result.problems.filter((p) => p.code === code);
    expect(byCode('fetch.robots_disallowed')).toEqual([
      expect.objectContaining({ where: `${market.url}/private/admin`, severity: 'warning' }),
    ]);
    expect(byCode('fetch.http_status')).toEqual([
      expect.objectContaining({ where: `${market.url}/broken`, message: expect.stringMatching(/500/) }),
    ]);
    expect(byCode('fetch.timeout')).toEqual([expect.objectContaining({ where: `${market.url}/slow` })]);
    expect(byCode('fetch.unsupported_type')).toEqual([
      expect.objectContaining({
        where: `${market.url}/binary`,
        message: expect.stringMatching(/octet-stream/),
      }),
    ]);

    const stored = await items();
    expect(stored.map((i) => i.canonical_url).sort()).toEqual(
      market.listings.map((l) => `${market.url}/item/${l.id}`).sort(),
    );
    const rolex = stored.find((i) => i.canonical_url === `${market.url}/item/1`)!;
    expect(rolex).toMatchObject({
      title: 'Rolex Daytona réplique AAA',
      author: 'casa_watches',
      label: 'counterfeit',
      price: 1200,
      currency: 'MAD',
      model_version: 0,
      locator: 'page',
    });
    expect(rolex.url).toMatch(/utm_source=listing/);
    expect(rolex.posted_at?.toISOString()).toBe('2025-01-10T09:00:00.000Z');
    expect((rolex.entities as { phones: string[] }).phones).toEqual(['+212612345678']);
    expect(rolex.score).toBeGreaterThanOrEqual(0.8);
    expect(rolex.reasons.length).toBeGreaterThan(0);
    expect((rolex.signals as unknown[]).length).toBeGreaterThan(0);
    const tajine = stored.find((i) => i.canonical_url === `${market.url}/item/8`)!;
    expect(tajine.label).toBe('benign');

    // Evidence: the page as received, with its hash, status and headers, and who collected it.
    const evidence = await t.database.db
      .selectFrom('osint_evidence')
      .selectAll()
      .where('id', '=', rolex.evidence_id)
      .executeTakeFirstOrThrow();
    const content = await evidenceBuffer(t.database.db, evidence.id);
    expect(content.toString('utf8')).toContain('Rolex Daytona réplique AAA');
    expect(evidence).toMatchObject({
      method: 'http',
      http_status: 200,
      collected_by: 'tester',
      source_id: s.id,
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(evidence.url).toBe(`${market.url}/item/1?utm_source=listing&ref=page1`);
    expect((evidence.http_headers as Record<string, string>)['content-type']).toMatch(/text\/html/);

    const health = (await getSource(t.database.db, s.id)).health;
    expect(health).toMatchObject({
      last_status: 'partial',
      last_items: 12,
      last_errors: 3,
      total_items: 12,
      runs: 1,
    });
    expect(health.last_error).toMatch(/slow|broken|binary/);
  });

  it('limits the depth and follows only the URL patterns asked for', async () => {
    const shallow = await source('shallow', 'web', {
      start_urls: [`${market.url}/`],
      max_depth: 2,
      follow: ['/listings', '/item/'],
      item_urls: ['/item/\\d+'],
      ...polite,
    });
    const { result, hits } = await hitsDuring(() =>
      runCollection(t.database, { sourceId: shallow.id, actor }),
    );
    // home (0) → listings page 1 (1) → its items (2); page 2 is at depth 2 but its items would be at 3.
    expect(result.items_new).toBe(5);
    expect(hits).not.toContain('/about');
    expect(hits).not.toContain('/slow');
    expect(hits).not.toContain('/listings?page=3');
    const limited = await source('limited', 'web', {
      start_urls: [`${market.url}/listings?page=1`],
      max_depth: 1,
      max_pages: 3,
      item_urls: ['/item/\\d+'],
      follow: ['/item/'],
      ...polite,
    });
    const second = await runCollection(t.database, { sourceId: limited.id, actor });
    expect(second.fetched).toBe(2);
    expect(second.problems.filter((p) => p.code === 'fetch.page_limit')).toHaveLength(1);
  });

  it('groups the same ad reposted by two accounts and counts it once', async () => {
    const s = await source('souk', 'web', {
      start_urls: [`${market.url}/listings?page=1`],
      max_depth: 2,
      follow: ['/listings', '/item/'],
      item_urls: ['/item/\\d+'],
      ...polite,
    });
    const result = await runCollection(t.database, { sourceId: s.id, actor });
    expect(result.reposts).toBe(2);
    const stored = await items();
    const at = (id: number) => stored.find((i) => i.canonical_url === `${market.url}/item/${id}`)!;
    // 3 is 1 with another account and phone number (near-duplicate); 7 is 2 word for word by another account.
    expect(at(3).dup_group_id).toBe(at(1).dup_group_id);
    expect(at(3).author).not.toBe(at(1).author);
    expect(at(7).dup_group_id).toBe(at(2).dup_group_id);
    expect(at(9).dup_group_id).not.toBe(at(1).dup_group_id);
    // Items 1 to 10 (11 and 12 are one level deeper): ten items, eight ads.
    expect(stored).toHaveLength(10);
    expect(new Set(stored.map((i) => i.dup_group_id)).size).toBe(8);
    // One alert per ad, not per repost.
    const alerts = await t.database.db
      .selectFrom('osint_alerts')
      .selectAll()
      .where('kind', '=', 'post')
      .execute();
    expect(alerts.filter((a) => a.key === `post:${at(1).dup_group_id}`)).toHaveLength(1);
    expect(alerts.some((a) => a.item_id === at(3).id)).toBe(false);
  });

  it('collects RSS and Atom feeds; a listing met by two sources is one item, seen twice', async () => {
    const rss = await source('rss', 'feed', { url: `${market.url}/feed.xml`, platform: 'souk', ...polite });
    const first = await runCollection(t.database, { sourceId: rss.id, actor });
    expect(first).toMatchObject({ status: 'ok', fetched: 1, items_new: 12, reposts: 2, errors: 0 });
    const stored = await items();
    expect(stored[0]).toMatchObject({
      external_id: 'souk-1',
      canonical_url: `${market.url}/item/1`,
      author: 'casa_watches',
      platform: 'souk',
      locator: 'item[0]',
    });
    expect(stored[0]!.text).toMatch(/^Montre Rolex Daytona/);
    expect(stored[0]!.posted_at?.toISOString()).toBe('2025-01-10T09:00:00.000Z');

    // Fetched again unchanged: no new evidence, no new item.
    const again = await runCollection(t.database, { sourceId: rss.id, actor });
    expect(again).toMatchObject({ fetched: 1, items_new: 0, items_seen: 12 });
    const evidence = await t.database.db.selectFrom('osint_evidence').select('id').execute();
    expect(evidence).toHaveLength(1);

    const atom = await source('atom', 'feed', { url: `${market.url}/atom.xml`, platform: 'souk', ...polite });
    const third = await runCollection(t.database, { sourceId: atom.id, actor });
    expect(third).toMatchObject({ status: 'ok', items_new: 0, items_seen: 12 });
    const rolex = (await items())[0]!;
    expect(rolex.seen_count).toBe(3);
    const captures = await t.database.db
      .selectFrom('osint_captures')
      .selectAll()
      .where('item_id', '=', rolex.id)
      .execute();
    expect(captures.map((c) => c.locator).sort()).toEqual(['entry[0]', 'item[0]']);

    const notAFeed = await source('not-a-feed', 'feed', { url: `${market.url}/about`, ...polite });
    const bad = await runCollection(t.database, { sourceId: notAFeed.id, actor });
    expect(bad.status).toBe('failed');
    expect(bad.problems[0]).toMatchObject({ code: 'feed.invalid', where: `${market.url}/about` });
  });

  it('reads a paginated JSON API with a field mapping, and reports invalid JSON', async () => {
    const api = await source('api', 'json_api', {
      url: `${market.url}/api/listings`,
      items_path: 'data.items',
      next: { path: 'paging.next' },
      mapping: apiMapping,
      ...polite,
    });
    const result = await runCollection(t.database, { sourceId: api.id, actor });
    expect(result).toMatchObject({ status: 'ok', fetched: 3, items_new: 12, errors: 0 });
    const stored = await items();
    expect(stored.find((i) => i.external_id === 'post-11')).toMatchObject({
      platform: 'instagram',
      author: 'casa.parfums',
      url: 'https://instagram.com/p/11',
      price: 250,
      locator: `${market.url}/api/listings?page=3#data.items[0]`,
    });
    const byParam = await source('api-by-page', 'json_api', {
      url: `${market.url}/api/listings`,
      items_path: 'data.items',
      next: { param: 'page', start: 1 },
      max_pages: 2,
      mapping: apiMapping,
      ...polite,
    });
    const paged = await runCollection(t.database, { sourceId: byParam.id, actor });
    expect(paged).toMatchObject({ fetched: 2, items_seen: 10 });

    const broken = await source('broken-api', 'json_api', {
      url: `${market.url}/api/bad`,
      mapping: { text: 'caption' },
      ...polite,
    });
    const bad = await runCollection(t.database, { sourceId: broken.id, actor });
    expect(bad.problems[0]).toMatchObject({ code: 'json.invalid', where: `${market.url}/api/bad` });
    const wrongPath = await source('wrong-path', 'json_api', {
      url: `${market.url}/api/listings`,
      items_path: 'items',
      mapping: { text: 'caption' },
      ...polite,
    });
    const none = await runCollection(t.database, { sourceId: wrongPath.id, actor });
    expect(none.problems[0]).toMatchObject({
      code: 'json.no_records',
      message: expect.stringMatching(/no array of records at "items"/),
    });
  });

  it('reads platform exports with bad lines, huge texts, binary content and wrong encodings without stopping', async () => {
    const huge = 'Crème blanchissante hydroquinone sans ordonnance. '.repeat(1300);
    const ndjson = Buffer.concat([
      Buffer.from(
        '{"id":"t1","caption":"Nike high copy 1:1 350dh DM pour commander","user":"sneaky","platform":"tiktok"}\n',
      ),
      Buffer.from('{"id":"t2","caption": \n'),
      Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x00, 0x7d, 0x0a]),
      Buffer.from('{"id":"t4","user":"quiet"}\n'),
      Buffer.from(
        `${JSON.stringify({ id: 't5', caption: huge, user: 'whitening', platform: 'facebook' })}\n`,
      ),
      Buffer.from(
        '{"id":"t6","caption":"Crème anti-âge sans ordonnance 120dh","user":"latin","platform":"facebook"}\n',
        'latin1',
      ),
      Buffer.from('[1, 2]\n'),
    ]);
    const path = files.write('posts.ndjson', ndjson);
    const s = await source('export', 'file', {
      format: 'ndjson',
      mapping: { id: 'id', text: 'caption', author: 'user', platform: 'platform' },
    });
    const result = await runCollection(t.database, {
      sourceId: s.id,
      actor,
      params: { file: { path, name: 'posts.ndjson' } },
    });
    expect(result).toMatchObject({ status: 'partial', fetched: 1, items_new: 3, errors: 4, warnings: 2 });
    const line = (where: string) => Number(where.split(':').pop());
    const located = [...result.problems]
      .sort((a, b) => line(a.where) - line(b.where))
      .map((p) => `${p.where} ${p.severity} ${p.code}`);
    expect(located).toEqual([
      'posts.ndjson:2 error input.invalid_json',
      'posts.ndjson:3 error input.binary',
      'posts.ndjson:4 error item.no_text',
      'posts.ndjson:5 warning item.text_truncated',
      'posts.ndjson:6 warning input.encoding',
      'posts.ndjson:7 error input.not_object',
    ]);
    const stored = await items();
    expect(stored.map((i) => i.external_id)).toEqual(['t1', 't5', 't6']);
    expect(stored[1]).toMatchObject({ text_truncated: true, label: 'health_risk' });
    expect(stored[1]!.text.length).toBe(50_000);
    expect(stored[2]!.text).toBe('Crème anti-âge sans ordonnance 120dh');
    // The whole file is the evidence, byte for byte.
    const evidence = await evidenceBuffer(t.database.db, stored[0]!.evidence_id);
    expect(evidence.equals(ndjson)).toBe(true);

    const csv = files.write(
      'listings.csv',
      'id;texte;auteur;prix\nc1;"Sac Chanel copie originale 400 dh, livraison Casa";chanel_copy;400\nc2;trop;de;champs;ici\nc3;"Huile d\'argan bio de Taroudant, 120 dh";argan_coop;120\n',
    );
    const csvSource = await source('csv-export', 'file', {
      format: 'csv',
      mapping: { id: 'id', text: 'texte', author: 'auteur', price: 'prix' },
      platform: 'marketplace',
    });
    const fromCsv = await runCollection(t.database, {
      sourceId: csvSource.id,
      actor,
      params: { file: { path: csv, name: 'listings.csv' } },
    });
    expect(fromCsv).toMatchObject({ items_new: 2, errors: 1 });
    expect(fromCsv.problems[0]).toMatchObject({ where: 'listings.csv:3', code: 'input.invalid_record' });
  });

  it('collects URLs submitted by an investigator', async () => {
    const submitted = await submittedUrlSource(t.database, actor);
    await updateSource(t.database, actor, submitted.id, {
      config: { allow_private_network: true, rate_per_second: 50 },
    });
    const result = await runCollection(t.database, {
      sourceId: submitted.id,
      actor: { id: null, name: 'investigator-1', ip: null },
      params: { urls: [`${market.url}/item/5`, `${market.url}/broken`] },
    });
    expect(result).toMatchObject({ status: 'partial', items_new: 1, errors: 1 });
    const [item] = await items();
    expect(item).toMatchObject({ title: 'iPhone 12 occasion', label: 'benign' });
    const evidence = await t.database.db.selectFrom('osint_evidence').selectAll().executeTakeFirstOrThrow();
    expect(evidence.collected_by).toBe('investigator-1');
  });

  it('starts each due source once from the scheduling tick', async () => {
    const due = await createSource(t.database, actor, {
      name: 'every-5',
      type: 'feed',
      config: { url: `${market.url}/feed.xml`, ...polite },
      interval_minutes: 5,
    });
    await createSource(t.database, actor, {
      name: 'manual',
      type: 'feed',
      config: { url: `${market.url}/feed.xml` },
    });
    await createSource(t.database, actor, {
      name: 'off',
      type: 'feed',
      config: { url: `${market.url}/feed.xml` },
      interval_minutes: 5,
      enabled: false,
    });
    const queued: { kind: string; params: Record<string, unknown> }[] = [];
    const ctx = {
      database: t.database,
      actor: { id: null, name: 'system:scheduler', ip: null },
      logger: createLogger('silent'),
      enqueue: async (kind: string, params: Record<string, unknown>) => {
        queued.push({ kind, params });
        return { id: randomUUID() } as never;
      },
    };
    const first = await runTick(ctx);
    expect(first.started.map((s) => s.source_id)).toEqual([due.id]);
    expect(queued).toEqual([
      { kind: 'osint.collect', params: { source_id: due.id, claim: expect.any(String) } },
    ]);
    const claimed = await getSource(t.database.db, due.id);
    expect(claimed.health.running).toBe(true);
    expect(claimed.health.running_job_id).toBe(first.started[0]!.job_id);
    expect(Date.parse(claimed.health.next_run_at!)).toBeGreaterThan(Date.now() + 4 * 60_000);
    // Running, and not due again: the next tick starts nothing.
    expect((await runTick(ctx)).started).toEqual([]);
    // The run releases the source.
    await runCollection(t.database, { sourceId: due.id, actor: ctx.actor, jobId: first.started[0]!.job_id });
    expect((await getSource(t.database.db, due.id)).health).toMatchObject({
      running: false,
      last_status: 'ok',
      runs: 1,
    });
  });
});
