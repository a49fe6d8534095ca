/**
 * Reading posts out of fetched documents: RSS 2.0, Atom and JSON Feed entries; items of a web page (one page, or
 * one per element matching a selector) with CSS selectors and sensible defaults (Open Graph, schema.org, the main
 * text); records of a JSON document under a field mapping. Pure functions over cheerio and JSON, tested without
 * a network.
 */
import type { CheerioAPI } from '@crawlee/cheerio';
import { applyMapping, type Mapping, recordsAt, stripHtml } from '../mapping.ts';
import { PAGE_FIELDS } from '../source-config.ts';
import type { CollectedPost } from './types.ts';

type Cheerio = ReturnType<CheerioAPI>;

const clean = (s: string | undefined | null): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

/** Entries of an RSS, RDF or Atom feed (XML parsed by cheerio in XML mode). */
export function feedEntries($: CheerioAPI, baseUrl: string, maxItems = 10_000): CollectedPost[] {
  const out: CollectedPost[] = [];
  const resolve = (href: string | undefined) => {
    if (!href) return undefined;
    try {
      return new URL(href.trim(), baseUrl).toString();
    } catch {
      return undefined;
    }
  };
  const child = (el: Cheerio, ...names: string[]) => {
    for (const name of names) {
      const found = el.children(name.replace(/:/g, '\\:')).first();
      if (found.length) return found.text();
    }
    return undefined;
  };
  const items = $('item');
  items.each((i, node) => {
    if (out.length >= maxItems) return false;
    const el = $(node);
    const html = child(el, 'content:encoded', 'description') ?? '';
    const title = clean(child(el, 'title'));
    const guid = clean(child(el, 'guid'));
    out.push({
      locator: `item[${i}]`,
      external_id: guid,
      url: resolve(clean(child(el, 'link')) ?? (guid && /^https?:/.test(guid) ? guid : undefined)),
      title,
      text: stripHtml(html),
      author: clean(child(el, 'dc:creator', 'author')),
      posted_at: clean(child(el, 'pubDate', 'dc:date')),
    });
    return undefined;
  });
  $('entry').each((i, node) => {
    if (out.length >= maxItems) return false;
    const el = $(node);
    const links = el.children('link');
    const alternate = links.filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate').first();
    const content = el.children('content').first();
    const summary = el.children('summary').first();
    const body = content.length ? content : summary;
    const raw = body.text();
    const isHtml = /html/.test(body.attr('type') ?? '') || /<\w+[^>]*>/.test(raw);
    out.push({
      locator: `entry[${i}]`,
      external_id: clean(el.children('id').first().text()),
      url: resolve(alternate.attr('href') ?? links.first().attr('href')),
      title: clean(el.children('title').first().text()),
      text: isHtml ? stripHtml(raw) : raw.trim(),
      author: clean(el.children('author').first().children('name').first().text()),
      posted_at:
        clean(el.children('published').first().text()) ?? clean(el.children('updated').first().text()),
    });
    return undefined;
  });
  return out;
}

/** Items of a JSON Feed (https://jsonfeed.org) document. */
export function jsonFeedEntries(doc: unknown, maxItems = 10_000): CollectedPost[] | undefined {
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { items?: unknown }).items)) return undefined;
  const version = (doc as { version?: unknown }).version;
  if (typeof version !== 'string' || !version.includes('jsonfeed')) return undefined;
  return ((doc as { items: Record<string, unknown>[] }).items.slice(0, maxItems) ?? []).map((item, i) => {
    const authors = (item.authors ?? (item.author ? [item.author] : [])) as { name?: string }[];
    return {
      locator: `items[${i}]`,
      external_id: item.id === undefined ? undefined : String(item.id),
      url: typeof item.url === 'string' ? item.url : undefined,
      title: typeof item.title === 'string' ? item.title : undefined,
      text:
        typeof item.content_text === 'string'
          ? item.content_text
          : typeof item.content_html === 'string'
            ? stripHtml(item.content_html)
            : typeof item.summary === 'string'
              ? item.summary
              : undefined,
      author: authors[0]?.name,
      posted_at: typeof item.date_published === 'string' ? item.date_published : undefined,
    };
  });
}

/** Records of a JSON document under a mapping; records without the mapped text are returned with no text. */
export function mappedRecords(
  doc: unknown,
  itemsPath: string,
  mapping: Mapping,
): { posts: CollectedPost[] } | { error: string } {
  const records = recordsAt(doc, itemsPath);
  if (!records)
    return {
      error: itemsPath
        ? `no array of records at "${itemsPath}"`
        : 'the answer is not an array of records (set items_path)',
    };
  return {
    posts: records.map((record, i) => ({
      locator: `${itemsPath || '$'}[${i}]`,
      ...postFromMapped(applyMapping(record, mapping)),
    })),
  };
}

