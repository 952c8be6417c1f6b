import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { deflateSync } from "node:zlib";
import PDFKit from "pdfkit";
import { countWords } from "./extracted.ts";
import { extractPdf, MAX_PAGES } from "./pdf.ts";
import { craftPdf } from "../../tests/support/documents.ts";
import { InputError } from "../common/errors.ts";

// Fixtures are made in memory: real PDFs written by pdfkit, and small ones crafted byte by byte
// where a test needs exact positions or a damaged structure. pdfkit needs only read access
// (to its font metrics), so the tests run under the extractor's sandbox permissions too.

/** The part of pdfkit's document the fixtures use; pdfkit ships no types. */
interface PdfKitDocument {
  info: Record<string, unknown>;
  /** Where the next text goes. */
  x: number;
  y: number;
  on(event: string, listener: (chunk: Uint8Array) => void): void;
  addPage(): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  font(name: string): PdfKitDocument;
  text(text: string, options?: Record<string, unknown>): PdfKitDocument;
  moveDown(lines?: number): PdfKitDocument;
  rect(x: number, y: number, width: number, height: number): PdfKitDocument;
  fill(color: string): PdfKitDocument;
  image(source: Buffer, x: number, y: number, options?: Record<string, unknown>): PdfKitDocument;
  /** The document's bookmarks; an item points at the current page. */
  outline: PdfKitOutline;
  end(): void;
}
interface PdfKitOutline {
  addItem(title: string): PdfKitOutline;
}
const PDFDocument = PDFKit as new (options?: Record<string, unknown>) => PdfKitDocument;

/** Renders a document with pdfkit and collects its stream into bytes. */
function pdfkit(
  draw: (doc: PdfKitDocument) => void,
  options: Record<string, unknown> = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({ compress: false, ...options });
  doc.info.CreationDate = new Date(0); // the same bytes on every run
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    draw(doc);
    doc.end();
  });
}

function stream(content: string, dictionary = ""): string {
  return `<< /Length ${content.length} ${dictionary}>>\nstream\n${content}\nendstream`;
}

const HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** The objects of a one-page PDF drawing `content` with Helvetica as /F1; objects 1 to 5. */
function pageObjects(content: string, catalogExtra = ""): string[] {
  return [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
    "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    HELVETICA,
    stream(content),
  ];
}

/** Text drawn at exact positions: each entry is [x, y, text] in points, 12 pt Helvetica. */
function placedText(...runs: [number, number, string][]): string {
  const ops = runs.map(([x, y, text]) => `1 0 0 1 ${x} ${y} Tm (${text}) Tj`);
  return `BT /F1 12 Tf ${ops.join(" ")} ET`;
}

async function assertInputError(promise: Promise<unknown>, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError: got ${error}`);
    assert.equal(error.name, "InputError");
    assert.match(error.message, message);
    assert.ok(!error.message.endsWith("."), "message ends with a period");
    return true;
  });
}

/** A grey-noise PNG, like a scanned page without its text layer. */
function noisePng(width: number, height: number): Buffer {
  const raw = new Uint8Array((width + 1) * height);
  let seed = 1;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = i % (width + 1) === 0 ? 0 : seed >>> 24; // each row starts with filter type 0
  }
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...Buffer.from(type, "latin1"), ...data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    out.set(body, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const PARAGRAPH = "Gleaner reads every page of a document and keeps the words in the order a " +
  "person would read them. Lines that wrap are joined again, so a paragraph stays one " +
  "paragraph in the note.";

function threePages(): Promise<Uint8Array> {
  return pdfkit((doc) => {
    doc.info.Title = "Field Notes on Reading";
    for (let page = 1; page <= 3; page++) {
      if (page > 1) doc.addPage();
      doc.fontSize(20).text(`Chapter ${page}`);
      doc.moveDown(0.5);
      doc.fontSize(12).text(PARAGRAPH);
      doc.moveDown();
      doc.text(`A second paragraph on page ${page}.`);
    }
  });
}

Deno.test("extractPdf() reads a three-page document page by page under its metadata title", async () => {
  const result = await extractPdf(await threePages(), "papers/notes.pdf");
  const page = (n: number) =>
    `## Page ${n}\n\nChapter ${n}\n\n${PARAGRAPH}\n\nA second paragraph on page ${n}.`;
  assert.deepEqual(result, {
    title: "Field Notes on Reading",
    type: "pdf",
    body: [page(1), page(2), page(3)].join("\n\n"),
    wordCount: 3 * countWords(`Chapter 1 ${PARAGRAPH} A second paragraph on page 1.`),
    properties: { pages: 3 },
  });
});

