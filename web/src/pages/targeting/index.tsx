/**
 * Targeting's own screens beside the selection queue and the rules (nested routes under /targeting): office
 * capacities, target lists, the integrity view and valuation findings. Each is in the menu for those whose
 * permissions allow it (Layout.tsx); the server checks every call again.
 */
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { Capacities } from './Capacities.tsx';
import { Integrity } from './Integrity.tsx';
import { TargetList, TargetLists } from './TargetLists.tsx';
import { ValuationFindings } from './ValuationFindings.tsx';

const ROUTES: RouteMap = {
  '': { redirect: 'capacities' },
  capacities: Capacities,
  lists: TargetLists,
  'lists/:id': TargetList,
  integrity: Integrity,
  valuation: ValuationFindings,
};

export function Targeting() {
  return <RouteTable routes={ROUTES} fallback="/" />;
}
