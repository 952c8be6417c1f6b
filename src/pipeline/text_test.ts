import assert from "node:assert/strict";
import { decodeText } from "./decode.ts";
import { extractText } from "./text.ts";
import { InputError } from "../common/errors.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: "le" | "be"): Uint8Array {
  const bytes = new Uint8Array(2 + s.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, endian === "le");
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), endian === "le");
  return bytes;
}

function assertInputError(fn: () => unknown, message: RegExp) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError: got ${error}`);
    assert.equal(error.name, "InputError");
    assert.match(error.message, message);
    assert.ok(!error.message.endsWith("."), "message ends with a period");
    return true;
  });
}

Deno.test("decodeText() decodes UTF-8", () => {
  assert.equal(decodeText(utf8("héllo wörld 😀 日本")), "héllo wörld 😀 日本");
});

Deno.test("decodeText() strips a UTF-8 BOM", () => {
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("hi")])), "hi");
});

Deno.test("decodeText() strips a second BOM left after the first", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8("hi")]);
  assert.equal(decodeText(bytes), "hi");
});

Deno.test("decodeText() decodes UTF-16LE and UTF-16BE with a BOM", () => {
  const text = "Grüße 😀\r\nline";
  assert.equal(decodeText(utf16(text, "le")), "Grüße 😀\nline");
  assert.equal(decodeText(utf16(text, "be")), "Grüße 😀\nline");
});

Deno.test("decodeText() rejects UTF-16 with an odd number of bytes", () => {
  const bytes = utf16("abc", "le");
  assertInputError(
    () => decodeText(bytes.subarray(0, bytes.length - 1)),
    /^not valid UTF-16LE text: /,
  );
});

Deno.test("decodeText() rejects UTF-16 that holds a NUL character", () => {
  assertInputError(
    () => decodeText(utf16("ab\0c", "be")),
    /^binary content, not text: .* offset 6$/,
  );
});

Deno.test("decodeText() decodes UTF-32 in both byte orders, with or without a mark", () => {
  const le = new Uint8Array([0x41, 0, 0, 0, 0xac, 0x20, 0, 0, 0x0a, 0, 0, 0, 0x42, 0, 0, 0]);
  const be = le.slice();
  for (let i = 0; i < be.length; i += 4) be.subarray(i, i + 4).reverse();
  assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0, 0, ...le])), "A€\nB");
  assert.equal(decodeText(new Uint8Array([0, 0, 0xfe, 0xff, ...be])), "A€\nB");
  assert.equal(decodeText(be), "A€\nB");
  assertInputError(
    () => decodeText(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0])),
    /^not valid UTF-32BE text: its length is not a multiple of 4 bytes$/,
  );
});

Deno.test("decodeText() reads legacy 8-bit text by the encoding chardet finds", () => {
  const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café\n" in ISO-8859-1
  assert.equal(decodeText(latin1), "café\n");
  // Curly quotes exist only in windows-1252, not in ISO-8859-1.
  const quotes = new Uint8Array([
    0x93,
    0x71,
    0x75,
    0x6f,
    0x74,
    0x65,
    0x64,
    0x94,
    0x20,
    0x6e,
    0x61,
    0xef,
    0x76,
    0x65,
  ]);
  assert.equal(decodeText(quotes), "\u201Cquoted\u201D naïve");
});

Deno.test("decodeText() keeps UTF-8 with a little damage as UTF-8", () => {
  const broken = new Uint8Array([...utf8("é".repeat(50)), 0xff, ...utf8("tail")]);
  assert.equal(decodeText(broken), `${"é".repeat(50)}\uFFFDtail`);
});

Deno.test("decodeText() calls content with a NUL byte binary and gives its offset", () => {
  assertInputError(
    () => decodeText(new Uint8Array([0x61, 0x62, 0x00, 0x63])),
    /^binary content, not text: found a NUL byte at offset 2$/,
  );
  // Binary that is also invalid UTF-8 gets the binary message.
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
  assertInputError(() => decodeText(png), /^binary content, not text: /);
});

Deno.test("decodeText() reads UTF-16 without a byte order mark instead of calling it binary", () => {
  const text = "Notes saved by an old Windows tool.\r\n";
  for (const endian of ["le", "be"] as const) {
    const withoutBom = utf16(text, endian).subarray(2);
    assert.equal(decodeText(withoutBom), "Notes saved by an old Windows tool.\n");
  }
  // Binary with a few NULs is still binary.
  assertInputError(
    () => decodeText(new Uint8Array([0x41, 0x00, 0x42, 0x43, 0x44, 0x45, 0x00, 0x46, 0x47, 0x48])),
    /^binary content, not text: found a NUL byte at offset 1$/,
  );
});

Deno.test("decodeText() turns CRLF and lone CR into LF", () => {
  assert.equal(decodeText(utf8("a\r\nb\rc\n\r\nd")), "a\nb\nc\n\nd");
});

Deno.test("extractText() takes the title of a Markdown file from its frontmatter", () => {
  const text = "---\ntitle: From   frontmatter\ntags: [x]\n---\n# Heading\n\nBody text.\n";
  const result = extractText(utf8(text), "file.md");
  assert.deepEqual(result, {
    title: "From frontmatter",
    type: "markdown",
    body: "# Heading\n\nBody text.",
    wordCount: 3,
    tags: ["x"],
  });
});

Deno.test("extractText() takes the title from the first H1 and drops it from the body", () => {
  const text =
    "Intro line\n\n# **Hello** [world](https://example.com) `code` #\n\nBody.\n\n# Second\n";
  const result = extractText(utf8(text), "notes.markdown");
  assert.equal(result.title, "Hello world code");
  assert.equal(result.type, "markdown");
  assert.equal(result.body, "Intro line\n\nBody.\n\n# Second");
});

Deno.test("extractText() keeps the blocks around a removed heading apart", () => {
  const text = "Intro line\n# Title\nNext paragraph\n";
  assert.equal(extractText(utf8(text), "x.md").body, "Intro line\n\nNext paragraph");
});

Deno.test("extractText() ignores a heading inside a fenced code block", () => {
  const text =
    "```sh\n# not a title\n```\n~~~~\n# nor this\n~~~\n# still code\n~~~~\n\n# Real title\n";
  assert.equal(extractText(utf8(text), "x.md").title, "Real title");
  const unclosed = "```\n# inside an unclosed fence\n";
  assert.equal(extractText(utf8(unclosed), "Stem name.md").title, "Stem name");
});

