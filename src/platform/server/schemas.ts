/** Schema pieces shared by the routes of several modules. */
import { z } from 'zod';

/** `limit` (1–500, default 50) and `offset` query parameters of every paged list. */
export const pagingQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

/** The answer of a paged list: `{ total, limit, offset, items }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(item),
  });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * A score or share in [0, 1] from a query string, for comparison with a `real` column. PostgreSQL refuses a
 * parameter below real's smallest normal number (5e-324 is "out of range for type real"): such a value means 0.
 */
export const scoreQuery = z.coerce
  .number()
  .min(0)
  .max(1)
  .transform((v) => (v < 1e-30 ? 0 : v));
