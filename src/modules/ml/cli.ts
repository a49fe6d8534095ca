/**
 * The model commands that work on files alone, with no database (a contract outside tools rely on):
 *
 *   vigie model train --profile kcs --input FILE [--input FILE …] --out MODEL.json
 *   vigie model score --profile kcs --model MODEL.json [--input] FILE --out SCORES.csv    (declaration_id,score)
 *   vigie model eval  --profile kcs --model MODEL.json --input FILE [--json] [--revenue-weight W]
 *
 * Files are read through the same mapping profiles and validation as imports; invalid rows are reported (file,
 * line, column) and left out. Training needs labelled lines (an outcome); scoring ignores labels, and every
 * declarations profile reads files with or without their outcome columns (a group absent together).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.ts';
import { formatDuration, formatInt, printJson, table } from '../../platform/cli/output.ts';
import { formatRowError } from '../../platform/ingest/problems.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { readValidatedRows } from '../../platform/ingest/run.ts';
import type { DeclarationLine } from '../declarations/index.ts';
import { declarationsTarget } from '../declarations/index.ts';
import { evaluate, loadModel, scoreLines, serializeModel, trainModel } from './api.ts';
import { compareRankings, labelsAndDuties } from './revenue.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Reads declaration lines from a file; prints what was wrong and left out. */
async function readLines(
  file: string,
  profileName: string,
  dataDir: string | undefined,
): Promise<DeclarationLine[]> {
  const profile = resolveProfile('declarations', profileName, dataDir);
  const result = await readValidatedRows(declarationsTarget, { file, profile, maxErrors: 20 });
  if (result.fileError) throw new Error(result.fileError.message);
  if (result.errorCount > 0) {
    process.stderr.write(
      `${file}: ${formatInt(result.rowsRejected)} of ${formatInt(result.rowsRead)} rows left out (${formatInt(result.errorCount)} errors)\n`,
    );
    for (const error of result.errors) process.stderr.write(`  ${formatRowError(error)}\n`);
    if (result.errorCount > result.errors.length) {
      process.stderr.write(`  … and ${formatInt(result.errorCount - result.errors.length)} more\n`);
    }
  }
  return result.rows;
}

