/** The cases module's public face: what other modules and the composition root may use. */

/** What a seizure report shared with partners is built from (the sharing module's payload). */
export type { CaseView } from './case-rows.ts';
export { getCase, listCases, openCase } from './cases.ts';
export { listLinks } from './links.ts';
export { CASE_STATUSES, CASE_TYPES, SEIZURE_CATEGORIES } from './model.ts';
export { getSeizure, type SeizureView, seizureIdByReference } from './seizures.ts';
