import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { captureOutput, runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { registerCasesCli } from './cli.ts';
import { registerOperationsCli } from './cli-operations.ts';
import { registerSeizuresCli } from './cli-seizures.ts';

describeEachDatabase('vigie cases and seizures', (t) => {
  let dir: string;
  const out = captureOutput();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-cases-cli-'));
  });

  const vigie = (...args: string[]) =>
    runCliInProcess(
      t.database,
      dir,
      (program, context) => {
        registerCasesCli(program, context);
        registerSeizuresCli(program, context);
        registerOperationsCli(program, context);
      },
      args,
    );

  it('refuses an illegal transition and names the allowed ones', async () => {
    await vigie('cases', 'open', '--title', 'Cigarettes', '--type', 'smuggling', '--office', '900');
    const number = /case (\S+) opened/.exec(out.join('\n'))![1]!;
    await expect(
      vigie('cases', 'transition', number, 'prosecuted', '--reason', 'court case'),
    ).rejects.toThrow(/cannot go from open to prosecuted \(allowed: investigation, closed\)/);
    await expect(vigie('cases', 'transition', number, 'nowhere')).rejects.toThrow(/unknown status "nowhere"/);
    await expect(vigie('cases', 'show', '900/1999/0001')).rejects.toThrow(/no case 900\/1999\/0001/);
    await vigie('cases', 'link', number, 'osint_seller', '77');
    expect(out.at(-1)).toMatch(/links osint_seller 77 \(legal hold #\d+\)/);
  });

  it('imports seizures with located errors, then writes the offence report of their case', async () => {
    await vigie('cases', 'open', '--title', 'Sacs', '--type', 'counterfeiting', '--office', '901');
    const number = /case (\S+) opened/.exec(out.join('\n'))![1]!;
    const file = join(dir, 'seizures.csv');
    const header = 'reference,seized_on,office,case_number,description,category,estimated_value\n';
    writeFileSync(
      file,
      `${header}K1,2025-01-10,901,${number},Sacs,counterfeit_accessories,5000\nK2,2025-01-11,901,,Pills,pills,\n`,
    );
    await vigie('seizures', 'import', file);
    expect(process.exitCode).toBe(1);
    expect(out.join('\n')).toMatch(
      /seizures\.csv:3: column "category" \(category\): expected one of counterfeit_clothing/,
    );
    process.exitCode = undefined;
    writeFileSync(file, `${header}K1,2025-01-10,901,${number},Sacs,counterfeit_accessories,5000\n`);
    await vigie('seizures', 'import', file);
    expect(process.exitCode).toBeUndefined();
    await vigie('seizures', 'list', '--case', number, '--json');
    expect(JSON.parse(out.at(-1)!).items.map((s: { reference: string }) => s.reference)).toEqual(['K1']);
    const pdf = join(dir, 'pv.pdf');
    await vigie('seizures', 'report', number, '--lang', 'ar', '--out', pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(out.at(-1)).toMatch(/^✔ PV-901\/\d{4}\/0001 version 1 \(ar\)/);
  });

  it('records a test purchase and a takedown from the command line, refusing a bad status', async () => {
    await vigie(
      'cases',
      'open',
      '--title',
      'Fake pills online',
      '--type',
      'health_products',
      '--office',
      '902',
    );
    const number = /case (\S+) opened/.exec(out.join('\n'))![1]!;
    const buy = ['cases', 'purchase', number, '--platform', 'Shop', '--ordered-on', '2026-03-01'];
    await expect(vigie(...buy, '--result', 'fine')).rejects.toThrow(/unknown result "fine"/);
    await vigie(...buy, '--amount', '120');
    const purchase = /test purchase #(\d+)/.exec(out.at(-1)!)![1]!;
    await vigie(
      'cases',
      'purchase-update',
      number,
      purchase,
      '--result',
      'counterfeit',
      '--received-on',
      '2026-03-03',
    );
    expect(out.at(-1)).toMatch(/: counterfeit$/);
    await vigie(
      'cases',
      'takedown',
      number,
      '--platform',
      'Shop',
      '--url',
      'https://shop.example/a',
      '--url',
      'https://shop.example/b',
      '--legal-basis',
      'customs code',
      '--sent-on',
      '2026-03-04',
    );
    expect(out.at(-1)).toMatch(/takedown #\d+ on .*: 2 URL\(s\), pending/);
    const takedown = /takedown #(\d+)/.exec(out.at(-1)!)![1]!;
    await expect(
      vigie(
        'cases',
        'takedown-answer',
        number,
        takedown,
        '--status',
        'refused',
        '--taken-down-on',
        '2026-03-05',
      ),
    ).rejects.toThrow(/accepted or partial only/);
    await vigie(
      'cases',
      'takedown-answer',
      number,
      takedown,
      '--status',
      'accepted',
      '--taken-down-on',
      '2026-03-05',
    );
    expect(out.at(-1)).toMatch(/: accepted$/);
    await vigie('cases', 'show', number, '--json');
    const kinds = JSON.parse(out.at(-1)!).timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'opened',
      'test_purchase_added',
      'test_purchase_updated',
      'takedown_requested',
      'takedown_updated',
    ]);
  });

  it('creates an operation, tags a case with its seizures, and writes the final report as CSV and PDF', async () => {
    const create = [
      ...['operations', 'create', '--code', 'PANCEA', '--name', 'Pangea'],
      ...['--from', '2025-01-01', '--to', '2025-01-31'],
    ];
    await expect(vigie(...create, '--categories', 'pills')).rejects.toThrow(/unknown category "pills"/);
    await vigie(...create, '--participants', '903,904', '--categories', 'medicines');
    expect(out.at(-1)).toMatch(/operation PANCEA created/);
    await vigie('cases', 'open', '--title', 'Pills', '--type', 'health_products', '--office', '903');
    const number = /case (\S+) opened/.exec(out.join('\n'))![1]!;
    const file = join(dir, 'op-seizures.csv');
    writeFileSync(
      file,
      'reference,seized_on,office,case_number,description,category,quantity,unit,estimated_value\n' +
        `P1,2025-01-10,903,${number},Tablets,medicines,10,boxes,100\n` +
        `P1,2025-01-10,903,${number},Syrup,medicines,5,boxes,50\n`,
    );
    await vigie('seizures', 'import', file);
    await vigie('operations', 'tag-case', 'PANCEA', number);
    expect(out.at(-1)).toMatch(/tagged to PANCEA \(1 seizure\(s\) with it\)/);
    await vigie('operations', 'report', 'PANCEA');
    const report = JSON.parse(out.at(-1)!);
    expect(report.totals).toMatchObject({ cases: 1, seizures: 1, lines: 2, estimated_value: 150 });
    await vigie('seizures', 'list', '--operation', 'PANCEA', '--json');
    expect(JSON.parse(out.at(-1)!).items.map((s: { reference: string }) => s.reference)).toEqual(['P1']);
    expect(report.by_participant.map((p: { key: string; seizures: number }) => [p.key, p.seizures])).toEqual([
      ['903', 1],
      ['904', 0],
    ]);
    await vigie('operations', 'report', 'PANCEA', '--format', 'csv', '--table', 'quantities');
    expect(out.at(-1)).toBe('category,unit,lines,quantity,net_mass_kg\r\nmedicines,boxes,2,15,0\n');
    await expect(vigie('operations', 'report', 'PANCEA', '--format', 'pdf')).rejects.toThrow(/needs --out/);
    const pdf = join(dir, 'op.pdf');
    await vigie('operations', 'report', 'PANCEA', '--format', 'pdf', '--lang', 'ar', '--out', pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
