/**
 * An operation's final report, in the shape of the published STOP IV results: cases (by type and status),
 * seizures, goods lines, quantities, values and duties — by threat category, by participant (the seizing office),
 * by detection source — over the cases and seizures tagged to the operation. Grouped like the director's figures
 * (figures.ts: summed over goods lines; a seizure's own amounts counted with its line 1). As JSON, one table as CSV,
 * or the whole report as PDF (report-pdf.ts's writer, French or Arabic).
 */
import { type Kysely, sql } from 'kysely';
import Papa from 'papaparse';
import type { DB } from '../../platform/db/schema.ts';
import { FORMULA_CELL } from '../../platform/ingest/rejects.ts';
import { groupMeasures, seizureLines } from './figures.ts';
import type { ReportLang } from './model.ts';
import { getOperation } from './operations.ts';
import { formatAmount, pdfWriter } from './report-pdf.ts';

export interface OperationGroup {
  key: string;
  seizures: number;
  lines: number;
  estimated_value: number;
  duties_at_stake: number;
  duties_recovered: number;
  fines: number;
  settlements: number;
}

export interface OperationQuantity {
  category: string;
  unit: string;
  lines: number;
  quantity: number;
  net_mass_kg: number;
}

export const OPERATION_TABLES = [
  'totals',
  'category',
  'quantities',
  'participant',
  'detection_source',
  'case_type',
  'case_status',
] as const;
export type OperationTable = (typeof OPERATION_TABLES)[number];

const measures = [
  ...groupMeasures,
  sql<number>`coalesce(sum(case when l.line_no = 1 then s.duties_at_stake end), 0)`.as('duties_at_stake'),
] as const;

export async function operationReport(db: Kysely<DB>, id: number) {
  const operation = await getOperation(db, id);
  const lines = () => seizureLines(db, { operation_id: id });
  const grouped = (key: ReturnType<typeof sql<string>>) =>
    lines()
      .select([key.as('key'), ...measures])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute() as Promise<OperationGroup[]>;
  const [totalsRow, category, participantRows, detection_source, quantities, caseTypes, caseStatuses] =
    await Promise.all([
      lines()
        .select([...measures, sql<number>`coalesce(sum(l.net_mass_kg), 0)`.as('net_mass_kg')])
        .executeTakeFirstOrThrow(),
      grouped(sql<string>`l.category`),
      grouped(sql<string>`s.office`),
      grouped(sql<string>`coalesce(s.detection_source, 'unknown')`),
      lines()
        .select([
          sql<string>`l.category`.as('category'),
          sql<string>`coalesce(l.unit, '')`.as('unit'),
          sql<number>`count(*)::int`.as('lines'),
          sql<number>`coalesce(sum(l.quantity), 0)`.as('quantity'),
          sql<number>`coalesce(sum(l.net_mass_kg), 0)`.as('net_mass_kg'),
        ])
        .groupBy([sql`1`, sql`2`])
        .orderBy(sql`1`)
        .orderBy(sql`2`)
        .execute() as Promise<OperationQuantity[]>,
      db
        .selectFrom('cases')
        .select(['type as key', sql<number>`count(*)::int`.as('cases')])
        .where('operation_id', '=', id)
        .groupBy('type')
        .orderBy('type')
        .execute(),
      db
        .selectFrom('cases')
        .select(['status as key', sql<number>`count(*)::int`.as('cases')])
        .where('operation_id', '=', id)
        .groupBy('status')
        .orderBy('status')
        .execute(),
    ]);
  // Every participant is listed, with zeros when it seized nothing; offices outside the list follow.
  const zero = (key: string): OperationGroup => ({
    key,
    seizures: 0,
    lines: 0,
    estimated_value: 0,
    duties_at_stake: 0,
    duties_recovered: 0,
    fines: 0,
    settlements: 0,
  });
  const byKey = new Map(participantRows.map((r) => [r.key, r]));
  const participant = [
    ...operation.participants.map((p) => byKey.get(p) ?? zero(p)),
    ...participantRows.filter((r) => !operation.participants.includes(r.key)),
  ];
  const cases = caseTypes.reduce((a, r) => a + r.cases, 0);
  return {
    operation,
    totals: {
      cases,
      seizures: totalsRow.seizures,
      lines: totalsRow.lines,
      estimated_value: totalsRow.estimated_value,
      duties_at_stake: totalsRow.duties_at_stake,
      duties_recovered: totalsRow.duties_recovered,
      fines: totalsRow.fines,
      settlements: totalsRow.settlements,
      net_mass_kg: totalsRow.net_mass_kg,
    },
    by_category: category,
    quantities,
    by_participant: participant,
    by_detection_source: detection_source,
    cases_by_type: caseTypes.map((r) => ({ key: r.key as string, cases: r.cases })),
    cases_by_status: caseStatuses.map((r) => ({ key: r.key as string, cases: r.cases })),
  };
}
export type OperationReport = Awaited<ReturnType<typeof operationReport>>;

const GROUP_HEADER = [
  'seizures',
  'lines',
  'estimated_value',
  'duties_at_stake',
  'duties_recovered',
  'fines',
  'settlements',
] as const;