Deno.test("extractPdf() makes the outline's entries headings and leaves out the printed contents", async () => {
  const bytes = await pdfkit((doc) => {
    doc.fontSize(20).text("Contents");
    doc.fontSize(12).text("1 Moorings . . . . . . . . . . 2");
    doc.text("1.1 Swing moorings . . . . . . . 2");
    doc.text("2 Knots . . . . . . . . . . . . 3");
    doc.addPage();
    const moorings = doc.outline.addItem("Moorings");
    doc.fontSize(20).text("1 Moorings");
    doc.fontSize(12).text(PARAGRAPH);
    doc.moveDown();
    moorings.addItem("Swing moorings");
    doc.fontSize(16).text("1.1 Swing moorings");
    doc.fontSize(12).text("A swing mooring lets the boat turn with the tide.");
    doc.addPage();
    doc.outline.addItem("Knots");
    doc.fontSize(20).text("2 Knots");
    doc.fontSize(12).text("A bowline makes a fixed loop.");
  });
  assert.equal(
    (await extractPdf(bytes, "harbour.pdf")).body,
    `## 1 Moorings\n\n${PARAGRAPH}\n\n### 1.1 Swing moorings\n\n` +
      "A swing mooring lets the boat turn with the tide.\n\n## 2 Knots\n\nA bowline makes a fixed loop.",
  );
});

Deno.test("extractPdf() puts a spacing accent TeX draws before its letter on the letter", async () => {
  const bytes = await pdfkit((doc) =>
    doc.text("Niels M\u00A8oller and Micha\u00A8el met at \u00B4Ecole.")
  );
  assert.equal(
    (await extractPdf(bytes, "a.pdf")).body,
    "## Page 1\n\nNiels Möller and Michaël met at École.",
  );
});

Deno.test("extractPdf() fences lines in a fixed-pitch font as code, indented as printed", async () => {
  const bytes = await pdfkit((doc) => {
    doc.font("Helvetica").fontSize(12).text(PARAGRAPH);
    doc.text("Light the lamp like this:");
    doc.moveDown();
    doc.font("Courier").text("int main(void)");
    doc.text("{");
    doc.text("    light(`lamp`);", { indent: 0 });
    doc.text("}");
    doc.moveDown();
    doc.font("Helvetica").text("The program apt-get and the file $HOME stay words of the text.");
    // Letters alone, an ornament's glyphs, are no program.
    doc.moveDown();
    doc.font("Courier").text("M L");
  });
  const body = (await extractPdf(bytes, "lamp.pdf")).body;
  assert.equal(
    body,
    `## Page 1\n\n${PARAGRAPH}\n\nLight the lamp like this:\n\n` +
      "```\nint main(void)\n{\n    light(`lamp`);\n}\n```\n\n" +
      "The program apt-get and the file \\$HOME stay words of the text.\n\nM L",
  );
});

