/**
 * Offline verification of an exported ledger (NDJSON: a header with public keys, entries, checkpoints), with no
 * database: only the keys in the file, or — better — the keys the verifier trusts (given by the partners
 * themselves). It stops at the FIRST bad line and names it: the entry's seq and why —
 * - `hash_mismatch`: the entry's content does not hash to its recorded hash (a field was changed);
 * - `broken_chain`: the entry does not follow the previous one (removed, inserted or swapped entries);
 * - `bad_signature`: the installation's signature of the entry, or the sender's signature of the message, or a
 *   checkpoint's signature does not verify;
 * - `unknown_key`: a signature by a key neither in the file nor trusted;
 * - `checkpoint_mismatch`: a checkpoint's Merkle root differs from the entries' (or names entries not there);
 * - `malformed`: a line that is not what the format says.
 * Pure apart from Node's crypto; reads lines one by one (a file of a million entries is not held in memory, only
 * the hashes of the entries since the last checkpoint).
 */
import type { KeyObject } from 'node:crypto';
import { keyIdOf, parsePublicKey, verifyText, verifyTextInPool } from './keys.ts';
import {
  checkpointSigningText,
  ENTRY_FIELDS,
  type EntryContent,
  entryHash,
  entrySigningText,
  GENESIS,
  statementOf,
  statementText,
} from './ledger-format.ts';
import { merkleRoot } from './merkle.ts';

export const LEDGER_PROBLEMS = [
  'malformed',
  'hash_mismatch',
  'broken_chain',
  'bad_signature',
  'unknown_key',
  'checkpoint_mismatch',
] as const;
export type LedgerProblem = (typeof LEDGER_PROBLEMS)[number];

export interface LedgerVerdict {
  ok: boolean;
  entries: number;
  checkpoints: number;
  last_seq: number | null;
  last_hash: string | null;
  /** Keys used, with where they came from (`file` or `trusted`). */
  keys: { key_id: string; owner: string; from: 'file' | 'trusted' }[];
  /** The first bad line, when not ok. */
  problem?: { line: number; seq: number | null; reason: LedgerProblem; message: string };
}

export interface VerifyOptions {
  /** Keys given by their owners: when present, only these verify signatures (the file's keys are ignored). */
  trusted?: { owner: string; key: KeyObject }[];
}

const isHex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

/** Where verification stood before a line: restored when that line turns out bad after later ones were read. */
interface Position {
  line: number;
  entries: number;
  prev: { seq: number; hash: string } | null;
}

class Bad extends Error {
  constructor(
    readonly reason: LedgerProblem,
    message: string,
    readonly seq: number | null = null,
    /** Set for a signature found bad after later lines were read: the line it was on and the count before it. */
    readonly at?: Position,
  ) {
    super(message);
  }
}

/** How many signature checks may be under way at once (two per entry). */
const IN_FLIGHT = 512;

/**
 * Signature checks under way, in the file's order. Each runs in the thread pool while the lines after it are
 * parsed, hashed and chained; a bad one is reported only once every check before it has passed, so the verdict
 * names the same first bad line as a check made line by line.
 */
class PendingSignatures {
  private readonly checks: { ok: Promise<boolean>; bad: Bad }[] = [];
  private head = 0;

  add(ok: Promise<boolean>, bad: Bad): void {
    this.checks.push({ ok, bad });
  }

  /** Waits for the oldest checks until at most `keep` are under way; throws the first bad one. */
  async settle(keep: number): Promise<void> {
    while (this.checks.length - this.head > keep) {
      const check = this.checks[this.head]!;
      this.checks[this.head++] = undefined as never;
      if (!(await check.ok)) throw check.bad;
    }
    if (this.head > 4096) {
      this.checks.splice(0, this.head);
      this.head = 0;
    }
  }
}

