/**
 * One collector per source type. Each turns its source into evidence documents and the posts found in them,
 * reporting located problems and carrying on: a broken page, an invalid JSON line or a record without text never
 * stops the run.
 */
import { basename } from 'node:path';
import { valueAt } from '../mapping.ts';
import type {
  FeedConfig,
  FileConfig,
  HttpConfig,
  JsonApiConfig,
  SourceConfig,
  SourceType,
  UrlConfig,
  WebConfig,
} from '../source-config.ts';
import type { FetchedDocument } from './http.ts';
import { feedEntries, jsonFeedEntries, mappedRecords, pageItems } from './parse.ts';
import type { CollectedPost, CollectorContext } from './types.ts';

export interface CollectParams {
  /** URLs to fetch (submitted URLs; for other web types, instead of the configured start). */
  urls?: string[] | undefined;
  /** A local file to read (file sources). */
  file?: { path: string; name: string } | undefined;
}

function httpBase(config: HttpConfig, ctx: CollectorContext) {
  return {
    ratePerSecond: config.rate_per_second,
    maxConcurrency: config.max_concurrency,
    retries: config.retries,
    timeoutSeconds: config.timeout_seconds,
    maxBytes: config.max_bytes,
    userAgent: config.user_agent,
    allowPrivateNetwork: config.allow_private_network,
    signal: ctx.signal,
    onProblem: (p: { url: string; code: string; message: string }) =>
      ctx.problem({ where: p.url, severity: 'error', code: p.code, message: p.message }),
    onSkipped: (url: string, reason: string) => ctx.skipped(url, reason),
  };
}

function documentInput(doc: FetchedDocument) {
  return {
    method: 'http' as const,
    url: doc.url,
    finalUrl: doc.finalUrl,
    fetchedAt: doc.fetchedAt,
    httpStatus: doc.status,
    httpHeaders: doc.headers,
    contentType: (doc.headers['content-type'] as string | undefined) ?? doc.mimeType,
    content: doc.body,
  };
}

const withDefaults = (
  posts: CollectedPost[],
  config: { platform?: string | undefined; kind?: string | undefined },
) => posts.map((p) => ({ ...p, platform: p.platform ?? config.platform, kind: p.kind ?? config.kind }));

