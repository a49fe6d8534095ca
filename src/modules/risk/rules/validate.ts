/**
 * Reading and checking a profile document: YAML or JSON text (or an already parsed object) → a valid document, or
 * every problem located by its path in the document (`rules[2].when.all[0].range.gte`) and, for text, its line.
 * Beyond the structure (zod), the meaning is checked: fields and indicators exist, operators suit their type,
 * rule identifiers are unique, and the watchlists and campaigns named exist (when the caller knows them).
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { indicatorOf } from '../indicators/registry.ts';
import { fieldOf, type ValueType } from './fields.ts';
import {
  type Condition,
  type Leaf,
  OPERATORS,
  type ProfileDocument,
  profileDocumentSchema,
} from './schema.ts';

export interface RuleProblem {
  /** Where in the document: rules[2].when.all[0].range */
  path: string;
  /** 1-based line in the text, when the document came as text. */
  line?: number | undefined;
  message: string;
}

export type ValidationResult =
  | { ok: true; document: ProfileDocument; problems: [] }
  | { ok: false; problems: RuleProblem[] };

export interface KnownNames {
  watchlists?: ReadonlySet<string>;
  campaigns?: ReadonlySet<string>;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(document)';
}

export function formatProblems(problems: readonly RuleProblem[]): string {
  return problems.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.path}: ${p.message}`).join('\n');
}

/** Operators and the value types they apply to. */
const OPERATOR_TYPES: Record<(typeof OPERATORS)[number], readonly ValueType[]> = {
  equals: ['text', 'number', 'boolean', 'date', 'list'],
  in: ['text', 'number', 'date', 'list'],
  hs_prefix: ['text', 'list'],
  range: ['number'],
  regex: ['text', 'list'],
  exists: ['text', 'number', 'boolean', 'date', 'list'],
  older_than: ['date'],
  newer_than: ['date'],
  in_watchlist: ['text', 'list'],
};

function checkMeaning(
  condition: Condition,
  path: (string | number)[],
  problems: { path: (string | number)[]; message: string }[],
  known: KnownNames,
): void {
  if ('all' in condition) {
    condition.all.forEach((c, i) => {
      checkMeaning(c, [...path, 'all', i], problems, known);
    });
    return;
  }
  if ('any' in condition) {
    condition.any.forEach((c, i) => {
      checkMeaning(c, [...path, 'any', i], problems, known);
    });
    return;
  }
  if ('not' in condition) {
    checkMeaning(condition.not, [...path, 'not'], problems, known);
    return;
  }
  const leaf = condition as Leaf;
  let type: ValueType | undefined;
  if (leaf.field !== undefined) {
    const field = fieldOf(leaf.field);
    if (!field)
      problems.push({
        path: [...path, 'field'],
        message: `unknown field "${leaf.field}" (fields are the native format's: item.hs_code, importer.code, attributes.<name>…)`,
      });
    else type = field.type;
  } else if (leaf.indicator !== undefined) {
    const indicator = indicatorOf(leaf.indicator);
    if (!indicator)
      problems.push({
        path: [...path, 'indicator'],
        message: `unknown indicator "${leaf.indicator}" (see vigie risk indicators)`,
      });
    else type = indicator.type;
  }
  const op = OPERATORS.find((o) => leaf[o] !== undefined);
  if (op && type && !OPERATOR_TYPES[op].includes(type))
    problems.push({
      path: [...path, op],
      message: `${op} does not apply to ${leaf.field ?? leaf.indicator}, a ${type} value`,
    });
  if (op === 'equals' && type) {
    const v = leaf.equals;
    const expected = type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'string';
    if (typeof v !== expected)
      problems.push({
        path: [...path, 'equals'],
        message: `expected a ${expected} to compare with a ${type} value`,
      });
  }
  if (leaf.in_watchlist !== undefined && known.watchlists && !known.watchlists.has(leaf.in_watchlist))
    problems.push({ path: [...path, 'in_watchlist'], message: `no watchlist named "${leaf.in_watchlist}"` });
}

/** Checks a parsed document (an object). */
export function validateDocument(value: unknown, known: KnownNames = {}): ValidationResult {
  const parsed = profileDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const problems: RuleProblem[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys)
          problems.push({ path: formatPath([...issue.path, k]), message: `unknown key "${k}"` });
      } else problems.push({ path: formatPath(issue.path), message: issue.message });
    }
    return { ok: false, problems };
  }
  const document = parsed.data;
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, number>();
  document.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined)
      problems.push({
        path: ['rules', i, 'id'],
        message: `rule id "${rule.id}" is already used by rules[${first}]`,
      });
    else seen.set(rule.id, i);
    checkMeaning(rule.when, ['rules', i, 'when'], problems, known);
    if (rule.effect.campaign && known.campaigns && !known.campaigns.has(rule.effect.campaign))
      problems.push({
        path: ['rules', i, 'effect', 'campaign'],
        message: `no campaign named "${rule.effect.campaign}"`,
      });
  });
  if (problems.length > 0)
    return { ok: false, problems: problems.map((p) => ({ path: formatPath(p.path), message: p.message })) };
  return { ok: true, document, problems: [] };
}

/** Parses YAML or JSON text and checks it; problems carry the line they point at. */
export function parseProfileText(text: string, known: KnownNames = {}): ValidationResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: '(document)',
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0]!,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb ("billion laughs") stops here, as a problem of the text rather than a server error.
    return {
      ok: false,
      problems: [{ path: '(document)', message: (error as Error).message.split('\n')[0]! }],
    };
  }
  const result = validateDocument(value, known);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path) })),
  };
}

function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else parts.push(m[1]!);
  }
  return parts;
}

/** The line of the deepest node of `path` present in the YAML document. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: string,
): number | undefined {
  if (path === '(document)') return undefined;
  let node: unknown = doc.contents;
  let found: unknown = node;
  for (const part of pathParts(path)) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => (p.key as { value?: unknown } | null)?.value === part || String(p.key) === String(part),
      );
      if (!pair) break;
      // The key's own line, so a missing or bad value points at its key.
      found = pair.key ?? pair.value;
      node = pair.value;
      if (node) found = typeof part === 'string' && !isMap(node) && !isSeq(node) ? pair.key : node;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (!node) break;
      found = node;
    } else break;
  }
  const range = (found as { range?: [number, number, number] } | null)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}
