/**
 * Rule profiles, versioned: each change is a new version (draft) with its author, reason and validity dates;
 * activating a draft (analyst permission, audited) retires the version of the same name that was active — at once,
 * or, with four-eyes on, when a second user approves the request (approvals.ts). Scoring
 * uses every active profile valid on the day scored. Sensitive intelligence stays in the stored document and is
 * stripped from what other roles see.
 */
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database, Session } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { staleRequests } from '../../platform/lib/four-eyes.ts';
import './indicators/index.ts';
import type { ProfileDocument } from './rules/schema.ts';
import {
  formatProblems,
  type KnownNames,
  parseProfileText,
  type RuleProblem,
  validateDocument,
} from './rules/validate.ts';
import type { ProfileVersion } from './score.ts';
import { watchlistNames } from './watchlists.ts';

export type ProfileStatus = 'draft' | 'active' | 'retired';

export class RuleDocumentError extends AppError {
  constructor(readonly problems: RuleProblem[]) {
    super(
      'risk.invalid_profile',
      `the profile document has ${problems.length} problem(s):\n${formatProblems(problems)}`,
      422,
      {
        problems,
      },
    );
  }
}

export async function knownNames(db: Kysely<DB>): Promise<KnownNames> {
  const [watchlists, campaigns] = await Promise.all([
    watchlistNames(db),
    db
      .selectFrom('risk_campaigns')
      .select('name')
      .execute()
      .then((r) => new Set(r.map((x) => x.name))),
  ]);
  return { watchlists, campaigns };
}

/** Validates a document given as text (YAML/JSON) or as an object, against the names known in the database. */
export async function checkDocument(
  db: Kysely<DB>,
  input: { text?: string | undefined; document?: unknown },
): Promise<{ document: ProfileDocument; text: string | null }> {
  const known = await knownNames(db);
  if (input.text !== undefined) {
    const result = parseProfileText(input.text, known);
    if (!result.ok) throw new RuleDocumentError(result.problems);
    return { document: result.document, text: input.text };
  }
  const result = validateDocument(input.document, known);
  if (!result.ok) throw new RuleDocumentError(result.problems);
  return { document: result.document, text: null };
}

