/** The osint module's public face: what other modules and the composition root may use. */

export { decideAlert } from './alert-decisions.ts';
export { listAlerts } from './alerts.ts';
export { normalizePhone } from './analysis/entities/phones.ts';
export { type AnalysisResult, analyzePost } from './analysis/index.ts';
export { verifyEvidence } from './evidence.ts';
export {
  type SellerAlertSummary,
  type SellerCursor,
  type SellerRecord,
  sellerAlertSummaries,
  sellerRecords,
} from './graph-feed.ts';
export { listItems } from './item-views.ts';
export { listRuns, runCollection } from './run.ts';
export { listSellers } from './seller-views.ts';
export type { SourceType } from './source-config.ts';
export { createSource, findSourceByName, listSources, toSourceView } from './sources.ts';
export { addWatchTerm, listWatchTerms, type WatchKind } from './watchlist.ts';
