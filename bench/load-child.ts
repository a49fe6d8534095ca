/**
 * A load generator in a process of its own (`node bin/run-ts.js bench/load-child.ts JSON`): autocannon run in the
 * server's own process shares its event loop, and its work shows up as the server's latency. Takes
 * { url, seconds, headers, bodies?, paths?, pace? } (bodies: JSON texts sent in turn as POST bodies; paths: paths
 * with their query strings, asked in turn by GET), prints the summary as JSON.
 *
 * Two ways to send 100 requests a second:
 * - `pace: 'bursts'` (the default): autocannon's rate limit, which starts each tenth of a second's ten requests at
 *   once on its ten connections — ten requests arrive together, every 100 ms;
 * - `pace: 'even'`: an open loop that sends request k at start + k × 10 ms whether or not the earlier ones have
 *   answered (on up to 50 kept-alive connections), and measures each latency from the time the request was due, so
 *   a slow server cannot hide its queue by slowing the sender down (no coordinated omission).
 */
import http from 'node:http';
import autocannon from 'autocannon';

interface Spec {
  url: string;
  seconds: number;
  headers: Record<string, string>;
  bodies?: string[];
  paths?: string[];
  pace?: 'bursts' | 'even';
}

interface Summary {
  rps: number;
  p99: number;
  p50: number;
  errors: number;
  total: number;
}

const RATE = 100;
const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;

async function bursts(): Promise<Summary> {
  let i = 0;
  const bodies = spec.bodies;
  const paths = spec.paths;
  const result = await autocannon({
    url: spec.url,
    connections: 10,
    overallRate: RATE,
    duration: spec.seconds,
    headers: { ...spec.headers, ...(bodies ? { 'content-type': 'application/json' } : {}) },
    ...(bodies
      ? {
          method: 'POST' as const,
          requests: [
            {
              method: 'POST' as const,
              setupRequest: (req: object) => ({ ...req, body: bodies[i++ % bodies.length] }),
            },
          ],
        }
      : paths
        ? { requests: [{ setupRequest: (req: object) => ({ ...req, path: paths[i++ % paths.length] }) }] }
        : {}),
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function even(): Promise<Summary> {
  const target = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const count = spec.seconds * RATE;
  const latencies: number[] = [];
  let errors = 0;
  const send = (k: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = spec.bodies ? spec.bodies[k % spec.bodies.length]! : undefined;
      const path = spec.paths ? spec.paths[k % spec.paths.length]! : `${target.pathname}${target.search}`;
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path,
          method: body === undefined ? 'GET' : 'POST',
          agent,
          headers: {
            ...spec.headers,
            ...(body === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            if ((response.statusCode ?? 0) >= 400) errors++;
            resolve();
          });
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors++;
        resolve();
      });
      request.end(body);
    });
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let k = 0; k < count; k++) {
    const due = start + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(k, due));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    rps: latencies.length / elapsed,
    p99: round(quantile(latencies, 0.99)),
    p50: round(quantile(latencies, 0.5)),
    errors,
    total: count,
  };
}

process.stdout.write(JSON.stringify(spec.pace === 'even' ? await even() : await bursts()));
