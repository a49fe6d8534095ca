/**
 * Sign-in, sessions, API tokens and accounts, each change audited in the same transaction as the change.
 * Throttling: an account locks for `loginLockMinutes` after `loginMaxFailures` failures in a row; an address is
 * refused after `loginIpLimit` failures in `loginLockMinutes`. Unknown users cost the same scrypt as known ones.
 */

import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { permissionsOf, type Role } from '../../platform/auth/permissions.ts';
import type { AuthUser } from '../../platform/auth/user.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, iso } from '../../platform/lib/errors.ts';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  newToken,
  tokenHash,
  verifyPassword,
} from './secrets.ts';
import * as store from './store.ts';

export type AuthSettings = Pick<
  Config,
  | 'sessionHours'
  | 'sessionIdleMinutes'
  | 'loginMaxFailures'
  | 'loginLockMinutes'
  | 'loginIpLimit'
  | 'tokenDays'
  | 'tokenMaxDays'
>;

export type LoginResult =
  | { ok: true; user: AuthUser; token: string; expiresAt: Date }
  | {
      ok: false;
      code: 'auth.invalid' | 'auth.locked' | 'auth.throttled';
      message: string;
      retryAfterSeconds?: number;
    };

const actorOf = (user: { id: number; username: string }, ip: string | null): Actor => ({
  id: user.id,
  name: user.username,
  ip,
});

function toAuthUser(
  row: { id: number; username: string; display_name: string; roles: Role[]; office_code: string | null },
  via: AuthUser['via'],
): AuthUser {
  return {
    id: Number(row.id),
    username: row.username,
    display_name: row.display_name,
    roles: row.roles,
    office_code: row.office_code,
    permissions: permissionsOf(row.roles),
    via,
  };
}

export async function login(
  database: Database,
  settings: AuthSettings,
  attempt: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const username = attempt.username.trim().toLowerCase();
  const db = database.db;
  const invalid: LoginResult = { ok: false, code: 'auth.invalid', message: 'wrong username or password' };
  if (
    attempt.ip &&
    (await store.recentFailuresFrom(db, attempt.ip, settings.loginLockMinutes)) >= settings.loginIpLimit
  ) {
    await appendAudit(
      database,
      { id: null, name: username, ip: attempt.ip },
      { action: 'auth.login_refused', details: { reason: 'too many failures from this address' } },
    );
    return {
      ok: false,
      code: 'auth.throttled',
      message: 'too many failed sign-ins from this address: try again later',
      retryAfterSeconds: settings.loginLockMinutes * 60,
    };
  }
  const pair = await store.recentPairFailures(db, username, attempt.ip, settings.loginLockMinutes);
  if (pair.failures >= settings.loginMaxFailures) {
    await store.recordAttempt(db, username, attempt.ip, false);
    await appendAudit(
      database,
      { id: null, name: username, ip: attempt.ip },
      {
        action: 'auth.login_refused',
        details: { reason: 'too many failures for this name from this address' },
      },
    );
    const until = (pair.oldest?.getTime() ?? Date.now()) + settings.loginLockMinutes * 60_000;
    return {
      ok: false,
      code: 'auth.locked',
      message: 'too many failed sign-ins with this name from this address: try again later',
      retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
    };
  }
  const user = await store.findUserByName(db, username);
  const passwordOk = await verifyPassword(attempt.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || user.disabled || !passwordOk) {
    await store.recordAttempt(db, username, attempt.ip, false);
    if (user && !user.disabled) await store.recordLoginFailure(db, user.id);
    await appendAudit(
      database,
      user ? actorOf(user, attempt.ip) : { id: null, name: username, ip: attempt.ip },
      {
        action: 'auth.login_failed',
        details: { reason: !user ? 'unknown user' : user.disabled ? 'account disabled' : 'wrong password' },
      },
    );
    return invalid;
  }
  const token = newToken('session');
  const expiresAt = new Date(Date.now() + settings.sessionHours * 3_600_000);
  await database.transaction(async (session) => {
    await store.recordAttempt(session.db, username, attempt.ip, true);
    await store.recordLoginSuccess(session.db, user.id);
    await store.insertSession(session.db, {
      token_hash: tokenHash(token),
      user_id: user.id,
      expires_at: expiresAt,
      ip: attempt.ip,
      user_agent: attempt.userAgent?.slice(0, 300) ?? null,
    });
    await appendAudit(session, actorOf(user, attempt.ip), {
      action: 'auth.login',
      details: { user_agent: attempt.userAgent?.slice(0, 200) ?? null },
    });
  });
  return { ok: true, user: toAuthUser(user, 'session'), token, expiresAt };
}

