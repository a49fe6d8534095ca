/** The declaration list paged by keyset: every row exactly once under every sort, bad cursors, estimated totals. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { encodeCursor } from '../../platform/db/keyset.ts';
import { SORTS } from './store.ts';

const ROWS = 137;

describeEachDatabase('declaration list by cursor', (t) => {
  let opened: TestApp | undefined;
  let headers: Record<string, string>;
  const get = async (url: string) => {
    const response = await opened!.app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    // Few distinct dates and values, so that most sort keys are shared and only the id tells rows apart; values
    // with more digits than a double keeps, so that the cursor must carry the key as text.
    await sql`insert into declarations (reference, office_code, lodged_on, importer_code, item_count, total_value,
                content_hash)
      select 'K' || lpad(g::text, 5, '0'), 'OF' || (g % 3), date '2021-01-01' + (g % 4), 'IMP' || (g % 2), 1,
             case when g % 5 = 0 then 12345678901234567.125 else (g % 6) * 10 end, md5(g::text)
      from generate_series(1, ${ROWS}) g`.execute(t.database.db);
    headers = (await userWithToken(t.database, ['analyst'])).headers;
    opened = await testApp(t.database);
  });
  afterAll(() => opened?.close());

  async function walk(query: string, limit: number) {
    const ids: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages <= ROWS; pages++) {
      const url: string = `/api/declarations?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await get(url);
      expect(status, url).toBe(200);
      ids.push(...body.items.map((d: { id: number }) => d.id));
      expect(body.items.length).toBeLessThanOrEqual(limit);
      cursor = body.next_cursor;
      if (!cursor) return { ids, last: body };
      expect(body.items).toHaveLength(limit);
    }
    throw new Error('the walk does not end');
  }

  for (const sort of SORTS) {
    it(`walks every row exactly once, in order, sorted by ${sort}`, async () => {
      const column = sort.replace(/^-/, '');
      const direction = sort.startsWith('-') ? sql`desc` : sql`asc`;
      const { rows } = await sql<{ id: number }>`select id from declarations
        order by ${sql.ref(column)} ${direction}, id ${direction}`.execute(t.database.db);
      const expected = rows.map((r) => r.id);
      for (const limit of [4, 50, ROWS, 500]) {
        const { ids, last } = await walk(`&sort=${sort}`, limit);
        expect(ids, `limit ${limit}`).toEqual(expected);
        expect(last).toMatchObject({ total: ROWS, total_estimated: false, next_cursor: null });
      }
    });
  }

  it('walks a filtered list, and the offset paging still gives the same rows', async () => {
    const { rows } = await sql<{ id: number }>`select id from declarations where office_code = 'OF1'
      order by lodged_on desc, id desc`.execute(t.database.db);
    const { ids, last } = await walk('&office=OF1', 10);
    expect(ids).toEqual(rows.map((r) => r.id));
    expect(last.total).toBe(rows.length);
    const byOffset = await get('/api/declarations?office=OF1&limit=10&offset=10');
    expect(byOffset.body.items.map((d: { id: number }) => d.id)).toEqual(ids.slice(10, 20));
  });

  it('refuses a cursor that is not one, made for another sort, or given with an offset', async () => {
    const first = await get('/api/declarations?limit=5&sort=reference');
    const cursor = first.body.next_cursor as string;
    const forged = encodeCursor({ sort: 'reference', value: 'K00005', id: 5 }).slice(0, -2);
    for (const [url, message] of [
      ['/api/declarations?cursor=not-a-cursor!', /invalid cursor: not a cursor of this list/],
      [`/api/declarations?cursor=${forged}`, /invalid cursor/],
      ['/api/declarations?cursor=WzEsMiwzXQ', /invalid cursor: not a cursor of this list/],
      [`/api/declarations?cursor=${cursor}`, /made for sort reference, not -lodged_on/],
      [`/api/declarations?sort=reference&offset=5&cursor=${cursor}`, /either a cursor or an offset/],
    ] as const) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.code, url).toBe('request.bad_cursor');
      expect(body.message, url).toMatch(message);
    }
    const bad = encodeCursor({ sort: '-lodged_on', value: 'not a date', id: 1 });
    const wrongType = await get(`/api/declarations?cursor=${bad}`);
    expect(wrongType.status).toBe(400);
  });
});

describeEachDatabase('declaration list totals', (t) => {
  let opened: TestApp | undefined;
  let headers: Record<string, string>;
  const get = async (url: string) => {
    const response = await opened!.app.inject({ method: 'GET', url, headers });
    return response.json();
  };

  beforeAll(async () => {
    await sql`insert into declarations (reference, office_code, lodged_on, item_count, total_value, content_hash)
      select 'T' || lpad(g::text, 6, '0'), case when g % 1000 = 0 then 'RARE' else 'OF' || (g % 2) end,
             date '2021-01-01' + (g % 30), 1, g, md5(g::text)
      from generate_series(1, 25000) g`.execute(t.database.db);
    await sql`analyze declarations`.execute(t.database.db);
    headers = (await userWithToken(t.database, ['analyst'])).headers;
    opened = await testApp(t.database);
  });
  afterAll(() => opened?.close());

  it('estimates a large total from the statistics, counts a small one exactly', async () => {
    const all = await get('/api/declarations?limit=3');
    expect(all.total_estimated).toBe(true);
    expect(all.total).toBeGreaterThan(20_000);
    expect(all.total).toBeLessThan(30_000);
    const half = await get('/api/declarations?office=OF1&limit=3');
    expect(half.total_estimated).toBe(true);
    expect(half.total).toBeGreaterThan(10_000);
    const rare = await get('/api/declarations?office=RARE&limit=3');
    expect(rare).toMatchObject({ total: 25, total_estimated: false });
    expect(rare.items).toHaveLength(3);
  });
});
