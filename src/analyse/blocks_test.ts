import assert from "node:assert/strict";
import { readBody } from "./blocks.ts";

const texts = (markdown: string) => readBody(markdown).blocks.map((b) => b.text);

Deno.test("readBody() finds nothing in an empty body", () => {
  assert.deepEqual(readBody(""), {
    blocks: [],
    headings: [],
    levels: [],
    code: [],
    identifiers: [],
  });
  assert.deepEqual(readBody(" \n\n\t\n"), {
    blocks: [],
    headings: [],
    levels: [],
    code: [],
    identifiers: [],
  });
});

Deno.test("readBody() reads paragraphs and list items in order", () => {
  assert.deepEqual(texts("First one.\n\n- item one\n- item two\n\n1. numbered\n\nLast one."), [
    "First one.",
    "item one",
    "item two",
    "numbered",
    "Last one.",
  ]);
});

Deno.test("readBody() reads a plain text's outline headings as headings", () => {
  const body = readBody(
    "* Changes in release 1.12\n\n** Bug fixes\n\n  zgrep no longer fails.\n\n**bold** words start this.",
  );
  assert.deepEqual(body.headings, ["Changes in release 1.12", "Bug fixes"]);
  assert.deepEqual(body.blocks.map((b) => [b.text, b.section]), [
    ["zgrep no longer fails.", 2],
    ["bold words start this.", 2],
  ]);
});

Deno.test("readBody() reads no footnote's mark or label as words", () => {
  assert.deepEqual(
    texts("It creates a module object [^1], initializing it.\n\n[^1]: The code is compiled."),
    ["It creates a module object, initializing it.", "The code is compiled."],
  );
  // A note that is only an address is a link's definition to marked, and the mark its link.
  assert.deepEqual(texts("It is _almost_[^1] equal to it [^1].\n\n[^1]: https://lamps.test/w"), [
    "It is almost equal to it.",
  ]);
});

Deno.test("readBody() reads emphasis, links and escapes as the words they show", () => {
  assert.deepEqual(
    texts("Hello *big* __world__, see [the docs](https://x.test) and \\*stars\\*."),
    ["Hello big world, see the docs and *stars*."],
  );
});

Deno.test("readBody() leaves out the tags of inline HTML, keeping the words between them", () => {
  assert.deepEqual(texts("Press <kbd>Ctrl</kbd> to copy."), ["Press Ctrl to copy."]);
});

Deno.test("readBody() joins the lines of a paragraph with single spaces", () => {
  assert.deepEqual(texts("one\ntwo \nthree  four\r\nfive"), ["one two three four five"]);
});

Deno.test("readBody() keeps the words on either side of a hard line break apart", () => {
  // Hard breaks are how HTML's <br> comes out of the converter: "Ada Lovelace<br>London". A
  // short line above a capital is a line of its own (an address's, a definition list's term).
  assert.deepEqual(texts("Ada Lovelace  \nLondon"), ["Ada Lovelace", "London"]);
  assert.deepEqual(texts("Ada Lovelace\\\nLondon"), ["Ada Lovelace", "London"]);
  assert.deepEqual(
    texts("Lexicographically equal  \nTreats the pattern as a plain string."),
    ["Lexicographically equal", "Treats the pattern as a plain string."],
  );
  // A sentence broken mid-way runs on, a space between its words.
  assert.deepEqual(texts("Ada Lovelace wrote  \nthe first program."), [
    "Ada Lovelace wrote the first program.",
  ]);
});

Deno.test("readBody() leaves out code, HTML, link definitions and rules", () => {
  const body = [
    "```ts",
    "const hidden = 1;",
    "```",
    "",
    "    indented code",
    "",
    "<div>html block</div>",
    "",
    "<!-- a comment -->",
    "",
    "[ref]: https://x.test",
    "",
    "***",
    "",
    "Kept.",
  ].join("\n");
  assert.deepEqual(texts(body), ["Kept."]);
});

Deno.test("readBody() leaves out a block with no text to show", () => {
  assert.deepEqual(texts("![](picture.png)\n\n**  **\n\nKept."), ["Kept."]);
});

Deno.test("readBody() collects headings and numbers the sections the blocks sit in", () => {
  const body = readBody("Intro.\n\n# One\n\nA.\n\n## Two *parts*\n\n## Three\n\nB.\n\n- C.");
  assert.deepEqual(body.headings, ["One", "Two parts", "Three"]);
  assert.deepEqual(body.blocks.map((b) => [b.text, b.section]), [
    ["Intro.", 0],
    ["A.", 1],
    ["B.", 3],
    ["C.", 3],
  ]);
});

