/**
 * A readable difference between two versions of a rule profile, computed on the parsed documents (not on their
 * text): rules added, removed and changed (by rule id), with each changed field old → new — title, rationale,
 * instructions, intelligence, enabled, critical, probability, the condition (written out as one line), points
 * (the weight), channel, tags, campaign — and the scoring settings that changed (thresholds, minimum scores,
 * weights), by path. Used by four-eyes activation requests, `GET /api/risk/profiles/:id/diff` and
 * `vigie risk profiles diff A B`.
 */
import type { Condition, ProfileDocument, Rule } from './schema.ts';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface RuleRef {
  id: string;
  title: Rule['title'];
}

export interface ProfileDiff {
  description: FieldChange | null;
  scoring: FieldChange[];
  rules: {
    added: RuleRef[];
    removed: RuleRef[];
    changed: (RuleRef & { fields: FieldChange[] })[];
    unchanged: number;
  };
}

/** JSON with sorted keys: two values are equal when their canonical texts are. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function scalarText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(scalarText).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${scalarText(v)}`)
      .join(', ')} }`;
  return String(value);
}

/** A condition on one line: `all(item.hs_code hs_prefix ["61", "62"], valuation.ratio range { lt: 0.4 })`. */
export function conditionText(condition: Condition): string {
  if ('all' in condition) return `all(${condition.all.map(conditionText).join(', ')})`;
  if ('any' in condition) return `any(${condition.any.map(conditionText).join(', ')})`;
  if ('not' in condition) return `not(${conditionText(condition.not)})`;
  const { field, indicator, ...operator } = condition;
  const subject = field ?? indicator ?? '?';
  const parts = Object.entries(operator)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${scalarText(v)}`);
  return `${subject} ${parts.join(' ')}`;
}

/** The fields of a rule as they are compared and shown. */
function ruleFields(rule: Rule): Record<string, unknown> {
  return {
    title: rule.title,
    rationale: rule.rationale,
    instructions: rule.instructions ?? null,
    intelligence: rule.intelligence ?? null,
    enabled: rule.enabled,
    critical: rule.critical,
    probability: rule.probability ?? null,
    condition: conditionText(rule.when),
    points: rule.effect.points,
    channel: rule.effect.channel ?? null,
    tags: rule.effect.tags,
    campaign: rule.effect.campaign ?? null,
  };
}

/** Leaves of a settings object, by dotted path. */
function flatten(value: unknown, path: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, value ?? null);
}

export function diffProfiles(before: ProfileDocument, after: ProfileDocument): ProfileDiff {
  const oldRules = new Map(before.rules.map((r) => [r.id, r]));
  const newRules = new Map(after.rules.map((r) => [r.id, r]));
  const added: RuleRef[] = [];
  const removed: RuleRef[] = [];
  const changed: ProfileDiff['rules']['changed'] = [];
  let unchanged = 0;
  for (const rule of after.rules) {
    const old = oldRules.get(rule.id);
    if (!old) {
      added.push({ id: rule.id, title: rule.title });
      continue;
    }
    const a = ruleFields(old);
    const b = ruleFields(rule);
    const fields = Object.keys(b)
      .filter((k) => !same(a[k], b[k]))
      .map((k) => ({ field: k, old: a[k], new: b[k] }));
    if (fields.length) changed.push({ id: rule.id, title: rule.title, fields });
    else unchanged++;
  }
  for (const rule of before.rules)
    if (!newRules.has(rule.id)) removed.push({ id: rule.id, title: rule.title });

  const oldScoring = new Map<string, unknown>();
  const newScoring = new Map<string, unknown>();
  flatten(before.scoring, '', oldScoring);
  flatten(after.scoring, '', newScoring);
  const scoring: FieldChange[] = [];
  for (const key of [...new Set([...oldScoring.keys(), ...newScoring.keys()])].sort()) {
    const a = oldScoring.get(key) ?? null;
    const b = newScoring.get(key) ?? null;
    if (!same(a, b)) scoring.push({ field: key, old: a, new: b });
  }
  const description = same(before.description ?? null, after.description ?? null)
    ? null
    : { field: 'description', old: before.description ?? null, new: after.description ?? null };
  return { description, scoring, rules: { added, removed, changed, unchanged } };
}

/** The diff without what only analysts may read: intelligence changes are said, not shown. */
export function publicDiff(diff: ProfileDiff): ProfileDiff {
  return {
    ...diff,
    rules: {
      ...diff.rules,
      changed: diff.rules.changed.map((r) => ({
        ...r,
        fields: r.fields.map((f) =>
          f.field === 'intelligence' ? { field: f.field, old: null, new: null } : f,
        ),
      })),
    },
  };
}

/** The diff as text, for the command line. */
export function diffText(diff: ProfileDiff, lang: 'en' | 'fr' = 'en'): string {
  const title = (t: Rule['title']) => (typeof t === 'string' ? t : t[lang]);
  const value = (v: unknown) =>
    v === null ? '—' : typeof v === 'string' ? v : typeof v === 'object' ? scalarText(v) : String(v);
  const lines: string[] = [];
  if (diff.description)
    lines.push(`~ description: ${value(diff.description.old)} → ${value(diff.description.new)}`);
  for (const s of diff.scoring) lines.push(`~ scoring.${s.field}: ${value(s.old)} → ${value(s.new)}`);
  for (const r of diff.rules.added) lines.push(`+ rule ${r.id}: ${title(r.title)}`);
  for (const r of diff.rules.removed) lines.push(`- rule ${r.id}: ${title(r.title)}`);
  for (const r of diff.rules.changed) {
    lines.push(`~ rule ${r.id}: ${title(r.title)}`);
    for (const f of r.fields) lines.push(`    ${f.field}: ${value(f.old)} → ${value(f.new)}`);
  }
  lines.push(`${diff.rules.unchanged} rule(s) unchanged`);
  return lines.join('\n');
}