Deno.test("extractText() does not take H2 headings, tags or indented code as the title", () => {
  const text = "## Second level\n#tag\n    # indented code\n#no-space\n";
  assert.equal(extractText(utf8(text), "My file.MD").title, "My file");
});

Deno.test("extractText() falls back to its folder and file name when there is no title", () => {
  assert.equal(
    extractText(utf8("plain words"), "dir/sub/Report 2024.md").title,
    "Sub – Report 2024",
  );
  assert.equal(extractText(utf8("plain words"), "Report 2024.md").title, "Report 2024");
  assert.equal(extractText(utf8("plain words"), "C:\\docs\\Letter.txt").title, "Docs – Letter");
});

Deno.test("extractText() falls back to the stem when the heading holds only markup", () => {
  const result = extractText(utf8("# ![](logo.png) <br>\n\nText"), "Fallback.md");
  assert.equal(result.title, "Fallback");
  assert.equal(result.body, "# ![](logo.png) <br>\n\nText");
});

Deno.test("extractText() ignores a frontmatter title that is not text", () => {
  const text = "---\ntitle: [a, b]\n---\n# Heading title\n";
  assert.equal(extractText(utf8(text), "x.md").title, "Heading title");
  assert.equal(extractText(utf8("---\ntitle: 2024\n---\nx"), "x.md").title, "2024");
});

