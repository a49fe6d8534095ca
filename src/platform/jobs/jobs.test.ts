import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { kcsCsv, nativeCsv, nativeRow } from '../../../test/factories.ts';
import { declarationStats } from '../../modules/declarations/index.ts';
import { listAudit } from '../audit/store.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../lib/logger.ts';
import { registryOf } from '../module.ts';
import { type JobKind, JobQueue } from './queue.ts';
import { getJob, type JobView } from './store.ts';

/** A multipart body with fields and one file. */
function multipart(fields: Record<string, string>, file?: { name: string; content: string | Buffer }) {
  const boundary = `----vigie${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function until(what: () => Promise<JobView | undefined>, done: (job: JobView) => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = await what();
    if (job && done(job)) return job;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachDatabase('background jobs', (t) => {
  let opened: TestApp;
  let analyst: Awaited<ReturnType<typeof userWithToken>>;
  beforeAll(async () => {
    opened = await testApp(t.database, { uploadMaxMb: 1 }, { jobs: 'work' });
    analyst = await userWithToken(t.database, ['analyst']);
  });
  afterAll(() => opened?.close());

  const post = (
    fields: Record<string, string>,
    file?: { name: string; content: string | Buffer },
    headers = analyst.headers,
  ) => {
    const body = multipart(fields, file);
    return opened.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: body.payload,
      headers: { ...headers, ...body.headers },
    });
  };
  const jobOf = (id: string) => async () => {
    const response = await opened.app.inject({
      method: 'GET',
      url: `/api/jobs/${id}`,
      headers: analyst.headers,
    });
    return response.statusCode === 200 ? (response.json() as JobView) : undefined;
  };

  it("lists people's jobs without the scheduler's runs when asked (the collection every minute floods the list)", async () => {
    const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes));
    const row = (id: string, kind: string, createdBy: number | null, minutes: number) => ({
      id,
      kind,
      title: kind,
      state: 'completed' as const,
      params: JSON.stringify({}),
      created_by: createdBy,
      created_at: at(minutes),
    });
    await t.database.db
      .insertInto('job_runs')
      .values([
        row('00000000-0000-4000-8000-000000000001', 'import', Number(analyst.user.id), 0),
        ...[1, 2, 3].map((m) => row(`00000000-0000-4000-8000-00000000001${m}`, 'osint.tick', null, m)),
        row('00000000-0000-4000-8000-000000000021', 'osint.tick', Number(analyst.user.id), 4),
      ])
      .execute();
    const list = async (query: string) => {
      const response = await opened.app.inject({
        method: 'GET',
        url: `/api/jobs?${query}`,
        headers: analyst.headers,
      });
      expect(response.statusCode).toBe(200);
      return (response.json() as { items: JobView[] }).items.map((j) => j.id.slice(-2));
    };
    expect((await list('limit=3')).slice(0, 3)).toEqual(['21', '13', '12']);
    const people = await list('limit=2&scheduled=hide');
    expect(people).toEqual(['21', '01']);
    const refused = await opened.app.inject({
      method: 'GET',
      url: '/api/jobs?scheduled=maybe',
      headers: analyst.headers,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('refuses an import request without a file, with an unknown profile, or too large, keeping nothing', async () => {
    const noFile = await post({ target: 'declarations' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'upload.missing_file' });
    const badProfile = await post(
      { target: 'declarations', profile: 'badr' },
      { name: 'x.csv', content: 'a\n1\n' },
    );
    expect(badProfile.statusCode).toBe(400);
    expect(badProfile.json()).toMatchObject({
      code: 'import.bad_profile',
      message: expect.stringMatching(/no declarations profile of that name/),
    });
    const badTarget = await post({ target: 'shipments' }, { name: 'x.csv', content: 'a\n1\n' });
    expect(badTarget.json().message).toMatch(/^invalid import: target/);
    const tooLarge = await post(
      { target: 'declarations' },
      { name: 'big.csv', content: Buffer.alloc(1024 * 1024 + 10, 'a') },
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'upload.too_large' });
    const left = await t.database.db.selectFrom('uploads').select('id').execute();
    expect(left).toEqual([]);
  });

  it('imports an uploaded file in the background, with progress, an audit trail and the events stream', async () => {
    const accepted = await post(
      { target: 'declarations', profile: 'kcs' },
      { name: 'kcs.csv', content: kcsCsv(300) },
    );
    expect(accepted.statusCode).toBe(202);
    const { job, links } = accepted.json();
    expect(job).toMatchObject({
      kind: 'import',
      state: 'queued',
      title: 'Import of kcs.csv (declarations, profile kcs)',
    });
    const finished = await until(jobOf(job.id), (j) => j.state === 'completed');
    expect(finished).toMatchObject({ attempts: 1, unit: 'bytes', message: '300 rows read', error: null });
    expect(finished.done).toBe(finished.total);
    expect(finished.result).toMatchObject({
      ok: true,
      rowsRead: 300,
      counts: { declarations_inserted: 300 },
      rejects_upload: null,
      rejects_url: null,
    });
    expect((await declarationStats(t.database.db)).declarations).toBeGreaterThanOrEqual(300);

    const events = await opened.app.inject({ method: 'GET', url: links.events, headers: analyst.headers });
    expect(events.headers['content-type']).toBe('text/event-stream');
    expect(events.body).toMatch(/^event: progress\ndata: \{.*"state":"completed"/);
    expect(events.body).toMatch(/event: end\ndata: /);

    const trail = (
      await listAudit(t.database.db, { actor: analyst.user.username }, { limit: 10, offset: 0 })
    ).items.map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['job.queued', 'import.completed']));
  });

  it('gives back the rejects of a skip-invalid import to download', async () => {
    const csv = nativeCsv([
      nativeRow({ reference: 'J-OK' }),
      nativeRow({ reference: 'J-BAD', hs_code: 'xx' }),
    ]);
    const { job } = (
      await post({ target: 'declarations', mode: 'skip_invalid' }, { name: 'mixed.csv', content: csv })
    ).json();
    const finished = await until(jobOf(job.id), (j) => j.state === 'completed');
    const result = finished.result as { rowsRejected: number; rejects_upload: string; rejects_url: string };
    expect(result.rowsRejected).toBe(1);
    expect(result.rejects_upload).toMatch(/^[0-9a-f-]{36}$/);
    const download = await opened.app.inject({
      method: 'GET',
      url: result.rejects_url,
      headers: analyst.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename=mixed.csv.rejects.csv');
    expect(download.body).toMatch(/J-BAD.*,3,"mixed\.csv:3: column ""hs_code""/);
    // Not by its sequential id, and not without the permission its owner gave it.
    const upload = await t.database.db
      .selectFrom('uploads')
      .select(['id', 'owner', 'read_permission', 'expires_at'])
      .where('key', '=', result.rejects_upload)
      .executeTakeFirstOrThrow();
    expect(upload).toMatchObject({ owner: 'imports', read_permission: 'imports:read' });
    expect(upload.expires_at).not.toBeNull();
    const byId = await opened.app.inject({
      method: 'GET',
      url: `/api/uploads/${upload.id}`,
      headers: analyst.headers,
    });
    expect(byId.statusCode).toBe(404);
    const liaison = await userWithToken(t.database, ['liaison']);
    expect(
      (await opened.app.inject({ method: 'GET', url: result.rejects_url, headers: liaison.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('serves a file only to the permission its owner gave it, under any name', async () => {
    const { saveUpload } = await import('../uploads/uploads.ts');
    const stored = await saveUpload(t.database, ['secret,export\n'], 'تصدير تيك توك "2026".csv', {
      owner: 'osint',
      readPermission: 'osint:read',
      retainDays: 30,
      maxBytes: 1000,
      uploadedBy: null,
    });
    const investigator = await userWithToken(t.database, ['investigator']);
    const url = `/api/uploads/${stored.key}`;
    const refused = await opened.app.inject({ method: 'GET', url, headers: analyst.headers });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'upload.not_found' });
    const served = await opened.app.inject({ method: 'GET', url, headers: investigator.headers });
    expect(served.statusCode).toBe(200);
    expect(served.body).toBe('secret,export\n');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="????? ??? ??? \\"2026\\".csv"; filename*=UTF-8''${encodeURIComponent('تصدير تيك توك "2026".csv').replace(/'/g, '%27')}`,
    );
    expect(
      (
        await opened.app.inject({
          method: 'GET',
          url: '/api/uploads/not-a-key',
          headers: investigator.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lets the starter or a jobs:manage holder cancel, and no one else', async () => {
    const other = await userWithToken(t.database, ['analyst']);
    const admin = await userWithToken(t.database, ['admin']);
    // A job nobody works on: a queue with no worker for it.
    const idle = new JobQueue(t.database, opened.config, createLogger('silent'), [
      { kind: 'idle', title: () => 'waits', run: async () => undefined },
    ]);
    await idle.start({ work: false });
    try {
      const job = await idle.enqueue(
        'idle',
        {},
        { id: Number(analyst.user.id), name: analyst.user.username, ip: null },
      );
      const cancel = (headers: Record<string, string>) =>
        opened.app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, headers });
      expect((await cancel(other.headers)).statusCode).toBe(403);
      const done = await cancel(analyst.headers);
      expect(done.statusCode).toBe(202);
      expect(done.json()).toMatchObject({ state: 'cancelled', message: 'cancelled before it started' });
      expect((await cancel(admin.headers)).json()).toMatchObject({ code: 'job.finished' });
    } finally {
      await idle.stop();
    }
  });
});

