/** What the sharing commands do (cli-commands.ts declares them). */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { cliActor } from '../../platform/auth/actor.ts';
import type { CliContext } from '../../platform/cli/context.ts';
import { printJson, printList, printResult } from '../../platform/cli/output.ts';
import {
  type AssistanceView,
  assistanceCounts,
  getAssistance,
  listAssistance,
  openAssistance,
  remindAssistance,
  transitionAssistance,
} from './assistance.ts';
import { installationKey, parsePublicKey } from './keys.ts';
import { checkpointLedger, exportLedger } from './ledger.ts';
import { verifyLedger } from './ledger-verify.ts';
import {
  type AssistanceStatus,
  type Direction,
  type PartnerKind,
  SUBJECT_TYPES,
  type SubjectType,
} from './model.ts';
import { addPartner, getPartner, listPartners } from './partners.ts';
import { deliverDue, partnerStatus } from './push.ts';

export async function partnersAdd(
  context: CliContext,
  o: {
    code: string;
    name: string;
    kind: PartnerKind;
    country: string;
    key?: string;
    keyText?: string;
    endpoint?: string;
    json?: boolean;
  },
) {
  if (!o.key === !o.keyText)
    throw new Error('give the public key with --key FILE or --key-text TEXT (one of them)');
  const publicKey = o.key ? readFileSync(o.key, 'utf8') : o.keyText!;
  await context.withDatabase(async (database) => {
    const partner = await addPartner(database, cliActor(), {
      code: o.code,
      name: o.name,
      kind: o.kind,
      country: o.country,
      public_key: publicKey,
      endpoint_url: o.endpoint,
    });
    printResult(o, partner, `✔ partner ${partner.code} added (key ${partner.key_id})`);
  });
}

export async function partnersList(context: CliContext, o: { json?: boolean }) {
  await context.withDatabase(async (database) => {
    const items = await listPartners(database.db);
    printList(
      o,
      { items },
      items,
      {
        code: (p) => p.code,
        kind: (p) => p.kind,
        country: (p) => p.country,
        'key id': (p) => p.key_id,
        active: (p) => (p.active ? 'yes' : 'no'),
        endpoint: (p) => p.endpoint_url,
        name: (p) => p.name,
      },
      `${items.length} partners`,
    );
  });
}

export async function partnersShow(context: CliContext, code: string) {
  await context.withDatabase(async (database) => printJson(await getPartner(database.db, code)));
}

export async function partnersKey(context: CliContext) {
  await context.withDatabase(async (database, config) => {
    const key = await installationKey(database, config.sharingKeyFile);
    console.log(`key id ${key.keyId}`);
    process.stdout.write(key.publicPem);
  });
}

function printRequest(r: AssistanceView) {
  console.log(`${r.number}  ${r.direction} ${r.partner}  ${r.status}${r.overdue ? ' (overdue)' : ''}`);
  console.log(`  subject: ${r.subject}`);
  console.log(`  legal basis: ${r.legal_basis}`);
  if (r.deadline) console.log(`  deadline: ${r.deadline}`);
  if (r.sent_on) console.log(`  sent on: ${r.sent_on}`);
  for (const s of r.subjects) console.log(`  concerns ${s.ref_type} ${s.ref}`);
  for (const m of r.reminders) console.log(`  reminded on ${m.reminded_on}${m.note ? `: ${m.note}` : ''}`);
  if (r.answer) console.log(`  answered on ${r.answered_on}: ${r.answer}`);
  if (r.next_statuses.length) console.log(`  next: ${r.next_statuses.join(', ')}`);
}

export async function assistanceList(
  context: CliContext,
  o: {
    direction?: Direction;
    status?: AssistanceStatus;
    partner?: string;
    overdue?: boolean;
    limit: string;
    json?: boolean;
  },
) {
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new Error(`--limit ${o.limit}: expected 1 to 500`);
  await context.withDatabase(async (database) => {
    const page = await listAssistance(
      database.db,
      { direction: o.direction, status: o.status, partner: o.partner, overdue: o.overdue },
      { limit, offset: 0 },
    );
    printList(
      o,
      page,
      page.items,
      {
        number: (r) => r.number,
        partner: (r) => r.partner,
        status: (r) => r.status,
        deadline: (r) => r.deadline,
        overdue: (r) => (r.overdue ? 'yes' : ''),
        subject: (r) => r.subject,
      },
      `${page.items.length} of ${page.total}`,
    );
  });
}

export async function assistanceShow(context: CliContext, ref: string, o: { json?: boolean }) {
  await context.withDatabase(async (database) => {
    const r = await getAssistance(database.db, ref);
    if (o.json) return printJson(r);
    printRequest(r);
  });
}