Deno.test("readBody() reads a setext heading as a heading", () => {
  assert.deepEqual(readBody("Title\n=====\n\nText."), {
    headings: ["Title"],
    levels: [1],
    blocks: [{ text: "Text.", section: 1, anchorAt: 18 }],
    code: [],
    identifiers: [],
  });
});

Deno.test("readBody() keeps the code spans of paragraphs, list items and tables", () => {
  const body = "Match `Isaac (?=Asimov)` here.\n\n- *see `re.sub`*\n\n| a |\n| - |\n| `x = 1` |";
  assert.deepEqual(readBody(body).code, ["Isaac (?=Asimov)", "re.sub", "x = 1"]);
  // A paragraph of 150,000 of them: spread into one call, they overflowed the stack.
  assert.equal(readBody("`a` ".repeat(150_000)).code.length, 150_000);
});

Deno.test("readBody() leaves out a short paragraph said three times or more, numbers apart", () => {
  const entry = (name: string, since: string) =>
    `\`lamp.${name}()\`\n\n_Part of the Stable Lamp ABI${since}._\n\nTrims the ${name} wick.\n\n`;
  const body = entry("left", " since 3.2") + entry("right", " since 3.11") +
    entry("top", " since 4") +
    "Keepers trim wicks.\n\nKeepers trim wicks at dusk, each one of them, on every quay.";
  const { blocks } = readBody(body);
  assert.ok(!blocks.some((b) => /Stable Lamp ABI/u.test(b.text)));
  assert.equal(blocks.filter((b) => b.text === "Trims the left wick.").length, 1);
  // The entry opens with the paragraph after the stamp.
  assert.equal(blocks.find((b) => b.text === "Trims the left wick.")?.entry, "opens");
  // Twice is no stamp.
  assert.ok(blocks.some((b) => b.text === "Keepers trim wicks."));
  // Nor need a stamp be the same each time: its label says what it is.
  const labelled = (name: string, kind: string) =>
    `\`lamp.${name}()\`\n\n_Wick length: ${kind} trim._\n\nTrims the ${name} wick.\n\n`;
  const labels = readBody(
    labelled("left", "Short") + labelled("right", "Long") + labelled("top", "Short") +
      "Smith: Short trim.\n\nSmith: Long trim.\n\nSmith: Short trim, as ever.",
  ).blocks;
  assert.ok(!labels.some((b) => /Wick length/u.test(b.text)));
  // A speaker's name is no label.
  assert.equal(labels.filter((b) => b.text.startsWith("Smith:")).length, 3);
});

Deno.test("readBody() gathers the names in camel case its code spans and blocks give", () => {
  const body =
    "Call `trimWick()` on `LampObject` pInMemory.\n\n```c\nint loadOrSave(Lamp *pInMemory);\n```\n";
  assert.deepEqual(readBody(body).identifiers.sort(), [
    "LampObject",
    "loadOrSave",
    "pInMemory",
    "trimWick",
  ]);
});

Deno.test("readBody() reads the text inside block quotes and nested lists", () => {
  assert.deepEqual(texts("> quoted\n> text\n\n- outer\n  - inner\n    > deep"), [
    "quoted text",
    "outer",
    "inner",
    "deep",
  ]);
});

Deno.test("readBody() reads a [hh:mm:ss] stamp as the block's start time", () => {
  assert.deepEqual(readBody("[01:02:03] Hello there.").blocks, [
    { text: "Hello there.", section: 0, startMs: 3_723_000, anchorAt: 23 },
  ]);
  assert.equal(readBody("[123456:00:00] Long.").blocks[0].startMs, 123456 * 3_600_000);
});

Deno.test("readBody() reads a stamp only at the start of a block", () => {
  assert.deepEqual(readBody("At [00:00:05] we met.").blocks, [
    { text: "At [00:00:05] we met.", section: 0, anchorAt: 21 },
  ]);
});

Deno.test("readBody() keeps a malformed stamp as text", () => {
  for (const body of ["[00:60:00] x", "[00:00:60] x", "[1234567:00:00] x", "[0:0:0] x"]) {
    assert.deepEqual(readBody(body).blocks, [{ text: body, section: 0, anchorAt: body.length }]);
  }
});

