/**
 * Calls to Vigie's API. Errors come back as `ApiError` with the server's stable code, so pages show them where
 * they happened and in the user's language (`errorMessage`). The session is the HTTP-only cookie set at sign-in.
 * `apiGet` and `apiSend` are typed by the route's path template (answer, path parameters, query string and body,
 * from the server's OpenAPI document: web/src/api/types.ts); `api` stays for what has no JSON route (uploads).
 */
import type { paths } from './api/schema.gen.ts';
import type { ApiBody, ApiPath, ApiQuery, ApiResponse, Method, Schema } from './api/types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthorisedListeners = new Set<Listener>();
/** Called when the server answers 401 (session over): the app goes back to sign-in. */
export function onUnauthorised(listener: Listener): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}
/** Tells the listeners that the session is over (a 401 answered to a call made outside `api`: a download). */
export function signalUnauthorised(): void {
  for (const l of unauthorisedListeners) l();
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network.unreachable', 'the server cannot be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string; details?: unknown };
    if (response.status === 401 && !path.endsWith('/api/auth/login')) signalUnauthorised();
    throw new ApiError(
      response.status,
      error.code ?? `http.${response.status}`,
      error.message ?? response.statusText,
      error.details,
    );
  }
  return body as T;
}

type PathParams<P extends ApiPath, M extends Method> = paths[P][M] extends { parameters: { path: infer T } }
  ? T
  : undefined;

/** Where a route is: the values of its path template's `{names}` (when it has some) and its query string. */
export type RouteOptions<P extends ApiPath, M extends Method = 'get'> = {
  query?: LooseQuery<ApiQuery<P, M>>;
} & (PathParams<P, M> extends undefined ? { path?: undefined } : { path: PathParams<P, M> });

/** The routes that answer `method`. */
export type RoutesOf<M extends Method> = {
  [P in ApiPath]: paths[P][M] extends { responses: unknown } ? P : never;
}[ApiPath];

/**
 * The route's query parameters by name; the values may also be the text a filter holds (from the address or an
 * input): the server validates them and answers a 400 with its code when one is wrong.
 */
type LooseQuery<Q> = { [K in keyof Q]?: Q[K] | string | null };

type Init = Omit<RequestInit, 'method' | 'body'>;
type Options<P extends ApiPath, M extends Method, Extra> =
  PathParams<P, M> extends undefined
    ? [options?: RouteOptions<P, M> & Extra]
    : [options: RouteOptions<P, M> & Extra];

/** The URL of a route: `/api/risk/profiles/{id}` with `{ path: { id: 3 }, query: { … } }` → `/api/risk/profiles/3?…`. */
export function route(template: ApiPath, options: { path?: unknown; query?: unknown } = {}): string {
  const values = (options.path ?? {}) as Record<string, string | number>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
  return path + query((options.query ?? {}) as QueryValues);
}

/** GET a route, typed by its path template: `apiGet('/api/risk/profiles/{id}', { path: { id } })`. */
export function apiGet<P extends RoutesOf<'get'>>(
  template: P,
  ...[options]: Options<P, 'get', Init>
): Promise<ApiResponse<P, 'get'>> {
  const { path, query: search, ...init } = options ?? {};
  return api(route(template, { path, query: search }), init);
}

/** POST, PUT, PATCH or DELETE a route, typed by its path template, with its JSON body. */
export function apiSend<M extends Exclude<Method, 'get'>, P extends RoutesOf<M>>(
  method: M,
  template: P,
  ...[options]: Options<P, M, Init & { json?: ApiBody<P, M> }>
): Promise<ApiResponse<P, M>> {
  const { path, query: search, ...init } = options ?? {};
  return api(route(template, { path, query: search }), { ...init, method: method.toUpperCase() });
}

type QueryValues = Record<string, string | number | boolean | undefined | null>;

/** Builds a query string from the defined, non-empty values. */
export function query(params: QueryValues): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type SessionUser = Schema<'SessionUser'>;
