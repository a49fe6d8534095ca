/**
 * Offence reports of a case: the PDF made from the case, its links and its seizures, numbered per office and year
 * once (`PV-300/2026/0001`, kept on the case), every regeneration a new version, stored in uploads with its
 * SHA-256 and kept. Generation is on the case's timeline and in the audit trail.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { iso } from '../../platform/lib/errors.ts';
import { deleteUpload, saveUpload } from '../../platform/uploads/uploads.ts';
import { caseItem, caseItems, getCase, lockCase } from './case-rows.ts';
import { recordEvent } from './events.ts';
import { listLinks } from './links.ts';
import { formatNumber, type ReportLang } from './model.ts';
import { nextSeq } from './numbering.ts';
import { DEFAULT_LEGAL_BASIS, renderOffenceReport } from './report-pdf.ts';
import { listSeizures } from './seizures.ts';
import { caseTaxLoss } from './tax.ts';

export const REPORT_OWNERSHIP = { owner: 'cases', readPermission: 'cases:read', retainDays: null };

type ReportRow = {
  id: number;
  case_id: number;
  number: string;
  version: number;
  lang: ReportLang;
  bytes: number;
  sha256: string;
  generated_by: string;
  generated_at: Date | string;
};

const reportView = (r: ReportRow) => ({
  id: Number(r.id),
  case_id: Number(r.case_id),
  number: r.number,
  version: r.version,
  lang: r.lang,
  bytes: Number(r.bytes),
  sha256: r.sha256,
  generated_by: r.generated_by,
  generated_at: iso(r.generated_at),
});

/** The case's report number, given on first use (per office and the current year). */
async function reportNumber(database: Database, caseId: number): Promise<string> {
  return database.transaction(async (session) => {
    const kase = await lockCase(session, caseId);
    if (kase.report_number) return kase.report_number;
    const year = new Date().getUTCFullYear();
    const number = `PV-${formatNumber(kase.office, year, await nextSeq(session, 'report', kase.office, year))}`;
    await session.db.updateTable('cases').set({ report_number: number }).where('id', '=', caseId).execute();
    return number;
  });
}

export async function generateReport(
  database: Database,
  actor: Actor,
  caseId: number,
  input: { lang: ReportLang; legal_basis?: string | undefined },
) {
  await getCase(database.db, caseId);
  const number = await reportNumber(database, caseId);
  const kase = await getCase(database.db, caseId);
  const links = await listLinks(database.db, caseId);
  const seizures = (await listSeizures(database.db, { case_id: caseId }, { limit: 1000, offset: 0 })).items;
  const last = await database.db
    .selectFrom('offence_reports')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('case_id', '=', caseId)
    .where('lang', '=', input.lang)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  const loss = caseTaxLoss(seizures);
  const officers = [
    ...new Set([...(kase.assignee ? [kase.assignee] : []), ...seizures.flatMap((s) => s.officers)]),
  ];
  const pdf = await renderOffenceReport({
    number,
    version,
    lang: input.lang,
    generated_at: new Date().toISOString(),
    case: kase,
    parties: links.map((l) => ({ type: l.target_type, ref: l.target_ref, note: l.note })),
    goods: seizures,
    legal_basis: input.legal_basis?.trim() || DEFAULT_LEGAL_BASIS[input.lang],
    tax_loss: loss,
    officers,
  });
  const fileName = `${number.replace(/\//g, '-')}-v${version}-${input.lang}.pdf`;
  const upload = await saveUpload(database, [pdf], fileName, {
    ...REPORT_OWNERSHIP,
    maxBytes: Number.MAX_SAFE_INTEGER,
    uploadedBy: actor.id,
  });
  try {
    return await database.transaction(async (session) => {
      await lockCase(session, caseId);
      const row = await session.db
        .insertInto('offence_reports')
        .values({
          case_id: caseId,
          number,
          version,
          lang: input.lang,
          upload_id: upload.id,
          bytes: upload.bytes,
          sha256: upload.sha256,
          generated_by: actor.name,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(session, actor, caseId, 'report_generated', {
        report: Number(row.id),
        number,
        version,
        lang: input.lang,
        sha256: upload.sha256,
      });
      return reportView(row);
    });
  } catch (error) {
    await deleteUpload(database, upload.id);
    throw error;
  }
}

export async function listReports(db: Kysely<DB>, caseId: number) {
  return (await caseItems(db, 'offence_reports', caseId)).map(reportView);
}

export async function getReport(db: Kysely<DB>, caseId: number, reportId: number) {
  const row = await caseItem(db, 'offence_reports', caseId, reportId, {
    code: 'case.report_not_found',
    what: 'report',
  });
  return { ...reportView(row), upload_id: Number(row.upload_id) };
}
