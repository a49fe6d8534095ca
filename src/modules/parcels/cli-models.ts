/**
 * `vigie parcels train-model [--from --to] [--activate]`, `vigie parcels models` and `vigie parcels activate-model
 * ID` (docs/decisions/0048-parcel-model.md): the parcel models trained on inspection outcomes, as the routes under
 * /api/parcels/models give them; training and activating audited under the command line's account.
 */
import type { Command } from 'commander';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { printJson, printList } from '../../platform/cli/output.ts';
import { activateParcelModel, listParcelModels, type ParcelModelSummary } from './models.ts';
import { trainParcelModel } from './train.ts';

const pct = (x: unknown) => (typeof x === 'number' ? `${(x * 100).toFixed(1)} %` : '—');

const holdoutOf = (m: ParcelModelSummary) => (m.metrics.holdout ?? {}) as Record<string, number | string>;

/** One model in words: its period, counts and hold-out figures. */
function describe(m: ParcelModelSummary): string {
  const h = holdoutOf(m);
  return (
    `${m.name} ${m.version} (id ${m.id})${m.active ? ', active' : ''}: ${m.parcels} parcels with an outcome arriving ` +
    `${m.from} to ${m.to}, ${m.frauds} frauds; held out ${h.from} to ${h.to} (${h.parcels} parcels, ${h.frauds} frauds): ` +
    `AUC ${typeof h.auc === 'number' ? h.auc.toFixed(3) : '—'}, precision ${pct(h.precision_at_referral)} at the ` +
    `referral rate ${pct(h.referral_rate)} (fraud rate ${pct(h.base_rate)})`
  );
}

export function registerParcelModelCli(parcels: Command, context: CliContext): void {
  parcels
    .command('train-model')
    .description('train a parcel model on the inspection outcomes (fraud or compliant): audited')
    .option('--from <date>', 'first arrival date of the training parcels (YYYY-MM-DD)')
    .option('--to <date>', 'last arrival date of the training parcels (YYYY-MM-DD)')
    .option('--activate', 'make it the model scoring uses')
    .option('--json', 'print the model as JSON')
    .action(async (o: { from?: string; to?: string; activate?: boolean; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const m = await trainParcelModel(database, cliActor(), o);
        if (o.json) return printJson(m);
        console.log(`trained ${describe(m)}`);
      });
    });
  parcels
    .command('models')
    .description('the trained parcel models, newest first, with their hold-out figures')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const items = await listParcelModels(database.db);
        printList(
          o,
          { items },
          items,
          {
            id: (m) => m.id,
            model: (m) => `${m.name} ${m.version}`,
            active: (m) => (m.active ? 'yes' : ''),
            period: (m) => `${m.from} to ${m.to}`,
            parcels: (m) => m.parcels,
            frauds: (m) => m.frauds,
            'hold-out AUC': (m) => {
              const auc = holdoutOf(m).auc;
              return typeof auc === 'number' ? auc.toFixed(3) : '—';
            },
            'precision at referral': (m) => pct(holdoutOf(m).precision_at_referral),
          },
          items.length ? undefined : 'no parcel model yet: vigie parcels train-model',
        );
      });
    });
  parcels
    .command('activate-model')
    .description('make a trained parcel model the one scoring uses: audited')
    .argument('<id>', 'the model id (vigie parcels models)')
    .option('--json', 'print the model as JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      if (!/^\d+$/.test(id)) throw new Error(`expected a model id, got "${id}"`);
      await context.withDatabase(async (database) => {
        const m = await activateParcelModel(database, cliActor(), Number(id));
        if (o.json) return printJson(m);
        console.log(`active: ${describe(m)}`);
      });
    });
}
