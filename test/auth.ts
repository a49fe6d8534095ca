/** Users and API tokens for tests. */

import { createApiToken, createUser } from '../src/modules/auth/service.ts';
import type { Role } from '../src/platform/auth/permissions.ts';
import type { Database } from '../src/platform/db/database.ts';

const system = { id: null, name: 'test', ip: null };
let counter = 0;

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with the given roles and an API token for it. */
export async function userWithToken(database: Database, roles: Role[], name?: string) {
  const username = name ?? `${roles.join('-')}-${++counter}`;
  const user = await createUser(database, system, { username, password: TEST_PASSWORD, roles });
  const { token } = await createApiToken(database, system, Number(user.id), 'test', 1);
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}
