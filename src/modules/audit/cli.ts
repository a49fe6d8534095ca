/** `vigie audit list|verify`. */
import type { Command } from 'commander';
import type { CliContext } from '../../cli/context.ts';
import { formatInt, printJson, table } from '../../cli/output.ts';
import { listAudit, verifyAudit } from './store.ts';

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
    .description('check the hash chain: any altered, removed or reordered entry is named')
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
      await context.withDatabase(async (database) => {
        const report = await verifyAudit(database.db, { ...(expectHead ? { expectHead } : {}) });
        if (options.json) printJson(report);
        else if (report.ok) {
          console.log(`✔ audit trail intact: ${formatInt(report.checked)} entries checked`);
          if (report.head)
            console.log(
              `  head ${report.head.seq}:${report.head.hash} (keep it to check later with --expect-head)`,
            );
        } else
          console.log(
            `✖ audit trail broken: ${report.problem!.message} (${formatInt(report.checked)} entries verified before it)`,
          );
        if (!report.ok) process.exitCode = 1;
      });
    });
}
