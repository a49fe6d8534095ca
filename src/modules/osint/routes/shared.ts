/**
 * Schema pieces and handlers the osint route files share: labels, id parameters, boolean and text query
 * parameters, the answer of a route that starts a job, and the body of every paged list.
 */
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { jobSchema } from '../../../platform/jobs/routes.ts';
import { LABELS } from '../analysis/index.ts';

export const label = z.enum(LABELS);
export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const text = (max = 200) => z.string().max(max);

export const jobAnswer = z.object({ job: jobSchema, links: z.object({ job: z.string() }) });

/** Queues an osint job; what a route answers with 202: the job, and where to follow it. */
export async function queueJob(jobs: JobQueue, kind: string, params: Record<string, unknown>, actor: Actor) {
  const job = await jobs.enqueue(kind, params, actor);
  return { job, links: { job: `/api/osint/jobs/${job.id}` } };
}

type Page = { limit: number; offset: number };

/**
 * The handler of a paged list: the query's `limit` and `offset` make the page, the rest are the lister's filters;
 * the answer repeats the page with the lister's `total` and `items`.
 */
export const pagedList =
  <Db, F, T>(db: Db, list: (db: Db, filters: F, page: Page) => Promise<{ total: number; items: T[] }>) =>
  async (request: { query: Page & F }) => {
    const { limit, offset, ...filters } = request.query;
    return { limit, offset, ...(await list(db, filters as unknown as F, { limit, offset })) };
  };
