/** The valuation module's own migrations (its first tables are in the platform's shared history, 0003). */
import type { Migration } from 'kysely/migration';
import * as m0013 from './0013_valuation_settings.ts';

export const valuationMigrations: Record<string, Migration> = {
  '0013_valuation_settings': m0013,
};
