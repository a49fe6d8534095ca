/**
 * One collection run of one source: the collector fetches or reads, each document is kept as evidence, each post
 * is validated and analysed here, then stored — de-duplicated, with its seller and alerts — by store-item.ts; at
 * the end the sellers touched are re-profiled (seller alerts), and the run and the source's health are recorded.
 * Problems are located and counted; the run goes on. The same function serves the job queue, the CLI and tests.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import { publishEvent } from '../../platform/events/bus.ts';
import type { ProgressUpdate } from '../../platform/jobs/queue.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import { type AnalysisResult, createAnalyzer } from './analysis/index.ts';
import { type CollectParams, collect } from './collect/collectors.ts';
import type { CollectedPost, CollectorContext, LocatedProblem } from './collect/types.ts';
import { contentHash } from './dedup.ts';
import { storeEvidence } from './evidence.ts';
import { analysedText, itemKey, toAnalysisInput, type ValidPost, validatePost } from './items.ts';
import { currentModel } from './model.ts';
import { resolveSellerId } from './sellers.ts';
import { parseSourceConfig } from './source-config.ts';
import { getSourceRow, releaseSource } from './sources.ts';
import { profileSellers, storeItem } from './store-item.ts';
import type { OsintRunStatus } from './tables.ts';
import { listWatchTerms } from './watchlist.ts';

export interface RunOptions {
  sourceId: number;
  actor: Actor;
  params?: CollectParams;
  signal?: AbortSignal | undefined;
  progress?: ((update: ProgressUpdate) => void) | undefined;
  jobId?: string | null | undefined;
  /** The data folder, for file sources reading `<data dir>/osint-inbox/…`. */
  dataDir?: string | undefined;
}

/** What a run counts, in its summary and in its stored row. */
interface RunCounts {
  fetched: number;
  skipped: number;
  items_new: number;
  items_seen: number;
  reposts: number;
  errors: number;
}

export interface RunSummary extends RunCounts {
  run_id: number;
  source_id: number;
  status: Exclude<OsintRunStatus, 'running'>;
  warnings: number;
  alerts: number;
  sellers: number;
  duration_ms: number;
  /** The first problems (all are counted; the run keeps the first 200). */
  problems: LocatedProblem[];
}

const KEEP_PROBLEMS = 200;
const TRANSACTION_POSTS = 100;

