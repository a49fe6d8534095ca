/** Temporary files for tests: one folder per test file, removed at exit. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export function tempFiles(): {
  write(name: string, content: string | Buffer): string;
  read(path: string): string;
  dir: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    read: (path) => readFileSync(path, 'utf8'),
  };
}
