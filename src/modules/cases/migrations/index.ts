/** The cases module's own migrations. */
import type { Migration } from 'kysely/migration';
import * as m0015 from './0015_cases.ts';
import * as m0018 from './0018_cases_lines_operations.ts';
import * as m0031 from './0031_cases_search.ts';

export const casesMigrations: Record<string, Migration> = {
  '0015_cases': m0015,
  '0018_cases_lines_operations': m0018,
  '0031_cases_search': m0031,
};
