/**
 * The sharing API: partners and this installation's key (/api/sharing/partners, /api/sharing/installation),
 * closed user groups (/api/sharing/groups), messages (/api/sharing/messages), the ledger
 * (/api/sharing/ledger), mutual administrative assistance (/api/assistance). Reading needs `sharing:read` or
 * `assistance:read`; changing `sharing:write` or `assistance:manage`.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/server/context.ts';
import { Pusher } from '../pusher.ts';
import { assistanceRoutes } from './assistance.ts';
import { checkpointRoutes } from './checkpoints.ts';
import { groupRoutes } from './groups.ts';
import { ledgerRoutes } from './ledger.ts';
import { messageRoutes } from './messages.ts';
import { partnerRoutes } from './partners.ts';
import { pushRoutes } from './push.ts';
import { stixRoutes } from './stix.ts';
import { taxiiRoutes } from './taxii.ts';

export async function sharingRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  // Processes that run the job queue push a message as soon as it is sent (pusher.ts); tests' apps do not.
  const pusher = context.jobs.isStarted
    ? new Pusher(context.database, context.config.sharingKeyFile, context.logger)
    : null;
  if (pusher) {
    app.addHook('onReady', async () => pusher.start());
    app.addHook('onClose', async () => pusher.stop());
  }
  partnerRoutes(app, context);
  groupRoutes(app, context);
  messageRoutes(app, context, pusher);
  ledgerRoutes(app, context);
  assistanceRoutes(app, context);
  pushRoutes(app, context);
  stixRoutes(app, context);
  taxiiRoutes(app, context);
  checkpointRoutes(app, context);
}
