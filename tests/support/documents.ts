/**
 * @module
 * Real PDF, Word and EPUB files for integration tests, made by real tools (pdfkit, docx, fflate)
 * in memory.
 */
import { Buffer } from "node:buffer";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { strToU8, type Zippable, zipSync } from "fflate";
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

/**
 * A one-page PDF showing `codes` (hex) in a CJK font that is not embedded and has no ToUnicode
 * table, as many Chinese and Japanese PDFs are made: only the predefined CMap named by
 * `encoding` and the CID-to-Unicode CMap of `ordering` say which characters the codes are.
 */
export function makeCjkPdf(
  encoding: string,
  ordering: string,
  baseFont: string,
  codes: string,
): Uint8Array {
  const content = `BT /F1 24 Tf 72 700 Td <${codes}> Tj ET`;
  return craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
    "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    `<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /${encoding} ` +
    "/DescendantFonts [6 0 R] >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${baseFont} ` +
    `/CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement 2 >> ` +
    "/FontDescriptor 7 0 R /DW 1000 >>",
    `<< /Type /FontDescriptor /FontName /${baseFont} /Flags 6 /FontBBox [0 -200 1000 900] ` +
    "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ]);
}

/**
 * An EPUB 3 book: `mimetype` stored first, the container, a package document with the title,
 * and one XHTML chapter per entry of `chapters` (HTML body content), in spine order.
 */
export function makeEpub(title: string, chapters: string[]): Uint8Array {
  const files: Zippable = {
    mimetype: [strToU8("application/epub+zip"), { level: 0 }],
    "META-INF/container.xml": strToU8(
      '<?xml version="1.0"?><container version="1.0" ' +
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>' +
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>' +
        "</rootfiles></container>",
    ),
  };
  const items = chapters.map((_, i) =>
    `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`
  );
  const spine = chapters.map((_, i) => `<itemref idref="c${i}"/>`);
  files["OEBPS/content.opf"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" ' +
      'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>${title}</dc:title></metadata><manifest>${items.join("")}</manifest>` +
      `<spine>${spine.join("")}</spine></package>`,
  );
  chapters.forEach((body, i) => {
    files[`OEBPS/c${i}.xhtml`] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">' +
        `<head><title>${i}</title></head><body>${body}</body></html>`,
    );
  });
  return zipSync(files, { mtime: new Date(2020, 0, 1) });
}
