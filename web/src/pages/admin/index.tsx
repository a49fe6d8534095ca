/**
 * Administration (nested routes under /admin): users and their tokens (`users:manage`) and the audit trail
 * (`audit:read`). One's own account and tokens are at /account, for everyone.
 */
import { type RouteMap, RouteTable } from '../../components/routes.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { Users } from './Users.tsx';

const ROUTES: RouteMap = { users: Users, audit: AuditTrail };

export function Administration() {
  return <RouteTable routes={ROUTES} fallback="/" />;
}
