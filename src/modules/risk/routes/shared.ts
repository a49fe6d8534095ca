/** Schema pieces shared by the risk route files. */
import { z } from 'zod';
import { CHANNELS } from '../../declarations/index.ts';

export const channel = z.enum(CHANNELS);
export { positiveIdParams as idParams, reasonBody } from '../../../platform/server/route-kit.ts';
export const name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a name (a-z, 0-9, - and _)');
