import assert from "node:assert/strict";
import type { NoteDraft } from "../protocol/messages.ts";
import { parseFrontmatter } from "../markdown/frontmatter.ts";
import { renderNote } from "./render_note.ts";
import { NO_ANALYSIS } from "../../tests/support/drafts.ts";

const HASH = "0123456789abcdef".repeat(4);

function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    title: "Meeting notes",
    type: "markdown",
    sourceHash: HASH,
    sourceBytes: 1234,
    wordCount: 56,
    body: "Some text.\n\nMore text.",
    analysis: NO_ANALYSIS,
    ...overrides,
  };
}

const TRICKY_TITLES = [
  "123",
  "1e5",
  "0x1F",
  "true",
  "yes",
  "null",
  "~",
  "2024-01-01",
  "a: b # c",
  "[[x]]",
  "{a: 1}",
  "- leading dash",
  "? question",
  "& anchor",
  "* alias",
  "! tag",
  "% directive",
  "@at",
  "'single' and \"double\"",
  "emoji 😀 and 👨‍👩‍👧",
  "first line\nsecond line",
  "trailing space ",
  "tab\there",
  "back\\slash",
  "x".repeat(500),
  "\u202Eoverride",
  "bell\u0007",
  "---",
  "...",
];

Deno.test("renderNote() writes frontmatter, heading and sections in a fixed layout", () => {
  const text = renderNote(draft(), { source: "folder/Meeting notes.md" });
  assert.equal(
    text,
    [
      "---",
      'title: "Meeting notes"',
      'type: "markdown"',
      'source: "folder/Meeting notes.md"',
      "tags: []",
      "people: []",
      "related: []",
      `source_hash: "${HASH}"`,
      "source_bytes: 1234",
      "words: 56",
      "---",
      "",
      "# Meeting notes",
      "",
      "## Summary",
      "",
      "_None._",
      "",
      "## Key points",
      "",
      "_None._",
      "",
      "## People",
      "",
      "_None._",
      "",
      "## Related",
      "",
      "_None._",
      "",
      "## Full text",
      "",
      "Some text.",
      "",
      "More text.",
      "",
    ].join("\n"),
  );
});

Deno.test("renderNote() shows the analysis: summary, linked key points, claims, names, related", () => {
  const text = renderNote(
    draft({
      type: "audio",
      properties: { duration: "01:02:03", engine: "pocketsphinx_continuous" },
      body: "[00:00:05] Hello there. ^t-000005",
      analysis: {
        ...NO_ANALYSIS,
        summary: ["First *point*.", "Second paragraph."],
        keyPoints: [{ text: "Said early", startMs: 5000, anchor: "t-000005" }, { text: "Plain" }],
        tags: ["engine/analytical-engine", "history"],
        people: ["Ada Lovelace"],
        organizations: ["Royal Society"],
        places: ["London"],
        claims: [{ claim: "The engine was designed", evidence: "Babbage designed it" }],
      },
    }),
    { source: "talks/episode-1.mp3", related: ["Sources/Other note.md"] },
  );
  const { data, body } = parseFrontmatter(text);
  assert.deepEqual(data, {
    title: "Meeting notes",
    aliases: ["episode-1"],
    type: "audio",
    source: "talks/episode-1.mp3",
    duration: "01:02:03",
    tags: ["engine/analytical-engine", "history"],
    people: ["Ada Lovelace"],
    organizations: ["Royal Society"],
    places: ["London"],
    related: ["[[Sources/Other note|Other note]]"],
    source_hash: HASH,
    source_bytes: 1234,
    words: 56,
    engine: "pocketsphinx_continuous",
  });
  assert.equal(
    body,
    [
      "",
      "# Meeting notes",
      "",
      "> [!warning] Rough transcript",
      "> PocketSphinx made this transcript and gets about four words in ten wrong, so the " +
      "summary, key points and names below come from a rough text. For a usable one, install " +
      "whisper.cpp's `whisper-cli`, run `gleaner models pull base.en` and run gleaner on this " +
      "folder again: it transcribes the recording anew.",
      "",
      "## Summary",
      "",
      "First \\*point\\*.",
      "",
      "Second paragraph.",
      "",
      "## Key points",
      "",
      "- [[#^t-000005|00:00:05]] Said early",
      "- Plain",
      "",
      "## Claims",
      "",
      "- The engine was designed",
      "  > Babbage designed it",
      "",
      "## People",
      "",
      "- Ada Lovelace",
      "",
      "## Organizations",
      "",
      "- Royal Society",
      "",
      "## Places",
      "",
      "- London",
      "",
      "## Related",
      "",
      "- [[Sources/Other note|Other note]]",
      "",
      "## Transcript",
      "",
      "[00:00:05] Hello there. ^t-000005",
      "",
    ].join("\n"),
  );
});

