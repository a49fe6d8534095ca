/**
 * The file-mode contract (`vigie model train|score|eval` on files, no database), and the promise that the KCS
 * loader the ML tests and bench use reads exactly what the `kcs` import profile reads.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { readValidatedRows } from '../../platform/ingest/run.ts';
import { declarationsTarget } from '../declarations/index.ts';
import { loadKcsSample } from './testing/kcs.ts';

const run = promisify(execFile);
const files = tempFiles();
const sample = new URL('./testing/kcs-sample.csv', import.meta.url).pathname;
const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'vigie.js');

describe('model file mode', () => {
  it('reads the KCS sample through the kcs profile exactly as the ML test loader does', async () => {
    const viaProfile = await readValidatedRows(declarationsTarget, {
      file: sample,
      profile: resolveProfile('declarations', 'kcs'),
    });
    expect(viaProfile.errorCount).toBe(0);
    expect(viaProfile.rows).toEqual(loadKcsSample());
  });

  it('trains, scores (declaration_id,score, labels ignored) and evaluates from files alone', async () => {
    const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
    const header = lines[0]!;
    const body = lines.slice(1);
    const train = files.write(
      'train.csv',
      `${[header, ...body.filter((l) => l.includes(',2020-'))].join('\n')}\n`,
    );
    const later = body.filter((l) => l.includes(',2021-'));
    const test = files.write('test.csv', `${[header, ...later].join('\n')}\n`);
    // The same rows with every label flipped: scores must not change.
    const flipped = later.map((l) => {
      const cells = l.split(',');
      cells[20] = cells[20] === '1' ? '0' : '1';
      cells[21] = cells[20] === '1' ? '1' : '0';
      return cells.join(',');
    });
    const testFlipped = files.write('test-flipped.csv', `${[header, ...flipped].join('\n')}\n`);
    const model = join(files.dir, 'model.json');
    const env = { ...process.env, VIGIE_DATA_DIR: join(files.dir, 'no-database') };
    const trained = await run(
      process.execPath,
      [bin, 'model', 'train', '--profile', 'kcs', '--input', train, '--out', model],
      { env },
    );
    expect(trained.stdout).toMatch(/✔ model written to .*model\.json: \d+ trees, trained on 1,981 lines/);
    expect(trained.stdout).toMatch(
      /without the exact-repeat profile \(the figure to expect on real data\): AUC \d\.\d{3}, precision at 5 %/,
    );
    const scores = join(files.dir, 'scores.csv');
    await run(
      process.execPath,
      [bin, 'model', 'score', '--profile', 'kcs', '--model', model, '--input', test, '--out', scores],
      { env },
    );
    const rows = readFileSync(scores, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('declaration_id,score');
    expect(rows).toHaveLength(later.length + 1);
    expect(rows.slice(1).every((r) => /^\d+,\d\.\d+(e-\d+)?$/.test(r))).toBe(true);
    const scoresFlipped = join(files.dir, 'scores-flipped.csv');
    await run(
      process.execPath,
      [
        bin,
        'model',
        'score',
        '--profile',
        'kcs',
        '--model',
        model,
        '--input',
        testFlipped,
        '--out',
        scoresFlipped,
      ],
      { env },
    );
    expect(readFileSync(scoresFlipped, 'utf8')).toBe(readFileSync(scores, 'utf8'));
    const evaluated = await run(
      process.execPath,
      [bin, 'model', 'eval', '--profile', 'kcs', '--model', model, '--input', test, '--json'],
      { env },
    );
    const report = JSON.parse(evaluated.stdout);
    expect(report).toMatchObject({ n: later.length });
    expect(report.auc).toBeGreaterThan(0.8);
  }, 120_000);

  it('scores new declarations, without the Fraud columns, through the same kcs profile', async () => {
    const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
    const header = lines[0]!;
    const later = lines.slice(1).filter((l) => l.includes(',2021-'));
    const model = join(files.dir, 'model.json');
    const scores = join(files.dir, 'scores.csv');
    const env = { ...process.env, VIGIE_DATA_DIR: join(files.dir, 'no-database') };
    // New declarations come without the Fraud columns: the same kcs profile reads them, scores are the same.
    const withoutLabels = (row: string) => {
      const cells = row.split(',');
      cells.splice(20, 2);
      return cells.join(',');
    };
    expect(header.split(',').slice(20, 22)).toEqual(['Fraud', 'Critical Fraud']);
    const fresh = files.write(
      'new-declarations.csv',
      `${[withoutLabels(header), ...later.map(withoutLabels)].join('\n')}\n`,
    );
    const scoresFresh = join(files.dir, 'scores-new.csv');
    const scored = await run(
      process.execPath,
      [bin, 'model', 'score', '--profile', 'kcs', '--model', model, fresh, '--out', scoresFresh],
      { env },
    );
    expect(scored.stderr).toBe('');
    expect(readFileSync(scoresFresh, 'utf8')).toBe(readFileSync(scores, 'utf8'));
    // Without labels there is nothing to evaluate on, and it says so.
    await expect(
      run(process.execPath, [bin, 'model', 'eval', '--profile', 'kcs', '--model', model, '--input', fresh], {
        env,
      }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('no labelled line to evaluate on') });
  });

  it('refuses a file with one outcome column of two, and locates a bad label value', async () => {
    const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
    const model = join(files.dir, 'model.json');
    const env = { ...process.env, VIGIE_DATA_DIR: join(files.dir, 'no-database') };
    const half = files.write(
      'half.csv',
      `${[lines[0], lines[1]].map((l) => l!.split(',').toSpliced(21, 1).join(',')).join('\n')}\n`,
    );
    await expect(
      run(
        process.execPath,
        [
          bin,
          'model',
          'score',
          '--profile',
          'kcs',
          '--model',
          model,
          half,
          '--out',
          join(files.dir, 'h.csv'),
        ],
        { env },
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('missing column "Critical Fraud" required by profile kcs'),
    });
    const cells = lines[2]!.split(',');
    cells[20] = '7';
    const bad = files.write('bad-label.csv', `${[lines[0], lines[1], cells.join(',')].join('\n')}\n`);
    const out = join(files.dir, 'bad-label-scores.csv');
    const result = await run(
      process.execPath,
      [bin, 'model', 'score', '--profile', 'kcs', '--model', model, bad, '--out', out],
      { env },
    );
    expect(result.stderr).toContain('bad-label.csv: 1 of 2 rows left out');
    expect(result.stderr).toMatch(
      /bad-label\.csv:3: column "Critical Fraud, Fraud" \(outcome\.result\): no rule matched/,
    );
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('says what is wrong with a bad file and still scores the good rows', async () => {
    const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
    const bad = files.write(
      'bad.csv',
      `${[lines[0], lines[1], lines[2]!.replace(/,2020-\d\d-\d\d,/, ',yesterday,')].join('\n')}\n`,
    );
    const model = join(files.dir, 'model.json');
    const env = { ...process.env, VIGIE_DATA_DIR: join(files.dir, 'no-database') };
    const out = join(files.dir, 'bad-scores.csv');
    const result = await run(
      process.execPath,
      [bin, 'model', 'score', '--profile', 'kcs', '--model', model, '--input', bad, '--out', out],
      { env },
    );
    expect(result.stderr).toContain('bad.csv: 1 of 2 rows left out (2 errors)');
    expect(result.stderr).toContain(
      'bad.csv:3: column "Date" (lodged_on): expected a date as YYYY-MM-DD, got "yesterday"',
    );
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });
});
