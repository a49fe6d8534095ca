/**
 * Writes partner records in bulk: COPY into a temporary staging table, then one INSERT … ON CONFLICT per batch that
 * inserts new records and updates the ones whose content changed (partner registers do change: a company moves, a
 * manifest is corrected), leaving identical ones untouched. Counts say which was which.
 */
import { sql } from 'kysely';
import { copyNumber, copyNumberArray, copyText, copyTextArray } from '../../platform/db/copy-text.ts';
import type { Session } from '../../platform/db/database.ts';
import type { TargetWriter, WriterContext } from '../../platform/ingest/target.ts';

export type ColumnKind = 'text' | 'number' | 'text[]' | 'integer[]';

export interface UpsertSpec {
  table: 'manifests' | 'fx_payments' | 'companies' | 'trademarks';
  /** Conflict target: the natural key. */
  key: readonly string[];
  columns: Readonly<Record<string, ColumnKind>>;
  /** Counts are named `<noun>_inserted` etc. */
  noun: string;
}

function encode(kind: ColumnKind, value: unknown): string {
  switch (kind) {
    case 'number':
      return copyNumber(value as number | null);
    // Array columns are "not null default '{}'": no value means an empty list.
    case 'text[]':
      return copyTextArray((value as string[] | null) ?? []);
    case 'integer[]':
      return copyNumberArray((value as number[] | null) ?? []);
    default:
      return copyText(value as string | null);
  }
}

export function createUpsertWriter<Row>(spec: UpsertSpec) {
  return (session: Session, context: WriterContext): TargetWriter<Row> => {
    const columns = Object.keys(spec.columns);
    const stage = `vigie_stage_${spec.table}`;
    const counts = {
      [`${spec.noun}_inserted`]: 0,
      [`${spec.noun}_updated`]: 0,
      [`${spec.noun}_unchanged`]: 0,
    };
    let staged = false;
    const list = columns.map((c) => sql.ref(c));
    const updatable = columns.filter((c) => !spec.key.includes(c));
    return {
      async write(groups) {
        if (!staged) {
          await sql`create temporary table ${sql.table(stage)} on commit drop as
            select ${sql.join(list)} from ${sql.table(spec.table)} where false`.execute(session.db);
          staged = true;
        } else await sql`truncate ${sql.table(stage)}`.execute(session.db);
        let text = '';
        for (const group of groups) {
          const row = group.rows[0]!.row as Record<string, unknown>;
          text += `${columns.map((c) => encode(spec.columns[c]!, row[c])).join('\t')}\n`;
        }
        await session.copyIn(stage, columns, text);
        const { rows } = await sql<{ inserted: number; updated: number }>`
          with upserted as (
            insert into ${sql.table(spec.table)} (${sql.join(list)}, import_id)
            select ${sql.join(list)}, ${context.importId}::bigint from ${sql.table(stage)}
            on conflict (${sql.join(spec.key.map((k) => sql.ref(k)))}) do update set
              ${sql.join(
                updatable.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`),
                sql`, `,
              )},
              import_id = excluded.import_id,
              updated_at = now()
            where (${sql.join(updatable.map((c) => sql.ref(`${spec.table}.${c}`)))})
              is distinct from (${sql.join(updatable.map((c) => sql.ref(`excluded.${c}`)))})
            returning (xmax = 0) as inserted
          )
          select (count(*) filter (where inserted))::int as inserted,
                 (count(*) filter (where not inserted))::int as updated
          from upserted`.execute(session.db);
        const inserted = rows[0]?.inserted ?? 0;
        const updated = rows[0]?.updated ?? 0;
        counts[`${spec.noun}_inserted`]! += inserted;
        counts[`${spec.noun}_updated`]! += updated;
        counts[`${spec.noun}_unchanged`]! += groups.length - inserted - updated;
        return [];
      },
      async finish() {
        return { ...counts };
      },
    };
  };
}
