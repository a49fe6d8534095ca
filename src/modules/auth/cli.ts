import { createInterface } from 'node:readline';
import { type Command, Option } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import { ROLES, type Role } from '../../platform/auth/permissions.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { listCommand } from '../../platform/cli/list-command.ts';
import { collect } from '../../platform/cli/options.ts';
import { printList } from '../../platform/cli/output.ts';
import type { Database } from '../../platform/db/database.ts';
import { generatePassword, MIN_PASSWORD_LENGTH } from './secrets.ts';
import { changeUser, createApiToken, createUser, revokeToken, setPassword } from './service.ts';
import { findUserByName, listApiTokens, listUsers } from './store.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** The password to set: from stdin, asked on a terminal, or generated (then printed once). */
async function obtainPassword(options: {
  passwordStdin?: boolean;
}): Promise<{ password: string; generated: boolean }> {
  if (options.passwordStdin) return { password: await readStdin(), generated: false };
  if (process.stdin.isTTY && process.stderr.isTTY) {
    const first = await ask(`password (at least ${MIN_PASSWORD_LENGTH} characters): `);
    const second = await ask('again: ');
    if (first !== second) throw new Error('the two passwords differ');
    return { password: first, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

async function userId(database: Database, username: string): Promise<number> {
  const user = await findUserByName(database.db, username.toLowerCase());
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** `--role ROLE`, mandatory and repeatable. */
const roleOption = () =>
  new Option('--role <role>', 'a role (repeat for several)')
    .choices(ROLES)
    .argParser(collect)
    .makeOptionMandatory();

export function registerAuthCommands(program: Command, context: CliContext): void {
  const users = program.command('users').description('user accounts and their roles');
  users
    .command('create')
    .description('create a user (the first admin too)')
    .argument('<username>', 'lower-case login name')
    .addOption(roleOption())
    .option('--name <display name>', 'name shown in the application')
    .option('--office <code>', 'customs office (officers)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (
        username: string,
        options: { role: Role[]; name?: string; office?: string; passwordStdin?: boolean },
      ) => {
        const { password, generated } = await obtainPassword(options);
        await context.withDatabase(async (database) => {
          const user = await createUser(database, cliActor(), {
            username,
            display_name: options.name,
            password,
            roles: options.role,
            office_code: options.office ?? null,
          });
          console.log(
            `✔ user ${user.username} created with role${user.roles.length > 1 ? 's' : ''} ${user.roles.join(', ')}`,
          );
          if (generated) console.log(`  password (shown once, store it safely): ${password}`);
        });
      },
    );

  listCommand(users.command('list').description('all users'), context, (database) => listUsers(database.db), {
    username: (u) => u.username,
    name: (u) => u.display_name,
    roles: (u) => u.roles.join(', '),
    office: (u) => u.office_code,
    state: (u) =>
      u.disabled
        ? 'disabled'
        : u.locked_until && u.locked_until > new Date().toISOString()
          ? 'locked'
          : 'active',
    'last login': (u) => u.last_login_at?.slice(0, 16).replace('T', ' ') ?? '',
  });

  users
    .command('password')
    .description("set a user's password (ends their sessions)")
    .argument('<username>')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, options: { passwordStdin?: boolean }) => {
      const { password, generated } = await obtainPassword(options);
      await context.withDatabase(async (database) => {
        await setPassword(database, cliActor(), await userId(database, username), password);
        console.log(`✔ password of ${username} changed`);
        if (generated) console.log(`  new password (shown once): ${password}`);
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(name)
      .description(`${name} an account${disabled ? ' (ends its sessions)' : ''}`)
      .argument('<username>')
      .action(async (username: string) => {
        await context.withDatabase(async (database) => {
          await changeUser(database, cliActor(), await userId(database, username), { disabled });
          console.log(`✔ ${username} ${disabled ? 'disabled' : 'enabled'}`);
        });
      });
  }

  users
    .command('roles')
    .description("replace a user's roles")
    .argument('<username>')
    .addOption(roleOption())
    .action(async (username: string, options: { role: Role[] }) => {
      await context.withDatabase(async (database) => {
        const user = await changeUser(database, cliActor(), await userId(database, username), {
          roles: options.role,
        });
        console.log(`✔ ${username}: ${user.roles.join(', ')}`);
      });
    });

  const tokens = program.command('tokens').description('API tokens for scripts');
  tokens
    .command('create')
    .description('create an API token for a user (shown once)')
    .argument('<username>')
    .requiredOption('--name <name>', 'what the token is for')
    .option(
      '--days <n>',
      'days of validity (default: VIGIE_TOKEN_DAYS, 90; at most VIGIE_TOKEN_MAX_DAYS, 90)',
    )
    .action(async (username: string, options: { name: string; days?: string }) => {
      const config = context.config();
      const days = options.days === undefined ? config.tokenDays : Number.parseInt(options.days, 10);
      if (!Number.isInteger(days) || days < 1 || days > config.tokenMaxDays)
        throw new Error(`--days: expected 1 to ${config.tokenMaxDays} (VIGIE_TOKEN_MAX_DAYS)`);
      await context.withDatabase(async (database) => {
        const created = await createApiToken(
          database,
          cliActor(),
          await userId(database, username),
          options.name,
          days,
          config.tokenMaxDays,
        );
        console.log(
          `✔ token #${created.id} for ${created.username}, valid until ${created.expires_at.slice(0, 10)}`,
        );
        console.log(`  ${created.token}`);
        console.log('  (shown once: use it as "Authorization: Bearer <token>")');
      });
    });
  tokens
    .command('list')
    .description('API tokens (without their secret)')
    .argument('[username]')
    .option('--json', 'print as JSON')
    .action(async (username: string | undefined, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const rows = await listApiTokens(
          database.db,
          username ? await userId(database, username) : undefined,
        );
        printList(options, rows, rows, {
          '#': (t) => t.id,
          user: (t) => t.username,
          name: (t) => t.name,
          prefix: (t) => `${t.prefix}…`,
          expires: (t) => t.expires_at.slice(0, 10),
          'last used': (t) => t.last_used_at?.slice(0, 10) ?? '',
          state: (t) =>
            t.revoked_at ? 'revoked' : t.expires_at < new Date().toISOString() ? 'expired' : 'active',
        });
      });
    });
  tokens
    .command('revoke')
    .description('revoke an API token')
    .argument('<id>')
    .action(async (id: string) => {
      await context.withDatabase(async (database) => {
        await revokeToken(database, cliActor(), Number.parseInt(id, 10));
        console.log(`✔ token #${id} revoked`);
      });
    });
}
