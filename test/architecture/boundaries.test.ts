/**
 * The architecture's rules hold on the source (test/architecture/boundaries.ts), with no exception left, and each
 * rule names a deliberate violation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allViolations, readSources } from './boundaries.ts';

const ROOT = join(import.meta.dirname, '..', '..');

it('the source follows the architecture rules', () => {
  const violations = allViolations(readSources(ROOT, ['src', 'web/src']));
  expect(violations.map((v) => v.message)).toEqual([]);
});

describe('names a deliberate violation', () => {
  const tables = [
    'src/platform/db/schema.ts',
    'export interface DB {\n  audit_log: AuditLogTable;\n}\n',
  ] as const;
  const declarationsTables = [
    'src/modules/declarations/tables.ts',
    "declare module '../../platform/db/schema.ts' {\n  interface DB {\n    declarations: DeclarationsTable;\n  }\n}\n",
  ] as const;
  const check = (files: Record<string, string>) =>
    allViolations(new Map([tables, declarationsTables, ...Object.entries(files)])).map(
      (v) => `${v.rule}: ${v.file}`,
    );

  it('the platform importing a module or the composition root', () => {
    expect(
      check({
        'src/platform/server/app.ts': "import { riskRoutes } from '../../modules/risk/routes.ts';\n",
        'src/platform/jobs/cli.ts': "import type { registry } from '../../app/modules.ts';\n",
        'src/modules/risk/routes.ts': 'export const riskRoutes = 1;\n',
        'src/app/modules.ts': 'export const registry = 1;\n',
      }),
    ).toEqual([
      'platform-imports-module: src/platform/server/app.ts',
      'platform-imports-module: src/platform/jobs/cli.ts',
    ]);
  });

  it("a module using another module's internals, or the composition root", () => {
    expect(
      check({
        'src/modules/risk/score.ts':
          "import { loadLines } from '../declarations/lines.ts';\nimport { x } from '../declarations/index.ts';\n",
        'src/modules/risk/score.test.ts': "import { f } from '../declarations/testing/fixtures.ts';\n",
        'src/modules/risk/cli.ts': "import { registry } from '../../app/modules.ts';\n",
        'src/modules/declarations/lines.ts': 'export const loadLines = 1;\n',
        'src/modules/declarations/index.ts': 'export const x = 1;\n',
        'src/modules/declarations/testing/fixtures.ts': 'export const f = 1;\n',
        'src/app/modules.ts': "import { registerModelLoader } from '../modules/risk/model.ts';\n",
        'src/modules/risk/model.ts': 'export const registerModelLoader = 1;\n',
      }),
    ).toEqual([
      'module-internals: src/modules/risk/score.ts',
      'module-internals: src/modules/risk/cli.ts',
      'app-internals: src/app/modules.ts',
    ]);
  });

  it('a cycle between files, through a type import too', () => {
    expect(
      check({
        'web/src/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
        'web/src/b.ts':
          "// import { nothing } from './c.ts'\nimport { a } from './a.ts';\nexport type B = 1;\n",
      }),
    ).toEqual(['cycle: web/src/a.ts']);
  });

  it("a query of another module's table, with Kysely or in SQL, and not a mere mention", () => {
    expect(
      check({
        'src/modules/risk/queue.ts': "db.selectFrom('declarations as d').selectAll();\n",
        'src/modules/valuation/references.ts': 'sql`select count(*) from declarations d join x on true`;\n',
        'src/platform/ops/backup.ts': "db.insertInto('declarations').values({});\n",
        'src/modules/declarations/store.ts': "db.selectFrom('declarations');\n",
        'src/modules/imports/profile.ts':
          "const TARGETS = ['declarations', 'manifests']; // reads from declarations\n",
        'src/modules/reports/store.test.ts': "db.selectFrom('declarations');\n",
      }),
    ).toEqual([
      'foreign-table: src/modules/risk/queue.ts',
      'foreign-table: src/modules/valuation/references.ts',
      'foreign-table: src/platform/ops/backup.ts',
    ]);
  });

  it('a route file over 400 lines', () => {
    expect(
      check({
        'src/modules/risk/routes.ts': 'x\n'.repeat(401),
        'src/modules/risk/routes/profiles.ts': 'x\n'.repeat(399),
      }),
    ).toEqual(['route-file-size: src/modules/risk/routes.ts']);
  });
});
