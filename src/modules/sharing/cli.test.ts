import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { captureOutput, runCliInProcess } from '../../../test/cli-in-process.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { loadConfig } from '../../platform/config.ts';
import { registerSharingCli } from './cli-commands.ts';
import { createGroup } from './groups.ts';
import { sendMessage } from './messages.ts';

describeEachDatabase('vigie partners, assistance and ledger', (t) => {
  let dir: string;
  const out = captureOutput();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-sharing-cli-'));
  });

  const config = () => loadConfig({ dataDir: dir });
  const vigie = (...args: string[]) => runCliInProcess(t.database, dir, registerSharingCli, args);

  it('adds and lists partners, refusing a bad key file without changing anything', async () => {
    const bad = join(dir, 'bad.pem');
    writeFileSync(bad, 'hello');
    const add = (name: string, kind: string, country: string, key: string) =>
      vigie(
        'partners',
        'add',
        '--code',
        'TN-DGD',
        '--name',
        name,
        '--kind',
        kind,
        '--country',
        country,
        '--key',
        key,
      );
    await expect(add('Douane tunisienne', 'customs_administration', 'TN', bad)).rejects.toThrow(
      /expected an Ed25519 public key/,
    );
    await expect(add('x', 'police', 'TN', bad)).rejects.toThrow(
      /unknown kind "police": expected customs_administration, national_agency/,
    );
    const pem = join(dir, 'tn.pem');
    writeFileSync(pem, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    await add('Douane tunisienne', 'customs_administration', 'tn', pem);
    expect(out.at(-1)).toMatch(/✔ partner TN-DGD added \(key [0-9a-f]{32}\)/);
    await vigie('partners', 'list', '--json');
    expect(
      JSON.parse(out.at(-1)!).items.map((p: { code: string; country: string }) => `${p.code} ${p.country}`),
    ).toEqual(['TN-DGD TN']);
    await vigie('partners', 'key');
    expect(out.join('\n')).toMatch(/key id [0-9a-f]{32}\n-----BEGIN PUBLIC KEY-----/);
    expect(out.join('\n')).not.toMatch(/PRIVATE/);
  });

  it('tracks a request from opening to closing, naming the allowed moves when one is refused', async () => {
    const open = [
      ...['assistance', 'open', '--direction', 'outgoing', '--partner', 'TN-DGD'],
      ...['--legal-basis', 'Bilateral agreement 1992', '--subject', 'Cigarettes', '--questions', 'Who?'],
    ];
    await expect(vigie(...open, '--ref', 'vehicle:123')).rejects.toThrow(
      /--ref "vehicle:123": expected TYPE:REF with TYPE one of graph_entity, declaration, case/,
    );
    await vigie(
      ...open,
      '--deadline',
      '2020-01-31',
      '--ref',
      'graph_entity:person:ben ali ahmed',
      '--ref',
      'declaration:2026-300-1',
    );
    const number = /request (\S+) opened \(draft\)/.exec(out.at(-1)!)![1]!;
    await expect(vigie('assistance', 'answer', number, '--text', 'done')).rejects.toThrow(
      /cannot go from draft to answered \(allowed: sent, withdrawn\)/,
    );
    await vigie('assistance', 'send', number, '--on', '2020-01-02');
    await vigie('assistance', 'list', '--overdue', '--json');
    expect(JSON.parse(out.at(-1)!).items.map((r: { number: string }) => r.number)).toEqual([number]);
    await vigie('assistance', 'remind', number, '--note', 'by fax');
    await vigie(
      'assistance',
      'answer',
      number,
      '--text',
      'The lorry belongs to a transport company',
      '--on',
      '2020-02-10',
    );
    await vigie('assistance', 'close', number);
    expect(out.at(-1)).toBe(`✔ request ${number} is closed`);
    await vigie('assistance', 'show', number);
    expect(out.join('\n')).toMatch(
      /concerns graph_entity person:ben ali ahmed[\s\S]*reminded on \d{4}-\d{2}-\d{2}: by fax[\s\S]*answered on 2020-02-10/,
    );
    await vigie('assistance', 'counts', '--year', '2020', '--json');
    expect(JSON.parse(out.at(-1)!).items).toEqual([
      {
        year: 2020,
        partner: 'TN-DGD',
        partner_name: 'Douane tunisienne',
        direction: 'outgoing',
        requests: 1,
        answered: 1,
      },
    ]);
  });

  it('exports the ledger, verifies it offline, and fails with the first bad entry named', async () => {
    await createGroup(
      t.database,
      { id: null, name: 'cli', ip: null },
      { code: 'CUG-CLI', name: 'CLI group' },
    );
    for (const title of ['First', 'Second', 'Third'])
      await sendMessage(
        t.database,
        config().sharingKeyFile,
        { id: null, name: 'cli', ip: null },
        {
          kind: 'warning',
          distribution: 'group',
          marking: 'green',
          group: 'CUG-CLI',
          title,
          text: `${title} warning`,
        },
      );
    await vigie('ledger', 'checkpoint');
    expect(out.at(-1)).toMatch(/✔ checkpoint 1–3: root [0-9a-f]{64}/);
    const file = join(dir, 'ledger.ndjson');
    await vigie('ledger', 'export', file);
    expect(out.at(-1)).toBe(`✔ 4 lines of ledger written to ${file}`);
    await vigie('ledger', 'verify', file);
    expect(process.exitCode).toBeUndefined();
    expect(out.join('\n')).toMatch(/✔ .*ledger\.ndjson: 3 entries and 1 checkpoints verify/);
    expect(out.join('\n')).toMatch(/taken from the file: compare it with the id its owner gave you/);

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const second = JSON.parse(lines[2]!);
    second.payload_sha256 = 'f'.repeat(64);
    lines[2] = JSON.stringify(second);
    writeFileSync(file, `${lines.join('\n')}\n`);
    await vigie('ledger', 'verify', file);
    expect(process.exitCode).toBe(1);
    expect(out.at(-1)).toMatch(
      /ledger\.ndjson:3: first bad entry: seq 2, hash mismatch: entry 2: its content does not hash/,
    );
    const other = join(dir, 'other.pem');
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    await vigie('ledger', 'verify', file, '--trust', other, '--json');
    expect(JSON.parse(out.at(-1)!).problem).toMatchObject({ seq: 1, reason: 'unknown_key' });
  });
});
