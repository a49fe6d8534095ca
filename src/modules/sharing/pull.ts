/**
 * The pull between installations (docs/decisions/0028-sharing-faults.md): a partner asks for what this
 * installation has for it since a cursor — the messages of its outbox rows, delivered or not, after the outbox id
 * it gives — in a request signed like a push (over `{ after, limit }`); and this installation pulls from a partner
 * the same way, receives what comes as a push's batch (checked, stored once, in the ledger, audited), and keeps the
 * partner's cursor. A pull never marks anything delivered on the sending side: the push still delivers it and
 * learns that it is a duplicate.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { installationKey } from './keys.ts';
import { type Envelope, envelopesByRowId, receiveMessages } from './messages.ts';
import { getPartner } from './partners.ts';
import { type Fetch, signedHeaders, touchReceived } from './push.ts';

export const PULL_MAX = 100;

/** What this installation has for a partner after `after` (its outbox id), oldest first. */
export async function feedFor(db: Kysely<DB>, partnerId: number, after: number, limit: number) {
  const rows = await db
    .selectFrom('sharing_outbox')
    .select(['id', 'message_id'])
    .where('partner_id', '=', partnerId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(Math.min(limit, PULL_MAX))
    .execute();
  const envelopes = await envelopesByRowId(
    db,
    rows.map((r) => Number(r.message_id)),
  );
  return {
    envelopes: rows.map((r) => envelopes.get(Number(r.message_id))).filter((e): e is Envelope => !!e),
    cursor: rows.length ? Number(rows[rows.length - 1]!.id) : after,
    more: rows.length === Math.min(limit, PULL_MAX),
  };
}

export interface PullReport {
  partner: string;
  stored: number;
  duplicate: number;
  refused: number;
  cursor: number;
}

/** Pulls from a partner's installation what it has for us since our cursor, until it has nothing more. */
export async function pullFrom(
  database: Database,
  keyFile: string,
  actor: Actor,
  code: string,
  options: { fetch?: Fetch; timeoutMs?: number } = {},
): Promise<PullReport> {
  const key = await installationKey(database, keyFile);
  const partner = await getPartner(database.db, code);
  if (!partner.endpoint_url)
    throw new AppError('sharing.no_endpoint', `partner ${partner.code} has no endpoint to pull from`, 400);
  const row = await database.db
    .selectFrom('sharing_partners')
    .select('pull_cursor')
    .where('id', '=', partner.id)
    .executeTakeFirstOrThrow();
  const report: PullReport = {
    partner: partner.code,
    stored: 0,
    duplicate: 0,
    refused: 0,
    cursor: Number(row.pull_cursor),
  };
  const doFetch: Fetch = options.fetch ?? (fetch as unknown as Fetch);
  const base = partner.endpoint_url.endsWith('/') ? partner.endpoint_url : `${partner.endpoint_url}/`;
  for (;;) {
    const query = { after: report.cursor, limit: PULL_MAX };
    const url = new URL(`api/sharing/feed?after=${query.after}&limit=${query.limit}`, base).toString();
    let answer: { status: number; text(): Promise<string> };
    try {
      const { 'content-type': _, ...headers } = signedHeaders(key, query);
      answer = await doFetch(url, {
        method: 'GET',
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new AppError(
        'sharing.pull_failed',
        `pull from ${partner.code}: ${String((error as Error).cause ?? (error as Error).message).slice(0, 300)}`,
        502,
      );
    }
    const text = await answer.text();
    if (answer.status !== 200)
      throw new AppError(
        'sharing.pull_failed',
        `pull from ${partner.code}: ${answer.status} ${text.slice(0, 300)}`,
        502,
      );
    let feed: { envelopes: Envelope[]; cursor: number; more: boolean };
    try {
      feed = JSON.parse(text);
    } catch {
      throw new AppError('sharing.pull_failed', `pull from ${partner.code}: the answer is not JSON`, 502);
    }
    if (!Array.isArray(feed.envelopes) || !Number.isSafeInteger(feed.cursor))
      throw new AppError('sharing.pull_failed', `pull from ${partner.code}: no envelopes or cursor`, 502);
    const receipts = feed.envelopes.length
      ? await receiveMessages(database, keyFile, actor, feed.envelopes)
      : [];
    for (const r of receipts) report[r.outcome === 'stored' ? 'stored' : r.outcome]++;
    report.cursor = Math.max(report.cursor, feed.cursor);
    await database.db
      .updateTable('sharing_partners')
      .set({ pull_cursor: report.cursor })
      .where('id', '=', partner.id)
      .execute();
    if (!feed.more || feed.envelopes.length === 0) break;
  }
  await touchReceived(database.db, partner.id);
  await appendAudit(database, actor, {
    action: 'sharing.pull',
    target_type: 'sharing_partner',
    target_id: partner.code,
    details: { ...report },
  });
  return report;
}
