/** The sharing module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0020 from './0020_sharing.ts';
import * as m0024 from './0024_sharing_outbox.ts';
import * as m0028 from './0028_sharing_pull.ts';

export const sharingMigrations: Record<string, Migration> = {
  '0020_sharing': m0020,
  '0024_sharing_outbox': m0024,
  '0028_sharing_pull': m0028,
};
