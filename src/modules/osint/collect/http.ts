/**
 * Polite HTTP fetching for every source that reads the web (feeds, JSON APIs, pages, whole sites, submitted URLs),
 * through Crawlee's CheerioCrawler: robots.txt honoured (start URLs and followed links alike), a per-host rate
 * limit (HostLimiter: requests spaced 1 / rate apart, Retry-After obeyed), retries of failed requests, depth, page
 * and URL-pattern limits, a size limit, a user agent that says who we are, and no fetching from private addresses
 * unless a source allows it. Storage stays in memory: nothing is written to disk.
 *
 * Crawlee weighs ~0.7 s to load; this file loads it only when a crawl starts.
 */
import type { CheerioAPI } from '@crawlee/cheerio';
import { canonicalUrl } from '../urls.ts';
import {
  assertPublicHost,
  HostLimiter,
  isPrivateHostLiteral,
  PrivateAddressError,
  publicOnlyLookup,
} from './limiter.ts';

export interface FetchedDocument {
  /** The URL asked for. */
  url: string;
  /** The URL answered, after redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string | string[]>;
  /** MIME type without parameters, e.g. `text/html`. */
  mimeType: string | null;
  /** The content: the bytes received, or for HTML and XML the text as decoded from its charset, in UTF-8. */
  body: Buffer;
  fetchedAt: Date;
  depth: number;
  userData: Record<string, unknown>;
  /** The document parsed as HTML or XML (cheerio). */
  parse(mode: 'html' | 'xml'): Promise<CheerioAPI>;
}

export interface CrawlProblem {
  url: string;
  code: string;
  message: string;
  status?: number | undefined;
}

export interface CrawlOptions {
  startUrls: { url: string; userData?: Record<string, unknown> }[];
  /** 0: the start URLs only. Links followed (`followLinks`) and requests added by `onDocument` count as one level. */
  maxDepth: number;
  maxPages: number;
  /** Follow `<a href>` links of HTML pages (up to maxDepth). */
  followLinks: boolean;
  sameHost: boolean;
  follow?: RegExp[] | undefined;
  exclude?: RegExp[] | undefined;
  ratePerSecond: number;
  maxConcurrency?: number | undefined;
  retries: number;
  timeoutSeconds: number;
  maxBytes: number;
  userAgent: string;
  allowPrivateNetwork: boolean;
  signal?: AbortSignal | undefined;
  /** Called for every document fetched with a 2xx status; may add requests (pagination). */
  onDocument(
    document: FetchedDocument,
    add: (urls: string[], userData?: Record<string, unknown>) => Promise<void>,
  ): Promise<void>;
  onProblem(problem: CrawlProblem): void;
  onSkipped?(url: string, reason: string): void;
}

export interface CrawlSummary {
  fetched: number;
  failed: number;
  skipped: number;
  durationMs: number;
}

const EXTRA_MIME_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/ld+json',
  'application/x-ndjson',
  'text/json',
  'text/plain',
];

let crawleeQuiet = false;
let sharedLoad: CheerioAPI['load'] | undefined;

