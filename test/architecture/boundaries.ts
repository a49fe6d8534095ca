/**
 * The architecture's rules, checked over the source files as text (docs/architecture.md, "Layers and boundaries"):
 *
 * 1. `src/platform/` imports no module and not the composition root.
 * 2. A module imports another module only through its `index.ts` (its one public face); a test file may also use
 *    another module's `testing/` helpers. No module imports the composition root.
 * 3. The composition root (`src/app/`) imports a module through its `index.ts` or its `module.ts` (the object it
 *    registers).
 * 4. No import cycle between files (type imports included), in `src/` and `web/src/`.
 * 5. Each table is queried only by its owner: the module whose `tables.ts` declares it (the platform's own in
 *    `src/platform/db/schema.ts`). Test files and the migrations (the shared history) are exempt.
 * 6. No route file over 400 lines.
 *
 * Pure functions over a map of path → text, so that a test can feed a deliberate violation and see it named.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export type SourceFiles = ReadonlyMap<string, string>;

export interface Violation {
  rule:
    | 'platform-imports-module'
    | 'module-internals'
    | 'app-internals'
    | 'cycle'
    | 'foreign-table'
    | 'route-file-size';
  file: string;
  message: string;
}

/** Every .ts/.tsx file under the given folders of `root`, by path relative to `root`. */
export function readSources(root: string, folders: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry)) files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1];

export interface Import {
  from: string;
  to: string;
}

/**
 * Relative imports and re-exports of every file (static and dynamic, type imports included), resolved to
 * repository paths. TypeScript's own pre-processor reads them, so that an import in a comment or a string is not
 * taken for one.
 */
export function importsOf(files: SourceFiles): Import[] {
  const found: Import[] = [];
  for (const [file, text] of files) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('./') && !fileName.startsWith('../')) continue;
      found.push({ from: file, to: normalize(join(dirname(file), fileName)) });
    }
  }
  return found;
}

export function importViolations(files: SourceFiles): Violation[] {
  const violations: Violation[] = [];
  for (const { from, to } of importsOf(files)) {
    if (!from.startsWith('src/')) continue;
    const target = moduleOf(to);
    if (from.startsWith('src/platform/') && !isTest(from)) {
      if (target || to.startsWith('src/app/'))
        violations.push({
          rule: 'platform-imports-module',
          file: from,
          message: `${from} imports ${to}: the platform depends on no module (hand it what it needs through its context)`,
        });
      continue;
    }
    const source = moduleOf(from);
    if (source) {
      if (to.startsWith('src/app/') && !isTest(from))
        violations.push({
          rule: 'module-internals',
          file: from,
          message: `${from} imports ${to}: a module never imports the composition root`,
        });
      if (!target || target === source) continue;
      const face = to === `src/modules/${target}/index.ts`;
      const testing = isTest(from) && to.startsWith(`src/modules/${target}/testing/`);
      if (!face && !testing)
        violations.push({
          rule: 'module-internals',
          file: from,
          message: `${from} imports ${to}: use the ${target} module's index.ts, its one public face`,
        });
      continue;
    }
    if (from.startsWith('src/app/') && target && !isTest(from)) {
      if (to !== `src/modules/${target}/index.ts` && to !== `src/modules/${target}/module.ts`)
        violations.push({
          rule: 'app-internals',
          file: from,
          message: `${from} imports ${to}: the composition root uses a module's index.ts or module.ts`,
        });
    }
  }
  return violations;
}

/** File cycles (strongly connected components of more than one file, or a file importing itself). */
export function cycleViolations(files: SourceFiles): Violation[] {
  const graph = new Map<string, string[]>();
  const known = (path: string) =>
    files.has(path)
      ? path
      : files.has(`${path}.ts`)
        ? `${path}.ts`
        : files.has(`${path}.tsx`)
          ? `${path}.tsx`
          : null;
  for (const file of files.keys()) graph.set(file, []);
  for (const { from, to } of importsOf(files)) {
    const target = known(to);
    if (target) graph.get(from)!.push(target);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles.map((c) => ({ rule: 'cycle', file: c[0]!, message: `import cycle: ${c.join(' → ')}` }));
}

/** Which tables each owner declares: the platform's schema and each module's tables.ts (`interface DB` blocks). */
export function tableOwners(files: SourceFiles): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [file, text] of files) {
    const owner =
      file === 'src/platform/db/schema.ts'
        ? 'platform'
        : /^src\/modules\/([^/]+)\/tables\.ts$/.exec(file)?.[1];
    if (!owner) continue;
    for (const block of text.matchAll(/interface DB \{([^}]*)\}/g))
      for (const m of block[1]!.matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)) owners.set(m[1]!, owner);
  }
  return owners;
}

