/**
 * STIX 2.1 export of what a closed user group may see (docs/decisions/0038-stix-taxii.md): each message this
 * installation sent to the group becomes a `report` with, beside it, the `identity` of the administration that
 * wrote it and the TLP 2.0 `marking-definition` of its marking; a seizure report carries an `x-vigie-seizure`
 * (STIX has no customs type) and, when its parties hold observables, an `observed-data` over them; an alert
 * carries one `indicator` per observable (phone, e-mail, URL, domain) as a STIX pattern.
 *
 * The group's agreement on nominal data is applied to the payload first (payload.ts, `splitPayload`): personal
 * data never reach the STIX objects when the agreement excludes them. Every id is a UUIDv5 of the message id, so
 * exporting again gives the same objects.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';
import { getGroup } from './groups.ts';
import type { Marking, Observable } from './model.ts';
import { SEIZURE_REPORT_SCHEMA, splitPayload } from './payload.ts';
import {
  OBSERVABLE_SCO,
  patternOf,
  scoId,
  stixId,
  stixTime,
  TLP_MARKING_IDS,
  tlpMarkingDefinition,
} from './stix-model.ts';
import type { SharingMessagesTable } from './tables.ts';

export type StixObject = { type: string; id: string } & Record<string, unknown>;

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Who wrote a message, as a STIX identity. */
export interface Author {
  key_id: string;
  name: string;
  /** When the identity came to be known here: its `created`, fixed so that exports are stable. */
  since: string;
  country?: string | null;
}

export function identityOf(author: Author): StixObject {
  const at = stixTime(author.since);
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixId('identity', `vigie-installation:${author.key_id}`),
    created: at,
    modified: at,
    name: author.name,
    identity_class: 'organization',
    sectors: ['government-national'],
    x_vigie_key_id: author.key_id,
    ...(author.country ? { x_vigie_country: author.country } : {}),
  };
}

/** The parts of a stored message the export reads. */
export type ExportedMessage = Pick<
  Selectable<SharingMessagesTable>,
  'message_id' | 'kind' | 'marking' | 'title' | 'payload' | 'sent_at' | 'group_code'
>;

/** The observable a case party is, when it is one (`graph_entity` `phone:…`, `email:…`, `website:…`). */
function observableOfParty(party: Record<string, unknown>): Observable | null {
  if (party.type !== 'graph_entity' || typeof party.ref !== 'string') return null;
  const at = party.ref.indexOf(':');
  if (at < 0) return null;
  const [type, value] = [party.ref.slice(0, at), party.ref.slice(at + 1)];
  if (!value) return null;
  if (type === 'phone') return { type: 'phone', value };
  if (type === 'email') return { type: 'email', value };
  if (type === 'website') return /[/:]/.test(value) ? { type: 'url', value } : { type: 'domain', value };
  return null;
}

/** The value without its null members and empty lists, at every level (STIX has neither). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

function scoOf(o: Observable, markingRef: string): StixObject {
  const sco = OBSERVABLE_SCO[o.type];
  return {
    type: sco.type,
    spec_version: '2.1',
    id: scoId(sco.type, { value: o.value }),
    value: o.value,
    object_marking_refs: [markingRef],
  };
}

/**
 * The STIX objects of one message after the nominal split, the report last. `nominal` is the group's agreement:
 * false removes the personal data from the payload before anything is built from it.
 */
export function messageObjects(message: ExportedMessage, author: Author, options: { nominal: boolean }) {
  const { payload, removed } = splitPayload(message.payload, options);
  const identity = identityOf(author);
  const marking = tlpMarkingDefinition(message.marking as Marking);
  const at = stixTime(message.sent_at);
  const common = {
    spec_version: '2.1',
    created: at,
    modified: at,
    created_by_ref: identity.id,
    object_marking_refs: [TLP_MARKING_IDS[message.marking as Marking]],
  };
  const objects: StixObject[] = [identity, marking];
  const refs: string[] = [];
  let reportTypes: string[];
  let description: string | undefined;
  let extra: Record<string, unknown> = {};
  if (payload.schema === SEIZURE_REPORT_SCHEMA) {
    const { schema: _, nominal, seizure, lines, case: kase, parties } = payload as Record<string, unknown>;
    const s = (seizure ?? {}) as Record<string, unknown>;
    // STIX has no null values nor empty lists: a field without a value is left out.
    extra = withoutNulls({
      x_vigie_seizure: s,
      x_vigie_lines: lines,
      x_vigie_case: kase,
      x_vigie_parties: parties,
      x_vigie_nominal: nominal === true,
    }) as Record<string, unknown>;
    const scos = new Map<string, StixObject>();
    for (const party of (parties ?? []) as Record<string, unknown>[]) {
      const o = observableOfParty(party);
      if (o) {
        const sco = scoOf(o, TLP_MARKING_IDS[message.marking as Marking]);
        scos.set(sco.id, sco);
      }
    }
    if (scos.size) {
      objects.push(...scos.values());
      const when = typeof s.seized_on === 'string' ? stixTime(s.seized_on) : at;
      const observed: StixObject = {
        type: 'observed-data',
        id: stixId('observed-data', message.message_id),
        ...common,
        first_observed: when,
        last_observed: when,
        number_observed: 1,
        object_refs: [...scos.keys()],
      };
      objects.push(observed);
      refs.push(observed.id);
    }
    reportTypes = ['observed-data'];
  } else {
    description = typeof payload.text === 'string' ? payload.text : undefined;
    const observables = (Array.isArray(payload.observables) ? payload.observables : []) as Observable[];
    for (const o of observables) {
      const indicator: StixObject = {
        type: 'indicator',
        id: stixId('indicator', `${message.message_id}:${o.type}:${o.value}`),
        ...common,
        name: `${o.type} ${o.value}`,
        indicator_types: ['malicious-activity'],
        pattern: patternOf(o),
        pattern_type: 'stix',
        pattern_version: '2.1',
        valid_from: at,
      };
      objects.push(indicator);
      refs.push(indicator.id);
    }
    reportTypes = refs.length ? ['indicator'] : ['threat-report'];
  }
  // A report refers to at least one object: one without observables refers to its author.
  if (!refs.length) refs.push(identity.id);
  objects.push({
    type: 'report',
    id: stixId('report', message.message_id),
    ...common,
    name: message.title,
    ...(description ? { description } : {}),
    report_types: reportTypes,
    published: at,
    object_refs: refs,
    ...extra,
    x_vigie_message_id: message.message_id,
    x_vigie_kind: message.kind,
    ...(message.group_code ? { x_vigie_group: message.group_code } : {}),
    ...(typeof payload.schema === 'string' ? { x_vigie_schema: payload.schema } : {}),
  });
  return { objects, removed };
}

