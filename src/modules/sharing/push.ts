/**
 * The push between installations. Sending a message to a group puts one row per partner member with an endpoint
 * into `sharing_outbox`, in the message's transaction; `deliverDue` (the `sharing.push` job every minute, or
 * `vigie sharing push`) posts each due envelope to the partner's `/api/sharing/inbox` as a signed HTTP request,
 * and on failure retries with back-off (10 s doubled each attempt, at most an hour), so a partner down for a day
 * gets everything within the hour it is back. Rows are leased (`for update skip locked`, next attempt pushed five
 * minutes ahead) so that two workers never post the same row at once, and a worker killed mid-post leaves a row
 * that is retried; the receiver stores a message once, so a repeated post is harmless.
 *
 * The request signature: headers `x-vigie-key-id`, `x-vigie-date` and `x-vigie-signature`, Ed25519 of
 * `vigie-push/1\n<date>\n<SHA-256 of the canonical JSON body>`; the receiver accepts a date within five minutes.
 * The envelope inside carries the message's own signature (messages.ts), checked again on receipt.
 */
import type { Kysely } from 'kysely';
import { canonicalJson, canonicalValue } from '../../platform/audit/chain.ts';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso } from '../../platform/lib/errors.ts';
import { type InstallationKey, installationKey, parsePublicKey, signText, verifyText } from './keys.ts';
import { sha256Hex } from './ledger-format.ts';
import { type Envelope, envelopeOf } from './messages.ts';
import { partnerByKeyId } from './partners.ts';

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const LEASE_SECONDS = 300;
const BACKOFF_FIRST_SECONDS = 10;
const BACKOFF_MAX_SECONDS = 3600;

/** Seconds before the next attempt after `attempts` failed ones. */
export const backoffSeconds = (attempts: number) =>
  Math.min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2 ** Math.max(0, attempts - 1));

const requestText = (date: string, body: unknown) =>
  `vigie-push/1\n${date}\n${sha256Hex(canonicalJson(canonicalValue(body)))}`;

/** The headers of a signed push of `body`. */
export function signedHeaders(key: InstallationKey, body: unknown, date = new Date().toISOString()) {
  return {
    'content-type': 'application/json',
    'x-vigie-key-id': key.keyId,
    'x-vigie-date': date,
    'x-vigie-signature': signText(key.privateKey, requestText(date, body)),
  };
}

/**
 * Checks a push request's headers: the partner it comes from, a fresh date, its signature over the body; and
 * that the message inside is the requester's own. Throws 401/403 otherwise.
 */
export async function authenticatePush(
  db: Kysely<DB>,
  headers: Record<string, string | string[] | undefined>,
  envelope: Envelope,
  now = Date.now(),
) {
  const one = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const keyId = one('x-vigie-key-id');
  const date = one('x-vigie-date');
  const signature = one('x-vigie-signature');
  if (!keyId || !date || !signature)
    throw new AppError(
      'sharing.unsigned_request',
      'a push needs x-vigie-key-id, x-vigie-date and x-vigie-signature',
      401,
    );
  const partner = await partnerByKeyId(db, keyId);
  if (!partner)
    throw new AppError('sharing.unknown_sender', `no partner has the key ${keyId.slice(0, 64)}`, 403);
  if (!partner.active)
    throw new AppError('sharing.partner_inactive', `partner ${partner.code} is not active`, 403);
  const at = Date.parse(date);
  if (Number.isNaN(at) || Math.abs(now - at) > MAX_CLOCK_SKEW_MS)
    throw new AppError('sharing.stale_request', 'x-vigie-date is not within five minutes of this clock', 401);
  if (!verifyText(parsePublicKey(partner.public_key), requestText(date, envelope), signature))
    throw new AppError(
      'sharing.bad_request_signature',
      `the request signature of ${partner.code} does not verify`,
      401,
    );
  if (envelope.sender !== keyId)
    throw new AppError(
      'sharing.not_the_sender',
      `partner ${partner.code} pushes a message it did not sign`,
      403,
    );
  return partner;
}

