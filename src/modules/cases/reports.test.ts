import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { uploadChunks } from '../../platform/uploads/uploads.ts';
import { openCase } from './cases.ts';
import { caseTimeline } from './events.ts';
import { addLink } from './links.ts';
import { generateReport, getReport, listReports } from './reports.ts';
import { recordSeizure } from './seizures.ts';

const actor = { id: null, name: 'investigator-test', ip: null };

/** The text of a PDF's ToUnicode maps: which Unicode characters its fonts' glyphs stand for. */
function unicodeMapped(pdf: Buffer): string {
  let text = '';
  const source = pdf.toString('latin1');
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = source.indexOf('endstream', start);
    try {
      const inflated = inflateSync(pdf.subarray(start, end)).toString('latin1');
      if (!inflated.includes('beginbfrange') && !inflated.includes('beginbfchar')) continue;
      for (const hex of inflated.matchAll(/<([0-9a-fA-F]{4,})>/g))
        text += String.fromCharCode(Number.parseInt(hex[1]!.slice(0, 4), 16));
    } catch {}
  }
  return text;
}

describeEachDatabase('offence reports', (t) => {
  it('answers 404 for an unknown case or report', async () => {
    await expect(generateReport(t.database, actor, 999_999, { lang: 'fr' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(getReport(t.database.db, 999_999, 1)).rejects.toMatchObject({
      status: 404,
      code: 'case.report_not_found',
    });
  });

  it('generates French and Arabic PDFs numbered per office and year, every version kept and hashed', async () => {
    const kase = await openCase(t.database, actor, {
      title: 'Chaussures contrefaites',
      type: 'counterfeiting',
      office: '500',
      summary: 'Conteneur MSCU1234567 : 120 paires.',
    });
    await addLink(t.database, actor, kase.id, { target_type: 'company', target_ref: 'C-1' });
    await recordSeizure(t.database, actor, {
      case_id: kase.id,
      seized_on: '2026-03-02',
      office: '500',
      description: 'Chaussures de sport',
      category: 'counterfeit_footwear',
      quantity: 120,
      unit: 'paires',
      estimated_value: 36_000,
      brand: 'Nike',
      officers: ['Officier A'],
    });
    const other = await openCase(t.database, actor, { title: 'Autre', type: 'smuggling', office: '500' });

    const fr = await generateReport(t.database, actor, kase.id, { lang: 'fr' });
    const ar = await generateReport(t.database, actor, kase.id, { lang: 'ar' });
    const fr2 = await generateReport(t.database, actor, kase.id, { lang: 'fr' });
    const second = await generateReport(t.database, actor, other.id, { lang: 'fr' });
    const year = new Date().getUTCFullYear();
    expect([fr.number, ar.number, fr2.number]).toEqual(Array(3).fill(`PV-500/${year}/0001`));
    expect(second.number).toBe(`PV-500/${year}/0002`);
    expect([fr.version, ar.version, fr2.version]).toEqual([1, 1, 2]);
    expect((await listReports(t.database.db, kase.id)).map((r) => r.id)).toEqual([fr.id, ar.id, fr2.id]);

    const stored = await getReport(t.database.db, kase.id, ar.id);
    const chunks: Buffer[] = [];
    for await (const chunk of uploadChunks(t.database, stored.upload_id)) chunks.push(chunk);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(ar.sha256);
    // The Arabic letters are mapped back to Unicode: the text can be searched and copied.
    const mapped = unicodeMapped(pdf);
    for (const letter of 'محضرمخالفةجمركية') expect(mapped).toContain(letter);
    expect(
      (await caseTimeline(t.database.db, kase.id)).filter((e) => e.kind === 'report_generated'),
    ).toHaveLength(3);
  });
});
