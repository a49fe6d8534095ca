/**
 * What other modules may read of the valuation module's tables (docs/decisions/0010-table-ownership.md): a read
 * model of the findings, a plain projection that a set-wise query joins in its SQL text
 * (`from ${VALUATION_FINDINGS} f`) and that PostgreSQL pulls up into it, as fast as a direct join.
 */
import { sql } from 'kysely';

const FINDING_COLUMNS = [
  'id',
  'item_id',
  'declaration_id',
  'ratio',
  'robust_z',
  'undervaluation_amount',
  'duties_at_stake',
  'status',
] as const;

/** Valuation findings (one per flagged item), for SQL text. */
export const VALUATION_FINDINGS = sql`(select ${sql.join(FINDING_COLUMNS.map((c) => sql.ref(c)))} from ${sql.table('valuation_findings')})`;
