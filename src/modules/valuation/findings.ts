/**
 * Stored valuation findings: one per item (the latest while it is open; a decided finding is kept as decided),
 * with its provenance (reference level, sample, window) and the officer's decision and justification, so that an
 * importer's challenge can be answered.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { offsetPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, iso, NotFoundError } from '../../platform/lib/errors.ts';
import { declarationRows, itemRows } from '../declarations/index.ts';
import type { Finding } from './check.ts';

export interface FindingToStore {
  item_id: number;
  declaration_id: number;
  finding: Finding;
}

/** Writes flagged findings (insert, or refresh an open one); decided findings stay as they were decided. */
export async function storeFindings(db: Kysely<DB>, rows: readonly FindingToStore[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map(({ item_id, declaration_id, finding: f }) => ({
      item_id,
      declaration_id,
      level: f.level,
      hs: f.hs,
      origin: f.origin,
      unit: f.unit,
      currency: f.currency,
      sample_n: f.sample_n,
      window_from: f.window_from,
      window_to: f.window_to,
      reference_median: f.reference_median,
      reference_p10: f.reference_p10,
      reference_q1: f.reference_q1,
      unit_value: f.unit_value,
      ratio: f.ratio,
      robust_z: Number.isFinite(f.robust_z) ? f.robust_z : null,
      undervaluation_amount: f.undervaluation_amount,
      duty_rate: f.duty_rate,
      duties_at_stake: f.duties_at_stake,
    }));
    const result = await db
      .insertInto('valuation_findings')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('item_id')
          .doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            hs: eb.ref('excluded.hs'),
            origin: eb.ref('excluded.origin'),
            unit: eb.ref('excluded.unit'),
            currency: eb.ref('excluded.currency'),
            sample_n: eb.ref('excluded.sample_n'),
            window_from: eb.ref('excluded.window_from'),
            window_to: eb.ref('excluded.window_to'),
            reference_median: eb.ref('excluded.reference_median'),
            reference_p10: eb.ref('excluded.reference_p10'),
            reference_q1: eb.ref('excluded.reference_q1'),
            unit_value: eb.ref('excluded.unit_value'),
            ratio: eb.ref('excluded.ratio'),
            robust_z: eb.ref('excluded.robust_z'),
            undervaluation_amount: eb.ref('excluded.undervaluation_amount'),
            duty_rate: eb.ref('excluded.duty_rate'),
            duties_at_stake: eb.ref('excluded.duties_at_stake'),
            updated_at: new Date(),
          }))
          .where('valuation_findings.status', '=', 'open'),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

export interface FindingFilters {
  status?: 'open' | 'confirmed' | 'dismissed' | undefined;
  reference?: string | undefined;
  office?: string | undefined;
}

export async function listFindings(
  db: Kysely<DB>,
  filters: FindingFilters,
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('valuation_findings as f')
    .innerJoin(declarationRows(db).as('d'), 'd.id', 'f.declaration_id')
    .innerJoin(itemRows(db).as('i'), 'i.id', 'f.item_id');
  if (filters.status) query = query.where('f.status', '=', filters.status);
  if (filters.reference) query = query.where('d.reference', '=', filters.reference);
  if (filters.office) query = query.where('d.office_code', '=', filters.office);
  const { total, rows } = await offsetPage(
    query,
    (q) =>
      q
        .selectAll('f')
        .select(['d.reference', 'd.office_code as office', 'd.lodged_on', 'i.line_no', 'i.hs_code'])
        .orderBy('f.duties_at_stake', 'desc')
        .orderBy('f.id'),
    page,
  );
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      decided_at: r.decided_at ? iso(r.decided_at) : null,
      created_at: iso(r.created_at),
      updated_at: iso(r.updated_at),
    })),
  };
}

/** The officer's decision on a finding, with its justification; audited. */
export async function decideFinding(
  database: Database,
  actor: Actor,
  id: number,
  decision: { status: 'confirmed' | 'dismissed'; justification: string },
  scope: { office: string | null } = { office: null },
) {
  if (decision.justification.trim().length < 5)
    throw new AppError(
      'valuation.justification_required',
      'a justification of at least 5 characters is needed',
    );
  return database.transaction(async (session) => {
    const before = await session.db
      .selectFrom('valuation_findings as f')
      .innerJoin(declarationRows(session.db).as('d'), 'd.id', 'f.declaration_id')
      .select(['f.id', 'f.status', 'f.justification', 'f.decided_by', 'd.office_code', 'd.reference'])
      .where('f.id', '=', id)
      .executeTakeFirst();
    if (!before || (scope.office !== null && before.office_code !== scope.office))
      throw new NotFoundError('valuation.finding_not_found', `no valuation finding #${id}`);
    await session.db
      .updateTable('valuation_findings')
      .set({
        status: decision.status,
        justification: decision.justification.trim(),
        decided_by: actor.name,
        decided_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(session, actor, {
      action: 'valuation.finding_decided',
      target_type: 'valuation_finding',
      target_id: id,
      before: { status: before.status, justification: before.justification, decided_by: before.decided_by },
      after: { status: decision.status, justification: decision.justification.trim() },
      details: { reference: before.reference },
    });
    return { id, status: decision.status, reference: before.reference };
  });
}
