/** Schema pieces shared by the risk route files. */
import { z } from 'zod';
import { CHANNELS } from '../../declarations/index.ts';

export const channel = z.enum(CHANNELS);
export { positiveIdParams as idParams, reasonBody } from '../../../platform/server/route-kit.ts';
export const name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a name (a-z, 0-9, - and _)');
/** An analyst's text: one for every language, or one per language (Arabic optional: without it Arabic reads French). */
export const localText = z.union([
  z.string(),
  z.object({ en: z.string(), fr: z.string(), ar: z.string().optional() }),
]);
/** A text in English, French and Arabic (rows stored before Arabic existed answer their French text as `ar`). */
export const texts = z.object({ en: z.string(), fr: z.string(), ar: z.string() });
