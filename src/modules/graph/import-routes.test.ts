import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import type { JobView } from '../../platform/jobs/store.ts';

/** A multipart body with fields and one file. */
function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = `----vigie${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: text/csv\r\n\r\n${file.content}\r\n`,
    `--${boundary}--\r\n`,
  );
  return {
    payload: Buffer.from(parts.join('')),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase('graph imports through the API', (t) => {
  let opened: TestApp;
  let analyst: Awaited<ReturnType<typeof userWithToken>>;
  beforeAll(async () => {
    opened = await testApp(t.database, {}, { jobs: 'work' });
    analyst = await userWithToken(t.database, ['analyst']);
  });
  afterAll(() => opened?.close());

  const importFile = async (target: string, name: string, content: string) => {
    const body = multipart({ target }, { name, content });
    const accepted = await opened.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: body.payload,
      headers: { ...analyst.headers, ...body.headers },
    });
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json().job.id as string;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (
        await opened.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: analyst.headers })
      ).json() as JobView;
      if (job.state === 'completed' || job.state === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('refuses a bad vehicles file with located errors, writing nothing', async () => {
    const job = await importFile(
      'vehicles',
      'cars.csv',
      'plate,plate_country,owner_person\n1-A-1,MA,BK123456\n2-B-2,MOROCCO,\n',
    );
    expect(job.result).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ file: 'cars.csv', line: 3, column: 'plate_country' })],
    });
    expect(await t.database.db.selectFrom('graph_vehicles').selectAll().execute()).toEqual([]);
    expect(await t.database.db.selectFrom('graph_entities').selectAll().execute()).toEqual([]);
  });

  it('imports persons and properties uploaded like any other file', async () => {
    const persons = await importFile(
      'persons',
      'persons.csv',
      'name,national_id,phones,manager_of\nMohamed El Amrani,BK123456,0612345678,ATLASIMP\n',
    );
    expect(persons.result).toMatchObject({ ok: true, counts: { persons_inserted: 1, graph_links_new: 2 } });
    const properties = await importFile(
      'properties',
      'titles.csv',
      'title_number,city,owner_persons\nT.F. 98765/C,Casablanca,BK123456\n',
    );
    expect(properties.result).toMatchObject({ ok: true, counts: { properties_inserted: 1 } });
    const detail = await opened.app.inject({
      method: 'GET',
      url: `/api/graph/entities/${encodeURIComponent('person:cin:BK123456')}`,
      headers: analyst.headers,
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().entity).toMatchObject({ label: 'Mohamed El Amrani', source_table: 'graph_persons' });
  });
});
