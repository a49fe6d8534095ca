/**
 * Which offices a caller sees: every office with `risk:all_offices` (analysts, auditors, admins), else only the
 * office of their account (officers); an account without an office sees none.
 */
import type { FastifyRequest } from 'fastify';

/** Matches no office code (codes are printable). */
const NO_OFFICE = '\u0000';

export function officeScope(request: FastifyRequest): { office: string | null } {
  const user = request.user;
  if (user?.permissions.has('risk:all_offices')) return { office: null };
  return { office: user?.office_code ?? NO_OFFICE };
}
