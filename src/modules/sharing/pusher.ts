/**
 * Delivery as soon as a message is sent, in the HTTP processes (the `sharing.push` job every minute stays, for
 * worker-only processes and as a safety net): a message sent through the API kicks the pusher, which runs
 * `deliverDue` until nothing is due, then sleeps until the earliest next attempt (a partner backing off), at most
 * a minute. One run at a time per process; a kick during a run makes it go round once more. Rows are leased in
 * the database, so several processes pushing at once never post one row twice at the same time.
 *
 * At start it delivers the backlog at once. On the embedded database (one process per data folder), a row leased
 * by a process that was killed is released at start, since no other process can hold it; on PostgreSQL the lease
 * runs out (push.ts).
 */
import type { Database } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/lib/logger.ts';
import { deliverDue } from './push.ts';

const actor = { id: null, name: 'system:sharing.push', ip: null };
const MAX_SLEEP_MS = 60_000;
const MIN_SLEEP_MS = 100;
const AFTER_ERROR_MS = 5_000;

export class Pusher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly keyFile: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.database.kind === 'pglite')
      await this.database.db
        .updateTable('sharing_outbox')
        .set({ next_attempt_at: new Date() })
        .where('state', '=', 'pending')
        .where('next_attempt_at', '>', new Date())
        .execute();
    this.kick();
  }

  /** Delivers what is due now (in the background). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  private async run(): Promise<void> {
    let sleep = MAX_SLEEP_MS;
    try {
      do {
        this.again = false;
        for (;;) {
          if (this.stopped) return;
          const report = await deliverDue(this.database, this.keyFile, actor);
          if (report.delivered + report.refused + report.retried === 0) break;
        }
      } while (this.again);
      const next = await this.database.db
        .selectFrom('sharing_outbox')
        .select((eb) => eb.fn.min('next_attempt_at').as('next'))
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (next?.next) sleep = new Date(next.next as Date).getTime() - Date.now();
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn({ err: error, category: 'sharing' }, 'push to partner installations failed');
      sleep = AFTER_ERROR_MS;
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => this.kick(), Math.max(MIN_SLEEP_MS, Math.min(MAX_SLEEP_MS, sleep)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
