/**
 * Who did something, from where: the signed-in user of a request, the person at the command line, or a named
 * system task. Every audit entry and every job records one.
 */
import { userInfo } from 'node:os';
import type { FastifyRequest } from 'fastify';

/** `id` is null for the command line and for system work. */
export interface Actor {
  id: number | null;
  name: string;
  ip: string | null;
}

/** The user behind a request (after authorisation), with the address it came from. */
export const actorFrom = (request: FastifyRequest): Actor => ({
  id: request.user?.id ?? null,
  name: request.user?.username ?? 'anonymous',
  ip: request.ip,
});

/** The person at the command line, by their system account. */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {}
  return { id: null, name: `cli:${name}`, ip: null };
}