/** `graph_entity:person:ab12` → { ref_type: graph_entity, ref: person:ab12 }. */
function subjectOf(text: string) {
  const i = text.indexOf(':');
  const type = text.slice(0, i);
  if (i < 1 || !(SUBJECT_TYPES as readonly string[]).includes(type) || !text.slice(i + 1))
    throw new Error(`--ref "${text}": expected TYPE:REF with TYPE one of ${SUBJECT_TYPES.join(', ')}`);
  return { ref_type: type as SubjectType, ref: text.slice(i + 1) };
}

export async function assistanceOpen(
  context: CliContext,
  o: {
    direction: Direction;
    partner: string;
    legalBasis: string;
    subject: string;
    questions: string;
    deadline?: string;
    sentOn?: string;
    partnerReference?: string;
    ref?: string[];
  },
) {
  for (const [flag, value] of [
    ['--deadline', o.deadline],
    ['--sent-on', o.sentOn],
  ] as const)
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      throw new Error(`${flag} ${value}: expected YYYY-MM-DD`);
  const subjects = (o.ref ?? []).map(subjectOf);
  await context.withDatabase(async (database) => {
    const r = await openAssistance(database, cliActor(), {
      direction: o.direction,
      partner: o.partner,
      legal_basis: o.legalBasis,
      subject: o.subject,
      questions: o.questions,
      deadline: o.deadline,
      sent_on: o.sentOn,
      partner_reference: o.partnerReference,
      subjects,
    });
    console.log(`✔ request ${r.number} opened (${r.status})`);
  });
}

export async function assistanceMove(
  context: CliContext,
  ref: string,
  status: AssistanceStatus,
  o: { reason?: string; text?: string; on?: string },
) {
  if (o.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.on))
    throw new Error(`--on ${o.on}: expected YYYY-MM-DD`);
  await context.withDatabase(async (database) => {
    const r = await transitionAssistance(database, cliActor(), ref, {
      status,
      reason: o.reason,
      answer: o.text,
      on: o.on,
    });
    console.log(`✔ request ${r.number} is ${r.status}`);
  });
}

export async function assistanceRemind(context: CliContext, ref: string, o: { note?: string; on?: string }) {
  if (o.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.on))
    throw new Error(`--on ${o.on}: expected YYYY-MM-DD`);
  await context.withDatabase(async (database) => {
    const r = await remindAssistance(database, cliActor(), ref, { reminded_on: o.on, note: o.note });
    console.log(`✔ reminder recorded on ${r.number} (${r.reminders.length} in all)`);
  });
}

export async function assistanceCountsCli(context: CliContext, o: { year?: string; json?: boolean }) {
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 9999))
    throw new Error(`--year ${o.year}: expected a year`);
  await context.withDatabase(async (database) => {
    const items = await assistanceCounts(database.db, { year });
    printList(o, { items }, items, {
      year: (r) => String(r.year),
      partner: (r) => r.partner,
      direction: (r) => r.direction,
      requests: (r) => r.requests,
      answered: (r) => r.answered,
    });
  });
}

export async function ledgerExport(context: CliContext, file: string) {
  await context.withDatabase(async (database, config) => {
    await installationKey(database, config.sharingKeyFile);
    const lines: string[] = [];
    for await (const line of exportLedger(database)) lines.push(line);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { appendAudit } = await import('../../platform/audit/store.ts');
    await appendAudit(database, cliActor(), {
      action: 'sharing.ledger_export',
      target_type: 'sharing_ledger',
      details: { lines: lines.length, file },
    });
    console.log(`✔ ${lines.length - 1} lines of ledger written to ${file}`);
  });
}

export async function ledgerVerify(file: string, o: { trust?: string[]; json?: boolean }) {
  const trusted = (o.trust ?? []).map((path) => {
    try {
      return { owner: path, key: parsePublicKey(readFileSync(path, 'utf8')) };
    } catch (error) {
      throw new Error(`--trust ${path}: ${(error as Error).message}`);
    }
  });
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const verdict = await verifyLedger(lines, { trusted });
  if (o.json) printJson(verdict);
  else if (verdict.ok) {
    console.log(
      `✔ ${file}: ${verdict.entries} entries and ${verdict.checkpoints} checkpoints verify (last entry ${verdict.last_seq ?? '-'}, ${verdict.last_hash ?? '-'})`,
    );
    for (const k of verdict.keys)
      console.log(
        `  key ${k.key_id} (${k.owner}) ${k.from === 'file' ? 'taken from the file: compare it with the id its owner gave you' : 'trusted'}`,
      );
  } else {
    const p = verdict.problem!;
    console.log(
      `✖ ${file}:${p.line}: ${p.seq === null ? '' : `first bad entry: seq ${p.seq}, `}${p.reason.replace('_', ' ')}: ${p.message}`,
    );
  }
  if (!verdict.ok) process.exitCode = 1;
}

