/**
 * Where Vigie is installed: the folder that holds package.json, profiles/, demo/ and web/. Files shipped with
 * Vigie are found from here, never from the working directory.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
