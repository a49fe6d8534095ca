/**
 * Demo accounts for `npm start` on an empty database: one per role, sharing one random password, printed once and
 * saved (mode 0600) in <data dir>/demo-credentials.txt. Clearly marked as demo: never use them in production.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../../platform/auth/permissions.ts';
import type { Database } from '../../platform/db/database.ts';
import { generatePassword } from './secrets.ts';
import { createUser } from './service.ts';
import { countUsers } from './store.ts';

export async function createDemoUsers(
  database: Database,
  dataDir: string,
): Promise<{ password: string; file: string } | null> {
  if ((await countUsers(database.db)) > 0) return null;
  const password = generatePassword();
  const actor = { id: null, name: 'system:demo', ip: null };
  for (const role of ROLES) {
    await createUser(database, actor, {
      username: role,
      display_name: `Demo ${role}`,
      password,
      roles: [role],
      office_code: role === 'officer' ? '40' : null,
    });
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-credentials.txt');
  writeFileSync(
    file,
    `DEMO ACCOUNTS — for trying Vigie only, never in production\nusers: ${ROLES.join(', ')}\npassword: ${password}\n`,
    { mode: 0o600 },
  );
  return { password, file };
}
