/**
 * The printable inspection order of a selected declaration (docs/decisions/0041-exports-order-live.md): an A4 PDF
 * in French, English or Arabic (right to left, platform/lib/pdf.ts) that the officer takes to the goods — office,
 * declaration, importer and declarant, the items, the channel with the reasons in words, the inspection to carry
 * out, the officer if one is known, a verification code computed from the decision, and boxes to sign.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Texts } from '../../platform/lib/lang.ts';
import { type PdfLang, pdfWriter } from '../../platform/lib/pdf.ts';
import {
  type Channel,
  type DeclarationLine,
  declarantRows,
  declarationRows,
  importerRows,
  itemRows,
  officeRows,
} from '../declarations/index.ts';
import { getDecision } from './decisions/queue.ts';
import type { OfficeScope } from './decisions/types.ts';
import { RANDOM_REASON } from './explain.ts';
import { type LocalText, localText } from './rules/schema.ts';

export const ORDER_LANGS = ['fr', 'en', 'ar'] as const;
export type OrderLang = PdfLang;

const LABELS = {
  fr: {
    administration: 'Administration des douanes et impôts indirects',
    title: 'ORDRE DE CONTRÔLE',
    office: 'Bureau',
    declaration: 'Déclaration',
    lodged: 'déposée le',
    importer: 'Importateur',
    declarant: 'Déclarant',
    channel: 'Circuit',
    basis: 'Sélection',
    inspection: 'Contrôle à effectuer',
    reasons: 'Motifs de la sélection',
    items: 'Articles',
    value: 'valeur',
    origin: 'origine',
    officer: 'Agent désigné',
    code: 'Code de vérification',
    issued: 'Émis le',
    by: 'par',
    signOfficer: 'Agent chargé du contrôle (nom, date, signature)',
    signHead: 'Chef de bureau (visa)',
    none: '—',
    points: 'points',
  },
  en: {
    administration: 'Customs and Excise Administration',
    title: 'INSPECTION ORDER',
    office: 'Office',
    declaration: 'Declaration',
    lodged: 'lodged on',
    importer: 'Importer',
    declarant: 'Declarant',
    channel: 'Channel',
    basis: 'Selection',
    inspection: 'Inspection to carry out',
    reasons: 'Reasons for the selection',
    items: 'Items',
    value: 'value',
    origin: 'origin',
    officer: 'Assigned officer',
    code: 'Verification code',
    issued: 'Issued on',
    by: 'by',
    signOfficer: 'Inspecting officer (name, date, signature)',
    signHead: 'Head of office (approval)',
    none: '—',
    points: 'points',
  },
  ar: {
    administration: 'إدارة الجمارك والضرائب غير المباشرة',
    title: 'أمر بالمراقبة',
    office: 'المكتب الجمركي',
    declaration: 'التصريح',
    lodged: 'المودع بتاريخ',
    importer: 'المستورد',
    declarant: 'المصرح',
    channel: 'المسار',
    basis: 'الانتقاء',
    inspection: 'المراقبة الواجب إجراؤها',
    reasons: 'أسباب الانتقاء',
    items: 'البنود',
    value: 'القيمة',
    origin: 'المنشأ',
    officer: 'العون المعين',
    code: 'رمز التحقق',
    issued: 'صدر بتاريخ',
    by: 'من طرف',
    signOfficer: 'العون المكلف بالمراقبة (الاسم، التاريخ، التوقيع)',
    signHead: 'رئيس المكتب (التأشيرة)',
    none: '—',
    points: 'نقطة',
  },
} as const;

const CHANNEL_NAMES: Record<OrderLang, Record<Channel, string>> = {
  fr: { red: 'ROUGE', yellow: 'JAUNE', blue: 'BLEU', green: 'VERT' },
  en: { red: 'RED', yellow: 'YELLOW', blue: 'BLUE', green: 'GREEN' },
  ar: { red: 'أحمر', yellow: 'أصفر', blue: 'أزرق', green: 'أخضر' },
};

const INSPECTIONS: Record<OrderLang, Record<Channel, string>> = {
  fr: {
    red: 'Visite physique des marchandises et contrôle des documents',
    yellow: 'Contrôle documentaire (sans visite des marchandises)',
    blue: 'Mainlevée immédiate ; contrôle différé après dédouanement (documents et comptabilité)',
    green: 'Aucun contrôle : mainlevée',
  },
  en: {
    red: 'Physical examination of the goods and documentary check',
    yellow: 'Documentary check (no examination of the goods)',
    blue: 'Immediate release; deferred post-clearance control (documents and books)',
    green: 'No control: release',
  },
  ar: {
    red: 'المعاينة المادية للبضائع ومراقبة الوثائق',
    yellow: 'مراقبة وثائقية (دون معاينة البضائع)',
    blue: 'رفع اليد فوراً؛ مراقبة لاحقة بعد الجمركة (الوثائق والمحاسبة)',
    green: 'لا مراقبة: رفع اليد',
  },
};

const BASIS_NAMES: Record<OrderLang, Record<string, string>> = {
  fr: {
    ranked: 'classement des risques',
    forced: 'imposé par une règle',
    random: 'aléatoire',
    deferred: 'différé',
    none: '—',
  },
  en: {
    ranked: 'risk ranking',
    forced: 'forced by a rule',
    random: 'random',
    deferred: 'deferred',
    none: '—',
  },
  ar: { ranked: 'ترتيب المخاطر', forced: 'مفروض بقاعدة', random: 'عشوائي', deferred: 'مؤجل', none: '—' },
};

/** A short code printed on the order, recomputed from the decision to check a paper copy. */
export function orderCode(d: { id: number; reference: string; channel: string; decided_at: string }): string {
  const hex = createHash('sha256')
    .update(`vigie-order|${d.id}|${d.reference}|${d.channel}|${d.decided_at}`)
    .digest('hex')
    .slice(0, 12)
    .toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
}

