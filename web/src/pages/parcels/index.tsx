/**
 * The parcels workbench (nested routes under /parcels): the queue of scored consignments, one parcel, the
 * examiners with their workload, and "my inspections" for the tablet. Each is in the menu for those whose
 * permissions allow it (Layout.tsx); the server checks every call again.
 */
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { Examiners } from './Examiners.tsx';
import { MyInspections } from './MyInspections.tsx';
import { ParcelPage } from './ParcelPage.tsx';
import { ParcelQueue } from './ParcelQueue.tsx';

const ROUTES: RouteMap = {
  '': ParcelQueue,
  examiners: Examiners,
  mine: MyInspections,
  ':id': ParcelPage,
};

export function Parcels() {
  return <RouteTable routes={ROUTES} fallback="/parcels" />;
}
