/**
 * What the web component tests share: a fake API behind `fetch`, and pages rendered inside the app's providers.
 *
 *   setUpPageTests('fr');
 *   const api = stubApi(signedIn(['risk:read']), { 'GET /api/risk/campaigns': { body: page } });
 *   renderPage(<Routes>…</Routes>, { route: '/rules/campaigns' });
 *   expect(api.sent('POST', '/api/risk/campaigns')).toEqual([…]);
 */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, type Mock, vi } from 'vitest';
import type { SessionUser } from '../api.ts';
import i18n from '../i18n/index.ts';
import { SessionProvider } from '../session.tsx';

// findBy…/waitFor wait for a condition; the default second is too short on a loaded two-core machine.
configure({ asyncUtilTimeout: 10_000 });

/** A request the page made. `body` is the JSON body parsed, or the body as sent when it is not a string. */
export interface ApiCall {
  method: string;
  path: string;
  url: URL;
  init: RequestInit | undefined;
  body: unknown;
}

/** An answer of the fake API: status 200 unless told. */
export interface ApiReply {
  status?: number;
  body?: unknown;
}

/** Answers a request, or passes it on (undefined) to the next routes. */
export type ApiHandler = (call: ApiCall) => ApiReply | undefined;

/** Routes by "METHOD /path" (the query is ignored): a fixed reply or a handler. */
export type ApiRoutes = Record<string, ApiReply | ApiHandler>;

export type ApiMock = Mock<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>> & {
  /** Every request so far, in order. */
  calls: ApiCall[];
  /** The bodies sent to "METHOD path". */
  sent(method: string, path: string): unknown[];
};

/** A JSON response, as the API sends it. */
export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * Replaces `fetch` with a fake API: each request goes through `routes` in order (tables by "METHOD /path",
 * handlers that may pass), and gets a 404 when nothing answers. `vi.unstubAllGlobals()` puts `fetch` back.
 */
export function stubApi(...routes: (ApiRoutes | ApiHandler)[]): ApiMock {
  const calls: ApiCall[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const call: ApiCall = { method, path: url.pathname, url, init, body };
    calls.push(call);
    for (const route of routes) {
      const entry = typeof route === 'function' ? route : route[`${method} ${url.pathname}`];
      const reply = typeof entry === 'function' ? entry(call) : entry;
      if (reply) return jsonResponse(reply.status ?? 200, reply.body);
    }
    return jsonResponse(404, { code: 'http.404', message: `no route ${method} ${url.pathname}` });
  });
  vi.stubGlobal('fetch', fetch);
  const sent = (method: string, path: string) =>
    calls.filter((c) => c.method === method && c.path === path).map((c) => c.body);
  return Object.assign(fetch, { calls, sent });
}

/** The session route of a signed-in user with `permissions` (and the rest of `user` as given). */
export function signedIn(
  permissions: string[],
  user: Partial<Omit<SessionUser, 'permissions'>> = {},
): ApiRoutes {
  const body = {
    user: {
      id: 1,
      username: 'user',
      display_name: 'User',
      roles: [],
      office_code: null,
      ...user,
      permissions,
    },
  };
  return { 'GET /api/auth/session': { body } };
}

/** The session route when nobody is signed in. */
export function signedOut(): ApiRoutes {
  return { 'GET /api/auth/session': { status: 401, body: { code: 'auth.required', message: '' } } };
}

/**
 * Renders `node` as the app does: Mantine, a query client that does not retry, a router at `route`, and the
 * session (unless `session: false`).
 */
export function renderPage(node: ReactNode, options: { route?: string; session?: boolean } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[options.route ?? '/']}>
          {options.session === false ? node : <SessionProvider>{node}</SessionProvider>}
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** The hooks of a page test file: the language before each test (when given); cleanup and the real `fetch` after. */
export function setUpPageTests(language?: 'fr' | 'en' | 'ar') {
  if (language)
    beforeEach(async () => {
      await i18n.changeLanguage(language);
    });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}
