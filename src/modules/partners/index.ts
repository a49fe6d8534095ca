/**
 * The partners module's public face: what other modules and the composition root may use — the records the
 * graph reads (graph-feed.ts), the read models of the risk indicators and watchlists (read-models.ts), and the
 * import targets.
 */

export * from './graph-feed.ts';
export * from './read-models.ts';
export { companiesTarget, manifestsTarget, paymentsTarget } from './targets.ts';
