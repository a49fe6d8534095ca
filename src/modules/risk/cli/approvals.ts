/**
 * `vigie risk approvals list|show|request|approve|reject` (four-eyes activation, docs/decisions/0039-four-eyes.md)
 * and `vigie risk profiles diff A B`. The command line is one person (cli:<system account>): it may ask, or decide
 * a request someone else asked for, never both for the same request.
 */
import type { Command } from 'commander';
import { cliActor } from '../../../platform/auth/actor.ts';
import type { CliContext } from '../../../platform/cli/context.ts';
import { formatInt, printJson, printList } from '../../../platform/cli/output.ts';
import {
  type BacktestFigures,
  decideActivationRequest,
  getActivationRequest,
  listActivationRequests,
  profileDiff,
  requestActivation,
} from '../approvals.ts';
import { diffText } from '../rules/diff.ts';
import { int, pct } from './shared.ts';

const STATUSES = ['pending', 'approved', 'rejected', 'stale'] as const;

function figuresText(b: BacktestFigures): string {
  const line = (label: string, f: BacktestFigures['candidate']) =>
    `  ${label}: selected ${formatInt(f.selected_items)} of ${formatInt(f.items)} (${pct(f.share)}), hit rate ${pct(f.hit_rate)}, duties at stake ${formatInt(Math.round(f.duties_at_stake))}, recovered ${formatInt(Math.round(f.duties_recovered))}`;
  return [
    `Back-test ${b.job_id.slice(0, 8)} over ${b.from} to ${b.to}, finished ${b.finished_at}`,
    line('this version', b.candidate),
    b.active ? line(`active (${b.active.profiles.join(', ')})`, b.active.figures) : '  (not compared)',
  ].join('\n');
}

export function registerApprovalCommands(risk: Command, profiles: Command, context: CliContext): void {
  profiles
    .command('diff')
    .description('what changed between two versions: rules added, removed, changed field by field; scoring')
    .argument('<from>', 'the older version id', int('from'))
    .argument('<to>', 'the newer version id', int('to'))
    .option('--json', 'print as JSON')
    .option('--lang <lang>', 'en or fr', 'en')
    .action(async (from: number, to: number, options: { json?: boolean; lang: 'en' | 'fr' }) => {
      await context.withDatabase(async (database) => {
        const out = await profileDiff(database.db, to, from, { intelligence: true });
        if (options.json) return printJson(out);
        console.log(`${out.from?.name} v${out.from?.version} → ${out.to.name} v${out.to.version}`);
        console.log(diffText(out.diff, options.lang));
      });
    });

  const approvals = risk
    .command('approvals')
    .description('four-eyes activation requests of rule profiles: list, show, request, approve, reject');
  approvals
    .command('list')
    .description('activation requests, newest first')
    .option('--status <status>', `only ${STATUSES.join(', ')}`)
    .option('--json', 'print as JSON')
    .action(async (options: { status?: string; json?: boolean }) => {
      if (options.status && !(STATUSES as readonly string[]).includes(options.status))
        throw new Error(`--status: expected one of ${STATUSES.join(', ')}`);
      await context.withDatabase(async (database) => {
        const page = await listActivationRequests(
          database.db,
          { status: options.status as (typeof STATUSES)[number] | undefined },
          { limit: 500, offset: 0 },
        );
        printList(options, page.items, page.items, {
          id: (r) => r.id,
          profile: (r) => `${r.name} v${r.version} (#${r.profile_id})`,
          status: (r) => (r.stale ? 'pending (stale)' : r.status),
          'requested by': (r) => r.requested_by,
          at: (r) => r.requested_at.slice(0, 16),
          'hit rate': (r) => pct(r.backtest.candidate.hit_rate),
          'decided by': (r) => r.decided_by ?? '',
          reason: (r) => r.reason,
        });
      });
    });
  approvals
    .command('show')
    .description('a request: its back-test figures and the diff against the version it replaces')
    .argument('<id>', 'request id', int('id'))
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const r = await getActivationRequest(database.db, id, { intelligence: true });
        if (options.json) return printJson(r);
        console.log(
          `Request #${r.id}: activate ${r.name} v${r.version} (#${r.profile_id}), ${r.stale ? 'pending but stale' : r.status}`,
        );
        console.log(`  asked by ${r.requested_by} at ${r.requested_at}: ${r.reason}`);
        if (r.decided_by)
          console.log(`  decided by ${r.decided_by} at ${r.decided_at}: ${r.decision_reason}`);
        console.log(figuresText(r.backtest));
        console.log(
          `\nChanges against ${r.from ? `${r.from.name} v${r.from.version}` : 'nothing (first version)'}:`,
        );
        console.log(diffText(r.diff));
      });
    });
  approvals
    .command('request')
    .description('ask for the activation of a draft (needs a recent back-test of that version)')
    .argument('<profile-id>', 'profile version id', int('profile-id'))
    .requiredOption('--reason <text>', 'why it should be activated')
    .option('--backtest <job>', 'the back-test job it rests on (default: the newest of the version)')
    .action(async (profileId: number, options: { reason: string; backtest?: string }) => {
      await context.withDatabase(async (database, config) => {
        const out = await requestActivation(
          database,
          cliActor(),
          { profile_id: profileId, reason: options.reason, backtest_job: options.backtest },
          { backtestDays: config.fourEyesBacktestDays },
        );
        console.log(
          `✔ request #${out.id}: activation of ${out.name} (#${out.profile_id}) waits for approval`,
        );
      });
    });
  for (const decision of ['approve', 'reject'] as const) {
    approvals
      .command(decision)
      .description(
        decision === 'approve'
          ? "approve someone else's request: the version is activated at once (audited)"
          : "reject someone else's request (audited)",
      )
      .argument('<id>', 'request id', int('id'))
      .requiredOption('--reason <text>', 'why')
      .action(async (id: number, options: { reason: string }) => {
        await context.withDatabase(async (database, config) => {
          const out = await decideActivationRequest(database, cliActor(), id, decision, options.reason, {
            backtestDays: config.fourEyesBacktestDays,
          });
          console.log(
            out.activated
              ? `✔ request #${id} approved: ${out.activated.name} v${out.activated.version} is active`
              : `✔ request #${id} ${out.status}`,
          );
        });
      });
  }
}
