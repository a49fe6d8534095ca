/**
 * The global search (GET /api/search) over the families the modules provide, on both databases: errors first,
 * then what each role finds — and what it must not.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/app.ts';
import { userWithToken } from '../../test/auth.ts';
import { describeEachDatabase } from '../../test/db.ts';

interface Answer {
  q: string;
  groups: {
    kind: string;
    hits: { kind: string; id: string; title: string; link: string; matched: string }[];
  }[];
}

describeEachDatabase('global search', (t) => {
  let app: TestApp;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const db = t.database.db;
    await sql`insert into offices (code) values ('30')`.execute(db);
    await sql`insert into importers (code, name) values ('ATLASIMP', 'Atlas Import Export'),
      ('ZEN001', 'Zenith 100% Trading'), ('OTHER1', 'Other Things')`.execute(db);
    await sql`insert into sellers (code, name, country) values ('SHZ01', 'Shenzhen Bright Watches', 'CN')`.execute(
      db,
    );
    await sql`insert into declarations (reference, office_code, lodged_on, importer_code, seller_code, item_count,
      total_value, content_hash) values
      ('R2021-000123', '30', '2021-01-08', 'ATLASIMP', 'SHZ01', 1, 100, 'h1'),
      ('R2021-000124', '30', '2021-01-08', 'OTHER1', null, 1, 100, 'h2')`.execute(db);
    await sql`insert into declaration_items (declaration_id, line_no, hs_code, customs_value, origin_country)
      select id, 1, case when reference = 'R2021-000123' then '8517120000' else '6109100000' end, 100, 'CN'
      from declarations`.execute(db);
    await sql`insert into companies (company_id, name, city, phone) values
      ('ATLASIMP', 'Atlas Import Export SARL', 'Casablanca', '05 22 33 44 55')`.execute(db);
    await sql`insert into manifests (document_number, document_type, consignee_code, containers, declaration_reference)
      values ('BL-778899', 'bill_of_lading', 'ATLASIMP', '{MSCU1234567}', 'R2021-000123')`.execute(db);
    const seller = await sql<{ id: number }>`insert into osint_sellers (display_name, platforms, score)
      values ('HighCopy Casa', '{tiktok,instagram}', 0.9) returning id`.execute(db);
    const sellerId = seller.rows[0]!.id;
    await sql`insert into osint_identifiers (kind, value, seller_id) values
      ('phone', '+212700088808', ${sellerId}), ('email', 'contact@highcopy.ma', ${sellerId}),
      ('shop_url', 'https://highcopy-casa.shop', ${sellerId})`.execute(db);
    await sql`insert into cases (number, office, year, seq, title, type, opened_by)
      values ('30-2021-0001', '30', 2021, 1, 'Counterfeit watches HighCopy', 'counterfeiting', 'test')`.execute(
      db,
    );
    app = await testApp(t.database);
    for (const role of ['officer', 'investigator', 'liaison', 'analyst'] as const)
      headers[role] = (await userWithToken(t.database, [role])).headers;
  });
  afterAll(async () => {
    await app?.close();
  });

  const search = async (role: string, q: string) => {
    const response = await app.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent(q)}`,
      headers: headers[role]!,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Answer>();
  };
  const kinds = (answer: Answer) => answer.groups.map((g) => g.kind);
  const ids = (answer: Answer, kind: string) =>
    answer.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];

  describe('refuses', () => {
    it('a caller without a session', async () => {
      const response = await app.app.inject({ method: 'GET', url: '/api/search?q=atlas' });
      expect(response.statusCode).toBe(401);
    });
    it('a text too short or too long, saying which field and what is expected', async () => {
      for (const [q, code] of [
        [' a ', 'search.too_short'],
        ['x'.repeat(101), 'search.too_long'],
      ] as const) {
        const response = await app.app.inject({
          method: 'GET',
          url: `/api/search?q=${encodeURIComponent(q)}`,
          headers: headers.officer!,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ code, details: { field: 'q' } });
      }
    });
    it('to treat LIKE wildcards as wildcards', async () => {
      expect(ids(await search('analyst', '%%%'), 'importer')).toEqual([]);
      expect(ids(await search('analyst', '___'), 'importer')).toEqual([]);
      expect(ids(await search('analyst', '100%'), 'importer')).toEqual(['ZEN001']);
    });
  });

  it('finds a declaration by reference prefix, in any case, with its link', async () => {
    const answer = await search('officer', 'r2021-00012');
    expect(ids(answer, 'declaration')).toEqual(['R2021-000123', 'R2021-000124']);
    expect(answer.groups[0]!.hits[0]!.link).toBe('/declarations/R2021-000123');
  });

  it('finds an importer by any part of its name or code, and by words in any order', async () => {
    expect(ids(await search('officer', 'tlasi'), 'importer')).toEqual(['ATLASIMP']);
    expect(ids(await search('officer', 'export atlas'), 'importer')).toEqual(['ATLASIMP']);
    expect(ids(await search('officer', 'export atlas'), 'company')).toEqual(['ATLASIMP']);
    expect(ids(await search('officer', 'bright'), 'seller')).toEqual(['SHZ01']);
  });

  it('finds HS headings by code prefix, dots allowed', async () => {
    const answer = await search('officer', '8517.1');
    expect(ids(answer, 'hs_code')).toEqual(['851712']);
    expect(answer.groups.find((g) => g.kind === 'hs_code')!.hits[0]!.link).toBe('/declarations?hs=851712');
    expect(ids(await search('officer', '99'), 'hs_code')).toEqual([]);
  });

  it('finds a manifest by container and a company by phone in another format', async () => {
    expect(ids(await search('officer', 'mscu1234567'), 'manifest')).toHaveLength(1);
    expect(ids(await search('officer', '+212 522 334 455'), 'company')).toEqual(['ATLASIMP']);
  });

  it('finds an online seller by its phone written any way, by e-mail and by URL — for those who may see them', async () => {
    for (const phone of ['+212700088808', '0700088808', '+212 700-08 88 08', '00212700088808']) {
      const answer = await search('investigator', phone);
      expect(ids(answer, 'identifier'), phone).toHaveLength(1);
      expect(answer.groups.find((g) => g.kind === 'identifier')!.hits[0]!.matched).toBe('phone');
    }
    expect(ids(await search('investigator', 'contact@highcopy'), 'identifier')).toHaveLength(1);
    expect(ids(await search('investigator', 'highcopy-casa.shop'), 'identifier')).toHaveLength(1);
    const byName = await search('investigator', 'highcopy');
    expect(kinds(byName)).toEqual(expect.arrayContaining(['online_seller', 'identifier', 'case']));
    // An officer may not read online monitoring: its families are not searched at all.
    expect(kinds(await search('officer', '0700088808'))).not.toContain('identifier');
    expect(kinds(await search('officer', 'highcopy'))).not.toContain('online_seller');
  });

  it('gives a role without any searchable permission nothing, not an error', async () => {
    expect((await search('liaison', 'atlas')).groups).toEqual([]);
    expect((await search('liaison', 'R2021')).groups).toEqual([]);
  });
});