Deno.test("extractText() keeps the text of a file with invalid frontmatter", () => {
  const text = "---\ntitle: a: b\n---\nBody\n";
  const result = extractText(utf8(text), "Broken.md");
  assert.equal(result.title, "Broken");
  assert.equal(result.body, text.trimEnd());
});

Deno.test("extractText() strips common inline Markdown from a heading title", () => {
  const cases: [string, string][] = [
    ["# *a* _b_ __c__ ***d*** ~~e~~", "a b c d e"],
    ["# snake_case_name", "snake_case_name"],
    ["# [[Target|Alias]] and [[Other]]", "Alias and Other"],
    // An image in a title is decoration: a logo, a build badge.
    ["# ![logo](x.png) Name", "Name"],
    ["# pkgtool [![test](https://ci.example/badge.svg)](https://ci.example/test.yml)", "pkgtool"],
    ["# <em>Tagged</em> title", "Tagged title"],
    ["# 2 \\* 3 \\*not emphasis\\*", "2 * 3 *not emphasis*"],
    ["# C#", "C#"],
    ["# Closing ###", "Closing"],
  ];
  for (const [line, title] of cases) assert.equal(extractText(utf8(line), "s.md").title, title);
});

Deno.test("extractText() takes a setext heading of level 1 for the title", () => {
  const result = extractText(
    utf8("Lampwick, a wick trimmer\n========================\n\nThis is Lampwick.\n"),
    "README.md",
  );
  assert.equal(result.title, "Lampwick, a wick trimmer");
  assert.equal(result.body, "This is Lampwick.");
  // Under "---" a line is a heading of level 2, and inside code no heading at all.
  assert.equal(extractText(utf8("Part\n----\n\nText.\n"), "p2.md").title, "P2");
  assert.equal(extractText(utf8("```\nx\n===\n```\n"), "code.md").title, "Code");
  // Nor does a NEWS file's first entry, a release.
  const news = extractText(utf8("lampwick 2.11.2 (8 January 2023)\n====\n\nFixes.\n"), "NEWS.md");
  assert.equal(news.title, "NEWS");
  // A heading that labels the first section names no document.
  const labelled = extractText(utf8("Background\n==========\n\nText.\n"), "lampwick.md");
  assert.equal(labelled.title, "Lampwick");
  assert.equal(labelled.body, "Background\n==========\n\nText.");
});

Deno.test("extractText() treats every other extension as plain text", () => {
  const result = extractText(utf8("# Not a heading here\nsecond line\n\n"), "Notes.txt");
  assert.deepEqual(result, {
    title: "Notes",
    type: "text",
    body: "# Not a heading here\nsecond line",
    wordCount: 6,
  });
});

Deno.test("extractText() takes a plain text's underlined first line as its title", () => {
  const text =
    "\nHistory of the Harbour Lamps\n============================\n\nThe first lamp burnt oil.\n";
  const result = extractText(utf8(text), "history.txt");
  assert.equal(result.title, "History of the Harbour Lamps");
  assert.equal(result.body, "The first lamp burnt oil.");
  // A section's label, a line underlined short, or a second line are no title.
  assert.equal(extractText(utf8("Introduction\n============\n\nText."), "a.txt").title, "A");
  assert.equal(extractText(utf8("Lamps of the harbour\n===\n\nText."), "b.txt").title, "B");
  assert.equal(extractText(utf8("Lamps\nof the harbour\n---\nText."), "c.txt").title, "C");
});