/** One table of the report as CSV (header first), cells a spreadsheet would run as formulas escaped. */
export function operationReportCsv(report: OperationReport, table: OperationTable): string {
  let rows: (string | number)[][];
  const groups = (name: string, list: OperationGroup[]) => [
    [name, ...GROUP_HEADER],
    ...list.map((g) => [g.key, ...GROUP_HEADER.map((h) => g[h])]),
  ];
  if (table === 'totals') rows = [Object.keys(report.totals), Object.values(report.totals)];
  else if (table === 'category') rows = groups('category', report.by_category);
  else if (table === 'participant') rows = groups('participant', report.by_participant);
  else if (table === 'detection_source') rows = groups('detection_source', report.by_detection_source);
  else if (table === 'quantities')
    rows = [
      ['category', 'unit', 'lines', 'quantity', 'net_mass_kg'],
      ...report.quantities.map((q) => [q.category, q.unit, q.lines, q.quantity, q.net_mass_kg]),
    ];
  else {
    const list = table === 'case_type' ? report.cases_by_type : report.cases_by_status;
    rows = [[table === 'case_type' ? 'type' : 'status', 'cases'], ...list.map((r) => [r.key, r.cases])];
  }
  return `${Papa.unparse(rows, { escapeFormulae: FORMULA_CELL })}\n`;
}

const LABELS = {
  fr: {
    title: "Rapport final d'opération",
    period: 'Période',
    participants: 'Participants',
    coordinator: 'Coordination',
    scope: 'Catégories de menace',
    totals: 'Résultats',
    cases: 'dossiers',
    seizures: 'saisies',
    lines: 'lignes de marchandises',
    value: 'valeur estimée',
    at_stake: 'droits et taxes en jeu',
    recovered: 'droits recouvrés',
    fines: 'amendes',
    settlements: 'transactions',
    mass: 'masse nette (kg)',
    category: 'Par catégorie',
    quantities: 'Quantités',
    participant: 'Par participant',
    source: 'Par source de détection',
    caseType: 'Dossiers par type',
    none: 'néant',
  },
  ar: {
    title: 'التقرير النهائي للعملية',
    period: 'الفترة',
    participants: 'المشاركون',
    coordinator: 'التنسيق',
    scope: 'فئات التهديد',
    totals: 'النتائج',
    cases: 'ملفات',
    seizures: 'حجوزات',
    lines: 'أسطر البضائع',
    value: 'القيمة التقديرية',
    at_stake: 'الحقوق والرسوم المعنية',
    recovered: 'الحقوق المستخلصة',
    fines: 'الغرامات',
    settlements: 'المصالحات',
    mass: 'الكتلة الصافية (كغ)',
    category: 'حسب الفئة',
    quantities: 'الكميات',
    participant: 'حسب المشارك',
    source: 'حسب مصدر الكشف',
    caseType: 'الملفات حسب النوع',
    none: 'لا شيء',
  },
} as const;

/** The whole report as a PDF, written with the offence reports' writer (fonts, Arabic right to left). */
export async function renderOperationReport(report: OperationReport, lang: ReportLang): Promise<Buffer> {
  const L = LABELS[lang];
  const op = report.operation;
  const { doc, p, heading, finish } = pdfWriter(lang, {
    Title: `${L.title} ${op.code}`,
    Subject: op.name,
  });
  const n = (v: number) => formatAmount(v, lang);
  p(L.title, { size: 15, bold: true });
  doc.moveDown(0.3);
  p(`${op.name} (${op.code})`, { size: 13, bold: true });
  p(`${L.period}: ${op.starts_on} — ${op.ends_on}`);
  p(`${L.participants}: ${op.participants.join(', ') || L.none}`);
  if (op.coordinator) p(`${L.coordinator}: ${op.coordinator}`);
  p(`${L.scope}: ${op.threat_categories.join(', ') || L.none}`);

  const t = report.totals;
  heading(L.totals);
  p(`${L.cases}: ${n(t.cases)} — ${L.seizures}: ${n(t.seizures)} — ${L.lines}: ${n(t.lines)}`);
  p(`${L.value}: ${n(t.estimated_value)} — ${L.mass}: ${n(t.net_mass_kg)}`);
  p(`${L.at_stake}: ${n(t.duties_at_stake)} — ${L.recovered}: ${n(t.duties_recovered)}`);
  p(`${L.fines}: ${n(t.fines)} — ${L.settlements}: ${n(t.settlements)}`);

  const groups = (title: string, list: OperationGroup[]) => {
    heading(title);
    if (list.length === 0) p(L.none);
    for (const g of list)
      p(
        `• ${g.key}: ${n(g.seizures)} ${L.seizures}, ${n(g.lines)} ${L.lines}, ${L.value} ${n(g.estimated_value)}, ${L.recovered} ${n(g.duties_recovered)}`,
      );
  };
  groups(L.category, report.by_category);
  heading(L.quantities);
  if (report.quantities.length === 0) p(L.none);
  for (const q of report.quantities)
    p(`• ${q.category}: ${n(q.quantity)} ${q.unit} — ${L.mass} ${n(q.net_mass_kg)}`);
  groups(L.participant, report.by_participant);
  groups(L.source, report.by_detection_source);
  heading(L.caseType);
  if (report.cases_by_type.length === 0) p(L.none);
  for (const c of report.cases_by_type) p(`• ${c.key}: ${n(c.cases)}`);
  return finish();
}
