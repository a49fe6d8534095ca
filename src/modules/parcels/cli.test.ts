/**
 * `vigie import parcels` and `vigie parcels …` as a user runs them: a separate process, exit codes, what they
 * print. Inspection outcomes: refusals first (a bad option named, fraud without its type, another examiner's
 * parcel, a second outcome, a correction without a reason or changing nothing), then recorded and corrected. On each database: a fresh PGlite folder, or a PostgreSQL schema passed through the connection URL.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../../test/db.ts';
import { tempFiles } from '../../../test/files.ts';
import { vigieCommand } from '../../../test/vigie-command.ts';
import { INSTALL_DIR } from '../../platform/lib/paths.ts';

const files = tempFiles();
const samples = join(INSTALL_DIR, 'demo', 'parcels');

for (const backend of testBackends()) {
  describe(`vigie parcels [${backend}]`, { timeout: 300_000 }, () => {
    const vigie = vigieCommand(backend, {
      dataDir: join(files.dir, `data-${backend}`),
      schemaPrefix: 'vigie_parcels',
      timeoutMs: 120_000,
    });

    it('refuses a bad file with located errors and exit code 1, writing nothing; then imports, scores and shows', async () => {
      const bad = files.write(
        `bad-${backend}.csv`,
        'ItemId,OrgPostOperatorCd,MailClassCd,SenderName,SenderCountryCd,AddresseeName,ContentDescription,DeclaredValue,DeclaredValueCurrencyCd,ExpectedArrivalDt,DestinationOfficeCd\n' +
          'RR1,CNPOST,Z,Shop,CN,Ali,socks,10,EUR,20261104,301\n',
      );
      const refused = await vigie('import', 'parcels', bad, '--profile', 'itmatt');
      expect(refused.code).toBe(1);
      expect(refused.stdout + refused.stderr).toContain(
        `bad-${backend}.csv:2: column "MailClassCd" (kind): unexpected value "Z": expected one of "U", "C", "L", "E", "X"`,
      );
      expect(refused.stdout + refused.stderr).toMatch(/nothing was written/);
      const imported = await vigie(
        'import',
        'parcels',
        join(samples, 'sample-itmatt.csv'),
        '--profile',
        'itmatt',
        '--json',
      );
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, counts: { parcels_inserted: 2 } });
      const scored = await vigie('parcels', 'score', '--from', '2026-11-01', '--to', '2026-11-07', '--json');
      expect(scored.code).toBe(0);
      expect(JSON.parse(scored.stdout)).toMatchObject({ parcels: 2, referred: 0 });
      const shown = await vigie('parcels', 'show', 'cnpost/LX987654321CN');
      expect(shown.stdout).toMatch(/CNPOST LX987654321CN \(postal\), arriving 2026-11-04 at 301/);
      expect(shown.stdout).toMatch(/score 0, green/);
      const badPeriod = await vigie('parcels', 'score', '--from', '2026-11-08', '--to', '2026-11-01');
      expect(badPeriod.code).not.toBe(0);
      expect(badPeriod.stderr).toMatch(/from \(2026-11-08\) is after to \(2026-11-01\)/);
    });

    it('records and corrects an inspection outcome, with the route’s refusals and a non-zero exit on each', async () => {
      const week = files.write(
        `week-${backend}.csv`,
        'consignment_number,carrier,kind,sender_name,sender_country,recipient_name,recipient_address,recipient_city,recipient_phone,description,declared_value,currency,hs_code,arrival_date,arrival_office\n' +
          ['S1', 'S2', 'S3']
            .map(
              (n) =>
                `${n},DHL,express,Trendy Store,CN,Karim Naciri,7 rue Atlas,Casablanca,0661001122,sport jacket,60,EUR,,2026-11-10,301`,
            )
            .join('\n') +
          '\n',
      );
      expect((await vigie('import', 'parcels', week)).code).toBe(0);
      expect((await vigie('parcels', 'score', '--from', '2026-11-10', '--to', '2026-11-10')).code).toBe(0);
      for (const who of ['amina', 'omar'])
        expect(
          (await vigie('parcels', 'add-examiner', who, '--name', who, '--office', '301', '--capacity', '1'))
            .code,
        ).toBe(0);
      const assigned = await vigie('parcels', 'assign', '--from', '2026-11-10', '--to', '2026-11-10');
      expect(JSON.parse(assigned.stdout)).toMatchObject({ by_examiner: { amina: 1, omar: 1 } });
      const shown = JSON.parse((await vigie('parcels', 'show', 'DHL/S1', '--json')).stdout);
      const mine = shown.assignment.username as string;
      const other = mine === 'amina' ? 'omar' : 'amina';

      const refusals: [string[], RegExp][] = [
        [['--result', 'seized'], /unknown result "seized": expected compliant, fraud, not_found/],
        [['--result', 'fraud'], /fraud_type: expected the type of fraud found/],
        [
          ['--result', 'compliant', '--found-value', '10', '--currency', 'EURO'],
          /--currency: expected a three-letter currency code/,
        ],
        [['--result', 'compliant', '--as', other], new RegExp(`assigned to ${mine}, not to you`)],
      ];
      for (const [args, message] of refusals) {
        const refused = await vigie('parcels', 'inspection', 'DHL/S1', ...args);
        expect(refused.code, args.join(' ')).not.toBe(0);
        expect(refused.stderr, args.join(' ')).toMatch(message);
      }
      const nothing = await vigie(
        'parcels',
        'correct-inspection',
        'DHL/S1',
        '--result',
        'compliant',
        '--reason',
        'wrong result',
      );
      expect(nothing.code).not.toBe(0);
      expect(nothing.stderr).toMatch(/DHL S1 has no outcome to correct/);

      const recorded = await vigie(
        'parcels',
        'inspection',
        'DHL/S1',
        '--result',
        'fraud',
        '--fraud-type',
        'counterfeit',
        '--found-value',
        '180.5',
        '--currency',
        'eur',
        '--note',
        'fake labels',
        '--as',
        mine,
      );
      expect(recorded.code, recorded.stderr).toBe(0);
      expect(recorded.stdout).toMatch(
        new RegExp(
          `DHL S1: fraud \\(counterfeit\\), 180\\.50 EUR, examiner ${mine}, inspected .*, recorded by ${mine}`,
        ),
      );
      const again = await vigie('parcels', 'inspection', 'DHL/S1', '--result', 'compliant');
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(
        /already has an outcome: fraud \(counterfeit\) by .*; to change it, correct it with a reason/,
      );

      const noReason = await vigie('parcels', 'correct-inspection', 'DHL/S1', '--result', 'compliant');
      expect(noReason.code).not.toBe(0);
      expect(noReason.stderr).toMatch(/required option '--reason <text>' not specified/);
      const short = await vigie(
        'parcels',
        'correct-inspection',
        'DHL/S1',
        '--result',
        'compliant',
        '--reason',
        ' oops ',
      );
      expect(short.code).not.toBe(0);
      expect(short.stderr).toMatch(/--reason: expected why the outcome is corrected, 5 characters at least/);
      const same = await vigie(
        'parcels',
        'correct-inspection',
        'DHL/S1',
        '--result',
        'fraud',
        '--fraud-type',
        'counterfeit',
        '--found-value',
        '180.5',
        '--currency',
        'EUR',
        '--note',
        'fake labels',
        '--reason',
        'typed it again',
      );
      expect(same.code).not.toBe(0);
      expect(same.stderr).toMatch(/the correction changes nothing/);

      // A supervisor's correction from the command line: the examiner stays, the earlier outcome is kept.
      const corrected = await vigie(
        'parcels',
        'correct-inspection',
        'DHL/S1',
        '--result',
        'compliant',
        '--reason',
        'right holder: genuine',
        '--json',
      );
      expect(corrected.code, corrected.stderr).toBe(0);
      const outcome = JSON.parse(corrected.stdout);
      expect(outcome).toMatchObject({ result: 'compliant', fraud_type: null, examiner: mine });
      expect(outcome.recorded_by).toMatch(/^cli:/);
      expect(outcome.history).toMatchObject([
        { result: 'fraud', fraud_type: 'counterfeit', recorded_by: mine, reason: 'right holder: genuine' },
      ]);
    });
  });
}
