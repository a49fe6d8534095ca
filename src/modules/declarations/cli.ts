/** `vigie declarations list|show|stats`. */
import { type Command, Option } from 'commander';
import type { CliContext } from '../../platform/cli/context.ts';
import { formatInt, printJson, table } from '../../platform/cli/output.ts';
import { listQuerySchema } from './api-schemas.ts';
import { declarationStats, getDeclaration, listDeclarations, SORTS } from './store.ts';

export function registerDeclarationCommands(program: Command, context: CliContext): void {
  const command = program.command('declarations').description('read the declarations in the database');

  command
    .command('list')
    .description('declarations, newest first, filtered')
    .option('--office <code>', 'customs office')
    .option('--importer <code>', 'importer code')
    .option('--declarant <code>', 'declarant code')
    .option('--seller <code>', 'seller code')
    .option('--hs <prefix>', 'HS code prefix (2 to 10 digits)')
    .option('--origin <country>', 'country of origin of an item')
    .option('--from <date>', 'lodged on or after (YYYY-MM-DD)')
    .option('--to <date>', 'lodged on or before (YYYY-MM-DD)')
    .addOption(
      new Option('--result <result>', 'with an item of this outcome').choices([
        'compliant',
        'fraud',
        'critical',
        'inspected',
        'not_inspected',
      ]),
    )
    .option('--reference <prefix>', 'reference prefix')
    .option('--limit <n>', 'how many', '20')
    .option('--offset <n>', 'skip the first n', '0')
    .addOption(new Option('--sort <field>', 'order').choices(SORTS).default('-lodged_on'))
    .option('--json', 'print as JSON')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const { json, ...rest } = options;
      const parsed = listQuerySchema.safeParse(rest);
      if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      }
      const { limit, offset, sort, cursor: _cursor, ...filters } = parsed.data;
      await context.withDatabase(async (database) => {
        const page = await listDeclarations(database.db, filters, { limit, offset, sort });
        if (json) {
          printJson({ total: page.total, limit, offset, items: page.items });
          return;
        }
        console.log(
          table(
            [
              'reference',
              'office',
              'lodged on',
              'importer',
              'declarant',
              'items',
              'value',
              'currency',
              'inspected',
              'fraud',
            ],
            page.items.map((d) => [
              d.reference,
              d.office,
              d.lodged_on,
              d.importer_code,
              d.declarant_code,
              d.item_count,
              Math.round(d.total_value),
              d.currency,
              d.inspected_items,
              d.fraud_items + d.critical_items,
            ]),
          ),
        );
        console.log(
          `${formatInt(offset + 1)}–${formatInt(offset + page.items.length)} of ${formatInt(page.total)}`,
        );
      });
    });

  command
    .command('show')
    .description('one declaration with its parties, items and outcomes')
    .argument('<reference>', 'declaration reference')
    .option('--json', 'print as JSON')
    .action(async (reference: string, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const d = await getDeclaration(database.db, reference);
        if (!d) {
          console.error(`no declaration ${reference}`);
          process.exitCode = 1;
          return;
        }
        if (options.json) {
          printJson(d);
          return;
        }
        const party = (p: { code: string; name: string | null } | null) =>
          p ? `${p.code}${p.name ? ` (${p.name})` : ''}` : '—';
        console.log(`Declaration ${d.reference} — office ${d.office.code}, lodged ${d.lodged_on}`);
        console.log(
          `  procedure ${d.procedure ?? '—'}, transport ${d.transport_mode ?? '—'}, from ${d.departure_country ?? '—'}`,
        );
        console.log(`  importer ${party(d.parties.importer)}, declarant ${party(d.parties.declarant)}`);
        console.log(`  seller ${party(d.parties.seller)}, courier ${party(d.parties.courier)}`);
        console.log(
          `  ${d.item_count} item(s), total value ${formatInt(Math.round(d.total_value))} ${d.currency ?? ''}`,
        );
        console.log(
          table(
            ['line', 'HS', 'origin', 'net kg', 'value', 'rate %', 'outcome'],
            d.items.map((i) => [
              i.line_no,
              i.hs_code,
              i.origin_country,
              i.net_mass_kg,
              Math.round(i.customs_value),
              i.duty_rate,
              i.outcomes.map((o) => `${o.result}${o.inspected_on ? ` ${o.inspected_on}` : ''}`).join(', ') ||
                '—',
            ]),
          ),
        );
      });
    });

  command
    .command('stats')
    .description('counts of declarations, items, outcomes and parties')
    .option('--json', 'print as JSON: {"declarations": N, "items": M, …}')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const stats = await declarationStats(database.db);
        if (options.json) {
          printJson(stats);
          return;
        }
        console.log(
          table(
            ['what', 'count'],
            [
              ['declarations', stats.declarations],
              ['items', stats.items],
              ['inspection outcomes', stats.outcomes],
              ['items inspected', stats.inspected_items],
              ['items with fraud', stats.fraud_items],
              ['items with critical fraud', stats.critical_items],
              ['importers', stats.importers],
              ['declarants', stats.declarants],
              ['sellers', stats.sellers],
              ['couriers', stats.couriers],
              ['offices', stats.offices],
              ['imports', stats.imports],
            ],
          ),
        );
        if (stats.first_lodged_on)
          console.log(`lodged from ${stats.first_lodged_on} to ${stats.last_lodged_on}`);
      });
    });
}
