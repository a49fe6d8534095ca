/** Schema pieces the graph's route files share, and what a caller may see. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isoDate } from '../../../platform/server/schemas.ts';
import { ENTITY_TYPES, LINK_TYPES, OSINT_TYPES } from '../keys.ts';

export const entityType = z.enum(ENTITY_TYPES);
export { idParams } from '../../../platform/server/route-kit.ts';
/** An entity by id (`123`) or by `type:value` (`phone:+212612345678`, `company:7IPEL2O`, `online_seller:12`). */
export const entityRef = z
  .string()
  .min(1)
  .max(500)
  .regex(/^(\d+|[a-z_]+:.+)$/, 'expected an entity id or type:value (e.g. phone:+212612345678)');
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(30));
export const filterQuery = {
  types: list(entityType).optional(),
  link_types: list(z.enum(LINK_TYPES)).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
};

export const evidenceSchema = z.object({
  link_id: z.number().int(),
  type: z.string(),
  source_table: z.string(),
  source_id: z.string(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  confidence: z.number(),
});

export const nodeSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    key: z.string(),
    label: z.string(),
    hub: z.boolean(),
    depth: z.number().int().optional(),
    attributes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'GraphNode' });

export const edgeSchema = z
  .object({
    source: z.number().int(),
    target: z.number().int(),
    types: z.array(z.string()),
    links: z.number().int(),
    evidence: z.array(evidenceSchema),
  })
  .meta({ id: 'GraphEdge' });

/** Entity types the caller may not see: online-only entities need `osint:read` as well. */
export const hiddenFor = (request: FastifyRequest): readonly string[] =>
  request.user?.permissions.has('osint:read') ? [] : OSINT_TYPES;
