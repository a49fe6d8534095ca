/**
 * Calls to Vigie's API. Errors come back as `ApiError` with the server's stable code, so pages show them where
 * they happened and in the user's language (`errorMessage`). The session is the HTTP-only cookie set at sign-in.
 */

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
    if (response.status === 401 && !path.endsWith('/api/auth/login'))
      for (const l of unauthorisedListeners) l();
    throw new ApiError(
      response.status,
      error.code ?? `http.${response.status}`,
      error.message ?? response.statusText,
      error.details,
    );
  }
  return body as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  office_code: string | null;
  permissions: string[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
