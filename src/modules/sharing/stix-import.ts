/**
 * STIX 2.1 import (docs/decisions/0038-stix-taxii.md): a bundle a partner gave (a file, a TAXII read) becomes
 * incoming messages. Each `report` is one message — a seizure report when it carries Vigie's `x_vigie_seizure`,
 * otherwise an alert whose indicators' patterns become its observables; each `indicator` no report refers to is an
 * alert of its own. The whole bundle is checked before anything is stored (a clear 400 names the object's index, id
 * and property), then stored in one transaction with its audit entries; importing it again stores nothing new (the
 * message id is the report's `x_vigie_message_id` or the object's id, unique per partner).
 *
 * A bundle is not signed by its author the way a pushed message is: imported messages are recorded with the
 * partner's key id and no signature, and are not appended to the signed ledger, whose every entry must verify
 * offline against its sender's signature.
 */
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/lib/errors.ts';
import { groupIdsByCode } from './groups.ts';
import { payloadHash } from './ledger-format.ts';
import { type MessageView, messageView, storeIncoming } from './messages.ts';
import { MESSAGE_KINDS, type MessageKind, type Observable } from './model.ts';
import { getPartner } from './partners.ts';
import { SEIZURE_REPORT_SCHEMA } from './payload.ts';
import { markingOfRefs, observableOfPattern, STIX_ID } from './stix-model.ts';

export const IMPORT_MAX_OBJECTS = 10_000;

const timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
    'expected a STIX timestamp (RFC 3339, UTC, ending in Z)',
  )
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a real time');
const identifier = z.string().regex(STIX_ID, 'expected a STIX identifier (type--UUID)');

/** What every object needs, and what the objects Vigie reads need besides (STIX 2.1, sections 3 and 4). */
const base = z.looseObject({
  type: z.string().regex(/^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/, 'expected a STIX type name'),
  id: identifier,
});
const sdo = base.extend({
  spec_version: z.literal('2.1'),
  created: timestamp,
  modified: timestamp,
  created_by_ref: identifier.optional(),
  object_marking_refs: z.array(identifier).min(1).optional(),
});
const report = sdo.extend({
  type: z.literal('report'),
  name: z.string().min(1),
  description: z.string().optional(),
  published: timestamp,
  object_refs: z.array(identifier).min(1),
  x_vigie_message_id: z.string().min(1).max(100).optional(),
  x_vigie_kind: z.string().optional(),
  x_vigie_group: z.string().max(32).optional(),
  x_vigie_seizure: z.record(z.string(), z.unknown()).optional(),
  x_vigie_lines: z.array(z.record(z.string(), z.unknown())).optional(),
  x_vigie_case: z.record(z.string(), z.unknown()).optional(),
  x_vigie_parties: z.array(z.record(z.string(), z.unknown())).optional(),
  x_vigie_nominal: z.boolean().optional(),
});
const indicator = sdo.extend({
  type: z.literal('indicator'),
  name: z.string().optional(),
  description: z.string().optional(),
  pattern: z.string().min(1),
  pattern_type: z.string().min(1),
  valid_from: timestamp,
});
const bundle = z.looseObject({
  type: z.literal('bundle'),
  id: identifier.refine((v) => v.startsWith('bundle--'), 'expected bundle--UUID'),
  objects: z.array(z.unknown()).min(1).max(IMPORT_MAX_OBJECTS),
});

type Report = z.infer<typeof report>;
type Indicator = z.infer<typeof indicator>;

function invalid(message: string, details: Record<string, unknown>): AppError {
  return new AppError('sharing.stix_invalid', message, 400, details);
}

function firstIssue(error: z.ZodError) {
  const issue = error.issues[0]!;
  return { property: issue.path.map(String).join('.') || '(object)', message: issue.message };
}

interface Incoming {
  message_id: string;
  kind: MessageKind;
  title: string;
  sent_at: string;
  marking: ReturnType<typeof markingOfRefs>;
  group: string | null;
  payload: Record<string, unknown>;
  stix_id: string;
}

