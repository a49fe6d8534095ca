/**
 * Goods lines of a seizure: what was seized, line by line (description, HS code, category, quantity and unit, net
 * mass, value, brand and rights holder, health risk). The lines are the truth; the seizure keeps its one-line goods
 * columns as their summary (line 1's description, HS code, category, brand and rights holder; quantity summed when
 * every line has the same unit; net mass and value summed; health risk when any line has one), so that a reader of
 * the one-line shape sees a seizure as before. Pure apart from the two SQL helpers at the end.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { SeizureCategory } from './model.ts';
import type { SeizureLinesTable } from './tables.ts';

/** The goods fields of a line, in this order everywhere (the one-line shape of a seizure, the import's line fields). */
export const LINE_FIELDS = [
  'description',
  'hs_code',
  'category',
  'quantity',
  'unit',
  'net_mass_kg',
  'estimated_value',
  'brand',
  'rights_holder',
  'health_risk',
] as const;

export interface LineInput {
  description: string;
  hs_code?: string | null | undefined;
  category: SeizureCategory;
  quantity?: number | null | undefined;
  unit?: string | null | undefined;
  net_mass_kg?: number | null | undefined;
  estimated_value?: number | null | undefined;
  brand?: string | null | undefined;
  rights_holder?: string | null | undefined;
  health_risk?: boolean | undefined;
}

export interface LineColumns {
  description: string;
  hs_code: string | null;
  category: SeizureCategory;
  quantity: number | null;
  unit: string | null;
  net_mass_kg: number | null;
  estimated_value: number | null;
  brand: string | null;
  rights_holder: string | null;
  health_risk: boolean;
}

export const lineColumns = (line: LineInput): LineColumns => ({
  description: line.description,
  hs_code: line.hs_code ?? null,
  category: line.category,
  quantity: line.quantity ?? null,
  unit: line.unit ?? null,
  net_mass_kg: line.net_mass_kg ?? null,
  estimated_value: line.estimated_value ?? null,
  brand: line.brand ?? null,
  rights_holder: line.rights_holder ?? null,
  health_risk: line.health_risk ?? false,
});

/** Sum of the non-null values; null when none has one. */
function sumOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.round(known.reduce((a, v) => a + v, 0) * 1e6) / 1e6 : null;
}

/** The seizure's one-line goods columns as the summary of its lines (at least one). */
export function lineSummary(lines: LineColumns[]): LineColumns {
  const first = lines[0]!;
  const units = new Set(lines.map((l) => l.unit));
  const sameUnit = units.size === 1 && lines.every((l) => l.quantity !== null);
  return {
    description: first.description,
    hs_code: first.hs_code,
    category: first.category,
    quantity: lines.length === 1 ? first.quantity : sameUnit ? sumOf(lines.map((l) => l.quantity)) : null,
    unit: lines.length === 1 || sameUnit ? first.unit : null,
    net_mass_kg: sumOf(lines.map((l) => l.net_mass_kg)),
    estimated_value: sumOf(lines.map((l) => l.estimated_value)),
    brand: first.brand,
    rights_holder: first.rights_holder,
    health_risk: lines.some((l) => l.health_risk),
  };
}

export function lineView(r: Selectable<SeizureLinesTable>): { line_no: number } & LineColumns {
  return { line_no: r.line_no, ...lineColumns({ ...r, category: r.category as SeizureCategory }) };
}
export type LineView = ReturnType<typeof lineView>;

/** Replaces a seizure's lines by these, numbered 1, 2, … in order. */
export async function writeLines(session: Session, seizureId: number, lines: LineColumns[]): Promise<void> {
  await session.db.deleteFrom('seizure_lines').where('seizure_id', '=', seizureId).execute();
  await session.db
    .insertInto('seizure_lines')
    .values(lines.map((line, i) => ({ ...line, seizure_id: seizureId, line_no: i + 1 })))
    .execute();
}

/** The lines of these seizures, by seizure id, in line order. */
export async function linesOf(db: Kysely<DB>, seizureIds: number[]): Promise<Map<number, LineView[]>> {
  const byId = new Map<number, LineView[]>(seizureIds.map((id) => [id, []]));
  if (seizureIds.length === 0) return byId;
  const rows = await db
    .selectFrom('seizure_lines')
    .selectAll()
    .where('seizure_id', 'in', seizureIds)
    .orderBy('seizure_id')
    .orderBy('line_no')
    .execute();
  for (const row of rows) byId.get(Number(row.seizure_id))?.push(lineView(row));
  return byId;
}
