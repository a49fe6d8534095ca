/**
 * Runs once before the test files: builds a migrated PGlite database and dumps it, so that each test file starts
 * its own PGlite from that dump (under a second) instead of running initdb and the migrations (several seconds).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { registry } from '../src/app/modules.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const database = await openDatabase();
  await migrateToLatest(database, registry.migrations);
  const dump = await database.dumpDataDir?.();
  if (!dump) throw new Error('the test template needs a PGlite database');
  await database.close();
  const path = join(tmpdir(), `vigie-test-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
}
