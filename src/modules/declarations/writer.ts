/**
 * Writes validated declarations in bulk: parties and offices upserted once per new code, existing declarations
 * recognised by reference (same content → unchanged, other content → refused and reported), identifiers reserved
 * from the sequences, then declarations, items and outcomes each sent with one COPY per batch.
 */
import { sql } from 'kysely';
import { copyJson, copyNumber, copyText } from '../../platform/db/copy-text.ts';
import type { Session } from '../../platform/db/database.ts';
import type { Group, RowIssue, TargetWriter, WriterContext } from '../../platform/ingest/target.ts';
import { fingerprint } from '../../platform/lib/hash.ts';
import { DECLARATION_COLUMNS, ITEM_COLUMNS, OUTCOME_COLUMNS } from './columns.ts';
import type { DeclarationLine, PartyRef } from './types.ts';

// What the writer sends of a header: every published column, then the content's fingerprint.
const WRITTEN_DECLARATION_COLUMNS = [
  ...DECLARATION_COLUMNS,
  'content_hash',
  'inspected_items',
  'fraud_items',
  'critical_items',
] as const;

type PartyTable = 'importers' | 'declarants' | 'couriers' | 'sellers';
const PARTY_FIELDS: [PartyTable, 'importer' | 'declarant' | 'courier' | 'seller'][] = [
  ['importers', 'importer'],
  ['declarants', 'declarant'],
  ['couriers', 'courier'],
  ['sellers', 'seller'],
];

/**
 * A declaration in COPY text, without the identifiers that are only known once it is new: the header's columns
 * from `reference` to `attributes`, then one text per item (from `line_no`) and per outcome (from
 * `inspected_on`). The same text fingerprints the content, to tell an identical re-import from a changed one.
 */
interface DeclarationText {
  header: string;
  items: string[];
  outcomes: (string | null)[];
  total: number;
  hash: string;
  /** Items with an outcome, with a fraud one, with a critical one, tab-separated (the row's last columns). */
  outcomeCounts: string;
}

export function declarationText(lines: readonly DeclarationLine[]): DeclarationText {
  const head = lines[0]!;
  const header = `${copyText(head.reference)}\t${copyText(head.office)}\t${head.lodged_on}\t${copyText(head.procedure)}\t${copyText(head.transport_mode)}\t${copyText(head.departure_country)}\t${copyText(head.currency)}\t${copyText(head.declarant?.code)}\t${copyText(head.importer?.code)}\t${copyText(head.seller?.code)}\t${copyText(head.courier?.code)}\t${copyJson(head.attributes)}`;
  let content = header;
  let total = 0;
  const items: string[] = [];
  const outcomes: (string | null)[] = [];
  let inspected = 0;
  let frauds = 0;
  let critical = 0;
  for (const line of lines) {
    const item = line.item;
    total += item.customs_value;
    const itemText = `${item.line_no}\t${item.hs_code}\t${copyText(item.description)}\t${copyText(item.origin_country)}\t${copyNumber(item.quantity)}\t${copyText(item.quantity_unit)}\t${copyNumber(item.net_mass_kg)}\t${item.customs_value}\t${copyNumber(item.duty_rate)}\t${copyText(item.tax_type)}\t${copyText(item.origin_indicator)}`;
    const o = line.outcome;
    if (o) {
      inspected++;
      if (o.result === 'fraud') frauds++;
      else if (o.result === 'critical') critical++;
    }
    const outcomeText = o
      ? `${copyText(o.inspected_on)}\t${copyText(o.channel)}\t${o.result}\t${copyText(o.fraud_type)}\t${copyNumber(o.recovered_amount)}\t${copyText(o.officer)}\t${copyText(o.note)}`
      : null;
    items.push(itemText);
    outcomes.push(outcomeText);
    content += `\n${itemText}\n${outcomeText ?? ''}`;
  }
  return {
    header,
    items,
    outcomes,
    total,
    hash: fingerprint(content),
    outcomeCounts: `${inspected}\t${frauds}\t${critical}`,
  };
}

