/**
 * History indicators from past outcomes: for the importer, declarant, seller, HS6, HS6 × origin and "the same
 * goods" (same HS6, origin, value and mass: a repeat of an earlier consignment), the number of earlier inspections,
 * of frauds, the fraud rate and the critical-fraud rate. Only outcomes known strictly before the declaration's
 * lodgement date count (the inspection date, else the lodgement date of the inspected declaration): a line never
 * sees its own outcome nor any later one.
 *
 * And novelty: first declaration of the importer, first time for this HS6 or this origin (earlier declarations,
 * with or without outcome).
 *
 * Set-based: a large batch reads the whole history once and the first dates once; a small one (an interactive
 * scoring, a day's selection at an office) asks `outcome_history` — past outcomes summed per key and day by
 * triggers (decision 0045) — for its lines' keys, and reads its importers' first dates, at the same time.
 */
import { sql } from 'kysely';
import { type Lang, numberLocale, type Texts } from '../../../platform/lib/lang.ts';
import { numberFormat } from '../../../platform/lib/number-format.ts';
import {
  DECLARATION_ITEMS,
  DECLARATIONS,
  INSPECTION_OUTCOMES,
  numericKeyText,
  OUTCOME_HISTORY_DIMS,
  type OutcomeHistoryDim,
  outcomeHistoryKey,
  type PastOutcomes,
  pastOutcomeCounts,
} from '../../declarations/index.ts';
import type { ScoringLine } from '../lines.ts';
import { type IndicatorBatch, type IndicatorResult, registerIndicator } from './registry.ts';

/**
 * From this many lines a batch reads the whole history instead of asking per key. Measured on the KCS train split
 * (37,385 outcomes, PostgreSQL): per key 66 ms for 399 lines, 134 ms for 1,000, 389 ms for 3,000; the whole
 * history about 400 ms whatever the batch — and more as the history grows.
 */
export const WHOLE_HISTORY_FROM = 2000;

export const HISTORY_DIMS = OUTCOME_HISTORY_DIMS;
export type HistoryDim = OutcomeHistoryDim;

const DIM_WORDS: Record<HistoryDim, Texts> = {
  importer: { en: 'the importer', fr: "l'importateur", ar: 'المستورد' },
  declarant: { en: 'the declarant', fr: 'le déclarant', ar: 'المصرّح' },
  seller: { en: 'the seller', fr: 'le vendeur', ar: 'البائع' },
  hs6: { en: 'this HS6 code', fr: 'ce code SH6', ar: 'هذا البند الفرعي (6 أرقام)' },
  hs6_origin: {
    en: 'this HS6 code from this origin',
    fr: 'ce code SH6 de cette origine',
    ar: 'هذا البند الفرعي (6 أرقام) من هذا المنشأ',
  },
  same_goods: {
    en: 'identical goods lines (same HS6, origin, value and mass)',
    fr: 'des lignes identiques (même SH6, origine, valeur et masse)',
    ar: 'أسطر بضائع مطابقة (نفس البند الفرعي والمنشأ والقيمة والكتلة)',
  },
};

/** importer, declarant, seller, hs6, origin, value, mass, known on, result — in date order. */
type OutcomeTuple = [
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  number,
  number | null,
  string,
  'compliant' | 'fraud' | 'critical',
];

function keyOfTuple(dim: HistoryDim, t: OutcomeTuple): string | null {
  switch (dim) {
    case 'importer':
      return t[0];
    case 'declarant':
      return t[1];
    case 'seller':
      return t[2];
    case 'hs6':
      return t[3];
    case 'hs6_origin':
      return t[4] ? `${t[3]}|${t[4]}` : null;
    case 'same_goods':
      return `${t[3]}|${t[4] ?? ''}|${numericKeyText(t[5])}|${t[6] === null ? '' : numericKeyText(t[6])}`;
  }
}

/** The line's key under `dim`: the text `outcome_history` keeps (declarations' outcome-history.ts). */
export function historyKey(dim: HistoryDim, line: ScoringLine): string | null {
  return outcomeHistoryKey(dim, {
    importer: line.importer?.code,
    declarant: line.declarant?.code,
    seller: line.seller?.code,
    hs_code: line.item.hs_code,
    origin_country: line.item.origin_country,
    customs_value: line.item.customs_value,
    net_mass_kg: line.item.net_mass_kg,
  });
}

