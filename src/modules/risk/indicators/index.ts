/**
 * The indicators shipped with Vigie, registered on import. Import this module (not registry.ts) to score: it
 * guarantees the built-in indicators are there. Other modules register theirs through `registerIndicator`.
 */
import './valuation.ts';
import './history.ts';
import './partners.ts';
import './lists.ts';
import './goods.ts';

export {
  createBatch,
  type Evidence,
  type IndicatorBatch,
  type IndicatorColumn,
  type IndicatorDefinition,
  type IndicatorResult,
  indicatorOf,
  type Lang,
  listIndicators,
  registerIndicator,
  unregisterIndicator,
} from './registry.ts';