export interface DeliveryReport {
  delivered: number;
  refused: number;
  retried: number;
}

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export async function postEnvelope(
  endpoint: string,
  key: InstallationKey,
  envelope: Envelope,
  options: { fetch?: Fetch; timeoutMs?: number; date?: string } = {},
) {
  const url = new URL('api/sharing/inbox', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
  const doFetch: Fetch = options.fetch ?? (fetch as unknown as Fetch);
  const response = await doFetch(url, {
    method: 'POST',
    headers: signedHeaders(key, envelope, options.date),
    body: JSON.stringify(envelope),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Posts every due envelope (at most `limit`), recording for each row: delivered (2xx), refused for good (400, 422:
 * the partner will never take it as it is), or retried later with back-off (anything else, the network included).
 */
export async function deliverDue(
  database: Database,
  keyFile: string,
  actor: Actor,
  options: { now?: Date; limit?: number; fetch?: Fetch; timeoutMs?: number } = {},
): Promise<DeliveryReport> {
  const key = await installationKey(database, keyFile);
  const now = options.now ?? new Date();
  const report: DeliveryReport = { delivered: 0, refused: 0, retried: 0 };
  const leased = await database.transaction(async (session) => {
    const due = await session.db
      .selectFrom('sharing_outbox')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      // A partner made inactive keeps its backlog, delivered if it is made active again.
      .where('partner_id', 'in', (eb) =>
        eb.selectFrom('sharing_partners').select('id').where('active', '=', true),
      )
      .orderBy('id')
      .limit(options.limit ?? 100)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return session.db
      .updateTable('sharing_outbox')
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_SECONDS * 1000) })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returning(['id', 'message_id', 'partner_id', 'attempts'])
      .execute();
  });
  for (const row of leased.sort((a, b) => Number(a.id) - Number(b.id))) {
    const [message, partner] = await Promise.all([
      database.db
        .selectFrom('sharing_messages')
        .select('message_id')
        .where('id', '=', row.message_id)
        .executeTakeFirstOrThrow(),
      database.db
        .selectFrom('sharing_partners')
        .select(['code', 'endpoint_url'])
        .where('id', '=', row.partner_id)
        .executeTakeFirstOrThrow(),
    ]);
    let status: number | null = null;
    let error: string | null = null;
    try {
      if (!partner.endpoint_url) throw new Error('the partner has no endpoint');
      const envelope = await envelopeOf(database.db, message.message_id);
      const answer = await postEnvelope(partner.endpoint_url, key, envelope, options);
      status = answer.status;
      if (status < 200 || status >= 300) error = answer.body.slice(0, 500);
    } catch (e) {
      error = String((e as Error).cause ?? (e as Error).message).slice(0, 500);
    }
    const attempts = Number(row.attempts) + 1;
    const outcome =
      status !== null && status >= 200 && status < 300
        ? 'delivered'
        : status === 400 || status === 422
          ? 'refused'
          : 'retry';
    await database.transaction(async (session) => {
      await session.db
        .updateTable('sharing_outbox')
        .set({
          attempts,
          last_status: status,
          last_error: error,
          ...(outcome === 'delivered' ? { state: 'delivered', delivered_at: new Date() } : {}),
          ...(outcome === 'refused' ? { state: 'refused' } : {}),
          ...(outcome === 'retry'
            ? { next_attempt_at: new Date(now.getTime() + backoffSeconds(attempts) * 1000) }
            : {}),
        })
        .where('id', '=', row.id)
        .execute();
      if (outcome === 'delivered')
        await session.db
          .updateTable('sharing_partners')
          .set({ last_sent_at: new Date() })
          .where('id', '=', row.partner_id)
          .execute();
      if (outcome !== 'retry')
        await appendAudit(session, actor, {
          action: outcome === 'delivered' ? 'sharing.message_delivered' : 'sharing.message_delivery_refused',
          target_type: 'sharing_message',
          target_id: message.message_id,
          details: { partner: partner.code, status, attempts, ...(error ? { error } : {}) },
        });
    });
    if (outcome === 'delivered') report.delivered++;
    else if (outcome === 'refused') report.refused++;
    else report.retried++;
  }
  return report;
}

/** Per partner: its endpoint, what waits for it, the oldest waiting, last contact both ways, the last error. */
export async function partnerStatus(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('sharing_partners as p')
    .leftJoin('sharing_outbox as o', (join) =>
      join.onRef('o.partner_id', '=', 'p.id').on('o.state', '=', 'pending'),
    )
    .select([
      'p.code',
      'p.endpoint_url',
      'p.active',
      'p.last_sent_at',
      'p.last_received_at',
      (eb) => eb.fn.count<number>('o.id').as('backlog'),
      (eb) => eb.fn.min('o.created_at').as('oldest_pending'),
      (eb) => eb.fn.max('o.attempts').as('max_attempts'),
    ])
    .groupBy(['p.id', 'p.code', 'p.endpoint_url', 'p.active', 'p.last_sent_at', 'p.last_received_at'])
    .orderBy('p.code')
    .execute();
  const errors = await db
    .selectFrom('sharing_outbox as o')
    .innerJoin('sharing_partners as p', 'p.id', 'o.partner_id')
    .select(['p.code', 'o.last_error', 'o.last_status'])
    .where('o.state', '=', 'pending')
    .where('o.last_error', 'is not', null)
    .orderBy('o.id', 'desc')
    .execute();
  const refused = await db
    .selectFrom('sharing_outbox as o')
    .innerJoin('sharing_partners as p', 'p.id', 'o.partner_id')
    .select(['p.code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.state', '=', 'refused')
    .groupBy('p.code')
    .execute();
  return rows.map((r) => ({
    partner: r.code,
    endpoint_url: r.endpoint_url,
    active: r.active,
    backlog: Number(r.backlog),
    oldest_pending: r.oldest_pending ? iso(r.oldest_pending as Date) : null,
    attempts: r.max_attempts === null ? 0 : Number(r.max_attempts),
    refused: Number(refused.find((x) => x.code === r.code)?.n ?? 0),
    last_error: errors.find((e) => e.code === r.code)?.last_error ?? null,
    last_sent_at: r.last_sent_at ? iso(r.last_sent_at) : null,
    last_received_at: r.last_received_at ? iso(r.last_received_at) : null,
  }));
}

/** Notes that a partner reached us (its status' last contact). */
export async function touchReceived(db: Kysely<DB>, partnerId: number): Promise<void> {
  await db
    .updateTable('sharing_partners')
    .set({ last_received_at: new Date() })
    .where('id', '=', partnerId)
    .execute();
}
