/**
 * Surveillance campaigns: a set of HS code prefixes, keywords in goods descriptions and origins (e.g. COVID-19
 * protective equipment, medicines, slimming products). An item matches when (no HS prefix and no keyword is given,
 * or its HS code starts with a prefix, or its description contains a keyword) and (no origin is given, or its
 * origin is one of them), lodged within the campaign's dates. Matching declarations are counted, listed and
 * queued for deferred control with a status (to do, done, finding); rules may queue declarations too.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { DECLARATION_ITEMS, DECLARATIONS, declarationRows } from '../declarations/index.ts';

export interface NewCampaign {
  name: string;
  description?: string | null | undefined;
  hs_prefixes?: string[] | undefined;
  keywords?: string[] | undefined;
  origins?: string[] | undefined;
  date_from?: string | null | undefined;
  date_to?: string | null | undefined;
  owner?: string | undefined;
}

type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignRow>>>;

function campaignRow(db: Kysely<DB>, id: number) {
  return db.selectFrom('risk_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

const toView = (r: CampaignRow) => ({ ...r, id: Number(r.id), created_at: iso(r.created_at) });

export async function createCampaign(database: Database, actor: Actor, input: NewCampaign) {
  const hs = (input.hs_prefixes ?? []).map((h) => h.replace(/[.\s]/g, ''));
  if (hs.some((h) => !/^[0-9]{2,10}$/.test(h)))
    throw new AppError('risk.invalid_campaign', 'HS prefixes are 2 to 10 digits');
  const origins = (input.origins ?? []).map((o) => o.trim().toUpperCase());
  if (origins.some((o) => !/^[A-Z]{2}$/.test(o)))
    throw new AppError('risk.invalid_campaign', 'origins are two-letter country codes');
  const keywords = (input.keywords ?? []).map((k) => k.trim()).filter(Boolean);
  if (hs.length + keywords.length + origins.length === 0)
    throw new AppError('risk.invalid_campaign', 'a campaign needs HS prefixes, keywords or origins');
  return database.transaction(async (session) => {
    const exists = await session.db
      .selectFrom('risk_campaigns')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (exists)
      throw new AppError('risk.campaign_exists', `a campaign named ${input.name} exists already`, 409);
    const row = await session.db
      .insertInto('risk_campaigns')
      .values({
        name: input.name,
        description: input.description ?? null,
        hs_prefixes: hs,
        keywords,
        origins,
        date_from: input.date_from ?? null,
        date_to: input.date_to ?? null,
        owner: input.owner ?? actor.name,
        created_by: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(session, actor, {
      action: 'risk.campaign_created',
      target_type: 'campaign',
      target_id: row.id,
      after: {
        name: row.name,
        hs_prefixes: hs,
        keywords,
        origins,
        date_from: row.date_from,
        date_to: row.date_to,
      },
    });
    return toView(row);
  });
}

export async function listCampaigns(
  db: Kysely<DB>,
  filters: { status?: 'active' | 'closed' | undefined },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('risk_campaigns as c');
  if (filters.status) query = query.where('c.status', '=', filters.status);
  const { total, rows } = await offsetPage(
    query,
    (q) =>
      q
        .selectAll('c')
        .select([
          sql<number>`(select count(*)::int from risk_campaign_items x where x.campaign_id = c.id)`.as(
            'queued',
          ),
          sql<number>`(select count(*)::int from risk_campaign_items x where x.campaign_id = c.id and x.status = 'finding')`.as(
            'findings',
          ),
        ])
        .orderBy('c.name'),
    page,
  );
  return {
    total,
    items: rows.map((r) => ({ ...toView(r), queued: r.queued, findings: r.findings })),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The SQL condition on items (alias i) and declarations (alias d) of a campaign. */
function matchCondition(c: CampaignRow): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  const goods: RawBuilder<unknown>[] = [];
  if (c.hs_prefixes.length) goods.push(sql`i.hs_code like any(${c.hs_prefixes.map((h) => `${h}%`)}::text[])`);
  if (c.keywords.length)
    goods.push(sql`i.description ilike any(${c.keywords.map((k) => `%${escapeLike(k)}%`)}::text[])`);
  if (goods.length) parts.push(sql`(${sql.join(goods, sql` or `)})`);
  if (c.origins.length) parts.push(sql`i.origin_country = any(${c.origins}::text[])`);
  if (c.date_from) parts.push(sql`d.lodged_on >= ${c.date_from}::date`);
  if (c.date_to) parts.push(sql`d.lodged_on <= ${c.date_to}::date`);
  return sql<boolean>`(${sql.join(parts.length ? parts : [sql`true`], sql` and `)})`;
}

/**
 * The SQL condition on a decision (alias d, with its declaration_id and lodged_on) whose declaration is queued in
 * the campaign or matches it: the selection queue's campaign filter.
 */
export async function campaignDecisionCondition(db: Kysely<DB>, id: number): Promise<RawBuilder<boolean>> {
  const c = await campaignRow(db, id);
  if (!c) throw new NotFoundError('risk.campaign_not_found', `no campaign #${id}`);
  return sql<boolean>`(exists (select 1 from risk_campaign_items q
                               where q.campaign_id = ${id} and q.declaration_id = d.declaration_id)
    or exists (select 1 from ${DECLARATION_ITEMS} i where i.declaration_id = d.declaration_id and ${matchCondition(c)}))`;
}

