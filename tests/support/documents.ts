/**
 * @module
 * Real PDF and Word files for integration tests, made by real tools (pdfkit, docx) in memory.
 */
import { Buffer } from "node:buffer";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import PDFKit from "pdfkit";

/** The part of pdfkit's document used here; pdfkit ships no types. */
interface PdfKitDocument {
  info: Record<string, unknown>;
  on(event: string, listener: (chunk: Uint8Array) => void): void;
  addPage(): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  text(text: string): PdfKitDocument;
  end(): void;
}
const PDFDocument = PDFKit as new (options?: Record<string, unknown>) => PdfKitDocument;

/** A PDF with a title in its metadata and one heading and paragraph per page. */
export function makePdf(title: string, pages: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ compress: false, info: { Title: title } });
  doc.info.CreationDate = new Date(0); // the same bytes on every run
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.fontSize(18).text(`Part ${i + 1}`).fontSize(11).text(text);
    });
    doc.end();
  });
}

/** A Word document with a title property, a heading and paragraphs. */
export async function makeDocx(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const document = new Document({
    title,
    sections: [{
      children: [
        new Paragraph({ text: "Background", heading: HeadingLevel.HEADING_1 }),
        ...paragraphs.map((text) => new Paragraph({ text })),
      ],
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