Deno.test("extractPdf() leaves out running heads and page numbers but keeps the title", async () => {
  const bytes = await pdfkit((doc) => {
    for (let page = 1; page <= 4; page++) {
      if (page > 1) doc.addPage();
      const at = (x: number, y: number) => {
        doc.x = x;
        doc.y = y;
        return doc;
      };
      at(72, 40).fontSize(20).text("Harbour Lamps Manual");
      // Real pages differ: the same paragraph's last line on every page would be a running foot.
      at(72, 120).fontSize(12).text(`${PARAGRAPH} Here page ${page} ends.`);
      at(290, 700).fontSize(9).text(String(page));
    }
  });
  const result = await extractPdf(bytes, "lamps.pdf");
  assert.equal(result.title, "Harbour Lamps Manual");
  const pages = result.body.split(/^## Page \d+\n\n/mu).slice(1).map((p) => p.trim());
  assert.deepEqual(pages, [1, 2, 3, 4].map((n) => `${PARAGRAPH} Here page ${n} ends.`));
});

Deno.test("extractPdf() gives the same result every time and leaves the caller's bytes alone", async () => {
  const bytes = await threePages();
  const copy = bytes.slice();
  const first = await extractPdf(bytes, "a.pdf");
  assert.deepEqual(await extractPdf(bytes, "a.pdf"), first);
  // pdf.js detaches the buffer it is given; the extractor must hand it a copy.
  assert.deepEqual(bytes, copy);
});

Deno.test("extractPdf() reads a two-column page column by column", async () => {
  const left = "The left column comes first and its last sentence runs on into the " +
    "right column without a break.";
  const right = "The right column follows it.";
  const bytes = await pdfkit((doc) => {
    doc.fontSize(18).text("Two Columns");
    doc.fontSize(11).text(`${left} ${right}`, { columns: 2, columnGap: 20, height: 40 });
  });
  // pdfkit writes the left column before the right one, and pdf.js keeps that order. The
  // sentence that wraps into the right column stays one paragraph.
  const { body } = await extractPdf(bytes, "columns.pdf");
  assert.equal(body, `## Page 1\n\nTwo Columns\n\n${left} ${right}`);
});

Deno.test("extractPdf() joins items on a line and lines into paragraphs by their positions", async () => {
  const content = "BT /F1 12 Tf " +
    "1 0 0 1 72 700 Tm (Items with a gap) Tj 1 0 0 1 200 700 Tm (stay apart,) Tj " +
    // A word drawn in two pieces: the second starts where the first ends.
    "1 0 0 1 72 686 Tm (and a word in two pie) Tj (ces stays one; a hyphen-) Tj " +
    "1 0 0 1 72 672 Tm (ated word is joined again, an ELE-) Tj " +
    "1 0 0 1 72 658 Tm (MENT in capitals too.) Tj " +
    "1 0 0 1 72 630 Tm (A wider gap starts a new paragraph, and) Tj " +
    "1 0 0 1 72 616 Tm (\\267 a bullet starts one too.) Tj ET"; // 0267: the bullet in StandardEncoding
  const { body } = await extractPdf(craftPdf(pageObjects(content)), "layout.pdf");
  assert.equal(
    body,
    "## Page 1\n\nItems with a gap stay apart, and a word in two pieces stays one; a hyphenated " +
      "word is joined again, an ELEMENT in capitals too.\n\nA wider gap starts a new paragraph, and\n\n• a bullet starts one too.",
  );
});

Deno.test("extractPdf() joins a web address broken across lines without a space", async () => {
  const content = "BT /F1 12 Tf " +
    "1 0 0 1 72 700 Tm (See the lamps at https://lamps.) Tj " +
    "1 0 0 1 72 686 Tm (example.org/list/ and the wicks at \\(http:) Tj " +
    "1 0 0 1 72 672 Tm (//wicks.example.org/\\) for more. The end.) Tj ET";
  const { body } = await extractPdf(craftPdf(pageObjects(content)), "urls.pdf");
  assert.equal(
    body,
    "## Page 1\n\nSee the lamps at https://lamps.example.org/list/ and the wicks at " +
      "(http://wicks.example.org/) for more. The end.",
  );
});

/**
 * A page in a Type 3 font as dvips writes them: glyph space is text space, the font is set at
 * size 1 and the text matrix scales it, and each piece of text is placed on its own, `after`
 * glyph units past the end of the one before (every glyph is 60 units wide).
 */
function dvipsPage(pieces: [text: string, after: number][]): Uint8Array {
  const letters = [...new Set(pieces.map(([text]) => text).join(""))];
  let content = "BT /F1 1 Tf 0.12 0 0 0.12 72 700 Tm\n";
  for (const [text, after] of pieces) {
    const codes = [...text].map((c) => String.fromCharCode(97 + letters.indexOf(c))).join("");
    content += `(${codes}) Tj ${text.length * 60 + after} 0 Td\n`;
  }
  const glyph = "60 0 0 0 60 80 d1 5 0 50 80 re f";
  return craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
    "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 60 80] /FontMatrix [1 0 0 1 0 0] " +
    "/CharProcs 6 0 R /Encoding << /Type /Encoding /Differences " +
    `[97 ${letters.map((l) => `/${l}`).join(" ")}] >> /FirstChar 97 ` +
    `/LastChar ${96 + letters.length} /Widths [${letters.map(() => 60).join(" ")}] >>`,
    stream(`${content}ET`),
    `<< ${letters.map((l) => `/${l} 7 0 R`).join(" ")} >>`,
    stream(glyph),
  ]);
}

