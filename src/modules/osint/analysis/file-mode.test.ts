import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeFile, formatSummary, InputUnreadableError } from './file-mode.ts';
import type { Diagnostic } from './jsonl.ts';
import { analyzePost } from './pipeline.ts';
import type { Post } from './types.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-osint-'));
});

// Rules only keeps these tests about the file handling, not about the classifier.
const rulesOnly = (post: Post) => analyzePost(post, { classifier: null });

async function run(content: string | Buffer, extra: Partial<Parameters<typeof analyzeFile>[0]> = {}) {
  const input = join(dir, 'posts.jsonl');
  const output = join(dir, 'results.jsonl');
  writeFileSync(input, content);
  const diagnostics: Diagnostic[] = [];
  const summary = await analyzeFile({
    input,
    output,
    analyze: rulesOnly,
    onDiagnostic: (d) => diagnostics.push(d),
    ...extra,
  });
  const results = readFileSync(output, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { summary, diagnostics, results, input, output };
}

const GOOD = JSON.stringify({ id: 'ok', text: 'Nike Air Force 1 high copy 350dh, DM' });

describe('analyzeFile: inputs that cannot be read', () => {
  it('rejects a missing input with InputUnreadableError and creates no output', async () => {
    const output = join(dir, 'out.jsonl');
    await expect(
      analyzeFile({ input: join(dir, 'missing.jsonl'), output, analyze: rulesOnly }),
    ).rejects.toThrow(/cannot read .*missing\.jsonl: ENOENT/);
    expect(() => readFileSync(output)).toThrow();
  });

  it('rejects a directory given as input', async () => {
    const err = await analyzeFile({ input: dir, output: join(dir, 'o.jsonl'), analyze: rulesOnly }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(InputUnreadableError);
    expect(err.message).toContain('it is a directory');
  });

  it('rejects an output in a folder that does not exist', async () => {
    const input = join(dir, 'p.jsonl');
    writeFileSync(input, `${GOOD}\n`);
    await expect(
      analyzeFile({ input, output: join(dir, 'no', 'such', 'o.jsonl'), analyze: rulesOnly }),
    ).rejects.toThrow(/cannot write .*ENOENT/);
  });
});

describe('analyzeFile: bad lines are located and skipped, the batch goes on', () => {
  it('reports invalid JSON with file, line and what was expected', async () => {
    const { diagnostics, results, summary, input } = await run(`${GOOD}\n{"id": "x", "text": \n${GOOD}\n`);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: input,
        line: 2,
        severity: 'error',
        code: 'input.invalid_json',
        expected: 'one JSON object per line',
      }),
    ]);
    expect(results).toHaveLength(2);
    expect(summary).toMatchObject({ lines: 3, analysed: 2, errors: 1, warnings: 0 });
  });

  it('names the missing or invalid field', async () => {
    const lines = [
      JSON.stringify({ text: 'no id here' }),
      JSON.stringify({ id: 'a' }),
      JSON.stringify({ id: 'b', text: 42 }),
      JSON.stringify({ id: '', text: 'empty id' }),
      '"just a string"',
      '[1, 2]',
    ];
    const { diagnostics, results } = await run(`${lines.join('\n')}\n`);
    expect(results).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [1, 'input.invalid_post', 'missing field "id"'],
      [2, 'input.invalid_post', 'missing field "text"'],
      [3, 'input.invalid_post', 'invalid field "text": got 42'],
      [4, 'input.invalid_post', 'invalid field "id": got ""'],
      [5, 'input.not_object', 'got a string, not an object'],
      [6, 'input.not_object', 'got an array, not an object'],
    ]);
    expect(diagnostics[0]!.expected).toBe('"id": a non-empty string or a number');
  });

  it('rejects binary content on a line', async () => {
    const binary = Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7d]);
    const { diagnostics, results } = await run(Buffer.concat([binary, Buffer.from(`\n${GOOD}\n`)]));
    expect(diagnostics).toEqual([expect.objectContaining({ line: 1, code: 'input.binary' })]);
    expect(results.map((r) => r.id)).toEqual(['ok']);
  });

  it('skips a line over the size limit without stopping, and keeps line numbers right', async () => {
    const huge = JSON.stringify({ id: 'huge', text: 'x'.repeat(3 * 1024 * 1024) });
    const { diagnostics, results } = await run(`${GOOD}\n${huge}\n${GOOD}\n`);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, code: 'input.line_too_long' })]);
    expect(diagnostics[0]!.message).toMatch(/line of 3\.0 MB is over the 1\.0 MB limit/);
    expect(results).toHaveLength(2);
  });

  it('analyses a long text on its first characters, with a warning', async () => {
    const long = JSON.stringify({ id: 'long', text: `Rolex AAA 900dh ${'bla '.repeat(500)}` });
    const { diagnostics, results } = await run(`${long}\n`, { maxTextChars: 1000 });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'input.text_truncated', line: 1 }),
    ]);
    expect(results[0]).toMatchObject({ id: 'long', label: 'counterfeit' });
  });

  it('reads a Windows-1252 line with a warning, accents intact', async () => {
    const latin = iconv.encode(
      `${JSON.stringify({ id: 'w', text: 'réplique Nike 300dh, livraison' })}\n`,
      'windows-1252',
    );
    const { diagnostics, results } = await run(Buffer.concat([latin, Buffer.from(`${GOOD}\n`)]));
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 1, severity: 'warning', code: 'input.encoding' }),
    ]);
    expect(results[0].signals.map((s: { text: string }) => s.text)).toContain('réplique');
    expect(results).toHaveLength(2);
  });

  it('reads a UTF-16 file (with BOM) as text', async () => {
    const text = `${JSON.stringify({ id: 'u', text: 'ساعات رولكس نسخة طبق الأصل 1500 درهم' })}\r\n${GOOD}\r\n`;
    const { diagnostics, results } = await run(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
    );
    expect(diagnostics).toEqual([]);
    expect(results.map((r) => [r.id, r.label])).toEqual([
      ['u', 'counterfeit'],
      ['ok', 'counterfeit'],
    ]);
  });

  it('skips blank lines, accepts CRLF, a UTF-8 BOM and a last line without newline', async () => {
    const { diagnostics, results, summary } = await run(
      `\ufeff${GOOD}\r\n\r\n   \n${GOOD.replace('ok', 'last')}`,
    );
    expect(diagnostics).toEqual([]);
    expect(results.map((r) => r.id)).toEqual(['ok', 'last']);
    expect(summary.lines).toBe(2);
  });

  it('writes every diagnostic to the errors file as JSONL', async () => {
    const errorsFile = join(dir, 'errors.jsonl');
    await run(`nope\n${GOOD}\n{"id":1}\n`, { errorsFile });
    const errors = readFileSync(errorsFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'input.invalid_json'],
      [3, 'input.invalid_post'],
    ]);
  });

  it('reports an analyser failure on its line and continues', async () => {
    const { diagnostics, results } = await run(`${GOOD}\n${GOOD}\n`, {
      analyze: (post) => {
        if (diagnosticsSeen++ === 0) throw new Error('boom');
        return rulesOnly(post);
      },
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 1, code: 'analysis.failed', message: 'analysis failed: boom' }),
    ]);
    expect(results).toHaveLength(1);
  });
});
let diagnosticsSeen = 0;