/**
 * Recently checked credentials, kept a few seconds so that a busy client does not cost a query per request (and so
 * that requests still authenticate while an import holds PGlite's single session). Sign-out, revocation, disabling
 * and password changes evict at once in this process; other API processes notice within CACHE_MS.
 */
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
interface Cached {
  user: AuthUser;
  until: number;
  touchedAt: number;
  tokenId?: number;
  sessionId?: number;
}
const credentialCache = new Map<string, Cached>();

/**
 * Records when a credential was last used without making the request wait for it: on PGlite a write waits for any
 * transaction in progress (a long import), and a read must not wait behind it. A failed write is harmless (the
 * next use records it).
 */
function lastSeen(touch: Promise<unknown>): void {
  touch.catch(() => {});
}

export function forgetCredentials(match: { key?: string; userId?: number; tokenId?: number }): void {
  if (match.key) credentialCache.delete(match.key);
  if (match.userId === undefined && match.tokenId === undefined) return;
  for (const [key, entry] of credentialCache) {
    if (entry.user.id === match.userId || (match.tokenId !== undefined && entry.tokenId === match.tokenId)) {
      credentialCache.delete(key);
    }
  }
}

function remember(key: string, entry: Cached): void {
  if (credentialCache.size >= CACHE_MAX) credentialCache.delete(credentialCache.keys().next().value!);
  credentialCache.set(key, entry);
}

/** The user behind a session cookie or an API token, or null. Last use is recorded at most once a minute. */
export async function authenticate(
  database: Database,
  settings: AuthSettings,
  credentials: { sessionToken?: string | undefined; apiToken?: string | undefined },
): Promise<AuthUser | null> {
  const db = database.db;
  const secret = credentials.apiToken ?? credentials.sessionToken;
  if (!secret) return null;
  const key = `${credentials.apiToken ? 'token' : 'session'}:${tokenHash(secret)}`;
  const now = Date.now();
  const cached = credentialCache.get(key);
  if (cached && cached.until > now) {
    if (now - cached.touchedAt > 60_000) {
      cached.touchedAt = now;
      lastSeen(
        cached.tokenId ? store.touchApiToken(db, cached.tokenId) : store.touchSession(db, cached.sessionId!),
      );
    }
    return cached.user;
  }
  if (credentials.apiToken) {
    const row = await store.userForApiToken(db, tokenHash(credentials.apiToken));
    if (!row) return null;
    if (!row.last_used_at || now - row.last_used_at.getTime() > 60_000)
      lastSeen(store.touchApiToken(db, row.token_id));
    const user = toAuthUser(row, 'token');
    const until = Math.min(now + CACHE_MS, new Date(row.expires_at).getTime());
    remember(key, { user, until, touchedAt: now, tokenId: Number(row.token_id) });
    return user;
  }
  const row = await store.userForSession(
    db,
    tokenHash(credentials.sessionToken!),
    settings.sessionIdleMinutes,
  );
  if (!row) return null;
  if (now - new Date(row.last_seen_at).getTime() > 60_000) lastSeen(store.touchSession(db, row.session_id));
  const user = toAuthUser(row, 'session');
  // Idle expiry is not cached past the absolute expiry; the idle window is minutes, the cache seconds.
  const until = Math.min(now + CACHE_MS, new Date(row.expires_at).getTime());
  remember(key, { user, until, touchedAt: now, sessionId: Number(row.session_id) });
  return user;
}

export async function logout(database: Database, sessionToken: string, ip: string | null): Promise<void> {
  forgetCredentials({ key: `session:${tokenHash(sessionToken)}` });
  await database.transaction(async (session) => {
    const revoked = await store.revokeSession(session.db, tokenHash(sessionToken));
    if (!revoked) return;
    const user = await store.findUser(session.db, Number(revoked.user_id));
    await appendAudit(
      session,
      { id: Number(revoked.user_id), name: user?.username ?? '?', ip },
      { action: 'auth.logout' },
    );
  });
}