Deno.test("extractPdf() keeps words whole across kerning gaps, as pdftotext does", async () => {
  // Gaps of 4 and 5 units (0.07 and 0.08 of the font size) are kerns; 35 units are spaces.
  // pdf.js reports a space item at every one of them: "numb ers imp ortant" before.
  const pdf = dvipsPage([["numb", 4], ["ers", 35], ["imp", 5], ["ortant", 35], ["a", 35], [
    "result",
    0,
  ]]);
  const { body } = await extractPdf(pdf, "kerned.pdf");
  assert.equal(body, "## Page 1\n\nnumbers important a result");
});

Deno.test("extractPdf() starts a paragraph after a short line that ends a sentence", async () => {
  const content = placedText(
    [72, 700, "A long first line of a paragraph that reaches the margin"],
    [72, 686, "and ends here."],
    [72, 672, "The next paragraph begins without any extra space above it."],
  );
  const { body } = await extractPdf(craftPdf(pageObjects(content)), "short.pdf");
  assert.equal(
    body,
    "## Page 1\n\nA long first line of a paragraph that reaches the margin and ends here.\n\n" +
      "The next paragraph begins without any extra space above it.",
  );
});

Deno.test("extractPdf() joins CJK lines without a space", async () => {
  // A Type0 font with Identity-H codes and a ToUnicode map, as CJK PDFs usually carry; no font
  // program is needed to read text.
  const toUnicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap " +
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def " +
    "1 begincodespacerange <0000> <FFFF> endcodespacerange " +
    "4 beginbfchar <0001> <65E5> <0002> <672C> <0003> <8A9E> <0004> <6587> endbfchar " +
    "endcmap CMapName currentdict /CMap defineresource pop end end";
  const objects = pageObjects(
    "BT /F1 12 Tf 1 0 0 1 72 700 Tm <00010002> Tj 1 0 0 1 72 686 Tm <00030004> Tj ET",
  );
  objects[3] = "<< /Type /Font /Subtype /Type0 /BaseFont /CJK /Encoding /Identity-H " +
    "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>";
  objects.push(
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CJK /DW 1000 " +
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
    stream(toUnicode),
  );
  assert.equal((await extractPdf(craftPdf(objects), "cjk.pdf")).body, "## Page 1\n\n日本語文");
});

Deno.test("extractPdf() strips an application prefix and extension from the metadata title", async () => {
  const titled = (title: string) => pdfkit((doc) => (doc.info.Title = title, doc.text("Body")));
  const cases: [string, string][] = [
    ["Microsoft Word - Annual Report 2024.docx", "Annual Report 2024"],
    ["Microsoft PowerPoint - Kickoff.pptx", "Kickoff"],
    ["C:\\Users\\ann\\Thesis draft.doc", "Thesis draft"],
    ["  A   spaced\ttitle ", "A spaced title"],
  ];
  for (const [title, expected] of cases) {
    assert.equal((await extractPdf(await titled(title), "f.pdf")).title, expected, title);
  }
});

Deno.test("extractPdf() ignores a placeholder metadata title and uses the first line", async () => {
  for (const title of ["", "untitled", "Untitled-1", "Microsoft Word - Document1.docx", "123"]) {
    const bytes = await pdfkit((doc) => {
      doc.info.Title = title;
      doc.fontSize(20).text("The Real Heading");
      doc.fontSize(12).text("Body text.");
    });
    assert.equal((await extractPdf(bytes, "f.pdf")).title, "The Real Heading", title);
  }
});

Deno.test("extractPdf() takes the title from XMP metadata", async () => {
  const xmp = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ' +
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">From XMP</rdf:li></rdf:Alt></dc:title>' +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
  const objects = [
    ...pageObjects(placedText([72, 700, "First line"]), "/Metadata 6 0 R "),
    stream(xmp, "/Type /Metadata /Subtype /XML "),
    "<< /Title (untitled) >>",
  ];
  assert.equal((await extractPdf(craftPdf(objects, "/Info 7 0 R "), "f.pdf")).title, "From XMP");
});

