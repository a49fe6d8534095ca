import iconv from 'iconv-lite';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { kcsCsv, nativeCsv, nativeRow } from '../../../test/factories.ts';
import { tempFiles } from '../../../test/files.ts';
import { resolveProfile, withFileConventions } from '../../platform/ingest/profile.ts';
import { type ImportOptions, runImport } from '../../platform/ingest/run.ts';
import { declarationsTarget } from './import-target.ts';
import { declarationStats, getDeclaration } from './store.ts';

const files = tempFiles();

describeEachDatabase('declarations import', (t) => {
  beforeEach(() => t.reset());

  const run = (file: string, options: Partial<ImportOptions> & { profileName?: string } = {}) =>
    runImport(t.database, declarationsTarget, {
      file,
      profile: resolveProfile('declarations', options.profileName ?? 'native'),
      ...options,
    });

  const counts = async () => {
    const s = await declarationStats(t.database.db);
    const imports = await t.database.db.selectFrom('imports').select('id').execute();
    return {
      declarations: s.declarations,
      items: s.items,
      outcomes: s.outcomes,
      importers: s.importers,
      imports: imports.length,
    };
  };

  it('goes back to the event loop every few hundred rows while it parses, so requests are answered', async () => {
    // 2,000 lines: one chunk of the file, read at once; one write at the end (batch larger than the file).
    const file = files.write('one-chunk.csv', kcsCsv(2000));
    let built = 0;
    const ticksWhileParsing: number[] = [];
    const ticker = setInterval(() => {
      if (built > 0 && built < 2000) ticksWhileParsing.push(built);
    }, 0);
    try {
      const result = await runImport(
        t.database,
        {
          ...declarationsTarget,
          build: (...args: Parameters<typeof declarationsTarget.build>) => {
            built++;
            return declarationsTarget.build(...args);
          },
        },
        { file, profile: resolveProfile('declarations', 'kcs'), batchSize: 10_000 },
      );
      expect(result.ok).toBe(true);
    } finally {
      clearInterval(ticker);
    }
    // Timers ran at several points of the parsing, not once per chunk of the file.
    expect(new Set(ticksWhileParsing).size).toBeGreaterThanOrEqual(3);
  });

  it('writes nothing from a file with a bad row, and lists every error with its line, column and field', async () => {
    const file = files.write(
      'bad.csv',
      nativeCsv([
        nativeRow({ reference: 'A' }),
        nativeRow({ reference: 'B', hs_code: '12AB', lodged_on: '2024-02-30' }),
        nativeRow({ reference: 'C', customs_value: '-5', origin_country: 'China' }),
        nativeRow({ reference: 'D' }),
      ]),
    );
    const summary = await run(file);
    expect(summary.ok).toBe(false);
    expect(summary.importId).toBeNull();
    expect(summary.errorCount).toBe(4);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        file: 'bad.csv',
        line: 3,
        column: 'lodged_on',
        field: 'lodged_on',
        message: 'expected a date as YYYY-MM-DD, got "2024-02-30"',
      }),
      expect.objectContaining({
        line: 3,
        column: 'hs_code',
        field: 'item.hs_code',
        message: 'expected an HS code of 6 to 10 digits',
      }),
      expect.objectContaining({
        line: 4,
        column: 'origin_country',
        field: 'item.origin_country',
        message: expect.stringMatching(/two-letter ISO 3166/),
      }),
      expect.objectContaining({
        line: 4,
        column: 'customs_value',
        field: 'item.customs_value',
        message: 'expected zero or more',
      }),
    ]);
    expect(await counts()).toEqual({ declarations: 0, items: 0, outcomes: 0, importers: 0, imports: 0 });
  });

  it('lists errors up to the limit and counts them all', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => nativeRow({ reference: `R${i}`, hs_code: 'x' }));
    const summary = await run(files.write('many.csv', nativeCsv(rows)), { maxErrors: 5 });
    expect(summary.errors).toHaveLength(5);
    expect(summary.errorCount).toBe(30);
  });

  it('refuses a file whose columns do not fit the profile, before reading any row', async () => {
    const summary = await run(files.write('cols.csv', 'reference,office\nA,301\n'));
    expect(summary.ok).toBe(false);
    expect(summary.fileError?.code).toBe('import.missing_columns');
    expect(summary.fileError?.message).toMatch(
      /missing columns "lodged_on", "line_no", "hs_code", "customs_value"/,
    );
    expect(await counts()).toMatchObject({ declarations: 0, imports: 0 });
  });

  it('imports the KCS format, with its labels as outcomes, and changes nothing when imported again', async () => {
    const file = files.write('kcs.csv', kcsCsv(40));
    const first = await run(file, { profileName: 'kcs' });
    expect(first.ok).toBe(true);
    expect(first.counts).toEqual({
      declarations_inserted: 40,
      items_inserted: 40,
      outcomes_inserted: 40,
      declarations_unchanged: 0,
    });
    const stats = await declarationStats(t.database.db);
    expect(stats).toMatchObject({
      declarations: 40,
      items: 40,
      outcomes: 40,
      fraud_items: 8,
      critical_items: 4,
    });
    const d = await getDeclaration(t.database.db, '10000009');
    expect(d).toMatchObject({
      office: { code: '10' },
      lodged_on: '2020-01-10',
      currency: 'KRW',
      attributes: { import_type: '11', import_use: '21', payment_type: '11' },
      parties: { importer: { code: 'IMP2' }, declarant: { code: 'DECL4' }, seller: null },
    });
    expect(d!.items[0]).toMatchObject({
      hs_code: '620822',
      customs_value: 1094.5,
      net_mass_kg: 12.5,
      duty_rate: 8,
    });
    expect(d!.items[0]!.outcomes).toEqual([
      expect.objectContaining({ result: 'critical', inspected_on: '2020-01-10', source: 'import' }),
    ]);

    const before = await counts();
    const again = await run(file, { profileName: 'kcs' });
    expect(again.ok).toBe(true);
    expect(again.counts).toMatchObject({ declarations_inserted: 0, declarations_unchanged: 40 });
    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('refuses to change a stored declaration when a file brings other content under its reference', async () => {
    await run(
      files.write('v1.csv', nativeCsv([nativeRow({ reference: 'A' }), nativeRow({ reference: 'B' })])),
    );
    const file = files.write(
      'v2.csv',
      nativeCsv([nativeRow({ reference: 'A', customs_value: '99' }), nativeRow({ reference: 'C' })]),
    );
    const atomic = await run(file);
    expect(atomic.ok).toBe(false);
    expect(atomic.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'reference',
        code: 'declaration.conflict',
        message: expect.stringMatching(/already imported \(import #\d+\) with different content/),
      }),
    ]);
    const skipping = await run(file, { mode: 'skip_invalid', rejectsPath: `${files.dir}/v2.rejects.csv` });
    expect(skipping.ok).toBe(true);
    expect(skipping.counts).toMatchObject({ declarations_inserted: 1 });
    expect(skipping.rowsRejected).toBe(1);
    const a = await getDeclaration(t.database.db, 'A');
    expect(a!.items[0]!.customs_value).toBe(15400);
  });

  it('keeps good declarations and rejects whole bad ones with --skip-invalid, into a rejects file', async () => {
    const rows = [
      nativeRow({ reference: 'A', line_no: '1' }),
      nativeRow({ reference: 'A', line_no: '2', hs_code: '640299' }),
      nativeRow({ reference: 'B', line_no: '1' }),
      nativeRow({ reference: 'B', line_no: '2', customs_value: 'n/a', description: 'has, a comma' }),
      nativeRow({ reference: 'C', line_no: '1', office: '302' }),
      nativeRow({ reference: 'C', line_no: '2', office: '999' }),
      nativeRow({ reference: 'D', line_no: '1' }),
      nativeRow({ reference: 'D', line_no: '1' }),
    ];
    const rejectsPath = `${files.dir}/skip.rejects.csv`;
    const summary = await run(files.write('skip.csv', nativeCsv(rows)), {
      mode: 'skip_invalid',
      rejectsPath,
    });
    expect(summary.ok).toBe(true);
    expect(summary.counts).toMatchObject({ declarations_inserted: 1, items_inserted: 2 });
    expect(summary.rowsRejected).toBe(6);
    expect(summary.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [5, 'item.customs_value', 'import.invalid_value'],
      [7, 'office', 'declaration.inconsistent_header'],
      [9, 'item.line_no', 'declaration.duplicate_line'],
    ]);
    const rejects = files.read(rejectsPath).trim().split('\n');
    expect(rejects[0]).toBe(`${nativeCsv([]).trim()},vigie_line,vigie_errors`);
    expect(rejects).toHaveLength(7);
    expect(rejects[1]).toMatch(/,4,rejected with its declaration B \(line 5 is invalid\)$/);
    expect(rejects[2]).toMatch(
      /"has, a comma".*,5,"skip\.csv:5: column ""customs_value"" \(item\.customs_value\): expected a number, got ""n\/a"""$/,
    );
    expect((await counts()).declarations).toBe(1);
  });

  it('refuses a declaration whose lines are split across the file', async () => {
    const rows = [
      nativeRow({ reference: 'A' }),
      nativeRow({ reference: 'B' }),
      nativeRow({ reference: 'A', line_no: '2' }),
    ];
    const summary = await run(files.write('split.csv', nativeCsv(rows)));
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'declaration.not_contiguous',
        message: expect.stringMatching(/must follow each other/),
      }),
    ]);
    expect((await counts()).declarations).toBe(0);
  });

  it('reads windows-1252 when told or when the file cannot be UTF-8, and names the column when told wrong', async () => {
    const csv = nativeCsv([
      nativeRow({ importer_name: 'Société Générale d’Import', description: 'crème pour le visage' }),
    ]);
    const file = files.write('latin.csv', iconv.encode(csv, 'windows-1252'));
    const guessed = await run(file);
    expect(guessed.ok).toBe(true);
    await t.reset();
    const wrong = await run(file, { encoding: 'utf-8' });
    expect(wrong.ok).toBe(false);
    expect(wrong.errors[0]).toMatchObject({
      line: 2,
      column: 'importer_name',
      message: expect.stringMatching(/--encoding windows-1252/),
    });
    const right = await run(file, { encoding: 'windows-1252' });
    expect(right.ok).toBe(true);
    const d = await getDeclaration(t.database.db, 'DUM-2024-000001');
    expect(d!.parties.importer).toEqual({ code: 'IMP001', name: 'Société Générale d’Import' });
    expect(d!.items[0]!.description).toBe('crème pour le visage');
  });

  it("reads a French office's spreadsheet (semicolons, decimal commas, DD/MM/YYYY, Windows-1252) when told its conventions", async () => {
    const csv = nativeCsv(
      [
        nativeRow({
          importer_name: 'Société Générale d’Import',
          lodged_on: '05/03/2024',
          customs_value: '12345,67',
          net_mass_kg: '10,5',
          duty_rate: '17,5',
        }),
      ],
      ';',
    );
    const file = files.write('francais.csv', iconv.encode(csv, 'windows-1252'));
    // As written: the dates and amounts are named with what was expected, and nothing is written.
    const refused = await run(file);
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e) => [e.line, e.column])).toEqual(
      expect.arrayContaining([
        [2, 'lodged_on'],
        [2, 'customs_value'],
      ]),
    );
    expect(refused.errors.find((e) => e.column === 'lodged_on')!.message).toBe(
      'expected a date as YYYY-MM-DD, got "05/03/2024"',
    );
    expect((await counts()).declarations).toBe(0);
    const summary = await runImport(t.database, declarationsTarget, {
      file,
      profile: withFileConventions(resolveProfile('declarations', 'native'), {
        decimal_separator: ',',
        date_format: 'DD/MM/YYYY',
      }),
    });
    expect(summary.ok).toBe(true);
    const d = await getDeclaration(t.database.db, 'DUM-2024-000001');
    expect(d!.lodged_on).toBe('2024-03-05');
    expect(d!.parties.importer!.name).toBe('Société Générale d’Import');
    expect(d!.items[0]!.customs_value).toBe(12345.67);
    expect(d!.items[0]!.net_mass_kg).toBe(10.5);
  });

  it('reads semicolon-separated files with a UTF-8 byte-order mark', async () => {
    const file = files.write('bom.csv', `\uFEFF${nativeCsv([nativeRow()], ';')}`);
    const summary = await run(file);
    expect(summary.ok).toBe(true);
    expect(summary.counts.declarations_inserted).toBe(1);
  });

  it('imports nested JSON declarations and flat NDJSON lines alike', async () => {
    const header = {
      reference: 'J1',
      office: '301',
      lodged_on: '2024-03-01',
      importer_code: 'IMP9',
      currency: 'EUR',
    };
    const json = files.write(
      'decl.json',
      JSON.stringify([
        {
          ...header,
          items: [
            {
              line_no: 1,
              hs_code: '9102.11',
              customs_value: 1200.5,
              origin_country: 'ch',
              result: 'fraud',
              fraud_type: 'valuation',
              recovered_amount: 300,
            },
            { line_no: 2, hs_code: '910211', customs_value: '80' },
          ],
        },
      ]),
    );
    const summary = await run(json);
    expect(summary.ok).toBe(true);
    expect(summary.counts).toMatchObject({
      declarations_inserted: 1,
      items_inserted: 2,
      outcomes_inserted: 1,
    });
    const d = await getDeclaration(t.database.db, 'J1');
    expect(d!.items.map((i) => [i.hs_code, i.origin_country, i.outcomes.map((o) => o.result)])).toEqual([
      ['910211', 'CH', ['fraud']],
      ['910211', null, []],
    ]);

    const ndjson = files.write(
      'decl.ndjson',
      [
        JSON.stringify({ ...header, reference: 'N1', line_no: 1, hs_code: '610910', customs_value: 5 }),
        '{broken',
        '',
      ].join('\n'),
    );
    const bad = await run(ndjson);
    expect(bad.errors).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'import.unreadable_record',
        message: expect.stringMatching(/invalid JSON/),
      }),
    ]);
  });

  it('needs a result when other outcome fields are given, and a code when a party name is', async () => {
    const rows = [
      nativeRow({ reference: 'A', channel: 'red', importer_code: '', importer_name: 'Nameless' }),
    ];
    const summary = await run(files.write('outcome.csv', nativeCsv(rows)));
    expect(summary.errors.map((e) => [e.field, e.message])).toEqual([
      ['importer.code', 'a value is required when importer.name is given'],
      ['outcome.result', 'a value is required when other outcome fields are given'],
    ]);
  });

  it('takes a party given twice in one file under different names or countries: the last one given wins', async () => {
    const rows = [
      nativeRow({ reference: 'P1', importer_name: 'Atlas Import', seller_country: 'CN' }),
      nativeRow({ reference: 'P2', importer_name: 'Atlas Import SARL', seller_country: 'TR' }),
      nativeRow({ reference: 'P3', importer_name: '', seller_country: '' }),
    ];
    const summary = await run(files.write('parties.csv', nativeCsv(rows)));
    expect(summary.fileError).toBeUndefined();
    expect(summary.errors).toEqual([]);
    expect(summary.ok).toBe(true);
    const importer = await t.database.db
      .selectFrom('importers')
      .select(['code', 'name'])
      .where('code', '=', 'IMP001')
      .execute();
    expect(importer).toEqual([{ code: 'IMP001', name: 'Atlas Import SARL' }]);
    const seller = await t.database.db
      .selectFrom('sellers')
      .select(['code', 'country'])
      .where('code', '=', 'SEL01')
      .execute();
    expect(seller).toEqual([{ code: 'SEL01', country: 'TR' }]);
    expect((await counts()).declarations).toBe(3);
  });

  it('reports an unreadable file without touching the database', async () => {
    const summary = await run(`${files.dir}/missing.csv`);
    expect(summary.fileError).toMatchObject({
      code: 'import.unreadable',
      message: expect.stringMatching(/ENOENT/),
    });
    const wrongType = await run(files.write('notes.docx', 'x'));
    expect(wrongType.fileError?.code).toBe('import.bad_format');
  });
});
