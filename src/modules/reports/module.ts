import type { VigieModule } from '../../platform/module.ts';
import { reportRoutes } from './routes.ts';

export const reportsModule: VigieModule = { name: 'reports', routes: reportRoutes };
