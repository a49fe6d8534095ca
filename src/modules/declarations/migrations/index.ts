/** The declarations module's own migrations (those before 0010 are in the platform's shared history). */
import type { Migration } from 'kysely/migration';
import * as m0013 from './0013_declarations_list_indexes.ts';
import * as m0031 from './0031_declarations_search.ts';
import * as m0042 from './0042_declarations_outcome_counts.ts';
import * as m0044 from './0044_declarations_outcome_history.ts';

export const declarationsMigrations: Record<string, Migration> = {
  '0013_declarations_list_indexes': m0013,
  '0031_declarations_search': m0031,
  '0042_declarations_outcome_counts': m0042,
  '0044_declarations_outcome_history': m0044,
};
