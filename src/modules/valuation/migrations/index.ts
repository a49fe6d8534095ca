/** The valuation module's own migrations (its first tables are in the platform's shared history, 0003). */
import type { Migration } from 'kysely/migration';
import * as m0016 from './0016_valuation_settings.ts';

export const valuationMigrations: Record<string, Migration> = {
  '0016_valuation_settings': m0016,
};
