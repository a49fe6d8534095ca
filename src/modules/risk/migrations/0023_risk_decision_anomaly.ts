/**
 * The model's anomaly score of each decided item, kept with the decision (docs/decisions/0023-anomaly-in-decisions.md):
 * `{ score, percentile, reasons: [{ feature, en, fr }] }`, null when no model with an anomaly detector was active.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_decision_items add column anomaly jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_decision_items drop column anomaly`.execute(db);
}
