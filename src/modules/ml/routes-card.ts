/** A model's card over HTTP: read it, (re)generate it, export it as Markdown or PDF (audited). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import { actorFrom } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/server/context.ts';
import { errorSchema } from '../../platform/server/errors.ts';
import { errorResponses, getOneRoute, positiveIdParams } from '../../platform/server/route-kit.ts';
import { generateCard, modelCardSchema, promotionSchema, requireCard } from './card.ts';
import { cardMarkdown, cardPdf } from './card-render.ts';

const cardResponse = z
  .object({ card: modelCardSchema, promotion: promotionSchema })
  .meta({ id: 'ModelCard' });

/** A file body on a route whose schema describes only its errors (the zod reply types allow no buffer). */
const sendFile = (reply: FastifyReply, body: string | Buffer) => reply.send(body);

export function modelCardRoutes(app: FastifyInstance, { database }: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  getOneRoute(
    typed,
    '/api/models/:id/card',
    {
      permission: 'models:read',
      tag: 'models',
      summary: "The model's newest card, with who promoted it and when",
      params: positiveIdParams,
      response: cardResponse,
    },
    async ({ id }) => requireCard(database.db, id),
  );

  typed.post(
    '/api/models/:id/card',
    {
      config: { permission: 'models:manage' },
      schema: {
        summary:
          'Generate the card again from the registry entry and the declarations after training (audited)',
        tags: ['models'],
        params: positiveIdParams,
        response: { 201: cardResponse, 404: errorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await generateCard(database, actorFrom(request), request.params.id)),
  );

  typed.get(
    '/api/models/:id/card/export',
    {
      config: { permission: 'models:read' },
      schema: {
        summary: 'The card as Markdown or PDF (audited)',
        tags: ['models'],
        params: positiveIdParams,
        querystring: z.object({ format: z.enum(['md', 'pdf']).default('pdf') }),
        produces: ['text/markdown', 'application/pdf'],
        response: { ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format } = request.query;
      const card = await requireCard(database.db, id);
      const body = format === 'md' ? cardMarkdown(card) : await cardPdf(card);
      await appendAudit(database, actorFrom(request), {
        action: 'model.card_exported',
        target_type: 'model',
        target_id: id,
        details: { format, generated_at: card.card.generated_at },
      });
      reply.header('content-type', format === 'md' ? 'text/markdown; charset=utf-8' : 'application/pdf');
      reply.header('content-disposition', `attachment; filename="vigie-model-${id}-card.${format}"`);
      return sendFile(reply, body);
    },
  );
}