Deno.test("readBody() reads a speaker label after the stamp, bold or plain", () => {
  const body = readBody(
    [
      "[00:01:05] **Ana:** Bold label.",
      "[00:01:10] Ana Maria Lopez: Plain label.",
      "[00:01:15] **Dr. Ng**: Bold name, plain colon.",
      "[00:01:20] O'Brien-Smith: Apostrophe and hyphen.",
    ].join("\n\n"),
  );
  assert.deepEqual(body.blocks.map((b) => [b.startMs, b.speaker, b.text]), [
    [65_000, "Ana", "Bold label."],
    [70_000, "Ana Maria Lopez", "Plain label."],
    [75_000, "Dr. Ng", "Bold name, plain colon."],
    [80_000, "O'Brien-Smith", "Apostrophe and hyphen."],
  ]);
});

Deno.test("readBody() reads no speaker where the words before a colon are no name", () => {
  for (const text of ["maria: hi there", "The plan is simple: wait", "Ana:no space"]) {
    const [block] = readBody(`[00:00:01] ${text}`).blocks;
    assert.equal(block.speaker, undefined, text);
    assert.equal(block.text, text);
  }
});

Deno.test("readBody() reads no speaker in a block without a stamp", () => {
  assert.deepEqual(readBody("Ana: hello.").blocks, [
    { text: "Ana: hello.", section: 0, anchorAt: 11 },
  ]);
});

Deno.test("readBody() skips a stamp with nothing after it", () => {
  assert.deepEqual(texts("[00:00:05]\n\n[00:00:06]   \n\nKept."), ["Kept."]);
});

Deno.test("readBody() splits consecutive stamped lines into one turn each", () => {
  const body = readBody(
    "[00:00:01] Ana Lopez: One.\n[00:00:02] Bob: Two,\nstill two.\n[00:00:03] Three.",
  );
  assert.deepEqual(body.blocks, [
    { text: "One.", section: 0, startMs: 1000, speaker: "Ana Lopez" },
    { text: "Two, still two.", section: 0, startMs: 2000, speaker: "Bob" },
    { text: "Three.", section: 0, startMs: 3000 },
  ]);
});

Deno.test("readBody() keeps the lines before the first stamp as a turn of their own", () => {
  assert.deepEqual(readBody("Preface line\n[00:00:01] One.\n[00:00:02] Two.").blocks, [
    { text: "Preface line", section: 0 },
    { text: "One.", section: 0, startMs: 1000 },
    { text: "Two.", section: 0, startMs: 2000 },
  ]);
});

Deno.test("readBody() keeps a paragraph with one stamped line whole", () => {
  assert.deepEqual(readBody("[00:00:01] A: One,\nand more\nlines.").blocks, [
    { text: "One, and more lines.", section: 0, startMs: 1000, speaker: "A", anchorAt: 34 },
  ]);
});

Deno.test("readBody() gives each whole top-level paragraph the offset just past its end", () => {
  const markdown = "# Title\n\nFirst *one*.\n\n[00:00:05] **Ana:** Second\none.\n\nThird.\n";
  const { blocks } = readBody(markdown);
  assert.deepEqual(blocks.map((b) => b.anchorAt), [21, 54, 62]);
  for (const block of blocks) {
    const before = markdown.slice(0, block.anchorAt);
    assert.equal(before.at(-1), block.text.at(-1));
    assert.ok(["\n", undefined].includes(markdown[block.anchorAt!]));
  }
});

Deno.test("readBody() counts anchor offsets in a body with Windows line ends", () => {
  const markdown = "First.\r\n\r\nSecond one.\r\n";
  assert.deepEqual(readBody(markdown).blocks.map((b) => markdown.slice(0, b.anchorAt)), [
    "First.",
    "First.\r\n\r\nSecond one.",
  ]);
});

Deno.test("readBody() counts anchor offsets in the text as given, byte order mark included", () => {
  const markdown = "\uFEFFFirst.\n\nSecond.";
  assert.deepEqual(readBody(markdown).blocks.map((b) => markdown.slice(0, b.anchorAt)), [
    "\uFEFFFirst.",
    "\uFEFFFirst.\n\nSecond.",
  ]);
});

