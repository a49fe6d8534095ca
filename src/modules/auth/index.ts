/** The auth module's public face: what other modules and the composition root may use. */
export { createDemoUsers } from './demo-users.ts';
export { createApiToken, createUser } from './service.ts';
export { countUsers } from './store.ts';
