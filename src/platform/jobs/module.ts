import type { VigieModule } from '../module.ts';
import { registerJobCommands } from './cli.ts';
import { jobRoutes } from './routes.ts';

export const jobsModule: VigieModule = { name: 'jobs', routes: jobRoutes, cli: registerJobCommands };