/** Mapped fields (all text) to a collected post's fields. */
export function postFromMapped(m: Record<string, string | undefined>): Omit<CollectedPost, 'locator'> {
  return {
    external_id: m.id,
    text: m.text,
    title: m.title,
    url: m.url,
    author: m.author,
    author_url: m.author_url,
    price: m.price,
    currency: m.currency,
    posted_at: m.posted_at,
    platform: m.platform,
    kind: m.kind,
    phone: m.phone,
    email: m.email,
    company: m.company,
    address: m.address,
  };
}

const DEFAULT_SELECTORS: Record<string, string[]> = {
  title: ['meta[property="og:title"]@content', 'h1', 'title'],
  text: [
    '[itemprop=description]',
    '.description',
    'article',
    'main',
    'meta[property="og:description"]@content',
    'meta[name=description]@content',
    'body',
  ],
  price: [
    '[itemprop=price]@content',
    '[itemprop=price]',
    'meta[property="product:price:amount"]@content',
    'meta[property="og:price:amount"]@content',
  ],
  currency: [
    '[itemprop=priceCurrency]@content',
    'meta[property="product:price:currency"]@content',
    'meta[property="og:price:currency"]@content',
  ],
  author: ['[itemprop=seller] [itemprop=name]', '[rel=author]', 'meta[name=author]@content'],
  author_url: ['[itemprop=seller] a@href', 'a[rel=author]@href'],
  posted_at: ['meta[property="article:published_time"]@content', 'time[datetime]@datetime'],
  url: ['link[rel=canonical]@href', 'meta[property="og:url"]@content'],
};

const ITEM_DEFAULTS: Record<string, string[]> = {
  title: ['h1', 'h2', 'h3', '.title', 'a'],
  text: ['[itemprop=description]', '.description', '.text', 'p'],
  price: ['[itemprop=price]@content', '[itemprop=price]', '.price'],
  currency: ['[itemprop=priceCurrency]@content'],
  author: ['[itemprop=seller] [itemprop=name]', '.seller', '.author'],
  author_url: ['[itemprop=seller] a@href', '.seller a@href', '.author a@href'],
  posted_at: ['time[datetime]@datetime'],
  url: ['a@href'],
};

const URL_FIELDS = new Set(['url', 'author_url']);
const BLOCK_TEXT = new Set(['text']);

function pick($: CheerioAPI, scope: Cheerio | null, selectors: string[], field: string, base: string) {
  for (const spec of selectors) {
    const at = spec.lastIndexOf('@');
    const attr = at > 0 && /^[\w:-]+$/.test(spec.slice(at + 1)) ? spec.slice(at + 1) : null;
    const selector = attr ? spec.slice(0, at) : spec;
    let found: Cheerio;
    try {
      found = (scope ? scope.find(selector) : $(selector)).first();
    } catch {
      continue;
    }
    if (!found.length) continue;
    let value: string | undefined;
    if (attr) value = clean(found.attr(attr));
    else if (BLOCK_TEXT.has(field)) {
      const copy = found.clone();
      copy.find('script, style, noscript, nav, header, footer').remove();
      value = stripHtml(copy.html() ?? '') || undefined;
    } else value = clean(found.text());
    if (!value) continue;
    if (URL_FIELDS.has(field)) {
      try {
        value = new URL(value, base).toString();
      } catch {
        continue;
      }
    }
    return value;
  }
  return undefined;
}

export interface PageExtraction {
  itemSelector?: string | undefined;
  fields?: Partial<Record<string, string | string[]>> | undefined;
  platform?: string | undefined;
  kind?: string | undefined;
}

/** Posts of a web page: the page itself, or one per element matching `itemSelector`. */
export function pageItems($: CheerioAPI, pageUrl: string, options: PageExtraction = {}): CollectedPost[] {
  const fields = options.fields ?? {};
  const selectorsFor = (field: string, defaults: Record<string, string[]>) => {
    const own = fields[field];
    return own === undefined ? (defaults[field] ?? []) : Array.isArray(own) ? own : [own];
  };
  const read = (scope: Cheerio | null, defaults: Record<string, string[]>) => {
    const v: Record<string, string | undefined> = {};
    for (const name of PAGE_FIELDS) v[name] = pick($, scope, selectorsFor(name, defaults), name, pageUrl);
    return v;
  };
  if (options.itemSelector) {
    const out: CollectedPost[] = [];
    $(options.itemSelector).each((i, node) => {
      const v = read($(node), ITEM_DEFAULTS);
      out.push({
        locator: `${options.itemSelector}[${i}]`,
        ...postFromMapped(v),
        url: v.url ?? `${pageUrl}#${i}`,
        platform: options.platform,
        kind: options.kind ?? 'listing',
      });
    });
    return out;
  }
  const v = read(null, DEFAULT_SELECTORS);
  return [
    {
      locator: 'page',
      ...postFromMapped(v),
      url: pageUrl,
      platform: options.platform,
      kind: options.kind ?? 'page',
    },
  ];
}
