/**
 * The exchange of signed ledger checkpoints between installations (docs/decisions/0038-stix-taxii.md). A partner
 * asks (a request signed as for the pull) for this installation's checkpoints; each comes with the entries of its
 * range that concern that partner — messages pushed to it, messages received from it — each with its audit path
 * to the checkpoint's Merkle root, and nothing about other partners but hashes. The partner checks everything with
 * our public key alone (checkpoint signature, entry hash and signature, inclusion in the root) and compares each
 * entry with its own copy of the message; a divergence — a message we say we sent that it never received, a message
 * it holds that our ledger does not have, one that differs, a checkpoint that does not verify — is reported and
 * audited.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { installationKey, parsePublicKey, verifyText } from './keys.ts';
import { checkpointView, entryView } from './ledger.ts';
import {
  type CheckpointContent,
  checkpointSigningText,
  type EntryContent,
  entryHash,
  entrySigningText,
} from './ledger-format.ts';
import { merklePath, verifyMerklePath } from './merkle.ts';
import { getPartner } from './partners.ts';
import { type Fetch, signedHeaders } from './push.ts';

export const CHECKPOINTS_PAGE = 20;

export interface ExchangedEntry extends EntryContent {
  hash: string;
  signature: string;
  /** The audit path of this entry's hash to the checkpoint's root. */
  path: string[];
}

export interface ExchangedCheckpoint extends CheckpointContent {
  signature: string;
  entries: ExchangedEntry[];
}

/** Our checkpoints after `after` (a `to_seq`), with the entries that concern the partner and their audit paths. */
export async function checkpointsFor(db: Kysely<DB>, partner: { id: number; code: string }, after: number) {
  const rows = await db
    .selectFrom('sharing_ledger_checkpoints')
    .selectAll()
    .where('to_seq', '>', after)
    .orderBy('to_seq')
    .limit(CHECKPOINTS_PAGE + 1)
    .execute();
  const checkpoints: ExchangedCheckpoint[] = [];
  for (const row of rows.slice(0, CHECKPOINTS_PAGE)) {
    const c = checkpointView(row);
    const entries = await db
      .selectFrom('sharing_ledger')
      .selectAll()
      .where('seq', '>=', c.from_seq)
      .where('seq', '<=', c.to_seq)
      .orderBy('seq')
      .execute();
    const ours = await db
      .selectFrom('sharing_outbox as o')
      .innerJoin('sharing_messages as m', 'm.id', 'o.message_id')
      .select('m.message_id')
      .where('o.partner_id', '=', partner.id)
      .where('m.message_id', 'in', entries.length ? entries.map((e) => e.message_id) : [''])
      .execute();
    const pushed = new Set(ours.map((r) => r.message_id));
    const hashes = entries.map((e) => e.hash);
    checkpoints.push({
      ...c,
      entries: entries.flatMap((e, i) => {
        const concerns =
          (e.direction === 'outgoing' && pushed.has(e.message_id)) ||
          (e.direction === 'incoming' && e.partner === partner.code);
        return concerns ? [{ ...entryView(e), path: merklePath(hashes, i) } as ExchangedEntry] : [];
      }),
    });
  }
  return {
    checkpoints,
    cursor: checkpoints.length ? checkpoints[checkpoints.length - 1]!.to_seq : after,
    more: rows.length > CHECKPOINTS_PAGE,
  };
}

export interface Divergence {
  reason: 'bad_checkpoint' | 'bad_entry' | 'not_received' | 'never_sent' | 'mismatch' | 'missing_from_ledger';
  seq: number | null;
  message_id: string | null;
  detail: string;
}

export interface CheckpointReport {
  partner: string;
  checkpoints: number;
  entries: number;
  divergences: Divergence[];
}

/** A message this installation holds that the partner's ledger must have, once a checkpoint is this much later. */
const SETTLE_MS = 60_000;

/**
 * Fetches a partner's signed checkpoints and checks them against what this installation holds (see above). The
 * result names every divergence; each is audited (`sharing.checkpoint_divergence`), the run too
 * (`sharing.checkpoints_verified`).
 */
