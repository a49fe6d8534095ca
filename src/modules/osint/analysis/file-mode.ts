/**
 * File mode of the analysis, with no database: `vigie osint analyze --input POSTS.jsonl --out RESULTS.jsonl`.
 *
 * One result line per valid input line, `{id, label, score, signals, entities}`; every bad line becomes a located
 * diagnostic on stderr and in the optional errors file, and the batch goes on. Lines are streamed in and out, and
 * the writer waits for the disk, so memory stays flat whatever the size of the file.
 */

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { type Diagnostic, InputUnreadableError, readJsonLines } from './jsonl.ts';
import { analyzePost, DEFAULT_MAX_TEXT_CHARS, toResultRecord } from './pipeline.ts';
import { type AnalysisResult, LABELS, type Label, type Post, postSchema } from './types.ts';

export { InputUnreadableError };

export interface AnalyzeFileOptions {
  /** Path of the JSONL posts, or `-` for stdin. */
  input: string;
  /** Path of the JSONL results, or `-` for stdout. */
  output: string;
  /** Optional JSONL file receiving every diagnostic. */
  errorsFile?: string;
  /** The analyser (default: `analyzePost` with the seed classifier). */
  analyze?: (post: Post) => AnalysisResult;
  /** Add `reasons`, `scores` and `language` to each result line (the contract's five fields stay first). */
  explain?: boolean;
  maxLineBytes?: number;
  /** Longer texts are analysed on their first characters, with a warning (default 50,000). */
  maxTextChars?: number;
  /** Receives each diagnostic as it happens (default: one line on stderr). */
  onDiagnostic?: (d: Diagnostic) => void;
}

export interface AnalyzeFileSummary {
  /** Non-blank lines read. */
  lines: number;
  analysed: number;
  errors: number;
  warnings: number;
  labels: Record<Label, number>;
  ms: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}${d.expected ? ` (expected ${d.expected})` : ''}`;
}

/** Buffers lines and writes them 64 KB at a time, waiting for the disk when its buffer is full. */
class LineWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(readonly stream: WriteStream | NodeJS.WriteStream) {}
  async write(line: string): Promise<void> {
    this.parts.push(line);
    this.size += line.length;
    if (this.size >= 65_536) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
}

async function openOutput(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new Error(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return stream;
}

async function close(stream: WriteStream | NodeJS.WriteStream): Promise<void> {
  if (stream === process.stdout || stream === process.stderr) return;
  await new Promise<void>((resolve, reject) =>
    (stream as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

/** Zod issues as one plain sentence naming the field and what it should be. */
function describeIssues(
  value: object,
  issues: readonly { path: PropertyKey[]; message: string }[],
): { message: string; expected: string } {
  const first = issues[0]!;
  const field = String(first.path[0] ?? 'object');
  const expected =
    field === 'id'
      ? 'a non-empty string or a number'
      : field === 'text'
        ? 'a string'
        : first.message.replace(/^Invalid input: /, '');
  const present = field in value && (value as Record<string, unknown>)[field] !== undefined;
  const got = present ? JSON.stringify((value as Record<string, unknown>)[field])?.slice(0, 40) : '';
  return {
    message: present ? `invalid field "${field}": got ${got}` : `missing field "${field}"`,
    expected: `"${field}": ${expected}`,
  };
}

/**
 * Analyses a JSONL file of posts into a JSONL file of results.
 *
 * @example
 * const summary = await analyzeFile({ input: 'posts.jsonl', output: 'results.jsonl', errorsFile: 'errors.jsonl' });
 * summary.labels.counterfeit; // posts labelled counterfeit
 * @throws InputUnreadableError when the input cannot be read at all; an Error when the output cannot be written.
 */
export async function analyzeFile(options: AnalyzeFileOptions): Promise<AnalyzeFileSummary> {
  const started = performance.now();
  const maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const analyze = options.analyze ?? ((post: Post) => analyzePost(post, { maxTextChars }));
  const lines = readJsonLines(options.input, { maxLineBytes: options.maxLineBytes });
  // Open the input first: an unreadable input must fail before an empty output file is created.
  const firstLine = await lines.next();
  const out = new LineWriter(options.output === '-' ? process.stdout : await openOutput(options.output));
  const errOut = options.errorsFile ? new LineWriter(await openOutput(options.errorsFile)) : undefined;
  const summary: AnalyzeFileSummary = {
    lines: 0,
    analysed: 0,
    errors: 0,
    warnings: 0,
    labels: Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>,
    ms: 0,
  };
  const report = async (d: Diagnostic) => {
    if (d.severity === 'error') summary.errors++;
    else summary.warnings++;
    if (options.onDiagnostic) options.onDiagnostic(d);
    else process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (errOut) await errOut.write(`${JSON.stringify(d)}\n`);
  };

  try {
    let item = firstLine;
    while (!item.done) {
      const entry = item.value;
      summary.lines++;
      if ('error' in entry) {
        await report(entry.error);
      } else {
        for (const w of entry.warnings) await report(w);
        const file = options.input === '-' ? '<stdin>' : options.input;
        const parsed = postSchema.safeParse(entry.value);
        if (!parsed.success) {
          const { message, expected } = describeIssues(entry.value as object, parsed.error.issues);
          await report({
            file,
            line: entry.line,
            severity: 'error',
            code: 'input.invalid_post',
            message,
            expected,
          });
        } else {
          const post = parsed.data;
          if (post.text.length > maxTextChars) {
            await report({
              file,
              line: entry.line,
              severity: 'warning',
              code: 'input.text_truncated',
              message: `text of ${post.text.length} characters analysed on its first ${maxTextChars}`,
              expected: `"text" under ${maxTextChars} characters`,
            });
          }
          try {
            const result = analyze(post);
            await out.write(`${JSON.stringify(toResultRecord(result, options.explain))}\n`);
            summary.analysed++;
            summary.labels[result.label]++;
          } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            await report({
              file,
              line: entry.line,
              severity: 'error',
              code: 'analysis.failed',
              message: `analysis failed: ${detail}`,
            });
          }
        }
      }
      item = await lines.next();
    }
  } finally {
    await out.flush();
    await close(out.stream);
    if (errOut) {
      await errOut.flush();
      await close(errOut.stream);
    }
  }
  summary.ms = performance.now() - started;
  return summary;
}

/** One-line summary for the CLI: counts per label, errors and warnings. */
export function formatSummary(s: AnalyzeFileSummary): string {
  const labels = LABELS.map((l) => `${l} ${s.labels[l]}`).join(', ');
  const rate = s.ms > 0 ? Math.round((s.analysed / s.ms) * 1000) : 0;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${n(s.lines, 'line')}, ${s.analysed} analysed (${labels}); ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}; ${(s.ms / 1000).toFixed(1)} s, ${rate} posts/s`;
}
