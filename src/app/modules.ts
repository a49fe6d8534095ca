/**
 * The composition root's list of modules: the platform's own (jobs, audit) and the domain modules. The server, the
 * CLI and the job workers read the registry built from it; adding a module is one line here.
 */
import { authModule } from '../modules/auth/module.ts';
import { casesModule } from '../modules/cases/module.ts';
import { declarationsModule } from '../modules/declarations/module.ts';
import { graphSellerIndicator } from '../modules/graph/index.ts';
import { graphModule } from '../modules/graph/module.ts';
import { importsModule } from '../modules/imports/module.ts';
import { mlModule } from '../modules/ml/module.ts';
import { osintModule } from '../modules/osint/module.ts';
import { parcelsPreArrival, sellerFraudParcelsIndicator } from '../modules/parcels/index.ts';
import { parcelsModule } from '../modules/parcels/module.ts';
import { partnersModule } from '../modules/partners/module.ts';
import { reportsModule } from '../modules/reports/module.ts';
import { registerIndicator, registerModelLoader, registerPreArrivalSource } from '../modules/risk/index.ts';
import { riskModule } from '../modules/risk/module.ts';
import { sharingModule } from '../modules/sharing/module.ts';
import { valuationModule } from '../modules/valuation/module.ts';
import { auditModule } from '../platform/audit/module.ts';
import { migrations as historyMigrations } from '../platform/db/migrations/index.ts';
import { eventsModule } from '../platform/events/module.ts';
import { jobsModule } from '../platform/jobs/module.ts';
import { type Registry, registryOf, type VigieModule } from '../platform/module.ts';
import { retentionModule } from '../platform/retention/module.ts';
import { searchModule } from '../platform/search/module.ts';

export const modules: VigieModule[] = [
  authModule,
  auditModule,
  jobsModule,
  retentionModule,
  searchModule,
  eventsModule,
  importsModule,
  declarationsModule,
  partnersModule,
  reportsModule,
  osintModule,
  mlModule,
  valuationModule,
  riskModule,
  casesModule,
  graphModule,
  sharingModule,
  parcelsModule,
];

// What the link graph finds raises the risk of linked importers: rules may test graph.linked_online_finding.
registerIndicator(graphSellerIndicator);

// What parcel examiners found raises the risk of the same seller's declarations: parcels.seller_fraud_parcels.
registerIndicator(sellerFraudParcelsIndicator);

// Parcels scored before arrival join the selection queue, marked pre-arrival: risk knows a source, parcels is one.
registerPreArrivalSource(parcelsPreArrival);

// The registry's active model scores in the risk engine: risk knows a scorer interface, ML fills it.
registerModelLoader(async (database) => (await import('../modules/ml/index.ts')).syncModelScorer(database));

/** What the platform is handed: the modules' targets, job kinds, migrations and authenticator, gathered once. */
export const registry: Registry = registryOf(modules, historyMigrations);
