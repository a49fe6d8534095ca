/**
 * The cases API: case files under /api/cases (one file per resource: the case and its workflow, the work inside
 * it, test purchases and takedowns, the director's figures), seizures under /api/seizures, operations under
 * /api/operations with their final reports. Reading needs `cases:read`, changing a case
 * `cases:manage`, recording seizures `seizures:write`, the figures `reports:read`.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/server/context.ts';
import { caseWorkRoutes } from './case-work.ts';
import { caseRoutes } from './cases.ts';
import { enforcementRoutes } from './enforcement.ts';
import { figureRoutes } from './figures.ts';
import { operationRoutes } from './operations.ts';
import { seizureRoutes } from './seizures.ts';

export async function casesRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  figureRoutes(app, context);
  caseRoutes(app, context);
  caseWorkRoutes(app, context);
  enforcementRoutes(app, context);
  seizureRoutes(app, context);
  operationRoutes(app, context);
}
