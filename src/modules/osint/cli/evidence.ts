/** `vigie osint evidence verify|show|export`: what was collected, byte for byte, and whether it is intact. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../../../platform/cli/context.ts';
import { formatBytes, printJson } from '../../../platform/cli/output.ts';
import { evidenceBuffer, getEvidence, verifyEvidence } from '../evidence.ts';
import { positiveInt } from './shared.ts';

export function registerEvidenceCommands(osint: Command, context: CliContext): void {
  const evidence = osint.command('evidence').description('evidence: what was collected, byte for byte');
  evidence
    .command('verify')
    .description('re-hash every evidence row; names each whose content or description changed (exit code 1)')
    .option('--from <id>', 'from this evidence id on', positiveInt)
    .option('--json', 'print as JSON')
    .action(async (options: { from?: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const result = await verifyEvidence(database.db, { fromId: options.from });
        if (options.json) printJson(result);
        else if (result.ok)
          console.log(`✔ ${result.checked} evidence rows intact (${formatBytes(result.bytes)} re-hashed)`);
        else {
          console.log(`✖ ${result.problems.length} problems in ${result.checked} evidence rows:`);
          for (const p of result.problems) console.log(`  ${p.kind}: ${p.message}`);
        }
        if (!result.ok) process.exitCode = 1;
      });
    });
  evidence
    .command('show')
    .description('what an evidence row says (URL, time, status, headers, SHA-256, collector)')
    .argument('<id>', 'evidence id', positiveInt)
    .action(async (id: number) => {
      await context.withDatabase(async (database) => {
        const e = await getEvidence(database.db, id);
        if (!e) throw new Error(`no evidence #${id}`);
        printJson(e);
      });
    });
  evidence
    .command('export')
    .description('write the raw content of an evidence row to a file')
    .argument('<id>', 'evidence id', positiveInt)
    .requiredOption('--out <file>', 'where to write it')
    .action(async (id: number, options: { out: string }) => {
      await context.withDatabase(async (database) => {
        const e = await getEvidence(database.db, id);
        if (!e) throw new Error(`no evidence #${id}`);
        const content = await evidenceBuffer(database.db, id);
        writeFileSync(options.out, content);
        console.log(
          `✔ evidence #${id} (${formatBytes(content.length)}, SHA-256 ${e.sha256}) written to ${options.out}`,
        );
      });
    });
}
