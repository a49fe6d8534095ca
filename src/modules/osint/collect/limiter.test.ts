/**
 * The connection-level guard against private addresses: whatever a name resolves to at connection time is
 * checked, so a public name pointing at the private network (or changing its answer after a first check) is refused.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, publicOnlyLookup } from './limiter.ts';

type Resolver = Parameters<typeof publicOnlyLookup>[0];

function resolver(answers: Record<string, LookupAddress[]>): Resolver {
  return ((
    hostname: string,
    _options: LookupOptions,
    callback: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void,
  ) => {
    const found = answers[hostname];
    if (!found)
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    else callback(null, found);
  }) as unknown as Resolver;
}

const ask = (lookup: ReturnType<typeof publicOnlyLookup>, host: string, options: LookupOptions = {}) =>
  new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number | undefined }>(
    (resolve) => lookup(host, options, (error, address, family) => resolve({ error, address, family })),
  );

describe('public-only DNS lookup', () => {
  const lookup = publicOnlyLookup(
    resolver({
      'rebind.example': [{ address: '127.0.0.1', family: 4 }],
      'mixed.example': [
        { address: '93.184.215.14', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ],
      'v6.example': [{ address: 'fd00::1', family: 6 }],
      'shop.example': [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    }),
  );

  it('refuses a public name that resolves to a loopback, private or unique-local address', async () => {
    for (const host of ['rebind.example', 'mixed.example', 'v6.example']) {
      const { error } = await ask(lookup, host);
      expect(error?.code).toBe('EPRIVATEADDRESS');
      expect(error?.message).toMatch(/is a private or loopback address/);
    }
  });

  it('passes resolution errors through', async () => {
    expect((await ask(lookup, 'nowhere.example')).error?.code).toBe('ENOTFOUND');
  });

  it('answers public addresses the way the caller asked: one address, or all of them', async () => {
    expect(await ask(lookup, 'shop.example')).toMatchObject({
      error: null,
      address: '93.184.215.14',
      family: 4,
    });
    const all = await ask(lookup, 'shop.example', { all: true });
    expect(all.error).toBeNull();
    expect(all.address).toHaveLength(2);
  });

  it('knows the private ranges', () => {
    expect(
      ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '::1'].map(isPrivateAddress),
    ).toEqual([true, true, true, true, true, true]);
    expect(isPrivateAddress('93.184.215.14')).toBe(false);
  });
});