function pct(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function registerModelCli(program: Command, context: CliContext): void {
  const model = program
    .command('model')
    .description('the fraud-scoring model: train, score and evaluate on files');

  model
    .command('train')
    .description(
      'train a model on labelled files (several --input: the last may be the later period that validates)',
    )
    .requiredOption(
      '--input <file>',
      'labelled declarations (repeat for several files, oldest first)',
      collect,
    )
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .option('--profile <name>', 'mapping profile of the files', 'native')
    .option(
      '--validate-on-last',
      'stop early on the last --input instead of on the last 45 days of all inputs',
    )
    .option('--target <target>', 'what to predict: fraud (fraud or critical) or critical', 'fraud')
    .option('--seed <n>', 'random seed', '42')
    .action(
      async (options: {
        input: string[];
        out: string;
        profile: string;
        validateOnLast?: boolean;
        target: string;
        seed: string;
      }) => {
        if (options.target !== 'fraud' && options.target !== 'critical')
          throw new Error('--target: expected fraud or critical');
        const seed = Number.parseInt(options.seed, 10);
        if (!Number.isInteger(seed)) throw new Error('--seed: expected a whole number');
        const dataDir = context.config().dataDir;
        const started = performance.now();
        const sets: DeclarationLine[][] = [];
        for (const file of options.input) sets.push(await readLines(file, options.profile, dataDir));
        const labelled = sets.map((lines) => lines.filter((l) => l.outcome !== null));
        const unlabelled = sets.reduce((n, lines, i) => n + lines.length - labelled[i]!.length, 0);
        if (unlabelled)
          process.stderr.write(`${formatInt(unlabelled)} lines without an outcome left out of training\n`);
        const validation = options.validateOnLast && labelled.length > 1 ? labelled.pop() : undefined;
        const lines = labelled
          .flat()
          .sort((a, b) => (a.lodged_on < b.lodged_on ? -1 : a.lodged_on > b.lodged_on ? 1 : 0));
        process.stderr.write(
          `training on ${formatInt(lines.length)} lines${validation ? `, validating on ${formatInt(validation.length)}` : ''}…\n`,
        );
        const trained = trainModel(lines, {
          target: options.target,
          withoutRepeat: true,
          params: { seed },
          ...(validation ? { validation } : {}),
        });
        writeFileSync(options.out, serializeModel(trained));
        const h = trained.training.holdout;
        console.log(
          `✔ model written to ${options.out}: ${trained.gbdt.trees.length} trees, trained on ${formatInt(trained.training.nLines)} lines ` +
            `(${trained.training.firstDate} to ${trained.training.lastDate}) in ${formatDuration(performance.now() - started)}`,
        );
        if (h) {
          console.log(
            `  out-of-time check ${h.from} to ${h.to} (${formatInt(h.nLines)} lines): AUC ${h.auc.toFixed(3)}, ` +
              `precision at 5 % ${pct(h.precisionAt5)}, at 10 % ${pct(h.precisionAt10)}`,
          );
          const w = h.withoutRepeat;
          if (w)
            console.log(
              `  without the exact-repeat profile (the figure to expect on real data): AUC ${w.auc.toFixed(3)}, ` +
                `precision at 5 % ${pct(w.precisionAt5)}, at 10 % ${pct(w.precisionAt10)}`,
            );
        }
      },
    );

  model
    .command('score')
    .description(
      'score a file: writes declaration_id,score (higher = riskier); outcome columns may be absent and are ignored',
    )
    .argument('[file]', 'declarations to score (or --input)')
    .requiredOption('--model <file>', 'a model written by vigie model train')
    .option('--input <file>', 'declarations to score')
    .requiredOption('--out <file>', 'where to write the scores (CSV)')
    .option('--profile <name>', 'mapping profile of the file', 'native')
    .action(
      async (
        file: string | undefined,
        options: { model: string; input?: string; out: string; profile: string },
      ) => {
        const input = file ?? options.input;
        if (!input) throw new Error('give the declarations to score: a file, or --input FILE');
        if (file && options.input && file !== options.input)
          throw new Error('give the file to score once: as an argument or with --input, not both');
        const loaded = loadModel(readFileSync(options.model, 'utf8'));
        const lines = await readLines(input, options.profile, context.config().dataDir);
        // Scoring never reads outcomes; drop them anyway so nothing in the file can leak into a score.
        const blind = lines.map((l) => ({ ...l, outcome: null }));
        const scores = scoreLines(loaded, blind);
        // One score per declaration: its riskiest item.
        const byDeclaration = new Map<string, number>();
        blind.forEach((line, i) => {
          const s = scores[i]!;
          const prev = byDeclaration.get(line.reference);
          if (prev === undefined || s > prev) byDeclaration.set(line.reference, s);
        });
        let csv = 'declaration_id,score\n';
        for (const [reference, score] of byDeclaration) {
          const id = /[",\n]/.test(reference) ? `"${reference.replace(/"/g, '""')}"` : reference;
          csv += `${id},${score.toPrecision(6)}\n`;
        }
        writeFileSync(options.out, csv);
        console.log(
          `✔ ${formatInt(byDeclaration.size)} declarations scored (${formatInt(lines.length)} lines) → ${options.out}`,
        );
      },
    );

  model
    .command('eval')
    .description(
      'targeting figures of a model on a labelled file: precision, recall and revenue at n %, AUC, calibration',
    )
    .requiredOption('--model <file>', 'a model written by vigie model train')
    .requiredOption('--input <file>', 'labelled declarations')
    .option('--profile <name>', 'mapping profile of the file', 'native')
    .option('--json', 'print as JSON')
    .option(
      '--revenue-weight <w>',
      'also compare probability-only, duties-only and mixed rankings (weight w of the revenue term, 0–1) at 1, 2, 5, 10 and 20 %',
    )
    .action(
      async (options: {
        model: string;
        input: string;
        profile: string;
        json?: boolean;
        revenueWeight?: string;
      }) => {
        const weight = options.revenueWeight === undefined ? undefined : Number(options.revenueWeight);
        if (weight !== undefined && !(weight >= 0 && weight <= 1))
          throw new Error(`--revenue-weight must be a number from 0 to 1, got "${options.revenueWeight}"`);
        const loaded = loadModel(readFileSync(options.model, 'utf8'));
        const lines = (await readLines(options.input, options.profile, context.config().dataDir)).filter(
          (l) => l.outcome !== null,
        );
        if (lines.length === 0) throw new Error(`${options.input}: no labelled line to evaluate on`);
        const result = evaluate(loaded, lines);
        const { y, duties } = labelsAndDuties(lines, loaded.trained.target);
        const comparison =
          weight === undefined ? null : compareRankings(y, scoreLines(loaded, lines), duties, weight);
        if (options.json) {
          printJson(comparison ? { ...result, rankings: comparison } : result);
          return;
        }
        console.log(
          `${formatInt(result.n)} labelled lines, ${formatInt(result.frauds)} frauds; ROC-AUC ${result.auc.toFixed(3)}`,
        );
        const shares = Object.keys(result.precisionAt);
        console.log(
          table(
            [
              'top n %',
              'precision',
              'recall',
              'revenue',
              'precision (by expected duties)',
              'revenue (by expected duties)',
            ],
            shares.map((s) => [
              `${(Number(s) * 100).toFixed(0)} %`,
              pct(result.precisionAt[s]),
              pct(result.recallAt[s]),
              pct(result.revenueAt[s]),
              pct(result.byExpectedDuties.precisionAt[s]),
              pct(result.byExpectedDuties.revenueAt[s]),
            ]),
          ),
        );
        console.log(
          `calibration: Brier ${result.calibration.brier.toFixed(4)}, expected calibration error ${result.calibration.ece.toFixed(4)}`,
        );
        if (comparison) {
          console.log(`rankings compared (mixed: revenue weight ${comparison.weight}):`);
          console.log(
            table(
              ['ranking', 'capacity', 'precision', 'recall', 'revenue'],
              comparison.rankings.flatMap((r) =>
                r.at.map((a) => [
                  r.ranking,
                  `${(a.capacity * 100).toFixed(0)} %`,
                  pct(a.precision),
                  pct(a.recall),
                  pct(a.revenue),
                ]),
              ),
            ),
          );
        }
      },
    );
}

/** The registry commands: they need the database. */
export function registerModelRegistryCli(program: Command, context: CliContext): void {
  const model = program.commands.find((c) => c.name() === 'model')!;
  model
    .command('list')
    .description('the model registry: versions, status, window, metrics')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const { listModels } = await import('./registry.ts');
      await context.withDatabase(async (database) => {
        const models = await listModels(database.db);
        if (options.json) {
          printJson(models);
          return;
        }
        console.log(
          table(
            [
              '#',
              'name',
              'target',
              'status',
              'window',
              'lines',
              'trees',
              'AUC (hold-out)',
              'P@10 %',
              'P@10 % without repeats',
            ],
            models.map((m) => {
              const h = m.metrics.holdout as {
                auc?: number;
                precisionAt10?: number;
                withoutRepeat?: { precisionAt10?: number };
              } | null;
              return [
                m.id,
                m.name,
                m.target,
                m.status,
                `${m.trained_from} → ${m.trained_to}`,
                m.n_lines,
                m.trees,
                h?.auc?.toFixed(3) ?? '—',
                pct(h?.precisionAt10),
                pct(h?.withoutRepeat?.precisionAt10),
              ];
            }),
          ),
        );
      });
    });

  model
    .command('register')
    .description('add a model file (from vigie model train) to the registry as a candidate')
    .argument('<file>', 'model JSON')
    .requiredOption('--name <name>', 'a name for this version')
    .option('--notes <text>', 'why this model')
    .action(async (file: string, options: { name: string; notes?: string }) => {
      const { registerModel, featureImportance } = await import('./registry.ts');
      const { cliActor } = await import('../../platform/auth/actor.ts');
      const trained = loadModel(readFileSync(file, 'utf8')).trained;
      await context.withDatabase(async (database) => {
        const registered = await registerModel(database, cliActor(), trained, {
          name: options.name,
          notes: options.notes ?? null,
          metrics: { importance: featureImportance(trained, 15) },
        });
        const { generateCard } = await import('./card.ts');
        const { card } = await generateCard(database, cliActor(), registered.id);
        console.log(
          `✔ model #${registered.id} "${registered.name}" registered as a candidate, with its card`,
        );
        if (!card.later?.all)
          console.log(
            '  the card has no evaluation on a later period yet: regenerate it once later declarations are in (vigie model card ID --generate)',
          );
      });
    });

  for (const action of ['promote', 'retire'] as const) {
    model
      .command(action)
      .description(
        action === 'promote'
          ? 'make a model the active one (the previous one is retired); audited'
          : 'retire a model; audited',
      )
      .argument('<id>', 'model number')
      .action(async (id: string) => {
        const registry = await import('./registry.ts');
        const { cliActor } = await import('../../platform/auth/actor.ts');
        await context.withDatabase(async (database, config) => {
          if (action === 'promote' && config.fourEyes) {
            const { ModelFourEyesError } = await import('./promotion.ts');
            throw new ModelFourEyesError(Number.parseInt(id, 10));
          }
          const change = action === 'promote' ? registry.promoteModel : registry.retireModel;
          const result = await change(database, cliActor(), Number.parseInt(id, 10));
          console.log(`✔ model #${result.id} "${result.name}" is now ${result.status}`);
        });
      });
  }

  model
    .command('request-promotion')
    .description('ask for a model to be made active (four-eyes: a second person approves; audited)')
    .argument('<id>', 'model number')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, options: { reason: string }) => {
      const { requestPromotion } = await import('./promotion.ts');
      const { cliActor } = await import('../../platform/auth/actor.ts');
      await context.withDatabase(async (database) => {
        const out = await requestPromotion(database, cliActor(), Number.parseInt(id, 10), options.reason);
        console.log(`✔ request #${out.id}: promotion of model #${out.model_id} waits for approval`);
      });
    });
  const approvals = model
    .command('approvals')
    .description('four-eyes promotion requests: list, approve ID, reject ID');
  approvals
    .command('list')
    .description('promotion requests, newest first')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const { listPromotionRequests } = await import('./promotion.ts');
      const { printJson, table } = await import('../../platform/cli/output.ts');
      await context.withDatabase(async (database) => {
        const items = await listPromotionRequests(database.db, {});
        if (options.json) return printJson(items);
        console.log(
          table(
            ['id', 'model', 'status', 'requested by', 'at', 'decided by', 'reason'],
            items.map((r) => [
              r.id,
              `#${r.model_id} ${r.name}`,
              r.stale ? 'pending (stale)' : r.status,
              r.requested_by,
              r.requested_at.slice(0, 16),
              r.decided_by ?? '',
              r.reason,
            ]),
          ),
        );
      });
    });
  for (const decision of ['approve', 'reject'] as const) {
    approvals
      .command(decision)
      .description(`${decision} someone else's promotion request (audited)`)
      .argument('<id>', 'request number')
      .requiredOption('--reason <text>', 'why')
      .action(async (id: string, options: { reason: string }) => {
        const { decidePromotionRequest } = await import('./promotion.ts');
        const { cliActor } = await import('../../platform/auth/actor.ts');
        await context.withDatabase(async (database) => {
          const out = await decidePromotionRequest(
            database,
            cliActor(),
            Number.parseInt(id, 10),
            decision,
            options.reason,
          );
          console.log(
            `✔ request #${out.id} ${out.status}${out.model ? `: model #${out.model.id} is active` : ''}`,
          );
        });
      });
  }

  model
    .command('card')
    .description('a model card: data, features used and excluded, later evaluation, bias, drift, limits')
    .argument('<id>', 'model number')
    .option('--format <format>', 'md or pdf', 'md')
    .option('--out <file>', 'write to this file (a PDF needs one); otherwise Markdown on the standard output')
    .option('--generate', 'generate the card again first, from the declarations now in the database')
    .action(async (id: string, options: { format: string; out?: string; generate?: boolean }) => {
      if (options.format !== 'md' && options.format !== 'pdf')
        throw new Error(`--format: expected md or pdf, got "${options.format}"`);
      if (options.format === 'pdf' && !options.out) throw new Error('--format pdf: give the file with --out');
      const modelId = Number(id);
      if (!Number.isInteger(modelId) || modelId <= 0)
        throw new Error(`model number: expected a positive whole number, got "${id}"`);
      const { generateCard, requireCard } = await import('./card.ts');
      const { cardMarkdown, cardPdf } = await import('./card-render.ts');
      const { cliActor } = await import('../../platform/auth/actor.ts');
      const { appendAudit } = await import('../../platform/audit/store.ts');
      await context.withDatabase(async (database) => {
        const actor = cliActor();
        const card = options.generate
          ? await generateCard(database, actor, modelId)
          : await requireCard(database.db, modelId);
        const body = options.format === 'md' ? cardMarkdown(card) : await cardPdf(card);
        await appendAudit(database, actor, {
          action: 'model.card_exported',
          target_type: 'model',
          target_id: modelId,
          details: { format: options.format, generated_at: card.card.generated_at },
        });
        if (options.out) {
          writeFileSync(options.out, body);
          console.log(`✔ card of model #${modelId} written to ${options.out}`);
        } else process.stdout.write(body);
      });
    });
}
