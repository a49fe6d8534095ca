import type { VigieModule } from '../module.ts';
import { registerAuditCommands } from './cli.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: VigieModule = { name: 'audit', routes: auditRoutes, cli: registerAuditCommands };
