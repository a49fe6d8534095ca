/**
 * Writing, reading and verifying the audit trail. Appending takes a transaction-scoped advisory lock, reads the
 * last hash and inserts, so concurrent writers (several API processes) still form one chain; the lock is held only
 * to the end of the writer's transaction, which is why long work (an import) appends its entry last.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, Session } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { iso } from '../../lib/errors.ts';
import { type AuditContent, entryHash, GENESIS_HASH } from './chain.ts';

/** Who did something, from where. `id` is null for the command line and for system work. */
export interface Actor {
  id: number | null;
  name: string;
  ip: string | null;
}

export interface AuditInput {
  action: string;
  target_type?: string | null;
  target_id?: string | number | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

const AUDIT_LOCK = 7_210_001;

async function appendIn(
  db: Kysely<DB>,
  actor: Actor,
  input: AuditInput,
): Promise<{ seq: number; hash: string }> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db);
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const content: AuditContent = {
    at: at.toISOString(),
    actor_id: actor.id,
    actor: actor.name,
    ip: actor.ip,
    action: input.action,
    target_type: input.target_type ?? null,
    target_id: input.target_id === undefined || input.target_id === null ? null : String(input.target_id),
    before: input.before ?? null,
    after: input.after ?? null,
    details: input.details ?? null,
  };
  const hash = entryHash(prevHash, content);
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  const row = await db
    .insertInto('audit_log')
    .values({
      at,
      actor_id: content.actor_id,
      actor: content.actor,
      ip: content.ip,
      action: content.action,
      target_type: content.target_type,
      target_id: content.target_id,
      before: json(content.before),
      after: json(content.after),
      details: json(content.details),
      prev_hash: prevHash,
      hash,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return { seq: row.seq, hash };
}

/**
 * Appends an entry. Given a session, it joins the session's transaction (the entry commits with the change it
 * records); given the database, it runs in a transaction of its own.
 */
export async function appendAudit(
  target: Database | Session,
  actor: Actor,
  input: AuditInput,
): Promise<{ seq: number; hash: string }> {
  if ('transaction' in target) return target.transaction((session) => appendIn(session.db, actor, input));
  return appendIn(target.db, actor, input);
}

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  target_type?: string | undefined;
  target_id?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listAudit(
  db: Kysely<DB>,
  filters: AuditFilters,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('audit_log');
  if (filters.actor) query = query.where('actor', '=', filters.actor);
  if (filters.action) {
    query = filters.action.endsWith('.*')
      ? query.where('action', 'like', `${filters.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : query.where('action', '=', filters.action);
  }
  if (filters.target_type) query = query.where('target_type', '=', filters.target_type);
  if (filters.target_id) query = query.where('target_id', '=', filters.target_id);
  if (filters.from) query = query.where('at', '>=', new Date(`${filters.from}T00:00:00Z`));
  if (filters.to)
    query = query.where('at', '<', new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000));
  const [total, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(total.n), items: rows.map((r) => ({ ...r, at: iso(r.at) })) };
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  /** The last entry checked: record its hash elsewhere to detect a cut-off tail later. */
  head: { seq: number; hash: string } | null;
  problem?: { seq: number; kind: 'altered' | 'broken_link' | 'wrong_head'; message: string };
}

/**
 * Walks the chain from the first entry. An entry whose stored hash does not match its content was altered; an
 * entry whose previous-hash does not match the entry before it follows a removal or a reordering. With
 * `expectHead`, also checks that the chain still reaches an entry recorded earlier (a cut-off tail).
 */
export async function verifyAudit(
  db: Kysely<DB>,
  options: { expectHead?: { seq: number; hash: string }; onProgress?: (checked: number) => void } = {},
): Promise<VerifyReport> {
  let previous = GENESIS_HASH;
  let previousSeq = 0;
  let checked = 0;
  let head: VerifyReport['head'] = null;
  let sawExpected = !options.expectHead;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', previousSeq)
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== previous) {
        return {
          ok: false,
          checked,
          head,
          problem: {
            seq: row.seq,
            kind: 'broken_link',
            message: `entry #${row.seq} does not follow ${checked === 0 ? 'the start of the trail' : `entry #${previousSeq}`}: an entry before it was removed, or the order was changed`,
          },
        };
      }
      const content: AuditContent = {
        at: iso(row.at),
        actor_id: row.actor_id === null ? null : Number(row.actor_id),
        actor: row.actor,
        ip: row.ip,
        action: row.action,
        target_type: row.target_type,
        target_id: row.target_id,
        before: row.before,
        after: row.after,
        details: row.details,
      };
      if (entryHash(row.prev_hash, content) !== row.hash) {
        return {
          ok: false,
          checked,
          head,
          problem: {
            seq: row.seq,
            kind: 'altered',
            message: `entry #${row.seq} (${row.action}) was altered after it was written`,
          },
        };
      }
      if (options.expectHead && row.seq === options.expectHead.seq) {
        if (row.hash !== options.expectHead.hash) {
          return {
            ok: false,
            checked,
            head,
            problem: {
              seq: row.seq,
              kind: 'wrong_head',
              message: `entry #${row.seq} is not the entry recorded earlier`,
            },
          };
        }
        sawExpected = true;
      }
      previous = row.hash;
      previousSeq = row.seq;
      head = { seq: row.seq, hash: row.hash };
      checked++;
    }
    options.onProgress?.(checked);
  }
  if (!sawExpected) {
    return {
      ok: false,
      checked,
      head,
      problem: {
        seq: options.expectHead!.seq,
        kind: 'wrong_head',
        message: `the trail no longer reaches entry #${options.expectHead!.seq}: its end was cut off`,
      },
    };
  }
  return { ok: true, checked, head };
}
