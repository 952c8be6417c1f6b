import assert from "node:assert/strict";
import { resolveLinks } from "./source_links.ts";

const targets = new Map([
  ["docs/pruning.html", { path: "Sources/Pruning.md", anchors: { winter: "Winter: the basics" } }],
]);
const find = (source: string) => targets.get(source);

Deno.test("resolveLinks() writes links to notes of the batch as wikilinks, with the heading", () => {
  const body = "Read [pruning \\[guide\\]](gleaner-link:0) and [it](gleaner-link:1).";
  const links = [
    { path: "docs/pruning.html", fragment: "winter" },
    { path: "docs/pruning.html" },
  ];
  assert.equal(
    resolveLinks({ body, links }, "docs/intro.html", find),
    "Read [[Sources/Pruning#Winter the basics|pruning guide]] and [[Sources/Pruning|it]].",
  );
});

Deno.test("resolveLinks() turns in-page anchors into heading links and unknown targets into text", () => {
  const body = "[soil](gleaner-link:0) [top](gleaner-link:1) [gone](gleaner-link:2) " +
    "[cell](gleaner-link:3) [odd](gleaner-link:9)";
  const links = [
    { path: "me.html", fragment: "soil" },
    { path: "me.html", fragment: "top" },
    { path: "missing.html" },
    { path: "docs/pruning.html", inTable: true },
  ];
  assert.equal(
    resolveLinks({ body, links, anchors: { soil: "Soil", top: "" } }, "me.html", find),
    "[[#Soil|soil]] top gone [[Sources/Pruning\\|cell]] [odd](gleaner-link:9)",
  );
});

Deno.test("resolveLinks() leaves a body without links as it is", () => {
  assert.equal(
    resolveLinks({ body: "[x](gleaner-link:0)" }, "a.html", find),
    "[x](gleaner-link:0)",
  );
});

Deno.test("resolveLinks() finds no heading for an anchor named like an object's built-in key", () => {
  const body = "[a](gleaner-link:0) [b](gleaner-link:1) [c](gleaner-link:2)";
  const links = [
    { path: "me.html", fragment: "constructor" },
    { path: "me.html", fragment: "__proto__" },
    { path: "docs/pruning.html", fragment: "toString" },
  ];
  assert.equal(
    resolveLinks({ body, links, anchors: { soil: "Soil" } }, "me.html", find),
    "a b [[Sources/Pruning|c]]",
  );
});
