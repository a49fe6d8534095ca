/**
 * Partner cross-checks, each an indicator with its evidence:
 * - foreign-exchange payments much larger than the declared value (converted through the rate table);
 * - manifest gross mass far above the declared net mass;
 * - consignments manifested to the importer and never declared;
 * - importer registered very recently (company register), or not registered at all;
 * - declared importer name contradicting the register.
 * Per-declaration checks are computed once per declaration and given to each of its items.
 */
import { sql } from 'kysely';
import type { Texts } from '../../../platform/lib/lang.ts';
import { DECLARATIONS } from '../../declarations/index.ts';
import {
  companiesByIds,
  hasCompanyRegister,
  MANIFESTS,
  manifestsOfDeclarations,
  type PartnerFacts,
  partnerFactsOf,
  paymentsOfDeclarations,
} from '../../partners/index.ts';
import type { ScoringLine } from '../lines.ts';
import { convert, type FxRates, getFxRates, getRiskSettings, type RiskSettings } from '../settings.ts';
import { type IndicatorBatch, type IndicatorResult, registerIndicator } from './registry.ts';

/** Above this many lines a batch reads whole partner tables instead of filtering by key. */
const WHOLE_TABLES_FROM = 400;

function settingsOf(batch: IndicatorBatch): Promise<RiskSettings> {
  return batch.once('risk.settings', async () => {
    return (batch.options.riskSettings as RiskSettings | undefined) ?? getRiskSettings(batch.db);
  });
}

function ratesOf(batch: IndicatorBatch): Promise<FxRates> {
  return batch.once(
    'risk.fx_rates',
    async () => (batch.options.fxRates as FxRates | undefined) ?? getFxRates(batch.db),
  );
}

const distinct = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
];

/**
 * A small batch (an interactive scoring) reads the register, the payments and the manifests in one round trip
 * instead of four; a large one reads each table as a whole (below). Null for a large batch.
 */
function smallBatchFacts(batch: IndicatorBatch): Promise<PartnerFacts> | null {
  if (batch.lines.length >= WHOLE_TABLES_FROM) return null;
  return batch.once('partners.facts', () =>
    partnerFactsOf(batch.db, {
      references: distinct(batch.lines.map((l) => l.reference)),
      importers: distinct(batch.lines.map((l) => l.importer?.code)),
    }),
  );
}

/** Per declaration: declared value and net mass, summed over the batch's lines (batches hold whole declarations). */
function declarationTotals(batch: IndicatorBatch) {
  return batch.once('partners.totals', () => {
    const totals = new Map<string, { value: number; mass: number; massMissing: boolean }>();
    for (const l of batch.lines) {
      const t = totals.get(l.reference) ?? { value: 0, mass: 0, massMissing: false };
      t.value += l.item.customs_value;
      if (l.item.net_mass_kg === null) t.massMissing = true;
      else t.mass += l.item.net_mass_kg;
      totals.set(l.reference, t);
    }
    return totals;
  });
}

// ── company register ──

interface Company {
  company_id: string;
  name: string;
  created_on: string | null;
  city: string | null;
}

