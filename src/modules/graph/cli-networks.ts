/**
 * `vigie graph networks list|show|export` (saved networks, docs/graph.md): the networks saved from the link chart.
 * The command line reads as the person at it, who sees online monitoring (as every `vigie graph` command).
 *
 *   vigie graph networks list [--json]                                 saved networks, the newest first
 *   vigie graph networks show ID [--json]                              its entities (with positions) and links
 *   vigie graph networks export ID --format csv|graphml --out F [--json]   to files (audited)
 */
import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { listCommand } from '../../platform/cli/list-command.ts';
import { printJson, table } from '../../platform/cli/output.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export.ts';
import { exportNetwork, listNetworks, openNetwork } from './networks.ts';

const networkId = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('expected the id of a saved network (a whole number ≥ 1)');
  return n;
};

/** The command line sees what online monitoring sees. */
const CLI_VIEWER = { osint: true };

export function registerNetworkCli(graph: Command, context: CliContext): void {
  const networks = graph
    .command('networks')
    .description('networks saved from the link chart: list, show, export');

  listCommand(
    networks.command('list').description('saved networks, the newest first'),
    context,
    async (database) => {
      const { total, items } = await listNetworks(database.db, { limit: 500 });
      return { json: { total, items }, rows: items };
    },
    {
      id: (n) => n.id,
      name: (n) => n.name,
      start: (n) => n.start_key ?? '',
      'saved by': (n) => n.created_by,
      'saved at': (n) => n.created_at,
      note: (n) => n.note,
    },
  );

  networks
    .command('show')
    .description('a saved network: its entities (with positions) and the links between them now')
    .argument('<id>', 'saved network id', networkId)
    .option('--json', 'print as JSON')
    .action(async (id: number, o: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const network = await openNetwork(database.db, id, CLI_VIEWER);
        if (o.json) return printJson(network);
        console.log(
          `${network.name} — saved by ${network.created_by} at ${network.created_at}: ${network.nodes.length} entities, ${network.edges.length} links${network.merged ? ` (${network.merged} merged since)` : ''}`,
        );
        if (network.note) console.log(network.note);
        console.log(
          table(
            ['id', 'entity', 'label', 'x', 'y', 'pinned'],
            network.nodes.map((n) => [
              n.id,
              `${n.type}:${n.key}`,
              n.label,
              Math.round(n.x),
              Math.round(n.y),
              n.pinned ? 'yes' : '',
            ]),
          ),
        );
      });
    });

  networks
    .command('export')
    .description('a saved network to files: CSV of nodes and of edges, or GraphML (audited)')
    .argument('<id>', 'saved network id', networkId)
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .requiredOption(
      '--out <file>',
      'GraphML: the file; CSV: F.nodes.csv and F.edges.csv (a .csv ending is dropped first)',
    )
    .option('--json', 'print what was written as JSON')
    .action(async (id: number, o: { format: string; out: string; json?: boolean }) => {
      const format = o.format as ExportFormat;
      await context.withDatabase(async (database) => {
        const files: string[] = [];
        let counts = '';
        if (format === 'graphml') {
          const file = await exportNetwork(database, cliActor(), id, CLI_VIEWER, 'graphml');
          writeFileSync(o.out, file.body);
          files.push(o.out);
        } else {
          const base = o.out.replace(/\.csv$/i, '');
          for (const part of ['nodes', 'edges'] as const) {
            const file = await exportNetwork(database, cliActor(), id, CLI_VIEWER, 'csv', part);
            const path = `${base}.${part}.csv`;
            writeFileSync(path, file.body);
            files.push(path);
          }
        }
        const network = await openNetwork(database.db, id, CLI_VIEWER);
        counts = `${network.nodes.length} entities, ${network.edges.length} links`;
        if (o.json) return printJson({ files, nodes: network.nodes.length, edges: network.edges.length });
        console.log(`${counts} → ${files.join(', ')}`);
      });
    });
}
