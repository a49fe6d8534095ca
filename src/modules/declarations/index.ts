/** The declarations module's public face: what other modules and the composition root may use. */
export { importRunSchema } from './api-schemas.ts';
export { countDeclarationsAfter, type DeclarationParties, declarationParties } from './graph-feed.ts';
export { declarationsTarget } from './import-target.ts';
export { loadLines } from './lines.ts';
export {
  numericKeyText,
  OUTCOME_HISTORY_DIMS,
  type OutcomeHistoryDim,
  outcomeHistoryKey,
  type PastOutcomes,
  pastOutcomeCounts,
} from './outcome-history.ts';
export type { OfficerOutcome } from './read-models.ts';
export {
  DECLARATION_ITEMS,
  DECLARATIONS,
  declarantRows,
  declarationByReference,
  declarationRows,
  IMPORTERS,
  INSPECTION_OUTCOMES,
  importerRows,
  insertOfficerOutcome,
  itemRows,
  LAST_LODGED_ON,
  lastLodgementDate,
  officeRows,
  officesLodgedOn,
  outcomeIsOnDeclaration,
  outcomeRows,
  SELLERS,
} from './read-models.ts';
export { type DeclarationFilters, declarationStats } from './store.ts';
export type { StoredLine, StoredLineFilter } from './stored-lines.ts';
export { loadStoredLines } from './stored-lines.ts';
export type { Channel, DeclarationLine, OutcomeResult } from './types.ts';
export { CHANNELS, OUTCOME_RESULTS } from './types.ts';
