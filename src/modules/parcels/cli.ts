/**
 * `vigie parcels list|show|score|settings|examiners|add-examiner|assign|reassign|inspection|correct-inspection` and
 * the models' `train-model|models|activate-model` (cli-models.ts): the module's one lazy command. Parcels are imported with `vigie import parcels FILE [--profile native|itmatt]`.
 * Scoring is `vigie parcels score --from --to`: the parcels module owns its command rather than adding
 * `score-parcels` to `vigie risk` (risk does not know parcels).
 *
 * Inspection outcomes from the command line go through the route's schema and service (inspections.ts): the same
 * refusals, in the same words, with the options' names. The person at the command line has the database: they act
 * as a supervisor (recording in the assigned examiner's name) unless `--as USERNAME` names the examiner typing in
 * their own outcome — then the parcel must be assigned to that examiner, as on the tablet, and the audit says
 * which account typed it (`via`).
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { commaList, oneOf, oneOfList } from '../../platform/cli/options.ts';
import { printJson, printList } from '../../platform/cli/output.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerParcelModelCli } from './cli-models.ts';
import { addExaminer, assignParcels, listExaminers, reassignParcel } from './examiners.ts';
import {
  correctInspection,
  correctionBody,
  outcomeBody,
  type ParcelInspection,
  recordInspection,
} from './inspections.ts';
import {
  PARCEL_CHANNELS,
  PARCEL_FRAUD_TYPES,
  PARCEL_INDICATORS,
  PARCEL_INSPECTION_RESULTS,
  PARCEL_KINDS,
  type ParcelIndicator,
  type ParcelKind,
} from './model.ts';
import { scoreParcels } from './score.ts';
import { getParcelSettings, type ParcelSettings, setParcelSettings } from './settings.ts';
import { findParcel, getParcel, listParcels } from './store.ts';

const number = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${what}: expected a number, got "${value}"`);
  return n;
};

/** A parcel as the command line names one: its id, or CARRIER/NUMBER. */
async function parcelOf(database: Database, ref: string) {
  const at = ref.indexOf('/');
  if (at > 0) return findParcel(database.db, ref.slice(0, at), ref.slice(at + 1));
  if (/^\d+$/.test(ref)) return getParcel(database.db, Number(ref));
  throw new Error(`expected a parcel id or CARRIER/NUMBER, got "${ref}"`);
}

/** The body field each option fills, to name the option in a refusal. */
const OPTION_OF: Record<string, string> = {
  result: '--result',
  fraud_type: '--fraud-type',
  found_value: '--found-value',
  found_currency: '--currency',
  note: '--note',
  inspected_at: '--inspected-at',
  reason: '--reason',
};

interface OutcomeOptions {
  result: string;
  fraudType?: string;
  foundValue?: number;
  currency?: string;
  note?: string;
  inspectedAt?: string;
  reason?: string;
  as?: string;
  json?: boolean;
}

