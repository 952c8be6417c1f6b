import assert from "node:assert/strict";
import { nestHeadings, unnestHeadings } from "./heading_levels.ts";

Deno.test("nestHeadings() puts a body's top headings at level 3, under the note's sections", () => {
  assert.equal(
    nestHeadings("# Guide\n\nText.\n\n## Install\n\n### On Linux"),
    "### Guide\n\nText.\n\n#### Install\n\n##### On Linux",
  );
  // A page whose sections start at h2 moves one level; one at level 3 or deeper stays.
  assert.equal(nestHeadings("## Part\n\n### Step"), "### Part\n\n#### Step");
  assert.equal(nestHeadings("### Part\n\n#### Step"), "### Part\n\n#### Step");
  assert.equal(nestHeadings("No headings.\n#hashtag"), "No headings.\n#hashtag");
});

Deno.test("nestHeadings() leaves code alone and stops at level 6", () => {
  const body = "# Top\n\n```sh\n# a comment\n```\n\n~~~\n## not a heading\n~~~\n\n##### Deep";
  assert.equal(
    nestHeadings(body),
    "### Top\n\n```sh\n# a comment\n```\n\n~~~\n## not a heading\n~~~\n\n###### Deep",
  );
  assert.equal(nestHeadings("    # indented code"), "    # indented code");
});

Deno.test("nestHeadings() writes an underlined heading with #s, one level down like the rest", () => {
  assert.equal(
    nestHeadings("Introduction\n============\n\nText.\n\nUsage\n-----\n\n- item\n---"),
    "### Introduction\n\nText.\n\n#### Usage\n\n- item\n---",
  );
  // A paragraph's second line is no heading, nor is a rule after a blank line.
  assert.equal(
    nestHeadings("One line\nand another\n---\n\n---"),
    "One line\nand another\n---\n\n---",
  );
});

Deno.test("unnestHeadings() gives back a body that nests to the same text", () => {
  for (
    const body of [
      "# A\n\n## B\n\n###### F",
      "## Part\n\n### Step",
      "Plain text.",
      "Top\n===\n\nSub\n---",
    ]
  ) {
    const nested = nestHeadings(body);
    assert.equal(nestHeadings(unnestHeadings(nested)), nested);
  }
});
