import assert from "node:assert/strict";
import { dropRunningLines, type PageLine } from "./pdf_running_lines.ts";

/** A page of lines from top to bottom (y falls as a page is read). */
const page = (...texts: string[]): PageLine[] =>
  texts.map((text, i) => ({ text, y: 800 - 20 * i }));

const body = (n: number) => [
  `The lamps of quay ${n} were lit at dusk by the harbour watch.`,
  `Each lamp burned oil from the stores, which were counted weekly.`,
  `The count for week ${n} showed that the stores would last the winter.`,
];

Deno.test("dropRunningLines() drops a running head and the page numbers, and keeps the text", () => {
  const pages = [1, 2, 3, 4, 5].map((n) =>
    page("Harbour Lamps Manual", ...body(n), `Page ${n} of 5`)
  );
  const kept = dropRunningLines(pages);
  kept.forEach((lines, i) => assert.deepEqual(lines.map((l) => l.text), body(i + 1)));
});

Deno.test("dropRunningLines() finds heads by position, whatever order they were drawn in", () => {
  const pages = [1, 2, 3, 4].map((n) => {
    const lines = page("Harbour Lamps Manual", ...body(n), `${n}`);
    return [...lines.slice(1), lines[0]]; // the head drawn last
  });
  for (const [i, lines] of dropRunningLines(pages).entries()) {
    assert.deepEqual(lines.map((l) => l.text), body(i + 1));
  }
});

Deno.test("dropRunningLines() leaves short documents and lines away from the edges alone", () => {
  const three = [1, 2, 3].map((n) => page("Harbour Lamps Manual", ...body(n)));
  assert.deepEqual(dropRunningLines(three), three);
  // The same sentence in the middle of every page is the text's, not the layout's.
  const middle = [1, 2, 3, 4].map((n) =>
    page(`Quay ${n}`, `Notes for quay ${n} follow.`, "Check the wicks.", ...body(n))
  );
  for (const lines of dropRunningLines(middle)) {
    assert.ok(lines.some((l) => l.text === "Check the wicks."));
  }
});

Deno.test("dropRunningLines() takes a head numbered in roman numerals for the same head", () => {
  const numbers = ["iii", "iv", "xviii", "1 / 3", "2 / 3", "3 / 3"];
  const pages = numbers.map((n, i) => page(`Harbour Lamps Manual ${n}`, ...body(i)));
  for (const [i, lines] of dropRunningLines(pages).entries()) {
    assert.deepEqual(lines.map((l) => l.text), body(i));
  }
});

Deno.test("dropRunningLines() drops a chapter's head on pages close together, and keeps a title", () => {
  // Twelve pages: the head of the second chapter is on three of pages 5 to 9 only.
  const pages = Array.from({ length: 12 }, (_, n) => {
    if (n === 4) return page("Wick Trimming", ...body(n)); // the chapter's title page
    const head = n >= 5 && n <= 9 && n % 2 === 1 ? ["Wick Trimming"] : [];
    return page(...head, ...body(n), `Chapter ${n < 4 ? 1 : 2}: Lamps ${n}`);
  });
  const kept = dropRunningLines(pages, (at, line) => at === 4 && line.text === "Wick Trimming");
  kept.forEach((lines, n) =>
    assert.deepEqual(
      lines.map((l) => l.text),
      n === 4 ? ["Wick Trimming", ...body(n)] : body(n),
      `page ${n}`,
    )
  );
});
