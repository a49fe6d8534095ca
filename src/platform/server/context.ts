import type { Permission } from '../auth/permissions.ts';
import type { AuthUser } from '../auth/user.ts';

export type { AppContext } from '../module.ts';
export type { Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What a caller needs to use the route: a permission of the matrix (src/platform/auth/permissions.ts), or
     * 'public'. Every route under /api/ must say (checked when the route is registered).
     */
    permission?: Permission | 'public';
    /** The route answers a stream that stays open until the client leaves (server-sent events to every user). */
    stream?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in user, set by the authorisation hook on routes that need one. */
    user: AuthUser | null;
  }
}
