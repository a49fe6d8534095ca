/**
 * One process at a time on an embedded database folder: PGlite has no server to arbitrate, and two processes
 * writing one folder would corrupt it. The lock is a file holding the owner's pid; a lock whose process is gone is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DatabaseBusy extends Error {
  constructor(dir: string, pid: number) {
    super(
      `the embedded database in ${dir} is in use by process ${pid} (a running vigie serve or start?): stop it first, ` +
        'or use its API, or move to PostgreSQL (VIGIE_DATABASE_URL) to share one database between processes',
    );
    this.name = 'DatabaseBusy';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'vigie.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
        } catch {}
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner === process.pid || (Number.isInteger(owner) && owner > 0 && alive(owner))) {
        throw new DatabaseBusy(dir, owner);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}
