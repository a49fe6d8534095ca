/**
 * A minimal TAXII 2.1 read server (docs/decisions/0038-stix-taxii.md): one API root, one collection per closed
 * user group the requesting partner belongs to, whose objects are the STIX objects of the messages this
 * installation sent to the group (stix.ts, after the group's nominal split), with `added_after`, `limit` and
 * `next` / `more` paging. The partner authenticates as it does for the pull: a request signed with its Ed25519 key
 * (`x-vigie-key-id`, `x-vigie-date`, `x-vigie-signature` over `{ method, url }`). No write: collections are
 * read-only.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso } from '../../platform/lib/errors.ts';
import type { PartnerView } from './partners.ts';
import { authenticateRequest } from './push.ts';
import { type Author, groupMessages, installationAuthor, messageObjects, type StixObject } from './stix.ts';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE, uuidv5, VIGIE_STIX_NAMESPACE } from './stix-model.ts';

export const TAXII_PAGE_MAX = 100;

/** What the partner signs to read a TAXII resource: the method and the URL as sent (path and query). */
export const taxiiSigned = (method: string, url: string) => ({ method, url });

export async function authenticateTaxii(
  db: Kysely<DB>,
  headers: Record<string, string | string[] | undefined>,
  method: string,
  url: string,
) {
  return authenticateRequest(db, headers, taxiiSigned(method, url));
}

/** Whether an Accept header takes TAXII 2.1 (absent, any, or the TAXII media type without another version). */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

export const collectionId = (groupCode: string) =>
  uuidv5(`taxii-collection/${groupCode}`, VIGIE_STIX_NAMESPACE);

/** The groups a partner belongs to, as TAXII collections. */
export async function partnerCollections(db: Kysely<DB>, partner: Pick<PartnerView, 'id'>) {
  const rows = await db
    .selectFrom('sharing_group_members as m')
    .innerJoin('sharing_groups as g', 'g.id', 'm.group_id')
    .select(['g.id', 'g.code', 'g.name', 'g.description', 'g.nominal_data_allowed'])
    .where('m.member_type', '=', 'partner')
    .where('m.partner_id', '=', partner.id)
    .orderBy('g.code')
    .execute();
  return rows.map((g) => ({
    group: { id: Number(g.id), code: g.code, nominal: g.nominal_data_allowed },
    resource: {
      id: collectionId(g.code),
      title: g.name,
      ...(g.description ? { description: g.description } : {}),
      alias: g.code,
      can_read: true,
      can_write: false,
      media_types: [STIX_MEDIA_TYPE],
    },
  }));
}
export type Collection = Awaited<ReturnType<typeof partnerCollections>>[number];

export async function findCollection(db: Kysely<DB>, partner: Pick<PartnerView, 'id'>, id: string) {
  const found = (await partnerCollections(db, partner)).find((c) => c.resource.id === id);
  // A collection the partner may not read is not there for it (no hint that it exists).
  if (!found) throw new AppError('taxii.collection_not_found', `no collection ${id.slice(0, 64)}`, 404);
  return found;
}

/** The `next` token: the row id of the last message given, opaque to the client. */
const encodeNext = (id: number) => Buffer.from(`m${id}`).toString('base64url');
function decodeNext(next: string): number {
  const text = Buffer.from(next, 'base64url').toString();
  const match = /^m(\d{1,15})$/.exec(text);
  if (!match) throw new AppError('taxii.bad_next', 'next: not a token this server gave', 400);
  return Number(match[1]);
}

export interface ObjectsQuery {
  added_after?: string | undefined;
  limit?: number | undefined;
  next?: string | undefined;
  /** match[type]: only objects of these types. */
  types?: string[] | undefined;
}

/**
 * One page of a collection's objects, oldest first. Whole messages go in a page (an object is never cut from its
 * report), so a page holds up to `limit` objects unless one message alone has more; `more` says whether another
 * page follows, `next` how to ask for it. The date an object was added is its message's recording here.
 */
export async function collectionObjects(db: Kysely<DB>, collection: Collection, query: ObjectsQuery) {
  const limit = Math.min(query.limit ?? TAXII_PAGE_MAX, TAXII_PAGE_MAX);
  let addedAfter: Date | undefined;
  if (query.added_after !== undefined) {
    addedAfter = new Date(query.added_after);
    if (Number.isNaN(addedAfter.getTime()))
      throw new AppError('taxii.bad_added_after', 'added_after: expected a timestamp', 400);
  }
  const afterId = query.next ? decodeNext(query.next) : 0;
  const rows = await groupMessages(db, collection.group.id, { afterId, addedAfter, limit: limit + 1 });
  const authors = new Map<string, Author>();
  const objects: StixObject[] = [];
  /** When each object was added here: its message's recording. */
  const added = new Map<string, string>();
  const seen = new Set<string>();
  let first: Date | null = null;
  let last: Date | null = null;
  let lastId = afterId;
  let taken = 0;
  for (const row of rows.slice(0, limit)) {
    let author = authors.get(row.sender_key_id);
    if (!author) {
      author = await installationAuthor(db, row.sender_key_id);
      authors.set(row.sender_key_id, author);
    }
    const part = messageObjects(row, author, { nominal: collection.group.nominal }).objects.filter(
      (o) => !seen.has(o.id) && (!query.types?.length || query.types.includes(o.type)),
    );
    if (taken > 0 && objects.length + part.length > limit) break;
    const at = row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at);
    for (const o of part) {
      seen.add(o.id);
      added.set(o.id, at.toISOString());
    }
    objects.push(...part);
    first ??= at;
    last = at;
    lastId = Number(row.id);
    taken++;
  }
  const more = taken < rows.length;
  return {
    envelope: {
      more,
      ...(more ? { next: encodeNext(lastId) } : {}),
      ...(objects.length ? { objects } : {}),
    },
    messages: taken,
    added,
    first: first ? iso(first) : null,
    last: last ? iso(last) : null,
  };
}

export const taxiiMediaType = TAXII_MEDIA_TYPE;
