import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiGet, apiSend, onUnauthorised, query, route } from './api.ts';

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

  it('fills the path template of a route (encoded) and its query string', () => {
    expect(route('/api/declarations/{reference}', { path: { reference: '2020/40 A#1' } })).toBe(
      '/api/declarations/2020%2F40%20A%231',
    );
    expect(route('/api/risk/decisions', { query: { reference: 'R1', limit: 50, office: '' } })).toBe(
      '/api/risk/decisions?reference=R1&limit=50',
    );
  });

  it('calls a route by its path template, with the method and JSON body of apiSend', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 3 }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await apiGet('/api/risk/profiles/{id}', { path: { id: 3 } });
    expect(fetch).toHaveBeenLastCalledWith('/api/risk/profiles/3', expect.objectContaining({}));
    await apiSend('post', '/api/risk/decisions/{id}/override', {
      path: { id: 9 },
      json: { channel: 'red', reason: 'a good reason' },
    });
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/risk/decisions/9/override',
      expect.objectContaining({ method: 'POST', body: '{"channel":"red","reason":"a good reason"}' }),
    );
  });
});
