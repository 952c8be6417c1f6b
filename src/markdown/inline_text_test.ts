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
