/**
 * `vigie cases purchase|purchase-update|takedown|takedown-answer`: a case's test purchases and takedown requests
 * from the command line (the same functions as the API, audited and on the timeline).
 */
import type { Command } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { collect, oneOf } from '../../platform/cli/options.ts';
import { printResult } from '../../platform/cli/output.ts';
import { caseByRef } from './case-rows.ts';
import { addTakedown, addTestPurchase, updateTakedown, updateTestPurchase } from './enforcement.ts';
import {
  TAKEDOWN_STATUSES,
  type TakedownStatus,
  TEST_PURCHASE_RESULTS,
  type TestPurchaseResult,
} from './model.ts';

const amount = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`expected an amount, got "${value}"`);
  return n;
};
const ids = (value: string) => value.split(',').map((v) => Number(v.trim()));

interface PurchaseOptions {
  sellerRef?: string;
  postUrl?: string;
  account?: string;
  amount?: number;
  currency?: string;
  payment?: string;
  tracking?: string;
  receivedOn?: string;
  result?: TestPurchaseResult;
  note?: string;
  evidence?: number[];
  json?: boolean;
}

const purchaseFields = (o: PurchaseOptions) => ({
  seller_ref: o.sellerRef,
  post_url: o.postUrl,
  account_used: o.account,
  amount_paid: o.amount,
  currency: o.currency,
  payment_method: o.payment,
  tracking_number: o.tracking,
  received_on: o.receivedOn,
  result: o.result,
  result_note: o.note,
  evidence_ids: o.evidence,
});

function purchaseOptions(command: Command): Command {
  return command
    .option('--seller-ref <ref>', 'the seller (online monitoring seller id or name)')
    .option('--post-url <url>', 'the post or shop page bought from')
    .option('--account <name>', 'the account used')
    .option('--amount <n>', 'amount paid', amount)
    .option('--currency <code>', 'currency of the amount (MAD by default)')
    .option('--payment <method>', 'payment method')
    .option('--tracking <number>', 'parcel tracking number')
    .option('--received-on <date>', 'delivered on (YYYY-MM-DD)')
    .option('--result <result>', TEST_PURCHASE_RESULTS.join(' | '), oneOf(TEST_PURCHASE_RESULTS, 'result'))
    .option('--note <text>', 'what arrived')
    .option('--evidence <ids>', 'evidence files of the case (ids, comma-separated)', ids)
    .option('--json', 'print as JSON');
}

export function registerEnforcementCli(cases: Command, context: CliContext): void {
  purchaseOptions(
    cases
      .command('purchase')
      .description('record a test (undercover) purchase on a case')
      .argument('<case>', 'case number or id')
      .requiredOption('--platform <name>', 'platform or shop')
      .requiredOption('--ordered-on <date>', 'order date (YYYY-MM-DD)'),
  ).action(async (ref: string, o: PurchaseOptions & { platform: string; orderedOn: string }) => {
    await context.withDatabase(async (database) => {
      const kase = await caseByRef(database.db, ref);
      const purchase = await addTestPurchase(database, cliActor(), kase.id, {
        ...purchaseFields(o),
        platform: o.platform,
        ordered_on: o.orderedOn,
      });
      printResult(o, purchase, `✔ test purchase #${purchase.id} on ${kase.number} (${purchase.platform})`);
    });
  });
  purchaseOptions(
    cases
      .command('purchase-update')
      .description('follow a test purchase: tracking, delivery, result, evidence')
      .argument('<case>', 'case number or id')
      .argument('<id>', 'test purchase id'),
  ).action(async (ref: string, id: string, o: PurchaseOptions) => {
    await context.withDatabase(async (database) => {
      const kase = await caseByRef(database.db, ref);
      const purchase = await updateTestPurchase(database, cliActor(), kase.id, Number(id), purchaseFields(o));
      printResult(o, purchase, `✔ test purchase #${purchase.id} on ${kase.number}: ${purchase.result}`);
    });
  });
  cases
    .command('takedown')
    .description('record a takedown request sent to a platform or host')
    .argument('<case>', 'case number or id')
    .requiredOption('--platform <name>', 'platform or host')
    .requiredOption('--url <url>', 'a URL to take down (repeat for several)', collect)
    .requiredOption('--legal-basis <text>', 'legal basis of the request')
    .requiredOption('--sent-on <date>', 'date sent (YYYY-MM-DD)')
    .option('--seller-ref <ref>', 'the seller')
    .option('--rights-holder <name>', 'rights holder')
    .option('--json', 'print as JSON')
    .action(
      async (
        ref: string,
        o: {
          platform: string;
          url: string[];
          legalBasis: string;
          sentOn: string;
          sellerRef?: string;
          rightsHolder?: string;
          json?: boolean;
        },
      ) => {
        await context.withDatabase(async (database) => {
          const kase = await caseByRef(database.db, ref);
          const takedown = await addTakedown(database, cliActor(), kase.id, {
            platform: o.platform,
            urls: o.url,
            legal_basis: o.legalBasis,
            sent_on: o.sentOn,
            seller_ref: o.sellerRef,
            rights_holder: o.rightsHolder,
          });
          printResult(
            o,
            takedown,
            `✔ takedown #${takedown.id} on ${kase.number}: ${takedown.urls.length} URL(s), pending`,
          );
        });
      },
    );
  cases
    .command('takedown-answer')
    .description("record a platform's answer to a takedown request")
    .argument('<case>', 'case number or id')
    .argument('<id>', 'takedown id')
    .requiredOption('--status <status>', TAKEDOWN_STATUSES.join(' | '), oneOf(TAKEDOWN_STATUSES, 'status'))
    .option('--answer <text>', "the platform's answer")
    .option('--answered-on <date>', 'date of the answer')
    .option('--taken-down-on <date>', 'date the content was removed')
    .action(
      async (
        ref: string,
        id: string,
        o: { status: TakedownStatus; answer?: string; answeredOn?: string; takenDownOn?: string },
      ) => {
        await context.withDatabase(async (database) => {
          const kase = await caseByRef(database.db, ref);
          const takedown = await updateTakedown(database, cliActor(), kase.id, Number(id), {
            status: o.status,
            answer: o.answer,
            answered_on: o.answeredOn,
            taken_down_on: o.takenDownOn,
          });
          console.log(`✔ takedown #${takedown.id} on ${kase.number}: ${takedown.status}`);
        });
      },
    );
}
