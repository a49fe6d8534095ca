/**
 * A progress bar for long imports on a terminal (stderr): share of the file read, rows, rows per second, time left.
 * Nothing is drawn when stderr is not a terminal, so logs and pipes stay clean.
 */
import cliProgress from 'cli-progress';
import type { ImportProgress } from '../ingest/run.ts';
import { formatInt } from './output.ts';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

export function importProgressBar(label: string, enabled = Boolean(process.stderr.isTTY)): ProgressReporter {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = {
        rows: formatInt(p.rowsRead),
        rate: formatInt(Math.round(p.rowsRead / Math.max(p.elapsedMs / 1000, 0.001))),
      };
      if (!started) {
        bar.start(Math.max(p.bytesTotal, 1), p.bytesRead, payload);
        started = true;
      } else bar.update(p.bytesRead, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
