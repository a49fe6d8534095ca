/**
 * `vigie graph hubs|keep|exclude|exclusions|include` (over-correlation control, docs/graph.md):
 *
 *   vigie graph hubs [--mark] [--degree N] [--json]      the hubs to review (--mark: mark by degree now)
 *   vigie graph keep ENTITY --reason T                   clear a hub mark: the entity links again (audited)
 *   vigie graph exclusions [--json]                      the exclusion list
 *   vigie graph exclude KEY --note T                     a value that never links (audited)
 *   vigie graph include KEY [--note T]                   take it off the list (audited)
 */
import { type Command, InvalidArgumentError } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { printJson, table } from '../../platform/cli/output.ts';
import { addExclusion, keepLinking, listExclusions, listHubs, markHubs, removeExclusion } from './hubs.ts';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
};

export function registerHubCli(graph: Command, context: CliContext): void {
  graph
    .command('hubs')
    .description('identifiers shared too widely: they stay in the graph but no longer link (review them)')
    .option('--mark', 'mark the identifiers linked to more than N entities now (also done after every build)')
    .option('--degree <n>', 'N for --mark (default VIGIE_GRAPH_HUB_DEGREE or 25)', positive)
    .option('--json', 'print as JSON')
    .action(async (o: { mark?: boolean; degree?: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const marked = o.mark ? await markHubs(database.db, o.degree ? { threshold: o.degree } : {}) : null;
        const hubs = await listHubs(database.db);
        if (o.json) return printJson(marked ? { marked: marked.marked, hubs } : hubs);
        if (marked) console.log(`${marked.marked} newly marked (more than ${marked.threshold} links)`);
        console.log(
          table(
            ['id', 'entity', 'label', 'linked to', 'excluded'],
            hubs.map((h) => [h.id, `${h.type}:${h.key}`, h.label, h.degree, h.excluded ? 'yes' : '']),
          ),
        );
      });
    });

  graph
    .command('keep')
    .description('clear a hub mark: the entity links again and is no longer marked by degree (audited)')
    .argument('<entity>', 'entity id', positive)
    .requiredOption('--reason <text>', 'why it may link')
    .option('--json', 'print as JSON')
    .action(async (id: number, o: { reason: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const hub = await keepLinking(database, cliActor(), id, o.reason);
        if (o.json) return printJson(hub);
        console.log(`${hub.type}:${hub.key} links again (${hub.degree} links)`);
      });
    });

  graph
    .command('exclusions')
    .description('values that never link')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const rows = await listExclusions(database.db);
        if (o.json) return printJson(rows);
        console.log(
          table(
            ['value', 'note', 'by', 'since'],
            rows.map((r) => [`${r.type}:${r.key}`, r.note, r.created_by, r.created_at.slice(0, 10)]),
          ),
        );
      });
    });

  graph
    .command('exclude')
    .description(
      'a value (phone:…, email:…, address:…, website:…, bank_account:…) that never links (audited)',
    )
    .argument('<key>', 'type:value')
    .requiredOption('--note <text>', 'why it must not link')
    .option('--json', 'print as JSON')
    .action(async (key: string, o: { note: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const row = await addExclusion(database, cliActor(), key, o.note);
        if (o.json) return printJson(row);
        console.log(`${row.type}:${row.key} excluded: it no longer links`);
      });
    });

  graph
    .command('include')
    .description('take a value off the exclusion list: the next build links it again (audited)')
    .argument('<key>', 'type:value')
    .option('--note <text>', 'why')
    .option('--json', 'print as JSON')
    .action(async (key: string, o: { note?: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        await removeExclusion(database, cliActor(), key, o.note ?? null);
        if (o.json) return printJson({ included: key });
        console.log(`${key} links again from the next build`);
      });
    });
}
