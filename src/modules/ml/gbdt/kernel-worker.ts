/**
 * Entry of the training worker thread (see parallel.ts). It waits for a session message carrying its kernel's
 * data in shared memory, then serves job batches signalled through Atomics until told to stop, and goes back to
 * waiting for the next session: one worker serves every training of the process.
 */
import { parentPort } from 'node:worker_threads';
import { HistogramKernel, type KernelData } from './kernel.ts';
import {
  CMD_EXIT,
  CMD_RELEASE,
  CMD_RUN,
  CTRL_CMD,
  CTRL_COUNT,
  CTRL_DONE,
  CTRL_ERROR,
  CTRL_READY,
  CTRL_SEQ,
} from './protocol.ts';
import type { SplitParams } from './split.ts';

export interface SessionMessage {
  type: 'session';
  data: KernelData;
  params: SplitParams;
  ctrl: Int32Array;
  jobs: Float64Array;
  results: Float64Array;
  /** UTF-8 message of a failure, for the trainer's error (this thread's stderr may never be flushed). */
  errorText: Uint8Array;
}

function serve(msg: SessionMessage): void {
  const { ctrl, jobs, results } = msg;
  const kernel = new HistogramKernel(msg.data, msg.params);
  let seen = Atomics.load(ctrl, CTRL_SEQ);
  Atomics.store(ctrl, CTRL_READY, 1);
  Atomics.notify(ctrl, CTRL_READY);
  for (;;) {
    // Re-check after every wake-up: a wait can return without a new command (V8 interrupts), and running the
    // previous batch twice would corrupt the histograms.
    while (Atomics.load(ctrl, CTRL_SEQ) === seen) Atomics.wait(ctrl, CTRL_SEQ, seen);
    seen = Atomics.load(ctrl, CTRL_SEQ);
    const cmd = Atomics.load(ctrl, CTRL_CMD);
    try {
      if (cmd === CMD_RUN) kernel.run(jobs, Atomics.load(ctrl, CTRL_COUNT), results);
      else if (cmd === CMD_RELEASE) kernel.releaseAll();
    } catch (error) {
      const text = new TextEncoder().encode(
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      msg.errorText.set(text.subarray(0, msg.errorText.length));
      Atomics.store(ctrl, CTRL_ERROR, 1);
    }
    Atomics.store(ctrl, CTRL_DONE, seen);
    Atomics.notify(ctrl, CTRL_DONE);
    if (cmd === CMD_EXIT) return;
  }
}

parentPort?.on('message', (msg: SessionMessage) => {
  if (msg?.type === 'session') serve(msg);
});
parentPort?.postMessage({ type: 'loaded' });
