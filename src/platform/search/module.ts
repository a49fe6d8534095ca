import type { VigieModule } from '../module.ts';
import { searchRoutes } from './routes.ts';

/** The global search's route; the record families come from the modules (`VigieModule.search`). */
export const searchModule: VigieModule = { name: 'search', routes: searchRoutes };
