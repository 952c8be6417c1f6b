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

/**
 * A PDF of the given objects (object n is `objects[n - 1]`) with a correct xref table, for
 * inputs no PDF library would write. Characters are bytes (Latin-1), so offsets are lengths.
 */
export function craftPdf(objects: string[], trailer = ""): Uint8Array {
  let out = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