/** The register entries of the batch's importers; null when no register has been loaded at all (unknown). */
function companies(batch: IndicatorBatch): Promise<Map<string, Company> | null> {
  return batch.once('partners.companies', async () => {
    const small = smallBatchFacts(batch);
    if (small) {
      const facts = await small;
      return facts.register ? new Map(facts.companies.map((r) => [r.company_id, r])) : null;
    }
    const ids = distinct(batch.lines.map((l) => l.importer?.code));
    // Both at once: one round trip on the path of an interactive scoring, not two.
    const [any, rows] = await Promise.all([
      hasCompanyRegister(batch.db),
      ids.length === 0
        ? Promise.resolve([])
        : companiesByIds(batch.db, batch.lines.length < WHOLE_TABLES_FROM ? ids : null),
    ]);
    if (!any) return null;
    return new Map(rows.map((r) => [r.company_id, r]));
  });
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

registerIndicator({
  name: 'importer.registered',
  type: 'boolean',
  description: {
    en: 'the importer is in the company register',
    fr: "l'importateur figure au registre du commerce",
    ar: 'المستورد مسجّل في السجل التجاري',
  },
  async compute(batch) {
    const register = await companies(batch);
    return batch.lines.map((l) => (l.importer?.code && register ? register.has(l.importer.code) : null));
  },
});

registerIndicator({
  name: 'importer.registered_on',
  type: 'date',
  description: {
    en: 'date the importer was registered',
    fr: "date d'immatriculation de l'importateur",
    ar: 'تاريخ تسجيل المستورد',
  },
  async compute(batch) {
    const register = await companies(batch);
    return batch.lines.map((l) =>
      l.importer?.code ? (register?.get(l.importer.code)?.created_on ?? null) : null,
    );
  },
});

registerIndicator({
  name: 'importer.age_days',
  type: 'number',
  description: {
    en: 'days between the importer’s registration and the declaration',
    fr: "jours entre l'immatriculation de l'importateur et la déclaration",
    ar: 'عدد الأيام بين تسجيل المستورد والتصريح',
  },
  async compute(batch) {
    const register = await companies(batch);
    return batch.lines.map((l): IndicatorResult => {
      const c = l.importer?.code ? register?.get(l.importer.code) : undefined;
      if (!c?.created_on) return null;
      return {
        value: daysBetween(c.created_on, l.lodged_on),
        evidence: { company_id: c.company_id, created_on: c.created_on },
      };
    });
  },
});

registerIndicator({
  name: 'partners.importer_recent',
  type: 'boolean',
  description: {
    en: 'importer registered fewer than recent_days (risk settings, 90 by default) before the declaration',
    fr: 'importateur immatriculé moins de recent_days jours (réglages, 90 par défaut) avant la déclaration',
    ar: 'مستورد مسجّل قبل التصريح بأقل من recent_days يومًا (إعدادات المخاطر، 90 افتراضيًا)',
  },
  async compute(batch) {
    const [register, settings] = await Promise.all([companies(batch), settingsOf(batch)]);
    return batch.lines.map((l): IndicatorResult => {
      const c = l.importer?.code ? register?.get(l.importer.code) : undefined;
      if (!c?.created_on) return null;
      const age = daysBetween(c.created_on, l.lodged_on);
      return {
        value: age < settings.recent_days,
        evidence: {
          company_id: c.company_id,
          name: c.name,
          created_on: c.created_on,
          age_days: age,
          threshold_days: settings.recent_days,
        },
      };
    });
  },
});

const LEGAL_FORMS = new Set([
  'sarl',
  'sa',
  'sas',
  'sarlau',
  'ltd',
  'llc',
  'inc',
  'co',
  'corp',
  'gmbh',
  'plc',
  'snc',
  'eurl',
  'ste',
  'societe',
  'company',
]);

export function nameTokens(name: string): Set<string> {
  return new Set(
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 1 && !LEGAL_FORMS.has(t)),
  );
}

/** Names agree when half their distinctive words are shared (Jaccard ≥ 0.5). */
export function namesAgree(a: string, b: string): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.size === 0 || y.size === 0) return true;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common) >= 0.5;
}

registerIndicator({
  name: 'partners.register_mismatch',
  type: 'boolean',
  description: {
    en: 'the importer name declared contradicts the company register',
    fr: "le nom d'importateur déclaré contredit le registre du commerce",
    ar: 'اسم المستورد المصرّح به يخالف السجل التجاري',
  },
  async compute(batch) {
    const register = await companies(batch);
    return batch.lines.map((l): IndicatorResult => {
      const declared = l.importer?.name;
      const c = l.importer?.code ? register?.get(l.importer.code) : undefined;
      if (!declared || !c) return null;
      return {
        value: !namesAgree(declared, c.name),
        evidence: { company_id: c.company_id, declared_name: declared, registered_name: c.name },
      };
    });
  },
});

// ── foreign-exchange payments ──

interface Payment {
  payment_reference: string;
  declaration_reference: string;
  amount: number;
  currency: string;
  paid_on: string;
}

function payments(batch: IndicatorBatch): Promise<Map<string, Payment[]>> {
  return batch.once('partners.payments', async () => {
    const small = smallBatchFacts(batch);
    const rows: Payment[] = small ? (await small).payments : await paymentsOfDeclarations(batch.db, null);
    const out = new Map<string, Payment[]>();
    for (const r of rows) {
      const g = out.get(r.declaration_reference);
      if (g) g.push(r);
      else out.set(r.declaration_reference, [r]);
    }
    return out;
  });
}

interface FxCheck {
  paid: number | null;
  ratio: number | null;
  excess: boolean | null;
  evidence: Record<string, unknown>;
}