export interface NewUser {
  username: string;
  display_name?: string | undefined;
  password: string;
  roles: Role[];
  office_code?: string | null | undefined;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'user.weak_password',
      `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      422,
    );
  }
}

export async function createUser(database: Database, actor: Actor, input: NewUser) {
  checkPassword(input.password);
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw new AppError(
      'user.bad_username',
      'a username has 2 to 64 lower-case letters, digits, ".", "_" or "-"',
      422,
    );
  }
  if (input.roles.length === 0) throw new AppError('user.no_role', 'a user needs at least one role', 422);
  const password_hash = await hashPassword(input.password);
  return database.transaction(async (session) => {
    if (await store.findUserByName(session.db, username)) {
      throw new AppError('user.exists', `a user named ${username} already exists`, 409);
    }
    const user = await store.insertUser(session.db, {
      username,
      display_name: input.display_name?.trim() || username,
      password_hash,
      roles: [...new Set(input.roles)],
      office_code: input.office_code ?? null,
    });
    await appendAudit(session, actor, {
      action: 'user.created',
      target_type: 'user',
      target_id: user.id,
      after: user,
    });
    return user;
  });
}

export async function changeUser(
  database: Database,
  actor: Actor,
  id: number,
  changes: { display_name?: string; roles?: Role[]; office_code?: string | null; disabled?: boolean },
) {
  if (changes.roles && changes.roles.length === 0)
    throw new AppError('user.no_role', 'a user needs at least one role', 422);
  return database.transaction(async (session) => {
    const before = await store.findUser(session.db, id);
    if (!before) throw new AppError('user.not_found', `no user #${id}`, 404);
    const after = await store.updateUser(session.db, id, changes);
    const rolesChanged =
      changes.roles !== undefined && [...changes.roles].sort().join() !== [...before.roles].sort().join();
    // A disabled account keeps nothing; a token minted for other roles must not carry over to new ones.
    if (changes.disabled) await store.revokeUserSessions(session.db, id);
    const revokedTokens =
      changes.disabled || rolesChanged ? await store.revokeUserTokens(session.db, id) : [];
    forgetCredentials({ userId: id });
    await appendAudit(session, actor, {
      action: 'user.updated',
      target_type: 'user',
      target_id: id,
      before,
      after,
      ...(revokedTokens.length ? { details: { tokens_revoked: revokedTokens } } : {}),
    });
    return after!;
  });
}

export async function setPassword(database: Database, actor: Actor, id: number, password: string) {
  checkPassword(password);
  const password_hash = await hashPassword(password);
  await database.transaction(async (session) => {
    const user = await store.updateUser(session.db, id, { password_hash });
    if (!user) throw new AppError('user.not_found', `no user #${id}`, 404);
    // A new password ends everything the old one opened: sessions and API tokens alike.
    await store.revokeUserSessions(session.db, id);
    const revokedTokens = await store.revokeUserTokens(session.db, id);
    forgetCredentials({ userId: id });
    await appendAudit(session, actor, {
      action: 'user.password_changed',
      target_type: 'user',
      target_id: id,
      ...(revokedTokens.length ? { details: { tokens_revoked: revokedTokens } } : {}),
    });
  });
}

/**
 * Checks the password of a signed-in user again before something that outlives the session (an API token):
 * a stolen session cookie alone must not be enough to mint a credential that survives the session.
 */
export async function confirmPassword(database: Database, userId: number, password: string): Promise<void> {
  const hash = await store.passwordHashOf(database.db, userId);
  const ok = await verifyPassword(password, hash ?? DUMMY_PASSWORD_HASH);
  if (!hash || !ok) {
    throw new AppError(
      'auth.reauthenticate',
      'confirm your password to do this (the password was wrong)',
      403,
    );
  }
}

export async function createApiToken(
  database: Database,
  actor: Actor,
  userId: number,
  name: string,
  days: number,
  /** The installation's limit (`tokenMaxDays`); the routes and the CLI pass it. */
  maxDays = 3650,
) {
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    throw new AppError(
      'token.too_long',
      `an API token lives 1 to ${maxDays} days on this installation (VIGIE_TOKEN_MAX_DAYS)`,
      422,
      { max_days: maxDays },
    );
  }
  const token = newToken('api');
  return database.transaction(async (session) => {
    const user = await store.findUser(session.db, userId);
    if (!user) throw new AppError('user.not_found', `no user #${userId}`, 404);
    const row = await store.insertApiToken(session.db, {
      token_hash: tokenHash(token),
      prefix: token.slice(0, 10),
      name,
      user_id: userId,
      expires_at: new Date(Date.now() + days * 86_400_000),
    });
    await appendAudit(session, actor, {
      action: 'auth.token_created',
      target_type: 'api_token',
      target_id: row.id,
      after: { name, user: user.username, prefix: row.prefix, expires_at: iso(row.expires_at) },
    });
    return {
      id: Number(row.id),
      token,
      name,
      prefix: row.prefix,
      expires_at: iso(row.expires_at),
      username: user.username,
    };
  });
}

export async function revokeToken(database: Database, actor: Actor, tokenId: number, ownerId?: number) {
  return database.transaction(async (session) => {
    const revoked = await store.revokeApiToken(session.db, tokenId, ownerId);
    if (!revoked) throw new AppError('token.not_found', `no active API token #${tokenId}`, 404);
    forgetCredentials({ tokenId });
    await appendAudit(session, actor, {
      action: 'auth.token_revoked',
      target_type: 'api_token',
      target_id: tokenId,
      details: { name: revoked.name },
    });
  });
}