Deno.test("extractPdf() falls back to the file stem when page 1 opens with a long paragraph", async () => {
  const bytes = await pdfkit((doc) => doc.text(PARAGRAPH));
  assert.equal((await extractPdf(bytes, "dir/Meeting notes.pdf")).title, "Dir – Meeting notes");
});

Deno.test("extractPdf() refuses a PDF that holds only images and shapes", async () => {
  const bytes = await pdfkit((doc) => {
    doc.image(noisePng(64, 64), 72, 72, { width: 300 });
    doc.rect(72, 400, 200, 100).fill("#336699");
    doc.addPage().image(noisePng(32, 32), 72, 72);
  });
  await assertInputError(
    extractPdf(bytes, "scan.pdf"),
    /^no text layer: its 2 pages have images but no text, so it is probably scanned; run OCR/,
  );
});

Deno.test("extractPdf() says a PDF of blank pages or drawings has no text, not that it is scanned", async () => {
  const bytes = await pdfkit((doc) => {
    doc.rect(72, 400, 200, 100).fill("#336699");
    doc.addPage();
  });
  await assertInputError(
    extractPdf(bytes, "drawing.pdf"),
    /^no text on any page: its 2 pages have no text and no images$/,
  );
});

Deno.test("extractPdf() passes over a metadata title that is a file or tool name for the largest text", async () => {
  for (const title of ["paper.dvi", "prpaperdraft", "thesis_v2", "C:\\tmp\\main.tex"]) {
    const bytes = await pdfkit((doc) => {
      doc.info.Title = title;
      doc.fontSize(10).text("Preprint, under review.");
      doc.fontSize(24).text("Tidal Power in Narrow Straits");
      doc.fontSize(11).text("The body of the paper starts here.");
    });
    assert.equal((await extractPdf(bytes, "f.pdf")).title, "Tidal Power in Narrow Straits", title);
  }
});

Deno.test("extractPdf() escapes text that would read as Markdown: #include is no tag, # +% no heading", async () => {
  const bytes = await pdfkit((doc) => {
    doc.fontSize(12).text("#include <stdio.h> and *stars* here.");
    doc.moveDown(2).text("# +% not a heading");
    doc.moveDown(2).text("- not a list item");
  });
  const { body } = await extractPdf(bytes, "code.pdf");
  assert.match(body, /^\\#include \\<stdio\.h> and \\\*stars\\\* here\.$/m);
  assert.match(body, /^\\# \+% not a heading$/m);
  assert.match(body, /^\\- not a list item$/m);
});

Deno.test("extractPdf() refuses a PDF that needs a password", async () => {
  for (const pdfVersion of ["1.4", "1.7ext3"]) { // RC4 128-bit and AES-256
    const bytes = await pdfkit((doc) => doc.text("Secret"), { userPassword: "pw", pdfVersion });
    await assertInputError(extractPdf(bytes, "locked.pdf"), /^encrypted PDF: it needs a password/);
  }
});

Deno.test("extractPdf() refuses a PDF encrypted with a security handler pdf.js lacks", async () => {
  const id = "<0123456789abcdef0123456789abcdef>";
  const bytes = craftPdf(
    [...pageObjects(placedText([72, 700, "Hi"])), "<< /Filter /Adobe.PubSec /V 4 /R 4 >>"],
    `/Encrypt 6 0 R /ID [${id} ${id}] `,
  );
  await assertInputError(extractPdf(bytes, "pubsec.pdf"), /^encrypted PDF: .*not supported/);
});

Deno.test("extractPdf() reads a PDF with only an owner password, which restricts nothing here", async () => {
  const bytes = await pdfkit((doc) => doc.text("Readable text"), {
    ownerPassword: "owner",
    permissions: { copying: false },
  });
  assert.equal((await extractPdf(bytes, "f.pdf")).body, "## Page 1\n\nReadable text");
});

Deno.test("extractPdf() refuses truncated, empty and random bytes as not a readable PDF", async () => {
  const whole = await threePages();
  const random = new Uint8Array(64 * 1024);
  let seed = 3;
  for (let i = 0; i < random.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    random[i] = seed >>> 24;
  }
  random.set(new TextEncoder().encode("%PDF-1.7\n"));
  const inputs = [
    whole.subarray(0, Math.floor(whole.length / 2)),
    whole.subarray(0, 20),
    random,
    new Uint8Array(),
    new TextEncoder().encode("just some text, not a PDF"),
  ];
  for (const bytes of inputs) {
    await assertInputError(extractPdf(bytes, "bad.pdf"), /^not a readable PDF: .+; the file may/);
  }
});

Deno.test("extractPdf() refuses a PDF without pages", async () => {
  const bytes = craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [] /Count 0 >>",
  ]);
  await assertInputError(extractPdf(bytes, "none.pdf"), /^not a readable PDF: it has no pages$/);
});