export interface NewProfileVersion {
  name: string;
  text?: string | undefined;
  document?: unknown;
  reason: string;
  valid_from?: string | null | undefined;
  valid_to?: string | null | undefined;
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export async function createProfileVersion(database: Database, actor: Actor, input: NewProfileVersion) {
  if (!NAME.test(input.name))
    throw new AppError('risk.invalid_name', 'a profile name is a-z, 0-9, - and _ (64 at most)');
  if (!input.reason || input.reason.trim().length < 5)
    throw new AppError('risk.reason_required', 'say why this version is made (5 characters at least)');
  if (input.valid_from && input.valid_to && input.valid_to < input.valid_from)
    throw new AppError('risk.invalid_validity', 'valid_to comes before valid_from');
  const { document, text } = await checkDocument(database.db, input);
  return database.transaction(async (session) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`vigie.risk.profile.${input.name}`}))`.execute(
      session.db,
    );
    const last = await session.db
      .selectFrom('risk_profiles')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('name', '=', input.name)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const row = await session.db
      .insertInto('risk_profiles')
      .values({
        name: input.name,
        version,
        status: 'draft',
        document: JSON.stringify(document),
        source_text: text,
        author: actor.name,
        reason: input.reason.trim(),
        valid_from: input.valid_from ?? null,
        valid_to: input.valid_to ?? null,
      })
      .returning(['id', 'name', 'version', 'status'])
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'risk.profile_created',
      target_type: 'risk_profile',
      target_id: row.id,
      after: {
        name: row.name,
        version,
        status: 'draft',
        rules: document.rules.length,
        reason: input.reason.trim(),
      },
    });
    return { id: Number(row.id), name: row.name, version, status: row.status };
  });
}

type ProfileRow = Awaited<ReturnType<typeof profileRow>>;

function profileRow(db: Kysely<DB>, id: number) {
  return db.selectFrom('risk_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The document without what only analysts may read. */
export function publicDocument(document: ProfileDocument): ProfileDocument {
  return { ...document, rules: document.rules.map(({ intelligence: _secret, ...rule }) => rule) };
}

function view(row: NonNullable<ProfileRow>, intelligence: boolean) {
  const document = row.document as unknown as ProfileDocument;
  return {
    id: Number(row.id),
    name: row.name,
    version: row.version,
    status: row.status,
    author: row.author,
    reason: row.reason,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    created_at: iso(row.created_at),
    activated_at: row.activated_at ? iso(row.activated_at) : null,
    activated_by: row.activated_by,
    retired_at: row.retired_at ? iso(row.retired_at) : null,
    retired_by: row.retired_by,
    rules: document.rules.length,
    document: intelligence ? document : publicDocument(document),
    // The source text carries the intelligence too: analysts only.
    source_text: intelligence ? row.source_text : null,
  };
}

export async function getProfile(db: Kysely<DB>, id: number, options: { intelligence: boolean }) {
  const row = await profileRow(db, id);
  return row ? view(row, options.intelligence) : undefined;
}

export async function listProfiles(
  db: Kysely<DB>,
  filters: { name?: string | undefined; status?: ProfileStatus | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('risk_profiles');
  if (filters.name) query = query.where('name', '=', filters.name);
  if (filters.status) query = query.where('status', '=', filters.status);
  const { total, rows } = await offsetPage(
    query,
    (q) =>
      q
        .select([
          'id',
          'name',
          'version',
          'status',
          'author',
          'reason',
          'valid_from',
          'valid_to',
          'created_at',
          'activated_at',
          'activated_by',
          'retired_at',
          'retired_by',
          sql<number>`jsonb_array_length(document -> 'rules')`.as('rules'),
        ])
        .orderBy('name')
        .orderBy('version', 'desc'),
    page,
  );
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      rules: Number(r.rules),
      created_at: iso(r.created_at),
      activated_at: r.activated_at ? iso(r.activated_at) : null,
      retired_at: r.retired_at ? iso(r.retired_at) : null,
    })),
  };
}

// Active profiles are read on every scoring: cached briefly in process, dropped at once on a change made here.
let cache: {
  at: number;
  rows: ProfileVersion[];
  validity: Map<number, [string | null, string | null]>;
} | null = null;
const CACHE_MS = 5000;

export function forgetActiveProfiles(): void {
  cache = null;
}

/** Active profiles valid on `day` (YYYY-MM-DD; default today), by name. */
export async function activeProfiles(db: Kysely<DB>, day?: string): Promise<ProfileVersion[]> {
  if (!cache || Date.now() - cache.at > CACHE_MS) {
    const rows = await db
      .selectFrom('risk_profiles')
      .select(['id', 'name', 'version', 'document', 'valid_from', 'valid_to'])
      .where('status', '=', 'active')
      .orderBy('name')
      .execute();
    cache = {
      at: Date.now(),
      rows: rows.map((r) => ({
        id: Number(r.id),
        name: r.name,
        version: r.version,
        document: r.document as unknown as ProfileDocument,
      })),
      validity: new Map(rows.map((r) => [Number(r.id), [r.valid_from, r.valid_to]])),
    };
  }
  const d = day ?? new Date().toISOString().slice(0, 10);
  const { rows, validity } = cache;
  return rows.filter((p) => {
    const [from, to] = validity.get(p.id)!;
    return (!from || from <= d) && (!to || to >= d);
  });
}

/** Any version as a ProfileVersion (back-tests of drafts). */
export async function profileVersion(db: Kysely<DB>, id: number): Promise<ProfileVersion | undefined> {
  const row = await profileRow(db, id);
  if (!row) return undefined;
  return {
    id: Number(row.id),
    name: row.name,
    version: row.version,
    document: row.document as unknown as ProfileDocument,
  };
}

export async function activateProfile(database: Database, actor: Actor, id: number, reason: string) {
  if (!reason || reason.trim().length < 5)
    throw new AppError('risk.reason_required', 'say why this version is activated (5 characters at least)');
  const result = await database.transaction((session) => activateWithin(session, actor, id, reason));
  forgetActiveProfiles();
  return result;
}

/**
 * Activates a draft inside the caller's transaction (direct activation, or the approval of a four-eyes request:
 * `approval` then says which request and who asked). Pending activation requests of the same name go stale: they
 * were made against the version active before. The caller forgets the cached active profiles after commit.
 */
export async function activateWithin(
  session: Session,
  actor: Actor,
  id: number,
  reason: string,
  approval?: { request: number; requested_by: string },
) {
  const row = await profileRow(session.db, id);
  if (!row) throw new NotFoundError('risk.profile_not_found', `no rule profile #${id}`);
  if (row.status !== 'draft')
    throw new AppError(
      'risk.profile_not_draft',
      `${row.name} v${row.version} is ${row.status}: only a draft is activated`,
      409,
    );
  // The names it references must still exist.
  const known = await knownNames(session.db);
  const check = validateDocument(row.document, known);
  if (!check.ok) throw new RuleDocumentError(check.problems);
  await sql`select pg_advisory_xact_lock(hashtext(${`vigie.risk.profile.${row.name}`}))`.execute(session.db);
  const previous = await session.db
    .updateTable('risk_profiles')
    .set({ status: 'retired', retired_at: new Date(), retired_by: actor.name })
    .where('name', '=', row.name)
    .where('status', '=', 'active')
    .returning(['id', 'version'])
    .execute();
  await session.db
    .updateTable('risk_profiles')
    .set({ status: 'active', activated_at: new Date(), activated_by: actor.name })
    .where('id', '=', id)
    .execute();
  const staled = await staleRequests(
    session,
    'risk_activation_requests',
    { column: 'profile_name', value: row.name },
    `${row.name} v${row.version} activated`,
  );
  await appendAudit(session, actor, {
    action: 'risk.profile_activated',
    target_type: 'risk_profile',
    target_id: id,
    before: { status: 'draft', active_version: previous[0]?.version ?? null },
    after: { status: 'active', name: row.name, version: row.version },
    details: {
      reason: reason.trim(),
      retired: previous.map((p) => ({ id: Number(p.id), version: p.version })),
      ...(approval ? { approval } : {}),
      ...(staled.length ? { stale_requests: staled } : {}),
    },
  });
  return {
    id,
    name: row.name,
    version: row.version,
    status: 'active' as const,
    retired: previous.map((p) => Number(p.id)),
  };
}

export async function retireProfile(database: Database, actor: Actor, id: number, reason: string) {
  if (!reason || reason.trim().length < 5)
    throw new AppError('risk.reason_required', 'say why this version is retired (5 characters at least)');
  const result = await database.transaction(async (session) => {
    const row = await profileRow(session.db, id);
    if (!row) throw new NotFoundError('risk.profile_not_found', `no rule profile #${id}`);
    if (row.status === 'retired')
      throw new AppError('risk.profile_retired', `${row.name} v${row.version} is already retired`, 409);
    await session.db
      .updateTable('risk_profiles')
      .set({ status: 'retired', retired_at: new Date(), retired_by: actor.name })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: 'risk.profile_retired',
      target_type: 'risk_profile',
      target_id: id,
      before: { status: row.status },
      after: { status: 'retired' },
      details: { reason: reason.trim(), name: row.name, version: row.version },
    });
    return { id, name: row.name, version: row.version, status: 'retired' as const };
  });
  forgetActiveProfiles();
  return result;
}
