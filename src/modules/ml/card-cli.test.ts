/**
 * `vigie model card` as a user runs it, on each database: bad options and unknown models refused with what was
 * expected; a registered model carries its card, written as Markdown and PDF, regenerated, and the promotion
 * shown in it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { vigieCommand } from '../../../test/vigie-command.ts';
import { serializeModel, trainModel } from './api.ts';
import { loadKcsSample } from './testing/kcs.ts';

const files = tempFiles();
const sample = new URL('./testing/kcs-sample.csv', import.meta.url).pathname;
const modelFile = join(files.dir, 'model.json');

beforeAll(() => {
  const trained = trainModel(
    loadKcsSample().filter((l) => l.lodged_on <= '2020-12-31'),
    { params: { nTrees: 30, learningRate: 0.2, earlyStoppingRounds: 10 }, holdoutDays: 60 },
  );
  writeFileSync(modelFile, serializeModel(trained));
});

for (const backend of testBackends()) {
  describe(`vigie model card [${backend}]`, { timeout: 600_000 }, () => {
    const vigie = vigieCommand(backend, {
      dataDir: join(files.dir, `data-${backend}`),
      schemaPrefix: 'vigie_model_card',
      timeoutMs: 240_000,
    });

    it('refuses bad options and a promotion without a card; writes the card as Markdown and PDF', async () => {
      const imported = await vigie('import', 'declarations', sample, '--profile', 'kcs', '--no-progress');
      expect(imported.code, imported.stderr).toBe(0);
      const badFormat = await vigie('model', 'card', '1', '--format', 'docx');
      expect(badFormat.code).not.toBe(0);
      expect(badFormat.stderr).toContain('--format: expected md or pdf, got "docx"');
      const pdfToTerminal = await vigie('model', 'card', '1', '--format', 'pdf');
      expect(pdfToTerminal.code).not.toBe(0);
      expect(pdfToTerminal.stderr).toContain('--format pdf: give the file with --out');
      const badId = await vigie('model', 'card', 'first');
      expect(badId.stderr).toContain('model number: expected a positive whole number, got "first"');
      const noModel = await vigie('model', 'card', '7');
      expect(noModel.code).not.toBe(0);
      expect(noModel.stderr).toContain('no model #7');

      // Registered with its card (a promotion without one is refused: card.test.ts, where a model has none).
      const registered = await vigie('model', 'register', modelFile, '--name', 'kcs-2020');
      expect(registered.code, registered.stderr).toBe(0);
      expect(registered.stdout).toContain('registered as a candidate, with its card');

      const md = join(files.dir, `card-${backend}.md`);
      const generated = await vigie('model', 'card', '1', '--generate', '--out', md);
      expect(generated.code, generated.stderr).toBe(0);
      const text = readFileSync(md, 'utf8');
      expect(text).toMatch(/^# Model card — kcs-2020 \(#1\)/);
      expect(text).toContain('| without exact repeats |');
      const pdf = join(files.dir, `card-${backend}.pdf`);
      expect((await vigie('model', 'card', '1', '--format', 'pdf', '--out', pdf)).code).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const promoted = await vigie('model', 'promote', '1');
      expect(promoted.code, promoted.stderr).toBe(0);
      const stdout = await vigie('model', 'card', '1');
      expect(stdout.stdout).toMatch(/Status: active; promoted .* by cli:/);
    });
  });
}
