/**
 * Messages shaped like the WCO's CENcomm/nCEN ones: a kind (warning, seizure report, request, feedback), a
 * distribution level, a TLP marking, a title and a payload, signed by the installation that writes it.
 *
 * Sending records the message and appends it to the ledger, both in one transaction with the audit entry (the
 * push to partners' installations is the next step: docs/decisions/0020-sharing.md). A seizure report's payload
 * is built from the cases module and split by the group's agreement on nominal data (payload.ts).
 *
 * Receiving takes a signed envelope from a partner: the sender must be a known partner (by key id), the payload
 * must hash to what the statement says, and the signature must verify — otherwise it is refused and the refusal
 * audited. A message received twice (same sender and id) is stored once. Its distribution level goes down one
 * step at the hop (connected groups → group → this installation); a message meant for its installation only is
 * refused.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { getCase, getSeizure, listLinks, seizureIdByReference } from '../cases/index.ts';
import { getGroup, groupIdsByCode } from './groups.ts';
import { installationKey, parsePublicKey, signText, verifyText } from './keys.ts';
import { appendLedger } from './ledger.ts';
import { type MessageStatement, payloadHash, statementText } from './ledger-format.ts';
import {
  DISTRIBUTIONS,
  type Distribution,
  MARKINGS,
  type Marking,
  MESSAGE_KINDS,
  type MessageKind,
  type Observable,
} from './model.ts';
import { enqueueForGroup } from './outbox.ts';
import { partnerByKeyId } from './partners.ts';
import { seizureReportPayload, splitPayload } from './payload.ts';
import type { SharingMessagesTable } from './tables.ts';

export interface MessageInput {
  kind: MessageKind;
  distribution: Distribution;
  marking: Marking;
  /** The closed user group it is for; needed unless it stays in this installation. */
  group?: string | null | undefined;
  title?: string | undefined;
  /** warning, request, feedback: the text. */
  text?: string | undefined;
  /** seizure_report: the seizure, by its id or by its reference (one of them). */
  seizure_id?: number | undefined;
  seizure_reference?: string | undefined;
  /** warning: what the alert points at (an online seller's phones, e-mails, URLs, domains). */
  observables?: Observable[] | undefined;
}

/** A signed message as it travels between installations. */
export interface Envelope extends Omit<MessageStatement, 'kind' | 'distribution' | 'marking'> {
  kind: MessageKind;
  distribution: Distribution;
  marking: Marking;
  payload: Record<string, unknown>;
  signature: string;
}

export function messageView(row: Selectable<SharingMessagesTable> & { partner_code?: string | null }) {
  return {
    id: Number(row.id),
    message_id: row.message_id,
    direction: row.direction,
    partner: row.partner_code ?? null,
    group: row.group_code,
    kind: row.kind,
    distribution: row.distribution,
    marking: row.marking,
    title: row.title,
    payload: row.payload,
    payload_sha256: row.payload_sha256,
    nominal: row.nominal,
    source_type: row.source_type,
    source_ref: row.source_ref,
    sender_key_id: row.sender_key_id,
    sent_at: row.sent_at,
    signature: row.signature,
    recorded_by: row.recorded_by,
    recorded_at: iso(row.recorded_at),
  };
}
export type MessageView = ReturnType<typeof messageView>;

/**
 * Stores a message received (from a partner's installation or a file). The same sender's message id a second time
 * is not stored again: the row kept the first time is returned, `duplicate`.
 */