describeEachDatabase('import jobs across a worker restart', (t) => {
  // Two imports of 20,000 rows: minutes on a busy two-core machine, so a wider limit than the default minute.
  it('rolls back an interrupted import and completes it once on the next worker', {
    timeout: 300_000,
  }, async () => {
    const config = loadConfig({ dataDir: '/tmp/vigie-jobs-test' });
    const { importJob } = await import('../../modules/imports/index.ts');
    const { saveUpload } = await import('../uploads/uploads.ts');
    const upload = await saveUpload(t.database, [kcsCsv(20_000)], 'big.csv', {
      maxBytes: 1e9,
      uploadedBy: null,
      owner: 'imports',
      readPermission: 'imports:read',
      retainDays: 30,
    });
    const { declarationsTarget } = await import('../../modules/declarations/index.ts');
    const kinds = registryOf([
      {
        name: 'imports',
        jobKinds: [importJob as JobKind<never>],
        importTargets: [declarationsTarget as never],
      },
    ]);
    const first = new JobQueue(t.database, config, createLogger('silent'), kinds);
    await first.start({ work: true });
    const job = await first.enqueue(
      'import',
      {
        upload_id: upload.id,
        file_name: 'big.csv',
        target: 'declarations',
        profile: 'kcs',
        mode: 'atomic',
        max_errors: 100,
      },
      { id: null, name: 'test', ip: null },
    );
    const seen = await until(
      async () => first.live(job.id),
      (j) => j.done > 0,
    );
    expect(seen.total).toBe(upload.bytes);
    await first.stop();
    expect((await declarationStats(t.database.db)).declarations).toBe(0);
    const second = new JobQueue(t.database, config, createLogger('silent'), kinds);
    await second.start({ work: true });
    try {
      const done = await until(
        () => getJob(t.database.db, job.id),
        (j) => j.state === 'completed',
        240_000,
      );
      expect(done).toMatchObject({ attempts: 2, result: { ok: true, rowsRead: 20_000 } });
      expect((await declarationStats(t.database.db)).declarations).toBe(20_000);
    } finally {
      await second.stop();
    }
  });
});

