import assert from "node:assert/strict";
import { strToU8, type Zippable, zipSync } from "fflate";
import { resolveLinks } from "../vault/source_links.ts";
import { detectKind } from "./detect.ts";
import { extractEpub } from "./epub.ts";
import { InputError } from "../common/errors.ts";

// Books are made here: a ZIP of the files an EPUB 3 holds, `mimetype` first and stored.

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>`;

function opf(metadata: string, items: string, spine: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>
  <manifest>${items}</manifest>
  <spine>${spine}</spine>
</package>`;
}

function xhtml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`;
}

function book(files: Record<string, string | Uint8Array>, mimetype = "application/epub+zip") {
  const zippable: Zippable = { mimetype: [strToU8(mimetype), { level: 0 }] };
  for (const [name, data] of Object.entries(files)) {
    zippable[name] = typeof data === "string" ? strToU8(data) : data;
  }
  return zipSync(zippable, { mtime: new Date(2020, 0, 1) });
}

/** A book of three chapters, listed in the spine in another order than in the manifest. */
function threeChapters(): Uint8Array {
  return book({
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": opf(
      "<dc:title>The Bee Keeper&apos;s Year</dc:title><dc:creator>Ann Hive</dc:creator>" +
        "<dc:creator>Bo Comb</dc:creator><dc:language>en</dc:language>",
      '<item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="c1" href="text/one%20a.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="c3" href="text/three.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="css" href="style.css" media-type="text/css"/>',
      '<itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/>',
    ),
    "OEBPS/text/one a.xhtml": xhtml(
      "<h1>The Bee Keeper's Year</h1><h2>Spring</h2><p>Hives wake in " +
        '<a href="two.xhtml#swarm">swarming season</a>, see <a href="three.xhtml">Autumn</a>' +
        '<a href="#fn1" id="r1" class="footnote-ref"><sup>1</sup></a>.</p>' +
        '<section class="footnotes"><ol><li id="fn1"><p>In March.</p></li></ol></section>',
    ),
    "OEBPS/text/two.xhtml": xhtml(
      '<h2>Summer</h2><p>Long days of nectar<a href="#fn1" id="r1" class="footnote-ref">' +
        "<sup>1</sup></a>.</p>" +
        '<h3 id="swarm">Swarms</h3><p>A swarm leaves with the old queen. H<sub>2</sub>O ' +
        'matters; <a href="../style.css">the style</a> and <a href="https://example.org/">' +
        "the web</a>.</p>" +
        '<section class="footnotes"><ol><li id="fn1"><p>June to August.</p></li></ol></section>',
    ),
    "OEBPS/text/three.xhtml": xhtml("<h2>Autumn</h2><p>The hive closes for winter.</p>"),
    "OEBPS/style.css": "p { margin: 0 }",
  });
}

Deno.test("detectKind() knows an EPUB by its container, whatever its name", async () => {
  const bytes = threeChapters();
  assert.deepEqual(await detectKind(bytes, "book.epub"), { kind: "epub" });
  assert.equal((await detectKind(bytes, "book.zip")).kind, "epub");
});

Deno.test("extractEpub() reads the spine in order under the book's title and authors", () => {
  const extracted = extractEpub(threeChapters(), "shelf/bees.epub", { source: "shelf/bees.epub" });
  assert.equal(extracted.title, "The Bee Keeper's Year");
  assert.equal(extracted.type, "epub");
  assert.deepEqual(extracted.properties, { chapters: 3, authors: ["Ann Hive", "Bo Comb"] });
  const body = extracted.body;
  assert.ok(body.indexOf("## Spring") < body.indexOf("## Summer"), body);
  assert.ok(body.indexOf("## Summer") < body.indexOf("## Autumn"), body);
  // The first heading repeats the title and is left out; a subscript stays one.
  assert.doesNotMatch(body, /^# /m);
  assert.match(body, /H<sub>2<\/sub>O/);
  // Links to other files of the book that are no chapters keep their text; web links stay.
  assert.match(body, /matters; the style and \[the web\]\(https:\/\/example\.org\/\)/);
});

Deno.test("extractEpub() turns links between chapters into heading links within the note", () => {
  const extracted = extractEpub(threeChapters(), "bees.epub", { source: "shelf/bees.epub" });
  const body = resolveLinks(extracted, "shelf/bees.epub", () => undefined);
  assert.match(body, /wake in \[\[#Swarms\|swarming season\]\], see \[\[#Autumn\|Autumn\]\]/);
  assert.doesNotMatch(body, /gleaner-link|xhtml/);
});

Deno.test("extractEpub() numbers footnotes through the book", () => {
  const { body } = extractEpub(threeChapters(), "bees.epub");
  assert.match(body, /Autumn\[\^1\]\./);
  assert.match(body, /nectar\[\^2\]\./);
  assert.match(body, /^\[\^1\]: In March\.$/m);
  assert.match(body, /^\[\^2\]: June to August\.$/m);
});

/** A book of one chapter, `body`, under `metadata`. */
function oneChapter(metadata: string, body: string): Uint8Array {
  return book({
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": opf(
      metadata,
      '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>',
      '<itemref idref="a"/>',
    ),
    "OEBPS/a.xhtml": xhtml(body),
  });
}

Deno.test("extractEpub() names a book without a title after its folder and file", () => {
  const bytes = oneChapter("", "<p>Only a paragraph of text here.</p>");
  const extracted = extractEpub(bytes, "Reading/notes.epub");
  assert.equal(extracted.title, "Reading – Notes");
  assert.equal(extracted.body, "Only a paragraph of text here.");
});

Deno.test("extractEpub() takes its title page's heading over a project's slug as the title", () => {
  const bytes = oneChapter(
    "<dc:title>bee-keepers-year</dc:title>",
    "<h1>The Bee Keeper's Year</h1><p>Hives wake in spring.</p>",
  );
  const extracted = extractEpub(bytes, "bee-keepers-year.epub");
  assert.equal(extracted.title, "The Bee Keeper's Year");
  assert.equal(extracted.body, "Hives wake in spring.");
});

Deno.test("extractEpub() refuses what is not a readable book, saying why", () => {
  const cases: [Uint8Array, RegExp][] = [
    [book({}, "application/zip"), /mimetype entry says "application\/zip"/],
    [book({ "META-INF/container.xml": CONTAINER }), /OEBPS\/content\.opf is missing/],
    [
      book({
        "META-INF/container.xml": CONTAINER.replace("OEBPS/content.opf", "../../etc/passwd"),
      }),
      /leads outside the book/,
    ],
    [
      book({
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": opf(
          "<dc:title>T</dc:title>",
          '<item id="a" href="../../outside.xhtml" media-type="application/xhtml+xml"/>' +
            '<item id="b" href="/abs.xhtml" media-type="application/xhtml+xml"/>',
          '<itemref idref="a"/><itemref idref="b"/>',
        ),
      }),
      /its spine lists no XHTML chapters/,
    ],
    [
      book({
        "META-INF/container.xml": CONTAINER,
        // Before linkedom parses it: it took 16 s over 1 MB of nested elements.
        "OEBPS/content.opf": opf("<x>".repeat(1000) + "</x>".repeat(1000), "", ""),
      }),
      /OEBPS\/content\.opf nests its elements more than 64 deep/,
    ],
    [new TextEncoder().encode("not a zip at all"), /no ZIP directory found/],
  ];
  for (const [bytes, reason] of cases) {
    assert.throws(
      () => extractEpub(bytes, "x.epub"),
      (error: Error) =>
        error instanceof InputError && /^not a readable EPUB book: /.test(error.message) &&
        reason.test(error.message),
    );
  }
});

Deno.test("extractEpub() refuses a chapter that declares a bomb's size before inflating it", () => {
  const bytes = book({
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": opf(
      "<dc:title>T</dc:title>",
      '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>',
      '<itemref idref="a"/>',
    ),
    // 80 MB of one letter, deflated to about 80 KB.
    "OEBPS/a.xhtml": new Uint8Array(80 * 1024 * 1024).fill(0x61),
  });
  assert.throws(
    () => extractEpub(bytes, "bomb.epub"),
    /not a readable EPUB book: OEBPS\/a\.xhtml would inflate to 80 MB, more than the 64 MB/,
  );
});

Deno.test("extractEpub() stops inflating a chapter that inflates past its declared size", () => {
  const bytes = book({
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": opf(
      "<dc:title>T</dc:title>",
      '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>',
      '<itemref idref="a"/>',
    ),
    "OEBPS/a.xhtml": new Uint8Array(8 * 1024 * 1024).fill(0x20),
  });
  // The central directory entry of the chapter says 2 KB.
  const name = new TextEncoder().encode("OEBPS/a.xhtml");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entry = -1;
  for (let at = 0; at + 46 + name.length <= bytes.length && entry < 0; at++) {
    if (
      view.getUint32(at, true) === 0x02014b50 &&
      name.every((b, i) => bytes[at + 46 + i] === b)
    ) entry = at;
  }
  view.setUint32(entry + 24, 2048, true);
  assert.throws(
    () => extractEpub(bytes, "lying.epub"),
    /not a readable EPUB book: OEBPS\/a\.xhtml inflates past the 2048 bytes its ZIP entry declares/,
  );
});

Deno.test("extractEpub() refuses a book none of whose chapters can be read, saying why", () => {
  const bytes = book({
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": opf(
      "<dc:title>T</dc:title>",
      '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>',
      '<itemref idref="a"/><itemref idref="b"/>',
    ),
    "OEBPS/a.xhtml": new Uint8Array([0x3c, 0x70, 0x3e, 0, 0, 0, 0x41]),
    "OEBPS/b.xhtml": xhtml('<p><img src="cover.png" alt=""/></p>'),
  });
  assert.throws(
    () => extractEpub(bytes, "broken.epub"),
    /^InputError: no readable text in this EPUB book: OEBPS\/a\.xhtml: binary content, not HTML/,
  );
});

Deno.test("extractEpub() keeps the other chapters when one is missing", () => {
  const bytes = book({
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": opf(
      "<dc:title>T</dc:title>",
      '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>',
      '<itemref idref="a"/><itemref idref="b"/>',
    ),
    "OEBPS/b.xhtml": xhtml("<p>The second chapter is here.</p>"),
  });
  const { body } = extractEpub(bytes, "gap.epub");
  assert.equal(
    body,
    "*A chapter is missing from the book: OEBPS/a.xhtml*\n\nThe second chapter is here.",
  );
});
