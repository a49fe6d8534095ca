/**
 * Crash consistency: a process doing real work is killed with SIGKILL at a random point, then the database is
 * checked the way an operator would after a power cut. An atomic import leaves no row of its file; its job is
 * taken up again by the next worker and completes once. A daily selection killed between or inside office-days
 * leaves every run whole (as many decisions as declarations), one current decision per declaration, and an audit
 * trail that verifies with its seals. Runs on PGlite (a data folder on disk) and, when set, PostgreSQL.
 *
 * Kill points are random; each is printed so that a failure can be replayed (VIGIE_CRASH_SEED).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/demo.ts';
import { loadDemoTargeting } from '../../src/app/demo/targeting.ts';
import { registry } from '../../src/app/modules.ts';
import { auditKeyring, installAuditKeyring, loadAuditKeyring } from '../../src/platform/audit/key.ts';
import { verifyAudit } from '../../src/platform/audit/store.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, openDatabase, quoteIdent } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { getJob } from '../../src/platform/jobs/store.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { type Backend, testBackends } from '../db.ts';
import { kcsCsv } from '../factories.ts';
import { tempFiles } from '../files.ts';
import type { ChildOptions } from './child.ts';

const files = tempFiles();
const ROOT = join(import.meta.dirname, '..', '..');
const seed = Number(process.env.VIGIE_CRASH_SEED ?? Math.floor(Math.random() * 1e9));
let state = seed;
/** A small seeded generator (mulberry32): kill points are random, and replayable from the printed seed. */
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
console.log(`crash test seed ${seed} (VIGIE_CRASH_SEED=${seed} replays the same kill points)`);

const keyFile = join(files.dir, 'audit.key');
const installed = auditKeyring();
installAuditKeyring(loadAuditKeyring(keyFile, { create: true }));
afterAll(() => installAuditKeyring(installed));

