/** The graph module's public face: what other modules and the composition root may use (docs/graph.md). */
export { buildGraph } from './build.ts';
export { graphRiskSignals, graphSellerIndicator, type RiskPath, type RiskSignal } from './signals.ts';
