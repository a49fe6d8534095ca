/**
 * An A4 PDF with the embedded DejaVu fonts ('regular' and 'bold', shipped by `dejavu-fonts-ttf`: Latin and Arabic
 * glyphs, embedded as a subset with its Unicode map so that the text can be searched and copied), collected in
 * memory: what the offence reports and the model cards are written with.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface PdfDocument {
  doc: PDFKit.PDFDocument;
  /** Ends the document and answers its bytes. */
  finish(): Promise<Buffer>;
}

export function pdfDocument(options: { lang?: string; info: PDFKit.DocumentInfo }): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    ...(options.lang ? { lang: options.lang } : {}),
    info: { ...options.info, Author: 'Vigie' },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return {
    doc,
    async finish() {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
