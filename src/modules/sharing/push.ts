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
import { type Envelope, envelopesByRowId } from './messages.ts';
import { partnerByKeyId } from './partners.ts';

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** A leased row waits this long before another worker takes it: longer than a post may last. */
const LEASE_SECONDS = 60;
const POST_TIMEOUT_MS = 20_000;
/** At most this many envelopes, or this many bytes of JSON, in one request (the server's limit is 1 MiB). */
export const BATCH_MAX = 100;
const BATCH_BYTES = 512 * 1024;
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
 * that every message inside is the requester's own. Throws 401/403 otherwise.
 */
export async function authenticatePush(
  db: Kysely<DB>,
  headers: Record<string, string | string[] | undefined>,
  body: Envelope | { envelopes: Envelope[] },
  now = Date.now(),
) {
  const partner = await authenticateRequest(db, headers, body, now);
  const envelopes = 'envelopes' in body ? body.envelopes : [body];
  if (envelopes.some((e) => e.sender !== partner.key_id))
    throw new AppError(
      'sharing.not_the_sender',
      `partner ${partner.code} pushes a message it did not sign`,
      403,
    );
  return partner;
}

/**
 * Checks a partner's signed request (a push's body, or a pull's query): the partner it comes from, a fresh date,
 * its signature over `body`. Throws 401/403 otherwise.
 */
