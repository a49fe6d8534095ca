/**
 * Four-eyes activation of rule profiles (docs/decisions/0039-four-eyes.md). With `fourEyes` on (the default), a
 * draft is not activated by the one who asks: a request names the version, the reason and the back-test of that
 * very version it rests on (finished within `fourEyesBacktestDays`), and keeps the back-test's figures beside
 * those of the active version. A second user holding `risk:activate` — neither the requester nor the version's
 * author — approves (the activation happens in the same transaction) or rejects, with a reason. A request goes
 * stale when another version of the name was activated or retired meanwhile. Everything is audited.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { getJob } from '../../platform/jobs/store.ts';
import { AppError, NotFoundError } from '../../platform/lib/errors.ts';
import {
  decideRequest,
  type FourEyesKind,
  fileRequest,
  requestTrail,
  requireReason,
} from '../../platform/lib/four-eyes.ts';
import type { BacktestReport, BacktestResult } from './backtest.ts';
import { listBacktests } from './backtests.ts';
import { activateWithin, forgetActiveProfiles, knownNames } from './profiles.ts';
import { diffProfiles, type ProfileDiff, publicDiff } from './rules/diff.ts';
import type { ProfileDocument } from './rules/schema.ts';
import { validateDocument } from './rules/validate.ts';
import type { ApprovalStatus } from './tables.ts';

export class FourEyesRequiredError extends AppError {
  constructor(what: string) {
    super(
      'risk.four_eyes_required',
      `four-eyes activation is on: ${what} is not activated directly; request its activation (POST /api/risk/approvals, vigie risk approvals request) and a second user approves it`,
      409,
    );
  }
}

const DAY_MS = 86_400_000;

/** Rule profile activation requests, as the four-eyes lifecycle names them. */
const ACTIVATION: FourEyesKind<'risk_activation_requests'> = {
  table: 'risk_activation_requests',
  code: 'risk',
  action: 'risk.activation',
  noun: 'activation request',
};

/** The headline figures of one side of a back-test. */
function selectionFigures(report: BacktestReport) {
  const s = report.selection;
  return {
    items: report.items,
    selected_items: s.selected_items,
    share: s.share,
    inspected: s.inspected,
    frauds: s.frauds,
    hit_rate: s.precision,
    recall: s.recall,
    duties_recovered: s.duties_recovered,
    duties_at_stake: s.duties_at_stake_of_frauds_caught,
  };
}
export type SelectionFigures = ReturnType<typeof selectionFigures>;

export interface BacktestFigures {
  job_id: string;
  finished_at: string;
  from: string;
  to: string;
  days: number;
  candidate: SelectionFigures;
  /** The profiles active when the back-test ran, on the same days; null when it was not compared. */
  active: { profiles: string[]; figures: SelectionFigures } | null;
}

function figuresOf(job: { id: string; finished_at: string | null; result: unknown }): BacktestFigures {
  const result = job.result as BacktestResult;
  return {
    job_id: job.id,
    finished_at: job.finished_at!,
    from: result.from,
    to: result.to,
    days: result.days,
    candidate: selectionFigures(result.candidate),
    active: result.active
      ? {
          profiles: result.active.profiles.map((p) => `${p.name} v${p.version}`),
          figures: selectionFigures(result.active.report),
        }
      : null,
  };
}

/** The back-test a request rests on: the one named, or the newest of the version; recent enough. */
async function recentBacktest(
  db: Kysely<DB>,
  profileId: number,
  label: string,
  maxDays: number,
  jobId?: string,
) {
  const hint = `run one (the profile page's back-test, or POST /api/risk/backtests with profile_id ${profileId}) and ask again`;
  let job: { id: string; finished_at: string | null; result: unknown } | undefined;
  if (jobId) {
    const found = await getJob(db, jobId).catch(() => undefined);
    if (found?.kind !== 'risk.backtest')
      throw new AppError('risk.backtest_not_found', `no back-test ${jobId}`, 404);
    if (found.state !== 'completed')
      throw new AppError('risk.backtest_not_finished', `back-test ${jobId} is ${found.state}`, 409);
    if (Number(found.params.profile_id) !== profileId)
      throw new AppError(
        'risk.backtest_other_version',
        `back-test ${jobId} tested profile #${String(found.params.profile_id)}, not ${label} (#${profileId})`,
        409,
      );
    job = found;
  } else {
    const [newest] = await listBacktests(db, { profile_id: profileId }, { limit: 1, offset: 0 });
    if (!newest)
      throw new AppError('risk.backtest_required', `${label} has never been back-tested: ${hint}`, 409, {
        max_age_days: maxDays,
      });
    job = await getJob(db, newest.job_id);
  }
  const finished = job?.finished_at ? Date.parse(job.finished_at) : 0;
  if (!job || Date.now() - finished > maxDays * DAY_MS)
    throw new AppError(
      'risk.backtest_required',
      `the back-test of ${label} finished more than ${maxDays} days ago (${job?.finished_at?.slice(0, 10) ?? '?'}): ${hint}`,
      409,
      { max_age_days: maxDays },
    );
  return figuresOf(job);
}

