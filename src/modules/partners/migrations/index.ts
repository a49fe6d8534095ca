/** The partners module's own migrations (its tables were created in the platform's shared history, 0001). */
import type { Migration } from 'kysely/migration';
import * as m0031 from './0031_partners_search.ts';

export const partnersMigrations: Record<string, Migration> = {
  '0031_partners_search': m0031,
};
