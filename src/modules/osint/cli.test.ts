import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeEach, describe, expect, it } from 'vitest';
import { captureOutput } from '../../../test/cli-in-process.ts';
import { deserializeClassifier } from './analysis/classifier-io.ts';
import { registerOsintCli } from './cli.ts';

let dir: string;
const stderr = captureOutput(['stderr']);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-osint-cli-'));
});

async function vigie(...args: string[]): Promise<void> {
  const program = new Command('vigie').exitOverride();
  registerOsintCli(program);
  await program.parseAsync(args, { from: 'user' });
}

describe('vigie osint analyze', () => {
  it('exits with 2 and a message when the input cannot be read', async () => {
    await vigie('osint', 'analyze', '--input', join(dir, 'missing.jsonl'), '--out', join(dir, 'out.jsonl'));
    expect(process.exitCode).toBe(2);
    expect(stderr.join('')).toMatch(/osint: cannot read .*missing\.jsonl: ENOENT/);
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
  });

  it('exits with 2 when the model file is not a model', async () => {
    writeFileSync(join(dir, 'p.jsonl'), '{"id":1,"text":"x"}\n');
    writeFileSync(join(dir, 'model.json'), '{"hello": 1}');
    await vigie(
      'osint',
      'analyze',
      '--input',
      join(dir, 'p.jsonl'),
      '--out',
      join(dir, 'o.jsonl'),
      '--model',
      join(dir, 'model.json'),
    );
    expect(process.exitCode).toBe(2);
    expect(stderr.join('')).toMatch(/not a Vigie classifier model/);
  });

  it('refuses a bad --max-text-chars as a usage error', async () => {
    const err = await vigie(
      'osint',
      'analyze',
      '--input',
      'a',
      '--out',
      'b',
      '--max-text-chars',
      'lots',
    ).catch((e) => e);
    expect(err.code).toBe('commander.invalidArgument');
    expect(err.message).toMatch(/'lots' is invalid\. expected a positive integer/);
  });

  it('analyses a file, reports bad lines, writes the errors file and a summary, exit code 0', async () => {
    const input = join(dir, 'posts.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: 'Rolex réplique AAA 900dh, WhatsApp 06 12 34 56 78' }),
        '{broken',
        JSON.stringify({ id: 'b', text: 'Huile d’argan de coopérative, 250dh' }),
      ].join('\n'),
    );
    const out = join(dir, 'results.jsonl');
    const errors = join(dir, 'errors.jsonl');
    await vigie('osint', 'analyze', '--input', input, '--out', out, '--errors', errors, '--rules-only');
    expect(process.exitCode).toBeUndefined();
    const results = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results.map((r) => [r.id, r.label])).toEqual([
      ['a', 'counterfeit'],
      ['b', 'benign'],
    ]);
    expect(results[0].entities.phones).toEqual(['+212612345678']);
    expect(JSON.parse(readFileSync(errors, 'utf8'))).toMatchObject({ line: 2, code: 'input.invalid_json' });
    const log = stderr.join('');
    expect(log).toContain(`${input}:2: error: invalid JSON`);
    expect(log).toMatch(
      /osint analyze: 3 lines, 2 analysed \(counterfeit 1, health_risk 0, duty_evasion 0, benign 1\); 1 error, 0 warnings/,
    );
  });
});

describe('vigie osint train', () => {
  it('trains a model from confirmations, which analyze then loads', async () => {
    const input = join(dir, 'confirmed.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ text: 'Le film Replica au cinéma', label: 'benign' }),
        JSON.stringify({ text: 'no label here' }),
        JSON.stringify({ text: 'Sac LV copie 300dh', label: 'counterfeit' }),
      ].join('\n'),
    );
    const model = join(dir, 'model.json');
    await vigie('osint', 'train', '--input', input, '--out', model, '--no-seed', '--epochs', '5');
    expect(process.exitCode).toBeUndefined();
    expect(stderr.join('')).toMatch(/2 confirmations \(1 bad lines\), model trained on 2/);
    expect(deserializeClassifier(JSON.parse(readFileSync(model, 'utf8'))).trainedOn).toBe(2);

    const updated = join(dir, 'updated.json');
    await vigie('osint', 'train', '--input', input, '--out', updated, '--base', model);
    expect(deserializeClassifier(JSON.parse(readFileSync(updated, 'utf8'))).trainedOn).toBe(4);

    writeFileSync(join(dir, 'p.jsonl'), `${JSON.stringify({ id: 1, text: 'Sac LV copie 300dh, DM' })}\n`);
    await vigie(
      'osint',
      'analyze',
      '--input',
      join(dir, 'p.jsonl'),
      '--out',
      join(dir, 'o.jsonl'),
      '--model',
      model,
      '--explain',
    );
    const [result] = readFileSync(join(dir, 'o.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(result.label).toBe('counterfeit');
    expect(result.reasons.at(-1)).toMatch(/^Text classifier: /);
  });
});
