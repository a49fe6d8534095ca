#!/usr/bin/env node
// Entry point of the `vigie` command: runs the TypeScript sources through tsx (no build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/app/main.ts');
