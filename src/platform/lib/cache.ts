/**
 * Small in-process caches of what every scoring reads (watchlists, settings, exchange rates): kept a few seconds,
 * dropped at once when this process changes them. Other processes see a change within the lifetime.
 */
const entries = new Map<string, { at: number; value: Promise<unknown> }>();
const LIFETIME_MS = 5000;

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < LIFETIME_MS) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at: Date.now(), value });
  value.catch(() => entries.delete(key));
  return value;
}

export function forget(key?: string): void {
  if (key === undefined) entries.clear();
  else entries.delete(key);
}