function fxChecks(batch: IndicatorBatch): Promise<Map<string, FxCheck>> {
  return batch.once('partners.fx', async () => {
    const [byRef, rates, settings, totals] = await Promise.all([
      payments(batch),
      ratesOf(batch),
      settingsOf(batch),
      declarationTotals(batch),
    ]);
    const out = new Map<string, FxCheck>();
    const currencyOf = new Map(batch.lines.map((l) => [l.reference, l.currency]));
    for (const [ref, total] of totals) {
      const list = byRef.get(ref);
      if (!list) continue;
      const currency = currencyOf.get(ref) ?? null;
      let paid: number | null = 0;
      const missing: string[] = [];
      for (const p of list) {
        const v = currency ? convert(p.amount, p.currency, currency, rates) : null;
        if (v === null) missing.push(p.currency);
        else paid = (paid ?? 0) + v;
      }
      if (missing.length > 0) paid = null;
      const ratio = paid !== null && total.value > 0 ? paid / total.value : null;
      out.set(ref, {
        paid,
        ratio,
        excess: ratio === null ? null : ratio >= settings.fx_ratio,
        evidence: {
          payments: list.map((p) => ({
            reference: p.payment_reference,
            amount: p.amount,
            currency: p.currency,
            paid_on: p.paid_on,
          })),
          paid_in_declaration_currency: paid,
          declared_value: total.value,
          currency,
          rates: Object.fromEntries(
            [...new Set([...list.map((p) => p.currency), currency ?? ''])]
              .filter((c) => c && rates.has(c))
              .map((c) => [c, rates.get(c)]),
          ),
          ...(missing.length ? { missing_rates: [...new Set(missing)] } : {}),
          threshold: settings.fx_ratio,
        },
      });
    }
    return out;
  });
}

function perDeclaration<T>(
  name: string,
  type: 'number' | 'boolean',
  description: Texts,
  source: (batch: IndicatorBatch) => Promise<Map<string, T & { evidence: Record<string, unknown> }>>,
  pick: (c: T) => number | boolean | null,
) {
  registerIndicator({
    name,
    type,
    description,
    async compute(batch) {
      const checks = await source(batch);
      return batch.lines.map((l): IndicatorResult => {
        const c = checks.get(l.reference);
        if (!c) return null;
        const value = pick(c);
        return value === null ? null : { value, evidence: c.evidence };
      });
    },
  });
}

perDeclaration(
  'partners.fx_paid',
  'number',
  {
    en: 'foreign-exchange payments for the declaration, in its currency',
    fr: 'paiements en devises liés à la déclaration, dans sa monnaie',
    ar: 'المدفوعات بالعملة الأجنبية المرتبطة بالتصريح، بعملته',
  },
  fxChecks,
  (c) => c.paid,
);
perDeclaration(
  'partners.fx_ratio',
  'number',
  {
    en: 'payments ÷ declared value of the declaration',
    fr: 'paiements ÷ valeur déclarée de la déclaration',
    ar: 'المدفوعات ÷ القيمة المصرّح بها في التصريح',
  },
  fxChecks,
  (c) => c.ratio,
);
perDeclaration(
  'partners.fx_excess',
  'boolean',
  {
    en: 'payments at least fx_ratio (1.5 by default) times the declared value',
    fr: 'paiements d’au moins fx_ratio (1,5 par défaut) fois la valeur déclarée',
    ar: 'مدفوعات لا تقل عن fx_ratio ضعف القيمة المصرّح بها (1,5 افتراضيًا)',
  },
  fxChecks,
  (c) => c.excess,
);

// ── manifests ──

interface ManifestRow {
  document_number: string;
  declaration_reference: string | null;
  consignee_code: string | null;
  gross_mass_kg: number | null;
  containers: string[];
  arrival_date: string | null;
}

function manifests(batch: IndicatorBatch): Promise<Map<string, ManifestRow[]>> {
  return batch.once('partners.manifests', async () => {
    const small = smallBatchFacts(batch);
    const rows: ManifestRow[] = small
      ? (await small).manifests
      : ((await manifestsOfDeclarations(batch.db, null)) as ManifestRow[]);
    const out = new Map<string, ManifestRow[]>();
    for (const r of rows) {
      const g = out.get(r.declaration_reference!);
      if (g) g.push(r);
      else out.set(r.declaration_reference!, [r]);
    }
    return out;
  });
}

interface MassCheck {
  ratio: number | null;
  excess: boolean | null;
  evidence: Record<string, unknown>;
}