function maxDate(lines: readonly ScoringLine[]): string {
  let max = '0000-01-01';
  for (const l of lines) if (l.lodged_on > max) max = l.lodged_on;
  return max;
}

const distinctOf = (lines: readonly ScoringLine[], f: (l: ScoringLine) => string | null | undefined) => [
  ...new Set(lines.map(f).filter((v): v is string => Boolean(v))),
];

/** Every outcome known before the lines' latest date, as SQL text (a large batch). */
function outcomesJson(lines: readonly ScoringLine[]) {
  // One JSON text rather than thousands of rows (much cheaper to move, above all out of PGlite); the latest
  // outcome of each item and the date order are sorted out here, cheaper than in SQL.
  return sql<
    string | null
  >`(select json_agg(json_build_array(d.importer_code, d.declarant_code, d.seller_code,
               substr(i.hs_code, 1, 6), i.origin_country, i.customs_value, i.net_mass_kg,
               coalesce(o.inspected_on, d.lodged_on), o.result, o.item_id, o.id))
      from ${INSPECTION_OUTCOMES} o
      join ${DECLARATION_ITEMS} i on i.id = o.item_id
      join ${DECLARATIONS} d on d.id = i.declaration_id
      where coalesce(o.inspected_on, d.lodged_on) < ${maxDate(lines)}::date)`;
}

/** The first declaration of each (importer, HS6, origin) of the lines' importers (all importers: null), as SQL text. */
function firstDatesJson(lines: readonly ScoringLine[], importers: string[] | null) {
  const filter = importers
    ? sql`d.importer_code = any(${importers}::text[])`
    : sql`d.importer_code is not null`;
  return sql<string | null>`(select json_agg(json_build_array(importer_code, hs6, origin_country, first))
      from (select d.importer_code, substr(i.hs_code, 1, 6) as hs6, i.origin_country, min(d.lodged_on) as first
            from ${DECLARATIONS} d join ${DECLARATION_ITEMS} i on i.declaration_id = d.id
            where ${filter} and d.lodged_on <= ${maxDate(lines)}::date
            group by 1, 2, 3) x)`;
}

type OutcomeRow = OutcomeTuple & [...OutcomeTuple, number, number];

/** Each item's latest outcome only (a correction replaces the first), in date order. */
function latestInDateOrder(text: string | null | undefined): OutcomeTuple[] {
  if (!text) return [];
  const all = JSON.parse(text) as OutcomeRow[];
  const latest = new Map<number, number>();
  let duplicates = false;
  for (let k = 0; k < all.length; k++) {
    const t = all[k]!;
    const seen = latest.get(t[9]);
    if (seen === undefined) latest.set(t[9], k);
    else {
      duplicates = true;
      if (all[seen]![10] < t[10]) latest.set(t[9], k);
    }
  }
  const kept = duplicates ? [...latest.values()].map((k) => all[k]!) : all;
  return kept.sort((a, b) => (a[7] < b[7] ? -1 : a[7] > b[7] ? 1 : 0));
}

/**
 * A small batch (an interactive scoring, a day's selection at an office) asks `outcome_history` for the past
 * outcomes of each line's keys, and reads its importers' first dates, both at once; null for a large one.
 */
function smallBatchHistory(batch: IndicatorBatch) {
  const lines = batch.lines;
  if (lines.length === 0 || lines.length >= WHOLE_HISTORY_FROM) return null;
  return batch.once('history.small', async () => {
    const importers = distinctOf(lines, (l) => l.importer?.code);
    const questions: { dim: HistoryDim; key: string; before: string }[] = [];
    const asked: Record<HistoryDim, number[]> = {
      importer: [],
      declarant: [],
      seller: [],
      hs6: [],
      hs6_origin: [],
      same_goods: [],
    };
    for (const dim of HISTORY_DIMS)
      for (const line of lines) {
        const key = historyKey(dim, line);
        asked[dim].push(key === null ? -1 : questions.length);
        if (key !== null) questions.push({ dim, key, before: line.lodged_on });
      }
    const [answers, first] = await Promise.all([
      pastOutcomeCounts(batch.db, questions),
      importers.length
        ? sql<{ first: string | null }>`select ${firstDatesJson(lines, importers)}::text as first`
            .execute(batch.db)
            .then(({ rows }) => (rows[0]?.first ? (JSON.parse(rows[0].first) as FirstDateRow[]) : []))
        : ([] as FirstDateRow[]),
    ]);
    const counts = {} as Record<HistoryDim, (PastOutcomes | null)[]>;
    for (const dim of HISTORY_DIMS) counts[dim] = asked[dim].map((k) => (k < 0 ? null : answers[k]!));
    return { counts, first };
  });
}

