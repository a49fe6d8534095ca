/**
 * The lines risk scoring works on: a `DeclarationLine` (the normalised shape shared with imports and the ML module)
 * with its database identifiers when it is stored. Loaded set-based by the declarations module
 * (`loadStoredLines`): one query for a whole period or office-day.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type DeclarationLine, loadStoredLines, type StoredLineFilter } from '../declarations/index.ts';

export type LineFilter = StoredLineFilter;

export interface ScoringLine extends DeclarationLine {
  /** Null for a declaration scored before it is stored. */
  item_id: number | null;
  declaration_id: number | null;
}

/** Lines in (lodged_on, reference, line_no) order. */
export function loadLines(db: Kysely<DB>, filter: LineFilter): Promise<ScoringLine[]> {
  return loadStoredLines(db, filter);
}

/** A line read from a file or a request (not stored): no identifiers. */
export function unstoredLine(line: DeclarationLine): ScoringLine {
  return { ...line, item_id: null, declaration_id: null };
}

/** Lines grouped by declaration reference, in first-seen order. */
export function byDeclaration<T extends { reference: string }>(lines: readonly T[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const ref = lines[i]!.reference;
    const g = groups.get(ref);
    if (g) g.push(i);
    else groups.set(ref, [i]);
  }
  return groups;
}
