/** The ml module's own migrations (its first table, model_versions, is in the platform's shared history, 0005). */
import type { Migration } from 'kysely/migration';
import * as m0035 from './0035_ml_model_cards.ts';
import * as m0039 from './0039_ml_promotion_requests.ts';
import * as m0040 from './0040_ml_model_replays.ts';

export const mlMigrations: Record<string, Migration> = {
  '0035_ml_model_cards': m0035,
  '0039_ml_promotion_requests': m0039,
  '0040_ml_model_replays': m0040,
};
