/**
 * The offence report (procès-verbal) as a PDF, in French or Arabic, made with pdfkit. The font is DejaVu Sans
 * (shipped by the `dejavu-fonts-ttf` package: Latin and Arabic glyphs), embedded as a subset with its Unicode
 * map, so that the text can be searched and copied. Arabic letters are joined by fontkit's shaping (pdfkit's font
 * engine); the right-to-left order of a line mixing Arabic with numbers or Latin words comes from the Unicode
 * bidirectional algorithm (bidi-js): the line is cut into runs of one direction, laid out from the right.
 */
import { type PdfWriter, pdfWriter as platformPdfWriter, visualRuns } from '../../platform/lib/pdf.ts';
import type { ReportLang } from './model.ts';

export interface ReportData {
  number: string;
  version: number;
  lang: ReportLang;
  generated_at: string;
  case: {
    number: string;
    office: string;
    title: string;
    type: string;
    summary: string | null;
    opened_at: string;
  };
  parties: { type: string; ref: string; note: string | null }[];
  goods: {
    reference: string;
    seized_on: string;
    place: string | null;
    description: string;
    hs_code: string | null;
    quantity: number | null;
    unit: string | null;
    estimated_value: number | null;
    currency: string;
    brand: string | null;
    /** The goods lines, when the seizure has several (one line is the seizure's own fields above). */
    lines?:
      | {
          line_no: number;
          description: string;
          hs_code: string | null;
          quantity: number | null;
          unit: string | null;
          estimated_value: number | null;
          brand: string | null;
        }[]
      | undefined;
  }[];
  legal_basis: string;
  tax_loss: { duties: number; vat: number; total: number; currency: string; method: string };
  officers: string[];
}

const LABELS = {
  fr: {
    title: "PROCÈS-VERBAL DE CONSTATATION D'INFRACTION DOUANIÈRE",
    administration: 'Administration des douanes et impôts indirects',
    number: 'Procès-verbal n°',
    version: 'version',
    case: 'Dossier',
    office: 'Bureau',
    date: 'Dressé le',
    type: "Nature de l'infraction",
    parties: 'Parties et éléments en cause',
    facts: 'Faits',
    goods: 'Marchandises saisies',
    legal: 'Base légale',
    loss: 'Droits et taxes éludés (estimation)',
    duties: 'droits de douane',
    vat: 'TVA',
    total: 'total',
    officers: 'Agents verbalisateurs (signatures)',
    none: 'néant',
    value: 'valeur',
    brand: 'marque',
  },
  ar: {
    title: 'محضر معاينة مخالفة جمركية',
    administration: 'إدارة الجمارك والضرائب غير المباشرة',
    number: 'محضر رقم',
    version: 'الإصدار',
    case: 'الملف',
    office: 'المكتب الجمركي',
    date: 'حرر بتاريخ',
    type: 'نوع المخالفة',
    parties: 'الأطراف والعناصر المعنية',
    facts: 'الوقائع',
    goods: 'البضائع المحجوزة',
    legal: 'الأساس القانوني',
    loss: 'تقدير الحقوق والرسوم المتملص منها',
    duties: 'الرسوم الجمركية',
    vat: 'الضريبة على القيمة المضافة',
    total: 'المجموع',
    officers: 'الأعوان محررو المحضر (التوقيعات)',
    none: 'لا شيء',
    value: 'القيمة',
    brand: 'العلامة',
  },
} as const;

const TYPE_NAMES: Record<ReportLang, Record<string, string>> = {
  fr: {
    customs_offence: 'infraction douanière',
    counterfeiting: 'contrefaçon (propriété intellectuelle)',
    health_products: 'produits de santé',
    smuggling: 'contrebande',
    undervaluation: 'minoration de valeur',
    origin_fraud: "fraude sur l'origine",
    prohibited_goods: 'marchandises prohibées',
    money_laundering: 'blanchiment',
    other: 'autre',
  },
  ar: {
    customs_offence: 'مخالفة جمركية',
    counterfeiting: 'تزييف (الملكية الفكرية)',
    health_products: 'منتجات صحية',
    smuggling: 'تهريب',
    undervaluation: 'التصريح بقيمة أقل',
    origin_fraud: 'غش في المنشأ',
    prohibited_goods: 'بضائع محظورة',
    money_laundering: 'غسل الأموال',
    other: 'أخرى',
  },
};

