/**
 * `vigie operations list|create|show|tag-case|tag-seizure|report`: joint or national operations and their final
 * report. Declared here, light; what the commands do is loaded when one runs.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { commaList, oneOf, oneOfList } from '../../platform/cli/options.ts';
import { printList, printResult } from '../../platform/cli/output.ts';
import { REPORT_LANGS, type ReportLang, SEIZURE_CATEGORIES, type SeizureCategory } from './model.ts';

const operations = () => import('./operations.ts');

/** An operation by its code or its id. */
async function operationOf(
  db: Parameters<Awaited<ReturnType<typeof operations>>['getOperation']>[0],
  ref: string,
) {
  const { findOperationByCode, getOperation } = await operations();
  return /^\d+$/.test(ref) ? getOperation(db, Number(ref)) : findOperationByCode(db, ref);
}

export function registerOperationsCli(program: Command, context: CliContext): void {
  const ops = program
    .command('operations')
    .description(
      'joint or national operations (STOP, PANCEA…): create, tag cases and seizures, final report',
    );
  ops
    .command('list')
    .option('--active-on <date>', 'only operations running that day')
    .option('--json', 'print as JSON')
    .action(async (o: { activeOn?: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const items = await (await operations()).listOperations(database.db, { active_on: o.activeOn });
        printList(o, { items }, items, {
          code: (op) => op.code,
          name: (op) => op.name,
          from: (op) => op.starts_on,
          to: (op) => op.ends_on,
          participants: (op) => op.participants.join(' '),
          coordinator: (op) => op.coordinator,
        });
      });
    });
  ops
    .command('create')
    .requiredOption('--code <code>', 'short code (STOP-IV)')
    .requiredOption('--name <name>', 'name')
    .requiredOption('--from <date>', 'first day')
    .requiredOption('--to <date>', 'last day')
    .option('--participants <codes>', 'offices or administrations, comma-separated', commaList)
    .option(
      '--categories <list>',
      `threat categories in scope, comma-separated: ${SEIZURE_CATEGORIES.join(', ')}`,
      oneOfList(SEIZURE_CATEGORIES, 'category'),
    )
    .option('--coordinator <name>', 'who coordinates')
    .option('--description <text>', 'what it is about')
    .option('--json', 'print as JSON')
    .action(
      async (o: {
        code: string;
        name: string;
        from: string;
        to: string;
        participants?: string[];
        categories?: SeizureCategory[];
        coordinator?: string;
        description?: string;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const op = await (await operations()).createOperation(database, cliActor(), {
            code: o.code,
            name: o.name,
            starts_on: o.from,
            ends_on: o.to,
            participants: o.participants,
            threat_categories: o.categories,
            coordinator: o.coordinator,
            description: o.description,
          });
          printResult(o, op, `✔ operation ${op.code} created (#${op.id})`);
        });
      },
    );
  ops
    .command('tag-case')
    .description('tag a case (and its seizures not tagged elsewhere) to an operation')
    .argument('<operation>', 'operation code or id, or "none" to untag')
    .argument('<case>', 'case number or id')
    .option('--without-seizures', 'tag the case only')
    .action(async (ref: string, caseRef: string, o: { withoutSeizures?: boolean }) => {
      await context.withDatabase(async (database) => {
        const { caseByRef } = await import('./case-rows.ts');
        const kase = await caseByRef(database.db, caseRef);
        const op = ref === 'none' ? null : await operationOf(database.db, ref);
        const done = await (await operations()).tagCase(
          database,
          cliActor(),
          kase.id,
          op?.id ?? null,
          !o.withoutSeizures,
        );
        console.log(
          `✔ ${kase.number} ${op ? `tagged to ${op.code}` : 'untagged'} (${done.seizures} seizure(s) with it)`,
        );
      });
    });
  ops
    .command('tag-seizure')
    .description('tag a seizure to an operation')
    .argument('<operation>', 'operation code or id, or "none" to untag')
    .argument('<seizure>', 'seizure id')
    .action(async (ref: string, seizure: string) => {
      await context.withDatabase(async (database) => {
        const op = ref === 'none' ? null : await operationOf(database.db, ref);
        await (await operations()).tagSeizure(database, cliActor(), Number(seizure), op?.id ?? null);
        console.log(`✔ seizure #${seizure} ${op ? `tagged to ${op.code}` : 'untagged'}`);
      });
    });
  ops
    .command('report')
    .description("an operation's final report: JSON (default), one table as CSV, or PDF")
    .argument('<operation>', 'operation code or id')
    .option('--format <format>', 'json | csv | pdf', oneOf(['json', 'csv', 'pdf'] as const, 'format'), 'json')
    .option(
      '--table <table>',
      'the CSV table: totals, category, quantities, participant, detection_source, case_type, case_status',
      'category',
    )
    .option('--lang <lang>', REPORT_LANGS.join(' | '), oneOf(REPORT_LANGS, 'language'), 'fr')
    .option('--out <file>', 'write to this file (needed for PDF)')
    .action(
      async (
        ref: string,
        o: { format: 'json' | 'csv' | 'pdf'; table: string; lang: ReportLang; out?: string },
      ) => {
        const { OPERATION_TABLES, operationReport, operationReportCsv, renderOperationReport } = await import(
          './operation-report.ts'
        );
        const tableName = oneOf(OPERATION_TABLES, 'table')(o.table);
        if (o.format === 'pdf' && !o.out) throw new Error('a PDF needs --out FILE');
        await context.withDatabase(async (database) => {
          const op = await operationOf(database.db, ref);
          const report = await operationReport(database.db, op.id);
          const body =
            o.format === 'json'
              ? `${JSON.stringify(report, null, 2)}\n`
              : o.format === 'csv'
                ? operationReportCsv(report, tableName)
                : await renderOperationReport(report, o.lang);
          const { appendAudit } = await import('../../platform/audit/store.ts');
          await database.transaction((session) =>
            appendAudit(session, cliActor(), {
              action: 'operation.report_exported',
              target_type: 'operation',
              target_id: op.id,
              details: { format: o.format, table: o.format === 'csv' ? tableName : undefined, lang: o.lang },
            }),
          );
          if (o.out) {
            writeFileSync(o.out, body);
            console.log(`✔ ${op.code} final report (${o.format}) → ${o.out}`);
          } else process.stdout.write(body);
        });
      },
    );
}