export interface Literal {
  /** The literal's text (`${…}` parts replaced by `?`). */
  body: string;
  /** The code just before it: a call such as `selectFrom(`, or a tag such as `sql`. */
  before: string;
}

/** A file's string and template literals, comments skipped: where SQL and table names live. */
export function literalsOf(text: string): Literal[] {
  const literals: Literal[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let body = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          body += text[j + 1] ?? '';
          j += 2;
          continue;
        }
        if (c === '`' && text[j] === '$' && text[j + 1] === '{') {
          let depth = 1;
          j += 2;
          while (j < text.length && depth > 0) {
            if (text[j] === '{') depth++;
            else if (text[j] === '}') depth--;
            j++;
          }
          body += ' ? ';
          continue;
        }
        body += text[j];
        j++;
      }
      literals.push({ body, before: text.slice(Math.max(0, i - 24), i) });
      i = j + 1;
    } else i++;
  }
  return literals;
}

/** A Kysely call that takes a table name (or `table as alias`) as its first argument. */
const KYSELY_CALL =
  /(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|\.table|\.into|\.using)\(\s*\[?\s*$/;
const KYSELY_TABLE = /^([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?$/;
/** SQL text: a `sql` template, or a string that reads as a statement. */
const SQL_TEXT = /^\s*(?:select|insert|update|delete|with|truncate|create|alter|drop)\b/i;
const SQL_TABLE = /\b(?:from|join|into|update|truncate|table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Tables a file names in queries: in a Kysely call, or after a SQL keyword in SQL text. */
export function tablesNamed(text: string, tables: ReadonlySet<string>): Set<string> {
  const named = new Set<string>();
  for (const { body, before } of literalsOf(text)) {
    if (KYSELY_CALL.test(before)) {
      const whole = KYSELY_TABLE.exec(body.trim());
      if (whole && tables.has(whole[1]!)) named.add(whole[1]!);
    }
    if (/\bsql(\.raw\()?\s*$/.test(before) || SQL_TEXT.test(body)) {
      for (const m of body.matchAll(SQL_TABLE)) {
        const name = m[1]!.toLowerCase();
        if (tables.has(name)) named.add(name);
      }
    }
  }
  return named;
}

export function tableViolations(files: SourceFiles): Violation[] {
  const owners = tableOwners(files);
  const tables = new Set(owners.keys());
  const violations: Violation[] = [];
  for (const [file, text] of files) {
    if (
      !file.startsWith('src/') ||
      isTest(file) ||
      file.includes('/migrations/') ||
      file.includes('/testing/')
    )
      continue;
    if (/\/tables\.ts$/.test(file) || file === 'src/platform/db/schema.ts') continue;
    const self = file.startsWith('src/platform/') ? 'platform' : moduleOf(file);
    if (!self) continue;
    for (const table of tablesNamed(text, tables)) {
      const owner = owners.get(table)!;
      if (owner !== self)
        violations.push({
          rule: 'foreign-table',
          file,
          message: `${file} queries ${table}, a table of ${owner === 'platform' ? 'the platform' : `the ${owner} module`}: read it through that module's query functions`,
        });
    }
  }
  return violations;
}

export const MAX_ROUTE_FILE_LINES = 400;

export function routeFileViolations(files: SourceFiles): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of files) {
    if (!file.startsWith('src/') || isTest(file) || !/(^|\/)routes(\/|\.ts$|-)/.test(file)) continue;
    const lines = text.split('\n').length;
    if (lines > MAX_ROUTE_FILE_LINES)
      violations.push({
        rule: 'route-file-size',
        file,
        message: `${file} has ${lines} lines: split route files by resource (at most ${MAX_ROUTE_FILE_LINES})`,
      });
  }
  return violations;
}

export function allViolations(files: SourceFiles): Violation[] {
  return [
    ...importViolations(files),
    ...cycleViolations(files),
    ...tableViolations(files),
    ...routeFileViolations(files),
  ];
}