export async function verifyPartnerCheckpoints(
  database: Database,
  keyFile: string,
  actor: Actor,
  code: string,
  options: { fetch?: Fetch; timeoutMs?: number } = {},
): Promise<CheckpointReport> {
  const key = await installationKey(database, keyFile);
  const partner = await getPartner(database.db, code);
  if (!partner.endpoint_url)
    throw new AppError('sharing.no_endpoint', `partner ${partner.code} has no endpoint to ask`, 400);
  const keys = new Map(
    (
      await database.db
        .selectFrom('sharing_partner_keys')
        .select(['key_id', 'public_key'])
        .where('partner_id', '=', partner.id)
        .execute()
    ).map((k) => [k.key_id, parsePublicKey(k.public_key)]),
  );
  keys.set(partner.key_id, parsePublicKey(partner.public_key));
  const doFetch: Fetch = options.fetch ?? (fetch as unknown as Fetch);
  const base = partner.endpoint_url.endsWith('/') ? partner.endpoint_url : `${partner.endpoint_url}/`;
  const report: CheckpointReport = { partner: partner.code, checkpoints: 0, entries: 0, divergences: [] };
  const diverge = (d: Divergence) => report.divergences.push(d);
  const sentToUs = new Set<string>();
  let lastAt: string | null = null;
  let after = 0;
  for (;;) {
    const query = { after };
    let text: string;
    try {
      const { 'content-type': _, ...headers } = signedHeaders(key, query);
      const answer = await doFetch(new URL(`api/sharing/checkpoints/feed?after=${after}`, base).toString(), {
        method: 'GET',
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
      text = await answer.text();
      if (answer.status !== 200) throw new Error(`${answer.status} ${text.slice(0, 300)}`);
    } catch (error) {
      throw new AppError(
        'sharing.checkpoints_failed',
        `checkpoints of ${partner.code}: ${String((error as Error).cause ?? (error as Error).message).slice(0, 300)}`,
        502,
      );
    }
    const page = JSON.parse(text) as { checkpoints: ExchangedCheckpoint[]; cursor: number; more: boolean };
    for (const c of page.checkpoints) {
      report.checkpoints++;
      const publicKey = keys.get(c.key_id);
      const content: CheckpointContent = {
        from_seq: c.from_seq,
        to_seq: c.to_seq,
        root: c.root,
        at: c.at,
        key_id: c.key_id,
      };
      if (!publicKey || !verifyText(publicKey, checkpointSigningText(content), c.signature)) {
        diverge({
          reason: 'bad_checkpoint',
          seq: c.to_seq,
          message_id: null,
          detail: `checkpoint ${c.from_seq}–${c.to_seq}: ${publicKey ? 'the signature does not verify' : `unknown key ${c.key_id}`}`,
        });
        continue;
      }
      lastAt = c.at;
      for (const e of c.entries) {
        report.entries++;
        const { hash, signature, path, ...entry } = e;
        const entryKey = keys.get(entry.key_id);
        const problem =
          entryHash(entry) !== hash
            ? 'its hash does not match its content'
            : !entryKey || !verifyText(entryKey, entrySigningText(hash), signature)
              ? 'its signature does not verify'
              : !verifyMerklePath(hash, entry.seq - c.from_seq, c.to_seq - c.from_seq + 1, path, c.root)
                ? `it is not under the root of checkpoint ${c.from_seq}–${c.to_seq}`
                : null;
        if (problem) {
          diverge({
            reason: 'bad_entry',
            seq: entry.seq,
            message_id: entry.message_id,
            detail: `entry ${entry.seq}: ${problem}`,
          });
          continue;
        }
        const direction = entry.direction === 'outgoing' ? 'incoming' : 'outgoing';
        let query = database.db
          .selectFrom('sharing_messages')
          .select(['payload_sha256', 'signature', 'sender_key_id'])
          .where('message_id', '=', entry.message_id)
          .where('direction', '=', direction);
        if (direction === 'incoming') query = query.where('partner_id', '=', partner.id);
        const mine = await query.executeTakeFirst();
        if (direction === 'incoming') sentToUs.add(entry.message_id);
        if (!mine)
          diverge({
            reason: direction === 'incoming' ? 'not_received' : 'never_sent',
            seq: entry.seq,
            message_id: entry.message_id,
            detail:
              direction === 'incoming'
                ? `${partner.code} recorded sending message ${entry.message_id}, never received here`
                : `${partner.code} recorded receiving message ${entry.message_id} from here, which never sent it`,
          });
        else if (mine.payload_sha256 !== entry.payload_sha256 || mine.signature !== entry.message_signature)
          diverge({
            reason: 'mismatch',
            seq: entry.seq,
            message_id: entry.message_id,
            detail: `message ${entry.message_id} differs between ${partner.code}'s ledger and this installation's copy`,
          });
      }
    }
    after = Math.max(after, page.cursor);
    if (!page.more || !page.checkpoints.length) break;
  }
  // What we received from the partner (pushed or pulled, signed) well before its last checkpoint must be in it.
  if (lastAt) {
    const before = new Date(Date.parse(lastAt) - SETTLE_MS).toISOString();
    const received = await database.db
      .selectFrom('sharing_messages')
      .select(['message_id', 'sent_at'])
      .where('partner_id', '=', partner.id)
      .where('direction', '=', 'incoming')
      .where('signature', '!=', '')
      .execute();
    for (const m of received)
      if (m.sent_at < before && !sentToUs.has(m.message_id))
        diverge({
          reason: 'missing_from_ledger',
          seq: null,
          message_id: m.message_id,
          detail: `message ${m.message_id} received from ${partner.code} is in none of its checkpoints`,
        });
  }
  for (const d of report.divergences)
    await appendAudit(database, actor, {
      action: 'sharing.checkpoint_divergence',
      target_type: 'sharing_partner',
      target_id: partner.code,
      details: { ...d },
    });
  await appendAudit(database, actor, {
    action: 'sharing.checkpoints_verified',
    target_type: 'sharing_partner',
    target_id: partner.code,
    details: {
      checkpoints: report.checkpoints,
      entries: report.entries,
      divergences: report.divergences.length,
    },
  });
  return report;
}
