/**
 * The architecture's rules hold on the source (test/architecture/boundaries.ts), and each rule names a
 * deliberate violation. `KNOWN` lists what the architecture step has not yet removed: it may only shrink, and the
 * test fails when an entry is no longer needed, so that the list cannot outlive its reason.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allViolations, readSources, type Violation } from './boundaries.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const key = (v: Violation) => `${v.rule} ${v.message}`;

// The architecture step in progress: each line goes when its file is fixed.
const KNOWN = new Set<string>([
  "foreign-table src/modules/risk/attachments.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/attachments.ts queries inspection_outcomes, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/attachments.ts queries declaration_items, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/attachments.ts queries uploads, a table of the platform: read it through that module's query functions",
  "foreign-table src/modules/risk/campaigns.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/campaigns.ts queries declaration_items, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/cli.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/decisions.ts queries inspection_outcomes, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/decisions.ts queries valuation_findings, a table of the valuation module: read it through that module's query functions",
  "foreign-table src/modules/risk/decisions.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/decisions.ts queries importers, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/decisions.ts queries declaration_items, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/history.ts queries inspection_outcomes, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/history.ts queries declaration_items, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/history.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/partners.ts queries companies, a table of the partners module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/partners.ts queries fx_payments, a table of the partners module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/partners.ts queries manifests, a table of the partners module: read it through that module's query functions",
  "foreign-table src/modules/risk/indicators/partners.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/lines.ts queries inspection_outcomes, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/lines.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/lines.ts queries declaration_items, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/lines.ts queries importers, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/lines.ts queries sellers, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/watchlists.ts queries inspection_outcomes, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/watchlists.ts queries manifests, a table of the partners module: read it through that module's query functions",
  "foreign-table src/modules/risk/watchlists.ts queries declarations, a table of the declarations module: read it through that module's query functions",
  "foreign-table src/modules/risk/watchlists.ts queries declaration_items, a table of the declarations module: read it through that module's query functions",
]);

it('the source follows the architecture rules', () => {
  const violations = allViolations(readSources(ROOT, ['src', 'web/src']));
  expect(violations.filter((v) => !KNOWN.has(key(v))).map((v) => v.message)).toEqual([]);
  const outlived = [...KNOWN].filter((k) => !violations.some((v) => key(v) === k));
  expect(outlived, 'fixed: remove these from KNOWN').toEqual([]);
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
