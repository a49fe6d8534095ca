import type { VigieModule } from '../../platform/module.ts';
import { registerAuthCommands } from './cli.ts';
import { loginAttemptsKind, sessionsKind } from './retention.ts';
import { authRoutes } from './routes.ts';
import { authenticate } from './service.ts';

/** Users, sessions and API tokens: the routes, `vigie users|tokens`, and how a request's credentials become a user. */
export const authModule: VigieModule = {
  name: 'auth',
  routes: authRoutes,
  cli: registerAuthCommands,
  authenticate,
  retention: [sessionsKind, loginAttemptsKind],
};