/** The options as the route's body, checked by the route's schema: a refusal names the option. */
function outcomeOf<S extends z.ZodType>(schema: S, o: OutcomeOptions): z.output<S> {
  const body = Object.fromEntries(
    Object.entries({
      result: o.result,
      fraud_type: o.fraudType,
      found_value: o.foundValue,
      found_currency: o.currency,
      note: o.note,
      inspected_at: o.inspectedAt,
      reason: o.reason,
    }).filter(([, v]) => v !== undefined),
  );
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues
      .map((i) => `${OPTION_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
      .join('; '),
  );
}

/** Who records: the examiner named by --as, or the person at the command line as a supervisor. */
function recorderOf(o: OutcomeOptions) {
  const cli = cliActor();
  if (!o.as) return { actor: cli, recorder: { username: cli.name, supervisor: true } };
  const username = o.as.trim().toLowerCase();
  if (!username) throw new Error('--as: expected a user name');
  return {
    actor: { id: null, name: username, ip: null },
    recorder: { username, supervisor: false, via: cli.name },
  };
}

function printOutcome(name: string, i: ParcelInspection & { history?: unknown[] }, json?: boolean): void {
  if (json) {
    printJson(i);
    return;
  }
  console.log(
    `${name}: ${i.result}${i.fraud_type ? ` (${i.fraud_type})` : ''}` +
      `${i.found_value !== null ? `, ${i.found_value.toFixed(2)} ${i.found_currency}` : ''}` +
      `, examiner ${i.examiner}, inspected ${i.inspected_at}, recorded by ${i.recorded_by}` +
      `${i.history?.length ? `; ${i.history.length} earlier outcome${i.history.length > 1 ? 's' : ''} kept` : ''}`,
  );
}

/** The options an outcome takes, on `inspection` and `correct-inspection`. */
function outcomeOptions(command: Command): Command {
  return command
    .argument('<parcel>', 'id, or CARRIER/NUMBER')
    .requiredOption(
      '--result <result>',
      PARCEL_INSPECTION_RESULTS.join(' | '),
      oneOf(PARCEL_INSPECTION_RESULTS, 'result'),
    )
    .option(
      '--fraud-type <type>',
      `with fraud: ${PARCEL_FRAUD_TYPES.join(' | ')}`,
      oneOf(PARCEL_FRAUD_TYPES, 'fraud type'),
    )
    .option('--found-value <n>', 'the value of the goods found (with --currency)', number('--found-value'))
    .option('--currency <code>', 'the currency of the value found (EUR, MAD…)')
    .option('--note <text>', 'remarks')
    .option('--inspected-at <time>', 'when it was inspected (ISO date and time with its offset)')
    .option(
      '--as <username>',
      'the examiner typing in their own outcome (the parcel must be assigned to them)',
    )
    .option('--json', 'print as JSON');
}

export function registerParcelsCli(program: Command, context: CliContext): void {
  const parcels = program
    .command('parcels')
    .description(
      'e-commerce parcels: list, show, score before arrival, settings (import: vigie import parcels)',
    );
  parcels
    .command('list')
    .option('--carrier <code>', 'carrier or postal operator')
    .option('--origin <country>', 'sender country')
    .option('--platform <name>', 'online shop or marketplace')
    .option('--office <code>', 'office of arrival')
    .option('--value-min <eur>', 'declared value at least (EUR)', number('--value-min'))
    .option('--value-max <eur>', 'declared value below (EUR)', number('--value-max'))
    .option('--from <date>', 'arriving on or after')
    .option('--to <date>', 'arriving on or before')
    .option('--channel <channel>', PARCEL_CHANNELS.join(' | '), oneOf(PARCEL_CHANNELS, 'channel'))
    .option('--referred', 'referred parcels only')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(async (o) => {
      await context.withDatabase(async (database) => {
        const page = await listParcels(
          database.db,
          {
            carrier: o.carrier,
            origin_country: o.origin,
            platform: o.platform,
            office: o.office,
            value_min: o.valueMin,
            value_max: o.valueMax,
            from: o.from,
            to: o.to,
            channel: o.channel,
            referred: o.referred ? true : undefined,
          },
          { limit: Number.parseInt(o.limit, 10) || 50, offset: 0 },
        );
        printList(
          o,
          page,
          page.items,
          {
            id: (p) => p.id,
            carrier: (p) => p.carrier,
            number: (p) => p.consignment_number,
            arrival: (p) => p.arrival_date,
            office: (p) => p.arrival_office,
            from: (p) => `${p.sender_name} (${p.sender_country})`,
            to: (p) => p.recipient_name,
            'value EUR': (p) => p.value_eur.toFixed(2),
            score: (p) => p.score,
            channel: (p) => p.channel,
          },
          `${page.items.length} of ${page.total}`,
        );
      });
    });
  parcels
    .command('show')
    .argument('<parcel>', 'id, or CARRIER/NUMBER')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const parcel = await parcelOf(database, ref);
        if (o.json) return printJson(parcel);
        console.log(
          `${parcel.carrier} ${parcel.consignment_number} (${parcel.kind}), arriving ${parcel.arrival_date} at ${parcel.arrival_office}`,
        );
        console.log(
          `  from ${parcel.sender_name} (${parcel.sender_country})${parcel.sender_platform ? ` via ${parcel.sender_platform}` : ''}`,
        );
        console.log(
          `  to   ${parcel.recipient_name}, ${[parcel.recipient_address, parcel.recipient_city].filter(Boolean).join(', ')} ${parcel.recipient_phone ?? ''}`,
        );
        console.log(
          `  ${parcel.description} — ${parcel.declared_value} ${parcel.currency} (${parcel.value_eur.toFixed(2)} EUR)`,
        );
        console.log(
          parcel.score === null
            ? '  not scored'
            : `  score ${parcel.score}, ${parcel.channel}${parcel.referred ? ', referred' : ''}`,
        );
        for (const r of parcel.reasons) console.log(`  +${r.points} ${r.message}`);
      });
    });
  parcels
    .command('score')
    .description('score the parcels arriving between two dates (before arrival): audited')
    .requiredOption('--from <date>', 'first arrival date (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last arrival date (YYYY-MM-DD)')
    .option('--json', 'print the summary as JSON')
    .action(async (o: { from: string; to: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const s = await scoreParcels(database, cliActor(), { from: o.from, to: o.to });
        if (o.json) return printJson(s);
        console.log(
          `run ${s.run_id}: ${s.parcels} parcels arriving ${s.from} to ${s.to} scored; ${s.referred} referred (${s.red} red); ` +
            `${s.split_orders} split orders (${s.split_order_parcels} parcels), ${s.goods_wording} with risky wording, ` +
            `${s.linked_online_seller} to a contact linked to an online seller, ${s.repeat_sender} from a sender ` +
            `with a seizure, ${s.repeat_sender_fraud} from a sender with fraud found before; ` +
            (s.model ? `model ${s.model.name} ${s.model.version}` : 'no parcel model active'),
        );
      });
    });
  parcels
    .command('settings')
    .description('show the settings, or change some: audited')
    .option('--threshold-eur <n>', 'duty-free threshold in euros', number('--threshold-eur'))
    .option('--window-days <n>', 'split-order window in days', number('--window-days'))
    .option('--referral-score <n>', 'score that refers a parcel', number('--referral-score'))
    .option('--red-score <n>', 'score that sends it to examination', number('--red-score'))
    .action(
      async (o: {
        thresholdEur?: number;
        windowDays?: number;
        referralScore?: number;
        redScore?: number;
      }) => {
        await context.withDatabase(async (database) => {
          const change: Partial<ParcelSettings> = {};
          if (o.thresholdEur !== undefined) change.threshold_eur = o.thresholdEur;
          if (o.windowDays !== undefined) change.window_days = o.windowDays;
          if (o.referralScore !== undefined) change.referral_score = o.referralScore;
          if (o.redScore !== undefined) change.red_score = o.redScore;
          printJson(
            Object.keys(change).length
              ? await setParcelSettings(database, cliActor(), change)
              : await getParcelSettings(database.db),
          );
        });
      },
    );
  parcels
    .command('examiners')
    .description('examiners of parcels with their specialities')
    .option('--office <code>', 'one office')
    .option('--json', 'print as JSON')
    .action(async (o: { office?: string; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const items = await listExaminers(database.db, o.office);
        printList(o, items, items, {
          id: (e) => e.id,
          office: (e) => e.office,
          username: (e) => e.username,
          name: (e) => e.name,
          // a computed key: the linter takes a capitalised property holding a function for a React component
          ['HS']: (e) => e.hs_prefixes.join(' '),
          kinds: (e) => e.kinds.join(' '),
          indicators: (e) => e.indicators.join(' '),
          'per day': (e) => e.daily_capacity,
          active: (e) => (e.active ? 'yes' : 'no'),
        });
      });
    });
  parcels
    .command('add-examiner')
    .description('add an examiner at an office: audited')
    .argument('<username>', "the examiner's user name")
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--office <code>', 'office')
    .option('--hs <prefixes>', 'HS prefixes, separated by commas (e.g. 33,3004,64)', commaList)
    .option('--kinds <kinds>', PARCEL_KINDS.join(','), oneOfList(PARCEL_KINDS, 'kind'))
    .option('--indicators <list>', PARCEL_INDICATORS.join(','), oneOfList(PARCEL_INDICATORS, 'indicator'))
    .option('--capacity <n>', 'parcels a day', number('--capacity'))
    .action(
      async (
        username: string,
        o: {
          name: string;
          office: string;
          hs?: string[];
          kinds?: ParcelKind[];
          indicators?: ParcelIndicator[];
          capacity?: number;
        },
      ) => {
        await context.withDatabase(async (database) => {
          printJson(
            await addExaminer(database, cliActor(), {
              username,
              name: o.name,
              office: o.office,
              hs_prefixes: o.hs,
              kinds: o.kinds,
              indicators: o.indicators,
              daily_capacity: o.capacity,
            }),
          );
        });
      },
    );
  parcels
    .command('assign')
    .description('assign the referred parcels of a period to examiners (speciality, then load): audited')
    .requiredOption('--from <date>', 'first arrival date')
    .requiredOption('--to <date>', 'last arrival date')
    .option('--office <code>', 'one office')
    .action(async (o: { from: string; to: string; office?: string }) => {
      await context.withDatabase(async (database) => {
        printJson(await assignParcels(database, cliActor(), o));
      });
    });
  parcels
    .command('reassign')
    .description('give a parcel to another examiner of its office, with a reason: audited')
    .argument('<parcel>', 'parcel id')
    .argument('<examiner>', 'examiner id')
    .requiredOption('--reason <text>', 'why (5 characters at least)')
    .action(async (parcel: string, examiner: string, o: { reason: string }) => {
      await context.withDatabase(async (database) => {
        printJson(await reassignParcel(database, cliActor(), Number(parcel), Number(examiner), o.reason));
      });
    });
  outcomeOptions(
    parcels
      .command('inspection')
      .description(
        "record what the inspection of a parcel found (as a supervisor, in its examiner's name, or --as its examiner): once, audited",
      ),
  ).action(async (ref: string, o: OutcomeOptions) => {
    const input = outcomeOf(outcomeBody, o);
    const { actor, recorder } = recorderOf(o);
    await context.withDatabase(async (database) => {
      const parcel = await parcelOf(database, ref);
      const name = `${parcel.carrier} ${parcel.consignment_number}`;
      printOutcome(name, await recordInspection(database, actor, recorder, parcel.id, input), o.json);
    });
  });
  outcomeOptions(
    parcels
      .command('correct-inspection')
      .description(
        "correct a parcel's inspection outcome with a reason (the outcome replaced is kept): audited",
      ),
  )
    .requiredOption('--reason <text>', 'why the outcome in force is wrong (5 characters at least)')
    .action(async (ref: string, o: OutcomeOptions) => {
      const input = outcomeOf(correctionBody, o);
      const { actor, recorder } = recorderOf(o);
      await context.withDatabase(async (database) => {
        const parcel = await parcelOf(database, ref);
        const name = `${parcel.carrier} ${parcel.consignment_number}`;
        printOutcome(name, await correctInspection(database, actor, recorder, parcel.id, input), o.json);
      });
    });
  registerParcelModelCli(parcels, context);
}
