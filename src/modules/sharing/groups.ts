/**
 * Closed user groups: administrations (partners) or offices of this one, each with a role (coordinator, member,
 * observer), and the group's agreement on nominal data (`nominal_data_allowed`: may personal data of natural
 * persons be shared in it). Every change is audited.
 */
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import type { MemberRole, MemberType } from './model.ts';
import { CODE_PATTERN } from './partners.ts';
import type { SharingGroupsTable } from './tables.ts';

export interface GroupInput {
  code: string;
  name: string;
  description?: string | null | undefined;
  nominal_data_allowed?: boolean | undefined;
}

export interface MemberInput {
  member_type: MemberType;
  /** A partner's code, or an office code of this installation. */
  ref: string;
  role: MemberRole;
}

export function groupRowView(row: Selectable<SharingGroupsTable>) {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    description: row.description,
    nominal_data_allowed: row.nominal_data_allowed,
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

async function membersOf(db: Kysely<DB>, groupId: number) {
  const rows = await db
    .selectFrom('sharing_group_members as m')
    .leftJoin('sharing_partners as p', 'p.id', 'm.partner_id')
    .select(['m.member_type', 'm.office', 'm.role', 'm.added_by', 'm.added_at', 'p.code', 'p.name'])
    .where('m.group_id', '=', groupId)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    member_type: r.member_type,
    ref: r.member_type === 'partner' ? r.code! : r.office!,
    name: r.name ?? null,
    role: r.role,
    added_by: r.added_by,
    added_at: iso(r.added_at),
  }));
}

export async function getGroup(db: Kysely<DB>, code: string) {
  const row = await db.selectFrom('sharing_groups').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new NotFoundError('sharing.group_not_found', `no group ${code}`);
  return { ...groupRowView(row), members: await membersOf(db, Number(row.id)) };
}
export type GroupView = Awaited<ReturnType<typeof getGroup>>;

export async function listGroups(db: Kysely<DB>) {
  const rows = await db.selectFrom('sharing_groups').selectAll().orderBy('code').execute();
  return Promise.all(
    rows.map(async (r) => ({ ...groupRowView(r), members: await membersOf(db, Number(r.id)) })),
  );
}

export async function createGroup(database: Database, actor: Actor, input: GroupInput): Promise<GroupView> {
  if (!CODE_PATTERN.test(input.code))
    throw new AppError(
      'sharing.bad_code',
      `group code "${input.code}": expected letters, digits, _ . -`,
      400,
    );
  await database.transaction(async (session) => {
    const existing = await session.db
      .selectFrom('sharing_groups')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existing) throw new AppError('sharing.group_exists', `group ${input.code} exists already`, 409);
    const row = await session.db
      .insertInto('sharing_groups')
      .values({
        code: input.code,
        name: input.name.trim(),
        description: input.description?.trim() || null,
        nominal_data_allowed: input.nominal_data_allowed ?? false,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'sharing.group_create',
      target_type: 'sharing_group',
      target_id: row.code,
      after: groupRowView(row),
    });
  });
  return getGroup(database.db, input.code);
}

export async function updateGroup(
  database: Database,
  actor: Actor,
  code: string,
  update: {
    name?: string | undefined;
    description?: string | null | undefined;
    nominal_data_allowed?: boolean | undefined;
  },
): Promise<GroupView> {
  await database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('sharing_groups')
      .selectAll()
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('sharing.group_not_found', `no group ${code}`);
    const row = await session.db
      .updateTable('sharing_groups')
      .set({
        ...(update.name === undefined ? {} : { name: update.name.trim() }),
        ...(update.description === undefined ? {} : { description: update.description?.trim() || null }),
        ...(update.nominal_data_allowed === undefined
          ? {}
          : { nominal_data_allowed: update.nominal_data_allowed }),
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'sharing.group_update',
      target_type: 'sharing_group',
      target_id: code,
      before: groupRowView(before),
      after: groupRowView(row),
    });
  });
  return getGroup(database.db, code);
}

export async function addMember(
  database: Database,
  actor: Actor,
  code: string,
  input: MemberInput,
): Promise<GroupView> {
  const ref = input.ref.trim();
  if (!ref) throw new AppError('sharing.bad_member', 'a member needs a partner code or an office code', 400);
  await database.transaction(async (session) => {
    const group = await session.db
      .selectFrom('sharing_groups')
      .select('id')
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!group) throw new NotFoundError('sharing.group_not_found', `no group ${code}`);
    let partnerId: number | null = null;
    if (input.member_type === 'partner') {
      const partner = await session.db
        .selectFrom('sharing_partners')
        .select('id')
        .where('code', '=', ref)
        .executeTakeFirst();
      if (!partner) throw new NotFoundError('sharing.partner_not_found', `no partner ${ref}`);
      partnerId = Number(partner.id);
    }
    let existing = session.db
      .selectFrom('sharing_group_members')
      .select('id')
      .where('group_id', '=', Number(group.id))
      .where('member_type', '=', input.member_type);
    existing =
      partnerId === null ? existing.where('office', '=', ref) : existing.where('partner_id', '=', partnerId);
    if (await existing.executeTakeFirst())
      throw new AppError(
        'sharing.member_exists',
        `${input.member_type} ${ref} is already in group ${code}`,
        409,
      );
    await session.db
      .insertInto('sharing_group_members')
      .values({
        group_id: Number(group.id),
        member_type: input.member_type,
        partner_id: partnerId,
        office: partnerId === null ? ref : null,
        role: input.role,
        added_by: actor.name,
      })
      .execute();
    await appendAudit(session, actor, {
      action: 'sharing.group_member_add',
      target_type: 'sharing_group',
      target_id: code,
      after: { member_type: input.member_type, ref, role: input.role },
    });
  });
  return getGroup(database.db, code);
}

export async function removeMember(
  database: Database,
  actor: Actor,
  code: string,
  member: { member_type: MemberType; ref: string },
): Promise<GroupView> {
  const group = await getGroup(database.db, code);
  const found = group.members.find((m) => m.member_type === member.member_type && m.ref === member.ref);
  if (!found)
    throw new NotFoundError(
      'sharing.member_not_found',
      `${member.member_type} ${member.ref} is not in group ${code}`,
    );
  await database.transaction(async (session) => {
    let query = session.db.deleteFrom('sharing_group_members').where('group_id', '=', group.id);
    if (member.member_type === 'office')
      query = query.where('member_type', '=', 'office').where('office', '=', member.ref);
    else
      query = query
        .where('member_type', '=', 'partner')
        .where('partner_id', 'in', (eb) =>
          eb.selectFrom('sharing_partners').select('id').where('code', '=', member.ref),
        );
    await query.execute();
    await appendAudit(session, actor, {
      action: 'sharing.group_member_remove',
      target_type: 'sharing_group',
      target_id: code,
      before: found,
    });
  });
  return getGroup(database.db, code);
}

/** The ids of the groups these codes name (nulls and unknown codes left out). */
export async function groupIdsByCode(db: Kysely<DB>, codes: readonly (string | null)[]) {
  const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
  if (!wanted.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('sharing_groups')
    .select(['id', 'code'])
    .where('code', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}
