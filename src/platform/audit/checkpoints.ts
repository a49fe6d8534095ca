/**
 * Checkpoints of the audit trail, kept outside the database: one line of JSON per checkpoint (the head entry's
 * sequence number and hash, when, since which entry the trail is sealed), itself sealed with the audit key. `verify`
 * checks the trail still reaches the last checkpoint with the same hash, so that cutting off the end of the trail,
 * or stripping every seal and recomputing the chain, no longer passes for intact.
 *
 * Serving processes write one a minute when the trail has grown, every CLI command writes one when it ends, and
 * `vigie audit checkpoint` writes one on demand; copying the file elsewhere (a write-once store, another site)
 * protects it from someone who controls this machine too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { canonicalJson } from './chain.ts';
import type { AuditKeyring } from './key.ts';

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  /** The first sealed entry: every entry from there on must carry a seal. Null while none is sealed. */
  sealed_from: number | null;
  key_id: string;
  seal: string;
}

function checkpointSeal(key: Buffer, c: Omit<Checkpoint, 'seal' | 'key_id'>): string {
  return createHmac('sha256', key)
    .update('vigie-audit-checkpoint\n')
    .update(canonicalJson({ seq: c.seq, hash: c.hash, at: c.at, sealed_from: c.sealed_from }))
    .digest('hex');
}

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

export interface CheckpointFile {
  /** The last checkpoint whose seal holds, if any. */
  last: Checkpoint | null;
  /** Lines that are not checkpoints, or whose seal does not hold (someone edited the file). */
  problems: string[];
  count: number;
}

/** Reads the checkpoint file: the last valid checkpoint and whatever is wrong with the others. */
export function readCheckpoints(path: string, keyring: AuditKeyring | null): CheckpointFile {
  if (!existsSync(path)) return { last: null, problems: [], count: 0 };
  const problems: string[] = [];
  let last: Checkpoint | null = null;
  let count = 0;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      const where = `${path}:${index + 1}`;
      let c: Checkpoint;
      try {
        c = JSON.parse(line) as Checkpoint;
      } catch {
        problems.push(`${where}: not a checkpoint (invalid JSON)`);
        return;
      }
      if (
        !Number.isInteger(c?.seq) ||
        typeof c.hash !== 'string' ||
        typeof c.seal !== 'string' ||
        !/^[0-9a-f]{64}$/.test(c.seal)
      ) {
        problems.push(`${where}: not a checkpoint (expected seq, hash, at, sealed_from, key_id, seal)`);
        return;
      }
      count++;
      if (keyring) {
        const key = keyring.keys.get(c.key_id);
        if (!key) {
          problems.push(
            `${where}: checkpoint #${c.seq} is sealed with key ${c.key_id}, which the key file lacks`,
          );
          return;
        }
        if (!sameHex(checkpointSeal(key, c), c.seal)) {
          problems.push(`${where}: checkpoint #${c.seq} was altered (its seal does not match)`);
          return;
        }
      }
      if (!last || c.seq >= last.seq) last = c;
    });
  return { last, problems, count };
}

/**
 * Appends a checkpoint of the trail's current head when it moved since the last one. Returns the new checkpoint,
 * or null when there was nothing new (or no key to seal it with).
 */
export async function writeCheckpoint(
  db: Kysely<DB>,
  keyring: AuditKeyring | null,
  path: string,
): Promise<Checkpoint | null> {
  if (!keyring) return null;
  const head = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return null;
  const previous = readCheckpoints(path, keyring).last;
  if (previous && previous.seq === head.seq && previous.hash === head.hash) return null;
  // Where sealing began is carried from checkpoint to checkpoint, never read again from the database, so that
  // stripping seals there cannot move it.
  let sealedFrom = previous?.sealed_from ?? null;
  if (sealedFrom === null) {
    const first = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('seal', 'is not', null)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    sealedFrom = first?.seq ?? null;
  }
  const body = { seq: head.seq, hash: head.hash, at: new Date().toISOString(), sealed_from: sealedFrom };
  const checkpoint: Checkpoint = {
    ...body,
    key_id: keyring.current.id,
    seal: checkpointSeal(keyring.current.key, body),
  };
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}
