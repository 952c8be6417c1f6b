import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { extractDocx } from "./docx.ts";
import { InputError } from "../common/errors.ts";

/** A real .docx made by the `docx` package, in memory. */
async function makeDocx(children: Paragraph[], title?: string): Promise<Uint8Array> {
  const document = new Document({
    ...(title === undefined ? {} : { title }),
    numbering: {
      config: [{
        reference: "numbers",
        levels: [{ level: 0, format: "decimal", text: "%1.", alignment: "left" }],
      }],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function sampleBody(): Paragraph[] {
  return [
    new Paragraph({ text: "Project report", heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun({ text: "Bold words", bold: true }),
        new TextRun(" and "),
        new TextRun({ text: "italic words", italics: true }),
        new TextRun(" in one paragraph."),
      ],
    }),
    new Paragraph({ text: "Findings", heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: "First bullet", bullet: { level: 0 } }),
    new Paragraph({ text: "Nested bullet", bullet: { level: 1 } }),
    new Paragraph({ text: "Second bullet", bullet: { level: 0 } }),
    new Paragraph({ text: "Details", heading: HeadingLevel.HEADING_3 }),
    new Paragraph({ text: "Step one", numbering: { reference: "numbers", level: 0 } }),
    new Paragraph({ text: "Step two", numbering: { reference: "numbers", level: 0 } }),
  ];
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

const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

/** Where the ZIP central directory entry for `name` starts. */
function directoryEntry(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = latin1(name);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const found = zip.subarray(at + 46, at + 46 + length);
    if (length === wanted.length && found.every((b, i) => b === wanted[i])) return at;
  }
  throw new Error(`no directory entry for ${name}`);
}

/** A copy of a ZIP whose directory declares another inflated size for one file. */
function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(directoryEntry(copy, name) + 24, size, true);
  return copy;
}

/** A copy of a ZIP with every occurrence of a file name replaced by one of the same length. */
function withRenamedFile(zip: Uint8Array, from: string, to: string): Uint8Array {
  const copy = zip.slice();
  const [a, b] = [latin1(from), latin1(to)];
  for (let at = 0; at + a.length <= copy.length; at++) {
    if (a.every((byte, i) => copy[at + i] === byte)) copy.set(b, at);
  }
  return copy;
}

/**
 * A minimal ZIP writer for files a real .docx generator will not make. CRCs are left at zero:
 * neither gleaner nor mammoth checks them.
 */
function zip(files: { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = latin1(file.name);
    const compressed = new Uint8Array(deflateRawSync(file.data));
    const size = file.declaredSize ?? file.data.length;
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, 8, true);
    l.setUint32(18, compressed.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const e = new DataView(entry.buffer);
    e.setUint32(0, 0x02014b50, true);
    e.setUint16(4, 20, true);
    e.setUint16(6, 20, true);
    e.setUint16(10, 8, true);
    e.setUint32(20, compressed.length, true);
    e.setUint32(24, size, true);
    e.setUint16(28, name.length, true);
    e.setUint32(42, offset, true);
    entry.set(name, 46);
    chunks.push(local, compressed);
    directory.push(entry);
    offset += local.length + compressed.length;
  }
  const directorySize = directory.reduce((sum, entry) => sum + entry.length, 0);
  const end = new Uint8Array(22);
  const d = new DataView(end.buffer);
  d.setUint32(0, 0x06054b50, true);
  d.setUint16(8, files.length, true);
  d.setUint16(10, files.length, true);
  d.setUint32(12, directorySize, true);
  d.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...directory, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

Deno.test("extractDocx() turns headings, bullets, numbered lists, bold and italic into Markdown", async () => {
  const result = await extractDocx(await makeDocx(sampleBody(), "Quarterly review"), "r.docx");
  assert.deepEqual(result, {
    title: "Quarterly review",
    type: "docx",
    body: "# Project report\n\n" +
      "**Bold words** and _italic words_ in one paragraph.\n\n" +
      "## Findings\n\n" +
      "- First bullet\n  - Nested bullet\n- Second bullet\n\n" +
      "### Details\n\n" +
      "1. Step one\n2. Step two",
    wordCount: 22,
  });
});

Deno.test("extractDocx() takes the first Heading 1 as the title when the properties have none", async () => {
  const result = await extractDocx(await makeDocx(sampleBody()), "report.docx");
  assert.equal(result.title, "Project report");
  assert.ok(result.body.startsWith("**Bold words**"), "the title is repeated in the body");
});

Deno.test("extractDocx() passes over a placeholder the template left as the properties' title", async () => {
  const result = await extractDocx(await makeDocx(sampleBody(), "Untitled document"), "r.docx");
  assert.equal(result.title, "Project report");
});

Deno.test("extractDocx() does not repeat a properties title that opens the document", async () => {
  const result = await extractDocx(await makeDocx(sampleBody(), "Project  report"), "r.docx");
  assert.equal(result.title, "Project report");
  assert.ok(result.body.startsWith("**Bold words**"));
});

Deno.test("extractDocx() takes a paragraph styled Title as the title", async () => {
  const children = [
    new Paragraph({ text: "Minutes of the meeting", heading: HeadingLevel.TITLE }),
    new Paragraph({ text: "Attendees", heading: HeadingLevel.HEADING_1 }),
    new Paragraph("Everyone came."),
  ];
  const result = await extractDocx(await makeDocx(children), "minutes.docx");
  assert.equal(result.title, "Minutes of the meeting");
  assert.equal(result.body, "# Attendees\n\nEveryone came.");
});

Deno.test("extractDocx() falls back to its folder and file name when there is no title", async () => {
  const children = [new Paragraph("Only a plain paragraph.")];
  const result = await extractDocx(await makeDocx(children), "dir/Letter to Ann.docx");
  assert.equal(result.title, "Dir – Letter to Ann");
  assert.equal(result.body, "Only a plain paragraph.");
});

Deno.test("extractDocx() rejects a document without text", async () => {
  const empty = await makeDocx([new Paragraph("")]);
  await assertInputError(extractDocx(empty, "e.docx"), /^no readable text in this Word document$/);
});

Deno.test("extractDocx() rejects random bytes and truncated files as unreadable", async () => {
  const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  const valid = await makeDocx(sampleBody());
  for (const bytes of [random, valid.subarray(0, valid.length - 30), new Uint8Array(0)]) {
    await assertInputError(
      extractDocx(bytes, "bad.docx"),
      /^not a readable Word document: no ZIP directory found: /,
    );
  }
  // The directory survives but the data it points at is gone.
  const cut = valid.slice();
  cut.fill(0, 0, Math.floor(cut.length / 2));
  await assertInputError(extractDocx(cut, "cut.docx"), /^not a readable Word document: .+/);
});

Deno.test("extractDocx() names an old .doc file as such", async () => {
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await assertInputError(
    extractDocx(ole, "old.docx"),
    /^not a readable Word document: this is an old Word 97-2003 \(\.doc\) file/,
  );
});

Deno.test("extractDocx() rejects a ZIP without a main document part", async () => {
  const renamed = withRenamedFile(
    await makeDocx(sampleBody()),
    "word/document.xml",
    "word/documenX.xml",
  );
  await assertInputError(
    extractDocx(renamed, "x.docx"),
    /^not a readable Word document: it has no main document part \(word\/document\.xml\)$/,
  );
  const plain = zip([{ name: "notes.txt", data: new TextEncoder().encode("hello") }]);
  await assertInputError(extractDocx(plain, "notes.docx"), /^not a readable Word document: /);
});

Deno.test("extractDocx() refuses a part whose declared size is a decompression bomb", async () => {
  const bomb = withDeclaredSize(await makeDocx(sampleBody()), "word/document.xml", 3_000_000_000);
  await assertInputError(
    extractDocx(bomb, "bomb.docx"),
    /^not a readable Word document: word\/document\.xml would inflate to 2861 MB, more than the 64 MB/,
  );
});

Deno.test("extractDocx() stops inflating a part that lies about its size", async () => {
  // 128 MB of zeros deflate to about 128 KB; the directory claims 1,000 bytes.
  const zeros = new Uint8Array(128 * 1024 * 1024);
  const bomb = zip([{ name: "word/document.xml", data: zeros, declaredSize: 1000 }]);
  await assertInputError(
    extractDocx(bomb, "liar.docx"),
    /^not a readable Word document: word\/document\.xml inflates past the 1000 bytes its ZIP entry declares/,
  );
  const smaller = withDeclaredSize(await makeDocx(sampleBody()), "word/document.xml", 100);
  await assertInputError(extractDocx(smaller, "s.docx"), /inflates past the 100 bytes/);
});

Deno.test("extractDocx() names an undefined entity instead of quoting the XML parser", async () => {
  // A billion-laughs bomb: DOCTYPE entities are never expanded, so the first one is undefined.
  const levels = Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
  );
  const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">${levels.join("")}]>` +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>";
  const bomb = zip([{ name: "word/document.xml", data: new TextEncoder().encode(xml) }]);
  await assertInputError(
    extractDocx(bomb, "laughs.docx"),
    /^not a readable Word document: its XML uses the entity &l9;, which no Word document defines$/,
  );
});

Deno.test("extractDocx() gives the same result every time", async () => {
  const bytes = await makeDocx(sampleBody(), "Same");
  assert.deepEqual(await extractDocx(bytes, "a.docx"), await extractDocx(bytes, "a.docx"));
});

Deno.test("extractDocx() keeps tables as GFM tables, footnotes as [^n], strikethrough, sub and sup", async () => {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph("Caught on the morning tide.")] } },
    sections: [{
      children: [
        new Paragraph({
          text: "Show notes: season three planning",
          heading: HeadingLevel.HEADING_1,
        }),
        new Paragraph({
          children: [
            new TextRun({ text: "Today's Special: Salmon", strike: true }),
            new TextRun(" Sold out"),
            new FootnoteReferenceRun(1),
          ],
        }),
        new Paragraph({
          children: [
            new TextRun("Serves 10"),
            new TextRun({ text: "2", superScript: true }),
            new TextRun(" with CO"),
            new TextRun({ text: "2", subScript: true }),
          ],
        }),
        new Table({
          rows: [
            new TableRow({ children: [cell("Dish"), cell("Price")] }),
            new TableRow({ children: [cell("Cod | chips"), cell("12")] }),
          ],
        }),
      ],
    }],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  const result = await extractDocx(bytes, "episode.docx");
  assert.equal(result.title, "Show notes: season three planning");
  assert.match(result.body, /^~~Today's Special: Salmon~~ Sold out\[\^1\]$/m);
  assert.match(result.body, /^\| Dish \| Price \|\n\| --- \| --- \|\n\| Cod \\\| chips \| 12 \|$/m);
  assert.match(result.body, /^\[\^1\]: Caught on the morning tide\.$/m);
  assert.match(result.body, /^Serves 10<sup>2<\/sup> with CO<sub>2<\/sub>$/m);
  assert.doesNotMatch(result.body, /footnote-|\]\(#/);
});