interface Place {
  options: Pick<ChildOptions, 'backend' | 'dataDir' | 'url' | 'schema'>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function newPlace(backend: Backend, name: string): Promise<Place> {
  const dataDir = join(files.dir, `${name}-${backend}`);
  if (backend === 'pglite') {
    return {
      options: { backend, dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => {},
    };
  }
  const url = process.env.VIGIE_TEST_DATABASE_URL!;
  const schema = `vigie_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${quoteIdent(schema)}`);
  await admin.end();
  return {
    options: { backend, dataDir, url, schema },
    open: () => openDatabase({ url, schema, poolSize: 4 }),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop schema if exists ${quoteIdent(schema)} cascade`);
      await dropper.query(`drop schema if exists ${quoteIdent(`${schema}_jobs`)} cascade`);
      await dropper.end();
    },
  };
}

/** Starts the child and kills it (SIGKILL) at the first line `killWhen` accepts; resolves once it is dead. */
function runAndKill(options: ChildOptions, killWhen: (line: string) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'test', 'crash', 'child.ts'), JSON.stringify(options)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: string[] = [];
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (!child.killed && killWhen(line)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else
        reject(
          new Error(
            `the child ended by itself (${code}) before the kill point:\n${lines.join('\n')}\n${stderr}`,
          ),
        );
    });
  });
}

async function checkAudit(database: Database) {
  const report = await verifyAudit(database.db);
  expect(report.problems).toEqual([]);
  expect(report.unsealed).toBe(0);
}

for (const backend of testBackends()) {
  describe(`crash consistency [${backend}]`, () => {
    it('an import killed at a random point leaves nothing of the file or all of it, and its job completes once on the next worker', async () => {
      const place = await newPlace(backend, 'import');
      try {
        const database = await place.open();
        await migrateToLatest(database, registry.migrations);
        await database.close();
        const rows = 6_000;
        const file = join(files.dir, `crash-${backend}.csv`);
        writeFileSync(file, kcsCsv(rows));
        const fraction = 0.1 + 0.6 * random();
        console.log(`[${backend}] import killed at ${Math.round(fraction * 100)} % of the file`);
        let jobId = '';
        const lines = await runAndKill({ ...place.options, keyFile, scenario: 'import', file }, (line) => {
          if (line.startsWith('job ')) jobId = line.slice(4);
          const m = /^progress (\d+) (\d+)$/.exec(line);
          return m !== null && Number(m[2]) > 0 && Number(m[1]) >= fraction * Number(m[2]);
        });
        expect(jobId, lines.join('\n')).not.toBe('');

        const after = await place.open();
        try {
          const count = async () =>
            Number(
              (await sql<{ n: number }>`select count(*)::int as n from declarations`.execute(after.db))
                .rows[0]!.n,
            );
          // All or nothing: the kill lands while the import runs, or — when the machine is slow to deliver it —
          // just after its commit, before the job is marked done; never part of the file.
          const kept = await count();
          expect([0, rows]).toContain(kept);
          if (kept === 0)
            expect(await after.db.selectFrom('declaration_items').select('id').limit(1).execute()).toEqual(
              [],
            );
          expect((await getJob(after.db, jobId))?.state).toBe('running');
          await checkAudit(after);

          const config = loadConfig({ dataDir: place.options.dataDir });
          const worker = new JobQueue(after, config, createLogger('silent'), registry, {
            orphanAfterMs: 1_000,
          });
          await worker.start({ work: true });
          try {
            const deadline = Date.now() + 120_000;
            let job = await getJob(after.db, jobId);
            while (job?.state !== 'completed' && Date.now() < deadline) {
              await new Promise((resolve) => setTimeout(resolve, 250));
              job = await getJob(after.db, jobId);
            }
            expect(job).toMatchObject({ state: 'completed', attempts: 2 });
          } finally {
            await worker.stop();
          }
          expect(await count()).toBe(rows);
          // Recorded as taken up (a scheduled tick the child was running may be recorded too).
          const orphaned = await after.db
            .selectFrom('audit_log')
            .select('target_id')
            .where('action', '=', 'job.orphaned')
            .execute();
          expect(orphaned.map((e) => e.target_id)).toContain(jobId);
          await checkAudit(after);
        } finally {
          await after.close();
        }
      } finally {
        await place.drop();
      }
    }, 300_000);

    it('daily selections killed at a random point leave every run whole and one current decision each', async () => {
      const place = await newPlace(backend, 'select');
      try {
        const database = await place.open();
        await migrateToLatest(database, registry.migrations);
        await loadDemo(database);
        await loadDemoTargeting(database);
        const { rows: days } = await sql<{ office: string; day: string }>`
          select office_code as office, day::text as day from risk_selection_runs
          group by 1, 2 order by 2, 1`.execute(database.db);
        await database.close();
        const stopAfter = Math.floor(random() * Math.min(days.length - 1, 12));
        console.log(`[${backend}] selections killed after ${stopAfter} of ${days.length} office-days`);
        let remaining = stopAfter;
        await runAndKill(
          { ...place.options, keyFile, scenario: 'select', days },
          (line) => line.startsWith('selected ') && --remaining < 0,
        ).catch((error) => {
          // The last office-day may finish before the kill: then the run ended by itself, which is fine here.
          if (!String(error).includes('done')) throw error;
        });
        const after = await place.open();
        try {
          const { rows: runs } = await sql<{ id: number; declarations: number; decisions: number }>`
            select r.id, r.candidates as declarations,
                   (select count(*)::int from risk_decisions d where d.run_id = r.id) as decisions
            from risk_selection_runs r`.execute(after.db);
          for (const run of runs) expect(run.decisions, `run #${run.id}`).toBe(run.declarations);
          const { rows: doubles } = await sql<{ n: number }>`
            select count(*)::int as n from (select reference from risk_decisions where superseded_at is null
            group by reference having count(*) > 1) x`.execute(after.db);
          expect(doubles[0]!.n).toBe(0);
          await checkAudit(after);
        } finally {
          await after.close();
        }
      } finally {
        await place.drop();
      }
    }, 300_000);
  });
}
