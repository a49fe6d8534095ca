/**
 * Canonical URLs: one form for every link to one page, so that the same page reached by several links is fetched
 * once (collect/http.ts) and the same item met again is recognised by its URL (items.ts), and one form for a
 * seller's shop or profile URL (identifiers.ts). Tracking parameters are dropped, the host lower-cased without
 * `www.` / `m.` / `mobile.`, the default port, the fragment and the trailing slash removed, the remaining
 * parameters sorted.
 */

/** Query parameters that only say where a click came from. Lower-case; `utm_*` is matched by prefix. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  'igshid',
  'igsh',
  'mibextid',
  'rdid',
  'sfnsn',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'share_id',
  'share_app_id',
  'sender_device',
  'is_from_webapp',
  'is_copy_url',
  'spm',
  'scm',
  'si',
  'feature',
  '__tn__',
]);

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || k.startsWith('__cft__') || TRACKING_PARAMS.has(k);
}

/**
 * The canonical form of a URL, or null when it is not an http(s) URL.
 *
 * @example
 * canonicalUrl('HTTPS://WWW.Shop.ma:443/Item/12/?utm_source=fb&b=2&a=1#photos') // 'https://shop.ma/Item/12?a=1&b=2'
 */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www\d?|m|mobile)\./, '');
  const port =
    u.port && !(u.protocol === 'http:' && u.port === '80') && !(u.protocol === 'https:' && u.port === '443');
  let path = u.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !isTracking(k))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${u.protocol}//${host}${port ? `:${u.port}` : ''}${path}${query}`;
}

/** Host of a URL without `www.`, lower-case; null when it is not a URL. */
export function hostOf(raw: string | null | undefined): string | null {
  const c = canonicalUrl(raw);
  return c ? new URL(c).hostname : null;
}
