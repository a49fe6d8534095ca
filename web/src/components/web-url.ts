/**
 * An address from imported or collected data (an online post's URL) becomes a link only when it is http(s):
 * `javascript:`, `data:` and the like are shown as text. React 19 already blocks `javascript:` in href, but a
 * link that cannot be followed is no better than the text, and `data:`/`blob:` are not blocked.
 */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