Deno.test("readBody() gives no anchor offset to list items, quotes or split turns", () => {
  const { blocks } = readBody(
    "- [00:00:01] **Bo:** In a list.\n\n> [00:00:02] Quoted.\n\n[00:00:03] A.\n[00:00:04] B.",
  );
  assert.equal(blocks.length, 4);
  assert.deepEqual(blocks.map((b) => b.anchorAt), [undefined, undefined, undefined, undefined]);
  assert.deepEqual(blocks.map((b) => b.startMs), [1000, 2000, 3000, 4000]);
});

Deno.test("readBody() reads deeply nested quotes without overflowing the stack", () => {
  const { blocks } = readBody(">".repeat(2000) + " deep text");
  assert.deepEqual(blocks.map((b) => b.text), ["deep text"]);
});

Deno.test("readBody() marks the text of an entry of API documentation, after its signature", () => {
  const body = readBody(
    "The lamp module keeps harbour lamps.\n\n`lamp.trim(wick[, length])`\n\nTrim the wick to " +
      "its length.\n\nA trimmed wick burns brighter.\n\n`class lamp.Lamp(oil)`\n\n- Return a " +
      "lamp.\n\n## Keepers\n\nKeepers trim lamps. `npm install lamp`\n\n`npm install lamp`\n\n" +
      "Run it once.",
  );
  assert.deepEqual(body.blocks.map((b) => [b.text, b.entry]), [
    ["The lamp module keeps harbour lamps.", undefined],
    ["lamp.trim(wick[, length])", undefined],
    ["Trim the wick to its length.", "opens"],
    ["A trimmed wick burns brighter.", "inside"],
    ["class lamp.Lamp(oil)", undefined],
    ["Return a lamp.", "opens"],
    // A heading ends the entry; a command alone on its line is no signature.
    ["Keepers trim lamps. npm install lamp", undefined],
    ["npm install lamp", undefined],
    ["Run it once.", undefined],
  ]);
});

Deno.test("readBody() marks the text of an entry that a heading names, after its parameters", () => {
  const body = readBody(
    "The lamp module keeps lamps.\n\n### `lamp.trim(wick[, length])`\n\n* `wick` {string}\n" +
      "* Returns: {number}\n\nTrims the wick to its length.\n\nA trimmed wick burns.\n\n" +
      "### Class: `lamp.Wick`\n\nA length of cotton.\n\n### Trimming (by hand)\n\nKeepers trim.\n\n" +
      "### `lamp.oil`\n\nThe oil the lamp burns.",
  );
  assert.deepEqual(body.blocks.map((b) => [b.text, b.entry]), [
    ["The lamp module keeps lamps.", undefined],
    ["wick {string}", "inside"],
    ["Returns: {number}", "inside"],
    ["Trims the wick to its length.", "opens"],
    ["A trimmed wick burns.", "inside"],
    ["A length of cotton.", "inside"],
    // A heading of words, brackets or not, names no entry.
    ["Keepers trim.", undefined],
    // An entry's paragraph that opens with its subject says what it is without the heading.
    ["The oil the lamp burns.", "inside"],
  ]);
});

Deno.test("readBody() marks the text of a manual page's option, after the option", () => {
  const body = readBody(
    "`-e`\n\n`--edit`\n\nWith this option, the lamp asks first.\n\n`<wick>…`\n\nWicks to trim.",
  );
  assert.deepEqual(body.blocks.map((b) => [b.text, b.entry]), [
    ["-e", undefined],
    ["--edit", undefined],
    ["With this option, the lamp asks first.", "opens"],
    ["<wick>…", undefined],
    ["Wicks to trim.", "opens"],
  ]);
  // Sphinx names what kind of name heads an entry, and lists an option's short and long forms.
  const sphinx = readBody(
    "`class lamp.Wick`\n\nA length of cotton.\n\n`-f, --fast`\n\nStop at the first lamp.\n\n" +
      "`@lamp.cached(wick)`\n\nKeep the wick.",
  );
  assert.deepEqual(sphinx.blocks.map((b) => [b.text, b.entry]), [
    ["class lamp.Wick", undefined],
    ["A length of cotton.", "opens"],
    ["-f, --fast", undefined],
    ["Stop at the first lamp.", "opens"],
    ["@lamp.cached(wick)", undefined],
    ["Keep the wick.", "opens"],
  ]);
});

