/**
 * `vigie graph …`, loaded only when it runs (module.ts):
 *
 *   vigie graph build [--source S…]                      incremental; progress on a terminal
 *   vigie graph show KEY                                 an entity, its links and their provenance
 *   vigie graph neighbours KEY [--depth N] [--types a,b] [--link-types …] [--since D] [--until D] [--max-nodes N]
 *   vigie graph path KEY1 KEY2 [--max-depth N]
 *   vigie graph communities [--min-size N] [--max-links N] [--limit N]
 *   vigie graph suggestions [--status S] [--propose]     the merge-suggestion queue
 *   vigie graph merge ID | reject ID [--note T]          accept (merge) or reject a suggestion
 *   vigie graph split ENTITY                             undo a merge
 *   vigie graph signals IMPORTER…                        risk signals with their path
 *   vigie graph export KEY [--depth N] --format csv|graphml --out F   a network to files (audited)
 *   vigie graph hubs | keep ID | exclusions | exclude KEY | include KEY   over-correlation control (cli-hubs.ts)
 *   vigie graph networks list | show ID | export ID --format csv|graphml --out F   saved networks (cli-networks.ts)
 *
 * KEY is an entity id or `type:value` (`phone:+212612345678`, `company:7IPEL2O`, `online_seller:12`). Every
 * command takes --json. Changes are audited as the person at the command line.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { commaList } from '../../platform/cli/options.ts';
import { printJson, table } from '../../platform/cli/output.ts';
import { normalizePhone } from '../osint/index.ts';
import { communities, neighbours, shortestPath } from './analysis.ts';
import { buildGraph, SOURCES } from './build.ts';
import { registerHubCli } from './cli-hubs.ts';
import { registerNetworkCli } from './cli-networks.ts';
import { entityDetail } from './entities.ts';
import { EXPORT_FORMATS, type ExportFormat, exportFile } from './export.ts';
import { decideSuggestion, listSuggestions, proposeMerges, splitByHand } from './resolve.ts';
import { graphRiskSignals } from './signals.ts';
import { findEntity } from './store.ts';

const int = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};
const date = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected YYYY-MM-DD');
  return value;
};

/** The options bounding a neighbourhood (neighbours, export). */
interface NeighbourhoodOptions {
  types?: string[];
  linkTypes?: string[];
  since?: string;
  until?: string;
  maxNodes: number;
}

/** Adds the options of `NeighbourhoodOptions`, at most `maxNodes` entities by default. */
function neighbourhoodOptions(command: Command, maxNodes: number): Command {
  return command
    .option('--types <list>', 'entity types shown and crossed (comma-separated)', commaList)
    .option('--link-types <list>', 'link types followed (comma-separated)', commaList)
    .option('--since <date>', 'links seen on or after', date)
    .option('--until <date>', 'links seen on or before', date)
    .option('--max-nodes <n>', 'at most this many entities', int(1, 5000), maxNodes);
}

/** The filters of `neighbours` that `NeighbourhoodOptions` give. */
const neighbourhoodFilters = (o: NeighbourhoodOptions) => ({
  types: o.types,
  link_types: o.linkTypes,
  since: o.since,
  until: o.until,
});