export interface InspectionOrder {
  id: number;
  reference: string;
  office: string;
  office_name: string | null;
  lodged_on: string;
  currency: string | null;
  importer: { code: string | null; name: string | null };
  declarant: { code: string | null; name: string | null };
  channel: Channel;
  basis: string;
  explanation: Texts;
  reasons: { title: LocalText; points: number }[];
  items: Pick<
    DeclarationLine['item'],
    'line_no' | 'hs_code' | 'description' | 'origin_country' | 'quantity' | 'quantity_unit' | 'customs_value'
  >[];
  officer: string | null;
  code: string;
  decided_at: string;
}

/** What the order prints, for decision `id` within the caller's offices; undefined when there is none. */
export async function inspectionOrder(
  db: Kysely<DB>,
  id: number,
  scope: OfficeScope,
): Promise<InspectionOrder | undefined> {
  const decision = await getDecision(db, id, scope);
  if (!decision) return undefined;
  const own = await db
    .selectFrom('risk_decisions')
    .select('declaration_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const declarationId = Number(own.declaration_id);
  const [header, items] = await Promise.all([
    db
      .selectFrom(declarationRows(db).as('d'))
      .leftJoin(importerRows(db).as('imp'), 'imp.code', 'd.importer_code')
      .leftJoin(declarantRows(db).as('dec'), 'dec.code', 'd.declarant_code')
      .leftJoin(officeRows(db).as('o'), 'o.code', 'd.office_code')
      .select([
        'd.currency',
        'd.importer_code',
        'imp.name as importer_name',
        'd.declarant_code',
        'dec.name as declarant_name',
        'o.name as office_name',
      ])
      .where('d.id', '=', declarationId)
      .executeTakeFirst(),
    db
      .selectFrom(itemRows(db).as('i'))
      .select([
        'i.line_no',
        'i.hs_code',
        'i.description',
        'i.origin_country',
        'i.quantity',
        'i.quantity_unit',
        'i.customs_value',
      ])
      .where('i.declaration_id', '=', declarationId)
      .orderBy('i.line_no')
      .execute(),
  ]);
  const reasons = await reasonsOf(db, decision);
  const officer =
    decision.items.flatMap((i) => i.outcomes).find((o) => o.officer)?.officer ??
    decision.overrides.at(-1)?.officer ??
    null;
  return {
    id: decision.id,
    reference: decision.reference,
    office: decision.office,
    office_name: header?.office_name ?? null,
    lodged_on: decision.lodged_on,
    currency: header?.currency ?? null,
    importer: { code: header?.importer_code ?? null, name: header?.importer_name ?? null },
    declarant: { code: header?.declarant_code ?? null, name: header?.declarant_name ?? null },
    channel: decision.channel,
    basis: decision.basis,
    explanation: decision.explanation,
    reasons,
    items,
    officer,
    code: orderCode(decision),
    decided_at: decision.decided_at,
  };
}

/** The decision's reasons, strongest first: the rules by their titles, the model, the valuation check. */
async function reasonsOf(
  db: Kysely<DB>,
  decision: NonNullable<Awaited<ReturnType<typeof getDecision>>>,
): Promise<{ title: LocalText; points: number }[]> {
  if (decision.basis === 'random') return [{ title: { ...RANDOM_REASON }, points: 0 }];
  const ids = decision.profile_versions.map((p) => p.id);
  const profiles = ids.length
    ? await db.selectFrom('risk_profiles').select(['name', 'document']).where('id', 'in', ids).execute()
    : [];
  const titles = new Map<string, LocalText>();
  for (const p of profiles) {
    const rules = ((p.document as { rules?: { id: string; title?: LocalText }[] }).rules ?? []) as {
      id: string;
      title?: LocalText;
    }[];
    for (const r of rules) if (r.title) titles.set(`${p.name}/${r.id}`, r.title);
  }
  return decision.breakdown
    .filter((b) => b.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 8)
    .map((b) => ({ title: titles.get(b.id) ?? `${b.source}: ${b.id}`, points: b.points }));
}

const number = (n: number, lang: OrderLang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'ar' ? 'fr-MA' : 'fr-FR', {
    maximumFractionDigits: 2,
  }).format(n);

/** The order as PDF bytes. */
export async function renderInspectionOrder(
  order: InspectionOrder,
  lang: OrderLang,
  issued: { at: Date; by: string },
): Promise<Buffer> {
  const L = LABELS[lang];
  const { doc, p, heading, note, finish } = pdfWriter(lang, {
    Title: `${L.title} ${order.reference}`,
    Subject: order.reference,
  });
  const dash = (code: string | null, name: string | null) =>
    code || name ? [code, name].filter(Boolean).join(' — ') : L.none;

  p(L.administration, { size: 9 });
  doc.moveDown(0.5);
  p(L.title, { size: 16, bold: true });
  p(`${L.declaration}: ${order.reference}`, { size: 13, bold: true });
  doc.moveDown(0.3);
  p(`${L.office}: ${dash(order.office, order.office_name)}`);
  p(`${L.declaration}: ${order.reference} — ${L.lodged} ${order.lodged_on}`);
  p(`${L.importer}: ${dash(order.importer.code, order.importer.name)}`);
  p(`${L.declarant}: ${dash(order.declarant.code, order.declarant.name)}`);

  heading(`${L.channel}: ${CHANNEL_NAMES[lang][order.channel]}`);
  p(`${L.basis}: ${BASIS_NAMES[lang][order.basis] ?? order.basis}`);
  p(`${L.inspection}: ${INSPECTIONS[lang][order.channel]}`, { bold: true });

  heading(L.reasons);
  for (const reason of order.reasons)
    p(
      `• ${localText(reason.title, lang)}${reason.points ? ` (${number(reason.points, lang)} ${L.points})` : ''}`,
    );
  // The explanation in words (a decision stored before Arabic explanations reads French: see getDecision).
  p(order.explanation[lang], { size: 9 });

  heading(L.items);
  if (order.items.length === 0) p(L.none);
  for (const item of order.items) {
    const quantity =
      item.quantity === null ? '' : ` — ${number(item.quantity, lang)} ${item.quantity_unit ?? ''}`.trimEnd();
    const origin = item.origin_country ? ` — ${L.origin} ${item.origin_country}` : '';
    p(
      `${item.line_no}. SH ${item.hs_code} — ${item.description ?? L.none}${origin}${quantity} — ${L.value} ${number(item.customs_value, lang)} ${order.currency ?? ''}`.trimEnd(),
    );
  }

  heading(`${L.officer}: ${order.officer ?? '______________________________'}`);
  p(`${L.code}: ${order.code}`, { bold: true });
  p(`${L.issued} ${issued.at.toISOString().slice(0, 16).replace('T', ' ')} UTC ${L.by} ${issued.by}`, {
    size: 9,
  });

  // Two boxes to sign, side by side.
  doc.moveDown(1);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const boxWidth = (width - 20) / 2;
  const boxHeight = 90;
  if (doc.y + boxHeight + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  const labels = lang === 'ar' ? [L.signHead, L.signOfficer] : [L.signOfficer, L.signHead];
  labels.forEach((label, i) => {
    const x = left + i * (boxWidth + 20);
    doc.rect(x, top, boxWidth, boxHeight).stroke();
    doc.y = top + 6;
    if (lang === 'ar') {
      // Right-to-left label inside its box: laid out by the writer, then the cursor back in place.
      const saved = { l: doc.page.margins.left, r: doc.page.margins.right };
      doc.page.margins.left = x + 6;
      doc.page.margins.right = doc.page.width - x - boxWidth + 6;
      p(label, { size: 8 });
      doc.page.margins.left = saved.l;
      doc.page.margins.right = saved.r;
    } else
      doc
        .font('regular')
        .fontSize(8)
        .text(label, x + 6, top + 6, { width: boxWidth - 12 });
  });
  doc.x = left;
  doc.y = top + boxHeight + 10;
  note(`Vigie — ${order.reference} — #${order.id} — ${order.code}`);
  return finish();
}
