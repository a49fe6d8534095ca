/** The graph module's public face: what other modules and the composition root may use (docs/graph.md). */
export { buildGraph } from './build.ts';
export {
  contactKey,
  contactRiskSignals,
  contactsNearFindings,
  graphRiskSignals,
  graphSellerIndicator,
  type RiskPath,
  type RiskSignal,
} from './signals.ts';
/** The planted network of the tests, also the demo's (`npm start`): see docs/graph.md. */
export { PLANTED, PLANTED_SOURCE, plantNetwork } from './testing/network.ts';
