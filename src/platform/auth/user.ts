/**
 * The signed-in user as the platform sees it (who, which roles and permissions, through what), and the function
 * that finds one from a request's credentials. The auth module provides that function; the platform's
 * authorisation hook calls it.
 */
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Permission, Role } from './permissions.ts';

export interface AuthUser {
  id: number;
  username: string;
  display_name: string;
  roles: Role[];
  office_code: string | null;
  permissions: Set<Permission>;
  via: 'session' | 'token';
}

export type Authenticator = (
  database: Database,
  config: Config,
  credentials: { sessionToken?: string | undefined; apiToken?: string | undefined },
) => Promise<AuthUser | null>;
