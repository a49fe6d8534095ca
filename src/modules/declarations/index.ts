/** The declarations module's public face: what other modules and the composition root may use. */
export { importRunSchema } from './api-schemas.ts';
export { countDeclarationsAfter, type DeclarationParties, declarationParties } from './graph-feed.ts';
export { declarationsTarget } from './import-target.ts';
export { loadLines } from './lines.ts';
export { declarationStats } from './store.ts';
export type { Channel, DeclarationLine, OutcomeResult } from './types.ts';
export { CHANNELS, OUTCOME_RESULTS } from './types.ts';
