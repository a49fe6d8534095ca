/** The partners module's public face: what other modules and the composition root may use. */

export {
  type CompanyRecord,
  companyRecords,
  type ManifestRecord,
  manifestRecords,
  type PartnerCursor,
  type PaymentRecord,
  paymentRecords,
} from './graph-feed.ts';
export {
  companiesByIds,
  hasCompanyRegister,
  MANIFESTS,
  manifestsOfDeclarations,
  type PartnerFacts,
  partnerFactsOf,
  paymentsOfDeclarations,
} from './read-models.ts';
export { companiesTarget, manifestsTarget, paymentsTarget } from './targets.ts';