Deno.test("readBody() reads each footnote of a run of them as a block of its own", () => {
  const body = "Lamps burn oil.[^1]\n\n[^1]: Whale oil, at first.\n[^2]: Later `paraffin`, " +
    "from the mainland.\n[^3]: Gas came last.";
  assert.deepEqual(texts(body), [
    "Lamps burn oil.",
    "Whale oil, at first.",
    "Later paraffin, from the mainland.",
    "Gas came last.",
  ]);
});

Deno.test("readBody() parts a column's gap and reads a list of short lines line by line", () => {
  assert.deepEqual(texts("Ilse Brandvold\tMain author\n\nTomasz Wielkopolski        Lamps"), [
    "Ilse Brandvold — Main author",
    "Tomasz Wielkopolski — Lamps",
  ]);
  assert.deepEqual(
    texts(
      "Lampwick is brought to you by:\n\nIlse Brandvold\nTomasz Wielkopolski\nOyelaran Adebisi",
    ),
    [
      "Lampwick is brought to you by:",
      "Ilse Brandvold",
      "Tomasz Wielkopolski",
      "Oyelaran Adebisi",
    ],
  );
  // Lines that end far short of the longest are items too.
  assert.deepEqual(
    texts(
      "Ilse Brandvold - Creator of Lampwick\n" +
        "Tomasz Wielkopolski <tomasz@harbour-lamps.example> - Initial Harbour Maintainer\n" +
        "Oyelaran Adebisi - wick support\nMa Jun - trims",
    ),
    [
      "Ilse Brandvold - Creator of Lampwick",
      "Tomasz Wielkopolski tomasz@harbour-lamps.example - Initial Harbour Maintainer",
      "Oyelaran Adebisi - wick support",
      "Ma Jun - trims",
    ],
  );
  // Wrapped prose, and two spaces after a full stop, are left as they are; but for two before
  // a word in small letters, where a sentence ends as well.
  assert.deepEqual(
    texts(
      "The harbour lamps were trimmed.  Then they\nwere lit by Ilse Brandvold.  trim and " +
        "wick\nwere run.",
    ),
    [
      "The harbour lamps were trimmed. Then they were lit by Ilse Brandvold.  trim and wick " +
      "were run.",
    ],
  );
});

Deno.test("readBody() marks a listing's lines laid out in columns", () => {
  const { blocks } = readBody(
    "The lampwick distribution contains:\n\n" +
      "AUTHORS         - the keepers of the lamps\nBUGS            - bugs in the wicks\n" +
      "TODO            - what remains to trim",
  );
  assert.deepEqual(blocks.map((b) => [b.text, b.columns ?? false]), [
    ["The lampwick distribution contains:", false],
    ["AUTHORS — - the keepers of the lamps", true],
    ["BUGS — - bugs in the wicks", true],
    ["TODO — - what remains to trim", true],
  ]);
});

Deno.test("readBody() reads a mail's header for who wrote it, about what, and its abstract", () => {
  const mail = [
    "Date: Fri, 19 Dec 2008 00:45:19 -0800",
    "From: Ilse Brandvold <ilse@lamps.example>",
    "Subject: Re: Odd wick behaviour",
    "Abstract: Sometimes a wick that was already trimmed is later found",
    " to be short. Ilse gives guidance on trimming it again.",
    "Content-type: text/plain",
    "",
    "The keeper asked how to trim a short wick.",
  ].join("\n");
  assert.deepEqual(texts(mail), [
    "From: Ilse Brandvold ilse@lamps.example",
    "Subject: Re: Odd wick behaviour",
    "Sometimes a wick that was already trimmed is later found to be short. Ilse gives guidance on trimming it again.",
    "The keeper asked how to trim a short wick.",
  ]);
  // A howto's own header: a content type and an abstract.
  assert.deepEqual(
    texts("Content-type: text/asciidoc\nAbstract: When a wick is short, we trim it\n again.\n"),
    ["When a wick is short, we trim it again."],
  );
  // Fields with no sender or subject are a list of entries, not a mail.
  assert.deepEqual(texts("Program: GNU bc\nAuthor: Philip A. Nelson\nOS: UNIX"), [
    "Program: GNU bc",
    "Author: Philip A. Nelson",
    "OS: UNIX",
  ]);
});