export function createDeclarationWriter(
  session: Session,
  context: WriterContext,
): TargetWriter<DeclarationLine> {
  const counts = {
    declarations_inserted: 0,
    items_inserted: 0,
    outcomes_inserted: 0,
    declarations_unchanged: 0,
  };
  // Codes already upserted during this import, with the name given, so that each is written once.
  const knownParties = new Map<PartyTable, Map<string, string | null>>(
    PARTY_FIELDS.map(([t]) => [t, new Map()]),
  );
  const knownOffices = new Set<string>();
  const db = session.db;

  async function upsertParties(groups: Group<DeclarationLine>[]): Promise<void> {
    const offices = new Set<string>();
    for (const [table, field] of PARTY_FIELDS) {
      const known = knownParties.get(table)!;
      // One row per code: a code given twice in a batch with different names would make the upsert touch its
      // row twice, which PostgreSQL refuses. The last name and country given win, as from batch to batch.
      const changed = new Map<string, { name: string | null; country: string | null }>();
      for (const group of groups) {
        const line = group.rows[0]!.row!;
        if (!knownOffices.has(line.office)) offices.add(line.office);
        const party = line[field] as (PartyRef & { country?: string | null }) | null;
        if (!party) continue;
        // What this batch would tell the table about the party (a seller's country too); nothing new: skipped.
        const told = party.country ? `${party.name ?? ''}\u0000${party.country}` : party.name;
        if (known.has(party.code) && (told === null || known.get(party.code) === told)) continue;
        known.set(party.code, told);
        const earlier = changed.get(party.code);
        changed.set(party.code, {
          name: party.name ?? earlier?.name ?? null,
          country: party.country ?? earlier?.country ?? null,
        });
      }
      if (changed.size === 0) continue;
      const codes = [...changed.keys()];
      const names = [...changed.values()].map((p) => p.name);
      const countries = [...changed.values()].map((p) => p.country);
      if (table === 'sellers') {
        await sql`insert into sellers (code, name, country)
          select * from unnest(${codes}::text[], ${names}::text[], ${countries}::text[])
          on conflict (code) do update set name = coalesce(excluded.name, sellers.name),
            country = coalesce(excluded.country, sellers.country), updated_at = now()
          where (excluded.name is not null and excluded.name is distinct from sellers.name)
             or (excluded.country is not null and excluded.country is distinct from sellers.country)`.execute(
          db,
        );
      } else {
        await sql`insert into ${sql.table(table)} (code, name)
          select * from unnest(${codes}::text[], ${names}::text[])
          on conflict (code) do update set name = excluded.name, updated_at = now()
          where excluded.name is not null and excluded.name is distinct from ${sql.ref(`${table}.name`)}`.execute(
          db,
        );
      }
    }
    if (offices.size) {
      await sql`insert into offices (code) select unnest(${[...offices]}::text[]) on conflict do nothing`.execute(
        db,
      );
      for (const office of offices) knownOffices.add(office);
    }
  }

  const sequences = new Map<string, string>();
  async function reserveIds(table: 'declarations' | 'declaration_items', n: number): Promise<number[]> {
    let sequence = sequences.get(table);
    if (!sequence) {
      const { rows } = await sql<{
        name: string;
      }>`select pg_get_serial_sequence(${table}, 'id') as name`.execute(db);
      sequence = rows[0]!.name;
      sequences.set(table, sequence);
    }
    const { rows } = await sql<{ id: number }>`select nextval(${sequence}::regclass) as id
      from generate_series(1, ${n}::int)`.execute(db);
    return rows.map((r) => r.id);
  }

  return {
    async write(groups) {
      const refused: { group: Group<DeclarationLine>; issues: RowIssue[] }[] = [];
      const texts = groups.map((g) => declarationText(g.rows.map((r) => r.row!)));
      const references = groups.map((g) => g.key);
      const { rows: existing } = await sql<{
        reference: string;
        content_hash: string;
        import_id: number | null;
      }>`
        select reference, content_hash, import_id from declarations where reference = any(${references}::text[])`.execute(
        db,
      );
      const byReference = new Map(existing.map((e) => [e.reference, e]));
      const fresh: { group: Group<DeclarationLine>; text: DeclarationText }[] = [];
      const inBatch = new Set<string>();
      groups.forEach((group, i) => {
        const found = byReference.get(group.key);
        const again = inBatch.has(group.key);
        inBatch.add(group.key);
        if (!found && !again) fresh.push({ group, text: texts[i]! });
        else if (again || found!.import_id === context.importId) {
          refused.push({
            group,
            issues: [
              {
                record: group.rows[0]!.record,
                field: 'reference',
                code: 'declaration.not_contiguous',
                message: `declaration ${group.key} appears again further down the file: the lines of one declaration must follow each other`,
              },
            ],
          });
        } else if (found!.content_hash === texts[i]!.hash) counts.declarations_unchanged++;
        else {
          refused.push({
            group,
            issues: [
              {
                record: group.rows[0]!.record,
                field: 'reference',
                code: 'declaration.conflict',
                message: `declaration ${group.key} was already imported${found!.import_id ? ` (import #${found!.import_id})` : ''} with different content; an import never changes a stored declaration`,
              },
            ],
          });
        }
      });
      if (fresh.length === 0) return refused;

      await upsertParties(fresh.map((f) => f.group));
      const itemCount = fresh.reduce((n, f) => n + f.group.rows.length, 0);
      const declarationIds = await reserveIds('declarations', fresh.length);
      const itemIds = await reserveIds('declaration_items', itemCount);

      let declarations = '';
      let items = '';
      let outcomes = '';
      let nextItem = 0;
      let outcomeCount = 0;
      const importId = String(context.importId);
      fresh.forEach(({ group, text }, i) => {
        const declarationId = declarationIds[i];
        declarations += `${declarationId}\t${text.header}\t${group.rows.length}\t${text.total}\t${importId}\t${text.hash}\t${text.outcomeCounts}\n`;
        for (let k = 0; k < text.items.length; k++) {
          const itemId = itemIds[nextItem++];
          items += `${itemId}\t${declarationId}\t${text.items[k]}\n`;
          const outcome = text.outcomes[k];
          if (outcome !== null) {
            outcomeCount++;
            outcomes += `${itemId}\t${outcome}\timport\t${importId}\n`;
          }
        }
      });
      await session.copyIn('declarations', WRITTEN_DECLARATION_COLUMNS, declarations);
      await session.copyIn('declaration_items', ITEM_COLUMNS, items);
      // The rows above carry their outcome counts already: the counting trigger (migration 0042) stands aside.
      await sql`select set_config('vigie.outcome_counts', 'written', true)`.execute(db);
      await session.copyIn('inspection_outcomes', OUTCOME_COLUMNS, outcomes);
      counts.declarations_inserted += fresh.length;
      counts.items_inserted += itemCount;
      counts.outcomes_inserted += outcomeCount;
      return refused;
    },
    async finish() {
      return { ...counts };
    },
  };
}