describeEachDatabase('job queue', (t) => {
  const config = loadConfig({ dataDir: '/tmp/vigie-jobs-test' });
  const logger = createLogger('silent');
  const actor = { id: null, name: 'test', ip: null };
  let attemptsSeen = 0;

  const slow: JobKind<{ steps: number }> = {
    kind: 'slow',
    title: (p) => `slow ${p.steps}`,
    retryDelay: 1,
    async run({ params, signal, progress }) {
      for (let i = 1; i <= params.steps; i++) {
        signal.throwIfAborted();
        await new Promise((r) => setTimeout(r, 50));
        progress({ done: i, total: params.steps, unit: 'steps' });
      }
      return { steps: params.steps };
    },
  };
  const flaky: JobKind<Record<string, never>> = {
    kind: 'flaky',
    title: () => 'fails once',
    retryDelay: 1,
    async run({ attempt }) {
      attemptsSeen = attempt;
      if (attempt === 1) throw new Error('the partner system timed out');
      return { attempt };
    },
  };
  const broken: JobKind<Record<string, never>> = {
    kind: 'broken',
    title: () => 'always fails',
    retryLimit: 1,
    retryDelay: 1,
    run: async () => {
      throw new Error('disk full');
    },
  };
  const kinds = [slow, flaky, broken] as JobKind<never>[];

  it('retries a failed job with back-off and keeps the last error of one that keeps failing', async () => {
    const queue = new JobQueue(t.database, config, logger, kinds);
    await queue.start({ work: true });
    try {
      const ok = await queue.enqueue('flaky', {}, actor);
      const bad = await queue.enqueue('broken', {}, actor);
      const done = await until(
        () => getJob(t.database.db, ok.id),
        (j) => j.state === 'completed',
      );
      expect(done).toMatchObject({ attempts: 2, result: { attempt: 2 } });
      expect(attemptsSeen).toBe(2);
      const failed = await until(
        () => getJob(t.database.db, bad.id),
        (j) => j.state === 'failed',
      );
      expect(failed).toMatchObject({ attempts: 2, error: 'disk full' });
    } finally {
      await queue.stop();
    }
  });

  it('cancels a running job, which stops at once', async () => {
    const queue = new JobQueue(t.database, config, logger, kinds);
    await queue.start({ work: true });
    try {
      const job = await queue.enqueue('slow', { steps: 400 }, actor);
      await until(
        async () => queue.live(job.id),
        (j) => j.done >= 3,
      );
      await queue.cancel(job.id, actor);
      const cancelled = await until(
        () => getJob(t.database.db, job.id),
        (j) => j.state === 'cancelled',
      );
      expect(cancelled.message).toBe('cancelled while running; nothing was kept');
      expect(cancelled.done).toBeLessThan(400);
    } finally {
      await queue.stop();
    }
  });

  it('hands a job over to another worker when its worker stops', async () => {
    const first = new JobQueue(t.database, config, logger, kinds);
    await first.start({ work: true });
    const job = await first.enqueue('slow', { steps: 60 }, actor);
    await until(
      async () => first.live(job.id),
      (j) => j.done >= 2,
    );
    await first.stop();
    const interrupted = await getJob(t.database.db, job.id);
    expect(interrupted).toMatchObject({
      state: 'retrying',
      error: 'the worker stopped; another will take the job up again',
    });
    const second = new JobQueue(t.database, config, logger, kinds);
    await second.start({ work: true });
    try {
      const done = await until(
        () => getJob(t.database.db, job.id),
        (j) => j.state === 'completed',
      );
      expect(done).toMatchObject({ attempts: 2, done: 60, result: { steps: 60 } });
    } finally {
      await second.stop();
    }
  });
});

describeEachDatabase('job ids as people type them', (t) => {
  it('takes the short id that vigie jobs list prints, and says what is wrong otherwise', async () => {
    const { resolveJobId } = await import('./store.ts');
    const queue = new JobQueue(
      t.database,
      loadConfig({ dataDir: '/tmp/vigie-jobs-test' }),
      createLogger('silent'),
      [{ kind: 'idle', title: () => 'waits', run: async () => undefined }],
    );
    await queue.start({ work: false });
    try {
      const job = await queue.enqueue('idle', {}, { id: null, name: 'test', ip: null });
      expect(await resolveJobId(t.database.db, job.id.slice(0, 8))).toBe(job.id);
      expect(await resolveJobId(t.database.db, job.id.toUpperCase())).toBe(job.id);
      await expect(resolveJobId(t.database.db, 'zz')).rejects.toThrow('zz: expected a job id');
      await expect(resolveJobId(t.database.db, 'ffffffff')).rejects.toThrow('no job ffffffff');
    } finally {
      await queue.stop();
    }
  });
});
