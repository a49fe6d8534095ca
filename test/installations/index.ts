/**
 * Several Vigie installations on loopback, each a process of its own (child.ts) with its own database (a PGlite
 * folder, or a PostgreSQL schema), data folder (keys) and port; started, killed with SIGKILL and restarted by the
 * tests and the bench of the exchange between installations. Set-up and checks open the installation's database in
 * this process while its process is stopped (PGlite serves one process at a time).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { registry } from '../../src/app/modules.ts';
import { startAuditSealing } from '../../src/platform/audit/sealing.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase, quoteIdent } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { buildApp } from '../../src/platform/server/app.ts';
import type { Backend } from '../db.ts';
import type { InstallationOptions } from './child.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** A free TCP port on loopback (the installation keeps it across restarts: partners know its address). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class Installation {
  private child: ChildProcess | null = null;
  private exited: Promise<void> | null = null;
  readonly url: string;
  readonly config: Config;
  /** The process's standard error, kept for failure messages. */
  stderr = '';

  private constructor(
    readonly name: string,
    readonly options: InstallationOptions,
  ) {
    this.url = `http://127.0.0.1:${options.port}/`;
    this.config = loadConfig({ dataDir: options.dataDir, logLevel: 'silent' });
  }

  static async create(backend: Backend, name: string, dir: string): Promise<Installation> {
    const dataDir = join(dir, `${name}-${backend}-${randomBytes(3).toString('hex')}`);
    mkdirSync(dataDir, { recursive: true });
    const port = await freePort();
    if (backend === 'pglite') return new Installation(name, { backend, dataDir, port });
    const url = process.env.VIGIE_TEST_DATABASE_URL!;
    const schema = `vigie_inst_${name.toLowerCase()}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${quoteIdent(schema)}`);
    await admin.end();
    return new Installation(name, { backend, dataDir, port, url, schema });
  }

  /** Opens the database in this process (migrated, audit sealed with the installation's key). */
  async open(): Promise<Database> {
    const o = this.options;
    const database = await openDatabase(
      o.backend === 'pglite' ? { dataDir: o.dataDir } : { url: o.url!, schema: o.schema!, poolSize: 2 },
    );
    await migrateToLatest(database, registry.migrations);
    await startAuditSealing(database, this.config);
    return database;
  }

  /**
   * Runs `fn` with the installation's database and an HTTP app over it in this process (not listening: requests
   * by `inject`), the process being stopped.
   */
  async withApp<T>(
    fn: (app: import('fastify').FastifyInstance, database: Database) => Promise<T>,
  ): Promise<T> {
    if (this.child) throw new Error(`${this.name} is running: stop it first`);
    const database = await this.open();
    const logger = createLogger('silent');
    const jobs = new JobQueue(database, this.config, logger, registry);
    const app = await buildApp({ registry, database, config: this.config, logger, jobs });
    await app.ready();
    try {
      return await fn(app, database);
    } finally {
      await app.close();
      await database.close();
    }
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the process; resolves once it listens. */
  async start(timeoutMs = 300_000): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running`);
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'run-ts.js'),
        join(ROOT, 'test', 'installations', 'child.ts'),
        JSON.stringify(this.options),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    this.stderr = '';
    child.stderr!.on('data', (d) => {
      this.stderr = (this.stderr + d).slice(-20_000);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start in ${timeoutMs} ms:\n${this.stderr}`)),
        timeoutMs,
      );
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('listening ')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} ended while starting (${code ?? signal}):\n${this.stderr}`));
      });
    });
  }

  /** SIGKILL: the process dies at once, wherever it is. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    // Not running from now on: requests failing from here are the kill's doing.
    this.child = null;
    child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the process finishes what it is doing and closes its database. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    // Not running from now on: requests failing from here are the kill's doing.
    this.child = null;
    child.kill('SIGTERM');
    await this.exited;
  }

  /** A request to the running process. */
  async call(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(new URL(path.replace(/^\//, ''), this.url), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json: json as Record<string, unknown> & { items?: unknown[] } };
  }

  /** Stops the process and drops the PostgreSQL schema (and its job queue's). */
  async dispose(): Promise<void> {
    await this.kill();
    const o = this.options;
    if (o.backend !== 'postgres') return;
    const client = new pg.Client({ connectionString: o.url });
    await client.connect();
    await client.query(`drop schema if exists ${quoteIdent(o.schema!)} cascade`);
    await client.query(`drop schema if exists ${quoteIdent(`${o.schema}_jobs`)} cascade`);
    await client.end();
  }
}

/** Waits until `check` holds, polling; fails with `describe()` after `timeoutMs` (wide: the machine is busy). */
export async function waitFor(
  check: () => Promise<boolean>,
  describe: () => Promise<string> | string,
  timeoutMs = 240_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Two installations that know each other as partners (`A` and `B`), both in the closed user group `MED` whose
 * agreement excludes nominal data; A holds `seizures` seizures (of one case naming a person). Returns a liaison
 * officer's API token on each side and A's seizure ids. Both processes must be stopped.
 */
export async function setUpPair(a: Installation, b: Installation, options: { seizures: number }) {
  const { userWithToken } = await import('../auth.ts');
  const keys: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const i of [a, b])
    await i.withApp(async (app, database) => {
      tokens[i.name] = (await userWithToken(database, ['liaison'])).token;
      const installation = await app.inject({
        method: 'GET',
        url: '/api/sharing/installation',
        headers: { authorization: `Bearer ${tokens[i.name]}` },
      });
      keys[i.name] = installation.json().public_key;
    });
  const seizureIds: number[] = [];
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const)
    await self.withApp(async (app, database) => {
      const headers = { authorization: `Bearer ${tokens[self.name]}` };
      const ok = async (method: 'POST', url: string, payload: Record<string, unknown>, h = headers) => {
        const r = await app.inject({ method, url, headers: h, payload });
        if (r.statusCode >= 300) throw new Error(`${self.name} ${url}: ${r.statusCode} ${r.body}`);
        return r.json();
      };
      await ok('POST', '/api/sharing/partners', {
        code: other.name,
        name: `Administration ${other.name}`,
        kind: 'customs_administration',
        country: other === a ? 'MA' : 'ES',
        public_key: keys[other.name],
        endpoint_url: other.url,
      });
      await ok('POST', '/api/sharing/groups', {
        code: 'MED',
        name: 'Mediterranean',
        nominal_data_allowed: false,
      });
      await ok('POST', '/api/sharing/groups/MED/members', { member_type: 'partner', ref: other.name });
      if (self !== a || options.seizures === 0) return;
      const admin = { authorization: `Bearer ${(await userWithToken(database, ['admin'])).token}` };
      const kase = await ok(
        'POST',
        '/api/cases',
        { title: 'Affaire Karim Haddad', type: 'counterfeiting', office: '300' },
        admin,
      );
      for (let n = 0; n < options.seizures; n++) {
        const seizure = await ok(
          'POST',
          '/api/seizures',
          {
            case_id: kase.id,
            seized_on: '2026-04-01',
            office: '300',
            description: `Parfums contrefaits, lot ${n + 1}`,
            category: 'counterfeit_cosmetics',
            officers: ['Nadia Alaoui'],
            place: '4 impasse des Lilas',
          },
          admin,
        );
        seizureIds.push(seizure.id);
      }
    });
  return { tokens: tokens as { A: string; B: string }, seizureIds };
}
