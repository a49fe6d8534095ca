import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_DIR } from './paths.ts';

/** Vigie's version, from package.json. */
export const VERSION = (
  JSON.parse(readFileSync(join(INSTALL_DIR, 'package.json'), 'utf8')) as { version: string }
).version;
