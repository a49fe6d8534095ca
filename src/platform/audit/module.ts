import type { VigieModule } from '../../app/modules.ts';
import { registerAuditCommands } from './cli.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: VigieModule = { name: 'audit', routes: auditRoutes, cli: registerAuditCommands };
