import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_platform.ts';
import * as m0003 from './0003_risk.ts';
import * as m0004 from './0004_osint.ts';
import * as m0005 from './0005_models.ts';
import * as m0006 from './0006_audit_seal.ts';
import * as m0007 from './0007_upload_owners.ts';
import * as m0008 from './0008_job_heartbeat.ts';
import * as m0009 from './0009_retention.ts';

/** Every migration, in order. Names sort in the order they run; a landed migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_platform': m0002,
  '0003_risk': m0003,
  '0004_osint': m0004,
  '0005_models': m0005,
  '0006_audit_seal': m0006,
  '0007_upload_owners': m0007,
  '0008_job_heartbeat': m0008,
  '0009_retention': m0009,
};
