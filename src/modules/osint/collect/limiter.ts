/**
 * A per-host rate limit: requests to one host are spaced 1 / rate seconds apart, whatever the concurrency, and a
 * host that answers 429 or 503 with Retry-After is left alone for that long (at most a minute).
 */

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export class HostLimiter {
  private readonly next = new Map<string, number>();
  private readonly interval: number;

  constructor(ratePerSecond: number) {
    this.interval = 1000 / ratePerSecond;
  }

  /** Waits for the next slot of the host (slots are booked in call order). */
  async wait(host: string, signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.next.get(host) ?? now);
    this.next.set(host, slot + this.interval);
    const delay = slot - now;
    if (delay <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(done, delay);
      function done() {
        signal?.removeEventListener('abort', abort);
        resolve();
      }
      function abort() {
        clearTimeout(timer);
        reject(signal?.reason ?? new Error('aborted'));
      }
      signal?.addEventListener('abort', abort, { once: true });
    });
  }

  /** Pushes the host's next slot back (Retry-After). */
  backOff(host: string, seconds: number): void {
    const until = performance.now() + Math.min(60, Math.max(0, seconds)) * 1000;
    this.next.set(host, Math.max(this.next.get(host) ?? 0, until));
  }
}

/** Loopback, private, link-local, unique-local, CGNAT and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (version === 6) {
    const v = address.toLowerCase();
    if (v.startsWith('::ffff:')) return isPrivateAddress(v.slice(7));
    return v === '::' || v === '::1' || /^f[cd]/.test(v) || /^fe[89ab]/.test(v);
  }
  return false;
}

/** A host name that needs no DNS to be known as private. */
export function isPrivateHostLiteral(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h);
}

/** Throws when the URL's host is, or resolves to, a private address (a server must not be made to fetch those). */
export async function assertPublicHost(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isPrivateHostLiteral(host)) throw new PrivateAddressError(url, host);
  if (isIP(host)) return;
  const addresses = await lookup(host, { all: true });
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw new PrivateAddressError(url, bad.address);
}

export class PrivateAddressError extends Error {
  constructor(
    readonly url: string,
    readonly address: string,
  ) {
    super(`${url}: ${address} is a private or loopback address (allow_private_network is off)`);
    this.name = 'PrivateAddressError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for the connections themselves (got's `dnsLookup`) that refuses private and loopback addresses:
 * the address checked is the address connected to, for the first request and for every redirect, so neither a
 * public name that resolves to a private address nor a name that changes its answer between a check and the
 * connection (DNS rebinding) reaches the private network. `resolve` is for tests.
 */
export function publicOnlyLookup(resolve: typeof dnsLookup = dnsLookup) {
  return (hostname: string, options: LookupOptions | LookupCallback, callback?: LookupCallback): void => {
    const done = (typeof options === 'function' ? options : callback) as LookupCallback;
    const wanted = typeof options === 'function' ? {} : options;
    resolve(hostname, { ...wanted, all: true }, (error, addresses) => {
      if (error) return done(error, []);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) {
        const refused = new PrivateAddressError(`http://${hostname}/`, bad.address) as NodeJS.ErrnoException;
        refused.code = 'EPRIVATEADDRESS';
        return done(refused, []);
      }
      if (wanted.all) return done(null, addresses);
      const first = addresses[0];
      if (!first) return done(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
      done(null, first.address, first.family);
    });
  };
}