function massChecks(batch: IndicatorBatch): Promise<Map<string, MassCheck>> {
  return batch.once('partners.mass', async () => {
    const [byRef, settings, totals] = await Promise.all([
      manifests(batch),
      settingsOf(batch),
      declarationTotals(batch),
    ]);
    const out = new Map<string, MassCheck>();
    for (const [ref, list] of byRef) {
      const total = totals.get(ref);
      if (!total) continue;
      const gross = list.reduce((s, m) => s + (m.gross_mass_kg ?? 0), 0);
      const known = list.every((m) => m.gross_mass_kg !== null);
      const ratio = known && !total.massMissing && total.mass > 0 ? gross / total.mass : null;
      out.set(ref, {
        ratio,
        excess: ratio === null ? null : ratio >= settings.mass_ratio,
        evidence: {
          documents: list.map((m) => ({
            document_number: m.document_number,
            gross_mass_kg: m.gross_mass_kg,
          })),
          gross_mass_kg: gross,
          declared_net_mass_kg: total.mass,
          threshold: settings.mass_ratio,
        },
      });
    }
    return out;
  });
}

perDeclaration(
  'partners.manifest_mass_ratio',
  'number',
  {
    en: 'manifest gross mass ÷ declared net mass',
    fr: 'masse brute au manifeste ÷ masse nette déclarée',
    ar: 'الكتلة الإجمالية في بيان الحمولة ÷ الكتلة الصافية المصرّح بها',
  },
  massChecks,
  (c) => c.ratio,
);
perDeclaration(
  'partners.manifest_mass_excess',
  'boolean',
  {
    en: 'manifest gross mass at least mass_ratio (2 by default) times the declared net mass',
    fr: 'masse brute au manifeste d’au moins mass_ratio (2 par défaut) fois la masse nette déclarée',
    ar: 'كتلة إجمالية في بيان الحمولة لا تقل عن mass_ratio ضعف الكتلة الصافية المصرّح بها (2 افتراضيًا)',
  },
  massChecks,
  (c) => c.excess,
);

registerIndicator({
  name: 'partners.transport_documents',
  type: 'list',
  description: {
    en: 'transport documents and containers of the manifests naming the declaration',
    fr: 'titres de transport et conteneurs des manifestes qui citent la déclaration',
    ar: 'سندات النقل والحاويات في بيانات الحمولة التي تذكر التصريح',
  },
  async compute(batch) {
    const byRef = await manifests(batch);
    const cache = new Map<string, string[]>();
    return batch.lines.map((l) => {
      let v = cache.get(l.reference);
      if (!v) {
        const list = byRef.get(l.reference) ?? [];
        v = [...new Set(list.flatMap((m) => [m.document_number, ...(m.containers ?? [])]))];
        cache.set(l.reference, v);
      }
      return v.length ? v : null;
    });
  },
});

function undeclared(batch: IndicatorBatch): Promise<Map<string, ManifestRow[]>> {
  return batch.once('partners.undeclared', async () => {
    const importers = distinct(batch.lines.map((l) => l.importer?.code));
    if (importers.length === 0) return new Map();
    const filter =
      batch.lines.length < WHOLE_TABLES_FROM
        ? sql`m.consignee_code = any(${importers}::text[])`
        : sql`m.consignee_code is not null`;
    const { rows } = await sql<ManifestRow>`
      select m.document_number, m.declaration_reference, m.consignee_code, m.gross_mass_kg, m.containers,
             m.arrival_date::text as arrival_date
      from ${MANIFESTS} m
      where ${filter}
        and (m.declaration_reference is null
             or not exists (select 1 from ${DECLARATIONS} d where d.reference = m.declaration_reference))
      order by m.arrival_date`.execute(batch.db);
    const out = new Map<string, ManifestRow[]>();
    for (const r of rows) {
      const g = out.get(r.consignee_code!);
      if (g) g.push(r);
      else out.set(r.consignee_code!, [r]);
    }
    return out;
  });
}

registerIndicator({
  name: 'partners.undeclared_manifests',
  type: 'number',
  description: {
    en: 'consignments manifested to the importer (arrived by the declaration date) and never declared',
    fr: "envois manifestés à l'importateur (arrivés à la date de la déclaration) et jamais déclarés",
    ar: 'إرساليات مسجّلة في بيانات الحمولة باسم المستورد (وصلت قبل تاريخ التصريح) ولم يُصرَّح بها قط',
  },
  async compute(batch) {
    const byImporter = await undeclared(batch);
    return batch.lines.map((l: ScoringLine): IndicatorResult => {
      if (!l.importer?.code) return null;
      const list = (byImporter.get(l.importer.code) ?? []).filter(
        (m) => !m.arrival_date || m.arrival_date <= l.lodged_on,
      );
      if (list.length === 0) return 0;
      return {
        value: list.length,
        evidence: {
          documents: list.slice(0, 20).map((m) => ({
            document_number: m.document_number,
            arrival_date: m.arrival_date,
            declaration_reference: m.declaration_reference,
          })),
        },
      };
    });
  },
});