export function registerGraphCli(program: Command, context: CliContext): void {
  const graph = program
    .command('graph')
    .description('the link graph: build it, neighbours, paths, communities, merge suggestions');

  graph
    .command('build')
    .description('reads what landed since the last build (declarations, partner files, online monitoring)')
    .option('--source <name...>', `only these sources (${SOURCES.join(', ')})`)
    .option('--json', 'print as JSON')
    .action(async (options: { source?: string[]; json?: boolean }) => {
      for (const s of options.source ?? [])
        if (!SOURCES.includes(s))
          throw new InvalidArgumentError(`unknown source ${s} (expected ${SOURCES.join(', ')})`);
      await context.withDatabase(async (database) => {
        const tty = Boolean(process.stderr.isTTY) && !options.json;
        const result = await buildGraph(database, {
          ...(options.source ? { sources: options.source } : {}),
          progress: (p) => {
            if (tty)
              process.stderr.write(
                `\r${p.source}: ${p.read}${p.total !== null ? `/${p.total}` : ''} records, ${p.entities} new entities, ${p.links} new links   `,
              );
          },
        });
        if (tty) process.stderr.write('\n');
        if (result.read > 0) {
          const { appendAudit } = await import('../../platform/audit/store.ts');
          await appendAudit(database, cliActor(), {
            action: 'graph.built',
            target_type: 'graph',
            after: result,
          });
        }
        if (options.json) return printJson(result);
        console.log(
          table(
            ['source', 'records read', 'new entities', 'new links'],
            Object.entries(result.sources).map(([s, r]) => [s, r.read, r.entities, r.links]),
          ),
        );
        console.log(
          `${result.read} records in ${(result.ms / 1000).toFixed(1)} s${result.hubs ? `; ${result.hubs} new hubs (vigie graph hubs)` : ''}`,
        );
      });
    });

  graph
    .command('show')
    .description('an entity, its links (with the record each came from) and what was merged into it')
    .argument('<key>', 'entity id or type:value')
    .option('--limit <n>', 'links shown', int(1, 1000), 50)
    .option('--json', 'print as JSON')
    .action(async (key: string, options: { limit: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const d = await entityDetail(database.db, key, { limit: options.limit, offset: 0 }, normalizePhone);
        if (options.json) return printJson(d);
        console.log(`#${d.entity.id} ${d.entity.type}:${d.entity.key} — ${d.entity.label}`);
        if (d.merged.length)
          console.log(`  merged: ${d.merged.map((m) => `#${m.id} ${m.label}`).join(', ')}`);
        console.log(
          table(
            ['link', 'other', 'source', 'seen'],
            d.links.items.map((l) => [
              `${l.direction === 'out' ? '→' : '←'} ${l.type}`,
              `${l.other.type}:${l.other.label}`,
              `${l.source_table}:${l.source_id}`,
              [l.first_seen, l.last_seen].filter(Boolean).join(' → '),
            ]),
          ),
        );
        console.log(`${d.links.total} links`);
      });
    });

  neighbourhoodOptions(
    graph
      .command('neighbours')
      .description('the entities within --depth links of one')
      .argument('<key>', 'entity id or type:value')
      .option('--depth <n>', 'links away', int(1, 4), 1),
    300,
  )
    .option('--json', 'print as JSON')
    .action(async (key: string, o: NeighbourhoodOptions & { depth: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const center = await findEntity(database.db, key, normalizePhone);
        const n = await neighbours(database.db, center, {
          depth: o.depth,
          maxNodes: o.maxNodes,
          ...neighbourhoodFilters(o),
        });
        if (o.json) return printJson(n);
        console.log(
          table(
            ['depth', 'id', 'type', 'key', 'label'],
            n.nodes.map((x) => [x.depth ?? 0, x.id, x.type, x.key, x.label]),
          ),
        );
        console.log(
          `${n.nodes.length} entities, ${n.edges.length} links${n.truncated ? ' (cut at the bounds)' : ''}`,
        );
      });
    });

  neighbourhoodOptions(
    graph
      .command('export')
      .description(
        'a network (the neighbourhood of an entity) to files: CSV of nodes and of edges, or GraphML (audited)',
      )
      .argument('<key>', 'entity id or type:value')
      .option('--depth <n>', 'links away', int(1, 4), 2)
      .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
      .requiredOption(
        '--out <file>',
        'GraphML: the file; CSV: F.nodes.csv and F.edges.csv (a .csv ending is dropped first)',
      ),
    1000,
  )
    .option('--json', 'print what was written as JSON')
    .action(
      async (
        key: string,
        o: NeighbourhoodOptions & { depth: number; format: string; out: string; json?: boolean },
      ) => {
        const format = o.format as ExportFormat;
        const { writeFileSync } = await import('node:fs');
        await context.withDatabase(async (database) => {
          const center = await findEntity(database.db, key, normalizePhone);
          const filters = neighbourhoodFilters(o);
          const network = await neighbours(database.db, center, {
            ...filters,
            depth: o.depth,
            maxNodes: o.maxNodes,
          });
          const files: string[] = [];
          if (format === 'graphml') {
            writeFileSync(o.out, exportFile(network, 'graphml').body);
            files.push(o.out);
          } else {
            const base = o.out.replace(/\.csv$/i, '');
            for (const part of ['nodes', 'edges'] as const) {
              const path = `${base}.${part}.csv`;
              writeFileSync(path, exportFile(network, 'csv', part).body);
              files.push(path);
            }
          }
          const { appendAudit } = await import('../../platform/audit/store.ts');
          await appendAudit(database, cliActor(), {
            action: 'graph.exported',
            target_type: 'graph_entity',
            target_id: center.id,
            details: {
              key: `${center.type}:${center.key}`,
              format,
              depth: o.depth,
              filters,
              files,
              nodes: network.nodes.length,
              edges: network.edges.length,
              truncated: network.truncated,
            },
          });
          const summary = {
            files,
            nodes: network.nodes.length,
            edges: network.edges.length,
            truncated: network.truncated,
          };
          if (o.json) return printJson(summary);
          console.log(
            `${summary.nodes} entities, ${summary.edges} links${network.truncated ? ' (cut at the bounds)' : ''} → ${files.join(', ')}`,
          );
        });
      },
    );

  graph
    .command('path')
    .description('a shortest path between two entities, with the evidence of each link')
    .argument('<from>', 'entity id or type:value')
    .argument('<to>', 'entity id or type:value')
    .option('--max-depth <n>', 'links at most', int(1, 8), 6)
    .option('--json', 'print as JSON')
    .action(async (from: string, to: string, o: { maxDepth: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const p = await shortestPath(
          database.db,
          await findEntity(database.db, from, normalizePhone),
          await findEntity(database.db, to, normalizePhone),
          { maxDepth: o.maxDepth, maxNodes: 20_000 },
        );
        if (o.json) return printJson(p);
        if (!p.found) {
          console.log(
            `no path within ${o.maxDepth} links${p.truncated ? ' (search cut at its bounds)' : ''}`,
          );
          return;
        }
        p.nodes.forEach((n, i) => {
          console.log(`${n.type}:${n.key} — ${n.label}`);
          const step = p.steps[i];
          if (step)
            console.log(
              `   | ${step.types.join(', ')} (${step.evidence.map((e) => `${e.source_table}:${e.source_id}`).join('; ')})`,
            );
        });
      });
    });

  graph
    .command('communities')
    .description('communities (Louvain), largest first')
    .option('--min-size <n>', 'members at least', int(2, 100_000), 3)
    .option('--max-links <n>', 'links loaded at most', int(1, 2_000_000), 200_000)
    .option('--limit <n>', 'communities shown', int(1, 200), 20)
    .option('--around <entity>', 'only the connected component of this entity (id or type:key)')
    .option('--max-nodes <n>', 'with --around: entities loaded at most', int(1, 1_000_000), 100_000)
    .option('--json', 'print as JSON')
    .action(
      async (o: {
        minSize: number;
        maxLinks: number;
        limit: number;
        around?: string;
        maxNodes: number;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const c = await communities(database.db, {
            minSize: o.minSize,
            maxLinks: o.maxLinks,
            limit: o.limit,
            around: o.around ? await findEntity(database.db, o.around, normalizePhone) : undefined,
            maxNodes: o.maxNodes,
          });
          if (o.json) return printJson(c);
          console.log(
            table(
              ['#', 'size', 'types', 'best connected'],
              c.communities.map((x) => [
                x.id,
                x.size,
                Object.entries(x.types)
                  .map(([t, n]) => `${t} ${n}`)
                  .join(', '),
                x.members
                  .slice(0, 3)
                  .map((m) => m.label)
                  .join(', '),
              ]),
            ),
          );
          console.log(
            `${c.nodes} entities, ${c.links} links, ${c.components.count} components${c.truncated ? ` (cut at ${o.around ? '--max-nodes or ' : ''}--max-links)` : ''}`,
          );
        });
      },
    );

  graph
    .command('suggestions')
    .description('merge suggestions (--propose looks for new ones first)')
    .option('--status <status>', 'open, accepted or rejected', 'open')
    .option('--propose', 'look for new suggestions first')
    .option('--limit <n>', 'how many', int(1, 1000), 50)
    .option('--json', 'print as JSON')
    .action(async (o: { status: string; propose?: boolean; limit: number; json?: boolean }) => {
      if (!['open', 'accepted', 'rejected'].includes(o.status))
        throw new InvalidArgumentError('--status: expected open, accepted or rejected');
      await context.withDatabase(async (database) => {
        const proposed = o.propose ? await proposeMerges(database, cliActor()) : null;
        const page = await listSuggestions(
          database.db,
          { status: o.status as 'open' },
          { limit: o.limit, offset: 0 },
        );
        if (o.json) return printJson({ proposed, ...page });
        if (proposed)
          console.log(`${proposed.proposed} new suggestions from ${proposed.candidates} candidate pairs`);
        console.log(
          table(
            ['id', 'score', 'type', 'a', 'b', 'why'],
            page.items.map((s) => [
              s.id,
              s.score.toFixed(2),
              s.a.type,
              s.a.label,
              s.b.label,
              s.reasons.join('; '),
            ]),
          ),
        );
      });
    });

  for (const [name, decision] of [
    ['merge', 'accept'],
    ['reject', 'reject'],
  ] as const)
    graph
      .command(name)
      .description(
        decision === 'accept'
          ? 'accept a suggestion: merge its two entities'
          : 'reject a suggestion (never proposed again)',
      )
      .argument('<id>', 'suggestion id', int(1, Number.MAX_SAFE_INTEGER))
      .option('--note <text>', 'why')
      .option('--json', 'print as JSON')
      .action(async (id: number, o: { note?: string; json?: boolean }) => {
        await context.withDatabase(async (database) => {
          const s = await decideSuggestion(database, cliActor(), id, decision, o.note ?? null);
          if (o.json) return printJson(s);
          console.log(`suggestion #${s.id} ${s.status}: ${s.a.label} / ${s.b.label}`);
        });
      });

  graph
    .command('split')
    .description('undo a merge: the entity stands for itself again')
    .argument('<entity>', 'entity id', int(1, Number.MAX_SAFE_INTEGER))
    .option('--note <text>', 'why')
    .option('--json', 'print as JSON')
    .action(async (id: number, o: { note?: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const r = await splitByHand(database, cliActor(), id, o.note ?? null);
        if (o.json) return printJson(r);
        console.log(`split: #${r.split.join(', #')}`);
      });
    });

  graph
    .command('signals')
    .description('risk signals of importers: within 2 links of an online seller with alerts, with the path')
    .argument('<importer...>', 'importer codes')
    .option('--json', 'print as JSON')
    .action(async (codes: string[], o: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const signals = [...(await graphRiskSignals(database.db, codes)).values()];
        if (o.json) return printJson(signals);
        for (const s of signals)
          console.log(`${s.importer}: ${s.score.toFixed(2)}${s.explanation ? ` — ${s.explanation}` : ''}`);
      });
    });

  registerHubCli(graph, context);
  registerNetworkCli(graph, context);
}
