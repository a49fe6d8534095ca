/**
 * The director's figures (figures.ts) as a PDF, French or Arabic, written with the offence reports' writer
 * (report-pdf.ts: embedded fonts, Arabic right to left): the totals, then the seizures by month, office, HS
 * chapter, category and brand, the cases by status and the open cases by age.
 */
import type { CaseFigures, SeizureGroup } from './figures.ts';
import type { ReportLang } from './model.ts';
import { formatAmount, pdfWriter } from './report-pdf.ts';

const LABELS = {
  fr: {
    title: 'Saisies et dossiers — chiffres',
    period: 'Période',
    office: 'Bureau',
    all: 'tous',
    totals: 'Totaux',
    cases: 'dossiers',
    seizures: 'saisies',
    lines: 'lignes de marchandises',
    value: 'valeur estimée',
    recovered: 'droits recouvrés',
    fines: 'amendes',
    settlements: 'transactions',
    month: 'Par mois',
    byOffice: 'Par bureau',
    hs_chapter: 'Par chapitre SH',
    category: 'Par catégorie',
    brand: 'Par marque',
    detection: 'Par source de détection',
    origin: 'Dossiers par origine',
    status: 'Dossiers par statut',
    age: 'Dossiers ouverts par ancienneté (jours)',
    none: 'néant',
    generated: 'Édité le',
  },
  ar: {
    title: 'الحجوزات والملفات — الأرقام',
    period: 'الفترة',
    office: 'المكتب الجمركي',
    all: 'الكل',
    totals: 'المجاميع',
    cases: 'ملفات',
    seizures: 'حجوزات',
    lines: 'أسطر البضائع',
    value: 'القيمة التقديرية',
    recovered: 'الحقوق المستخلصة',
    fines: 'الغرامات',
    settlements: 'المصالحات',
    month: 'حسب الشهر',
    byOffice: 'حسب المكتب',
    hs_chapter: 'حسب فصل النظام المنسق',
    category: 'حسب الفئة',
    brand: 'حسب العلامة',
    detection: 'حسب مصدر الكشف',
    origin: 'الملفات حسب المصدر',
    status: 'الملفات حسب الوضعية',
    age: 'الملفات المفتوحة حسب الأقدمية (أيام)',
    none: 'لا شيء',
    generated: 'حرر بتاريخ',
  },
} as const;

/** The figures as PDF bytes. */
export async function renderFiguresPdf(
  figures: CaseFigures,
  lang: ReportLang,
  now: Date = new Date(),
): Promise<Buffer> {
  const L = LABELS[lang];
  const f = figures.filters;
  const { doc, p, heading, finish } = pdfWriter(lang, {
    Title: L.title,
    Subject: `${f.from ?? '…'} — ${f.to ?? '…'}${f.office ? ` ${f.office}` : ''}`,
  });
  const n = (v: number) => formatAmount(v, lang);
  p(L.title, { size: 15, bold: true });
  doc.moveDown(0.3);
  p(`${L.period}: ${f.from ?? '…'} — ${f.to ?? '…'}`);
  p(`${L.office}: ${f.office ?? L.all}`);
  p(`${L.generated}: ${now.toISOString().slice(0, 10)}`);

  const t = figures.totals;
  heading(L.totals);
  p(`${L.seizures}: ${n(t.seizures)} — ${L.lines}: ${n(t.lines)} — ${L.cases}: ${n(t.cases)}`);
  p(`${L.value}: ${n(t.estimated_value)} — ${L.recovered}: ${n(t.duties_recovered)}`);
  p(`${L.fines}: ${n(t.fines)} — ${L.settlements}: ${n(t.settlements)}`);

  const groups = (title: string, list: SeizureGroup[]) => {
    heading(title);
    if (list.length === 0) p(L.none);
    for (const g of list)
      p(
        `• ${g.key || '—'}: ${n(g.seizures)} ${L.seizures}, ${n(g.lines)} ${L.lines}, ${L.value} ${n(g.estimated_value)}, ${L.recovered} ${n(g.duties_recovered)}`,
      );
  };
  const by = figures.seizures_by;
  groups(L.month, by.month);
  groups(L.byOffice, by.office);
  groups(L.hs_chapter, by.hs_chapter);
  groups(L.category, by.category);
  groups(L.brand, by.brand);
  groups(L.detection, by.detection_source);
  const counts = (title: string, list: { key: string; cases: number }[]) => {
    heading(title);
    if (list.length === 0) p(L.none);
    for (const c of list) p(`• ${c.key}: ${n(c.cases)}`);
  };
  counts(L.status, figures.cases_by_status);
  counts(L.origin, figures.cases_by_origin);
  heading(L.age);
  for (const c of figures.open_cases_by_age_days) p(`• ${c.key}: ${n(c.cases)}`);
  return finish();
}
