/** The parcels module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0021 from './0021_parcels.ts';

export const parcelsMigrations: Record<string, Migration> = {
  '0021_parcels': m0021,
};
