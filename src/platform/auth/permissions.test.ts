import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { permissionMatrixMarkdown, permissionsOf, ROLE_PERMISSIONS, ROLES } from './permissions.ts';

it('is documented in docs/security.md exactly as enforced', () => {
  const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
  const table = doc
    .split('<!-- permission-matrix:start -->')[1]
    ?.split('<!-- permission-matrix:end -->')[0]
    ?.trim();
  expect(table).toBe(permissionMatrixMarkdown());
});

it('gives the auditor no permission to change anything, and admins all', () => {
  expect([...permissionsOf(['auditor'])].filter((p) => /write|manage/.test(p))).toEqual([]);
  expect(permissionsOf(['admin']).size).toBe(new Set(Object.values(ROLE_PERMISSIONS).flat()).size);
  expect(ROLES.every((r) => ROLE_PERMISSIONS[r].includes('session'))).toBe(true);
  expect([...permissionsOf(['officer', 'auditor'])]).toContain('audit:read');
});
