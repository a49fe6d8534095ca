/**
 * The process a crash test kills with SIGKILL: it opens the database the parent prepared, seals its audit entries
 * with the parent's key, then either runs an import job (printing its progress) or runs selections office-day by
 * office-day (printing each). The parent reads the lines and kills it at a random point.
 *
 * Run as `node bin/run-ts.js test/crash/child.ts '<json>'` with {backend, dataDir?, url?, schema?, keyFile, scenario,
 * file?}.
 */

import { registry } from '../../src/app/modules.ts';
import { runSelection } from '../../src/modules/risk/decisions.ts';
import { installAuditKeyring, loadAuditKeyring } from '../../src/platform/audit/key.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { createLogger } from '../../src/platform/lib/logger.ts';
import { saveFileAsUpload } from '../../src/platform/uploads/uploads.ts';

export interface ChildOptions {
  backend: 'pglite' | 'postgres';
  dataDir: string;
  url?: string;
  schema?: string;
  keyFile: string;
  scenario: 'import' | 'select';
  file?: string;
  days?: { office: string; day: string }[];
}

const options = JSON.parse(process.argv[2]!) as ChildOptions;
const say = (line: string) => process.stdout.write(`${line}\n`);
installAuditKeyring(loadAuditKeyring(options.keyFile, { create: false }));
const database = await openDatabase(
  options.backend === 'pglite'
    ? { dataDir: options.dataDir }
    : { url: options.url!, schema: options.schema!, poolSize: 4 },
);
const actor = { id: null, name: 'crash-child', ip: null };

if (options.scenario === 'import') {
  const config = loadConfig({ dataDir: options.dataDir, jobConcurrency: 1 });
  const jobs = new JobQueue(database, config, createLogger('silent'), registry);
  await jobs.start({ work: false });
  const upload = await saveFileAsUpload(database, options.file!, 'crash.csv', null, {
    owner: 'imports',
    readPermission: 'imports:read',
    retainDays: 1,
  });
  const job = await jobs.enqueue(
    'import',
    { upload_id: upload.id, file_name: 'crash.csv', target: 'declarations', profile: 'kcs', mode: 'atomic' },
    actor,
  );
  say(`job ${job.id}`);
  await jobs.stop();
  // A worker of its own, reporting progress as it goes: the parent kills it somewhere along the way.
  const worker = new JobQueue(database, config, createLogger('silent'), registry);
  await worker.start({ work: true });
  for (;;) {
    const live = worker.live(job.id);
    if (live) say(`progress ${live.done} ${live.total ?? 0}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
} else {
  for (const { office, day } of options.days ?? []) {
    const summary = await runSelection(database, actor, { office, day, seed: 'crash' });
    say(`selected ${office} ${day} ${summary.declarations}`);
  }
  say('done');
  await database.close();
}