Deno.test("extractText() takes a plain text's title centred on its page", () => {
  const posted = [
    "Archive-Name: lamps-faq/harbour",
    "Last-modified: 10 March 2003",
    "",
    "                            THE LAMP FAQ",
    "",
    "                  Frequently Asked Questions about",
    "                      lamps, the harbour lights",
    "",
    "CONTENTS",
    "",
    "1. Who lights the lamps?",
  ].join("\n");
  const result = extractText(utf8(posted), "lampfaq.txt");
  // The title in small letters rather than the one in capitals; the header fields stay.
  assert.equal(result.title, "Frequently Asked Questions about lamps, the harbour lights");
  assert.ok(result.body.startsWith("Archive-Name: lamps-faq/harbour"), result.body);
  assert.ok(!result.body.includes("THE LAMP FAQ"), result.body);
  // Centred with tabs on a page of 72 columns.
  const tabbed = extractText(utf8("\t\tFrequently Asked Questions about wicks\n\nText."), "w.txt");
  assert.equal(tabbed.title, "Frequently Asked Questions about wicks");
  assert.equal(tabbed.body, "Text.");
  // An indented paragraph, a mode line, an address: no title.
  for (const text of ["        Lamps burn colza oil.\nText.", "\t\t\t\t-*- text -*-\nText."]) {
    assert.equal(extractText(utf8(text), "x.txt").title, "X");
  }
  const home = "                  Current home: https://example.org/lamps/\n\nText.";
  assert.equal(extractText(utf8(home), "y.txt").title, "Y");
  // Past a line of the version and date, and under a byline.
  const manual = [
    "*lamp_03.txt*\tFor Lamp version 9.0.  Last change: 2022 Oct 30",
    "",
    "\t\t     LAMP USER MANUAL - by Ada Wickham",
    "",
    "\t\t\t     Trimming wicks",
    "",
    "Before you light the lamp the wick has to be trimmed.",
  ].join("\n");
  assert.equal(extractText(utf8(manual), "lamp_03.txt").title, "Trimming wicks");
  // A byline alone is no title.
  const reference = manual.replace("\t\t\t     Trimming wicks", "Trimming wicks\t\t*trim*");
  assert.equal(extractText(utf8(reference), "lamp_03.txt").title, "Lamp 03");
});

Deno.test("extractText() names a file without a usable stem Untitled", () => {
  assert.equal(extractText(utf8("words"), ".txt").title, ".txt");
  assert.equal(extractText(utf8("words"), "").title, "Untitled");
  assert.equal(extractText(utf8("words"), "dir/   .md").title, "Dir");
});

Deno.test("extractText() rejects an empty or whitespace-only file", () => {
  for (const text of ["", "   \n\t\r\n", "\uFEFF"]) {
    assertInputError(
      () => extractText(utf8(text), "empty.md"),
      /^empty file: nothing to make a note from$/,
    );
  }
});

Deno.test("extractText() counts words in Latin, CJK and mixed text", () => {
  const count = (s: string) => extractText(utf8(s), "w.txt").wordCount;
  assert.equal(count("Hello, world! It's 3.14 — fine."), 5);
  assert.equal(count("日本語のテキストです"), 4);
  assert.equal(count("I ❤️ 🍕 pizza"), 2);
  assert.equal(count("one\ntwo\n\nthree"), 3);
});

Deno.test("extractText() gives the same result every time", () => {
  const bytes = utf8("---\ntitle: T\n---\n\nSome 日本語 text.\n");
  assert.deepEqual(extractText(bytes, "a.md"), extractText(bytes, "a.md"));
});

// No clock: quadratic handling of this heading would take hours, which no run can miss.
Deno.test("extractText() copes in linear time with a huge hostile heading", () => {
  const line = "# " + "*_`[".repeat(250_000) + " . ".repeat(100_000);
  const result = extractText(utf8(line), "h.md");
  assert.ok(result.title.length <= 1000);
});

Deno.test("extractText() keeps a Markdown file's own frontmatter: tags, aliases and the rest", () => {
  const text = "---\ntitle: Sample page\ntags: [sample, 'project/alpha beta', '#todo', 2024]\n" +
    "aliases: [Specimen]\nstatus: draft\npublished: false\nrating: 4\nauthors: [Ann, Bo]\n" +
    "nested: {a: 1}\nsource: not yours\n---\n\nBody text.\n";
  const result = extractText(utf8(text), "page.md");
  assert.equal(result.title, "Sample page");
  assert.deepEqual(result.tags, ["sample", "project/alpha-beta", "todo"]);
  assert.deepEqual(result.properties, {
    aliases: ["Specimen"],
    status: "draft",
    published: false,
    rating: 4,
    authors: ["Ann", "Bo"],
  });
});

