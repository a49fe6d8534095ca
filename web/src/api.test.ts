import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthorised, query } from './api.ts';

afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('turns error answers into ApiError with the server code, and reports a lost session', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'auth.required', message: 'sign in first' }), { status: 401 }),
      ),
    );
    const lost = vi.fn();
    const stop = onUnauthorised(lost);
    const error = await api('/api/declarations').catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'auth.required', message: 'sign in first' });
    expect(lost).toHaveBeenCalledOnce();
  });

  it('says when the server cannot be reached, and sends JSON bodies', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('failed to fetch');
      }),
    );
    await expect(api('/api/x')).rejects.toMatchObject({ code: 'network.unreachable' });
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await api('/api/x', { method: 'POST', json: { a: 1 } })).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith(
      '/api/x',
      expect.objectContaining({ body: '{"a":1}', headers: { 'content-type': 'application/json' } }),
    );
  });

  it('builds query strings from the values that are set', () => {
    expect(query({ office: '30', hs: '', from: undefined, limit: 25, to: null })).toBe('?office=30&limit=25');
    expect(query({})).toBe('');
  });
});
