/** The sharing module's public face: what other modules and the composition root may use. */
export { type AssistanceView, assistanceCounts, overdueAssistance } from './assistance.ts';
export { verifyLedger } from './ledger-verify.ts';
export { DISTRIBUTIONS, MARKINGS, MESSAGE_KINDS } from './model.ts';
