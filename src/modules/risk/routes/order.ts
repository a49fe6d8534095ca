/** GET /api/risk/decisions/:id/order.pdf: the printable inspection order of a decision (risk/order.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/store.ts';
import { actorFrom } from '../../../platform/auth/actor.ts';
import { officeScope } from '../../../platform/auth/scope.ts';
import { NotFoundError } from '../../../platform/lib/errors.ts';
import type { AppContext } from '../../../platform/server/context.ts';
import { errorSchema } from '../../../platform/server/errors.ts';
import { inspectionOrder, ORDER_LANGS, type OrderLang, renderInspectionOrder } from '../order.ts';
import { idParams } from './shared.ts';

// The typed reply knows the JSON answers only (404); the PDF's bytes go through the untyped reply.
const sendBytes = (reply: FastifyReply, body: Buffer) => reply.send(body);

/** The language asked, else the first of the browser's languages Vigie writes, else French. */
function orderLang(request: FastifyRequest, asked: OrderLang | undefined): OrderLang {
  if (asked) return asked;
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((ORDER_LANGS as readonly string[]).includes(code)) return code as OrderLang;
  }
  return 'fr';
}

export function orderRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/risk/decisions/:id/order.pdf',
    {
      config: { permission: 'risk:read' },
      schema: {
        summary:
          'The printable inspection order of a decision (PDF, A4): office, declaration, parties, items, channel and reasons, the inspection to carry out, a verification code, signature boxes',
        description:
          'In French, English or Arabic (`lang`, else the Accept-Language header, else French). Officers print their office’s decisions only. Every printing is audited (`risk.order_printed`).',
        tags: ['risk'],
        params: idParams,
        querystring: z.object({ lang: z.enum(ORDER_LANGS).optional() }),
        produces: ['application/pdf'],
        response: { 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const order = await inspectionOrder(database.db, id, officeScope(request));
      if (!order) throw new NotFoundError('risk.decision_not_found', `no decision #${id}`);
      const lang = orderLang(request, request.query.lang);
      const actor = actorFrom(request);
      await appendAudit(database, actor, {
        action: 'risk.order_printed',
        target_type: 'risk_decision',
        target_id: id,
        details: {
          reference: order.reference,
          office: order.office,
          channel: order.channel,
          lang,
          code: order.code,
        },
      });
      const pdf = await renderInspectionOrder(order, lang, { at: new Date(), by: actor.name });
      const file = `ordre-${order.reference.replace(/[^A-Za-z0-9_-]+/g, '-')}-${lang}.pdf`;
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${file}"`);
      reply.header('cache-control', 'no-store');
      return sendBytes(reply, pdf);
    },
  );
}
