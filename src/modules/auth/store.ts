/** SQL for users, sessions, API tokens and login attempts. */
import { type Kysely, sql } from 'kysely';
import type { Role } from '../../platform/auth/permissions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';

export interface UserRecord {
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  office_code: string | null;
  disabled: boolean;
}

const USER_COLUMNS = ['id', 'username', 'display_name', 'roles', 'office_code', 'disabled'] as const;

export async function findUserByName(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUser(db: Kysely<DB>, id: number): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function passwordHashOf(db: Kysely<DB>, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', id)
    .where('disabled', '=', false)
    .executeTakeFirst();
  return row?.password_hash;
}

export async function listUsers(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'last_login_at', 'locked_until', 'created_at'])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({
    ...r,
    last_login_at: r.last_login_at ? iso(r.last_login_at) : null,
    locked_until: r.locked_until ? iso(r.locked_until) : null,
    created_at: iso(r.created_at),
  }));
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Kysely<DB>,
  user: {
    username: string;
    display_name: string;
    password_hash: string;
    roles: Role[];
    office_code: string | null;
  },
): Promise<UserRecord> {
  return db
    .insertInto('users')
    .values({ ...user, roles: sql`${user.roles}::text[]` as unknown as Role[] })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Kysely<DB>,
  id: number,
  changes: Partial<{
    display_name: string;
    roles: Role[];
    office_code: string | null;
    disabled: boolean;
    password_hash: string;
  }>,
): Promise<UserRecord | undefined> {
  const { roles, password_hash, ...rest } = changes;
  return db
    .updateTable('users')
    .set({
      ...rest,
      ...(roles ? { roles: sql`${roles}::text[]` as unknown as Role[] } : {}),
      ...(password_hash
        ? { password_hash, password_changed_at: new Date(), failed_logins: 0, locked_until: null }
        : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

/** Counts a failure on the account, for administrators to see (locks are per name and address). */
export async function recordLoginFailure(db: Kysely<DB>, userId: number) {
  await sql`update users set failed_logins = failed_logins + 1 where id = ${userId}`.execute(db);
}

export async function recordLoginSuccess(db: Kysely<DB>, userId: number) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export async function recordAttempt(db: Kysely<DB>, username: string, ip: string | null, succeeded: boolean) {
  await db.insertInto('login_attempts').values({ username, ip, succeeded }).execute();
}

/**
 * Failed sign-ins for one user name from one address since the later of the window's start and that pair's last
 * success; the lock is scoped to the pair, so that nobody can lock someone else out from another address, and
 * unknown names count exactly like known ones.
 */
export async function recentPairFailures(
  db: Kysely<DB>,
  username: string,
  ip: string | null,
  minutes: number,
): Promise<{ failures: number; oldest: Date | null }> {
  const since = new Date(Date.now() - minutes * 60_000);
  const { rows } = await sql<{ failures: number; oldest: Date | null }>`
    select count(*)::int as failures, min(a.at) as oldest
    from login_attempts a
    where a.username = ${username} and a.ip is not distinct from ${ip} and not a.succeeded and a.at > ${since}
      and a.at > coalesce((select max(s.at) from login_attempts s
                           where s.username = ${username} and s.ip is not distinct from ${ip} and s.succeeded),
                          ${since})`.execute(db);
  return {
    failures: Number(rows[0]?.failures ?? 0),
    oldest: rows[0]?.oldest ? new Date(rows[0].oldest) : null,
  };
}

export async function recentFailuresFrom(db: Kysely<DB>, ip: string, minutes: number): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', new Date(Date.now() - minutes * 60_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(
  db: Kysely<DB>,
  session: {
    token_hash: string;
    user_id: number;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  },
) {
  await db.insertInto('sessions').values(session).execute();
}

/** The user (`u`) behind a session or a token: who it is and what it may do. */
const JOINED_USER_COLUMNS = USER_COLUMNS.map((c) => `u.${c}` as const);

/** The user behind a live session (not revoked, not expired, not idle too long, account enabled). */
export async function userForSession(db: Kysely<DB>, tokenHash: string, idleMinutes: number) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.last_seen_at', 's.expires_at', ...JOINED_USER_COLUMNS])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .where('s.last_seen_at', '>', new Date(Date.now() - idleMinutes * 60_000))
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, sessionId: number) {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Kysely<DB>, tokenHash: string) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .returning(['id', 'user_id'])
    .executeTakeFirst();
}

export async function revokeUserSessions(db: Kysely<DB>, userId: number) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every active API token of a user; returns their ids. */
export async function revokeUserTokens(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

export async function insertApiToken(
  db: Kysely<DB>,
  token: { token_hash: string; prefix: string; name: string; user_id: number; expires_at: Date },
) {
  return db
    .insertInto('api_tokens')
    .values(token)
    .returning(['id', 'prefix', 'name', 'expires_at', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function userForApiToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at', 't.expires_at', ...JOINED_USER_COLUMNS])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', new Date())
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<DB>, tokenId: number) {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', tokenId).execute();
}

export async function listApiTokens(db: Kysely<DB>, userId?: number) {
  let query = db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.prefix',
      't.name',
      'u.username',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
    ]);
  if (userId !== undefined) query = query.where('t.user_id', '=', userId);
  const rows = await query.orderBy('t.id').execute();
  return rows.map((r) => ({
    ...r,
    created_at: iso(r.created_at),
    expires_at: iso(r.expires_at),
    last_used_at: r.last_used_at ? iso(r.last_used_at) : null,
    revoked_at: r.revoked_at ? iso(r.revoked_at) : null,
  }));
}

export async function revokeApiToken(db: Kysely<DB>, id: number, userId?: number) {
  let query = db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  return query.returning(['id', 'name', 'user_id']).executeTakeFirst();
}
