/** The risk module's public face: what other modules and the composition root may use. */

export { backtest } from './backtest.ts';
export { createCampaign } from './campaigns.ts';
export { recordOutcome } from './decisions/actions.ts';
export {
  type PreArrivalReferral,
  type PreArrivalSource,
  preArrivalSource,
  registerPreArrivalSource,
} from './decisions/prearrival.ts';
export { getDecision } from './decisions/queue.ts';
export { runSelection } from './decisions/selection.ts';
export { type IndicatorDefinition, registerIndicator } from './indicators/registry.ts';
export { loadLines } from './lines.ts';
export { mixedScores } from './mix.ts';
export {
  activeModelScorer,
  registerModelLoader,
  registerModelScorer,
  unregisterModelScorer,
} from './model.ts';
export { setOfficeParams } from './offices.ts';
export { activateProfile, createProfileVersion, profileVersion } from './profiles.ts';
export { scoreDeclaration } from './service.ts';
export { convert, type FxRates, getFxRates } from './settings.ts';
