import assert from "node:assert/strict";
import { marked } from "marked";
import { inlineText } from "./inline_text.ts";

const text = (markdown: string, images?: boolean) =>
  inlineText(marked.Lexer.lexInline(markdown), markdown, { images });

Deno.test("inlineText() reads inline Markdown as it renders", () => {
  assert.equal(
    text("*Lamp* `wick` [oil](https://x.example) &amp; <b>tar</b>"),
    "Lamp wick oil & tar",
  );
});

Deno.test("inlineText() shows an image's alt text, unless told not to", () => {
  assert.equal(text("See ![the lamp diagram](lamp.png)."), "See the lamp diagram.");
  assert.equal(text("See ![the lamp diagram](lamp.png).", false), "See .");
});

Deno.test("inlineText() reads a badge, a link made only of an image, as no words", () => {
  assert.equal(
    text("Lampwick [![Build Status](https://ci.example/badge.svg)](https://ci.example) trims."),
    "Lampwick  trims.",
  );
});

Deno.test("inlineText() reads a MyST role as what it shows", () => {
  assert.equal(
    text("Use {ref}`pip freeze` or {ref}`--no-deps <install_--no-deps>` with {pypi}`keyring`."),
    "Use pip freeze or --no-deps with keyring.",
  );
  assert.equal(text("See {py:func}`~json.dumps` and {term}`!wheel`."), "See dumps and wheel.");
  // Braces that open no role stay.
  assert.equal(text("A set {1, 2} and `code`."), "A set {1, 2} and code.");
});
