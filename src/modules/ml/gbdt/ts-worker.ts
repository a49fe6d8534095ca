/**
 * Starts a worker thread on a TypeScript module of this project: the training kernel (parallel.ts) and the
 * TreeSHAP workers (shap-parallel.ts) share it. The worker is a small CommonJS script that registers tsx (to load
 * .ts) and imports the entry, then flips a shared status word — 1 loaded, 2 failed — that the caller may wait on
 * while blocked (Atomics.wait) or poll. No worker is ever started another way.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export const WORKER_LOADING = 0;
export const WORKER_LOADED = 1;
export const WORKER_FAILED = 2;

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const status = workerData.status;
(async () => {
  if (workerData.tsx) {
    const api = await import(workerData.tsx);
    (api.register ?? api.default.register)();
  }
  await import(workerData.entry);
  Atomics.store(status, 0, 1);
  Atomics.notify(status, 0);
})().catch(() => {
  Atomics.store(status, 0, 2);
  Atomics.notify(status, 0);
});
`;

/** URL of tsx's ESM registration API (the CommonJS build cannot register hooks from an eval'd worker). */
function tsxApiUrl(): string | null {
  try {
    const resolved = import.meta.resolve?.('tsx/esm/api');
    if (resolved?.endsWith('.mjs')) return resolved;
  } catch {
    // fall through to require.resolve
  }
  try {
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
  } catch {
    return null;
  }
}

export interface TsWorker {
  worker: Worker;
  /** status[0]: WORKER_LOADING, WORKER_LOADED or WORKER_FAILED; shared with the worker. */
  status: Int32Array;
}

/** A worker running `entry` (a module URL), unref'd: an idle worker never keeps the process alive. */
export function startTsWorker(entry: URL): TsWorker {
  const status = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { tsx: tsxApiUrl(), entry: entry.href, status },
  });
  worker.unref();
  return { worker, status };
}