async function activeOf(db: Kysely<DB>, name: string) {
  const row = await db
    .selectFrom('risk_profiles')
    .select(['id', 'version'])
    .where('name', '=', name)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? { id: Number(row.id), version: row.version } : null;
}

export async function requestActivation(
  database: Database,
  actor: Actor,
  input: { profile_id: number; reason: string; backtest_job?: string | undefined },
  settings: { backtestDays: number },
) {
  const reason = requireReason('risk', input.reason, 'this version should be activated');
  const db = database.db;
  const profile = await db
    .selectFrom('risk_profiles')
    .select(['id', 'name', 'version', 'status', 'document'])
    .where('id', '=', input.profile_id)
    .executeTakeFirst();
  if (!profile) throw new NotFoundError('risk.profile_not_found', `no rule profile #${input.profile_id}`);
  const label = `${profile.name} v${profile.version}`;
  if (profile.status !== 'draft')
    throw new AppError(
      'risk.profile_not_draft',
      `${label} is ${profile.status}: only a draft is activated`,
      409,
    );
  const check = validateDocument(profile.document, await knownNames(db));
  if (!check.ok)
    throw new AppError('risk.invalid_profile', `${label} no longer validates`, 422, {
      problems: check.problems,
    });
  const backtest = await recentBacktest(
    db,
    input.profile_id,
    label,
    settings.backtestDays,
    input.backtest_job,
  );
  return database.transaction(async (session) => {
    const active = await activeOf(session.db, profile.name);
    const id = await fileRequest(
      session,
      actor,
      ACTIVATION,
      { column: 'profile_id', id: input.profile_id, label },
      {
        profile_id: input.profile_id,
        profile_name: profile.name,
        active_profile_id: active?.id ?? null,
        backtest_job: backtest.job_id,
        backtest: JSON.stringify(backtest),
        reason,
      },
      (request) => ({
        target_type: 'risk_profile',
        target_id: input.profile_id,
        after: { request, name: profile.name, version: profile.version, status: 'pending' },
        details: {
          reason,
          active_version: active?.version ?? null,
          backtest: { job: backtest.job_id, from: backtest.from, to: backtest.to },
        },
      }),
    );
    return { id, status: 'pending' as const, profile_id: input.profile_id, name: profile.name };
  });
}

const COLUMNS = [
  'r.id',
  'r.profile_id',
  'r.profile_name',
  'r.active_profile_id',
  'r.backtest',
  'r.status',
  'r.reason',
  'r.requested_by',
  'r.requested_at',
  'r.decided_by',
  'r.decision_reason',
  'r.decided_at',
  'p.version',
  'p.author',
  'p.status as profile_status',
] as const;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('risk_activation_requests as r')
    .innerJoin('risk_profiles as p', 'p.id', 'r.profile_id');
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];
function selectRows(db: Kysely<DB>) {
  return baseQuery(db).select(COLUMNS);
}

/** A request as shown; a pending one says whether it would be stale now (another version activated meanwhile). */
function view(row: RequestRow, actives: Map<string, number>) {
  const activeNow = actives.get(row.profile_name) ?? null;
  const activeThen = row.active_profile_id === null ? null : Number(row.active_profile_id);
  return {
    id: Number(row.id),
    profile_id: Number(row.profile_id),
    name: row.profile_name,
    version: row.version,
    author: row.author,
    active_profile_id: activeThen,
    status: row.status as ApprovalStatus,
    stale: row.status === 'pending' && (activeNow !== activeThen || row.profile_status !== 'draft'),
    ...requestTrail(row),
    backtest: row.backtest as unknown as BacktestFigures,
  };
}
export type ActivationRequestView = ReturnType<typeof view>;