/** A large batch reads the whole history once, for every dimension. */
function outcomeRows(batch: IndicatorBatch): Promise<OutcomeTuple[]> {
  return batch.once('history.rows.all', async () => {
    if (batch.lines.length === 0) return [];
    const { rows } = await sql<{
      j: string | null;
    }>`select ${outcomesJson(batch.lines)}::text as j`.execute(batch.db);
    return latestInDateOrder(rows[0]?.j);
  });
}

/** Per key: dates in order with running counts of frauds and critical frauds (inspections = position + 1). */
interface Series {
  days: string[];
  frauds: number[];
  critical: number[];
}

function historyIndex(batch: IndicatorBatch, dim: HistoryDim): Promise<Map<string, Series>> {
  return batch.once(`history.index.${dim}`, async () => {
    const rows = await outcomeRows(batch);
    const index = new Map<string, Series>();
    for (const t of rows) {
      const key = keyOfTuple(dim, t);
      if (key === null) continue;
      let s = index.get(key);
      if (!s) {
        s = { days: [], frauds: [], critical: [] };
        index.set(key, s);
      }
      const n = s.days.length;
      s.days.push(t[7]);
      s.frauds.push((n ? s.frauds[n - 1]! : 0) + (t[8] !== 'compliant' ? 1 : 0));
      s.critical.push((n ? s.critical[n - 1]! : 0) + (t[8] === 'critical' ? 1 : 0));
    }
    return index;
  });
}

