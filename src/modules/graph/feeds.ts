/**
 * The feeds of the graph: what each source's records become (entities and links with their provenance). Each feed
 * reads its source through the owner module's public face, in pages after a cursor (the watermark kept in
 * `graph_build_state`), and maps a page to a batch. Pure mapping functions, so that tests can read them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DeclarationParties } from '../declarations/index.ts';
import type { SellerRecord } from '../osint/index.ts';
import type { CompanyRecord, ManifestRecord, PaymentRecord } from '../partners/index.ts';
import { addressKey, codeKey, emailKey, fold, nameKey, phoneKey } from './keys.ts';
import type { Batch, EntityInput, LinkInput } from './store.ts';

export type PhoneNormalizer = (raw: string) => string | null;

export interface Feed<R, C> {
  source: string;
  read(db: Kysely<DB>, cursor: C | null, limit: number): Promise<R[]>;
  next(last: R): C;
  map(records: R[], phone: PhoneNormalizer): Batch;
  /** Rows left to read after the cursor, when cheap to know (the progress total). */
  count?(db: Kysely<DB>, cursor: C | null): Promise<number>;
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);

export function mapDeclarations(records: DeclarationParties[]): Batch {
  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  for (const d of records) {
    const decl = { type: 'declaration' as const, key: d.reference };
    entities.push({
      ...decl,
      label: d.reference,
      attributes: {
        office: d.office_code,
        lodged_on: d.lodged_on,
        total_value: d.total_value,
        fraud: d.fraud,
      },
      source_table: 'declarations',
      source_id: String(d.id),
    });
    const seen = {
      first_seen: d.lodged_on,
      last_seen: d.lodged_on,
      source_table: 'declarations',
      source_id: d.reference,
    };
    const party = (
      type: 'company' | 'declarant' | 'seller' | 'courier',
      code: string | null,
      name: string | null,
      link: string,
      attributes: Record<string, unknown> = {},
    ) => {
      if (!code) return;
      const ref = { type, key: codeKey(code) };
      entities.push({ ...ref, label: name ?? code, attributes });
      links.push({ from: ref, to: decl, type: link, ...seen });
    };
    party('company', d.importer_code, d.importer_name, 'importer_of', { importer: true });
    party('declarant', d.declarant_code, d.declarant_name, 'declarant_of');
    party(
      'seller',
      d.seller_code,
      d.seller_name,
      'seller_of',
      d.seller_country ? { country: d.seller_country } : {},
    );
    party('courier', d.courier_code, d.courier_name, 'courier_of');
  }
  return { entities, links };
}

export function mapCompanies(records: CompanyRecord[], phone: PhoneNormalizer): Batch {
  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  for (const c of records) {
    const company = { type: 'company' as const, key: codeKey(c.company_id) };
    entities.push({
      ...company,
      label: c.name,
      attributes: { registered: true, legal_form: c.legal_form, activity: c.activity, city: c.city },
      source_table: 'companies',
      source_id: c.company_id,
    });
    const seen = {
      first_seen: day(c.updated_at),
      last_seen: day(c.updated_at),
      source_table: 'companies',
      source_id: c.company_id,
    };
    const number = c.phone ? phoneKey(c.phone, phone) : null;
    if (number) {
      entities.push({ type: 'phone', key: number, label: number });
      links.push({ from: company, to: { type: 'phone', key: number }, type: 'has_phone', ...seen });
    }
    const city = c.city ? { type: 'city' as const, key: fold(c.city) } : null;
    if (city) entities.push({ ...city, label: c.city! });
    if (c.address) {
      const address = { type: 'address' as const, key: addressKey(c.address, c.city) };
      entities.push({
        ...address,
        label: [c.address, c.city].filter(Boolean).join(', '),
        attributes: { city: c.city },
      });
      links.push({ from: company, to: address, type: 'located_at', ...seen });
      if (city) links.push({ from: address, to: city, type: 'in_city', ...seen });
    } else if (city) links.push({ from: company, to: city, type: 'in_city', ...seen });
    for (const manager of c.managers) {
      const key = nameKey(manager);
      if (!key) continue;
      entities.push({ type: 'person', key, label: manager });
      links.push({ from: { type: 'person', key }, to: company, type: 'manager_of', ...seen });
    }
  }
  return { entities, links };
}

export function mapManifests(records: ManifestRecord[]): Batch {
  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  for (const m of records) {
    const manifest = { type: 'manifest' as const, key: codeKey(m.document_number) };
    entities.push({
      ...manifest,
      label: m.document_number,
      attributes: { carrier: m.carrier, arrival_date: m.arrival_date },
      source_table: 'manifests',
      source_id: String(m.id),
    });
    const seen = {
      first_seen: m.arrival_date,
      last_seen: m.arrival_date,
      source_table: 'manifests',
      source_id: m.document_number,
    };
    if (m.consignee_code) {
      const company = { type: 'company' as const, key: codeKey(m.consignee_code) };
      entities.push({ ...company, label: m.consignee_name ?? m.consignee_code });
      links.push({ from: company, to: manifest, type: 'consignee_of', ...seen });
    }
    for (const container of m.containers) {
      const ref = { type: 'container' as const, key: codeKey(container) };
      entities.push({ ...ref, label: container });
      links.push({ from: manifest, to: ref, type: 'carries', ...seen });
    }
    if (m.declaration_reference)
      links.push({
        from: manifest,
        to: { type: 'declaration', key: m.declaration_reference },
        type: 'manifest_of',
        ...seen,
      });
  }
  return { entities, links };
}

