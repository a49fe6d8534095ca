/**
 * /metrics in the Prometheus text format: HTTP requests and latencies by route template (never the raw URL, to keep
 * the series few), job counts by state and rows imported (read from the database, so they are the same whichever
 * process is scraped), and the process's own figures.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { countJobsByState } from '../jobs/store.ts';
import type { AppContext } from './context.ts';

export function installMetrics(app: FastifyInstance, { database, config }: AppContext): void {
  if (config.metrics === 'off') return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigie_' });
  const requests = new Counter({
    name: 'vigie_http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'vigie_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'vigie_jobs',
    help: 'Background jobs by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [state, n] of Object.entries(await countJobsByState(database.db))) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'vigie_imported_rows',
    help: 'Rows read by successful imports, by kind of data',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const { rows } = await sql<{ kind: string; rows: number }>`
        select kind, coalesce(sum(rows_read), 0)::bigint as rows from imports group by kind`.execute(
        database.db,
      );
      for (const row of rows) this.set({ kind: row.kind }, Number(row.rows));
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get(
    '/metrics',
    {
      config: { permission: config.metrics === 'public' ? 'public' : 'metrics:read' },
      schema: { summary: 'Prometheus metrics', tags: ['operations'], produces: ['text/plain'] },
    },
    async (_request, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