Deno.test("extractPdf() refuses a page tree that loops back on itself", async () => {
  const bytes = craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
    "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>",
  ]);
  await assertInputError(
    extractPdf(bytes, "loop.pdf"),
    /^not a readable PDF: page 1: Pages tree contains circular reference$/,
  );
});

Deno.test("extractPdf() keeps the readable pages when one page's subtree loops", async () => {
  const [catalog, , page, font, content] = pageObjects(placedText([72, 700, "Fine"]));
  const bytes = craftPdf([
    catalog,
    "<< /Type /Pages /Kids [3 0 R 6 0 R 3 0 R] /Count 3 >>",
    page,
    font,
    content,
    "<< /Type /Pages /Parent 2 0 R /Kids [6 0 R] /Count 1 >>",
  ]);
  const result = await extractPdf(bytes, "partly.pdf");
  assert.equal(
    result.body,
    "## Page 1\n\nFine\n\n## Page 2\n\n" +
      "*This page could not be read: Pages tree contains circular reference*\n\n## Page 3\n\nFine",
  );
  assert.deepEqual(result.properties, { pages: 3 });
});

Deno.test("extractPdf() survives other reference loops: xref /Prev, /Length, a self-drawing form", async () => {
  const text = placedText([72, 700, "Still here"]);
  const good = craftPdf(pageObjects(text));
  const xref = /startxref\n(\d+)/.exec(new TextDecoder().decode(good))![1];
  const prevLoop = craftPdf(pageObjects(text), `/Prev ${xref} `);

  const lengthLoop = pageObjects(text);
  lengthLoop[4] = `<< /Length 5 0 R >>\nstream\n${text}\nendstream`;

  const [catalog, pages] = pageObjects(text);
  const formLoop = [
    catalog,
    pages,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 6 0 R /Contents 5 0 R >>",
    HELVETICA,
    stream(`${text} /X1 Do`),
    "<< /Font << /F1 4 0 R >> /XObject << /X1 7 0 R >> >>",
    stream("/X1 Do", "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 6 0 R "),
  ];
  for (const bytes of [prevLoop, craftPdf(lengthLoop), craftPdf(formLoop)]) {
    assert.equal((await extractPdf(bytes, "f.pdf")).body, "## Page 1\n\nStill here");
  }
});

Deno.test("extractPdf() refuses a content stream that inflates past the limit, before pdf.js", async () => {
  // 300 MB of spaces deflate to about 300 KB.
  const bomb = deflateSync(Buffer.alloc(300 * 1024 * 1024, 0x20));
  const objects = pageObjects("");
  objects[4] = `<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n` +
    `${bomb.toString("latin1")}\nendstream`;
  await assertInputError(
    extractPdf(craftPdf(objects), "bomb.pdf"),
    /^not a readable PDF: a compressed stream in it inflates past 256 MB \(a decompression bomb\?\)$/,
  );
});

Deno.test("extractPdf() refuses more pages than the limit before reading any", async () => {
  const count = MAX_PAGES + 1;
  const kids = Array.from({ length: count }, (_, i) => `${i + 5} 0 R`).join(" ");
  const page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
    "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>";
  const bytes = craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    HELVETICA,
    stream(placedText([72, 700, "Page"])),
    ...Array(count).fill(page),
  ]);
  await assertInputError(
    extractPdf(bytes, "long.pdf"),
    /^too many pages: 2001, the limit is 2000$/,
  );
});

