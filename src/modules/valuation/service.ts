/** Checking declaration lines against the stored references (the CLI's `check FILE` and the API). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import { type Finding, findingsFor, ReferenceIndex } from './check.ts';
import { loadReferences } from './references.ts';
import { getValuationSettings } from './settings.ts';

export interface LineFinding {
  reference: string;
  line_no: number;
  hs_code: string;
  origin_country: string | null;
  customs_value: number;
  currency: string | null;
  finding: Finding | null;
}

export async function checkLines(db: Kysely<DB>, lines: readonly DeclarationLine[]): Promise<LineFinding[]> {
  const settings = await getValuationSettings(db);
  const hs = lines.length > 2000 ? null : [...new Set(lines.map((l) => l.item.hs_code))];
  const references = new ReferenceIndex(await loadReferences(db, hs));
  const findings = findingsFor(lines, references, settings);
  return lines.map((l, i) => ({
    reference: l.reference,
    line_no: l.item.line_no,
    hs_code: l.item.hs_code,
    origin_country: l.item.origin_country,
    customs_value: l.item.customs_value,
    currency: l.currency,
    finding: findings[i] ?? null,
  }));
}
