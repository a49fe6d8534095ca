/**
 * Background jobs: pg-boss (a maintained PostgreSQL queue: SKIP LOCKED, retries with back-off, expiry) carries the
 * work between processes; `job_runs` carries what people follow (state, progress, result, error). Any number of
 * API processes enqueue and any number of workers run jobs on one PostgreSQL; with PGlite everything runs in one
 * process, where live progress and cancellation go through memory because PGlite serves one transaction at a time.
 *
 * A job that fails is retried with back-off up to its limit, its error kept. Stopping a worker aborts its jobs,
 * which go back to the queue for another worker; a worker that dies leaves its job to expire and be retried.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import { appendAudit } from '../audit/store.ts';
import type { Actor } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ImportTarget } from '../ingest/target.ts';
import { AppError, iso } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import type { RetentionKind } from '../retention/kinds.ts';
import { getJob, type JobView, TERMINAL_STATES, toView } from './store.ts';

export interface ProgressUpdate {
  done: number;
  total?: number | null;
  unit?: string;
  message?: string;
}

export interface JobContext<P> {
  id: string;
  params: P;
  actor: Actor;
  attempt: number;
  signal: AbortSignal;
  database: Database;
  config: Config;
  logger: Logger;
  progress(update: ProgressUpdate): void;
  /** The import targets the modules provide (the import job looks its target up here). */
  importTargets: ReadonlyMap<string, ImportTarget<unknown>>;
  /** The kinds of data kept for a limited time (the purge job goes through them). */
  retention: readonly RetentionKind[];
  /** Queues another job (a scheduled tick starting the runs that are due); the actor defaults to this job's. */
  enqueue(kind: string, params: Record<string, unknown>, actor?: Actor): Promise<JobView>;
}

export interface JobKind<P = Record<string, unknown>> {
  kind: string;
  title(params: P): string;
  run(context: JobContext<P>): Promise<unknown>;
  /** Attempts after the first (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled each time (default 10). */
  retryDelay?: number;
  /**
   * Run on a schedule as well: a cron expression (UTC) and the parameters of each run. pg-boss keeps one schedule
   * per kind however many workers start, and runs are recorded like any other job.
   */
  every?: { cron: string; params: P };
}

/** What the queue takes of the modules' registry: the job kinds, and the import targets jobs may need. */
export interface JobSources {
  readonly jobKinds: readonly JobKind<never>[];
  readonly importTargets: ReadonlyMap<string, ImportTarget<unknown>>;
  readonly retention?: readonly RetentionKind[];
}

interface Running {
  controller: AbortController;
  view: JobView;
}