async function activeIds(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('risk_profiles')
    .select(['id', 'name'])
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

export async function listActivationRequests(
  db: Kysely<DB>,
  filters: { status?: ApprovalStatus | undefined },
  page: { limit: number; offset: number },
) {
  let query = baseQuery(db);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  const { total, rows } = await offsetPage(query, (q) => q.select(COLUMNS).orderBy('r.id', 'desc'), page);
  const actives = await activeIds(db);
  return { total, items: rows.map((r) => view(r, actives)) };
}

/**
 * The difference between two versions (`from` defaults to the version active now, else the version before):
 * intelligence changes are said, not shown, to those without risk:intelligence.
 */
export async function profileDiff(
  db: Kysely<DB>,
  toId: number,
  fromId: number | null | undefined,
  options: { intelligence: boolean },
) {
  const load = (id: number) =>
    db
      .selectFrom('risk_profiles')
      .select(['id', 'name', 'version', 'status', 'document'])
      .where('id', '=', id)
      .executeTakeFirst();
  const to = await load(toId);
  if (!to) throw new NotFoundError('risk.profile_not_found', `no rule profile #${toId}`);
  let from = fromId ? await load(fromId) : undefined;
  if (fromId && !from) throw new NotFoundError('risk.profile_not_found', `no rule profile #${fromId}`);
  if (fromId === undefined) {
    const active = await activeOf(db, to.name);
    const base =
      active && active.id !== Number(to.id)
        ? active.id
        : (
            await db
              .selectFrom('risk_profiles')
              .select('id')
              .where('name', '=', to.name)
              .where('version', '<', to.version)
              .orderBy('version', 'desc')
              .limit(1)
              .executeTakeFirst()
          )?.id;
    from = base ? await load(Number(base)) : undefined;
  }
  const after = to.document as unknown as ProfileDocument;
  const before = from
    ? (from.document as unknown as ProfileDocument)
    : ({ scoring: after.scoring, rules: [] } as unknown as ProfileDocument);
  const diff = diffProfiles(before, after);
  const ref = (p: NonNullable<typeof to>) => ({
    id: Number(p.id),
    name: p.name,
    version: p.version,
    status: p.status,
  });
  return {
    from: from ? ref(from) : null,
    to: ref(to),
    diff: options.intelligence ? diff : publicDiff(diff),
  } satisfies { diff: ProfileDiff } & Record<string, unknown>;
}

export async function getActivationRequest(db: Kysely<DB>, id: number, options: { intelligence: boolean }) {
  const row = await selectRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('risk.approval_not_found', `no activation request #${id}`);
  const request = view(row, await activeIds(db));
  const against = request.active_profile_id;
  return { ...request, ...(await profileDiff(db, request.profile_id, against, options)) };
}

/**
 * Approves or rejects a pending request. The requester never decides their own request, nor does the version's
 * author approve it; a decided request is not decided again; a request whose premise changed (another version
 * activated or retired, this one no longer a draft, or — on approval — its back-test now older than the limit) is
 * marked stale and refused.
 */
export async function decideActivationRequest(
  database: Database,
  actor: Actor,
  id: number,
  decision: 'approve' | 'reject',
  reasonText: string,
  settings: { backtestDays: number },
) {
  const reason = requireReason(
    'risk',
    reasonText,
    decision === 'approve' ? 'this request is approved' : 'this request is rejected',
  );
  const outcome = await decideRequest(database, actor, ACTIVATION, id, decision, reason, {
    async check(session, request) {
      const profile = await session.db
        .selectFrom('risk_profiles')
        .select(['name', 'version', 'status', 'author'])
        .where('id', '=', request.profile_id)
        .executeTakeFirstOrThrow();
      if (decision === 'approve' && profile.author === actor.name)
        throw new AppError(
          'risk.approval_own_profile',
          `you wrote ${profile.name} v${profile.version}: a second person approves its activation`,
          403,
        );
      const active = await activeOf(session.db, request.profile_name);
      const activeThen = request.active_profile_id === null ? null : Number(request.active_profile_id);
      // The back-test must still be recent when the version goes live, not only when it was asked for.
      const tested = (request.backtest as unknown as BacktestFigures | null)?.finished_at;
      const outdated =
        decision === 'approve' &&
        (!tested || Date.now() - Date.parse(tested) > settings.backtestDays * DAY_MS);
      const stale =
        profile.status !== 'draft'
          ? `${profile.name} v${profile.version} is now ${profile.status}`
          : (active?.id ?? null) !== activeThen
            ? `the active version of ${profile.name} changed since the request`
            : outdated
              ? `the back-test it rests on finished more than ${settings.backtestDays} days ago (${tested?.slice(0, 10) ?? '?'}): run a new one and ask again`
              : null;
      return {
        target_type: 'risk_profile',
        target_id: Number(request.profile_id),
        stale,
        details: { name: profile.name, version: profile.version },
      };
    },
    approve: (session, request) =>
      activateWithin(session, actor, Number(request.profile_id), request.reason, {
        request: id,
        requested_by: request.requested_by,
      }),
  });
  if (outcome.applied) forgetActiveProfiles();
  return { id, status: outcome.status, activated: outcome.applied };
}
