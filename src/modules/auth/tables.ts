/**
 * The auth module's tables, as Kysely sees them (kept by hand in step with the migrations); they join the
 * platform's `DB` interface, so that every query is typed. Only this module queries them.
 */
import type { Generated } from 'kysely';
import type { Role } from '../../platform/auth/permissions.ts';
import type { Id, Timestamp } from '../../platform/db/schema.ts';

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  office_code: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Id;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Id;
  token_hash: string;
  prefix: string;
  name: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginAttemptsTable {
  id: Id;
  username: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    api_tokens: ApiTokensTable;
    login_attempts: LoginAttemptsTable;
    sessions: SessionsTable;
    users: UsersTable;
  }
}