/** Index of the first day ≥ `day` (so entries before it are strictly earlier). */
function lowerBound(days: string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type PastCounts = PastOutcomes;

/** Earlier inspections, frauds and critical frauds of each line's key under `dim`. */
export function pastCounts(batch: IndicatorBatch, dim: HistoryDim): Promise<(PastCounts | null)[]> {
  return batch.once(`history.counts.${dim}`, async () => {
    const small = smallBatchHistory(batch);
    if (small) return (await small).counts[dim];
    const index = await historyIndex(batch, dim);
    return batch.lines.map((line) => {
      const key = historyKey(dim, line);
      if (key === null) return null;
      const s = index.get(key);
      if (!s) return { inspected: 0, frauds: 0, critical: 0 };
      const k = lowerBound(s.days, line.lodged_on);
      if (k === 0) return { inspected: 0, frauds: 0, critical: 0 };
      return { inspected: k, frauds: s.frauds[k - 1]!, critical: s.critical[k - 1]! };
    });
  });
}

const pct = (v: unknown, lang: Lang) =>
  typeof v === 'number'
    ? `${numberFormat(numberLocale(lang), { maximumFractionDigits: 0 }).format(v * 100)} %`
    : String(v);

for (const dim of HISTORY_DIMS) {
  const who = DIM_WORDS[dim];
  const evidence = (c: PastCounts) => ({ inspected: c.inspected, frauds: c.frauds, critical: c.critical });
  registerIndicator({
    name: `history.${dim}.inspected`,
    type: 'number',
    description: {
      en: `earlier inspections of ${who.en}`,
      fr: `contrôles antérieurs portant sur ${who.fr}`,
      ar: `المراقبات السابقة التي شملت ${who.ar}`,
    },
    async compute(batch) {
      return (await pastCounts(batch, dim)).map((c) => c?.inspected ?? null);
    },
  });
  registerIndicator({
    name: `history.${dim}.frauds`,
    type: 'number',
    description: {
      en: `earlier frauds found for ${who.en}`,
      fr: `fraudes constatées antérieurement pour ${who.fr}`,
      ar: `المخالفات المثبتة سابقًا على ${who.ar}`,
    },
    async compute(batch) {
      return (await pastCounts(batch, dim)).map((c) => c?.frauds ?? null);
    },
  });
  registerIndicator({
    name: `history.${dim}.fraud_rate`,
    type: 'number',
    description: {
      en: `share of earlier inspections of ${who.en} that found fraud (none: no inspection yet)`,
      fr: `part des contrôles antérieurs portant sur ${who.fr} ayant constaté une fraude (aucune : pas encore de contrôle)`,
      ar: `نسبة المراقبات السابقة التي شملت ${who.ar} التي أثبتت غشًا (لا شيء: لا مراقبة بعد)`,
    },
    format: (v, lang) => pct(v, lang),
    async compute(batch) {
      return (await pastCounts(batch, dim)).map(
        (c): IndicatorResult =>
          c && c.inspected > 0 ? { value: c.frauds / c.inspected, evidence: evidence(c) } : null,
      );
    },
  });
  registerIndicator({
    name: `history.${dim}.critical_rate`,
    type: 'number',
    description: {
      en: `share of earlier inspections of ${who.en} that found critical (safety) fraud`,
      fr: `part des contrôles antérieurs portant sur ${who.fr} ayant constaté une fraude critique (sécurité)`,
      ar: `نسبة المراقبات السابقة التي شملت ${who.ar} التي أثبتت غشًا خطيرًا (السلامة)`,
    },
    format: (v, lang) => pct(v, lang),
    async compute(batch) {
      return (await pastCounts(batch, dim)).map(
        (c): IndicatorResult =>
          c && c.inspected > 0 ? { value: c.critical / c.inspected, evidence: evidence(c) } : null,
      );
    },
  });
}

// ── novelty ──

interface FirstDates {
  importer: Map<string, string>;
  importerHs6: Map<string, string>;
  importerOrigin: Map<string, string>;
}

type FirstDateRow = [string, string, string | null, string];

function firstDates(batch: IndicatorBatch): Promise<FirstDates> {
  return batch.once('history.first_dates', async () => {
    const out: FirstDates = { importer: new Map(), importerHs6: new Map(), importerOrigin: new Map() };
    let rows: FirstDateRow[];
    const small = smallBatchHistory(batch);
    if (small) rows = (await small).first;
    else {
      if (!batch.lines.some((l) => l.importer?.code)) return out;
      const { rows: json } = await sql<{ j: string | null }>`
        select ${firstDatesJson(batch.lines, null)}::text as j`.execute(batch.db);
      rows = json[0]?.j ? (JSON.parse(json[0].j) as FirstDateRow[]) : [];
    }
    const keepMin = (m: Map<string, string>, k: string, d: string) => {
      const cur = m.get(k);
      if (cur === undefined || d < cur) m.set(k, d);
    };
    for (const [importer, hs6, origin, first] of rows) {
      keepMin(out.importer, importer, first);
      keepMin(out.importerHs6, `${importer}|${hs6}`, first);
      if (origin) keepMin(out.importerOrigin, `${importer}|${origin}`, first);
    }
    return out;
  });
}

function novelty(
  name: string,
  description: Texts,
  pick: (f: FirstDates, line: ScoringLine) => string | undefined | null,
) {
  registerIndicator({
    name,
    type: 'boolean',
    description,
    async compute(batch) {
      const first = await firstDates(batch);
      return batch.lines.map((line): IndicatorResult => {
        if (!line.importer?.code) return null;
        const earliest = pick(first, line);
        // null: the question does not apply (no origin declared); undefined: never declared before.
        if (earliest === null) return null;
        const value = earliest === undefined || earliest >= line.lodged_on;
        return { value, evidence: { first_declared_on: earliest ?? null } };
      });
    },
  });
}

novelty(
  'importer.first_time',
  {
    en: 'first declaration of the importer',
    fr: "première déclaration de l'importateur",
    ar: 'أول تصريح للمستورد',
  },
  (f, l) => f.importer.get(l.importer!.code),
);
novelty(
  'importer.first_time_hs',
  {
    en: 'first time the importer declares this HS6 code',
    fr: "première fois que l'importateur déclare ce code SH6",
    ar: 'أول مرة يصرّح فيها المستورد بهذا البند الفرعي',
  },
  (f, l) => f.importerHs6.get(`${l.importer!.code}|${l.item.hs_code.slice(0, 6)}`),
);
novelty(
  'importer.first_time_origin',
  {
    en: 'first time the importer declares goods of this origin',
    fr: "première fois que l'importateur déclare des marchandises de cette origine",
    ar: 'أول مرة يصرّح فيها المستورد ببضائع من هذا المنشأ',
  },
  (f, l) =>
    l.item.origin_country ? f.importerOrigin.get(`${l.importer!.code}|${l.item.origin_country}`) : null,
);
