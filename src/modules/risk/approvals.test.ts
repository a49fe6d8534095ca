/**
 * Four-eyes activation of rule profiles on both databases (docs/decisions/0039-four-eyes.md), error paths first:
 * direct activation refused, a request without a recent back-test of that very version refused, the wrong role
 * refused (403), the requester and the author never approve, a decided request is not decided again, a request
 * goes stale when the active version changed; then the approval activates in one transaction, audited, and the
 * request shows the back-test figures and the diff against the version it replaces.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import { userWithToken } from '../../../test/auth.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { listAudit } from '../../platform/audit/store.ts';
import { activateProfile, createProfileVersion } from './profiles.ts';
import { diffProfiles, diffText } from './rules/diff.ts';
import type { ProfileDocument } from './rules/schema.ts';
import { resetRisk, SYSTEM } from './testing/fixtures.ts';

const rule = (id: string, points: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: { en: `Rule ${id}`, fr: `Règle ${id}` },
  rationale: 'seen in the seizures of last year',
  when: { field: 'item.hs_code', hs_prefix: '62' },
  effect: { points },
  ...extra,
});

type User = Awaited<ReturnType<typeof userWithToken>>;

describeEachDatabase('four-eyes activation of rule profiles', (t) => {
  let opened: TestApp;
  let alice: User; // analyst, writes the versions
  let bob: User; // analyst
  let carol: User; // admin
  let officer: User;
  let auditor: User;
  let v1 = 0;
  let v2 = 0;

  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    opened = await testApp(t.database, { fourEyes: true, fourEyesBacktestDays: 7 }, { jobs: 'work' });
    alice = await userWithToken(t.database, ['analyst'], 'alice');
    bob = await userWithToken(t.database, ['analyst'], 'bob');
    carol = await userWithToken(t.database, ['admin'], 'carol');
    officer = await userWithToken(t.database, ['officer']);
    auditor = await userWithToken(t.database, ['auditor']);
    v1 = (
      await createProfileVersion(t.database, SYSTEM, {
        name: 'textiles',
        document: { rules: [rule('shirts', 10), rule('old', 5)] },
        reason: 'first version',
      })
    ).id;
    await activateProfile(t.database, SYSTEM, v1, 'loaded directly');
    v2 = await createVersion('second version', {
      rules: [rule('shirts', 30, { intelligence: 'report 2026-17' }), rule('coats', 20)],
      scoring: { minimum_score: { red: 40 } },
    });
  });
  afterAll(() => opened?.close());

  const call = async (who: User, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await opened.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };

  async function createVersion(reason: string, document: unknown): Promise<number> {
    const created = await call(alice, 'POST', '/api/risk/profiles', { name: 'textiles', document, reason });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as number;
  }

  async function backtest(profileId: number): Promise<string> {
    const queued = await call(alice, 'POST', '/api/risk/backtests', {
      profile_id: profileId,
      from: '2020-01-01',
      to: '2020-01-31',
    });
    expect(queued.status).toBe(202);
    const id = queued.body.job.id as string;
    for (;;) {
      const job = (await call(alice, 'GET', `/api/jobs/${id}`)).body;
      if (job.state === 'completed') return id;
      if (['failed', 'cancelled'].includes(job.state))
        throw new Error(`back-test ${job.state}: ${job.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const status = async (id: number) => (await call(alice, 'GET', `/api/risk/profiles/${id}`)).body.status;

  describe('refusals', () => {
    it('refuses direct activation, through the API', async () => {
      const refused = await call(carol, 'POST', `/api/risk/profiles/${v2}/activate`, {
        reason: 'just do it',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('risk.four_eyes_required');
      expect(await status(v2)).toBe('draft');
    });

    it('refuses a request without a back-test of that version', async () => {
      const refused = await call(bob, 'POST', '/api/risk/approvals', {
        profile_id: v2,
        reason: 'better hits',
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'risk.backtest_required', details: { max_age_days: 7 } });
    });

    it('refuses a back-test of another version, and one older than the limit', async () => {
      const ofV1 = await backtest(v1);
      const other = await call(bob, 'POST', '/api/risk/approvals', {
        profile_id: v2,
        reason: 'better hits',
        backtest_job: ofV1,
      });
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('risk.backtest_other_version');
      const ofV2 = await backtest(v2);
      await sql`update job_runs set finished_at = now() - interval '8 days' where id = ${ofV2}`.execute(
        t.database.db,
      );
      const old = await call(bob, 'POST', '/api/risk/approvals', { profile_id: v2, reason: 'better hits' });
      expect(old.status).toBe(409);
      expect(old.body.code).toBe('risk.backtest_required');
      expect(old.body.message).toContain('more than 7 days');
      const unknown = await call(bob, 'POST', '/api/risk/approvals', {
        profile_id: v2,
        reason: 'better hits',
        backtest_job: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.status).toBe(404);
    });

    it('answers 400 for a short reason, 404 for an unknown version, 403 for the wrong role', async () => {
      expect(
        (await call(bob, 'POST', '/api/risk/approvals', { profile_id: v2, reason: 'ok' })).body.code,
      ).toBe('risk.reason_required');
      expect(
        (await call(bob, 'POST', '/api/risk/approvals', { profile_id: 99999, reason: 'better' })).status,
      ).toBe(404);
      expect(
        (await call(officer, 'POST', '/api/risk/approvals', { profile_id: v2, reason: 'better' })).status,
      ).toBe(403);
      expect(
        (await call(auditor, 'POST', '/api/risk/approvals/1/approve', { reason: 'fine by me' })).status,
      ).toBe(403);
      expect(
        (await call(officer, 'POST', '/api/risk/approvals/1/reject', { reason: 'no thanks' })).status,
      ).toBe(403);
      expect(
        (await call(carol, 'POST', '/api/risk/approvals/99999/approve', { reason: 'fine by me' })).status,
      ).toBe(404);
    });
  });

  describe('a request and its approval', () => {
    let request = 0;

    it('is made on a recent back-test and shows its figures beside the active version', async () => {
      await backtest(v2);
      const made = await call(bob, 'POST', '/api/risk/approvals', { profile_id: v2, reason: 'better hits' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      request = made.body.id;
      const again = await call(alice, 'POST', '/api/risk/approvals', {
        profile_id: v2,
        reason: 'me too please',
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('risk.approval_pending');

      const list = await call(auditor, 'GET', '/api/risk/approvals?status=pending');
      expect(list.body).toMatchObject({ total: 1, four_eyes: true, backtest_max_age_days: 7 });
      const shown = await call(officer, 'GET', `/api/risk/approvals/${request}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        status: 'pending',
        stale: false,
        name: 'textiles',
        version: 2,
        author: 'alice',
        requested_by: 'bob',
        from: { id: v1, version: 1 },
        to: { id: v2, version: 2 },
      });
      const b = shown.body.backtest;
      expect(b).toMatchObject({ from: '2020-01-01', to: '2020-01-31' });
      for (const key of ['selected_items', 'share', 'hit_rate', 'duties_at_stake', 'duties_recovered'])
        expect(b.candidate).toHaveProperty(key);
      expect(b.active.profiles).toEqual(['textiles v1']);
      // The diff: coats added, old removed, shirts' points 10 → 30, the red minimum 20 → 40.
      const diff = shown.body.diff;
      expect(diff.rules.added.map((r: { id: string }) => r.id)).toEqual(['coats']);
      expect(diff.rules.removed.map((r: { id: string }) => r.id)).toEqual(['old']);
      const shirts = diff.rules.changed.find((r: { id: string }) => r.id === 'shirts');
      expect(shirts.fields).toContainEqual({ field: 'points', old: 10, new: 30 });
      // The officer does not read the intelligence: its change is said, not shown.
      expect(shirts.fields).toContainEqual({ field: 'intelligence', old: null, new: null });
      expect(diff.scoring).toContainEqual({ field: 'minimum_score.red', old: 20, new: 40 });
      const analystView = await call(bob, 'GET', `/api/risk/approvals/${request}`);
      expect(
        analystView.body.diff.rules.changed[0].fields.find(
          (f: { field: string }) => f.field === 'intelligence',
        ),
      ).toEqual({ field: 'intelligence', old: null, new: 'report 2026-17' });
    });

    it('is never approved by its requester, nor by the author of the version', async () => {
      const own = await call(bob, 'POST', `/api/risk/approvals/${request}/approve`, {
        reason: 'looks right',
      });
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('risk.approval_own_request');
      const ownReject = await call(bob, 'POST', `/api/risk/approvals/${request}/reject`, {
        reason: 'changed mind',
      });
      expect(ownReject.body.code).toBe('risk.approval_own_request');
      const author = await call(alice, 'POST', `/api/risk/approvals/${request}/approve`, {
        reason: 'looks right',
      });
      expect(author.status).toBe(403);
      expect(author.body.code).toBe('risk.approval_own_profile');
      expect(await status(v2)).toBe('draft');
    });

    it('activates on approval by a second person, in one transaction, audited; never twice', async () => {
      const approved = await call(carol, 'POST', `/api/risk/approvals/${request}/approve`, {
        reason: 'figures checked',
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', activated: { id: v2, retired: [v1] } });
      expect(await status(v2)).toBe('active');
      expect(await status(v1)).toBe('retired');
      const twice = await call(carol, 'POST', `/api/risk/approvals/${request}/approve`, {
        reason: 'once more',
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('risk.approval_decided');
      const other = await userWithToken(t.database, ['analyst']);
      expect(
        (await call(other, 'POST', `/api/risk/approvals/${request}/reject`, { reason: 'too late' })).status,
      ).toBe(409);
      const actions = (
        await listAudit(t.database.db, { target_type: 'risk_profile' }, { limit: 20, offset: 0 })
      ).items
        .map((e) => `${e.action} ${e.actor}`)
        .reverse();
      expect(actions.slice(-3)).toEqual([
        'risk.activation_requested bob',
        'risk.activation_approved carol',
        'risk.profile_activated carol',
      ]);
      const activation = (
        await listAudit(t.database.db, { action: 'risk.profile_activated' }, { limit: 1, offset: 0 })
      ).items[0]!;
      expect(activation.details).toMatchObject({ approval: { request, requested_by: 'bob' } });
    });
  });

  describe('stale and rejected requests', () => {
    it('goes stale when the active version changed meanwhile, and is refused', async () => {
      const v3 = await createVersion('third version', { rules: [rule('shirts', 35)] });
      await backtest(v3);
      const made = await call(alice, 'POST', '/api/risk/approvals', { profile_id: v3, reason: 'tighter' });
      expect(made.status).toBe(201);
      // The active version is retired by someone else: the request rests on a comparison that no longer holds.
      expect(
        (await call(carol, 'POST', `/api/risk/profiles/${v2}/retire`, { reason: 'season over' })).status,
      ).toBe(200);
      const listed = await call(bob, 'GET', '/api/risk/approvals?status=pending');
      expect(listed.body.items[0]).toMatchObject({ id: made.body.id, stale: true });
      const refused = await call(bob, 'POST', `/api/risk/approvals/${made.body.id}/approve`, {
        reason: 'fine by me',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('risk.approval_stale');
      expect(await status(v3)).toBe('draft');
      const shown = await call(bob, 'GET', `/api/risk/approvals/${made.body.id}`);
      expect(shown.body).toMatchObject({ status: 'stale', stale: false });
      expect(
        (await listAudit(t.database.db, { action: 'risk.activation_request_stale' }, { limit: 5, offset: 0 }))
          .total,
      ).toBe(1);
    });

    it('goes stale on approval when its back-test has aged past the limit meanwhile; a rejection still stands', async () => {
      const v5 = await createVersion('fifth version', { rules: [rule('shirts', 45)] });
      const job = await backtest(v5);
      const made = await call(alice, 'POST', '/api/risk/approvals', { profile_id: v5, reason: 'tighter' });
      expect(made.status).toBe(201);
      // The request waited: its back-test is now 8 days old (the limit is 7).
      const aged = new Date(Date.now() - 8 * 86_400_000).toISOString();
      await sql`update risk_activation_requests
        set backtest = jsonb_set(backtest::jsonb, '{finished_at}', to_jsonb(${aged}::text))
        where id = ${made.body.id}`.execute(t.database.db);
      const refused = await call(bob, 'POST', `/api/risk/approvals/${made.body.id}/approve`, {
        reason: 'fine by me',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('risk.approval_stale');
      expect(refused.body.message).toContain('more than 7 days ago');
      expect(await status(v5)).toBe('draft');
      expect((await call(bob, 'GET', `/api/risk/approvals/${made.body.id}`)).body.status).toBe('stale');
      // A new request on a fresh back-test goes through; an old one may still be rejected.
      await sql`update job_runs set finished_at = now() where id = ${job}`.execute(t.database.db);
      const again = await call(alice, 'POST', '/api/risk/approvals', { profile_id: v5, reason: 'tighter' });
      expect(again.status).toBe(201);
      await sql`update risk_activation_requests
        set backtest = jsonb_set(backtest::jsonb, '{finished_at}', to_jsonb(${aged}::text))
        where id = ${again.body.id}`.execute(t.database.db);
      const rejected = await call(bob, 'POST', `/api/risk/approvals/${again.body.id}/reject`, {
        reason: 'not this season',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
    });

    it('makes the other pending requests of the name stale when one is approved', async () => {
      const v4 = await createVersion('fourth version', { rules: [rule('shirts', 40)] });
      const v5 = await createVersion('fifth version', { rules: [rule('shirts', 45)] });
      await backtest(v4);
      await backtest(v5);
      const r4 = (await call(alice, 'POST', '/api/risk/approvals', { profile_id: v4, reason: 'option four' }))
        .body;
      const r5 = (await call(alice, 'POST', '/api/risk/approvals', { profile_id: v5, reason: 'option five' }))
        .body;
      const approved = await call(bob, 'POST', `/api/risk/approvals/${r5.id}/approve`, {
        reason: 'five is better',
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const r4Now = await call(bob, 'GET', `/api/risk/approvals/${r4.id}`);
      expect(r4Now.body.status).toBe('stale');
      const late = await call(bob, 'POST', `/api/risk/approvals/${r4.id}/approve`, {
        reason: 'four after all',
      });
      expect(late.body.code).toBe('risk.approval_decided');
    });

    it('is rejected by a second person with a reason, and nothing is activated', async () => {
      const v6 = await createVersion('sixth version', { rules: [rule('shirts', 50)] });
      await backtest(v6);
      const made = (await call(alice, 'POST', '/api/risk/approvals', { profile_id: v6, reason: 'even more' }))
        .body;
      expect(
        (await call(bob, 'POST', `/api/risk/approvals/${made.id}/reject`, { reason: 'no' })).status,
      ).toBe(400);
      const rejected = await call(bob, 'POST', `/api/risk/approvals/${made.id}/reject`, {
        reason: 'too many controls',
      });
      expect(rejected.body).toMatchObject({ status: 'rejected', activated: null });
      expect(await status(v6)).toBe('draft');
      expect(
        (await listAudit(t.database.db, { action: 'risk.activation_rejected' }, { limit: 5, offset: 0 }))
          .items[0],
      ).toMatchObject({ actor: 'bob' });
    });
  });

  describe('the diff route', () => {
    it('compares two versions, defaults to the active one, and answers 404 for an unknown one', async () => {
      const diff = await call(officer, 'GET', `/api/risk/profiles/${v2}/diff?from=${v1}`);
      expect(diff.status).toBe(200);
      expect(diff.body.from.id).toBe(v1);
      expect(diff.body.diff.rules.unchanged).toBe(0);
      expect((await call(officer, 'GET', `/api/risk/profiles/99999/diff`)).status).toBe(404);
      expect((await call(officer, 'GET', `/api/risk/profiles/${v2}/diff?from=99999`)).status).toBe(404);
      expect((await call(officer, 'GET', `/api/risk/profiles/${v2}/diff?from=abc`)).status).toBe(400);
    });
  });
});

describe('profile diff on parsed documents', () => {
  const doc = (rules: unknown[], scoring: Record<string, unknown> = {}) =>
    ({
      scoring: { minimum_score: { red: 20, yellow: 10 }, ...scoring },
      rules,
    }) as unknown as ProfileDocument;
  const r = (
    id: string,
    when: unknown,
    effect: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    id,
    title: { en: `T ${id}`, fr: `T ${id}` },
    rationale: 'x',
    enabled: true,
    critical: false,
    when,
    effect: { points: 0, tags: [], ...effect },
    ...extra,
  });

  it('says nothing changed when only the key order or the text layout differs', () => {
    const a = doc([r('a', { field: 'item.hs_code', hs_prefix: ['61', '62'] }, { points: 5 })]);
    const b = doc([
      { ...r('a', { hs_prefix: ['61', '62'], field: 'item.hs_code' }, { points: 5 }), rationale: 'x' },
    ]);
    const d = diffProfiles(a, b);
    expect(d).toEqual({
      description: null,
      scoring: [],
      rules: { added: [], removed: [], changed: [], unchanged: 1 },
    });
  });

  it('shows the condition, weight, channel and thresholds old → new', () => {
    const a = doc([r('a', { field: 'item.hs_code', hs_prefix: '62' }, { points: 5, channel: 'yellow' })]);
    const b = doc(
      [
        r(
          'a',
          {
            all: [
              { field: 'item.hs_code', hs_prefix: '62' },
              { indicator: 'valuation.ratio', range: { lt: 0.4 } },
            ],
          },
          { points: 25, channel: { red: 0.5 } },
          { enabled: false },
        ),
      ],
      { minimum_score: { red: 30, yellow: 10 } },
    );
    const d = diffProfiles(a, b);
    expect(d.scoring).toEqual([{ field: 'minimum_score.red', old: 20, new: 30 }]);
    expect(d.rules.changed[0]!.fields).toEqual([
      { field: 'enabled', old: true, new: false },
      {
        field: 'condition',
        old: 'item.hs_code hs_prefix "62"',
        new: 'all(item.hs_code hs_prefix "62", valuation.ratio range { lt: 0.4 })',
      },
      { field: 'points', old: 5, new: 25 },
      { field: 'channel', old: 'yellow', new: { red: 0.5 } },
    ]);
    const text = diffText(d);
    expect(text).toContain('~ scoring.minimum_score.red: 20 → 30');
    expect(text).toContain('    points: 5 → 25');
  });
});