function parseJson(doc: FetchedDocument): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(doc.body.toString('utf8').replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const isXml = (doc: FetchedDocument) =>
  Boolean(doc.mimeType && /xml/.test(doc.mimeType)) ||
  /^\s*(<\?xml|<rss|<feed|<rdf)/i.test(doc.body.subarray(0, 200).toString('utf8'));
const isJson = (doc: FetchedDocument) =>
  Boolean(doc.mimeType && /json/.test(doc.mimeType)) ||
  /^\s*[[{]/.test(doc.body.subarray(0, 50).toString('utf8'));

/** Posts of any document fetched without a configured shape (feeds, submitted URLs). */
async function genericPosts(
  doc: FetchedDocument,
  config: { platform?: string | undefined; kind?: string | undefined },
) {
  if (doc.mimeType && /html/.test(doc.mimeType)) {
    return pageItems(await doc.parse('html'), doc.finalUrl, { platform: config.platform, kind: config.kind });
  }
  if (isXml(doc)) return feedEntries(await doc.parse('xml'), doc.finalUrl);
  if (isJson(doc)) {
    const parsed = parseJson(doc);
    if ('error' in parsed) throw new Error(`invalid JSON: ${parsed.error}`);
    const feed = jsonFeedEntries(parsed.value);
    if (feed) return feed;
    const text =
      valueAt(parsed.value, 'text') ??
      valueAt(parsed.value, 'caption') ??
      valueAt(parsed.value, 'description');
    return typeof text === 'string' ? [{ locator: '$', text, url: doc.finalUrl }] : [];
  }
  return [{ locator: 'document', text: doc.body.toString('utf8'), url: doc.finalUrl }];
}

async function collectFeed(config: FeedConfig, ctx: CollectorContext): Promise<void> {
  const { crawl } = await import('./http.ts');
  let done = 0;
  await crawl({
    ...httpBase(config, ctx),
    startUrls: [{ url: config.url }],
    maxDepth: 0,
    maxPages: 1,
    followLinks: false,
    sameHost: true,
    async onDocument(doc) {
      const evidenceId = await ctx.document(documentInput(doc));
      let posts: CollectedPost[];
      if (isJson(doc) && !isXml(doc)) {
        const parsed = parseJson(doc);
        const feed = 'value' in parsed ? jsonFeedEntries(parsed.value, config.max_items) : undefined;
        if (!feed) {
          ctx.problem({
            where: doc.url,
            severity: 'error',
            code: 'feed.invalid',
            message: `${doc.url}: not a feed (${'error' in parsed ? `invalid JSON: ${parsed.error}` : 'JSON without a JSON Feed "items" array'})`,
          });
          return;
        }
        posts = feed;
      } else {
        posts = feedEntries(await doc.parse('xml'), doc.finalUrl, config.max_items);
        if (posts.length === 0 && !/<(rss|feed|rdf)/i.test(doc.body.subarray(0, 4096).toString('utf8'))) {
          ctx.problem({
            where: doc.url,
            severity: 'error',
            code: 'feed.invalid',
            message: `${doc.url}: not an RSS or Atom feed (${doc.mimeType ?? 'no content type'})`,
          });
          return;
        }
      }
      await ctx.posts(evidenceId, withDefaults(posts, config));
      ctx.progress(++done, 1, `${posts.length} entries`);
    },
  });
}

async function collectJsonApi(config: JsonApiConfig, ctx: CollectorContext): Promise<void> {
  const { crawl } = await import('./http.ts');
  let pages = 0;
  await crawl({
    ...httpBase(config, ctx),
    startUrls: [{ url: config.url, userData: { page: 0, headers: config.headers ?? {} } }],
    maxDepth: config.max_pages - 1,
    maxPages: config.max_pages,
    followLinks: false,
    sameHost: false,
    async onDocument(doc, add) {
      const evidenceId = await ctx.document(documentInput(doc));
      ctx.progress(++pages, null, `${pages} pages`);
      const parsed = parseJson(doc);
      if ('error' in parsed) {
        ctx.problem({
          where: doc.url,
          severity: 'error',
          code: 'json.invalid',
          message: `${doc.url}: invalid JSON: ${parsed.error}`,
        });
        return;
      }
      const result = mappedRecords(parsed.value, config.items_path, config.mapping);
      if ('error' in result) {
        ctx.problem({
          where: doc.url,
          severity: 'error',
          code: 'json.no_records',
          message: `${doc.url}: ${result.error}`,
        });
        return;
      }
      await ctx.posts(
        evidenceId,
        withDefaults(
          result.posts.map((p) => ({ ...p, locator: `${doc.url}#${p.locator}` })),
          config,
        ),
      );
      const page = Number(doc.userData.page ?? 0);
      if (page + 1 >= config.max_pages || !config.next) return;
      const userData = { page: page + 1, headers: config.headers ?? {} };
      if ('path' in config.next) {
        const next = valueAt(parsed.value, config.next.path);
        if (typeof next === 'string' && next.trim()) {
          try {
            await add([new URL(next, doc.finalUrl).toString()], userData);
          } catch {
            ctx.problem({
              where: doc.url,
              severity: 'warning',
              code: 'json.bad_next',
              message: `${doc.url}: next page "${next}" is not a URL`,
            });
          }
        }
      } else if (result.posts.length > 0) {
        const u = new URL(config.url);
        u.searchParams.set(config.next.param, String(config.next.start + (page + 1) * config.next.step));
        await add([u.toString()], userData);
      }
    },
  });
}

async function collectWeb(config: WebConfig, ctx: CollectorContext, params: CollectParams): Promise<void> {
  const { crawl } = await import('./http.ts');
  const itemUrls = config.item_urls?.map((r) => new RegExp(r));
  let pages = 0;
  await crawl({
    ...httpBase(config, ctx),
    startUrls: (params.urls?.length ? params.urls : config.start_urls).map((url) => ({ url })),
    maxDepth: config.max_depth,
    maxPages: config.max_pages,
    followLinks: config.max_depth > 0,
    sameHost: config.same_host,
    follow: config.follow?.map((r) => new RegExp(r)),
    exclude: config.exclude?.map((r) => new RegExp(r)),
    async onDocument(doc) {
      ctx.progress(++pages, null, `${pages} pages`);
      const holdsItems = !itemUrls || itemUrls.some((r) => r.test(doc.url) || r.test(doc.finalUrl));
      if (!holdsItems) return;
      if (!doc.mimeType || !/html/.test(doc.mimeType)) {
        const evidenceId = await ctx.document(documentInput(doc));
        await ctx.posts(evidenceId, withDefaults(await genericPosts(doc, config), config));
        return;
      }
      const evidenceId = await ctx.document(documentInput(doc));
      const posts = pageItems(await doc.parse('html'), doc.finalUrl, {
        itemSelector: config.item_selector,
        fields: config.fields,
        platform: config.platform,
        kind: config.kind,
      });
      await ctx.posts(evidenceId, posts);
    },
  });
}

async function collectUrls(config: UrlConfig, ctx: CollectorContext, params: CollectParams): Promise<void> {
  const urls = params.urls?.length ? params.urls : config.urls;
  if (urls.length === 0) {
    ctx.problem({ where: 'config.urls', severity: 'error', code: 'url.none', message: 'no URL to fetch' });
    return;
  }
  const { crawl } = await import('./http.ts');
  let done = 0;
  await crawl({
    ...httpBase(config, ctx),
    startUrls: urls.map((url) => ({ url })),
    maxDepth: 0,
    maxPages: urls.length,
    followLinks: false,
    sameHost: false,
    async onDocument(doc) {
      const evidenceId = await ctx.document(documentInput(doc));
      ctx.progress(++done, urls.length);
      try {
        await ctx.posts(evidenceId, withDefaults(await genericPosts(doc, config), config));
      } catch (error) {
        ctx.problem({
          where: doc.url,
          severity: 'error',
          code: 'document.unreadable',
          message: `${doc.url}: ${(error as Error).message}`,
        });
      }
    },
  });
}

const BATCH = 200;

async function collectFile(config: FileConfig, ctx: CollectorContext, params: CollectParams): Promise<void> {
  if (!params.file) {
    ctx.problem({
      where: 'file',
      severity: 'error',
      code: 'file.missing',
      message: 'no file to read (upload one, or set inbox_file)',
    });
    return;
  }
  const { path, name } = params.file;
  const evidenceId = await ctx.document({
    method: 'file',
    url: `file:${basename(name)}`,
    fetchedAt: new Date(),
    contentType:
      config.format === 'csv'
        ? 'text/csv'
        : config.format === 'ndjson'
          ? 'application/x-ndjson'
          : 'application/json',
    content: { path },
  });
  const { applyMapping } = await import('../mapping.ts');
  const { postFromMapped } = await import('./parse.ts');
  let batch: CollectedPost[] = [];
  let read = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await ctx.posts(evidenceId, withDefaults(batch, config));
    batch = [];
    ctx.progress(read, null, `${read.toLocaleString('en-US')} records read`);
  };
  const push = async (line: number, record: unknown, within?: string) => {
    read++;
    batch.push({
      locator: `line ${line}${within ? ` ${within}` : ''}`,
      ...postFromMapped(applyMapping(record, config.mapping)),
    });
    if (batch.length >= BATCH) await flush();
  };
  if (config.format === 'ndjson') {
    const { readJsonLines } = await import('../analysis/index.ts');
    for await (const entry of readJsonLines(path)) {
      ctx.signal?.throwIfAborted();
      if ('error' in entry) {
        const d = entry.error;
        ctx.problem({
          where: `${name}:${d.line}`,
          severity: 'error',
          code: d.code,
          message: `${name}:${d.line}: ${d.message} (expected ${d.expected ?? 'a record'})`,
        });
        continue;
      }
      for (const w of entry.warnings)
        ctx.problem({
          where: `${name}:${w.line}`,
          severity: 'warning',
          code: w.code,
          message: `${name}:${w.line}: ${w.message}`,
        });
      await push(entry.line, entry.value);
    }
  } else if (config.format === 'json' && config.items_path) {
    // Records inside a document ({"data": {"items": [...]}}): the document is read whole.
    const { readFile } = await import('node:fs/promises');
    const { recordsAt } = await import('../mapping.ts');
    let doc: unknown;
    try {
      doc = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (error) {
      ctx.problem({
        where: name,
        severity: 'error',
        code: 'input.invalid_json',
        message: `${name}: invalid JSON: ${(error as Error).message}`,
      });
      return;
    }
    const records = recordsAt(doc, config.items_path);
    if (!records) {
      ctx.problem({
        where: name,
        severity: 'error',
        code: 'input.no_records',
        message: `${name}: no array of records at "${config.items_path}"`,
      });
      return;
    }
    for (let i = 0; i < records.length; i++) {
      ctx.signal?.throwIfAborted();
      read++;
      batch.push({
        locator: `${config.items_path}[${i}]`,
        ...postFromMapped(applyMapping(records[i], config.mapping)),
      });
      if (batch.length >= BATCH) await flush();
    }
  } else {
    const { openTextSource } = await import('../../../platform/ingest/text-source.ts');
    const { openReader } = await import('../../../platform/ingest/readers.ts');
    const source = openTextSource(path, {
      format: config.format,
      ...(config.encoding ? { encoding: config.encoding } : {}),
    });
    let reader: Awaited<ReturnType<typeof openReader>>;
    try {
      reader = await openReader(config.format, source.chunks(), { file: name, delimiter: config.delimiter });
    } catch (error) {
      ctx.problem({
        where: name,
        severity: 'error',
        code: 'input.unreadable',
        message: `${name}: ${(error as Error).message}`,
      });
      return;
    }
    for await (const records of reader.batches) {
      ctx.signal?.throwIfAborted();
      for (const r of records) {
        if (r.problem) {
          ctx.problem({
            where: `${name}:${r.line}`,
            severity: 'error',
            code: 'input.invalid_record',
            message: `${name}:${r.line}: ${r.problem}`,
          });
          continue;
        }
        let data: unknown = r.data;
        if (Array.isArray(r.data) && reader.columns) {
          data = Object.fromEntries(reader.columns.map((c, i) => [c, (r.data as string[])[i]]));
        }
        await push(r.line, data);
      }
    }
  }
  await flush();
}

export async function collect(
  type: SourceType,
  config: SourceConfig,
  ctx: CollectorContext,
  params: CollectParams,
): Promise<void> {
  switch (type) {
    case 'feed':
      return collectFeed(config as FeedConfig, ctx);
    case 'json_api':
      return collectJsonApi(config as JsonApiConfig, ctx);
    case 'web':
      return collectWeb(config as WebConfig, ctx, params);
    case 'url':
      return collectUrls(config as UrlConfig, ctx, params);
    case 'file':
      return collectFile(config as FileConfig, ctx, params);
  }
}
