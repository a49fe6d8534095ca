/**
 * `vigie cases list|show|open|transition|note|link|purchase|takedown|figures`, and what `vigie seizures list|import|report` do
 * (cli-seizures.ts declares those commands and loads this file when one runs).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { oneOf } from '../../platform/cli/options.ts';
import { printJson, printList, printResult } from '../../platform/cli/output.ts';
import { resolveProfile } from '../../platform/ingest/profile.ts';
import { uploadChunks } from '../../platform/uploads/uploads.ts';
import { auditedImport, formatImportSummary } from '../imports/index.ts';
import { caseByRef } from './case-rows.ts';
import { listCases, openCase, transitionCase } from './cases.ts';
import { registerEnforcementCli } from './cli-enforcement.ts';
import { caseTimeline } from './events.ts';
import { caseFigures, FIGURE_TABLES, type FigureTable, figuresCsv } from './figures.ts';
import { seizuresTarget } from './import-target.ts';
import { addLink, listLinks } from './links.ts';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TYPES,
  type CasePriority,
  type CaseStatus,
  type CaseType,
  LINK_TYPES,
  type LinkType,
  ORIGIN_TYPES,
  type OriginType,
  type ReportLang,
} from './model.ts';
import { findOperationByCode } from './operations.ts';
import { generateReport, getReport } from './reports.ts';
import { listSeizures } from './seizures.ts';
import { addNote } from './work.ts';

const caseOf = caseByRef;

export function registerCasesCli(program: Command, context: CliContext): void {
  const cases = program.command('cases').description('case files: open, follow, link, report');
  cases
    .command('list')
    .option('--status <status>', CASE_STATUSES.join(' | '), oneOf(CASE_STATUSES, 'status'))
    .option('--office <code>', 'office')
    .option('--open', 'only cases not yet settled, prosecuted or closed')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(
      async (o: { status?: CaseStatus; office?: string; open?: boolean; limit: string; json?: boolean }) => {
        await context.withDatabase(async (database) => {
          const page = await listCases(
            database.db,
            { status: o.status, office: o.office, open: o.open },
            { limit: Number(o.limit), offset: 0 },
          );
          printList(
            o,
            page,
            page.items,
            {
              number: (c) => c.number,
              status: (c) => c.status,
              type: (c) => c.type,
              priority: (c) => c.priority,
              assignee: (c) => c.assignee,
              opened: (c) => c.opened_at.slice(0, 10),
              title: (c) => c.title,
            },
            `${page.items.length} of ${page.total}`,
          );
        });
      },
    );
  cases
    .command('show')
    .argument('<case>', 'case number or id')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const kase = await caseOf(database.db, ref);
        const links = await listLinks(database.db, kase.id);
        const timeline = await caseTimeline(database.db, kase.id);
        if (o.json) return printJson({ case: kase, links, timeline });
        console.log(
          `${kase.number} — ${kase.title}\n${kase.type}, ${kase.status}, priority ${kase.priority}`,
        );
        console.log(`next: ${kase.next_statuses.join(', ') || '(final)'}`);
        for (const l of links)
          console.log(`  link ${l.target_type} ${l.target_ref}${l.hold_id ? ' (held)' : ''}`);
        for (const e of timeline) console.log(`  ${e.at} ${e.actor} ${e.kind} ${JSON.stringify(e.details)}`);
      });
    });
  cases
    .command('open')
    .requiredOption('--title <text>', 'what the case is about')
    .requiredOption('--type <type>', CASE_TYPES.join(' | '), oneOf(CASE_TYPES, 'type'))
    .requiredOption('--office <code>', 'office (numbers are per office and year)')
    .option('--priority <p>', CASE_PRIORITIES.join(' | '), oneOf(CASE_PRIORITIES, 'priority'))
    .option('--assignee <user>', 'lead investigator')
    .option('--origin-type <type>', ORIGIN_TYPES.join(' | '), oneOf(ORIGIN_TYPES, 'origin'))
    .option('--origin-ref <ref>', 'what it was opened from: declaration reference, post or seller id…')
    .option('--summary <text>', 'facts known so far')
    .option('--json', 'print as JSON')
    .action(
      async (o: {
        title: string;
        type: CaseType;
        office: string;
        priority?: CasePriority;
        assignee?: string;
        originType?: OriginType;
        originRef?: string;
        summary?: string;
        json?: boolean;
      }) => {
        await context.withDatabase(async (database) => {
          const kase = await openCase(database, cliActor(), {
            title: o.title,
            type: o.type,
            office: o.office,
            priority: o.priority,
            assignee: o.assignee,
            origin_type: o.originType,
            origin_ref: o.originRef,
            summary: o.summary,
          });
          printResult(o, kase, `✔ case ${kase.number} opened (#${kase.id})`);
        });
      },
    );
  cases
    .command('transition')
    .argument('<case>', 'case number or id')
    .argument('<status>', CASE_STATUSES.join(' | '), oneOf(CASE_STATUSES, 'status'))
    .option('--reason <text>', 'why (needed for settled, prosecuted, closed)')
    .action(async (ref: string, status: CaseStatus, o: { reason?: string }) => {
      await context.withDatabase(async (database) => {
        const kase = await caseOf(database.db, ref);
        const moved = await transitionCase(database, cliActor(), kase.id, { status, reason: o.reason });
        console.log(`✔ case ${moved.number}: ${kase.status} → ${moved.status}`);
      });
    });
  cases
    .command('note')
    .argument('<case>', 'case number or id')
    .argument('<text>', 'the note')
    .action(async (ref: string, text: string) => {
      await context.withDatabase(async (database) => {
        const kase = await caseOf(database.db, ref);
        await addNote(database, cliActor(), kase.id, text);
        console.log(`✔ note added to ${kase.number}`);
      });
    });
  cases
    .command('link')
    .argument('<case>', 'case number or id')
    .argument('<type>', LINK_TYPES.join(' | '), oneOf(LINK_TYPES, 'link type'))
    .argument('<ref>', 'declaration reference, post or seller id, company id…')
    .option('--note <text>', 'why')
    .action(async (ref: string, type: LinkType, target: string, o: { note?: string }) => {
      await context.withDatabase(async (database) => {
        const kase = await caseOf(database.db, ref);
        const link = await addLink(database, cliActor(), kase.id, {
          target_type: type,
          target_ref: target,
          note: o.note,
        });
        console.log(
          `✔ ${kase.number} links ${type} ${target}${link.hold_id ? ` (legal hold #${link.hold_id})` : ''}`,
        );
      });
    });
  registerEnforcementCli(cases, context);
  cases
    .command('figures')
    .description(
      "the director's figures: seizures by month/office/HS chapter/category/brand, cases by status and age",
    )
    .option('--from <date>', 'seized on or after')
    .option('--to <date>', 'seized on or before')
    .option('--office <code>', 'one office')
    .option('--csv <table>', `one table as CSV: ${FIGURE_TABLES.join(' | ')}`, oneOf(FIGURE_TABLES, 'table'))
    .action(async (o: { from?: string; to?: string; office?: string; csv?: FigureTable }) => {
      await context.withDatabase(async (database) => {
        const figures = await caseFigures(database.db, { from: o.from, to: o.to, office: o.office });
        if (o.csv) process.stdout.write(figuresCsv(figures, o.csv));
        else printJson(figures);
      });
    });
}

export async function seizuresList(
  context: CliContext,
  o: {
    case?: string;
    office?: string;
    from?: string;
    to?: string;
    operation?: string;
    limit: string;
    json?: boolean;
  },
) {
  await context.withDatabase(async (database) => {
    const caseId = o.case ? (await caseOf(database.db, o.case)).id : undefined;
    const operationId = o.operation ? (await findOperationByCode(database.db, o.operation)).id : undefined;
    const page = await listSeizures(
      database.db,
      { case_id: caseId, office: o.office, from: o.from, to: o.to, operation_id: operationId },
      { limit: Number(o.limit), offset: 0 },
    );
    printList(
      o,
      page,
      page.items,
      {
        reference: (s) => s.reference,
        date: (s) => s.seized_on,
        office: (s) => s.office,
        category: (s) => s.category,
        lines: (s) => s.lines.length,
        hs: (s) => s.hs_code,
        quantity: (s) => (s.quantity === null ? null : `${s.quantity} ${s.unit ?? ''}`.trim()),
        value: (s) => s.estimated_value,
        brand: (s) => s.brand,
        goods: (s) => s.goods_status,
      },
      `${page.items.length} of ${page.total}`,
    );
  });
}

export async function seizuresImport(
  context: CliContext,
  file: string,
  o: { profile: string; skipInvalid?: boolean; json?: boolean },
) {
  const config = context.config();
  const profile = resolveProfile('seizures', o.profile, config.dataDir);
  await context.withDatabase(async (database) => {
    const summary = await auditedImport(
      database,
      seizuresTarget,
      { file, profile, mode: o.skipInvalid ? 'skip_invalid' : 'atomic' },
      cliActor(),
    );
    printResult(o, summary, formatImportSummary(summary));
    if (!summary.ok) process.exitCode = 1;
  });
}

export async function seizuresReport(
  context: CliContext,
  ref: string,
  o: { lang: ReportLang; legalBasis?: string; out: string },
) {
  await context.withDatabase(async (database) => {
    const kase = await caseOf(database.db, ref);
    const report = await generateReport(database, cliActor(), kase.id, {
      lang: o.lang,
      legal_basis: o.legalBasis,
    });
    const stored = await getReport(database.db, kase.id, report.id);
    const chunks: Buffer[] = [];
    for await (const chunk of uploadChunks(database, stored.upload_id)) chunks.push(chunk);
    writeFileSync(o.out, Buffer.concat(chunks));
    console.log(
      `✔ ${report.number} version ${report.version} (${report.lang}) → ${o.out}  sha256 ${report.sha256}`,
    );
  });
}