Deno.test("extractText() moves a plain text's indented prose to the margin, not its columns", () => {
  const text = [
    "Authors of Lampwick",
    "",
    "    Lampwick is written and kept by Ilse Brandvold. The harbour",
    "    lamps were drawn by Tomasz Wielkopolski.",
    "",
    "    Wicks are cut by Ada Marsh",
    "    <ada@example.org>.",
    "",
    "    Other keepers:",
    "      - Jonas Brandvold",
    "      - Eli Marsh",
    "",
    "    arm64        Tomasz Wielkopolski",
    "    mips         Ilse Brandvold",
    "",
    "    while (lit) {",
    "        trim();",
    "    }",
  ].join("\n");
  // Only the prose moves: the columns and the code keep their indent.
  assert.equal(
    extractText(utf8(text), "AUTHORS.txt").body,
    text.replace(/^ {4}(?=Lampwick is|lamps were|Wicks are|<ada|Other keepers| {2}- )/gmu, ""),
  );
  // Markdown is the author's: its indented block is code.
  assert.match(extractText(utf8(text), "AUTHORS.md").body, /\n {4}Lampwick is written/u);
});

Deno.test("extractText() moves a paragraph's indented first line to the margin", () => {
  const text = [
    "Lampwick",
    "",
    "    The lampwick package is a set of small scripts that trim",
    "the harbour lamps of any port, such as Bergen.",
    "",
    "    trim-wick   Trim a wick",
    "light-lamp  Light a lamp",
    "",
    "\t-G Ninja",
    "to the lampctl invocation, and then use ninja instead of make.",
  ].join("\n");
  // A typewriter's paragraph, not code; a table's first row and a command keep their place.
  assert.equal(
    extractText(utf8(text), "README.txt").body,
    text.replace("    The lampwick", "The lampwick"),
  );
});

Deno.test("extractText() gives a plain text's listing and closing rule blocks of their own", () => {
  const text = [
    "Reserved wicks:",
    "    wick  | lamp",
    "    ------+------",
    "    64000 | harbour",
    "",
    "The harbour lamps are trimmed at dusk by the keeper, who",
    "lights them again at dawn.",
    "-----------------------------",
  ].join("\n");
  // A blank line before the listing and before the rule.
  assert.equal(
    extractText(utf8(text), "README").body,
    text.replace("wicks:\n", "wicks:\n\n").replace("dawn.\n", "dawn.\n\n"),
  );
  // A heading's underline stays one.
  assert.equal(
    extractText(utf8("The lamps.\n\nLampwick\n========\n\nText."), "README").body,
    "The lamps.\n\nLampwick\n========\n\nText.",
  );
});

Deno.test("extractText() reads a plain text's line of tildes as a rule, not a code fence", () => {
  const text = "Lamps FAQ\nRelease 1.2\n~~~~~~~~~~~\n\nHow are wicks trimmed?\nWith scissors.\n";
  const { body } = extractText(utf8(text), "FAQ");
  assert.doesNotMatch(body, /~~~/u);
  assert.match(body, /\n\nHow are wicks trimmed\?\nWith scissors\.$/u);
  // Markdown's own fences stay.
  assert.match(extractText(utf8("# Lamps\n\n~~~\ntrim()\n~~~\n"), "a.md").body, /~~~\ntrim/u);
});

Deno.test("extractText() reads a plain text's typewriter quotes as quotation marks, not code", () => {
  const text = "The file `MORE.STUFF' lists add-ons for `lamp'.\nSay ``trim it'' to the keeper.\n";
  const { body } = extractText(utf8(text), "README");
  assert.equal(
    body,
    "The file ‘MORE.STUFF’ lists add-ons for ‘lamp’.\nSay “trim it” to the keeper.",
  );
  // Markdown's code stays code; a backquote alone stays as written.
  const md = "Run `trim' and `wick` now.";
  assert.equal(extractText(utf8(md), "a.md").body, md);
  assert.match(extractText(utf8("Run `date` to see.\n"), "README").body, /`date`/u);
  const code = "Run `date` and it's done.";
  assert.equal(extractText(utf8(code), "README").body, code);
});

