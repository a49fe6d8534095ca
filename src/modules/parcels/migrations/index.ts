/** The parcels module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0021 from './0021_parcels.ts';
import * as m0025 from './0025_parcels_examiners.ts';
import * as m0029 from './0029_parcels_speed_seizures.ts';
import * as m0043 from './0043_parcels_inspections.ts';
import * as m0045 from './0045_parcels_inspection_corrections.ts';
import * as m0046 from './0046_parcels_models.ts';

export const parcelsMigrations: Record<string, Migration> = {
  '0021_parcels': m0021,
  '0025_parcels_examiners': m0025,
  '0029_parcels_speed_seizures': m0029,
  '0043_parcels_inspections': m0043,
  '0045_parcels_inspection_corrections': m0045,
  '0046_parcels_models': m0046,
};
