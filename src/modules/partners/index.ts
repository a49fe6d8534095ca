/** The partners module's public face: what other modules and the composition root may use. */
export { companiesTarget, manifestsTarget, paymentsTarget } from './targets.ts';
