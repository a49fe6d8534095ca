/** The risk module's own migrations (its first tables are in the platform's shared history, 0003). */
import type { Migration } from 'kysely/migration';
import * as m0022 from './0022_risk_outcome_corrections.ts';
import * as m0023 from './0023_risk_decision_anomaly.ts';
import * as m0039 from './0039_risk_activation_requests.ts';

export const riskMigrations: Record<string, Migration> = {
  '0022_risk_outcome_corrections': m0022,
  '0023_risk_decision_anomaly': m0023,
  '0039_risk_activation_requests': m0039,
};
