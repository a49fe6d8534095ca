/**
 * What the auth module keeps for a limited time: ended sessions (address and browser of each sign-in) and the
 * record of sign-in attempts (names tried, addresses). Accounts and API tokens are not purged.
 */
import { sql } from 'kysely';
import { countThenDelete, type RetentionKind } from '../../platform/retention/kinds.ts';

const count = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

export const sessionsKind: RetentionKind = {
  name: 'sessions',
  description: 'ended sign-in sessions (their address and browser), counted from when they ended',
  defaultDays: 90,
  purge: (database, before, { dryRun }) =>
    countThenDelete(
      database,
      async (db) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from sessions
          where coalesce(revoked_at, expires_at) < ${before}`.execute(db);
        return { removable: count(rows), kept: 0 };
      },
      async (db) => {
        const { rows } = await sql<{ n: number }>`with gone as (delete from sessions
          where coalesce(revoked_at, expires_at) < ${before} returning 1) select count(*)::int as n from gone`.execute(
          db,
        );
        return count(rows);
      },
      dryRun,
    ),
};

export const loginAttemptsKind: RetentionKind = {
  name: 'login_attempts',
  description: 'the record of sign-in attempts (names tried, addresses); locks only look at the last minutes',
  defaultDays: 90,
  purge: (database, before, { dryRun }) =>
    countThenDelete(
      database,
      async (db) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from login_attempts
          where at < ${before}`.execute(db);
        return { removable: count(rows), kept: 0 };
      },
      async (db) => {
        const { rows } = await sql<{
          n: number;
        }>`with gone as (delete from login_attempts where at < ${before}
          returning 1) select count(*)::int as n from gone`.execute(db);
        return count(rows);
      },
      dryRun,
    ),
};
