/** The parcels module's public face: what other modules and the composition root may use. */

export { addExaminer, assignParcels, inspectionsOf, listExaminers } from './examiners.ts';
export { generatedParcelHistory } from './history.ts';
export { PARCEL_CHANNELS, PARCEL_KINDS, type ParcelReason } from './model.ts';
export { activateParcelModel, listParcelModels, type ParcelModelSummary } from './models.ts';
export { recordPastOutcomes } from './past-outcomes.ts';
export { parcelsPreArrival } from './prearrival.ts';
export { sellerFraudParcelsIndicator } from './risk-indicator.ts';
export { type ScoreParcelsSummary, scoreParcels } from './score.ts';
export { linkParcelSeizure } from './seizures.ts';
export { getParcelSettings, setParcelSettings } from './settings.ts';
export { findParcel, getParcel, listParcels } from './store.ts';
export { trainParcelModel } from './train.ts';
