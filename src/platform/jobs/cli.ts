/** `vigie jobs list|show|cancel`. */
import type { Command } from 'commander';
import { cliActor } from '../auth/actor.ts';
import type { CliContext } from '../cli/context.ts';
import { formatBytes, formatInt, printJson, table } from '../cli/output.ts';
import { createLogger } from '../lib/logger.ts';
import { JobQueue } from './queue.ts';
import { getJob, type JobView, listJobs, resolveJobId } from './store.ts';

function progressText(job: JobView): string {
  if (job.total) {
    const amount =
      job.unit === 'bytes'
        ? `${formatBytes(job.done)} of ${formatBytes(job.total)}`
        : `${formatInt(job.done)} of ${formatInt(job.total)}`;
    return `${Math.round((100 * job.done) / job.total)} % (${amount})`;
  }
  return job.done ? formatInt(job.done) : '';
}

export function registerJobCommands(program: Command, context: CliContext): void {
  const jobs = program.command('jobs').description('background jobs (imports started through the API…)');
  jobs
    .command('list')
    .description('jobs, newest first')
    .option('--state <state>', 'queued, running, retrying, completed, failed or cancelled')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print as JSON')
    .action(async (options: { state?: string; limit: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listJobs(
          database.db,
          { state: options.state as never },
          { limit: Number(options.limit) || 20, offset: 0 },
        );
        if (options.json) printJson(page);
        else
          console.log(
            table(
              ['id', 'state', 'title', 'progress', 'created'],
              page.items.map((j) => [
                j.id.slice(0, 8),
                j.stalled ? 'stalled' : j.state,
                j.title,
                progressText(j),
                j.created_at.slice(0, 16).replace('T', ' '),
              ]),
            ),
          );
      });
    });
  jobs
    .command('show')
    .description('one job')
    .argument('<id>', 'job id')
    .action(async (id: string) => {
      await context.withDatabase(async (database) => {
        const job = await getJob(database.db, await resolveJobId(database.db, id));
        if (!job) throw new Error(`no job ${id}`);
        printJson(job);
      });
    });
  jobs
    .command('cancel')
    .description('cancel a job (a running import is rolled back)')
    .argument('<id>', 'job id')
    .action(async (id: string) => {
      await context.withDatabase(async (database, config) => {
        const queue = new JobQueue(database, config, createLogger('warn'), context.registry);
        await queue.start({ work: false });
        try {
          const job = await queue.cancel(await resolveJobId(database.db, id), cliActor());
          console.log(
            `✔ ${job.state === 'cancelled' ? 'cancelled' : 'cancellation requested'}: ${job.title}`,
          );
        } finally {
          await queue.stop();
        }
      });
    });
}