export function mapPayments(records: PaymentRecord[]): Batch {
  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  for (const p of records) {
    const payment = { type: 'payment' as const, key: p.payment_reference };
    entities.push({
      ...payment,
      label: `${p.payment_reference} (${p.amount} ${p.currency})`,
      attributes: { amount: p.amount, currency: p.currency, paid_on: p.paid_on },
      source_table: 'fx_payments',
      source_id: String(p.id),
    });
    const seen = {
      first_seen: p.paid_on,
      last_seen: p.paid_on,
      source_table: 'fx_payments',
      source_id: p.payment_reference,
    };
    links.push({
      from: { type: 'company', key: codeKey(p.importer_code) },
      to: payment,
      type: 'paid',
      ...seen,
    });
    if (p.beneficiary_name) {
      const key = nameKey(p.beneficiary_name);
      if (key) {
        const beneficiary = { type: 'company' as const, key: `name:${key}` };
        entities.push({
          ...beneficiary,
          label: p.beneficiary_name,
          attributes: { country: p.beneficiary_country },
        });
        links.push({ from: payment, to: beneficiary, type: 'beneficiary_of', ...seen });
      }
    }
    if (p.bank) {
      const bank = { type: 'bank' as const, key: fold(p.bank) };
      entities.push({ ...bank, label: p.bank });
      links.push({ from: payment, to: bank, type: 'paid_through', ...seen });
    }
    if (p.declaration_reference)
      links.push({
        from: payment,
        to: { type: 'declaration', key: p.declaration_reference },
        type: 'payment_for',
        ...seen,
      });
  }
  return { entities, links };
}

export function mapSellers(records: SellerRecord[], phone: PhoneNormalizer): Batch {
  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  for (const s of records) {
    const seller = { type: 'online_seller' as const, key: String(s.id) };
    entities.push({
      ...seller,
      label: s.display_name,
      attributes: {
        score: s.score,
        label: s.label,
        brands: s.brands.slice(0, 10),
        cities: s.cities.slice(0, 10),
      },
      source_table: 'osint_sellers',
      source_id: String(s.id),
    });
    if (s.merged_into !== null) continue;
    const base = {
      source_table: 'osint_sellers',
      source_id: String(s.id),
      first_seen: day(s.first_seen_at),
      last_seen: day(s.last_seen_at),
    };
    for (const a of s.accounts) {
      const account = { type: 'account' as const, key: `${a.platform}:${a.handle}`.toLowerCase() };
      entities.push({
        ...account,
        label: `${a.platform}: ${a.handle}`,
        attributes: { platform: a.platform },
      });
      links.push({ from: seller, to: account, type: 'has_account', ...base });
    }
    for (const city of s.cities) {
      const ref = { type: 'city' as const, key: fold(city) };
      entities.push({ ...ref, label: city });
      links.push({ from: seller, to: ref, type: 'in_city', ...base, confidence: 0.5 });
    }
    for (const i of s.identifiers) {
      const seen = {
        source_table: 'osint_identifiers',
        source_id: String(i.id),
        first_seen: day(i.first_seen_at),
        last_seen: day(i.last_seen_at),
      };
      if (i.kind === 'phone') {
        const key = phoneKey(i.value, phone);
        if (key) links.push({ from: seller, to: { type: 'phone', key }, type: 'has_phone', ...seen });
      } else if (i.kind === 'email') {
        links.push({
          from: seller,
          to: { type: 'email', key: emailKey(i.value) },
          type: 'has_email',
          ...seen,
        });
      } else if (i.kind === 'shop_url') {
        const key = i.value
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/\/$/, '');
        entities.push({ type: 'website', key, label: i.value });
        links.push({ from: seller, to: { type: 'website', key }, type: 'has_website', ...seen });
      } else if (i.kind === 'company') {
        const key = nameKey(i.value);
        if (key) {
          entities.push({ type: 'company', key: `name:${key}`, label: i.value });
          links.push({
            from: seller,
            to: { type: 'company', key: `name:${key}` },
            type: 'related',
            ...seen,
            confidence: 0.7,
          });
        }
      } else if (i.kind === 'address') {
        const key = fold(i.value);
        if (key) {
          entities.push({ type: 'address', key, label: i.value });
          links.push({ from: seller, to: { type: 'address', key }, type: 'located_at', ...seen });
        }
      }
    }
  }
  return { entities, links };
}
