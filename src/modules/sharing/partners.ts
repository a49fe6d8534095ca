/**
 * Partner administrations and national agencies: code, name, kind, country, Ed25519 public key, the address of
 * their installation when they run Vigie. Every change is audited.
 */
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { auditCreated } from '../../platform/lib/records.ts';
import { keyIdOf, parsePublicKey, publicPemOf } from './keys.ts';
import type { PartnerKind } from './model.ts';
import type { SharingPartnersTable } from './tables.ts';

export interface PartnerInput {
  code: string;
  name: string;
  kind: PartnerKind;
  country: string;
  public_key: string;
  endpoint_url?: string | null | undefined;
}

export interface PartnerUpdate {
  name?: string | undefined;
  public_key?: string | undefined;
  endpoint_url?: string | null | undefined;
  active?: boolean | undefined;
}

export function partnerView(row: Selectable<SharingPartnersTable>) {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    kind: row.kind,
    country: row.country,
    public_key: row.public_key,
    key_id: row.key_id,
    endpoint_url: row.endpoint_url,
    active: row.active,
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}
export type PartnerView = ReturnType<typeof partnerView>;

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

function checkEndpoint(url: string | null | undefined): string | null {
  if (url === undefined || url === null || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('sharing.bad_endpoint', `endpoint_url "${url}" is not a URL`, 400);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new AppError('sharing.bad_endpoint', 'endpoint_url must be an https:// (or http://) address', 400);
  if (parsed.username || parsed.password)
    throw new AppError('sharing.bad_endpoint', 'endpoint_url must not carry credentials', 400);
  return parsed.toString();
}

function keyOf(text: string) {
  const key = parsePublicKey(text);
  return { public_key: publicPemOf(key), key_id: keyIdOf(key) };
}

/** Every key a partner has had stays known, so that the messages it signed with an older one still verify. */
async function keepKey(db: Kysely<DB>, partnerId: number, key: { key_id: string; public_key: string }) {
  await db
    .insertInto('sharing_partner_keys')
    .values({ partner_id: partnerId, ...key })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .execute();
}

async function assertKeyFree(db: Kysely<DB>, keyId: string, exceptId?: number) {
  let query = db.selectFrom('sharing_partners').select('code').where('key_id', '=', keyId);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  const other = await query.executeTakeFirst();
  if (other)
    throw new AppError('sharing.key_in_use', `partner ${other.code} already has this public key`, 409);
  const former = await db
    .selectFrom('sharing_partner_keys as k')
    .innerJoin('sharing_partners as p', 'p.id', 'k.partner_id')
    .select('p.code')
    .where('k.key_id', '=', keyId)
    .$if(exceptId !== undefined, (q) => q.where('k.partner_id', '<>', exceptId!))
    .executeTakeFirst();
  if (former)
    throw new AppError('sharing.key_in_use', `partner ${former.code} had this public key before`, 409);
  const own = await db
    .selectFrom('sharing_installation_keys')
    .select('key_id')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (own)
    throw new AppError(
      'sharing.key_is_ours',
      "this is this installation's own public key, not a partner's",
      409,
    );
}

export async function addPartner(
  database: Database,
  actor: Actor,
  input: PartnerInput,
): Promise<PartnerView> {
  if (!CODE_PATTERN.test(input.code))
    throw new AppError(
      'sharing.bad_code',
      `partner code "${input.code}": expected letters, digits, _ . -`,
      400,
    );
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw new AppError(
      'sharing.bad_country',
      `country "${input.country}": expected an ISO 3166 code (MA, FR)`,
      400,
    );
  const key = keyOf(input.public_key);
  const endpoint = checkEndpoint(input.endpoint_url);
  return database.transaction(async (session) => {
    const existing = await session.db
      .selectFrom('sharing_partners')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existing) throw new AppError('sharing.partner_exists', `partner ${input.code} exists already`, 409);
    await assertKeyFree(session.db, key.key_id);
    const row = await session.db
      .insertInto('sharing_partners')
      .values({
        code: input.code,
        name: input.name.trim(),
        kind: input.kind,
        country,
        ...key,
        endpoint_url: endpoint,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await keepKey(session.db, Number(row.id), key);
    return auditCreated(
      session,
      actor,
      { action: 'sharing.partner_add', target_type: 'sharing_partner', target_id: row.code },
      partnerView(row),
    );
  });
}

export async function updatePartner(
  database: Database,
  actor: Actor,
  code: string,
  update: PartnerUpdate,
): Promise<PartnerView> {
  const key = update.public_key === undefined ? undefined : keyOf(update.public_key);
  const endpoint = update.endpoint_url === undefined ? undefined : checkEndpoint(update.endpoint_url);
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('sharing_partners')
      .selectAll()
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('sharing.partner_not_found', `no partner ${code}`);
    if (key) await assertKeyFree(session.db, key.key_id, Number(before.id));
    const row = await session.db
      .updateTable('sharing_partners')
      .set({
        ...(update.name === undefined ? {} : { name: update.name.trim() }),
        ...(key ?? {}),
        ...(endpoint === undefined ? {} : { endpoint_url: endpoint }),
        ...(update.active === undefined ? {} : { active: update.active }),
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (key) await keepKey(session.db, Number(row.id), key);
    const view = partnerView(row);
    await appendAudit(session, actor, {
      action: 'sharing.partner_update',
      target_type: 'sharing_partner',
      target_id: row.code,
      before: partnerView(before),
      after: view,
    });
    return view;
  });
}

export async function getPartner(db: Kysely<DB>, code: string): Promise<PartnerView> {
  const row = await db.selectFrom('sharing_partners').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new NotFoundError('sharing.partner_not_found', `no partner ${code}`);
  return partnerView(row);
}

export async function partnerByKeyId(db: Kysely<DB>, keyId: string): Promise<PartnerView | null> {
  const row = await db
    .selectFrom('sharing_partners')
    .selectAll()
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return row ? partnerView(row) : null;
}

export async function listPartners(
  db: Kysely<DB>,
  filters: { kind?: PartnerKind | undefined; active?: boolean | undefined; q?: string | undefined } = {},
): Promise<PartnerView[]> {
  let query = db.selectFrom('sharing_partners').selectAll();
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.active !== undefined) query = query.where('active', '=', filters.active);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like)]));
  }
  return (await query.orderBy('code').execute()).map(partnerView);
}
