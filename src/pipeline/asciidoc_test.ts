import assert from "node:assert/strict";
import { asciidocToMarkdown } from "./asciidoc.ts";
import { isAsciiDoc } from "./text_file.ts";

Deno.test("isAsciiDoc() knows AsciiDoc by its header, its underlines or its macros", () => {
  assert.ok(isAsciiDoc("Content-type: text/asciidoc\nAbstract: Wicks.\n\nText."));
  assert.ok(isAsciiDoc("Title\n=====\n\nWicks\n~~~~~\n\nText."));
  assert.ok(isAsciiDoc("See link:howto/trim.html[the trimming howto]."));
  assert.ok(isAsciiDoc("[[[1]]] Ilse Brandvold. Lamps. 2009."));
  assert.ok(isAsciiDoc("Ask on the list; its https://lore.kernel.org/git[archive] is open."));
  assert.ok(isAsciiDoc("Lamps\n=====\n\n[[summary]]\n== Summary\n\nText."));
  // Markdown's links and a wiki's double brackets inside a line are no AsciiDoc.
  assert.ok(!isAsciiDoc("See [the archive](https://lore.kernel.org/git) and [[Lamps]] too."));
  // Markdown's and plain text's own underlines and rules say nothing.
  assert.ok(!isAsciiDoc("Title\n=====\n\nSection\n-------\n\nText.\n\n-----\n"));
  assert.ok(!isAsciiDoc("A line.\n~~~\ncode\n~~~\n"));
  // Nor one under a paragraph's second line, which AsciiDoc reads as no title.
  assert.ok(!isAsciiDoc("Lamps FAQ\nRelease 1.2 of 2022\n~~~~~~~~~~~~~~~~~~~\n\nText.\n"));
  assert.ok(isAsciiDoc("Lamps FAQ\n\nRelease 1.2 of 2022\n~~~~~~~~~~~~~~~~~~~\n\nText.\n"));
});

Deno.test("asciidocToMarkdown() writes titles as headings, listings as code, and keeps the header", () => {
  const doc = asciidocToMarkdown(
    [
      "Content-type: text/asciidoc",
      "Abstract: How the keeper trims.",
      "",
      "Trimming harbour lamps",
      "======================",
      "",
      "Wicks",
      "-----",
      "",
      "The keeper trims each wick at dusk, as link:lamps.html[the lamp howto] says.",
      "",
      "Cutting",
      "~~~~~~~",
      "",
      "------------",
      "# trim --all",
      ' gpg: Good signature from "Con Tributor"',
      "------------",
    ].join("\n"),
  );
  assert.equal(doc.title, "Trimming harbour lamps");
  assert.equal(
    doc.body,
    [
      "Content-type: text/asciidoc",
      "Abstract: How the keeper trims.",
      "",
      "## Wicks",
      "",
      // A relative link has nowhere to go in a vault: its words stay.
      "The keeper trims each wick at dusk, as the lamp howto says.",
      "",
      "### Cutting",
      "",
      "```",
      "# trim --all",
      ' gpg: Good signature from "Con Tributor"',
      "```",
    ].join("\n"),
  );
});

Deno.test("asciidocToMarkdown() reads no file and no attribute from outside the text", () => {
  const doc = asciidocToMarkdown("include::/etc/passwd[]\n\nHome is {user-home}, on {localdate}.");
  assert.doesNotMatch(doc.body, /root:/u);
  assert.doesNotMatch(doc.body, /\/root|\d{4}-\d\d-\d\d/u);
});