/**
 * One bundle of several messages' objects, each object once (identities, markings and an observable seen in two
 * messages are shared; an observable keeps every marking it was given).
 */
export function bundleOf(name: string, parts: readonly StixObject[][]): StixBundle {
  const seen = new Map<string, StixObject>();
  for (const objects of parts)
    for (const o of objects) {
      const before = seen.get(o.id);
      if (!before) seen.set(o.id, o);
      else if (Array.isArray(before.object_marking_refs) && Array.isArray(o.object_marking_refs))
        seen.set(o.id, {
          ...before,
          object_marking_refs: [...new Set([...before.object_marking_refs, ...o.object_marking_refs])],
        });
    }
  return { type: 'bundle', id: stixId('bundle', name), objects: [...seen.values()] };
}

/** This installation as the author of what it sends. */
export async function installationAuthor(db: Kysely<DB>, keyId: string): Promise<Author> {
  const row = await db
    .selectFrom('sharing_installation_keys')
    .select('created_at')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return {
    key_id: keyId,
    name: `Vigie installation ${keyId}`,
    since: row ? iso(row.created_at)! : '2026-01-01T00:00:00.000Z',
  };
}

/**
 * The messages this installation sent to a group (beyond itself), oldest first, after a row id and a time: what
 * the group may see, the STIX export's and the TAXII collection's content.
 */
export async function groupMessages(
  db: Kysely<DB>,
  groupId: number,
  page: { afterId?: number; addedAfter?: Date | undefined; limit: number },
) {
  let query = db
    .selectFrom('sharing_messages')
    .select([
      'id',
      'message_id',
      'kind',
      'marking',
      'title',
      'payload',
      'sent_at',
      'group_code',
      'sender_key_id',
      'recorded_at',
    ])
    .where('group_id', '=', groupId)
    .where('direction', '=', 'outgoing')
    .where('distribution', '!=', 'installation')
    .where('id', '>', page.afterId ?? 0);
  // Compared at the millisecond the dates are shown with (PostgreSQL keeps microseconds).
  if (page.addedAfter)
    query = query.where(sql<Date>`date_trunc('milliseconds', recorded_at)`, '>', page.addedAfter);
  return query.orderBy('id').limit(page.limit).execute();
}

export const EXPORT_MAX = 10_000;

/** The STIX bundle of what a group may see (its messages, oldest first, at most EXPORT_MAX). */
export async function exportGroup(db: Kysely<DB>, code: string) {
  const group = await getGroup(db, code);
  const rows = await groupMessages(db, group.id, { limit: EXPORT_MAX + 1 });
  const authors = new Map<string, Author>();
  const parts: StixObject[][] = [];
  const removed: Record<string, string[]> = {};
  for (const row of rows.slice(0, EXPORT_MAX)) {
    let author = authors.get(row.sender_key_id);
    if (!author) {
      author = await installationAuthor(db, row.sender_key_id);
      authors.set(row.sender_key_id, author);
    }
    const part = messageObjects(row, author, { nominal: group.nominal_data_allowed });
    parts.push(part.objects);
    if (part.removed.length) removed[row.message_id] = part.removed;
  }
  return {
    group,
    bundle: bundleOf(
      `group:${group.code}:${rows.length ? rows[Math.min(rows.length, EXPORT_MAX) - 1]!.message_id : ''}`,
      parts,
    ),
    messages: Math.min(rows.length, EXPORT_MAX),
    truncated: rows.length > EXPORT_MAX,
    removed,
  };
}
