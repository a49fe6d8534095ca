import type { VigieModule } from '../module.ts';
import { eventRoutes } from './routes.ts';

/** The live event stream (`GET /api/events`); the modules publish to the bus (`platform/events/bus.ts`). */
export const eventsModule: VigieModule = { name: 'events', routes: eventRoutes };
