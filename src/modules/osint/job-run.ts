/**
 * What the osint jobs do (loaded only when one runs): a collection run, the scheduling tick, re-analysis.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { JobContext } from '../../platform/jobs/queue.ts';
import { getUpload, writeUploadToFile } from '../../platform/uploads/uploads.ts';
import { learnFromConfirmations } from './model.ts';
import { reanalyzeItems } from './reanalyze.ts';
import { runCollection } from './run.ts';
import type { FileConfig } from './source-config.ts';
import { claimDueSource, dueSources, releaseSource, sourceConfig } from './sources.ts';

export interface CollectJobParams {
  source_id: number;
  /** URLs to fetch (submitted URLs, or a web source started elsewhere than its start URLs). */
  urls?: string[];
  /** An uploaded export file (file sources). */
  upload_id?: number;
  file_name?: string;
  /** Set by the tick that claimed the source, so that the run releases it. */
  claim?: string;
}

export interface ReanalyzeJobParams {
  source_id?: number;
}

const collectParams = z.object({
  source_id: z.number().int().positive(),
  urls: z.array(z.string().max(2000)).max(1000).optional(),
  upload_id: z.number().int().positive().optional(),
  file_name: z.string().max(255).optional(),
  claim: z.string().max(60).optional(),
});

export async function runCollectJob(ctx: JobContext<CollectJobParams>) {
  const params = collectParams.parse(ctx.params);
  let dir: string | undefined;
  try {
    let file: { path: string; name: string } | undefined;
    if (params.upload_id) {
      const upload = await getUpload(ctx.database, params.upload_id);
      if (!upload) throw new Error(`upload #${params.upload_id} is gone`);
      dir = mkdtempSync(join(tmpdir(), 'vigie-osint-'));
      const name = (params.file_name ?? upload.file_name).replace(/[/\\]/g, '_') || 'upload';
      file = { path: join(dir, name), name };
      await writeUploadToFile(ctx.database, params.upload_id, file.path);
    }
    return await runCollection(ctx.database, {
      sourceId: params.source_id,
      actor: ctx.actor,
      params: { urls: params.urls, file },
      signal: ctx.signal,
      progress: ctx.progress,
      jobId: ctx.id,
      dataDir: ctx.config.dataDir,
    });
  } finally {
    if (params.claim) await releaseSource(ctx.database.db, params.source_id, params.claim);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts one collection job per due source; returns what it started. */
export async function runTick(ctx: Pick<JobContext<unknown>, 'database' | 'actor' | 'enqueue' | 'logger'>) {
  const started: { source_id: number; job_id: string }[] = [];
  const now = new Date();
  for (const source of await dueSources(ctx.database.db, now)) {
    // A file source without an inbox file has nothing to read on a schedule.
    if (source.type === 'file' && !(sourceConfig(source) as FileConfig).inbox_file) continue;
    const claim = randomUUID();
    if (!(await claimDueSource(ctx.database.db, source.id, claim, now))) continue;
    try {
      const job = await ctx.enqueue('osint.collect', { source_id: source.id, claim }, ctx.actor);
      await ctx.database.db
        .updateTable('osint_sources')
        .set({ running_job_id: job.id })
        .where('id', '=', source.id)
        .where('running_job_id', '=', claim)
        .execute();
      started.push({ source_id: source.id, job_id: job.id });
    } catch (error) {
      await releaseSource(ctx.database.db, source.id, claim);
      ctx.logger.warn({ err: error, source: source.id }, 'osint collection not queued');
    }
  }
  const model_version = await learnFromConfirmations(ctx.database, ctx.actor);
  return { started, model_version };
}

const reanalyzeParams = z.object({ source_id: z.number().int().positive().optional() });

export async function runReanalyzeJob(ctx: JobContext<ReanalyzeJobParams>) {
  const params = reanalyzeParams.parse(ctx.params ?? {});
  return reanalyzeItems(ctx.database, {
    sourceId: params.source_id,
    signal: ctx.signal,
    onProgress: (done, total) => ctx.progress({ done, total, unit: 'items' }),
  });
}