Deno.test("extractText() shows a Markdown file's MyST admonitions as callouts, a plain text's as written", () => {
  const source = "# Lamps\n\nTrim the wicks.\n\n```{warning}\nThe oil burns.\n```\n";
  assert.equal(
    extractText(utf8(source), "lamps.md").body,
    "Trim the wicks.\n\n> [!warning]\n> The oil burns.",
  );
  assert.match(extractText(utf8(source), "lamps.txt").body, /```\{warning\}/);
});

Deno.test("extractText() reads a typesetter's overstruck README as the page it prints", () => {
  const bold = (s: string) => [...s].map((c) => c === " " ? c : `${c}\b${c}`).join("");
  const paragraph = "A harbour lamp burns whale oil and is trimmed at dusk by the keeper. ";
  const text = [
    bold("Harbour Lamp Howto"),
    "",
    bold("Overview"),
    "",
    paragraph.repeat(20),
    "",
    bold("Trimming the wick"),
    "",
    `The ${bold("wick")} is cut square. `.repeat(20),
    "",
  ].join("\n");
  const out = extractText(utf8(text), "LAMP_README.txt");
  assert.equal(out.title, "Harbour Lamp Howto");
  assert.match(out.body, /^## Overview\n\nA harbour lamp/u);
  assert.match(out.body, /\n## Trimming the wick\n\nThe wick is cut square\./u);
  assert.ok(!out.body.includes("\b"));
});

Deno.test("extractText() keeps each centred line of a title page a line of its own", () => {
  const text = "\t\t\tThe Harbour Lamp Manifesto\n\n\t\t\tWritten by  Ian A. Trimmer\n" +
    "\t\t\t     Revised 01/06/94\n\n" +
    "A harbour lamp burns whale oil and is trimmed at dusk by the keeper.\n";
  const out = extractText(utf8(text), "manifesto.txt");
  assert.equal(out.title, "The Harbour Lamp Manifesto");
  assert.match(out.body, /^Written by {1,2}Ian A\. Trimmer\n\nRevised 01\/06\/94\n\nA harbour/u);
});

Deno.test("extractText() shows a plain text's angle brackets and backslashes, not the markup Markdown reads", () => {
  const text = "Trim the wick before pressing <Up>; mail Ana <ana@example.org> or see " +
    '<https://example.org/lamps>. Escape a quote by a "\\" (backslash), as in C:\\lamps.\n\n' +
    '    if (wick <b) { trim(<Up>); printf("lit\\n"); }\n';
  assert.equal(
    extractText(utf8(text), "lamp.txt").body,
    "Trim the wick before pressing \\<Up>; mail Ana <ana@example.org> or see " +
      '<https://example.org/lamps>. Escape a quote by a "\\\\" (backslash), as in C:\\lamps.\n\n' +
      '    if (wick <b) { trim(<Up>); printf("lit\\n"); }',
  );
});

Deno.test("extractText() joins a word its formatter hyphenated at a line's end", () => {
  const text = "The keeper marks the lamps as fin-\n       ished, or trims them again. Use the " +
    "command-\nline tool: a well-\nknown way.";
  assert.equal(
    extractText(utf8(text), "lamp.txt").body,
    "The keeper marks the lamps as finished, or trims them again. Use the command-\nline " +
      "tool: a well-\nknown way.",
  );
});

Deno.test("extractText() reads a long run of letters, which no hyphen breaks", () => {
  // Looked for hyphens from every letter of it, the run took time growing with its square.
  const run = "w".repeat(300_000);
  assert.equal(extractText(utf8(`${run}\n${run}-\nwick`), "run.txt").wordCount, 3);
});