export async function runCollection(database: Database, options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const source = await getSourceRow(database.db, options.sourceId);
  if (!source) throw new NotFoundError('osint.source_not_found', `no source #${options.sourceId}`);
  const config = parseSourceConfig(source.type, source.config);
  const { actor } = options;
  const run = await database.db
    .insertInto('osint_runs')
    .values({
      source_id: source.id,
      job_id: options.jobId ?? null,
      started_by: actor.name,
      started_by_id: actor.id,
      status: 'running',
      problems: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const model = await currentModel(database.db);
  const maxTextChars = 'max_text_chars' in config ? config.max_text_chars : 50_000;
  const analyze = createAnalyzer({ classifier: model.classifier, maxTextChars });
  const watchTerms = await listWatchTerms(database.db, { activeOnly: true });
  const stats = {
    fetched: 0,
    skipped: 0,
    items_new: 0,
    items_seen: 0,
    reposts: 0,
    errors: 0,
    warnings: 0,
    alerts: 0,
  };
  const problems: LocatedProblem[] = [];
  const sellers = new Set<number>();
  let lastError: string | null = null;
  let pageLimitReported = false;
  const problem = (p: LocatedProblem) => {
    if (p.severity === 'error') {
      stats.errors++;
      lastError = p.message;
    } else stats.warnings++;
    if (problems.length < KEEP_PROBLEMS) problems.push(p);
  };

  const documentUrls = new Map<number, string>();
  /** Where a post is, for people: `posts.ndjson:12`, `https://…/feed.xml#item[3]`. */
  const locate = (evidenceId: number, locator: string) => {
    if (locator.includes('://')) return locator;
    const url = documentUrls.get(evidenceId) ?? `evidence #${evidenceId}`;
    const line = /^line (\d+)/.exec(locator);
    if (url.startsWith('file:') && line) return `${url.slice(5)}:${line[1]}`;
    return `${url}#${locator}`;
  };
  const ctx: CollectorContext = {
    signal: options.signal,
    async document(input) {
      const stored = await database.transaction((session) =>
        storeEvidence(session.db, { ...input, sourceId: source.id, runId: run.id, collectedBy: actor }),
      );
      stats.fetched++;
      documentUrls.set(stored.id, input.url);
      return stored.id;
    },
    async posts(evidenceId, posts: CollectedPost[]) {
      const ready: { post: ValidPost; analysis: AnalysisResult; key: string }[] = [];
      for (const raw of posts) {
        const where = locate(evidenceId, raw.locator);
        const checked = validatePost(raw, where, maxTextChars);
        if ('error' in checked) {
          problem(checked.error);
          continue;
        }
        for (const w of checked.warnings) problem(w);
        const key = itemKey(checked.post, source.id, contentHash(analysedText(checked.post)));
        try {
          ready.push({ post: checked.post, analysis: analyze(toAnalysisInput(checked.post, key)), key });
        } catch (error) {
          problem({
            where,
            severity: 'error',
            code: 'analysis.failed',
            message: `${where}: analysis failed: ${(error as Error).message}`,
          });
        }
      }
      for (let at = 0; at < ready.length; at += TRANSACTION_POSTS) {
        options.signal?.throwIfAborted();
        const slice = ready.slice(at, at + TRANSACTION_POSTS);
        let raised = 0;
        await database.transaction(async (session) => {
          // One writer of items at a time, across pages fetched in parallel and runs in other processes: a
          // repost stored at the same moment as its original would not see it (PostgreSQL), and be no repost.
          await sql`select pg_advisory_xact_lock(hashtext('vigie.osint.items'))`.execute(session.db);
          const seenAt = new Date();
          for (const { post, analysis, key } of slice) {
            const outcome = await storeItem(
              session.db,
              {
                sourceId: source.id,
                evidenceId,
                modelVersion: model.version,
                alertThreshold: config.alert_threshold,
                watchTerms,
                seenAt,
              },
              post,
              analysis,
              key,
            );
            if (outcome.status === 'new') stats.items_new++;
            else stats.items_seen++;
            if (outcome.repost) stats.reposts++;
            stats.alerts += outcome.alerts;
            raised += outcome.alerts;
            for (const s of outcome.sellers) sellers.add(s);
          }
        });
        if (raised > 0) announceAlerts(database, source, raised);
      }
    },
    problem,
    skipped(url, reason) {
      // Links beyond the depth limit are the limit working, not news; robots.txt refusals and the page limit are.
      if (reason === 'depth') return;
      if (reason === 'limit') {
        if (pageLimitReported) return;
        pageLimitReported = true;
      }
      stats.skipped++;
      problem({
        where: url,
        severity: 'warning',
        code:
          reason === 'robots.txt'
            ? 'fetch.robots_disallowed'
            : reason === 'limit'
              ? 'fetch.page_limit'
              : 'fetch.skipped',
        message:
          reason === 'robots.txt'
            ? `${url}: not fetched (robots.txt forbids it)`
            : reason === 'limit'
              ? `${url}: not fetched, the page limit of the source was reached (and so for the following links)`
              : `${url}: not fetched (${reason})`,
      });
    },
    progress(done, total, message) {
      options.progress?.({ done, total: total ?? null, unit: 'documents', ...(message ? { message } : {}) });
    },
  };

  let params = options.params ?? {};
  if (source.type === 'file' && !params.file && 'inbox_file' in config && config.inbox_file) {
    const inbox = resolve(options.dataDir ?? '.', 'osint-inbox');
    const path = resolve(inbox, config.inbox_file);
    if (relative(inbox, path).startsWith('..'))
      throw new AppError('osint.invalid_config', 'inbox_file leaves the inbox', 400);
    if (existsSync(path)) params = { ...params, file: { path, name: config.inbox_file } };
    else
      problem({
        where: join('osint-inbox', config.inbox_file),
        severity: 'error',
        code: 'file.missing',
        message: `${config.inbox_file}: not in the inbox folder ${inbox}`,
      });
  }

  let status: RunSummary['status'] = 'ok';
  let thrown: unknown;
  try {
    if (!(source.type === 'file' && !params.file)) await collect(source.type, config, ctx, params);
  } catch (error) {
    thrown = error;
    if (options.signal?.aborted) status = 'cancelled';
    else {
      status = 'failed';
      problem({
        where: source.name,
        severity: 'error',
        code: 'collect.failed',
        message: `${source.name}: ${(error as Error).message}`,
      });
    }
  }
  if (status === 'ok' && stats.errors > 0)
    status = stats.items_new + stats.items_seen === 0 ? 'failed' : 'partial';

  // Sellers touched may have been merged since; profile the ones that stand now.
  const current = new Set<number>();
  for (const id of sellers) current.add(await resolveSellerId(database.db, id));
  let sellerAlerts = 0;
  if (current.size) {
    await database.transaction(async (session) => {
      sellerAlerts = await profileSellers(session.db, current);
    });
  }
  stats.alerts += sellerAlerts;
  if (sellerAlerts > 0) announceAlerts(database, source, sellerAlerts);
  const finished = new Date();
  await database.db
    .updateTable('osint_runs')
    .set({
      status,
      finished_at: finished,
      fetched: stats.fetched,
      skipped: stats.skipped,
      items_new: stats.items_new,
      items_seen: stats.items_seen,
      reposts: stats.reposts,
      errors: stats.errors,
      alerts: stats.alerts,
      problems: JSON.stringify(problems),
    })
    .where('id', '=', run.id)
    .execute();
  await database.db
    .updateTable('osint_sources')
    .set((eb) => ({
      last_run_at: finished,
      last_status: status,
      last_items: stats.items_new + stats.items_seen,
      last_errors: stats.errors,
      last_error: lastError,
      total_items: eb('total_items', '+', stats.items_new),
      runs: eb('runs', '+', 1),
      ...(status === 'ok' || status === 'partial' ? { last_success_at: finished } : {}),
    }))
    .where('id', '=', source.id)
    .execute();
  if (options.jobId) await releaseSource(database.db, source.id, options.jobId);
  if (thrown && status === 'cancelled') throw thrown;
  return {
    run_id: run.id,
    source_id: source.id,
    status,
    ...stats,
    sellers: current.size,
    duration_ms: Math.round(performance.now() - started),
    problems: problems.slice(0, 20),
  };
}

export interface RunView extends RunCounts {
  id: number;
  source_id: number;
  job_id: string | null;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  status: OsintRunStatus;
  alerts: number;
  problems: LocatedProblem[];
}

export async function listRuns(
  database: Database,
  sourceId: number,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: RunView[] }> {
  const q = database.db.selectFrom('osint_runs').where('source_id', '=', sourceId);
  const { total, rows } = await offsetPage(
    q,
    (query) =>
      query
        .select([
          'id',
          'source_id',
          'job_id',
          'started_by',
          'started_at',
          'finished_at',
          'status',
          'fetched',
          'skipped',
          'items_new',
          'items_seen',
          'reposts',
          'errors',
          'alerts',
          'problems',
        ])
        .orderBy('id', 'desc'),
    page,
  );
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      started_at: new Date(r.started_at).toISOString(),
      finished_at: r.finished_at ? new Date(r.finished_at).toISOString() : null,
      problems: r.problems as LocatedProblem[],
    })),
  };
}

/** New alerts, once committed, to the workbench's live events (`osint.alert`, to users with osint:read). */
function announceAlerts(database: Database, source: { id: number; name: string }, count: number): void {
  publishEvent(database, {
    type: 'osint.alert',
    permission: 'osint:read',
    data: { count, source_id: source.id, source: source.name },
  });
}