/** The campaign, the number of matching declarations and a page of them with their queue status. */
export async function campaignMatches(db: Kysely<DB>, id: number, page: { limit: number; offset: number }) {
  const c = await campaignRow(db, id);
  if (!c) return undefined;
  const cond = matchCondition(c);
  const [{ rows: count }, { rows }, { rows: byStatus }] = await Promise.all([
    sql<{ n: number; items: number }>`
      select count(distinct d.id)::int as n, count(*)::int as items
      from ${DECLARATIONS} d join ${DECLARATION_ITEMS} i on i.declaration_id = d.id where ${cond}`.execute(
      db,
    ),
    sql<{
      declaration_id: number;
      reference: string;
      office: string;
      lodged_on: string;
      items: number;
      status: string | null;
      note: string | null;
    }>`
      select d.id as declaration_id, d.reference, d.office_code as office, d.lodged_on::text as lodged_on,
             count(*)::int as items, q.status, q.note
      from ${DECLARATIONS} d join ${DECLARATION_ITEMS} i on i.declaration_id = d.id
      left join risk_campaign_items q on q.campaign_id = ${id} and q.declaration_id = d.id
      where ${cond}
      group by d.id, d.reference, d.office_code, d.lodged_on, q.status, q.note
      order by d.lodged_on desc, d.reference
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ status: string; n: number }>`
      select status, count(*)::int as n from risk_campaign_items where campaign_id = ${id} group by status`.execute(
      db,
    ),
  ]);
  return {
    campaign: toView(c),
    matching_declarations: count[0]?.n ?? 0,
    matching_items: count[0]?.items ?? 0,
    queue: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    page: {
      total: count[0]?.n ?? 0,
      limit: page.limit,
      offset: page.offset,
      items: rows.map((r) => ({ ...r, declaration_id: Number(r.declaration_id) })),
    },
  };
}

/** Queues every matching declaration not queued yet (to do). */
export async function queueCampaign(database: Database, actor: Actor, id: number) {
  return database.transaction(async (session) => {
    const c = await campaignRow(session.db, id);
    if (!c) throw new NotFoundError('risk.campaign_not_found', `no campaign #${id}`);
    if (c.status !== 'active')
      throw new AppError('risk.campaign_closed', `campaign ${c.name} is closed`, 409);
    const { rows } = await sql<{ declaration_id: number }>`
      insert into risk_campaign_items (campaign_id, declaration_id, source, queued_by)
      select distinct ${id}::bigint, d.id, 'match', ${actor.name}::text
      from ${DECLARATIONS} d join ${DECLARATION_ITEMS} i on i.declaration_id = d.id
      where ${matchCondition(c)}
      on conflict (campaign_id, declaration_id) do nothing
      returning declaration_id`.execute(session.db);
    await appendAudit(session, actor, {
      action: 'risk.campaign_queued',
      target_type: 'campaign',
      target_id: id,
      details: { name: c.name, queued: rows.length },
    });
    return { queued: rows.length };
  });
}

export async function updateCampaignItem(
  database: Database,
  actor: Actor,
  id: number,
  declarationId: number,
  input: { status: 'todo' | 'done' | 'finding'; note?: string | null | undefined },
  scope: { office: string | null },
) {
  return database.transaction(async (session) => {
    const row = await session.db
      .selectFrom('risk_campaign_items as q')
      .innerJoin(declarationRows(session.db).as('d'), 'd.id', 'q.declaration_id')
      .select(['q.status', 'q.note', 'd.reference', 'd.office_code'])
      .where('q.campaign_id', '=', id)
      .where('q.declaration_id', '=', declarationId)
      .executeTakeFirst();
    if (!row || (scope.office !== null && row.office_code !== scope.office))
      throw new NotFoundError(
        'risk.campaign_item_not_found',
        `declaration #${declarationId} is not queued in campaign #${id}`,
      );
    await session.db
      .updateTable('risk_campaign_items')
      .set({
        status: input.status,
        note: input.note ?? row.note,
        updated_by: actor.name,
        updated_at: new Date(),
      })
      .where('campaign_id', '=', id)
      .where('declaration_id', '=', declarationId)
      .execute();
    await appendAudit(session, actor, {
      action: 'risk.campaign_item_updated',
      target_type: 'campaign',
      target_id: id,
      before: { status: row.status, note: row.note },
      after: { status: input.status, note: input.note ?? row.note },
      details: { reference: row.reference },
    });
    return { campaign_id: id, declaration_id: declarationId, reference: row.reference, status: input.status };
  });
}

export async function closeCampaign(database: Database, actor: Actor, id: number) {
  return database.transaction(async (session) => {
    const c = await campaignRow(session.db, id);
    if (!c) throw new NotFoundError('risk.campaign_not_found', `no campaign #${id}`);
    await session.db.updateTable('risk_campaigns').set({ status: 'closed' }).where('id', '=', id).execute();
    await appendAudit(session, actor, {
      action: 'risk.campaign_closed',
      target_type: 'campaign',
      target_id: id,
      before: { status: c.status },
      after: { status: 'closed' },
    });
    return { id, status: 'closed' as const };
  });
}