/** Verifies the ledger's lines (an iterable of text lines, as read from the file). */
export async function verifyLedger(
  lines: AsyncIterable<string> | Iterable<string>,
  options: VerifyOptions = {},
): Promise<LedgerVerdict> {
  const keys = new Map<string, { key: KeyObject; owner: string; from: 'file' | 'trusted' }>();
  for (const t of options.trusted ?? [])
    keys.set(keyIdOf(t.key), { key: t.key, owner: t.owner, from: 'trusted' });
  const verdict: LedgerVerdict = {
    ok: false,
    entries: 0,
    checkpoints: 0,
    last_seq: null,
    last_hash: null,
    keys: [],
  };
  let lineNo = 0;
  let header = false;
  let prev: { seq: number; hash: string } | null = null;
  const signatures = new PendingSignatures();
  const here = (): Position => ({ line: lineNo, entries: verdict.entries, prev });
  /** Hashes of the entries after the last checkpoint, and the seq of the first of them. */
  let pending: string[] = [];
  let pendingFrom = 1;
  const keyFor = (keyId: unknown, seq: number | null, what: string) => {
    const found = typeof keyId === 'string' ? keys.get(keyId) : undefined;
    if (!found)
      throw new Bad(
        'unknown_key',
        `${what} is signed by key ${String(keyId)}, which is neither in the file nor trusted`,
        seq,
      );
    return found.key;
  };
  try {
    for await (const raw of lines) {
      lineNo++;
      const text = raw.trim();
      if (!text) continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(text);
      } catch {
        throw new Bad('malformed', 'not a JSON line', prev ? prev.seq + 1 : null);
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record))
        throw new Bad('malformed', 'not a JSON object', null);
      if (!header) {
        if (record.type !== 'vigie-ledger' || record.version !== 1)
          throw new Bad(
            'malformed',
            'the first line is not a Vigie ledger header (type vigie-ledger, version 1)',
          );
        header = true;
        if (!options.trusted?.length) {
          if (!Array.isArray(record.keys)) throw new Bad('malformed', 'the header has no keys');
          for (const [i, k] of (record.keys as Record<string, unknown>[]).entries()) {
            let key: KeyObject;
            try {
              key = parsePublicKey(String(k?.public_key ?? ''));
            } catch {
              throw new Bad('malformed', `keys[${i}]: not an Ed25519 public key`);
            }
            if (keyIdOf(key) !== k.key_id)
              throw new Bad(
                'malformed',
                `keys[${i}]: key_id ${String(k.key_id)} is not the id of its public key`,
              );
            keys.set(keyIdOf(key), { key, owner: String(k.owner ?? 'unknown'), from: 'file' });
          }
        }
        continue;
      }
      if (record.type === 'entry') {
        const expected: number = prev ? prev.seq + 1 : 1;
        const seq = typeof record.seq === 'number' ? record.seq : null;
        for (const field of ENTRY_FIELDS)
          if (!(field in record)) throw new Bad('malformed', `entry without ${field}`, seq ?? expected);
        if (seq === null || !Number.isSafeInteger(seq) || !isHex64(record.hash) || !isHex64(record.prev_hash))
          throw new Bad('malformed', 'entry with a bad seq, hash or prev_hash', seq ?? expected);
        const content = Object.fromEntries(
          ENTRY_FIELDS.map((f) => [f, record[f]]),
        ) as unknown as EntryContent;
        if (entryHash(content) !== record.hash)
          throw new Bad('hash_mismatch', `entry ${seq}: its content does not hash to its recorded hash`, seq);
        if (seq !== expected || record.prev_hash !== (prev?.hash ?? GENESIS))
          throw new Bad(
            'broken_chain',
            prev
              ? `entry ${seq} does not follow entry ${prev.seq}` +
                  (seq !== expected
                    ? ` (expected entry ${expected})`
                    : ' (its prev_hash is not the hash of that entry)')
              : `the ledger starts at entry ${seq}, expected entry 1 after the genesis hash`,
            seq,
          );
        const before = here();
        const own = keyFor(record.key_id, seq, `entry ${seq}`);
        signatures.add(
          verifyTextInPool(own, entrySigningText(record.hash as string), String(record.signature)),
          new Bad('bad_signature', `entry ${seq}: the installation's signature does not verify`, seq, before),
        );
        const sender = keyFor(record.message_signer, seq, `the message of entry ${seq}`);
        signatures.add(
          verifyTextInPool(sender, statementText(statementOf(content)), String(record.message_signature)),
          new Bad(
            'bad_signature',
            `entry ${seq}: the sender's signature of message ${String(record.message_id)} does not verify`,
            seq,
            before,
          ),
        );
        await signatures.settle(IN_FLIGHT);
        prev = { seq, hash: record.hash as string };
        pending.push(prev.hash);
        verdict.entries++;
        continue;
      }
      if (record.type === 'checkpoint') {
        const from = record.from_seq;
        const to = record.to_seq;
        if (typeof from !== 'number' || typeof to !== 'number' || typeof record.root !== 'string')
          throw new Bad('malformed', 'checkpoint without from_seq, to_seq or root', null);
        const range = `checkpoint ${from}–${to}`;
        if (from !== pendingFrom || !prev || to !== prev.seq)
          throw new Bad(
            'checkpoint_mismatch',
            `${range} does not cover the entries since the last checkpoint (${pendingFrom}–${prev?.seq ?? 0})`,
            to,
          );
        if (merkleRoot(pending) !== record.root)
          throw new Bad('checkpoint_mismatch', `${range}: its Merkle root differs from the entries'`, to);
        const key = keyFor(record.key_id, to, range);
        const signed = checkpointSigningText({
          from_seq: from,
          to_seq: to,
          root: record.root,
          at: String(record.at),
          key_id: String(record.key_id),
        });
        if (!verifyText(key, signed, String(record.signature)))
          throw new Bad('bad_signature', `${range}: its signature does not verify`, to);
        verdict.checkpoints++;
        pending = [];
        pendingFrom = to + 1;
        continue;
      }
      throw new Bad('malformed', `unknown line type ${JSON.stringify(record.type)}`, null);
    }
    if (!header) throw new Bad('malformed', 'empty file: no ledger header');
    await signatures.settle(0);
    verdict.ok = true;
  } catch (thrown) {
    if (!(thrown instanceof Bad)) throw thrown;
    let error = thrown;
    // Found on this line: a signature of an earlier line still being checked comes first, if it is bad. (A bad
    // signature thrown by `settle` is already the first: every check before it passed.)
    if (!thrown.at)
      await signatures.settle(0).catch((earlier: unknown) => {
        if (earlier instanceof Bad) error = earlier;
        else throw earlier;
      });
    if (error.at) {
      lineNo = error.at.line;
      verdict.entries = error.at.entries;
      prev = error.at.prev;
    }
    verdict.problem = { line: lineNo, seq: error.seq, reason: error.reason, message: error.message };
  }
  verdict.last_seq = prev?.seq ?? null;
  verdict.last_hash = prev?.hash ?? null;
  verdict.keys = [...keys.entries()].map(([key_id, k]) => ({ key_id, owner: k.owner, from: k.from }));
  return verdict;
}
