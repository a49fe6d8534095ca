/** The cases module's public face: what other modules and the composition root may use. */
export { getCase, listCases, openCase } from './cases.ts';
export { CASE_STATUSES, CASE_TYPES, SEIZURE_CATEGORIES } from './model.ts';
