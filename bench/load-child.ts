/**
 * A load generator in a process of its own (`node bin/run-ts.js bench/load-child.ts JSON`): autocannon run in the
 * server's own process shares its event loop, and its work shows up as the server's latency. Takes
 * { url, seconds, headers, bodies?, paths? } (bodies: JSON texts sent in turn as POST bodies; paths: paths with their
 * query strings, asked in turn by GET), prints the summary as JSON.
 */
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  seconds: number;
  headers: Record<string, string>;
  bodies?: string[];
  paths?: string[];
};
let i = 0;
const bodies = spec.bodies;
const paths = spec.paths;
const result = await autocannon({
  url: spec.url,
  connections: 10,
  overallRate: 100,
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
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  }),
);
