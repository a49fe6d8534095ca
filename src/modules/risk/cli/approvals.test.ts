/**
 * `vigie risk profiles diff` and `vigie risk approvals` on both databases, in process: with four-eyes on, direct
 * activation is refused; the command line (one person, cli:<account>) cannot approve its own request, approves
 * someone else's, and shows a request's back-test figures and diff.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureOutput, runCliInProcess } from '../../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../../test/db.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { requestActivation } from '../approvals.ts';
import { registerRiskCli } from '../cli.ts';
import { activateProfile, createProfileVersion } from '../profiles.ts';
import { resetRisk, SYSTEM } from '../testing/fixtures.ts';

const ALICE = { id: null, name: 'alice', ip: null };
const rule = (id: string, points: number) => ({
  id,
  title: { en: `Rule ${id}`, fr: `Règle ${id}` },
  rationale: 'seen last year',
  when: { field: 'item.hs_code', hs_prefix: '62' },
  effect: { points },
});
const selection = (precision: number) => ({
  selected_items: 50,
  share: 0.05,
  inspected: 40,
  frauds: 10,
  critical: 0,
  precision,
  recall: 0.5,
  duties_recovered: 1200,
  duties_at_stake_of_frauds_caught: 3400,
});

/** A finished back-test of `profileId`, as the job queue records one (its result trimmed to what is read). */
async function backtestJob(db: Kysely<DB>, profileId: number) {
  const id = crypto.randomUUID();
  const result = {
    from: '2020-01-01',
    to: '2020-12-31',
    days: 366,
    profile: [{ id: profileId, name: 'textiles', version: 2 }],
    candidate: { items: 1000, selection: selection(0.25) },
    active: {
      profiles: [{ id: 1, name: 'textiles', version: 1 }],
      report: { items: 1000, selection: selection(0.125) },
    },
  };
  await sql`insert into job_runs (id, kind, title, state, params, result, finished_at)
    values (${id}, 'risk.backtest', 'back-test', 'completed', ${JSON.stringify({ profile_id: profileId })}::jsonb,
      ${JSON.stringify(result)}::jsonb, now())`.execute(db);
  return id;
}

describeEachDatabase('vigie risk approvals', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-approvals-cli-'));
  const out = captureOutput();
  let v1 = 0;
  let v2 = 0;
  beforeAll(async () => {
    await t.reset();
    await resetRisk(t.database);
    v1 = (
      await createProfileVersion(t.database, SYSTEM, {
        name: 'textiles',
        document: { rules: [rule('shirts', 10), rule('old', 5)] },
        reason: 'first version',
      })
    ).id;
    await activateProfile(t.database, SYSTEM, v1, 'loaded directly');
    v2 = (
      await createProfileVersion(t.database, SYSTEM, {
        name: 'textiles',
        document: { rules: [rule('shirts', 30), rule('coats', 20)] },
        reason: 'second version',
      })
    ).id;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const vigie = (...args: string[]) =>
    runCliInProcess(t.database, dir, registerRiskCli, args, {
      quietErrors: true,
      config: { fourEyes: true },
    });

  it('refuses direct activation and a request without a back-test', async () => {
    await expect(vigie('risk', 'profiles', 'activate', String(v2), '--reason', 'just do it')).rejects.toThrow(
      /four-eyes activation is on/,
    );
    await expect(
      vigie('risk', 'approvals', 'request', String(v2), '--reason', 'better hits'),
    ).rejects.toThrow(/never been back-tested/);
    await expect(vigie('risk', 'approvals', 'list', '--status', 'maybe')).rejects.toThrow(/--status/);
  });

  it('prints the diff between two versions, field by field', async () => {
    await vigie('risk', 'profile', 'diff', String(v1), String(v2));
    const text = out.join('\n');
    expect(text).toContain('textiles v1 → textiles v2');
    expect(text).toContain('+ rule coats: Rule coats');
    expect(text).toContain('- rule old: Rule old');
    expect(text).toContain('~ rule shirts: Rule shirts');
    expect(text).toContain('    points: 10 → 30');
  });

  it('never approves its own request, approves another person’s, and shows the figures', async () => {
    const job = await backtestJob(t.database.db, v2);
    await vigie('risk', 'approvals', 'request', String(v2), '--reason', 'better hits', '--backtest', job);
    const own = Number(/request #(\d+)/.exec(out.join('\n'))![1]);
    await expect(
      vigie('risk', 'approvals', 'approve', String(own), '--reason', 'fine by me'),
    ).rejects.toThrow(/a second person decides it/);
    await expect(vigie('risk', 'approvals', 'reject', String(own), '--reason', 'withdrawn')).rejects.toThrow(
      /a second person decides it/,
    );
    // The request stays pending: another for the same version is refused.
    await expect(
      requestActivation(t.database, ALICE, { profile_id: v2, reason: 'me too please' }, { backtestDays: 7 }),
    ).rejects.toThrow(/pending activation request/);
    await sql`update risk_activation_requests set requested_by = 'alice' where id = ${own}`.execute(
      t.database.db,
    );
    out.length = 0;
    await vigie('risk', 'approvals', 'show', String(own));
    const shown = out.join('\n');
    expect(shown).toContain('activate textiles v2');
    expect(shown).toMatch(/this version: selected 50 of 1[\s,.]?000 \(5\.0 %\), hit rate 25\.0 %/);
    expect(shown).toContain('active (textiles v1)');
    expect(shown).toContain('    points: 10 → 30');
    out.length = 0;
    await vigie('risk', 'approvals', 'approve', String(own), '--reason', 'figures checked');
    expect(out.join('\n')).toContain(`request #${own} approved: textiles v2 is active`);
    out.length = 0;
    await vigie('risk', 'approvals', 'list', '--json');
    expect(JSON.parse(out.join(''))[0]).toMatchObject({ id: own, status: 'approved', requested_by: 'alice' });
  });
});