const PROGRESS_EVERY_MS = 500;
/** How often a worker says its jobs are alive, and how long without a sign of life makes a job an orphan. */
const HEARTBEAT_MS = 10_000;
export const ORPHAN_AFTER_MS = 60_000;
const SCHEDULER: Actor = { id: null, name: 'system:scheduler', ip: null };

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly kinds = new Map<string, JobKind<never>>();
  private readonly importTargets: ReadonlyMap<string, ImportTarget<unknown>>;
  private readonly retention: readonly RetentionKind[];
  private readonly running = new Map<string, Running>();
  private started = false;
  /** This worker's name in `job_runs.worker`: host, process, and a random part (a restarted pid is another). */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private heartbeat: NodeJS.Timeout | undefined;
  private beating: Promise<unknown> | null = null;

  private get orphanAfterMs(): number {
    return this.options.orphanAfterMs ?? ORPHAN_AFTER_MS;
  }

  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly logger: Logger,
    /** The registry (every module's job kinds, and the import targets jobs may need), or just some kinds. */
    kinds: JobSources | readonly JobKind<never>[],
    private readonly options: { schema?: string; orphanAfterMs?: number } = {},
  ) {
    const registry = 'jobKinds' in kinds ? kinds : undefined;
    for (const kind of registry ? registry.jobKinds : (kinds as readonly JobKind<never>[]))
      this.kinds.set(kind.kind, kind);
    this.importTargets = registry?.importTargets ?? new Map();
    this.retention = registry?.retention ?? [];
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => database.execute(text, values) },
      schema: options.schema ?? (database.schema ? `${database.schema}_jobs` : 'pgboss'),
      expireInSeconds: config.jobExpireMinutes * 60,
      retentionDays: 30,
    });
    this.boss.on('error', (error) => logger.error({ err: error, category: 'jobs' }, 'job queue error'));
  }

  /** Whether this process started the queue (the serving processes do; tests' apps by default do not). */
  get isStarted(): boolean {
    return this.started;
  }

  /** Starts the queue; with `work`, also runs the jobs of every known kind in this process. */
  /** The kinds that also run on a schedule (their scheduled runs are started by nobody: `created_by` is empty). */
  scheduledKinds(): string[] {
    return [...this.kinds.values()].filter((k) => k.every).map((k) => k.kind);
  }

  async start(options: { work: boolean }): Promise<void> {
    await this.boss.start();
    this.started = true;
    if (options.work) {
      // One process per embedded database: a job still marked running was left by a process that died.
      await this.reclaimOrphans(this.database.kind === 'pglite' ? 0 : this.orphanAfterMs);
      this.heartbeat = setInterval(() => void this.beat(), Math.min(HEARTBEAT_MS, this.orphanAfterMs / 3));
      this.heartbeat.unref();
    }
    for (const kind of this.kinds.values()) {
      await this.boss.createQueue(kind.kind, {
        name: kind.kind,
        retryLimit: kind.retryLimit ?? 2,
        retryDelay: kind.retryDelay ?? 10,
        retryBackoff: true,
        expireInSeconds: this.config.jobExpireMinutes * 60,
      });
      if (kind.every) {
        await this.boss.schedule(
          kind.kind,
          kind.every.cron,
          { params: kind.every.params, actor: SCHEDULER },
          { tz: 'UTC' },
        );
      }
      if (options.work) {
        for (let i = 0; i < this.config.jobConcurrency; i++) {
          await this.boss.work(
            kind.kind,
            { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 },
            ([job]) => this.execute(kind, job!),
          );
        }
      }
    }
  }

  /** Aborts the jobs running here (they go back to the queue) and stops. */
  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    await this.beating;
    for (const { controller } of this.running.values()) controller.abort('shutdown');
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 15_000, close: false });
    this.started = false;
  }

  async enqueue(kindName: string, params: Record<string, unknown>, actor: Actor): Promise<JobView> {
    const kind = this.kinds.get(kindName);
    if (!kind) throw new AppError('job.unknown_kind', `no job of kind ${kindName}`, 400);
    const id = randomUUID();
    const title = kind.title(params as never);
    await this.database.transaction(async (session) => {
      await session.db
        .insertInto('job_runs')
        .values({
          id,
          kind: kindName,
          title,
          state: 'queued',
          params: JSON.stringify(params),
          created_by: actor.id,
        })
        .execute();
      await appendAudit(session, actor, {
        action: 'job.queued',
        target_type: 'job',
        target_id: id,
        details: { kind: kindName, title, params },
      });
    });
    try {
      await this.boss.send(kindName, { params, actor }, { id });
    } catch (error) {
      await this.finish(id, 'failed', { error: `could not be queued: ${(error as Error).message}` });
      throw error;
    }
    return (await getJob(this.database.db, id))!;
  }

  /**
   * Says this worker's jobs are alive, then (on PostgreSQL, where other workers may have died) takes up the jobs
   * of workers silent for longer than ORPHAN_AFTER_MS. Skipped while the previous beat is still waiting (on
   * PGlite, behind an import's transaction).
   */
  private beat(): void {
    if (this.beating) return;
    const ids = [...this.running.keys()];
    this.beating = (async () => {
      if (ids.length)
        await this.database.db
          .updateTable('job_runs')
          .set({ heartbeat_at: new Date() })
          .where('id', 'in', ids)
          .execute();
      if (this.database.kind === 'postgres') await this.reclaimOrphans(this.orphanAfterMs);
    })()
      .catch((error) => this.logger.warn({ err: error, category: 'jobs' }, 'heartbeat not recorded'))
      .finally(() => {
        this.beating = null;
      });
  }

  /**
   * Jobs marked running whose worker gave no sign of life for `staleMs` (0: any, when this process alone can run
   * jobs): failed in the queue, which retries them while attempts remain, and recorded so.
   */
  async reclaimOrphans(staleMs: number): Promise<string[]> {
    const before = new Date(Date.now() - staleMs);
    const orphans = await this.database.db
      .selectFrom('job_runs')
      .select(['id', 'kind', 'worker', 'heartbeat_at', 'updated_at'])
      .where('state', '=', 'running')
      .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<=', before))
      .where((eb) => eb.or([eb('worker', 'is', null), eb('worker', '!=', this.workerId)]))
      .execute();
    const reclaimed: string[] = [];
    for (const orphan of orphans) {
      if (this.running.has(orphan.id) || !this.kinds.has(orphan.kind)) continue;
      const lastSign = iso(orphan.heartbeat_at ?? orphan.updated_at);
      // Only a job the queue still holds as active is failed; one it has already expired waits for its retry.
      const held = await this.boss.getJobById(orphan.kind, orphan.id);
      if (held?.state === 'active')
        await this.boss.fail(orphan.kind, orphan.id, {
          message: `its worker stopped (last sign of life ${lastSign})`,
        });
      const queued = await this.boss.getJobById(orphan.kind, orphan.id);
      const retrying = queued?.state === 'retry' || queued?.state === 'created';
      await this.finish(orphan.id, retrying ? 'retrying' : 'failed', {
        error: `its worker (${orphan.worker ?? 'unknown'}) stopped; last sign of life ${lastSign}${retrying ? ': taken up again' : ''}`,
      });
      await appendAudit(this.database, SCHEDULER, {
        action: 'job.orphaned',
        target_type: 'job',
        target_id: orphan.id,
        details: { kind: orphan.kind, worker: orphan.worker, last_sign_of_life: lastSign, retrying },
      });
      this.logger.warn(
        { category: 'jobs', job: orphan.id, worker: orphan.worker, retrying },
        'orphaned job taken up',
      );
      reclaimed.push(orphan.id);
    }
    return reclaimed;
  }

  /** The progress of a job running in this process, without asking the database. */
  live(id: string): JobView | undefined {
    return this.running.get(id)?.view;
  }

  async cancel(id: string, actor: Actor): Promise<JobView> {
    const live = this.running.get(id);
    if (live) live.controller.abort('cancelled');
    const job = live?.view ?? (await getJob(this.database.db, id));
    if (!job) throw new AppError('job.not_found', `no job ${id}`, 404);
    if (TERMINAL_STATES.includes(job.state))
      throw new AppError(
        'job.finished',
        `job ${id} has already ${job.state === 'completed' ? 'completed' : job.state}`,
        409,
      );
    if (!live) {
      if (job.state === 'running') {
        // Running in another process: its worker sees the flag at its next progress report.
        await this.database.db
          .updateTable('job_runs')
          .set({ cancel_requested: true })
          .where('id', '=', id)
          .execute();
      } else {
        await this.boss.cancel(job.kind, id);
        await this.finish(id, 'cancelled', { message: 'cancelled before it started' });
      }
    }
    await appendAudit(this.database, actor, {
      action: 'job.cancel_requested',
      target_type: 'job',
      target_id: id,
      details: { kind: job.kind, title: job.title },
    });
    return live?.view ?? (await getJob(this.database.db, id))!;
  }

  private async finish(
    id: string,
    state: 'completed' | 'failed' | 'cancelled' | 'retrying',
    fields: { result?: unknown; error?: string; message?: string },
  ): Promise<void> {
    await this.database.db
      .updateTable('job_runs')
      .set({
        state,
        ...(fields.result !== undefined ? { result: JSON.stringify(fields.result) } : {}),
        ...(fields.error !== undefined ? { error: fields.error } : {}),
        ...(fields.message !== undefined ? { message: fields.message } : {}),
        ...(state === 'retrying' ? {} : { finished_at: new Date() }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  private async execute(kind: JobKind<never>, job: PgBoss.JobWithMetadata<unknown>): Promise<unknown> {
    const { params, actor } = job.data as { params: never; actor: Actor };
    const controller = new AbortController();
    const attempt = job.retryCount + 1;
    const row = await this.database.db
      .updateTable('job_runs')
      .set({
        state: 'running',
        attempts: attempt,
        started_at: new Date(),
        updated_at: new Date(),
        heartbeat_at: new Date(),
        worker: this.workerId,
        message: null,
        error: null,
      })
      .where('id', '=', job.id)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      // A scheduled run: pg-boss created it, so its record starts here.
      await this.database.db
        .insertInto('job_runs')
        .values({
          id: job.id,
          kind: kind.kind,
          title: kind.title(params),
          state: 'queued',
          params: JSON.stringify(params ?? {}),
          created_by: actor?.id ?? null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return this.execute(kind, job);
    }
    if (row.cancel_requested) {
      await this.finish(job.id, 'cancelled', { message: 'cancelled before it started' });
      return undefined;
    }
    const entry: Running = { controller, view: toView(row) };
    this.running.set(job.id, entry);
    let lastWrite = 0;
    let writing: Promise<unknown> | null = null;
    const progress = (update: ProgressUpdate) => {
      const view = entry.view;
      entry.view = {
        ...view,
        done: update.done,
        total: update.total === undefined ? view.total : update.total,
        unit: update.unit ?? view.unit,
        message: update.message ?? view.message,
        updated_at: new Date().toISOString(),
      };
      const started = view.started_at ? Date.parse(view.started_at) : Date.now();
      const elapsed = (Date.now() - started) / 1000;
      entry.view.rate = elapsed > 0.5 ? Math.round((update.done / elapsed) * 10) / 10 : null;
      entry.view.eta_seconds =
        entry.view.rate && entry.view.total
          ? Math.round(Math.max(0, entry.view.total - update.done) / entry.view.rate)
          : null;
      if (writing || Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = Date.now();
      writing = this.database.db
        .updateTable('job_runs')
        .set({
          done: update.done,
          total: entry.view.total,
          unit: entry.view.unit,
          message: entry.view.message,
          updated_at: new Date(),
        })
        .where('id', '=', job.id)
        .returning('cancel_requested')
        .executeTakeFirst()
        .then((r) => {
          if (r?.cancel_requested) controller.abort('cancelled');
        })
        .catch((error) => this.logger.warn({ err: error, category: 'jobs' }, 'progress not recorded'))
        .finally(() => {
          writing = null;
        });
    };
    try {
      const result = await kind.run({
        id: job.id,
        params,
        actor,
        attempt,
        signal: controller.signal,
        database: this.database,
        config: this.config,
        logger: this.logger.child({ category: 'jobs', job: job.id, kind: kind.kind }),
        progress,
        importTargets: this.importTargets,
        retention: this.retention,
        enqueue: (kindName, jobParams, by) => this.enqueue(kindName, jobParams, by ?? actor),
      });
      await writing;
      await this.database.db
        .updateTable('job_runs')
        .set({ done: entry.view.done, total: entry.view.total, message: entry.view.message })
        .where('id', '=', job.id)
        .execute();
      await this.finish(job.id, 'completed', { result: result ?? null });
      return undefined;
    } catch (error) {
      await writing;
      const reason = controller.signal.aborted ? controller.signal.reason : undefined;
      if (reason === 'cancelled') {
        await this.finish(job.id, 'cancelled', { message: 'cancelled while running; nothing was kept' });
        return undefined;
      }
      const message =
        reason === 'shutdown'
          ? 'the worker stopped; another will take the job up again'
          : (error as Error).message;
      const retrying = job.retryCount < job.retryLimit;
      await this.finish(job.id, retrying ? 'retrying' : 'failed', { error: message });
      this.logger.warn({ err: error, category: 'jobs', job: job.id, attempt, retrying }, 'job failed');
      throw error;
    } finally {
      this.running.delete(job.id);
    }
  }
}