/** Crawls from the start URLs; resolves when done, rejects with the signal's reason when aborted. */
export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const crawlee = await import('@crawlee/cheerio');
  const { CheerioCrawler, Configuration, NonRetryableError, log, LogLevel } = crawlee;
  if (!crawleeQuiet) {
    log.setLevel(LogLevel.OFF);
    crawleeQuiet = true;
  }
  const started = performance.now();
  const limiter = new HostLimiter(options.ratePerSecond);
  const summary = { fetched: 0, failed: 0, skipped: 0 };
  const seenSkips = new Set<string>();
  const concurrency =
    options.maxConcurrency ??
    Math.max(1, Math.min(8, Math.ceil(options.ratePerSecond * Math.min(options.timeoutSeconds, 2))));
  const startHosts = new Set(options.startUrls.map((s) => new URL(s.url).hostname));
  const allowed = (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    if (options.sameHost && !startHosts.has(u.hostname)) return false;
    if (options.exclude?.some((r) => r.test(url))) return false;
    if (options.follow && !options.follow.some((r) => r.test(url))) return false;
    return true;
  };
  const skip = (url: string, reason: string) => {
    const key = `${reason} ${url}`;
    if (seenSkips.has(key)) return;
    seenSkips.add(key);
    summary.skipped++;
    options.onSkipped?.(url, reason);
  };

  const guardedLookup = publicOnlyLookup();
  const config = new Configuration({ persistStorage: false, purgeOnStart: true, availableMemoryRatio: 0.5 });
  // Crawlee reads a host's robots.txt before any hook runs: a private host must not even be asked for that.
  class GuardedCrawler extends CheerioCrawler {
    protected override async getRobotsTxtFileForUrl(url: string) {
      if (!options.allowPrivateNetwork) {
        try {
          await assertPublicHost(url);
        } catch {
          return undefined;
        }
      }
      return super.getRobotsTxtFileForUrl(url);
    }
  }
  const crawler = new GuardedCrawler(
    {
      respectRobotsTxtFile: { userAgent: options.userAgent },
      maxRequestRetries: options.retries,
      maxRequestsPerCrawl: options.maxPages,
      maxCrawlDepth: options.maxDepth,
      maxConcurrency: concurrency,
      minConcurrency: concurrency,
      navigationTimeoutSecs: options.timeoutSeconds,
      requestHandlerTimeoutSecs: Math.max(120, options.timeoutSeconds * 3),
      useSessionPool: false,
      persistCookiesPerSession: false,
      additionalMimeTypes: EXTRA_MIME_TYPES,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.05, loggingIntervalSecs: null },
      statisticsOptions: { logIntervalSecs: 3600, saveErrorSnapshots: false },
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          if (!options.allowPrivateNetwork) {
            try {
              await assertPublicHost(request.url);
            } catch (error) {
              throw new NonRetryableError(
                error instanceof PrivateAddressError
                  ? error.message
                  : `${request.url}: ${(error as Error).message}`,
              );
            }
          }
          await limiter.wait(new URL(request.url).hostname, options.signal);
          const got = gotOptions as Record<string, unknown>;
          got.useHeaderGenerator = false;
          got.headers = {
            ...(gotOptions.headers as Record<string, string> | undefined),
            'user-agent': options.userAgent,
            accept:
              'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/json;q=0.9,*/*;q=0.5',
            ...((request.userData.headers as Record<string, string> | undefined) ?? {}),
          };
          if (!options.allowPrivateNetwork) {
            // The connection's own lookup refuses private addresses (redirects and DNS rebinding included).
            // got-scraping's HTTP/2 negotiation opens its own sockets without that lookup: HTTP/1.1 here.
            got.dnsLookup = guardedLookup;
            got.http2 = false;
            got.hooks = {
              beforeRedirect: [
                (redirect: { url: URL }) => {
                  if (isPrivateHostLiteral(redirect.url.hostname))
                    throw new Error(`redirected to a private address (${redirect.url.hostname})`);
                },
              ],
            };
          }
        },
      ],
      postNavigationHooks: [
        async ({ request, response }) => {
          const length = Number(response?.headers['content-length'] ?? 0);
          if (length > options.maxBytes)
            throw new NonRetryableError(
              `${request.url}: ${length} bytes, over the limit of ${options.maxBytes}`,
            );
        },
      ],
      async requestHandler(context) {
        const { request, response, body } = context;
        const status = response.statusCode ?? 0;
        const host = new URL(request.url).hostname;
        if (status === 429 || status === 503) {
          const retryAfter = Number(response.headers['retry-after']);
          limiter.backOff(host, Number.isFinite(retryAfter) ? retryAfter : 5);
          throw new Error(`${status} - the server asks to slow down`);
        }
        if (status >= 400) {
          summary.failed++;
          options.onProblem({
            url: request.url,
            code: 'fetch.http_status',
            message: `${request.url}: HTTP ${status}`,
            status,
          });
          return;
        }
        const buffer = Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? ''), 'utf8');
        if (buffer.length > options.maxBytes) {
          summary.failed++;
          options.onProblem({
            url: request.url,
            code: 'fetch.too_large',
            message: `${request.url}: ${buffer.length} bytes, over the limit of ${options.maxBytes}`,
            status,
          });
          return;
        }
        const mimeType = context.contentType?.type ?? null;
        let html: CheerioAPI | undefined = (context as { $?: CheerioAPI }).$;
        if (html) sharedLoad ??= html.load;
        const text = () => buffer.toString('utf8');
        const document: FetchedDocument = {
          url: request.url,
          finalUrl: request.loadedUrl ?? request.url,
          status,
          headers: response.headers as Record<string, string | string[]>,
          mimeType,
          body: buffer,
          fetchedAt: new Date(),
          depth: request.crawlDepth ?? 0,
          userData: request.userData as Record<string, unknown>,
          parse: async (mode) => {
            if (mode === 'html' && html) return html;
            // Any loaded document can load another; the first one costs a parse as HTML.
            sharedLoad ??= (await context.parseWithCheerio()).load;
            const $ = sharedLoad(text(), mode === 'xml' ? { xmlMode: true } : {});
            if (mode === 'html') html = $;
            return $;
          },
        };
        summary.fetched++;
        const add = async (urls: string[], userData: Record<string, unknown> = {}) => {
          const ok = urls.filter((u) => {
            try {
              return ['http:', 'https:'].includes(new URL(u).protocol);
            } catch {
              return false;
            }
          });
          if (ok.length)
            await context.addRequests(
              ok.map((url) => ({ url, uniqueKey: canonicalUrl(url) ?? url, userData: { ...userData } })),
            );
        };
        await options.onDocument(document, add);
        if (options.followLinks && mimeType && /html/.test(mimeType)) {
          await context.enqueueLinks({
            strategy: 'all',
            transformRequestFunction: (req) => {
              if (!allowed(req.url)) return false;
              req.uniqueKey = canonicalUrl(req.url) ?? req.url;
              return req;
            },
          });
        }
      },
      failedRequestHandler({ request, response }, error) {
        summary.failed++;
        const message = error.message.split('\n')[0]!.slice(0, 300);
        const code = /private or loopback|private address/.test(message)
          ? 'fetch.private_address'
          : /Content-Type/.test(message)
            ? 'fetch.unsupported_type'
            : /timed? ?out/i.test(message)
              ? 'fetch.timeout'
              : /over the limit/.test(message)
                ? 'fetch.too_large'
                : /^\d{3} - /.test(message)
                  ? 'fetch.http_status'
                  : 'fetch.failed';
        options.onProblem({
          url: request.url,
          code,
          message: message.startsWith(request.url) ? message : `${request.url}: ${message}`,
          status: response?.statusCode ?? (Number(/^(\d{3}) - /.exec(message)?.[1]) || undefined),
        });
      },
      onSkippedRequest: async ({ url, reason }) => {
        skip(url, reason === 'robotsTxt' ? 'robots.txt' : reason);
      },
    },
    config,
  );
  const abort = () => {
    void crawler.teardown();
  };
  options.signal?.throwIfAborted();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await crawler.run(
      options.startUrls.map((s) => ({
        url: s.url,
        uniqueKey: canonicalUrl(s.url) ?? s.url,
        userData: s.userData ?? {},
      })),
    );
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  options.signal?.throwIfAborted();
  if (summary.fetched + summary.failed >= options.maxPages && options.maxPages > options.startUrls.length)
    options.onSkipped?.(options.startUrls[0]?.url ?? '', 'limit');
  return { ...summary, durationMs: performance.now() - started };
}
