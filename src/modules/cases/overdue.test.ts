/** GET /api/cases?overdue=true: only the cases with a task still to do whose due date is past. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';

describeEachDatabase('cases with overdue tasks', (t) => {
  let opened: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    opened = await testApp(t.database);
    headers = (await userWithToken(t.database, ['investigator'])).headers;
  });
  afterAll(async () => {
    await opened?.close();
  });

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await opened.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const caseWith = async (title: string, tasks: { due_on?: string; done?: boolean }[]) => {
    const kase = await call('POST', '/api/cases', { title, type: 'smuggling', office: '931' });
    for (const task of tasks) {
      const added = await call('POST', `/api/cases/${kase.id}/tasks`, {
        title: 'do it',
        ...task,
        done: undefined,
      });
      if (task.done) await call('PATCH', `/api/cases/${kase.id}/tasks/${added.id}`, { status: 'done' });
    }
    return kase.number as string;
  };

  it('lists only the cases with an open task past its due date', async () => {
    const late = await caseWith('Late', [{ due_on: '2020-01-01' }, { due_on: '2099-01-01' }]);
    await caseWith('Done late', [{ due_on: '2020-01-01', done: true }]);
    await caseWith('Not yet due', [{ due_on: '2099-01-01' }]);
    await caseWith('No date', [{}]);
    await caseWith('No task', []);
    const overdue = await call('GET', '/api/cases?office=931&overdue=true');
    expect(overdue.items.map((c: { number: string }) => c.number)).toEqual([late]);
    expect(overdue.total).toBe(1);
    expect((await call('GET', '/api/cases?office=931&overdue=false')).total).toBe(5);
    expect((await call('GET', '/api/cases?office=931')).total).toBe(5);
  });
});
