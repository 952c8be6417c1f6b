import assert from "node:assert/strict";
import {
  numberedHeadings,
  type OutlineEntry,
  placeOutline,
  type PlacingPage,
  withoutContents,
} from "./pdf_sections.ts";

const page = (number: number, lines: [top: number, text: string][]): PlacingPage => ({
  number,
  paragraphs: lines.map(([, text]) => text),
  tops: lines.map(([top]) => top),
});

const entry = (title: string, depth: number, page: number, top?: number): OutlineEntry => ({
  title,
  depth,
  page,
  top,
});

Deno.test("placeOutline() finds each entry's title at or below where it points, numbering aside", () => {
  const pages = [
    page(1, [[700, "Chapter 2"], [680, "Moorings"], [600, "Boats are tied up here."]]),
    page(2, [
      [700, "Boats wait. Moorings are cheap."], // not a heading: the entry points lower
      [500, "2.1. Swing moorings"],
      [480, "A swing mooring lets the boat turn."],
    ]),
  ];
  const placed = placeOutline(pages, [
    entry("Moorings", 0, 1, 710),
    entry("2.1 Swing moorings", 1, 2, 510),
  ]);
  assert.deepEqual(placed?.get(1), [
    { index: 1, depth: 0, words: 1, title: "Moorings", label: 0 },
  ]);
  assert.deepEqual(placed?.get(2), [
    { index: 1, depth: 1, words: 3, title: "2.1 Swing moorings", label: undefined },
  ]);
});

Deno.test("placeOutline() takes the page's number before a bare title, and a heading run into its text", () => {
  const pages = [page(1, [[700, "3.4 Knots and bends The bowline makes a fixed loop."]])];
  const placed = placeOutline(pages, [entry("Knots and bends", 1, 1), entry("Bowline", 2, 1)]);
  // One of two entries found is too few to trust; with a second page it is enough.
  assert.equal(placed, undefined);
  const more = [...pages, page(2, [[700, "Hitches"], [650, "A hitch ties to a post."]])];
  const found = placeOutline(more, [entry("Knots and bends", 1, 1), entry("Hitches", 1, 2)]);
  assert.deepEqual(found?.get(1), [
    { index: 0, depth: 1, words: 4, title: "3.4 Knots and bends", label: undefined },
  ]);
});

Deno.test("placeOutline() finds a title whose ligature the page lost", () => {
  const pages = [
    page(1, [[700, "2.1 Minimum cost ow problem"], [650, "Water ows downhill."]]),
    page(2, [[700, "2.2 Maximum ow problem"], [650, "More water."]]),
  ];
  const placed = placeOutline(pages, [
    entry("Minimum cost flow problem", 1, 1),
    entry("Maximum flow problem", 1, 2),
  ]);
  assert.deepEqual(placed?.get(1)?.map((p) => p.title), ["2.1 Minimum cost flow problem"]);
});

Deno.test("placeOutline() gives up on an outline that mostly points at nothing on the page", () => {
  const pages = [page(1, [[700, "Tides"], [650, "Water rises."]])];
  const entries = [
    entry("Tides", 0, 1),
    entry("Currents", 0, 1),
    entry("Charts", 0, 2),
    entry("Lights", 0, 3),
  ];
  assert.equal(placeOutline(pages, entries), undefined);
});

Deno.test("withoutContents() drops a printed table of contents and its caption, nothing else", () => {
  const before = {
    number: 3,
    paragraphs: [
      "Contents",
      "1 Moorings . . . . . . . . 1 1.1 Swing moorings . . . . . . 2",
      "2 Knots ............ 7",
      "Reading goes on. . . . and on.",
    ],
    sizes: [14, 10, 10, 10],
    tops: [700, 680, 660, 640],
  };
  assert.deepEqual(withoutContents(before), {
    number: 3,
    paragraphs: ["Reading goes on. . . . and on."],
    sizes: [10],
    tops: [640],
  });
  // One leader in a sentence that ends in a word, even a word ending like a roman numeral.
  const prose = {
    ...before,
    paragraphs: ["Contents", "Nothing here is a list . . . . 12 bars of the harbour music"],
  };
  assert.equal(withoutContents(prose), prose);
});

const sized = (number: number, lines: [size: number, text: string][]) => ({
  number,
  paragraphs: lines.map(([, text]) => text),
  sizes: lines.map(([size]) => size),
  tops: lines.map(() => 0),
});

const BODY = "A paragraph of body text, long enough to set the size most of the text is in. "
  .repeat(3);

Deno.test("numberedHeadings() finds numbered sections in sequence, set larger or numbered deeper", () => {
  const placed = numberedHeadings([
    sized(1, [[10, BODY], [12, "1 Tides"], [10, BODY], [10, "2. Buy a chart first"]]),
    sized(2, [
      [12, "2 Charts and Lights"],
      [10, "2.1 Reading a chart"], // a subsection in bold at the body's size
      [10, BODY],
      [12, "7 Things to Pack"], // out of sequence: a list item in large type
      [12, "3 Knots"],
      [12, "References"],
    ]),
  ]);
  assert.deepEqual(placed?.get(1), [{ index: 1, depth: 0, words: 2, title: "1 Tides" }]);
  assert.deepEqual(placed?.get(2)?.map((p) => [p.title, p.depth]), [
    ["2 Charts and Lights", 0],
    ["2.1 Reading a chart", 1],
    ["3 Knots", 0],
    ["References", 0],
  ]);
});

Deno.test("numberedHeadings() finds nothing in a text of numbered list items", () => {
  const items = ["1. Open the valve", "2. Wait for the hiss", "3. Close it again"];
  assert.equal(
    numberedHeadings([sized(1, [[10, BODY], ...items.map((i) => [10, i] as [number, string])])]),
    undefined,
  );
});
