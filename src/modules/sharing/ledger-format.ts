/**
 * What the ledger signs and hashes, shared by the writer (ledger.ts) and the offline verifier (ledger-verify.ts).
 *
 * - A message's statement: its id, sender (key id), time, kind, distribution, marking, group, title and the
 *   SHA-256 of its canonical payload, signed by the sender with `vigie-message/1\n` + canonical JSON.
 * - A ledger entry: its seq, time, direction, the partner and group, the message's statement and signature, the
 *   previous entry's hash and the id of the key that signs the entry. Its hash is SHA-256 of
 *   `vigie-ledger/1\n` + canonical JSON of those; the installation signs `vigie-ledger-entry/1\n` + that hash.
 * - A checkpoint: the RFC 6962 Merkle root over the hashes of entries from_seq..to_seq, signed with
 *   `vigie-ledger-checkpoint/1\n` + canonical JSON of { at, from_seq, key_id, root, to_seq }.
 *
 * Canonical JSON: keys sorted at every level, the platform's audit form (platform/audit/chain.ts).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalValue } from '../../platform/audit/chain.ts';

export const GENESIS = '0'.repeat(64);

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of a payload's canonical JSON. */
export const payloadHash = (payload: unknown) => sha256Hex(canonicalJson(canonicalValue(payload)));

export interface MessageStatement {
  v: 1;
  message_id: string;
  sender: string;
  sent_at: string;
  kind: string;
  distribution: string;
  marking: string;
  group: string | null;
  title: string;
  payload_sha256: string;
}

export const statementText = (s: MessageStatement) => `vigie-message/1\n${canonicalJson(canonicalValue(s))}`;

export interface EntryContent {
  seq: number;
  at: string;
  direction: 'outgoing' | 'incoming';
  partner: string | null;
  group: string | null;
  message_id: string;
  sent_at: string;
  kind: string;
  distribution: string;
  marking: string;
  title: string;
  payload_sha256: string;
  message_signer: string;
  message_signature: string;
  prev_hash: string;
  key_id: string;
}

export const ENTRY_FIELDS: readonly (keyof EntryContent)[] = [
  'seq',
  'at',
  'direction',
  'partner',
  'group',
  'message_id',
  'sent_at',
  'kind',
  'distribution',
  'marking',
  'title',
  'payload_sha256',
  'message_signer',
  'message_signature',
  'prev_hash',
  'key_id',
];

export const entryHash = (content: EntryContent) => sha256Hex(`vigie-ledger/1\n${canonicalJson(content)}`);

export const entrySigningText = (hash: string) => `vigie-ledger-entry/1\n${hash}`;

/** The message statement an entry records (to verify the sender's signature offline). */
export const statementOf = (e: EntryContent): MessageStatement => ({
  v: 1,
  message_id: e.message_id,
  sender: e.message_signer,
  sent_at: e.sent_at,
  kind: e.kind,
  distribution: e.distribution,
  marking: e.marking,
  group: e.group,
  title: e.title,
  payload_sha256: e.payload_sha256,
});

export interface CheckpointContent {
  from_seq: number;
  to_seq: number;
  root: string;
  at: string;
  key_id: string;
}

export const checkpointSigningText = (c: CheckpointContent) =>
  `vigie-ledger-checkpoint/1\n${canonicalJson({ at: c.at, from_seq: c.from_seq, key_id: c.key_id, root: c.root, to_seq: c.to_seq })}`;
