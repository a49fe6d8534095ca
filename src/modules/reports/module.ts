import type { VigieModule } from '../../app/modules.ts';
import { reportRoutes } from './routes.ts';

export const reportsModule: VigieModule = { name: 'reports', routes: reportRoutes };
