/** `vigie audit list|verify`. */
import type { Command } from 'commander';
import { cliActor } from '../auth/actor.ts';
import type { CliContext } from '../cli/context.ts';
import { formatInt, printJson, table } from '../cli/output.ts';
import { readCheckpoints, writeCheckpoint } from './checkpoints.ts';
import { auditKeyring, installAuditKeyring, rotateAuditKey } from './key.ts';
import { verifyInstallation } from './sealing.ts';
import { appendAudit, listAudit } from './store.ts';

export function registerAuditCommands(program: Command, context: CliContext): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('list')
    .description('entries, newest first')
    .option('--actor <name>', 'who')
    .option('--action <action>', 'an action, or a family such as auth.*')
    .option('--target-type <type>', 'kind of record')
    .option('--target-id <id>', 'record id')
    .option('--from <date>', 'on or after (YYYY-MM-DD)')
    .option('--to <date>', 'on or before (YYYY-MM-DD)')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const limit = Number.parseInt(String(options.limit), 10);
      if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit: expected a whole number above 0');
      for (const key of ['from', 'to'] as const) {
        if (options[key] && !/^\d{4}-\d{2}-\d{2}$/.test(String(options[key])))
          throw new Error(`--${key}: expected YYYY-MM-DD`);
      }
      await context.withDatabase(async (database) => {
        const page = await listAudit(
          database.db,
          {
            actor: options.actor as string | undefined,
            action: options.action as string | undefined,
            target_type: options.targetType as string | undefined,
            target_id: options.targetId as string | undefined,
            from: options.from as string | undefined,
            to: options.to as string | undefined,
          },
          { limit, offset: 0 },
        );
        if (options.json) {
          printJson(page);
          return;
        }
        console.log(
          table(
            ['#', 'at', 'actor', 'from', 'action', 'target'],
            page.items.map((e) => [
              e.seq,
              e.at.replace('T', ' ').slice(0, 19),
              e.actor,
              e.ip,
              e.action,
              e.target_type ? `${e.target_type} ${e.target_id ?? ''}`.trim() : '',
            ]),
          ),
        );
        console.log(`${formatInt(page.items.length)} of ${formatInt(page.total)}`);
      });
    });

  audit
    .command('verify')
    .description(
      'check the whole trail: every altered, removed, reordered, forged or unsealed entry is named, and the trail ' +
        'must still reach its last checkpoint',
    )
    .option(
      '--expect-head <seq:hash>',
      'an entry recorded earlier (from a previous verify) that the chain must still reach',
    )
    .option('--json', 'print as JSON')
    .action(async (options: { expectHead?: string; json?: boolean }) => {
      let expectHead: { seq: number; hash: string } | undefined;
      if (options.expectHead) {
        const match = /^(\d+):([0-9a-f]{64})$/.exec(options.expectHead);
        if (!match) throw new Error('--expect-head: expected SEQ:HASH as printed by a previous verify');
        expectHead = { seq: Number(match[1]), hash: match[2]! };
      }
      await context.withDatabase(async (database, config) => {
        const report = await verifyInstallation(database, config, { ...(expectHead ? { expectHead } : {}) });
        if (options.json) printJson(report);
        else {
          const sealing = report.keyed
            ? `${formatInt(report.sealed)} seals checked with ${config.auditKeyFile}` +
              (report.unsealed ? `, ${formatInt(report.unsealed)} entries without a seal` : '')
            : 'no audit key at hand: seals not checked';
          const against = report.checkpoint
            ? `; reaches the checkpoint of ${report.checkpoint.at} (#${report.checkpoint.seq})`
            : '; no checkpoint yet';
          if (report.ok)
            console.log(
              `✔ audit trail intact: ${formatInt(report.checked)} entries checked (${sealing}${against})`,
            );
          else {
            console.log(
              `✖ audit trail broken: ${formatInt(report.problem_count)} problems in ${formatInt(report.checked)} entries (${sealing})`,
            );
            for (const p of report.problems) console.log(`  ${p.message}`);
            if (report.problem_count > report.problems.length)
              console.log(`  … and ${formatInt(report.problem_count - report.problems.length)} more`);
          }
          if (report.head)
            console.log(
              `  head ${report.head.seq}:${report.head.hash} (keep it to check later with --expect-head)`,
            );
        }
        if (!report.ok) process.exitCode = 1;
      });
    });

  audit
    .command('checkpoint')
    .description(
      "write a sealed checkpoint of the trail's head to the checkpoint file (outside the database)",
    )
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withDatabase(async (database, config) => {
        const written = await writeCheckpoint(database.db, auditKeyring(), config.auditCheckpointFile);
        const last = written ?? readCheckpoints(config.auditCheckpointFile, auditKeyring()).last;
        if (options.json) printJson(last);
        else if (!last) console.log('the audit trail is empty: nothing to checkpoint');
        else
          console.log(
            `${written ? '✔ checkpoint written' : 'checkpoint unchanged'}: #${last.seq} ${last.hash} in ${config.auditCheckpointFile}`,
          );
      });
    });

  const key = audit
    .command('key')
    .description('the key that seals the audit trail (kept outside the database)');
  key
    .command('show', { isDefault: true })
    .description('which key seals new entries, and where it is kept (never the key itself)')
    .action(async () => {
      await context.withDatabase(async (_database, config) => {
        const keyring = auditKeyring()!;
        console.log(
          `key ${keyring.current.id} in ${config.auditKeyFile} (${keyring.keys.size} keys in the file)`,
        );
      });
    });
  key
    .command('rotate')
    .description(
      'seal new entries with a new key; the older keys stay in the file to verify what they sealed',
    )
    .action(async () => {
      await context.withDatabase(async (database, config) => {
        const previous = auditKeyring()!.current.id;
        const keyring = rotateAuditKey(config.auditKeyFile);
        installAuditKeyring(keyring);
        await appendAudit(database, cliActor(), {
          action: 'audit.key_rotated',
          details: { from: previous, to: keyring.current.id },
        });
        console.log(
          `✔ new entries are sealed with key ${keyring.current.id}; ${previous} stays to verify older ones`,
        );
      });
    });
}
