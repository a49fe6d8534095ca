/** The osint module's public face: what other modules and the composition root may use. */

export type { WatchKind } from './alerts.ts';
export { addWatchTerm, decideAlert, listAlerts, listWatchTerms } from './alerts.ts';
export { verifyEvidence } from './evidence.ts';
export { listItems } from './items.ts';
export { listRuns, runCollection } from './run.ts';
export { listSellers } from './seller-views.ts';
export type { SourceType } from './source-config.ts';
export { createSource, findSourceByName, listSources, toSourceView } from './sources.ts';