export async function authenticateRequest(
  db: Kysely<DB>,
  headers: Record<string, string | string[] | undefined>,
  body: unknown,
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
  if (!verifyText(parsePublicKey(partner.public_key), requestText(date, body), signature))
    throw new AppError(
      'sharing.bad_request_signature',
      `the request signature of ${partner.code} does not verify`,
      401,
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
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/** Posts a signed JSON body to `<endpoint>/<path>`; the answer's status and text. */
async function postSigned(
  endpoint: string,
  path: string,
  key: InstallationKey,
  body: unknown,
  options: { fetch?: Fetch; timeoutMs?: number; date?: string },
) {
  const url = new URL(path, endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
  const doFetch: Fetch = options.fetch ?? (fetch as unknown as Fetch);
  const response = await doFetch(url, {
    method: 'POST',
    headers: signedHeaders(key, body, options.date),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? POST_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text() };
}

export function postEnvelope(
  endpoint: string,
  key: InstallationKey,
  envelope: Envelope,
  options: { fetch?: Fetch; timeoutMs?: number; date?: string } = {},
) {
  return postSigned(endpoint, 'api/sharing/inbox', key, envelope, options);
}

/** Posts several envelopes at once to `<endpoint>/api/sharing/inbox/batch`; the answer names each one's fate. */
export function postBatch(
  endpoint: string,
  key: InstallationKey,
  envelopes: Envelope[],
  options: { fetch?: Fetch; timeoutMs?: number; date?: string } = {},
) {
  return postSigned(endpoint, 'api/sharing/inbox/batch', key, { envelopes }, options);
}

/**
 * Posts every due envelope (at most `limit`), in batches per partner (at most BATCH_MAX envelopes or
 * BATCH_BYTES of JSON a request), recording for each row: delivered (stored or already there), refused for good
 * (the partner will never take it as it is: 400/422, or named refused in a batch's answer), or retried later with
 * back-off (anything else, the network included). A partner without the batch route (404) or refusing a whole
 * batch (400/422) gets the batch's envelopes one by one, so one bad envelope never sinks the others.
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
      .limit(options.limit ?? 500)
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
  if (leased.length === 0) return report;
  leased.sort((a, b) => Number(a.id) - Number(b.id));
  const partners = new Map(
    (
      await database.db
        .selectFrom('sharing_partners')
        .select(['id', 'code', 'endpoint_url'])
        .where('id', 'in', [...new Set(leased.map((r) => Number(r.partner_id)))])
        .execute()
    ).map((p) => [Number(p.id), p]),
  );
  const envelopes = await envelopesByRowId(
    database.db,
    leased.map((r) => Number(r.message_id)),
  );
  // Batches per partner, in outbox order.
  const batches: { partnerId: number; rows: typeof leased }[] = [];
  const open = new Map<number, { partnerId: number; rows: typeof leased; bytes: number }>();
  for (const row of leased) {
    const partnerId = Number(row.partner_id);
    const size = JSON.stringify(envelopes.get(Number(row.message_id)) ?? null).length;
    let batch = open.get(partnerId);
    if (!batch || batch.rows.length >= BATCH_MAX || batch.bytes + size > BATCH_BYTES) {
      batch = { partnerId, rows: [], bytes: 0 };
      open.set(partnerId, batch);
      batches.push(batch);
    }
    batch.rows.push(row);
    batch.bytes += size;
  }
  for (const batch of batches) {
    const partner = partners.get(batch.partnerId)!;
    const outcomes = await postRows(partner.endpoint_url, key, batch.rows, envelopes, options);
    const at = new Date();
    await database.transaction(async (session) => {
      let delivered = false;
      for (const row of batch.rows) {
        const o = outcomes.get(Number(row.id))!;
        const attempts = Number(row.attempts) + 1;
        await session.db
          .updateTable('sharing_outbox')
          .set({
            attempts,
            last_status: o.status,
            last_error: o.error,
            ...(o.outcome === 'delivered' ? { state: 'delivered', delivered_at: at } : {}),
            ...(o.outcome === 'refused' ? { state: 'refused' } : {}),
            ...(o.outcome === 'retry'
              ? { next_attempt_at: new Date(now.getTime() + backoffSeconds(attempts) * 1000) }
              : {}),
          })
          .where('id', '=', row.id)
          .execute();
        if (o.outcome === 'delivered') delivered = true;
        if (o.outcome !== 'retry')
          await appendAudit(session, actor, {
            action:
              o.outcome === 'delivered' ? 'sharing.message_delivered' : 'sharing.message_delivery_refused',
            target_type: 'sharing_message',
            target_id: envelopes.get(Number(row.message_id))?.message_id ?? String(row.message_id),
            details: {
              partner: partner.code,
              status: o.status,
              attempts,
              ...(o.duplicate ? { duplicate: true } : {}),
              ...(o.error ? { error: o.error } : {}),
            },
          });
        report[o.outcome === 'retry' ? 'retried' : o.outcome]++;
      }
      if (delivered)
        await session.db
          .updateTable('sharing_partners')
          .set({ last_sent_at: at })
          .where('id', '=', batch.partnerId)
          .execute();
    });
  }
  return report;
}

interface RowOutcome {
  outcome: 'delivered' | 'refused' | 'retry';
  status: number | null;
  error: string | null;
  duplicate?: boolean;
}

const outcomeOf = (status: number | null): RowOutcome['outcome'] =>
  status !== null && status >= 200 && status < 300
    ? 'delivered'
    : status === 400 || status === 422
      ? 'refused'
      : 'retry';

/** Posts the rows' envelopes to the partner: one batch, or one by one when the batch as such is refused. */
async function postRows(
  endpoint: string | null,
  key: InstallationKey,
  rows: { id: number | string | bigint; message_id: number | string | bigint }[],
  envelopes: Map<number, Envelope>,
  options: { fetch?: Fetch; timeoutMs?: number },
): Promise<Map<number, RowOutcome>> {
  const outcomes = new Map<number, RowOutcome>();
  const all = (o: RowOutcome) => {
    for (const r of rows) outcomes.set(Number(r.id), o);
    return outcomes;
  };
  if (!endpoint) return all({ outcome: 'retry', status: null, error: 'the partner has no endpoint' });
  const missing = rows.filter((r) => !envelopes.has(Number(r.message_id)));
  for (const r of missing)
    outcomes.set(Number(r.id), { outcome: 'retry', status: null, error: 'the message is not found' });
  const present = rows.filter((r) => envelopes.has(Number(r.message_id)));
  const single = async (r: (typeof rows)[number]) => {
    try {
      const answer = await postEnvelope(endpoint, key, envelopes.get(Number(r.message_id))!, options);
      const ok = answer.status >= 200 && answer.status < 300;
      outcomes.set(Number(r.id), {
        outcome: outcomeOf(answer.status),
        status: answer.status,
        error: ok ? null : answer.body.slice(0, 500),
        ...(answer.status === 200 ? { duplicate: true } : {}),
      });
    } catch (e) {
      outcomes.set(Number(r.id), {
        outcome: 'retry',
        status: null,
        error: String((e as Error).cause ?? (e as Error).message).slice(0, 500),
      });
    }
  };
  if (present.length === 1) {
    await single(present[0]!);
    return outcomes;
  }
  let answer: { status: number; body: string };
  try {
    answer = await postBatch(
      endpoint,
      key,
      present.map((r) => envelopes.get(Number(r.message_id))!),
      options,
    );
  } catch (e) {
    const error = String((e as Error).cause ?? (e as Error).message).slice(0, 500);
    for (const r of present) outcomes.set(Number(r.id), { outcome: 'retry', status: null, error });
    return outcomes;
  }
  if (answer.status === 404 || answer.status === 400 || answer.status === 422) {
    for (const r of present) await single(r);
    return outcomes;
  }
  type BatchResult = { message_id: string; outcome: string; code?: string; reason?: string };
  let results: BatchResult[] | null = null;
  if (answer.status === 200)
    try {
      results = (JSON.parse(answer.body) as { results: BatchResult[] }).results;
    } catch {
      results = null;
    }
  if (!Array.isArray(results)) {
    const error = answer.body.slice(0, 500);
    for (const r of present) outcomes.set(Number(r.id), { outcome: 'retry', status: answer.status, error });
    return outcomes;
  }
  const byId = new Map(results.map((x) => [x.message_id, x]));
  for (const r of present) {
    const result = byId.get(envelopes.get(Number(r.message_id))!.message_id);
    if (!result)
      outcomes.set(Number(r.id), { outcome: 'retry', status: 200, error: 'not in the answer of the batch' });
    else if (result.outcome === 'refused')
      outcomes.set(Number(r.id), {
        outcome: 'refused',
        status: 422,
        error: `${result.code}: ${result.reason}`.slice(0, 500),
      });
    else
      outcomes.set(Number(r.id), {
        outcome: 'delivered',
        status: 200,
        error: null,
        ...(result.outcome === 'duplicate' ? { duplicate: true } : {}),
      });
  }
  return outcomes;
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
