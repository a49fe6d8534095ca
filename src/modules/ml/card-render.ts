/**
 * A model card as Markdown and as PDF (pdfkit with the embedded DejaVu fonts, as the offence reports): the same
 * sections in the same order as the workbench's model page. Text that came from outside (model name, notes,
 * office and origin codes) is escaped for Markdown; the PDF draws it as text.
 */
import { pdfDocument } from '../../platform/lib/pdf.ts';
import type { ModelCard, ModelCardContent } from './card.ts';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)} %`;
const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);
const int = (v: number) => v.toLocaleString('en-US');

/** Markdown-safe inline text: no markup, no HTML, no table break, one line. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)[-=]/, '$1\\$&');
}

interface Section {
  title: string;
  paragraphs: string[];
  tables: { head: string[]; rows: string[][] }[];
}

/** The card as sections of plain text (not yet escaped), shared by both renderings. */
function sections(card: ModelCardContent, promotion: ModelCard['promotion']): Section[] {
  const s: Section[] = [];
  const add = (title: string) => {
    const section: Section = { title, paragraphs: [], tables: [] };
    s.push(section);
    return section;
  };
  const m = card.model;
  const overview = add('Model');
  overview.paragraphs.push(
    `#${m.id} "${m.name}", predicts ${m.target === 'critical' ? 'critical fraud' : 'fraud (fraud or critical)'}; ${m.trees} trees; registered ${m.registered_at.slice(0, 10)}; SHA-256 ${m.sha256}.`,
    `Status: ${promotion.status}${promotion.promoted_at ? `; promoted ${promotion.promoted_at.slice(0, 16).replace('T', ' ')} UTC by ${promotion.promoted_by ?? 'unknown'}` : '; never promoted'}${promotion.retired_at ? `; retired ${promotion.retired_at.slice(0, 10)}` : ''}.`,
    `Card generated ${card.generated_at.slice(0, 16).replace('T', ' ')} UTC by ${card.generated_by}.`,
  );
  if (m.notes) overview.paragraphs.push(`Notes: ${m.notes}`);

  const data = add('Training data');
  data.paragraphs.push(
    `${int(card.data.lines)} labelled declaration lines lodged ${card.data.from} to ${card.data.to}; fraud rate ${pct(card.data.fraud_rate)}.`,
    card.data.holdout
      ? `Early stopping on the last days, ${card.data.holdout.from} to ${card.data.holdout.to} (${int(card.data.holdout.lines)} lines), then refitted on all.`
      : 'No period was held out for early stopping.',
  );

  const features = add('Features');
  const used = [...card.features.used].sort((a, b) => b.gain - a.gain);
  features.paragraphs.push(
    `${card.features.count} features: categorical fields of the declaration and its item, quantities and unit values, reference prices, and the past outcome rates of the importer, declarant, HS codes, origin, office${card.features.repeat_profile ? ' and exact repeats' : ''} (only outcomes known before each line). The 15 the model leans on most:`,
  );
  features.tables.push({
    head: ['feature', 'share of gain', 'splits'],
    rows: used.slice(0, 15).map((f) => [f.name, pct(f.gain), int(f.splits)]),
  });
  features.paragraphs.push('Never used, and why:');
  features.tables.push({
    head: ['excluded', 'why'],
    rows: card.features.excluded.map((e) => [e.what, e.why]),
  });

  const evaluation = add('Evaluation');
  const h = card.holdout;
  evaluation.paragraphs.push(
    h
      ? `Held-out days (inside the training window): AUC ${num(h.auc)}, precision at 5 % ${pct(h.precision_at_5)}, at 10 % ${pct(h.precision_at_10)}${h.without_repeat ? `; by a model without the exact-repeat profile: AUC ${num(h.without_repeat.auc)}, ${pct(h.without_repeat.precision_at_5)}, ${pct(h.without_repeat.precision_at_10)}` : ''}.`
      : 'No held-out figures.',
  );
  const later = card.later;
  if (!later) evaluation.paragraphs.push('Not evaluated on a later period: no declaration after training.');
  else {
    evaluation.paragraphs.push(
      `Later period ${later.from} to ${later.to}: ${int(later.lines)} lines, ${int(later.labelled)} with an outcome.`,
    );
    const rows: string[][] = [];
    for (const [label, f] of [
      ['all lines', later.all],
      ['without exact repeats', later.without_repeats],
    ] as const) {
      if (!f) continue;
      for (const a of f.at)
        rows.push([
          label,
          `${int(f.n)} (${int(f.frauds)} frauds)`,
          num(f.auc),
          `${(a.share * 100).toFixed(0)} %`,
          pct(a.precision),
          pct(a.recall),
          pct(a.revenue),
        ]);
    }
    if (rows.length)
      evaluation.tables.push({
        head: ['lines', 'n', 'AUC', 'top', 'precision', 'recall', 'duties caught'],
        rows,
      });
  }

  const bias = add('Bias on the later period');
  if (!card.bias) bias.paragraphs.push('Not measured: too few declarations after training.');
  else {
    bias.paragraphs.push(
      `Selection rate and precision of the model's top ${(card.bias.share * 100).toFixed(0)} % by group, against each group's fraud rate: a group selected far more than its fraud rate warrants is a question to ask.`,
    );
    for (const [label, rows] of [
      ['office', card.bias.by_office],
      ['origin', card.bias.by_origin],
      ['importer size', card.bias.by_importer_size],
    ] as const)
      bias.tables.push({
        head: [label, 'lines', 'selected', 'selection rate', 'precision', 'fraud rate'],
        rows: rows.map((r) => [
          r.group,
          int(r.n),
          int(r.selected),
          pct(r.selectionRate),
          pct(r.precision),
          pct(r.fraudRate),
        ]),
      });
  }

  const drift = add('Drift since training');
  if (!card.drift) drift.paragraphs.push('Not measured.');
  else {
    drift.paragraphs.push(
      `Population stability of the scores, training window (${int(card.drift.baseline_lines)} lines) against the later period (${int(card.drift.current_lines)}): PSI ${num(card.drift.score_psi)} (below 0.1 stable, above 0.25 moved). Features that moved most:`,
    );
    drift.tables.push({
      head: ['feature', 'PSI'],
      rows: card.drift.features.map((f) => [f.feature, num(f.psi)]),
    });
  }

  const limits = add('Known limits');
  limits.paragraphs.push(...card.limits.map((l) => `• ${l}`));
  return s;
}