export const DEFAULT_LEGAL_BASIS: Record<ReportLang, string> = {
  fr: 'Code des douanes et impôts indirects',
  ar: 'مدونة الجمارك والضرائب غير المباشرة',
};

const amount = (n: number | null, lang: ReportLang) =>
  n === null
    ? '—'
    : new Intl.NumberFormat(lang === 'ar' ? 'fr-MA' : 'fr-FR', { maximumFractionDigits: 2 }).format(n);

/** An A4 document in French or Arabic (platform/lib/pdf.ts's writer): the offence report and operation reports. */
export function pdfWriter(lang: ReportLang, info: { Title: string; Subject: string }): PdfWriter {
  return platformPdfWriter(lang, info);
}

export { type PdfWriter, visualRuns };

export const formatAmount = (n: number | null, lang: ReportLang) => amount(n, lang);

/** The report as PDF bytes. */
export async function renderOffenceReport(data: ReportData): Promise<Buffer> {
  const lang = data.lang;
  const L = LABELS[lang];
  const { doc, p, heading, note, finish } = pdfWriter(lang, {
    Title: `${L.title} ${data.number}`,
    Subject: data.case.number,
  });

  p(L.administration, { size: 9 });
  doc.moveDown(0.5);
  p(L.title, { size: 15, bold: true });
  doc.moveDown(0.3);
  p(`${L.number} ${data.number} — ${L.version} ${data.version}`, { bold: true });
  p(`${L.case}: ${data.case.number} — ${L.office}: ${data.case.office}`);
  p(`${L.date}: ${data.generated_at.slice(0, 10)}`);
  p(`${L.type}: ${TYPE_NAMES[lang][data.case.type] ?? data.case.type}`);

  heading(L.parties);
  if (data.parties.length === 0) p(L.none);
  for (const party of data.parties) p(`• ${party.type}: ${party.ref}${party.note ? ` — ${party.note}` : ''}`);

  heading(L.facts);
  p(data.case.title, { bold: true });
  if (data.case.summary) p(data.case.summary);

  heading(L.goods);
  if (data.goods.length === 0) p(L.none);
  for (const g of data.goods) {
    const quantity = g.quantity === null ? '' : ` — ${amount(g.quantity, lang)} ${g.unit ?? ''}`.trimEnd();
    const hs = g.hs_code ? ` — SH ${g.hs_code}` : '';
    const brand = g.brand ? ` — ${L.brand}: ${g.brand}` : '';
    p(
      `• ${g.reference} (${g.seized_on}${g.place ? `, ${g.place}` : ''}): ${g.description}${hs}${quantity}${brand}`,
    );
    if (g.lines && g.lines.length > 1)
      for (const line of g.lines) {
        const q =
          line.quantity === null ? '' : ` — ${amount(line.quantity, lang)} ${line.unit ?? ''}`.trimEnd();
        const v =
          line.estimated_value === null
            ? ''
            : ` — ${L.value}: ${amount(line.estimated_value, lang)} ${g.currency}`;
        p(
          `   ${line.line_no}. ${line.description}${line.hs_code ? ` — SH ${line.hs_code}` : ''}${q}${line.brand ? ` — ${L.brand}: ${line.brand}` : ''}${v}`,
        );
      }
    if (g.estimated_value !== null) p(`   ${L.value}: ${amount(g.estimated_value, lang)} ${g.currency}`);
  }

  heading(L.legal);
  p(data.legal_basis);

  heading(L.loss);
  const cur = data.tax_loss.currency;
  p(`${L.duties}: ${amount(data.tax_loss.duties, lang)} ${cur}`);
  p(`${L.vat}: ${amount(data.tax_loss.vat, lang)} ${cur}`);
  p(`${L.total}: ${amount(data.tax_loss.total, lang)} ${cur}`, { bold: true });
  note(data.tax_loss.method);

  heading(L.officers);
  for (const officer of data.officers.length ? data.officers : ['', '']) {
    p(officer ? `${officer} : ____________________` : '____________________');
    doc.moveDown(0.6);
  }
  return finish();
}
