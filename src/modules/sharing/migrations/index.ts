/** The sharing module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0020 from './0020_sharing.ts';

export const sharingMigrations: Record<string, Migration> = {
  '0020_sharing': m0020,
};