/** The card as Markdown. */
export function cardMarkdown({ card, promotion }: ModelCard): string {
  const out: string[] = [`# Model card — ${mdText(card.model.name)} (#${card.model.id})`, ''];
  for (const section of sections(card, promotion)) {
    out.push(`## ${section.title}`, '');
    // Paragraphs and tables interleave in the order they were added: paragraphs first, tables after, except in
    // the features section, where each table follows its paragraph.
    const tables = [...section.tables];
    for (const p of section.paragraphs) {
      out.push(p.startsWith('• ') ? `- ${mdText(p.slice(2))}` : mdText(p), '');
      if (section.title === 'Features' && tables.length) out.push(...mdTable(tables.shift()!), '');
    }
    for (const t of tables) out.push(...mdTable(t), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function mdTable(t: { head: string[]; rows: string[][] }): string[] {
  const line = (cells: string[]) => `| ${cells.map(mdText).join(' | ')} |`;
  return [line(t.head), `|${t.head.map(() => ' --- |').join('')}`, ...t.rows.map(line)];
}

/** The card as a PDF (A4, embedded fonts, searchable text). */
export async function cardPdf({ card, promotion }: ModelCard): Promise<Buffer> {
  const { doc, finish } = pdfDocument({
    info: { Title: `Model card ${card.model.name} (#${card.model.id})` },
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = (value: string, size = 9.5, bold = false) => {
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .text(value, left, doc.y, { width });
  };
  text(`Model card — ${card.model.name} (#${card.model.id})`, 15, true);
  for (const section of sections(card, promotion)) {
    doc.moveDown(0.6);
    text(section.title, 12, true);
    doc.moveDown(0.2);
    const tables = [...section.tables];
    const drawTable = (t: { head: string[]; rows: string[][] }) => {
      const col = width / t.head.length;
      const row = (cells: string[], bold: boolean) => {
        if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
        const y = doc.y;
        let bottom = y;
        cells.forEach((c, i) => {
          doc
            .font(bold ? 'bold' : 'regular')
            .fontSize(8)
            .text(c, left + i * col, y, { width: col - 4 });
          bottom = Math.max(bottom, doc.y);
        });
        doc.y = bottom + 2;
      };
      row(t.head, true);
      for (const r of t.rows) row(r, false);
      doc.moveDown(0.3);
    };
    for (const p of section.paragraphs) {
      text(p);
      doc.moveDown(0.2);
      if (section.title === 'Features' && tables.length) drawTable(tables.shift()!);
    }
    for (const t of tables) drawTable(t);
  }
  return finish();
}