Deno.test("renderNote() gives byte-identical output for the same input", () => {
  for (const title of TRICKY_TITLES) {
    const a = renderNote(draft({ title }), { source: "a/b.txt" });
    const b = renderNote(draft({ title }), { source: "a/b.txt" });
    assert.equal(a, b);
  }
});

Deno.test("renderNote() round-trips tricky titles through parseFrontmatter as strings", () => {
  for (const title of TRICKY_TITLES) {
    const text = renderNote(draft({ title }), { source: "in/" + title + ".md" });
    const { data, body, error } = parseFrontmatter(text);
    assert.equal(error, undefined, title);
    assert.ok(data, title);
    assert.equal(data.title, title);
    assert.equal(typeof data.title, "string");
    assert.equal(data.source, "in/" + title + ".md");
    assert.equal(data.source_hash, HASH);
    assert.equal(data.source_bytes, 1234);
    assert.equal(data.words, 56);
    // An alias only when the file's name says something the title does not.
    assert.deepEqual(Object.keys(data).filter((key) => key !== "aliases"), [
      "title",
      "type",
      "source",
      "tags",
      "people",
      "related",
      "source_hash",
      "source_bytes",
      "words",
    ]);
    assert.ok(body.startsWith("\n# "), title);
  }
});

Deno.test("renderNote() writes the title heading as text, its markup characters escaped", () => {
  const text = renderNote(draft({ title: "Using Box<T> and __init__ for *args" }), {
    source: "in/a.md",
  });
  assert.match(text, /\n# Using Box\\<T> and \\_\\_init\\_\\_ for \\\*args\n/u);
  assert.equal(parseFrontmatter(text).data?.title, "Using Box<T> and __init__ for *args");
});

Deno.test("renderNote() quotes date-like and boolean-like titles for YAML 1.1 readers", () => {
  const text = renderNote(draft({ title: "2024-01-01" }), { source: "x.md" });
  assert.ok(text.includes('title: "2024-01-01"\n'));
  assert.ok(renderNote(draft({ title: "yes" }), { source: "x.md" }).includes('title: "yes"\n'));
  assert.ok(renderNote(draft({ title: "[[x]]" }), { source: "x.md" }).includes('"[[x]]"'));
});

Deno.test("renderNote() keeps a long title on one frontmatter line", () => {
  const title = "word ".repeat(60).trim();
  const text = renderNote(draft({ title }), { source: "x.md" });
  assert.ok(text.includes(`title: "${title}"\n`));
});

Deno.test("renderNote() keeps a multi-line title on one heading line", () => {
  const text = renderNote(draft({ title: "first line\nsecond line" }), { source: "x.md" });
  assert.ok(text.includes("\n# first line second line\n"));
  assert.ok(text.includes('title: "first line\\nsecond line"\n'));
});

Deno.test("renderNote() trims the body and ends with exactly one newline", () => {
  const text = renderNote(draft({ body: "\n\n  \nText here.   \n\n\n" }), { source: "x.md" });
  assert.ok(text.endsWith("## Full text\n\nText here.\n"));
});

Deno.test("renderNote() keeps the indentation of a body that starts with a code block", () => {
  const text = renderNote(draft({ body: "\n    code line\n" }), { source: "x.md" });
  assert.ok(text.endsWith("\n\n    code line\n"));
});

Deno.test("renderNote() says so when the body is empty", () => {
  const text = renderNote(draft({ body: " \n\t\n" }), { source: "x.md" });
  assert.ok(text.endsWith("## Full text\n\n_None._\n"));
});

Deno.test("renderNote() writes only LF line endings", () => {
  const text = renderNote(draft({ body: "a\r\nb\rc\n" }), { source: "x.md" });
  assert.ok(!text.includes("\r"));
  assert.ok(text.endsWith("a\nb\nc\n"));
});

Deno.test("renderNote() writes a source's own aliases before the file stem and keeps its properties", () => {
  const text = renderNote(
    draft({
      title: "Sample page",
      properties: { aliases: ["Specimen"], status: "draft", published: false, authors: ["Ann"] },
    }),
    { source: "notes/sample_v1.md" },
  );
  const { data } = parseFrontmatter(text);
  assert.deepEqual(data?.aliases, ["Specimen", "sample_v1"]);
  assert.equal(data?.status, "draft");
  assert.equal(data?.published, false);
  assert.deepEqual(data?.authors, ["Ann"]);
});

Deno.test("renderNote() opens no heading, quote or list with a summary or a key point", () => {
  const text = renderNote(
    draft({
      analysis: {
        ...NO_ANALYSIS,
        summary: ["# This file was automatically generated by the tool."],
        keyPoints: [{ text: "> A line quoted from the file." }, { text: "1. A numbered step." }],
      },
    }),
    { source: "mime.txt", related: [] },
  );
  assert.ok(text.includes("\n\\# This file was automatically generated by the tool.\n"), text);
  assert.ok(text.includes("\n- \\> A line quoted from the file.\n"), text);
  assert.ok(text.includes("\n- 1\\. A numbered step."), text);
  assert.ok(!/^#+ This file/mu.test(text), text);
});

Deno.test("renderNote() takes no file name every project uses as an alias", () => {
  for (const source of ["node/README.md", "docs/SECURITY.md", "site/index.html"]) {
    const { data } = parseFrontmatter(renderNote({ ...draft(), title: "Node.js" }, { source }));
    assert.equal(data?.aliases, undefined, source);
  }
  const { data } = parseFrontmatter(
    renderNote({ ...draft(), title: "WITH" }, { source: "lang_with.html" }),
  );
  assert.deepEqual(data?.aliases, ["lang_with"]);
});

Deno.test("renderNote() shows related notes by their titles", () => {
  const link = "[[Sources/Modules - ECMAScript modules|Modules: ECMAScript modules]]";
  const text = renderNote(draft(), {
    source: "a.md",
    related: ["Sources/Modules - ECMAScript modules.md"],
    titleOf: (path) => path.includes("Modules") ? "Modules: ECMAScript modules" : undefined,
  });
  assert.ok(text.includes(`related:\n  - "${link}"`), text);
  assert.ok(text.includes(`## Related\n\n- ${link}`), text);
});

Deno.test("renderNote() takes no file name that is the title or a word of it as an alias", () => {
  const cases: [string, string][] = [["Zlib", "zlib.md"], [
    "8. Errors and Exceptions",
    "errors.html",
  ]];
  for (const [title, source] of cases) {
    const { data } = parseFrontmatter(renderNote({ ...draft(), title }, { source }));
    assert.equal(data?.aliases, undefined, source);
  }
  const { data } = parseFrontmatter(
    renderNote({ ...draft(), title: "Isolation" }, { source: "isolation_v2.html" }),
  );
  assert.deepEqual(data?.aliases, ["isolation_v2"]);
});
