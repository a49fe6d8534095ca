/** The partner installation behind a signed request (push, pull, checkpoints), with its refusals and reads audited. */
import type { FastifyRequest } from 'fastify';
import type { AuditInput } from '../../../platform/audit/store.ts';
import { appendAudit } from '../../../platform/audit/store.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/lib/errors.ts';

/** The key id a signed request names, as an audit target (a refused request may name anything). */
export const keyIdOf = (request: FastifyRequest) =>
  String(request.headers['x-vigie-key-id'] ?? '').slice(0, 64);

/** The audit actor of a partner installation's request. */
export const partnerActor = (request: FastifyRequest, partner: { code: string }) => ({
  id: null,
  name: `partner:${partner.code}`,
  ip: request.ip,
});

/**
 * Runs `authenticate` on a partner's signed request; a refusal (an AppError) is audited as `refused`, by an
 * anonymous actor, with the error's code and reason added to its details, then thrown again.
 */
export async function authenticatedPartner<P>(
  database: Database,
  request: FastifyRequest,
  authenticate: () => Promise<P>,
  refused: Omit<AuditInput, 'details'> & { details?: Record<string, unknown> },
): Promise<P> {
  try {
    return await authenticate();
  } catch (error) {
    if (error instanceof AppError)
      await appendAudit(
        database,
        { id: null, name: 'anonymous', ip: request.ip },
        { ...refused, details: { code: error.code, reason: error.message, ...refused.details } },
      );
    throw error;
  }
}

/** Audits what a partner installation read (the feed, the checkpoints), targeting the partner. */
export const auditPartnerRead = (
  database: Database,
  request: FastifyRequest,
  partner: { code: string },
  action: string,
  details: Record<string, unknown>,
) =>
  appendAudit(database, partnerActor(request, partner), {
    action,
    target_type: 'sharing_partner',
    target_id: partner.code,
    details,
  });