export async function storeIncoming(
  db: Kysely<DB>,
  values: Insertable<SharingMessagesTable>,
): Promise<{ row: Selectable<SharingMessagesTable>; duplicate: boolean }> {
  const row = await db
    .insertInto('sharing_messages')
    .values(values)
    .onConflict((oc) => oc.columns(['sender_key_id', 'message_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return { row, duplicate: false };
  const kept = await db
    .selectFrom('sharing_messages')
    .selectAll()
    .where('sender_key_id', '=', values.sender_key_id)
    .where('message_id', '=', values.message_id)
    .executeTakeFirstOrThrow();
  return { row: kept, duplicate: true };
}

/** What a message would carry, before anything is recorded: the preview of the share action. */
export async function composeMessage(db: Kysely<DB>, input: MessageInput) {
  if (input.distribution !== 'installation' && !input.group)
    throw new AppError(
      'sharing.group_required',
      `a message distributed to the ${input.distribution === 'group' ? 'group' : 'connected groups'} needs its group`,
      400,
    );
  const group = input.group ? await getGroup(db, input.group) : null;
  // Nominal data may stay in this installation; beyond it, the group's agreement decides.
  const nominal = input.distribution === 'installation' || (group?.nominal_data_allowed ?? false);
  if (input.kind === 'seizure_report') {
    if (input.seizure_id !== undefined && input.seizure_reference !== undefined)
      throw new AppError(
        'sharing.seizure_twice',
        'a seizure report names its seizure once: seizure_id or seizure_reference',
        400,
      );
    const seizureId =
      input.seizure_id ??
      (input.seizure_reference === undefined
        ? undefined
        : await seizureIdByReference(db, input.seizure_reference));
    if (seizureId === undefined)
      throw new AppError(
        'sharing.seizure_required',
        'a seizure report needs its seizure (seizure_id or seizure_reference)',
        400,
      );
    const seizure = await getSeizure(db, seizureId);
    const kase = seizure.case_id === null ? null : await getCase(db, seizure.case_id);
    const links = kase ? await listLinks(db, kase.id) : [];
    const { payload, removed } = seizureReportPayload({ seizure, case: kase, links }, { nominal });
    const title =
      input.title?.trim() ||
      `Seizure ${seizure.reference}: ${seizure.category} at ${seizure.office} on ${seizure.seized_on}`;
    return {
      group,
      nominal,
      title,
      payload,
      removed,
      source: { type: 'seizure', ref: seizure.reference },
    };
  }
  const text = input.text?.trim() ?? '';
  if (!text) throw new AppError('sharing.text_required', `a ${input.kind} message needs its text`, 400);
  const title = input.title?.trim();
  if (!title) throw new AppError('sharing.title_required', `a ${input.kind} message needs a title`, 400);
  const observables = (input.observables ?? []).map((o) => ({ type: o.type, value: o.value.trim() }));
  const split = splitPayload(
    observables.length ? { schema: 'vigie.text/1', text, observables } : { schema: 'vigie.text/1', text },
    { nominal },
  );
  return { group, nominal, title, payload: split.payload, removed: split.removed, source: null };
}

/** Records an outgoing message, signed, in the ledger; audited. */
export async function sendMessage(
  database: Database,
  keyFile: string,
  actor: Actor,
  input: MessageInput,
): Promise<MessageView> {
  const key = await installationKey(database, keyFile);
  const composed = await composeMessage(database.db, input);
  const statement: MessageStatement = {
    v: 1,
    message_id: randomUUID(),
    sender: key.keyId,
    sent_at: new Date().toISOString(),
    kind: input.kind,
    distribution: input.distribution,
    marking: input.marking,
    group: composed.group?.code ?? null,
    title: composed.title,
    payload_sha256: payloadHash(composed.payload),
  };
  const signature = signText(key.privateKey, statementText(statement));
  return database.transaction(async (session) => {
    const row = await session.db
      .insertInto('sharing_messages')
      .values({
        message_id: statement.message_id,
        direction: 'outgoing',
        partner_id: null,
        group_id: composed.group?.id ?? null,
        group_code: statement.group,
        kind: input.kind,
        distribution: input.distribution,
        marking: input.marking,
        title: composed.title,
        payload: JSON.stringify(composed.payload),
        payload_sha256: statement.payload_sha256,
        nominal: composed.nominal,
        source_type: composed.source?.type ?? null,
        source_ref: composed.source?.ref ?? null,
        sender_key_id: key.keyId,
        sent_at: statement.sent_at,
        signature,
        recorded_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const entry = await appendLedger(session, key, {
      direction: 'outgoing',
      partner: null,
      statement,
      signature,
    });
    const outbox =
      composed.group && input.distribution !== 'installation'
        ? await enqueueForGroup(session, Number(row.id), composed.group.id)
        : 0;
    await appendAudit(session, actor, {
      action: 'sharing.message_send',
      target_type: 'sharing_message',
      target_id: statement.message_id,
      after: {
        kind: input.kind,
        group: statement.group,
        distribution: input.distribution,
        marking: input.marking,
        nominal: composed.nominal,
        removed: composed.removed,
        source: composed.source,
        payload_sha256: statement.payload_sha256,
        ledger_seq: entry.seq,
        outbox,
      },
    });
    return messageView(row);
  });
}

const envelopeOfRow = (row: Selectable<SharingMessagesTable>): Envelope => ({
  v: 1,
  message_id: row.message_id,
  sender: row.sender_key_id,
  sent_at: row.sent_at,
  kind: row.kind,
  distribution: row.distribution,
  marking: row.marking,
  group: row.group_code,
  title: row.title,
  payload_sha256: row.payload_sha256,
  payload: row.payload,
  signature: row.signature,
});

/** The envelope of an outgoing message, as the partner's installation receives it. */
export async function envelopeOf(db: Kysely<DB>, messageId: string): Promise<Envelope> {
  const row = await db
    .selectFrom('sharing_messages')
    .selectAll()
    .where('message_id', '=', messageId)
    .where('direction', '=', 'outgoing')
    .executeTakeFirst();
  if (!row) throw new NotFoundError('sharing.message_not_found', `no outgoing message ${messageId}`);
  return envelopeOfRow(row);
}

/** The envelopes of outgoing messages by their row ids (the outbox's references), in one query. */
export async function envelopesByRowId(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, Envelope>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sharing_messages')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .where('direction', '=', 'outgoing')
    .execute();
  return new Map(rows.map((r) => [Number(r.id), envelopeOfRow(r)]));
}

const DOWNGRADE: Record<Distribution, Distribution | null> = {
  connected_groups: 'group',
  group: 'installation',
  installation: null,
};

function checkEnvelope(envelope: Envelope): void {
  const bad = (what: string) => new AppError('sharing.bad_envelope', `the message envelope: ${what}`, 400);
  if (envelope === null || typeof envelope !== 'object') throw bad('not an object');
  if (envelope.v !== 1) throw bad('v: expected 1');
  if (typeof envelope.message_id !== 'string' || !envelope.message_id) throw bad('message_id is missing');
  if (typeof envelope.sender !== 'string') throw bad('sender is missing');
  if (!MESSAGE_KINDS.includes(envelope.kind))
    throw bad(`kind "${envelope.kind}" is not one of ${MESSAGE_KINDS.join(', ')}`);
  if (!DISTRIBUTIONS.includes(envelope.distribution)) throw bad(`distribution "${envelope.distribution}"`);
  if (!MARKINGS.includes(envelope.marking)) throw bad(`marking "${envelope.marking}"`);
  if (typeof envelope.sent_at !== 'string' || Number.isNaN(Date.parse(envelope.sent_at)))
    throw bad('sent_at is not a time');
  if (typeof envelope.title !== 'string' || !envelope.title) throw bad('title is missing');
  if (envelope.payload === null || typeof envelope.payload !== 'object' || Array.isArray(envelope.payload))
    throw bad('payload is not an object');
}

/** What became of one received message: stored, recognised as already stored, or refused (and why). */
export type Receipt =
  | { message_id: string; outcome: 'stored' | 'duplicate'; message: MessageView }
  | { message_id: string; outcome: 'refused'; code: string; reason: string; status: number };

/**
 * Records messages received from a partner, after checking each (who sent it, that nothing was changed, that it
 * may leave its installation). A refused message is audited (`sharing.message_refused`) and named in the answer;
 * the others are stored in ONE transaction (messages, ledger entries, audit entries): a batch commits whole or
 * not at all, so a sender that does not get the answer sends it again and finds them as duplicates. The same
 * message a second time (same sender and id, in this batch or before) is recognised and stored once.
 */
export async function receiveMessages(
  database: Database,
  keyFile: string,
  actor: Actor,
  envelopes: readonly Envelope[],
): Promise<Receipt[]> {
  const key = await installationKey(database, keyFile);
  const results: Receipt[] = new Array(envelopes.length);
  const partners = new Map<string, Awaited<ReturnType<typeof partnerByKeyId>>>();
  const publicKeys = new Map<string, ReturnType<typeof parsePublicKey>>();
  const accepted: {
    index: number;
    partner: NonNullable<Awaited<ReturnType<typeof partnerByKeyId>>>;
    statement: MessageStatement;
    downgraded: Distribution;
    payload: Record<string, unknown>;
    signature: string;
  }[] = [];
  for (const [index, envelope] of envelopes.entries()) {
    try {
      checkEnvelope(envelope);
      if (!partners.has(envelope.sender))
        partners.set(envelope.sender, await partnerByKeyId(database.db, envelope.sender));
      const partner = partners.get(envelope.sender);
      if (!partner)
        throw new AppError('sharing.unknown_sender', `no partner has the key ${envelope.sender}`, 403);
      if (!partner.active)
        throw new AppError('sharing.partner_inactive', `partner ${partner.code} is not active`, 403);
      const { payload, signature, ...rest } = envelope;
      const statement: MessageStatement = {
        v: 1,
        message_id: rest.message_id,
        sender: rest.sender,
        sent_at: rest.sent_at,
        kind: rest.kind,
        distribution: rest.distribution,
        marking: rest.marking,
        group: rest.group ?? null,
        title: rest.title,
        payload_sha256: rest.payload_sha256,
      };
      if (payloadHash(payload) !== statement.payload_sha256)
        throw new AppError(
          'sharing.payload_mismatch',
          `message ${statement.message_id}: the payload does not hash to its payload_sha256`,
          422,
        );
      let publicKey = publicKeys.get(partner.key_id);
      if (!publicKey) {
        publicKey = parsePublicKey(partner.public_key);
        publicKeys.set(partner.key_id, publicKey);
      }
      if (!verifyText(publicKey, statementText(statement), signature))
        throw new AppError(
          'sharing.bad_signature',
          `message ${statement.message_id}: the signature of ${partner.code} does not verify`,
          422,
        );
      const downgraded = DOWNGRADE[statement.distribution as Distribution];
      if (!downgraded)
        throw new AppError(
          'sharing.not_for_export',
          `message ${statement.message_id} was meant for its installation only`,
          422,
        );
      accepted.push({ index, partner, statement, downgraded, payload, signature });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const messageId = String(envelope?.message_id).slice(0, 100);
      await appendAudit(database, actor, {
        action: 'sharing.message_refused',
        target_type: 'sharing_message',
        target_id: messageId,
        details: { code: error.code, sender: String(envelope?.sender).slice(0, 100), reason: error.message },
      });
      results[index] = {
        message_id: messageId,
        outcome: 'refused',
        code: error.code,
        reason: error.message,
        status: error.status,
      };
    }
  }
  if (accepted.length === 0) return results;
  const groupIds = await groupIdsByCode(
    database.db,
    accepted.map((a) => a.statement.group),
  );
  await database.transaction(async (session) => {
    for (const { index, partner, statement, downgraded, payload, signature } of accepted) {
      const { row, duplicate } = await storeIncoming(session.db, {
        message_id: statement.message_id,
        direction: 'incoming',
        partner_id: partner.id,
        group_id: statement.group === null ? null : (groupIds.get(statement.group) ?? null),
        group_code: statement.group,
        kind: statement.kind as MessageKind,
        distribution: downgraded,
        marking: statement.marking as Marking,
        title: statement.title,
        payload: JSON.stringify(payload),
        payload_sha256: statement.payload_sha256,
        nominal: payload.nominal !== false,
        source_type: null,
        source_ref: null,
        sender_key_id: statement.sender,
        sent_at: statement.sent_at,
        signature,
        recorded_by: actor.name,
      });
      if (duplicate) {
        results[index] = {
          message_id: statement.message_id,
          outcome: 'duplicate',
          message: messageView({ ...row, partner_code: partner.code }),
        };
        continue;
      }
      const entry = await appendLedger(session, key, {
        direction: 'incoming',
        partner: partner.code,
        statement,
        signature,
      });
      await appendAudit(session, actor, {
        action: 'sharing.message_receive',
        target_type: 'sharing_message',
        target_id: statement.message_id,
        after: {
          partner: partner.code,
          kind: statement.kind,
          group: statement.group,
          distribution: downgraded,
          marking: statement.marking,
          payload_sha256: statement.payload_sha256,
          ledger_seq: entry.seq,
        },
      });
      results[index] = {
        message_id: statement.message_id,
        outcome: 'stored',
        message: messageView({ ...row, partner_code: partner.code }),
      };
    }
  });
  return results;
}

/**
 * Records a message received from a partner (receiveMessages with one): refused → the AppError; the same message
 * a second time is recognised and not stored again (`duplicate: true`).
 */
export async function receiveMessage(
  database: Database,
  keyFile: string,
  actor: Actor,
  envelope: Envelope,
): Promise<{ message: MessageView; duplicate: boolean }> {
  const [result] = await receiveMessages(database, keyFile, actor, [envelope]);
  if (!result) throw new Error('no receipt');
  if (result.outcome === 'refused') throw new AppError(result.code, result.reason, result.status);
  return { message: result.message, duplicate: result.outcome === 'duplicate' };
}

export interface MessageFilters {
  direction?: 'outgoing' | 'incoming' | undefined;
  group?: string | undefined;
  kind?: MessageKind | undefined;
}

export async function listMessages(
  db: Kysely<DB>,
  filters: MessageFilters,
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('sharing_messages as m')
    .leftJoin('sharing_partners as p', 'p.id', 'm.partner_id');
  if (filters.direction) query = query.where('m.direction', '=', filters.direction);
  if (filters.group) query = query.where('m.group_code', '=', filters.group);
  if (filters.kind) query = query.where('m.kind', '=', filters.kind);
  const { total, rows } = await offsetPage(
    query,
    (q) => q.selectAll('m').select('p.code as partner_code').orderBy('m.id', 'desc'),
    page,
  );
  return { total, items: rows.map(messageView) };
}

export async function getMessage(db: Kysely<DB>, id: number): Promise<MessageView> {
  const row = await db
    .selectFrom('sharing_messages as m')
    .leftJoin('sharing_partners as p', 'p.id', 'm.partner_id')
    .selectAll('m')
    .select('p.code as partner_code')
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('sharing.message_not_found', `no message #${id}`);
  return messageView(row);
}
