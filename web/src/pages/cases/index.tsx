/**
 * Cases and seizures (nested routes under /cases): the list, a case's page, the form that opens one, and the
 * seizure form. The director's figures are their own page (/figures, `reports:read`).
 */
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { CaseList } from './CaseList.tsx';
import { CasePage } from './CasePage.tsx';
import { NewCase } from './NewCase.tsx';
import { SeizureForm } from './SeizureForm.tsx';

const ROUTES: RouteMap = {
  '': CaseList,
  new: NewCase,
  'seizures/new': SeizureForm,
  ':id': CasePage,
};

export function Cases() {
  return <RouteTable routes={ROUTES} fallback="/cases" />;
}