/** Checks a bundle and reads the messages in it; throws a 400 naming the first bad object and property. */
export function readBundle(input: unknown): { id: string; messages: Incoming[] } {
  const top = bundle.safeParse(input);
  if (!top.success) {
    const { property, message } = firstIssue(top.error);
    throw invalid(`the bundle: ${property}: ${message}`, { index: null, id: null, property });
  }
  const objects = new Map<string, unknown>();
  const reports: Report[] = [];
  const indicators: Indicator[] = [];
  top.data.objects.forEach((object, index) => {
    const id =
      object && typeof object === 'object' && typeof (object as { id?: unknown }).id === 'string'
        ? String((object as { id: string }).id).slice(0, 120)
        : null;
    const type = (object as { type?: unknown } | null)?.type;
    const schema = type === 'report' ? report : type === 'indicator' ? indicator : base;
    const parsed = schema.safeParse(object);
    if (!parsed.success) {
      const { property, message } = firstIssue(parsed.error);
      throw invalid(`objects[${index}]${id ? ` (${id})` : ''}: ${property}: ${message}`, {
        index,
        id,
        property,
      });
    }
    const typed = parsed.data as { id: string; type: string };
    if (!typed.id.startsWith(`${typed.type}--`))
      throw invalid(`objects[${index}] (${id}): id: expected ${typed.type}--UUID`, {
        index,
        id,
        property: 'id',
      });
    objects.set(typed.id, parsed.data);
    if (typed.type === 'report') reports.push(parsed.data as Report);
    if (typed.type === 'indicator') indicators.push(parsed.data as Indicator);
  });
  const referenced = new Set(reports.flatMap((r) => r.object_refs));
  const observablesOf = (list: Indicator[]) => {
    const observables: Observable[] = [];
    const patterns: string[] = [];
    for (const i of list) {
      const o = observableOfPattern(i.pattern);
      if (o) observables.push(o);
      else patterns.push(i.pattern);
    }
    return { observables, patterns };
  };
  const textPayload = (text: string, list: Indicator[]) => {
    const { observables, patterns } = observablesOf(list);
    return {
      schema: 'vigie.text/1',
      text,
      ...(observables.length ? { observables } : {}),
      ...(patterns.length ? { patterns } : {}),
    };
  };
  const messages: Incoming[] = [];
  for (const r of reports) {
    const seizure = r.x_vigie_seizure;
    const kind: MessageKind = MESSAGE_KINDS.includes(r.x_vigie_kind as MessageKind)
      ? (r.x_vigie_kind as MessageKind)
      : seizure
        ? 'seizure_report'
        : 'warning';
    const payload: Record<string, unknown> = seizure
      ? {
          schema: SEIZURE_REPORT_SCHEMA,
          nominal: r.x_vigie_nominal === true,
          seizure,
          lines: r.x_vigie_lines ?? [],
          case: r.x_vigie_case ?? null,
          parties: r.x_vigie_parties ?? [],
        }
      : textPayload(
          r.description ?? r.name,
          r.object_refs
            .map((ref) => objects.get(ref))
            .filter((o): o is Indicator => (o as Indicator)?.type === 'indicator'),
        );
    messages.push({
      message_id: r.x_vigie_message_id ?? r.id,
      kind,
      title: r.name.slice(0, 300),
      sent_at: r.published,
      marking: markingOfRefs(r.object_marking_refs),
      group: r.x_vigie_group ?? null,
      payload,
      stix_id: r.id,
    });
  }
  for (const i of indicators) {
    if (referenced.has(i.id)) continue;
    messages.push({
      message_id: i.id,
      kind: 'warning',
      title: (i.name ?? i.pattern).slice(0, 300),
      sent_at: i.valid_from,
      marking: markingOfRefs(i.object_marking_refs),
      group: null,
      payload: textPayload(i.description ?? i.name ?? i.pattern, [i]),
      stix_id: i.id,
    });
  }
  if (!messages.length)
    throw invalid('the bundle holds no report and no indicator: nothing to import', {
      index: null,
      id: top.data.id,
      property: 'objects',
    });
  return { id: top.data.id, messages };
}

export interface StixImportReport {
  partner: string;
  bundle: string;
  stored: number;
  duplicate: number;
  messages: { message_id: string; stix_id: string; outcome: 'stored' | 'duplicate'; message: MessageView }[];
}

/**
 * Imports a partner's bundle: checked whole first (nothing stored on a bad one, and the refusal audited), then
 * every message stored once, in one transaction with an audit entry each and one for the import.
 */
export async function importStix(
  database: Database,
  actor: Actor,
  code: string,
  input: unknown,
): Promise<StixImportReport> {
  const partner = await getPartner(database.db, code);
  if (!partner.active)
    throw new AppError('sharing.partner_inactive', `partner ${partner.code} is not active`, 403);
  let read: ReturnType<typeof readBundle>;
  try {
    read = readBundle(input);
  } catch (error) {
    if (error instanceof AppError)
      await appendAudit(database, actor, {
        action: 'sharing.stix_refused',
        target_type: 'sharing_partner',
        target_id: partner.code,
        details: { code: error.code, reason: error.message },
      });
    throw error;
  }
  const groups = await groupIdsByCode(
    database.db,
    read.messages.map((m) => m.group),
  );
  return database.transaction(async (session) => {
    const result: StixImportReport = {
      partner: partner.code,
      bundle: read.id,
      stored: 0,
      duplicate: 0,
      messages: [],
    };
    for (const m of read.messages) {
      const { row, duplicate } = await storeIncoming(session.db, {
        message_id: m.message_id,
        direction: 'incoming',
        partner_id: partner.id,
        group_id: m.group === null ? null : (groups.get(m.group) ?? null),
        group_code: m.group,
        kind: m.kind,
        // What came in a file goes no further than this installation.
        distribution: 'installation',
        marking: m.marking,
        title: m.title,
        payload: JSON.stringify(m.payload),
        payload_sha256: payloadHash(m.payload),
        nominal: m.payload.nominal !== false,
        source_type: 'stix',
        source_ref: m.stix_id,
        sender_key_id: partner.key_id,
        sent_at: m.sent_at,
        signature: '',
        recorded_by: actor.name,
      });
      if (duplicate) {
        result.duplicate++;
        result.messages.push({
          message_id: m.message_id,
          stix_id: m.stix_id,
          outcome: 'duplicate',
          message: messageView({ ...row, partner_code: partner.code }),
        });
        continue;
      }
      await appendAudit(session, actor, {
        action: 'sharing.message_receive',
        target_type: 'sharing_message',
        target_id: m.message_id,
        after: {
          partner: partner.code,
          via: 'stix',
          stix_id: m.stix_id,
          bundle: read.id,
          kind: m.kind,
          group: m.group,
          marking: m.marking,
          payload_sha256: row.payload_sha256,
        },
      });
      result.stored++;
      result.messages.push({
        message_id: m.message_id,
        stix_id: m.stix_id,
        outcome: 'stored',
        message: messageView({ ...row, partner_code: partner.code }),
      });
    }
    await appendAudit(session, actor, {
      action: 'sharing.stix_import',
      target_type: 'sharing_partner',
      target_id: partner.code,
      details: { bundle: read.id, stored: result.stored, duplicate: result.duplicate },
    });
    return result;
  });
}
