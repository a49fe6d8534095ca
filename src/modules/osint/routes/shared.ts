/**
 * Schema pieces and handlers the osint route files share: labels, id parameters, boolean and text query
 * parameters, and the answer of a route that starts a job (the id parameter and the paged list's handler
 * are route-kit's).
 */
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { jobSchema } from '../../../platform/jobs/routes.ts';
import { LABELS } from '../analysis/index.ts';

export const label = z.enum(LABELS);
export { idParams, pagedList } from '../../../platform/server/route-kit.ts';
export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const text = (max = 200) => z.string().max(max);

export const jobAnswer = z.object({ job: jobSchema, links: z.object({ job: z.string() }) });

/** Queues an osint job; what a route answers with 202: the job, and where to follow it. */
export async function queueJob(jobs: JobQueue, kind: string, params: Record<string, unknown>, actor: Actor) {
  const job = await jobs.enqueue(kind, params, actor);
  return { job, links: { job: `/api/osint/jobs/${job.id}` } };
}
