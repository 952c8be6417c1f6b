import assert from "node:assert/strict";
import type { Segment } from "../protocol/messages.ts";
import { escapeMarkdownBlock, renderTranscript, stamp } from "./transcript.ts";

const seg = (startS: number, endS: number, text: string, speaker?: string): Segment =>
  speaker === undefined
    ? { startMs: startS * 1000, endMs: endS * 1000, text }
    : { startMs: startS * 1000, endMs: endS * 1000, text, speaker };

Deno.test("stamp() formats hours, minutes and seconds with two digits each", () => {
  assert.equal(stamp(0), "[00:00:00]");
  assert.equal(stamp(61_000), "[00:01:01]");
  assert.equal(stamp(3_723_000), "[01:02:03]");
});

Deno.test("stamp() rounds down to the second", () => {
  assert.equal(stamp(59_999), "[00:00:59]");
  assert.equal(stamp(0.4), "[00:00:00]");
});

Deno.test("stamp() lets hours grow past 99", () => {
  assert.equal(stamp(100 * 3_600_000), "[100:00:00]");
  assert.equal(stamp(1234 * 3_600_000 + 5_000), "[1234:00:05]");
});

Deno.test("stamp() reads a negative time as zero", () => {
  assert.equal(stamp(-5_000), "[00:00:00]");
});

Deno.test("stamp() prints huge times as digits, never with an exponent", () => {
  assert.match(stamp(1e300), /^\[\d+:\d\d:\d\d\]$/);
});

Deno.test("stamp() rejects a time that is not a finite number", () => {
  for (const ms of [NaN, Infinity, -Infinity]) assert.throws(() => stamp(ms), RangeError);
});

Deno.test("renderTranscript() renders nothing for no segments", () => {
  assert.equal(renderTranscript([]), "");
  assert.equal(renderTranscript([seg(1, 2, "  \n ")]), "");
});

Deno.test("renderTranscript() opens each paragraph with a stamp and a bold speaker", () => {
  assert.equal(renderTranscript([seg(5, 7, "Hello.", "Ann")]), "[00:00:05] **Ann:** Hello.");
  assert.equal(renderTranscript([seg(5, 7, "Hello.")]), "[00:00:05] Hello.");
});

Deno.test("renderTranscript() joins close segments of one speaker under the first stamp", () => {
  const body = renderTranscript([
    seg(1, 3, "One.", "Ann"),
    seg(4, 6, "Two.", "Ann"),
    seg(6, 8, "Three.", "Bob"),
    seg(9, 10, "Four.", "Bob"),
  ]);
  assert.equal(body, "[00:00:01] **Ann:** One. Two.\n\n[00:00:06] **Bob:** Three. Four.");
});

Deno.test("renderTranscript() joins close segments without a speaker too", () => {
  assert.equal(renderTranscript([seg(1, 2, "a"), seg(2.5, 3, "b")]), "[00:00:01] a b");
});

Deno.test("renderTranscript() starts a new paragraph after a pause longer than 2 s", () => {
  const body = renderTranscript([seg(1, 2, "Before."), seg(4.001, 5, "After.")]);
  assert.equal(body, "[00:00:01] Before.\n\n[00:00:04] After.");
  assert.equal(renderTranscript([seg(1, 2, "a"), seg(4, 5, "b")]), "[00:00:01] a b");
});

Deno.test("renderTranscript() does not join a speaker to a segment without one", () => {
  const body = renderTranscript([seg(1, 2, "Narration."), seg(2, 3, "Line.", "Ann")]);
  assert.equal(body, "[00:00:01] Narration.\n\n[00:00:02] **Ann:** Line.");
});

Deno.test("renderTranscript() keeps a paragraph within 60 s", () => {
  const segments = Array.from({ length: 40 }, (_, i) => seg(i * 2, i * 2 + 2, `s${i}.`, "Ann"));
  const paragraphs = renderTranscript(segments).split("\n\n");
  assert.deepEqual(paragraphs.map((p) => p.slice(0, 10)), ["[00:00:00]", "[00:01:00]"]);
  assert.ok(paragraphs[0].endsWith(" s29."));
  // A single segment longer than that is still one paragraph.
  assert.equal(renderTranscript([seg(0, 300, "long")]), "[00:00:00] long");
});

Deno.test("renderTranscript() keeps the order it is given", () => {
  const body = renderTranscript([seg(10, 11, "later"), seg(1, 2, "earlier")]);
  assert.equal(body, "[00:00:10] later\n\n[00:00:01] earlier");
});

Deno.test("renderTranscript() puts each segment's text on one line", () => {
  assert.equal(
    renderTranscript([seg(0, 1, "two\nlines\t here ", " Ann\n Lee ")]),
    "[00:00:00] **Ann Lee:** two lines here",
  );
});

Deno.test("renderTranscript() escapes text that Markdown or Obsidian would read as markup", () => {
  const cases: [string, string][] = [
    ["*really* _now_", "\\*really\\* \\_now\\_"],
    ["see [[Secret Note]] and [x](http://a)", "see \\[\\[Secret Note\\]\\] and [x\\](http://a)"],
    ["a <script>b</script>", "a \\<script>b\\</script>"],
    ["#blessed and #1 and # alone", "\\#blessed and \\#1 and # alone"],
    ["costs $5 or `rm`", "costs \\$5 or \\`rm\\`"],
    ["==mark== ~~old~~ %%hidden%%", "\\==mark\\== \\~~old\\~~ \\%%hidden\\%%"],
    ["C:\\path end ^block", "C:\\\\path end \\^block"],
  ];
  for (const [text, escaped] of cases) {
    assert.equal(renderTranscript([seg(0, 1, text)]), `[00:00:00] ${escaped}`);
  }
  // What cannot start markup stays as written.
  assert.equal(
    renderTranscript([seg(0, 1, "[Music] I <3 it, 5 > 4, 50% = half", "Dr. *Who*")]),
    "[00:00:00] **Dr. \\*Who\\*:** [Music] I <3 it, 5 > 4, 50% = half",
  );
});

Deno.test("renderTranscript() gives the same text every time", () => {
  const segments = [seg(1, 2, "a", "Ann"), seg(3, 4, "b"), seg(70, 80, "c", "Ann")];
  assert.equal(renderTranscript(segments), renderTranscript(structuredClone(segments)));
});

Deno.test("escapeMarkdownBlock() keeps a text from opening a heading, a quote or a list", () => {
  const cases: [string, string][] = [
    ["# This file was generated.", "\\# This file was generated."],
    ["## Two", "\\## Two"],
    ["> quoted", "\\> quoted"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["3. Make the bed.", "3\\. Make the bed."],
    ["| a | b |", "\\| a | b |"],
    // Inside a sentence these are plain text and stay as they are.
    ["Ranks 1 - 3 and > 2 are in C# code.", "Ranks 1 - 3 and > 2 are in C# code."],
    ["2023 was a good year.", "2023 was a good year."],
  ];
  for (const [text, escaped] of cases) assert.equal(escapeMarkdownBlock(text), escaped, text);
});
