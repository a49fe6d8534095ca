/**
 * What each type of source needs, validated with zod; a bad configuration is refused with every problem located
 * (`config.mapping.text: …`, `config.start_urls[1]: …`). Politeness settings are shared by every type that
 * fetches over HTTP: a rate per host, retries, a timeout, a size limit, a user agent that says who we are, and
 * robots.txt, always honoured.
 */
import { z } from 'zod';
import { AppError } from '../../platform/lib/errors.ts';
import { mappingSchema } from './mapping.ts';

export const SOURCE_TYPES = ['feed', 'json_api', 'web', 'file', 'url'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const ITEM_KINDS = ['post', 'listing', 'video', 'comment', 'ad', 'page'] as const;

export const DEFAULT_USER_AGENT = 'VigieBot/0.1 (customs online monitoring; honours robots.txt)';

export const httpUrl = z
  .string()
  .max(2000)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');

const regex = z
  .string()
  .min(1)
  .max(500)
  .refine((r) => {
    try {
      new RegExp(r);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

const cssSelector = z.string().min(1).max(300);

/** Politeness and limits of HTTP fetching. */
export const httpOptions = {
  /** Requests per second to one host. */
  rate_per_second: z.number().positive().max(50).default(1),
  max_concurrency: z.number().int().min(1).max(16).optional(),
  retries: z.number().int().min(0).max(5).default(2),
  timeout_seconds: z.number().int().min(1).max(120).default(20),
  max_bytes: z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  user_agent: z.string().min(3).max(200).default(DEFAULT_USER_AGENT),
  /** Fetch from loopback and private addresses (fixtures, an intranet). Only an administrator may set it. */
  allow_private_network: z.boolean().default(false),
};

const itemDefaults = {
  platform: z.string().min(1).max(60).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  /** Score from which a post raises an alert (default 0.8). */
  alert_threshold: z.number().min(0).max(1).default(0.8),
};

export const feedConfigSchema = z
  .object({
    url: httpUrl,
    max_items: z.number().int().min(1).max(10_000).default(500),
    ...httpOptions,
    ...itemDefaults,
  })
  .strict();

export const jsonApiConfigSchema = z
  .object({
    url: httpUrl,
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'expected a header name'), z.string().max(2000))
      .optional(),
    /** Where the array of records is in the answer ('' = the answer is the array). */
    items_path: z.string().max(300).default(''),
    mapping: mappingSchema,
    /** Pagination: a path in the answer holding the next URL, or a page number parameter. */
    next: z
      .union([
        z.object({ path: z.string().min(1).max(300) }).strict(),
        z
          .object({
            param: z.string().min(1).max(60),
            start: z.number().int().default(1),
            step: z.number().int().min(1).default(1),
          })
          .strict(),
      ])
      .optional(),
    max_pages: z.number().int().min(1).max(1000).default(10),
    ...httpOptions,
    ...itemDefaults,
  })
  .strict();

/** A field extracted from a page: CSS selectors (the first non-empty wins), `@attr` for an attribute. */
const selectorSpec = z.union([cssSelector, z.array(cssSelector).min(1).max(10)]);
export const PAGE_FIELDS = [
  'id',
  'title',
  'text',
  'url',
  'author',
  'author_url',
  'price',
  'currency',
  'posted_at',
  'phone',
  'email',
  'company',
  'address',
] as const;

export const webConfigSchema = z
  .object({
    start_urls: z.array(httpUrl).min(1).max(100),
    /** Links followed from the start pages: 0 fetches the start pages only. */
    max_depth: z.number().int().min(0).max(10).default(1),
    max_pages: z.number().int().min(1).max(100_000).default(200),
    same_host: z.boolean().default(true),
    /** Follow only links matching one of these (regular expressions on the absolute URL). */
    follow: z.array(regex).max(50).optional(),
    /** Never follow links matching one of these. */
    exclude: z.array(regex).max(50).optional(),
    /** Pages holding items (default: every page fetched). */
    item_urls: z.array(regex).max(50).optional(),
    /** Several items on one page: a selector for each item, fields relative to it. */
    item_selector: cssSelector.optional(),
    fields: z
      .object(Object.fromEntries(PAGE_FIELDS.map((f) => [f, selectorSpec.optional()])))
      .strict()
      .optional(),
    ...httpOptions,
    ...itemDefaults,
  })
  .strict();

export const fileConfigSchema = z
  .object({
    format: z.enum(['ndjson', 'csv', 'json']),
    encoding: z.string().max(40).optional(),
    delimiter: z.string().max(3).optional(),
    /** JSON documents: where the array of records is ('' = the document is the array). */
    items_path: z.string().max(300).default(''),
    mapping: mappingSchema,
    /** A file under `<data dir>/osint-inbox/` read at each scheduled run (when its content changed). */
    inbox_file: z
      .string()
      .max(300)
      .regex(/^(?!\/)(?!.*\.\.)[\w.\-/ ]+$/, 'expected a relative path inside the inbox folder')
      .optional(),
    max_text_chars: z.number().int().min(100).max(1_000_000).default(50_000),
    ...itemDefaults,
  })
  .strict();

export const urlConfigSchema = z
  .object({ urls: z.array(httpUrl).max(1000).default([]), ...httpOptions, ...itemDefaults })
  .strict();

export const CONFIG_SCHEMAS = {
  feed: feedConfigSchema,
  json_api: jsonApiConfigSchema,
  web: webConfigSchema,
  file: fileConfigSchema,
  url: urlConfigSchema,
} as const;

export type FeedConfig = z.infer<typeof feedConfigSchema>;
export type JsonApiConfig = z.infer<typeof jsonApiConfigSchema>;
export type WebConfig = z.infer<typeof webConfigSchema>;
export type FileConfig = z.infer<typeof fileConfigSchema>;
export type UrlConfig = z.infer<typeof urlConfigSchema>;
export type SourceConfig = FeedConfig | JsonApiConfig | WebConfig | FileConfig | UrlConfig;
export type HttpConfig = FeedConfig | JsonApiConfig | WebConfig | UrlConfig;

export interface ConfigProblem {
  path: string;
  message: string;
}

/** Problems as `config.a.b[2]: message`. */
export function locate(issues: readonly z.core.$ZodIssue[], prefix = 'config'): ConfigProblem[] {
  return issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : `${acc}.${String(seg)}`),
      prefix,
    ),
    message: issue.message,
  }));
}

/** Validates a configuration for its type; throws `osint.invalid_config` (400) listing every problem. */
export function parseSourceConfig(type: SourceType, config: unknown): SourceConfig {
  const schema = CONFIG_SCHEMAS[type];
  if (!schema) throw new AppError('osint.invalid_config', `unknown source type ${type}`, 400);
  const parsed = schema.safeParse(config ?? {});
  if (!parsed.success) {
    const problems = locate(parsed.error.issues);
    throw new AppError(
      'osint.invalid_config',
      `invalid ${type} source configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      400,
      { problems },
    );
  }
  return parsed.data;
}
