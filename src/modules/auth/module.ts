import type { VigieModule } from '../../app/modules.ts';
import { registerAuthCommands } from './cli.ts';
import { authRoutes } from './routes.ts';

export const authModule: VigieModule = { name: 'auth', routes: authRoutes, cli: registerAuthCommands };
