/** The sharing module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0020 from './0020_sharing.ts';
import * as m0024 from './0024_sharing_outbox.ts';

export const sharingMigrations: Record<string, Migration> = {
  '0020_sharing': m0020,
  '0024_sharing_outbox': m0024,
};
