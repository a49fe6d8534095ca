/**
 * `vigie partners add|list|show|key`, `vigie assistance list|show|open|send|remind|answer|close|refuse|withdraw|
 * counts`, `vigie sharing push|pull|status`, `vigie ledger export|verify|checkpoint`: the commands are declared here, light; what they do is in
 * cli.ts, loaded when one of them runs.
 */
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.ts';
import { collect, oneOf } from '../../platform/cli/options.ts';
import { ASSISTANCE_STATUSES, DIRECTIONS, PARTNER_KINDS } from './model.ts';

const impl = () => import('./cli.ts');

export function registerSharingCli(program: Command, context: CliContext): void {
  const partners = program
    .command('partners')
    .description("partner administrations and agencies: add, list, show; this installation's public key");
  partners
    .command('add')
    .description('add a partner with its Ed25519 public key')
    .requiredOption('--code <code>', 'short code (letters, digits, _ . -)')
    .requiredOption('--name <name>', 'name')
    .requiredOption('--kind <kind>', PARTNER_KINDS.join(' | '), oneOf(PARTNER_KINDS, 'kind'))
    .requiredOption('--country <cc>', 'ISO 3166 country code')
    .option('--key <file>', 'its public key: a PEM file, or a file holding base64 of the 32 raw bytes')
    .option('--key-text <text>', 'its public key as text (base64 of the raw bytes or PEM)')
    .option('--endpoint <url>', 'the address of its Vigie installation')
    .option('--json', 'print as JSON')
    .action(async (o) => (await impl()).partnersAdd(context, o));
  partners
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (o) => (await impl()).partnersList(context, o));
  partners
    .command('show')
    .argument('<code>', 'partner code')
    .action(async (code: string) => (await impl()).partnersShow(context, code));
  partners
    .command('key')
    .description("print this installation's public key (PEM) and its id: what partners are given")
    .action(async () => (await impl()).partnersKey(context));

  const assistance = program
    .command('assistance')
    .description('mutual administrative assistance: requests sent and received, deadlines, answers');
  assistance
    .command('list')
    .option('--direction <d>', DIRECTIONS.join(' | '), oneOf(DIRECTIONS, 'direction'))
    .option('--status <s>', ASSISTANCE_STATUSES.join(' | '), oneOf(ASSISTANCE_STATUSES, 'status'))
    .option('--partner <code>', 'partner')
    .option('--overdue', 'only requests still waiting after their deadline')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(async (o) => (await impl()).assistanceList(context, o));
  assistance
    .command('show')
    .argument('<request>', 'number (OUT/2026/0001) or id')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o) => (await impl()).assistanceShow(context, ref, o));
  assistance
    .command('open')
    .description('open a request: outgoing (a draft) or incoming (received)')
    .requiredOption('--direction <d>', DIRECTIONS.join(' | '), oneOf(DIRECTIONS, 'direction'))
    .requiredOption('--partner <code>', 'partner')
    .requiredOption('--legal-basis <text>', 'bilateral agreement, convention…')
    .requiredOption('--subject <text>', 'what it is about, in a line')
    .requiredOption('--questions <text>', 'the questions')
    .option('--deadline <date>', 'YYYY-MM-DD')
    .option('--sent-on <date>', 'incoming: the day it was received')
    .option('--partner-reference <ref>', "the partner's own reference")
    .option(
      '--ref <type:ref>',
      'a subject: graph_entity:person:…, declaration:REF, case:NUMBER (repeatable)',
      collect,
    )
    .action(async (o) => (await impl()).assistanceOpen(context, o));
  for (const [name, status, what] of [
    ['send', 'sent', 'mark a draft as sent'],
    ['close', 'closed', 'close an answered request'],
    ['refuse', 'refused', 'record that the requested side refused (reason needed)'],
    ['withdraw', 'withdrawn', 'withdraw a request (reason needed)'],
  ] as const)
    assistance
      .command(name)
      .description(what)
      .argument('<request>', 'number or id')
      .option('--reason <text>', 'why')
      .option('--on <date>', 'the day (default today)')
      .action(async (ref: string, o) => (await impl()).assistanceMove(context, ref, status, o));
  assistance
    .command('answer')
    .description('record the answer of a sent request')
    .argument('<request>', 'number or id')
    .requiredOption('--text <text>', 'the answer')
    .option('--on <date>', 'the day it was answered (default today)')
    .action(async (ref: string, o) => (await impl()).assistanceMove(context, ref, 'answered', o));
  assistance
    .command('remind')
    .description('record a reminder about a sent request')
    .argument('<request>', 'number or id')
    .option('--note <text>', 'note')
    .option('--on <date>', 'the day (default today)')
    .action(async (ref: string, o) => (await impl()).assistanceRemind(context, ref, o));
  assistance
    .command('counts')
    .description('requests sent and received per year, partner and direction')
    .option('--year <year>', 'one year')
    .option('--json', 'print as JSON')
    .action(async (o) => (await impl()).assistanceCountsCli(context, o));

  const sharing = program
    .command('sharing')
    .description('the push to partner installations: deliver what is due, status per partner');
  sharing
    .command('push')
    .description('deliver the messages due now (the sharing.push job does it every minute)')
    .action(async () => (await impl()).sharingPush(context));
  sharing
    .command('pull')
    .description("fetch what a partner's installation has for this one since the last pull")
    .argument('<partner>', 'partner code')
    .action(async (code: string) => (await impl()).sharingPull(context, code));
  sharing
    .command('import-stix')
    .description("import a partner's STIX 2.1 bundle as incoming messages (checked whole first; stored once)")
    .argument('<file>', 'a STIX 2.1 bundle (JSON)')
    .requiredOption('--partner <code>', 'the partner it comes from')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o) => (await impl()).sharingImportStix(context, file, o));
  sharing
    .command('export-stix')
    .description("write the STIX 2.1 bundle of what a group may see (after its agreement's nominal split)")
    .argument('<group>', 'group code')
    .argument('<file>', 'where to write')
    .action(async (group: string, file: string) => (await impl()).sharingExportStix(context, group, file));
  sharing
    .command('verify-checkpoints')
    .description(
      "fetch a partner's signed ledger checkpoints and check them against what this installation holds",
    )
    .argument('<partner>', 'partner code')
    .option('--json', 'print the report as JSON')
    .action(async (code: string, o) => (await impl()).sharingVerifyCheckpoints(context, code, o));
  sharing
    .command('status')
    .description('per partner: backlog, oldest waiting, last contact both ways, last error')
    .option('--json', 'print as JSON')
    .action(async (o) => (await impl()).sharingStatus(context, o));

  const ledger = program.command('ledger').description('the signed ledger of what was shared');
  ledger
    .command('export')
    .description('write the ledger as NDJSON with the public keys that verify it')
    .argument('<file>', 'where to write')
    .action(async (file: string) => (await impl()).ledgerExport(context, file));
  ledger
    .command('verify')
    .description('verify an exported ledger offline; names the first bad entry (no database needed)')
    .argument('<file>', 'an exported ledger')
    .option('--trust <keyfile>', 'a public key given by its owner (repeatable): only these verify', collect)
    .option('--json', 'print the verdict as JSON')
    .action(async (file: string, o) => (await impl()).ledgerVerify(file, o));
  ledger
    .command('checkpoint')
    .description('sign a Merkle checkpoint over the entries since the last one')
    .action(async () => (await impl()).ledgerCheckpoint(context));
}
