/** The imports module's public face: what other modules and the composition root may use. */
export { importJob } from './job.ts';
export { describeCounts, formatImportSummary } from './report.ts';
export { auditedImport } from './service.ts';
