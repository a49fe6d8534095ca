/**
 * Writing, reading and verifying the audit trail. Appending takes a transaction-scoped advisory lock, reads the
 * last hash and inserts, so concurrent writers (several API processes) still form one chain; the lock is held only
 * to the end of the writer's transaction, which is why long work (an import) appends its entry last.
 */
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database, Session } from '../db/database.ts';
import { offsetPage } from '../db/paging.ts';
import type { DB } from '../db/schema.ts';
import { iso } from '../lib/errors.ts';
import {
  type AuditContent,
  canonicalValue,
  entryHash,
  entrySeal,
  GENESIS_HASH,
  storableText,
} from './chain.ts';
import type { Checkpoint } from './checkpoints.ts';
import { type AuditKeyring, auditKeyring } from './key.ts';

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
  const text = (v: string | null) => (v === null ? null : storableText(v));
  // What is hashed is exactly what the database will give back (see canonicalValue).
  const content: AuditContent = {
    at: at.toISOString(),
    actor_id: actor.id,
    actor: storableText(actor.name),
    ip: text(actor.ip),
    action: storableText(input.action),
    target_type: text(input.target_type ?? null),
    target_id:
      input.target_id === undefined || input.target_id === null ? null : text(String(input.target_id)),
    before: canonicalValue(input.before),
    after: canonicalValue(input.after),
    details: canonicalValue(input.details),
  };
  const hash = entryHash(prevHash, content);
  const keyring = auditKeyring();
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
      key_id: keyring ? keyring.current.id : null,
      seal: keyring ? entrySeal(keyring.current.key, hash) : null,
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
  const { total, rows } = await offsetPage(query, (q) => q.selectAll().orderBy('seq', 'desc'), page);
  return { total, items: rows.map((r) => ({ ...r, at: iso(r.at) })) };
}

export type VerifyProblemKind =
  | 'altered'
  | 'broken_link'
  | 'forged'
  | 'unsealed'
  | 'unknown_key'
  | 'wrong_head'
  | 'checkpoint';

export interface VerifyProblem {
  seq: number;
  kind: VerifyProblemKind;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  /** Entries whose seal was checked with the key (all sealed ones when the key is at hand). */
  sealed: number;
  /** Entries without a seal: written before sealing began, or by a process without the key. */
  unsealed: number;
  /** Whether seals could be checked (the key file was at hand). */
  keyed: boolean;
  /** The last entry checked: record its hash elsewhere to detect a cut-off tail later. */
  head: { seq: number; hash: string } | null;
  /** The checkpoint the trail was checked against, if any. */
  checkpoint: { seq: number; at: string } | null;
  /** Every problem found, in order (the first 200; `problem_count` counts them all). */
  problems: VerifyProblem[];
  problem_count: number;
  /** The first problem, as earlier versions reported it. */
  problem?: VerifyProblem;
}

const MAX_PROBLEMS = 200;

/**
 * Walks the whole chain from the first entry and reports every problem rather than stopping at the first (a
 * tampered entry must not hide later ones). An entry whose stored hash does not match its content was altered; an
 * entry whose previous-hash does not match the entry before it follows a removal or a reordering; with the key, an
 * entry whose seal does not match was rewritten by someone without it, and an entry without a seal after sealing
 * began had its seal stripped. Against a checkpoint (or `expectHead`), the trail must still reach the entry recorded
 * then, with the same hash: a cut-off tail or a recomputed chain shows there.
 */
export async function verifyAudit(
  db: Kysely<DB>,
  options: {
    expectHead?: { seq: number; hash: string };
    keyring?: AuditKeyring | null;
    checkpoint?: Checkpoint | null;
    onProgress?: (checked: number) => void;
  } = {},
): Promise<VerifyReport> {
  const keyring = options.keyring === undefined ? auditKeyring() : options.keyring;
  const expected = [
    ...(options.expectHead ? [{ ...options.expectHead, from: 'the head recorded earlier' }] : []),
    ...(options.checkpoint
      ? [
          {
            seq: options.checkpoint.seq,
            hash: options.checkpoint.hash,
            from: `the checkpoint of ${options.checkpoint.at}`,
          },
        ]
      : []),
  ];
  const reached = new Set<number>();
  const sealedFrom = options.checkpoint?.sealed_from ?? null;
  const problems: VerifyProblem[] = [];
  let problemCount = 0;
  const report = (problem: VerifyProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  let previous = GENESIS_HASH;
  let previousSeq = 0;
  let checked = 0;
  let sealed = 0;
  let unsealed = 0;
  let sawSeal = false;
  let head: VerifyReport['head'] = null;
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
        report({
          seq: row.seq,
          kind: 'broken_link',
          message: `entry #${row.seq} does not follow ${checked === 0 ? 'the start of the trail' : `entry #${previousSeq}`}: an entry before it was removed, or the order was changed`,
        });
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
      const hashHolds = entryHash(row.prev_hash, content) === row.hash;
      if (!hashHolds) {
        report({
          seq: row.seq,
          kind: 'altered',
          message: `entry #${row.seq} (${row.action}) was altered after it was written`,
        });
      }
      if (row.seal === null) {
        unsealed++;
        if (sawSeal || (sealedFrom !== null && row.seq >= sealedFrom)) {
          report({
            seq: row.seq,
            kind: 'unsealed',
            message: `entry #${row.seq} (${row.action}) carries no seal although the trail is sealed since #${sealedFrom ?? 'an earlier entry'}: its seal was removed`,
          });
        }
      } else {
        sawSeal = true;
        const key = keyring && row.key_id ? keyring.keys.get(row.key_id) : undefined;
        if (keyring && !key) {
          report({
            seq: row.seq,
            kind: 'unknown_key',
            message: `entry #${row.seq} is sealed with key ${row.key_id ?? '(none)'}, which ${keyring.source} does not hold`,
          });
        } else if (key) {
          sealed++;
          if (hashHolds && entrySeal(key, row.hash) !== row.seal) {
            report({
              seq: row.seq,
              kind: 'forged',
              message: `entry #${row.seq} (${row.action}) has a seal that does not match: it was rewritten without the audit key`,
            });
          }
        }
      }
      for (const e of expected) {
        if (row.seq !== e.seq) continue;
        reached.add(e.seq);
        if (row.hash !== e.hash) {
          report({
            seq: row.seq,
            kind: 'wrong_head',
            message: `entry #${row.seq} is not the one of ${e.from}: the trail was rewritten up to there`,
          });
        }
      }
      previous = row.hash;
      previousSeq = row.seq;
      head = { seq: row.seq, hash: row.hash };
      checked++;
    }
    options.onProgress?.(checked);
  }
  for (const e of expected) {
    if (reached.has(e.seq)) continue;
    report({
      seq: e.seq,
      kind: 'wrong_head',
      message: `the trail no longer reaches entry #${e.seq} (${e.from}): its end was cut off`,
    });
  }
  return {
    ok: problemCount === 0,
    checked,
    sealed,
    unsealed,
    keyed: keyring !== null,
    head,
    checkpoint: options.checkpoint ? { seq: options.checkpoint.seq, at: options.checkpoint.at } : null,
    problems,
    problem_count: problemCount,
    ...(problems[0] ? { problem: problems[0] } : {}),
  };
}
