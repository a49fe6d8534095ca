/**
 * An officer bound to an office (an account with an office, without cases:manage) records and updates seizures of
 * that office only; an officer without an office and an investigator are not bound.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { TEST_PASSWORD, userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { createApiToken, createUser } from '../auth/index.ts';

describeEachDatabase('seizures in the officer’s own office', (t) => {
  let opened: TestApp;
  const users = {} as Record<'officer300' | 'officer' | 'investigator300', Record<string, string>>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    const system = { id: null, name: 'test', ip: null };
    const bound = async (username: string, roles: ('officer' | 'investigator')[]) => {
      const user = await createUser(t.database, system, {
        username,
        password: TEST_PASSWORD,
        roles,
        office_code: '300',
      });
      const { token } = await createApiToken(t.database, system, Number(user.id), 'test', 1);
      return { authorization: `Bearer ${token}` };
    };
    users.officer300 = await bound('officer-of-300', ['officer']);
    users.investigator300 = await bound('investigator-of-300', ['investigator']);
    users.officer = (await userWithToken(t.database, ['officer'])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });

  const record = (headers: Record<string, string>, office: string) =>
    opened.app.inject({
      method: 'POST',
      url: '/api/seizures',
      headers,
      payload: { seized_on: '2026-02-03', office, description: 'Cigarettes', category: 'tobacco' },
    });

  it('records in the officer’s office and refuses another with a clear code', async () => {
    const own = await record(users.officer300, '300');
    expect(own.statusCode).toBe(201);
    const other = await record(users.officer300, '301');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'seizure.office_not_yours',
      details: [{ path: '/office' }],
    });
    expect(other.json().message).toMatch(/office 300 only, not 301/);
    expect(
      (
        await opened.app.inject({ method: 'GET', url: '/api/seizures?office=301', headers: users.officer })
      ).json().total,
    ).toBe(0);
  });

  it('lets an investigator and an officer without an office record anywhere', async () => {
    expect((await record(users.investigator300, '302')).statusCode).toBe(201);
    expect((await record(users.officer, '303')).statusCode).toBe(201);
  });

  it('refuses to update a seizure of another office', async () => {
    const elsewhere = (await record(users.officer, '304')).json();
    const patch = (headers: Record<string, string>, id: number) =>
      opened.app.inject({
        method: 'PATCH',
        url: `/api/seizures/${id}`,
        headers,
        payload: { duties_recovered: 50 },
      });
    const refused = await patch(users.officer300, elsewhere.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('seizure.office_not_yours');
    const own = (await record(users.officer300, '300')).json();
    expect((await patch(users.officer300, own.id)).statusCode).toBe(200);
  });
});
