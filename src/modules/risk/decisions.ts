/**
 * Decisions, one file per concern in decisions/: the daily selection (selection.ts), the queue and one decision
 * (queue.ts), overrides and officer outcomes (actions.ts), statistics and the integrity view (statistics.ts). The
 * module's own files import those directly; this file keeps one address for the tests and harnesses.
 */

export type { OutcomeInput } from './decisions/actions.ts';
export { overrideDecision, recordOutcome } from './decisions/actions.ts';
export type { DecisionFilters, DecisionSort, DecisionStatus } from './decisions/queue.ts';
export { DECISION_SORTS, DECISION_STATUSES, getDecision, listDecisions } from './decisions/queue.ts';
export type { SelectionRequest, SelectionSummary } from './decisions/selection.ts';
export { forgetRuleStats, listSelectionRuns, loadRuleStats, runSelection } from './decisions/selection.ts';
export {
  channelStatistics,
  integrityView,
  randomByOffice,
  ruleStatistics,
} from './decisions/statistics.ts';
export type { FraudType, OfficeScope } from './decisions/types.ts';
export { FRAUD_TYPES } from './decisions/types.ts';
