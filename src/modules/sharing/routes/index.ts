/**
 * The sharing API: partners and this installation's key (/api/sharing/partners, /api/sharing/installation),
 * closed user groups (/api/sharing/groups), messages (/api/sharing/messages), the ledger
 * (/api/sharing/ledger), mutual administrative assistance (/api/assistance). Reading needs `sharing:read` or
 * `assistance:read`; changing `sharing:write` or `assistance:manage`.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/server/context.ts';
import { assistanceRoutes } from './assistance.ts';
import { groupRoutes } from './groups.ts';
import { ledgerRoutes } from './ledger.ts';
import { messageRoutes } from './messages.ts';
import { partnerRoutes } from './partners.ts';
import { pushRoutes } from './push.ts';

export async function sharingRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  partnerRoutes(app, context);
  groupRoutes(app, context);
  messageRoutes(app, context);
  ledgerRoutes(app, context);
  assistanceRoutes(app, context);
  pushRoutes(app, context);
}
