/**
 * The offence report (procès-verbal) as a PDF, in French or Arabic, made with pdfkit. The font is DejaVu Sans
 * (shipped by the `dejavu-fonts-ttf` package: Latin and Arabic glyphs), embedded as a subset with its Unicode
 * map, so that the text can be searched and copied. Arabic letters are joined by fontkit's shaping (pdfkit's font
 * engine); the right-to-left order of a line mixing Arabic with numbers or Latin words comes from the Unicode
 * bidirectional algorithm (bidi-js): the line is cut into runs of one direction, laid out from the right.
 */
import bidiModule, { type Bidi } from 'bidi-js';
import { pdfDocument } from '../../platform/lib/pdf.ts';
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

// bidi-js is a CommonJS factory; its types describe it as an ES module's default export.
const bidi = (bidiModule as unknown as () => Bidi)();
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A logical line as pieces drawn one after the other from left to right. The line is cut into runs of one
 * embedding level (1: right to left; 2: numbers and Latin words inside); the runs' order is reversed. A
 * right-to-left run is cut into words, drawn last word first: fontkit joins and reverses the letters of an Arabic
 * word itself (whole runs lost a space in its layout), a piece of neutrals (": ", "—") is reversed here, and
 * brackets are mirrored.
 */
export function visualRuns(line: string): { text: string; rtl: boolean }[] {
  if (!line) return [];
  const { levels } = bidi.getEmbeddingLevels(line, 'rtl');
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const level = levels[i]!;
    const last = runs.at(-1);
    if (last && last.level === level) last.text += line[i];
    else runs.push({ text: line[i]!, level });
  }
  const pieces: { text: string; rtl: boolean }[] = [];
  for (const run of runs.reverse()) {
    if (run.level % 2 === 0) {
      pieces.push({ text: run.text, rtl: false });
      continue;
    }
    for (const word of mirror(run.text).split(/( +)/).reverse()) {
      if (!word) continue;
      pieces.push({ text: STRONG_RTL.test(word) ? word : [...word].reverse().join(''), rtl: true });
    }
  }
  return pieces;
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};
const mirror = (s: string) => s.replace(/[()[\]<>«»]/g, (c) => MIRRORED[c]!);

type Doc = PDFKit.PDFDocument;

/** Writes a paragraph right to left: wrapped on words, each line laid out by its bidi runs from the right edge. */
function rtlParagraph(doc: Doc, text: string, options: { size?: number; bold?: boolean } = {}) {
  doc.font(options.bold ? 'bold' : 'regular').fontSize(options.size ?? 10);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && doc.widthOfString(candidate) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
    for (const line of lines) {
      if (!STRONG_RTL.test(line)) {
        // No Arabic (a French summary, a code): left to right, aligned on the right edge.
        const y = doc.y;
        doc.text(line, left + width - doc.widthOfString(line), y, { lineBreak: false });
        doc.x = left;
        doc.y = y + doc.currentLineHeight(true) + 2;
        continue;
      }
      const runs = visualRuns(line);
      const total = runs.reduce((sum, run) => sum + doc.widthOfString(run.text), 0);
      let x = left + width - total;
      const y = doc.y;
      for (const run of runs) {
        doc.text(run.text, x, y, { lineBreak: false });
        x += doc.widthOfString(run.text);
      }
      doc.x = left;
      doc.y = y + doc.currentLineHeight(true) + 2;
    }
  }
}

function paragraph(
  doc: Doc,
  lang: ReportLang,
  text: string,
  options: { size?: number; bold?: boolean } = {},
) {
  if (lang === 'ar') return rtlParagraph(doc, text, options);
  doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(options.size ?? 10)
    .text(text, doc.page.margins.left, doc.y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    });
}

const amount = (n: number | null, lang: ReportLang) =>
  n === null
    ? '—'
    : new Intl.NumberFormat(lang === 'ar' ? 'fr-MA' : 'fr-FR', { maximumFractionDigits: 2 }).format(n);

/** A document being written: paragraphs and headings in its language's direction, then its bytes. */
export interface PdfWriter {
  doc: Doc;
  p(text: string, options?: { size?: number; bold?: boolean }): void;
  heading(text: string): void;
  /** Small grey text, left to right (a method, a footnote). */
  note(text: string): void;
  finish(): Promise<Buffer>;
}

/**
 * An A4 document with the embedded DejaVu fonts, French or Arabic (right to left, joined letters): what the
 * offence report and the operation reports are written with.
 */
export function pdfWriter(lang: ReportLang, info: { Title: string; Subject: string }): PdfWriter {
  const { doc, finish } = pdfDocument({ lang: lang === 'ar' ? 'ar-MA' : 'fr-MA', info });
  const p = (text: string, options?: { size?: number; bold?: boolean }) =>
    paragraph(doc, lang, text, options);
  return {
    doc,
    p,
    heading(text) {
      doc.moveDown(0.6);
      p(text, { size: 12, bold: true });
    },
    note(text) {
      doc.font('regular').fontSize(8).fillColor('#555555');
      doc.text(text, doc.page.margins.left, doc.y, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      });
      doc.fillColor('black');
    },
    finish,
  };
}

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
