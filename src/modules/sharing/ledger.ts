/**
 * The signed ledger of what was shared: every message sent or received is appended as one entry, hash-chained to
 * the previous one and signed by this installation (ledger-format.ts says what is hashed and signed). Appending
 * takes a transaction-scoped advisory lock, so entries get consecutive numbers without gaps even with several API
 * processes; a trigger refuses updates and deletes. Checkpoints sign the Merkle root of a range of entries.
 * `exportLedger` writes the whole ledger as NDJSON with the public keys needed to verify it offline.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';
import type { InstallationKey } from './keys.ts';
import { signText } from './keys.ts';
import {
  type CheckpointContent,
  checkpointSigningText,
  type EntryContent,
  entryHash,
  entrySigningText,
  GENESIS,
  type MessageStatement,
} from './ledger-format.ts';
import { merkleRoot } from './merkle.ts';
import type { SharingLedgerCheckpointsTable, SharingLedgerTable } from './tables.ts';

const LEDGER_LOCK = 7_210_020;

export interface LedgerRecord {
  direction: 'outgoing' | 'incoming';
  partner: string | null;
  statement: MessageStatement;
  signature: string;
}

/** Appends an entry inside the caller's transaction (the entry commits with the message it records). */
export async function appendLedger(session: Session, key: InstallationKey, record: LedgerRecord) {
  await sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`.execute(session.db);
  const last = await session.db
    .selectFrom('sharing_ledger')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = new Date();
  const s = record.statement;
  const content: EntryContent = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: at.toISOString(),
    direction: record.direction,
    partner: record.partner,
    group: s.group,
    message_id: s.message_id,
    sent_at: s.sent_at,
    kind: s.kind,
    distribution: s.distribution,
    marking: s.marking,
    title: s.title,
    payload_sha256: s.payload_sha256,
    message_signer: s.sender,
    message_signature: record.signature,
    prev_hash: last?.hash ?? GENESIS,
    key_id: key.keyId,
  };
  const hash = entryHash(content);
  const { group, ...columns } = content;
  await session.db
    .insertInto('sharing_ledger')
    .values({
      ...columns,
      at,
      group_code: group,
      hash,
      signature: signText(key.privateKey, entrySigningText(hash)),
    })
    .execute();
  return { seq: content.seq, hash };
}

export function entryView(row: Selectable<SharingLedgerTable>) {
  return {
    seq: Number(row.seq),
    at: iso(row.at),
    direction: row.direction,
    partner: row.partner,
    group: row.group_code,
    message_id: row.message_id,
    sent_at: row.sent_at,
    kind: row.kind,
    distribution: row.distribution,
    marking: row.marking,
    title: row.title,
    payload_sha256: row.payload_sha256,
    message_signer: row.message_signer,
    message_signature: row.message_signature,
    prev_hash: row.prev_hash,
    key_id: row.key_id,
    hash: row.hash,
    signature: row.signature,
  };
}
export type LedgerEntryView = ReturnType<typeof entryView>;

export function checkpointView(row: Selectable<SharingLedgerCheckpointsTable>) {
  return {
    from_seq: Number(row.from_seq),
    to_seq: Number(row.to_seq),
    root: row.root,
    at: iso(row.at),
    key_id: row.key_id,
    signature: row.signature,
  };
}

export async function listLedger(db: Kysely<DB>, page: { limit: number; offset: number }) {
  const [{ total }, rows] = await Promise.all([
    db
      .selectFrom('sharing_ledger')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sharing_ledger')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(total), items: rows.map(entryView) };
}

export async function listCheckpoints(db: Kysely<DB>) {
  const rows = await db.selectFrom('sharing_ledger_checkpoints').selectAll().orderBy('to_seq').execute();
  return rows.map(checkpointView);
}

/**
 * Signs a checkpoint over the entries since the last one (to the newest); null when there is nothing new. The
 * leaves are read in slices so that a long ledger is not held in memory twice.
 */
export async function checkpointLedger(database: Database, key: InstallationKey) {
  return database.transaction(async (session) => {
    await sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`.execute(session.db);
    const previous = await session.db
      .selectFrom('sharing_ledger_checkpoints')
      .select('to_seq')
      .orderBy('to_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const from = previous ? Number(previous.to_seq) + 1 : 1;
    const hashes: string[] = [];
    for (;;) {
      const rows = await session.db
        .selectFrom('sharing_ledger')
        .select('hash')
        .where('seq', '>=', from + hashes.length)
        .orderBy('seq')
        .limit(10_000)
        .execute();
      for (const r of rows) hashes.push(r.hash);
      if (rows.length < 10_000) break;
    }
    if (hashes.length === 0) return null;
    const at = new Date();
    const content: CheckpointContent = {
      from_seq: from,
      to_seq: from + hashes.length - 1,
      root: merkleRoot(hashes),
      at: at.toISOString(),
      key_id: key.keyId,
    };
    const row = await session.db
      .insertInto('sharing_ledger_checkpoints')
      .values({ ...content, at, signature: signText(key.privateKey, checkpointSigningText(content)) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return checkpointView(row);
  });
}

/**
 * The ledger as NDJSON lines: a header with the public keys that verify it (this installation's, every one it has
 * signed with, and every key each partner has had), then the entries in order, each checkpoint right after the entry it ends on.
 */
export async function* exportLedger(database: Database): AsyncGenerator<string> {
  const db = database.db;
  const [installation, partners, checkpoints] = await Promise.all([
    db
      .selectFrom('sharing_installation_keys')
      .select(['key_id', 'public_key'])
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('sharing_partner_keys as k')
      .innerJoin('sharing_partners as p', 'p.id', 'k.partner_id')
      .select(['p.code', 'k.key_id', 'k.public_key'])
      .orderBy('p.code')
      .orderBy('k.created_at')
      .execute(),
    listCheckpoints(db),
  ]);
  yield JSON.stringify({
    type: 'vigie-ledger',
    version: 1,
    exported_at: new Date().toISOString(),
    keys: [
      ...installation.map((k) => ({ owner: 'installation', key_id: k.key_id, public_key: k.public_key })),
      ...partners.map((p) => ({ owner: `partner:${p.code}`, key_id: p.key_id, public_key: p.public_key })),
    ],
  });
  let after = 0;
  let c = 0;
  for (;;) {
    const rows = await db
      .selectFrom('sharing_ledger')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(5_000)
      .execute();
    for (const row of rows) {
      const { hash, signature, ...rest } = entryView(row);
      yield JSON.stringify({ type: 'entry', ...rest, hash, signature });
      after = Number(row.seq);
      while (c < checkpoints.length && checkpoints[c]!.to_seq <= after)
        yield JSON.stringify({ type: 'checkpoint', ...checkpoints[c++] });
    }
    if (rows.length < 5_000) break;
  }
  while (c < checkpoints.length) yield JSON.stringify({ type: 'checkpoint', ...checkpoints[c++] });
}
