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
