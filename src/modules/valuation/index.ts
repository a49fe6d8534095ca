/** The valuation module's public face: what other modules and the composition root may use. */

export type { Finding } from './check.ts';
export { describeFinding, findingsFor, ReferenceIndex, unitValueOf } from './check.ts';
export { storeFindings } from './findings.ts';
export { inlineDeclarationSchema, linesOfInline } from './inline.ts';
export { VALUATION_FINDINGS } from './read-models.ts';
export { computeReferences, loadReferences, rebuildReferences } from './references.ts';
export { findingSchema } from './routes.ts';
export type { ValuationSettings } from './settings.ts';
export { getValuationSettings } from './settings.ts';
