/**
 * A collected post made ready to store: validation of what collectors read (located problems, never a stopped
 * batch: warnings for what was repaired, an error for what cannot be used), the item's key (canonical URL, else
 * platform and id, else source, author and content hash: how the same item met again is recognised), the text
 * analysed and hashed, and the analysis as stored columns. Storing is store-item.ts; reading, item-views.ts.
 */
import type { AnalysisResult, Post } from './analysis/index.ts';
import type { CollectedPost, LocatedProblem } from './collect/types.ts';
import { ITEM_KINDS } from './source-config.ts';
import type { OsintLabel } from './tables.ts';
import { canonicalUrl } from './urls.ts';

export interface ValidPost {
  locator: string;
  external_id: string | null;
  platform: string | null;
  kind: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  text: string;
  text_truncated: boolean;
  author: string | null;
  author_url: string | null;
  price: number | null;
  currency: string | null;
  posted_at: Date | null;
  attributes: { phone?: string; email?: string; company?: string; address?: string };
}

const cap = (s: string | undefined | null, n: number) => {
  const t = s?.trim();
  return t ? t.slice(0, n) : null;
};

/** Binary data read as text: NUL characters, or many control characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control > 4 && control / n > 0.05;
}

export function parsePrice(raw: string | number | undefined): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  let s = raw.replace(/[^\d.,-]/g, '');
  if (s.includes(',') && s.includes('.')) {
    s =
      s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (s.includes(',')) {
    s = /,\d{3}$/.test(s) && !/,\d{1,2}$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  }
  const n = Number(s);
  return s && Number.isFinite(n) ? n : null;
}

export function parseDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  const t = raw.trim();
  let ms: number;
  if (/^\d{9,13}$/.test(t)) ms = t.length <= 10 ? Number(t) * 1000 : Number(t);
  else ms = Date.parse(t);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (d.getUTCFullYear() < 1995 || ms > Date.now() + 86_400_000) return null;
  return d;
}

/** Checks and cleans a collected post; warnings for what was repaired, an error for what cannot be used. */
export function validatePost(
  p: CollectedPost,
  where: string,
  maxTextChars: number,
): { post: ValidPost; warnings: LocatedProblem[] } | { error: LocatedProblem } {
  const warnings: LocatedProblem[] = [];
  const title = cap(p.title, 1000);
  let text = typeof p.text === 'string' ? p.text.trim() : '';
  if (!text && title) text = title;
  if (!text)
    return {
      error: {
        where,
        severity: 'error',
        code: 'item.no_text',
        message: `${where}: no text (expected a text, a caption or a description)`,
      },
    };
  if (looksBinary(text) || (title && looksBinary(title)))
    return {
      error: { where, severity: 'error', code: 'item.binary', message: `${where}: binary content, not text` },
    };
  if (text.includes('\uFFFD'))
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.encoding',
      message: `${where}: characters that could not be decoded (wrong encoding?)`,
    });
  let truncated = false;
  if (text.length > maxTextChars) {
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.text_truncated',
      message: `${where}: text of ${text.length.toLocaleString('en-US')} characters kept and analysed on its first ${maxTextChars.toLocaleString('en-US')}`,
    });
    text = text.slice(0, maxTextChars);
    truncated = true;
  }
  const price = parsePrice(p.price);
  if (p.price !== undefined && p.price !== '' && price === null)
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.bad_price',
      message: `${where}: price "${String(p.price).slice(0, 40)}" is not a number`,
    });
  const postedAt = parseDate(p.posted_at);
  if (p.posted_at && !postedAt)
    warnings.push({
      where,
      severity: 'warning',
      code: 'item.bad_date',
      message: `${where}: date "${p.posted_at.slice(0, 40)}" not understood`,
    });
  const url = cap(p.url, 2000);
  const kind =
    p.kind && (ITEM_KINDS as readonly string[]).includes(p.kind.toLowerCase())
      ? p.kind.toLowerCase()
      : 'post';
  const attributes: ValidPost['attributes'] = {};
  for (const k of ['phone', 'email', 'company', 'address'] as const) {
    const v = cap(p[k], 500);
    if (v) attributes[k] = v;
  }
  return {
    post: {
      locator: p.locator,
      external_id: cap(p.external_id, 300),
      platform: cap(p.platform, 60)?.toLowerCase() ?? null,
      kind,
      url,
      canonical_url: canonicalUrl(url),
      title,
      text,
      text_truncated: truncated,
      author: cap(p.author, 300),
      author_url: cap(p.author_url, 2000),
      price,
      currency: cap(p.currency, 10)?.toUpperCase() ?? null,
      posted_at: postedAt,
      attributes,
    },
    warnings,
  };
}

/** The text analysed and hashed: the title, then the text when it does not start with it. */
export function analysedText(post: { title: string | null; text: string }): string {
  return post.title && !post.text.startsWith(post.title) ? `${post.title}\n${post.text}` : post.text;
}

export function itemKey(post: ValidPost, sourceId: number, hash: string): string {
  if (post.canonical_url) return `url:${post.canonical_url}`;
  if (post.external_id) return `id:${post.platform ?? `source-${sourceId}`}:${post.external_id}`;
  return `hash:${sourceId}:${post.author?.toLowerCase() ?? ''}:${hash}`;
}

export function toAnalysisInput(post: ValidPost, key: string): Post {
  return {
    id: key,
    text: analysedText(post),
    url: post.url,
    platform: post.platform,
    author: post.author,
    price: post.price,
    currency: post.currency,
    posted_at: post.posted_at?.toISOString() ?? null,
  };
}

/** An analysis as the columns of its item (stored, and replaced by a re-analysis). */
export function analysisColumns(a: AnalysisResult, modelVersion: number) {
  return {
    label: a.label as OsintLabel,
    score: a.score,
    scores: JSON.stringify(a.scores),
    reasons: JSON.stringify(a.reasons),
    signals: JSON.stringify(a.signals),
    entities: JSON.stringify(a.entities),
    language: a.language.language,
    model_version: modelVersion,
  };
}