Deno.test("readBody() reads a callout's prose as an aside, without its type and title", () => {
  const body = readBody(
    "Trim the wicks.\n\n> [!caution] Hot oil\n> The oil burns.\n>\n> - Keep water away.\n\n" +
      "> A keeper said so.\n\nLight the lamp.",
  );
  assert.deepEqual(body.blocks.map((b) => [b.text, b.aside ?? false]), [
    ["Trim the wicks.", false],
    ["The oil burns.", true],
    ["Keep water away.", true],
    ["A keeper said so.", false],
    ["Light the lamp.", false],
  ]);
  // A "See also" callout refers elsewhere.
  const seeAlso = readBody("> [!seealso] See also\n> A keeper's paper on wicks.\n\nTrim them.");
  assert.deepEqual(seeAlso.blocks.map((b) => [b.text, b.refers ?? false]), [
    ["A keeper's paper on wicks.", true],
    ["Trim them.", false],
  ]);
  // So does what stands under a heading "See also", up to the next heading.
  const section = readBody(
    "Trim them.\n\n### See also:\n\n[Wicks](x) and [oil](y)\n\n## Oil\n\nIt burns.",
  );
  assert.deepEqual(section.blocks.map((b) => [b.text, b.refers ?? false]), [
    ["Trim them.", false],
    ["Wicks and oil", true],
    ["It burns.", false],
  ]);
});

Deno.test("readBody() marks an index's entry, a link alone or beside a short label, with its name", () => {
  const body = readBody(
    "- [Wicks](gleaner-link:0)\n- See [Oil](gleaner-link:1).\n- **[Lenses](gleaner-link:2)**\n" +
      "- --trim option - [cli.html#trim](gleaner-link:3)\n" +
      "- [Keepers](gleaner-link:4) → the keepers' rota\n" +
      "- Ilse Brandvold <ilse@lamps.example>\n\n[Lamps](x.md)",
  );
  assert.deepEqual(body.blocks.map((b) => [b.text, b.link ?? false]), [
    ["Wicks", "Wicks"],
    ["See Oil.", false],
    ["Lenses", "Lenses"],
    // Named by its label where the link shows its address, by its link's text otherwise.
    ["--trim option - cli.html#trim", "--trim option"],
    ["Keepers → the keepers' rota", "Keepers"],
    ["Ilse Brandvold ilse@lamps.example", false],
    ["Lamps", "Lamps"],
  ]);
});

Deno.test("readBody() takes a paragraph that opens with a command-line option or another term that is no word for an entry", () => {
  const { blocks } = readBody(
    "lampwick trims lamps.\n\n−o outfile If specified, each lamp is written to a file.\n\n" +
      "--dry-run Prints what would be trimmed.\n\n-rated lamps burn longer.\n\n" +
      // A prompt's escape and parameters with their flags, as the Z Shell Manual lists them.
      "%i The line number of the lamp being trimmed.\n\n0 \\<S> The name used to light the " +
      "lamp.\n\nWICKS \\<S> \\<Z> Same as #.\n\n" +
      // Not a name in small letters before prose: "impl Trait provides ways...".
      "wick Trait names what a wick is made of.\n",
  );
  assert.deepEqual(blocks.map((b) => b.entry), [
    undefined,
    "inside",
    "inside",
    undefined,
    "inside",
    "inside",
    "inside",
    undefined,
  ]);
});

Deno.test("readBody() takes a paragraph that opens with a name and its types for an entry", () => {
  const { blocks } = readBody(
    "lampwick trims lamps.\n\nisLit(l : lamp_t, s : string) : int returns non-zero if lit.\n\n" +
      "Wicks wick(l : lamp_t) : wick_t returns the wick of lamp l.\n\n" +
      "$wickname : string denotes the name of the wick.\n\n" +
      "Remarque : une lampe brûle.\n",
  );
  assert.deepEqual(blocks.map((b) => b.entry), [
    undefined,
    "inside",
    "inside",
    "inside",
    undefined,
  ]);
});

Deno.test("readBody() marks a paragraph that opens with a name in code", () => {
  const body = readBody(
    "`dbm` is a generic interface.\n\n[`shelve`](shelve.html) keeps objects.\n\nThe `os` module.",
  );
  assert.deepEqual(body.blocks.map((b) => b.opensWithCode ?? false), [true, true, false]);
});

Deno.test("readBody() marks a list's items, and nothing after the list", () => {
  const body = readBody("Ways:\n\n- To check a wick.\n- To light a lamp.\n\nKeepers trim wicks.");
  assert.deepEqual(body.blocks.map((b) => b.item ?? false), [false, true, true, false]);
});