describe('analyzeFile: the output contract', () => {
  it('writes exactly {id, label, score, signals, entities}, echoing numeric ids', async () => {
    const { results } = await run(
      `${JSON.stringify({ id: 7, text: 'Viagra sans ordonnance, WhatsApp 06 12 34 56 78' })}\n`,
    );
    expect(Object.keys(results[0])).toEqual(['id', 'label', 'score', 'signals', 'entities']);
    expect(results[0]).toMatchObject({ id: 7, label: 'health_risk' });
    expect(Object.keys(results[0].entities).sort()).toEqual(
      ['brands', 'cities', 'countries', 'emails', 'handles', 'phones', 'prices', 'urls'].sort(),
    );
    expect(results[0].entities.phones).toEqual(['+212612345678']);
  });

  it('adds reasons, scores, language and the learned model with explain', async () => {
    const { results } = await run(`${GOOD}\n`, { explain: true });
    expect(Object.keys(results[0])).toEqual([
      'id',
      'label',
      'score',
      'signals',
      'entities',
      'reasons',
      'scores',
      'language',
      'model',
    ]);
    expect(results[0].reasons[0]).toMatch(/^Counterfeit/);
    const p = results[0].model.probabilities;
    expect(Object.keys(p).sort()).toEqual(['benign', 'counterfeit', 'duty_evasion', 'health_risk']);
    expect(Math.abs(Object.values<number>(p).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);
    expect(results[0].model.decided).toBe(false); // the rules flagged it: their label stands
  });

  it('counts labels in the summary and formats it', async () => {
    const benign = JSON.stringify({ id: 'b', text: 'Couscous fait maison, livraison Casa' });
    const { summary } = await run(`${GOOD}\n${benign}\nbad\n`);
    expect(summary.labels).toEqual({ counterfeit: 1, health_risk: 0, duty_evasion: 0, benign: 1 });
    expect(formatSummary(summary)).toMatch(
      /^3 lines, 2 analysed \(counterfeit 1, health_risk 0, duty_evasion 0, benign 1\); 1 error, 0 warnings/,
    );
  });

  it('streams a large file line by line', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ id: i, text: `Sac LV copie ${i} dh, DM` }),
    );
    const { results, summary } = await run(`${lines.join('\n')}\n`);
    expect(summary.analysed).toBe(3000);
    expect(results[2999]).toMatchObject({ id: 2999, label: 'counterfeit' });
  });
});
