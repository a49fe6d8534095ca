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

/** `cursor`: the `next_cursor` of the previous page of a list paged by keyset (opaque, base64url). */
export const cursorQuery = {
  cursor: z
    .string()
    .max(400)
    .optional()
    .describe('The next_cursor of the previous page: the page starts after its last row (keyset paging)'),
};

/**
 * The answer of a list paged by keyset or offset: `{ total, total_estimated, limit, offset, next_cursor, items }`.
 * `total` is exact up to 1,000 matching rows and the planner's estimate beyond (`total_estimated: true`).
 */
export const keysetPageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    total: z.number().int(),
    total_estimated: z.boolean().describe('true when total is an estimate (more than 1,000 rows match)'),
    limit: z.number().int(),
    offset: z.number().int(),
    next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
    items: z.array(item),
  });

// A day of the calendar: 9999-99-99 matches the pattern but is no date (the database would answer a 500).
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
  }, 'expected a real date, YYYY-MM-DD');

/**
 * A score or share in [0, 1] from a query string, for comparison with a `real` column. PostgreSQL refuses a
 * parameter below real's smallest normal number (5e-324 is "out of range for type real"): such a value means 0.
 */
export const scoreQuery = z.coerce
  .number()
  .min(0)
  .max(1)
  .transform((v) => (v < 1e-30 ? 0 : v));