export async function ledgerCheckpoint(context: CliContext) {
  await context.withDatabase(async (database, config) => {
    const checkpoint = await checkpointLedger(
      database,
      await installationKey(database, config.sharingKeyFile),
    );
    if (!checkpoint) return console.log('nothing new since the last checkpoint');
    const { appendAudit } = await import('../../platform/audit/store.ts');
    await appendAudit(database, cliActor(), {
      action: 'sharing.ledger_checkpoint',
      target_type: 'sharing_ledger',
      target_id: `${checkpoint.from_seq}-${checkpoint.to_seq}`,
      after: checkpoint,
    });
    console.log(`✔ checkpoint ${checkpoint.from_seq}–${checkpoint.to_seq}: root ${checkpoint.root}`);
  });
}

export async function sharingPush(context: CliContext) {
  await context.withDatabase(async (database, config) => {
    const r = await deliverDue(database, config.sharingKeyFile, cliActor());
    console.log(`✔ ${r.delivered} delivered, ${r.retried} to retry later, ${r.refused} refused`);
  });
}

export async function sharingPull(context: CliContext, code: string) {
  await context.withDatabase(async (database, config) => {
    const { pullFrom } = await import('./pull.ts');
    const r = await pullFrom(database, config.sharingKeyFile, cliActor(), code);
    console.log(
      `✔ ${r.partner}: ${r.stored} new, ${r.duplicate} already here, ${r.refused} refused (cursor ${r.cursor})`,
    );
  });
}

export async function sharingStatus(context: CliContext, o: { json?: boolean }) {
  await context.withDatabase(async (database) => {
    const items = await partnerStatus(database.db);
    printList(o, { items }, items, {
      partner: (s) => s.partner,
      backlog: (s) => s.backlog,
      'oldest waiting': (s) => s.oldest_pending,
      'last sent': (s) => s.last_sent_at,
      'last received': (s) => s.last_received_at,
      'last error': (s) => s.last_error,
    });
  });
}

export async function sharingImportStix(
  context: CliContext,
  file: string,
  o: { partner: string; json?: boolean },
) {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a JSON file (${(error as Error).message})`);
  }
  await context.withDatabase(async (database) => {
    const { importStix } = await import('./stix-import.ts');
    const r = await importStix(database, cliActor(), o.partner, bundle);
    if (o.json)
      return printJson({
        ...r,
        messages: r.messages.map((m) => ({
          message_id: m.message_id,
          stix_id: m.stix_id,
          outcome: m.outcome,
        })),
      });
    console.log(`✔ ${r.partner}: ${r.stored} new, ${r.duplicate} already here (bundle ${r.bundle})`);
  });
}

export async function sharingExportStix(context: CliContext, group: string, file: string) {
  await context.withDatabase(async (database) => {
    const { exportGroup } = await import('./stix.ts');
    const r = await exportGroup(database.db, group);
    writeFileSync(file, `${JSON.stringify(r.bundle, null, 2)}\n`);
    const { appendAudit } = await import('../../platform/audit/store.ts');
    await appendAudit(database, cliActor(), {
      action: 'sharing.stix_export',
      target_type: 'sharing_group',
      target_id: r.group.code,
      details: {
        bundle: r.bundle.id,
        messages: r.messages,
        objects: r.bundle.objects.length,
        truncated: r.truncated,
        nominal: r.group.nominal_data_allowed,
        removed: r.removed,
        file,
      },
    });
    console.log(
      `✔ ${r.messages} messages of ${r.group.code} as ${r.bundle.objects.length} STIX objects written to ${file}${r.truncated ? ' (truncated: the oldest 10,000 only)' : ''}`,
    );
  });
}

export async function sharingVerifyCheckpoints(context: CliContext, code: string, o: { json?: boolean }) {
  await context.withDatabase(async (database, config) => {
    const { verifyPartnerCheckpoints } = await import('./checkpoint-exchange.ts');
    const r = await verifyPartnerCheckpoints(database, config.sharingKeyFile, cliActor(), code);
    if (o.json) printJson(r);
    else {
      console.log(
        `${r.divergences.length ? '✖' : '✔'} ${r.partner}: ${r.checkpoints} checkpoints, ${r.entries} entries concerning this installation, ${r.divergences.length} divergences`,
      );
      for (const d of r.divergences)
        console.log(`  ${d.reason}${d.seq === null ? '' : ` (seq ${d.seq})`}: ${d.detail}`);
    }
    if (r.divergences.length) process.exitCode = 1;
  });
}
