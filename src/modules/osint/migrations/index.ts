/** The osint module's own migrations (those before 0010 are in the platform's shared history). */
import type { Migration } from 'kysely/migration';
import * as m0012 from './0012_osint_purge.ts';
import * as m0031 from './0031_osint_search.ts';

export const osintMigrations: Record<string, Migration> = {
  '0012_osint_purge': m0012,
  '0031_osint_search': m0031,
};