Deno.test("extractPdf() adds the subtitle a title page prints under a series' title", async () => {
  const titlePage = (subtitle: string, size: number) =>
    pdfkit((doc) => {
      doc.info.Title = "GNU Linear Programming Kit";
      doc.fontSize(24).text("GNU Linear Programming Kit");
      doc.fontSize(size).text(subtitle);
      doc.fontSize(12).text("for GLPK Version 5.0");
    });
  const title = async (subtitle: string, size: number) =>
    (await extractPdf(await titlePage(subtitle, size), "f.pdf")).title;
  assert.equal(
    await title("Graph and Network Routines", 18),
    "GNU Linear Programming Kit: Graph and Network Routines",
  );
  assert.equal(await title("Reference Manual", 18), "GNU Linear Programming Kit: Reference Manual");
  // Authors, and a line in the page's smallest type, are no subtitle.
  assert.equal(await title("Stephen C. North", 18), "GNU Linear Programming Kit");
  assert.equal(await title("Reference Manual", 12), "GNU Linear Programming Kit");
  // A manual page's first section label.
  assert.equal(await title("Name", 18), "GNU Linear Programming Kit");
  // A periodical's issue and date.
  assert.equal(
    await title("Issue 35, June 2022", 18),
    "GNU Linear Programming Kit, Issue 35, June 2022",
  );
});

Deno.test("extractPdf() titles a manual page by its NAME line", async () => {
  // groff writes "−" (U+2212); pdfkit's standard fonts have no such glyph, so a hyphen.
  const bytes = await pdfkit((doc) => {
    doc.font("Times-Bold").fontSize(10).text(
      "LAMPWICK(1)    General Commands Manual    LAMPWICK(1)",
    );
    doc.moveDown();
    doc.text("NAME");
    doc.font("Times-Roman").text("lampwick - trim the wicks of harbour lamps");
    doc.moveDown();
    doc.font("Times-Bold").text("SYNOPSIS");
    doc.font("Times-Roman").text("lampwick [ −d ] lamp [ file ... ]");
    doc.moveDown();
    doc.font("Times-Bold").text("DESCRIPTION");
    doc.font("Times-Roman").text(PARAGRAPH);
  });
  assert.equal(
    (await extractPdf(bytes, "lampwick.1.pdf")).title,
    "lampwick - trim the wicks of harbour lamps",
  );
});

Deno.test("extractPdf() heads a manual page's sections and drops its running head", async () => {
  const bytes = await pdfkit((doc) => {
    const at = (x: number, font: string, text: string) => {
      doc.x = x;
      doc.font(font).fontSize(10).text(text);
    };
    at(72, "Times-Roman", "LAMPWICK(1)    General Commands Manual    LAMPWICK(1)");
    doc.moveDown();
    at(72, "Times-Bold", "NAME");
    at(
      108,
      "Times-Roman",
      "lampoil - fill harbour lamps lampwick - trim the wicks of harbour lamps",
    );
    doc.moveDown();
    at(72, "Times-Bold", "DESCRIPTION");
    at(108, "Times-Roman", "lampwick trims the wicks of the lamps a harbour board names.");
    doc.moveDown();
    at(72, "Times-Bold", "SEE ALSO");
    at(108, "Times-Roman", "lampoil(1), harbour(5)");
  });
  const { title, body } = await extractPdf(bytes, "lampwick.1.pdf");
  // A page for two programs is titled by the file's own.
  assert.equal(title, "lampwick - trim the wicks of harbour lamps");
  assert.ok(!body.includes("LAMPWICK(1)"), body);
  assert.match(body, /## DESCRIPTION\n\nlampwick trims the wicks/u);
  assert.match(body, /## SEE ALSO\n\nlampoil\(1\)/u);
});

Deno.test("extractPdf() reads code set letter by letter as words, not mathematics", async () => {
  const bytes = await pdfkit((doc) => {
    // Each word an item of its own, as the listings package sets it: the spaces between in
    // another font.
    doc.fontSize(10);
    for (const item of ["// Use", "N", "l o c a l", "v a r i a b l e s", "p q g", "N G"]) {
      doc.font("Courier").text(item, { continued: true });
      doc.font("Times-Roman").text(" ", { continued: true });
    }
    doc.font("Courier").text(".");
  });
  const { body } = await extractPdf(bytes, "listing.pdf");
  assert.match(body, /Use N local variables p q g N G/u);
});
