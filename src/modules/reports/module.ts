import type { VigieModule } from '../registry.ts';
import { reportRoutes } from './routes.ts';

export const reportsModule: VigieModule = { name: 'reports', routes: reportRoutes };
