/**
 * The osint commands that work on files alone, with no database:
 *
 *   vigie osint analyze --input POSTS.jsonl --out RESULTS.jsonl [--errors FILE] [--model MODEL.json] [--rules-only]
 *   vigie osint train   --input LABELLED.jsonl --out MODEL.json [--base MODEL.json] [--no-seed]
 *
 * Exit code 2 only when a file cannot be read or written at all; bad lines are reported (file:line: what was
 * expected) and skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type Classifier,
  type TrainingExample,
  trainClassifier,
  updateWithConfirmations,
} from '../analysis/classifier.ts';
import { deserializeClassifier, serializeClassifier } from '../analysis/classifier-io.ts';
import { analyzeFile, formatDiagnostic, formatSummary, InputUnreadableError } from '../analysis/file-mode.ts';
import { readJsonLines } from '../analysis/jsonl.ts';
import { analyzePost } from '../analysis/pipeline.ts';
import { loadSeedCorpus } from '../analysis/seed.ts';
import { LABELS, type Label } from '../analysis/types.ts';
import { positiveInt } from './shared.ts';

function loadModel(path: string): Classifier {
  try {
    return deserializeClassifier(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new InputUnreadableError(
      path,
      `not a Vigie classifier model (${error instanceof Error ? error.message.split('\n')[0] : error})`,
    );
  }
}

function fail(error: unknown): void {
  process.stderr.write(`osint: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

export function registerFileModeCommands(osint: Command): void {
  osint
    .command('analyze')
    .description(
      'label posts (counterfeit | health_risk | duty_evasion | benign) with evidence and entities; no database',
    )
    .requiredOption(
      '--input <file>',
      'posts, one JSON object a line: {id, text, url?, platform?, author?, price?, currency?, posted_at?} ("-" for stdin)',
    )
    .requiredOption(
      '--out <file>',
      'results, one JSON object a line: {id, label, score, signals, entities} ("-" for stdout)',
    )
    .option(
      '--errors <file>',
      'also write every diagnostic (file, line, code, message, expected) to this JSONL file',
    )
    .option(
      '--model <file>',
      'classifier trained with "vigie osint train" (default: the built-in seed model)',
    )
    .option('--rules-only', 'lexicon rules only, no classifier')
    .option('--explain', 'add reasons, per-label scores and language to each result line')
    .option('--max-text-chars <n>', 'analyse longer texts on their first N characters', positiveInt, 50_000)
    .action(
      async (opts: {
        input: string;
        out: string;
        errors?: string;
        model?: string;
        rulesOnly?: boolean;
        explain?: boolean;
        maxTextChars: number;
      }) => {
        try {
          const classifier = opts.rulesOnly ? null : opts.model ? loadModel(opts.model) : undefined;
          const summary = await analyzeFile({
            input: opts.input,
            output: opts.out,
            errorsFile: opts.errors,
            explain: opts.explain,
            maxTextChars: opts.maxTextChars,
            analyze: (post) => analyzePost(post, { classifier, maxTextChars: opts.maxTextChars }),
          });
          process.stderr.write(`osint analyze: ${formatSummary(summary)}\n`);
        } catch (error) {
          fail(error);
        }
      },
    );

  osint
    .command('train')
    .description('train the text classifier from confirmed posts, one JSON object a line: {text, label}')
    .requiredOption('--input <file>', `confirmed posts; label one of ${LABELS.join(' | ')}`)
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .option('--base <file>', 'update this model with the confirmations instead of training from scratch')
    .option(
      '--no-seed',
      'do not add the built-in seed corpus to the confirmations (training from scratch only)',
    )
    .option('--epochs <n>', 'passes over the data', positiveInt)
    .action(async (opts: { input: string; out: string; base?: string; seed: boolean; epochs?: number }) => {
      try {
        const examples: TrainingExample[] = [];
        let errors = 0;
        for await (const entry of readJsonLines(opts.input)) {
          if ('error' in entry) {
            errors++;
            process.stderr.write(`${formatDiagnostic(entry.error)}\n`);
            continue;
          }
          const v = entry.value as { text?: unknown; label?: unknown };
          if (typeof v.text !== 'string' || !LABELS.includes(v.label as Label)) {
            errors++;
            process.stderr.write(
              `${opts.input}:${entry.line}: error: expected {"text": string, "label": ${LABELS.join(' | ')}}\n`,
            );
            continue;
          }
          examples.push({ text: v.text, label: v.label as Label });
        }
        const model = opts.base
          ? updateWithConfirmations(loadModel(opts.base), examples, { epochs: opts.epochs })
          : trainClassifier(
              opts.seed ? [...loadSeedCorpus(), ...examples] : examples,
              opts.epochs ? { epochs: opts.epochs } : {},
            );
        writeFileSync(opts.out, JSON.stringify(serializeClassifier(model)));
        process.stderr.write(
          `osint train: ${examples.length} confirmations (${errors} bad lines), model trained on ${model.trainedOn} → ${opts.out}\n`,
        );
      } catch (error) {
        fail(error);
      }
    });
}
