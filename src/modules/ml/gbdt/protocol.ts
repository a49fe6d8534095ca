/**
 * Control words shared by the trainer and its worker thread (parallel.ts, kernel-worker.ts), in one
 * Int32Array over a SharedArrayBuffer. Kept apart from the worker entry so that importing them never runs it.
 */
export const CTRL_SEQ = 0;
export const CTRL_DONE = 1;
export const CTRL_COUNT = 2;
export const CTRL_CMD = 3;
export const CTRL_ERROR = 4;
export const CTRL_READY = 5;
export const CMD_RUN = 1;
export const CMD_RELEASE = 2;
export const CMD_EXIT = 3;
