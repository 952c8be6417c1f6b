import assert from "node:assert/strict";
import {
  keyPointCount,
  paragraphs,
  pickKeyPoints,
  pickUnits,
  scoreUnits,
  similarity,
  summaryLength,
  type Unit,
} from "./summarise.ts";
import { terms, words } from "./terms.ts";

/** Units as the analysis makes them: one per sentence, each sentence its own block. */
const units = (...sentences: string[]): Unit[] =>
  sentences.map((text, i) => ({
    text,
    block: i,
    section: 0,
    terms: terms(text),
    words: words(text).length,
    leads: true,
  }));

const DOC = { titleTerms: [], transcript: false };
const TALK = { titleTerms: [], transcript: true };

const ENGINE_TEXT = units(
  "The analytical engine was a mechanical computer designed by the engineer Babbage.",
  "Its mill did the arithmetic of the engine while its store kept the numbers.",
  "The weather in London that spring was unusually warm and dry for the season.",
  "Punched cards told the engine which arithmetic to do and which numbers to use.",
  "Babbage never finished the engine because the government stopped its funding.",
);

/** Sentences that share no terms. */
const DISTINCT = units(
  "Steam drove the mill.",
  "Bread prices rose sharply.",
  "The comet returned in spring.",
  "Voters chose a new mayor.",
  "Rivers flooded the valley.",
);

Deno.test("summaryLength() gives about three sentences for a page, growing with length", () => {
  assert.equal(summaryLength(500), 3);
  assert.equal(summaryLength(0), 1);
  assert.equal(summaryLength(50), 1);
  assert.equal(summaryLength(2000), 6);
  assert.equal(summaryLength(4000), 8);
  assert.equal(summaryLength(5000), 9);
  let last = 0;
  for (let words = 0; words <= 100_000; words += 250) {
    const n = summaryLength(words);
    assert.ok(n >= last, `${words}`);
    last = n;
  }
});

Deno.test("summaryLength() stops at ten sentences: a long manual gets a paragraph or two", () => {
  assert.equal(summaryLength(8000), 10);
  assert.equal(summaryLength(50_000), 10);
  assert.equal(summaryLength(10_000_000), 10);
});

Deno.test("keyPointCount() gives one key point per 250 words, 3 to 10", () => {
  assert.equal(keyPointCount(0), 3);
  assert.equal(keyPointCount(500), 3);
  assert.equal(keyPointCount(1250), 5);
  assert.equal(keyPointCount(2500), 10);
  assert.equal(keyPointCount(1_000_000), 10);
});

Deno.test("similarity() is the cosine of two term sets", () => {
  const a = new Set(["engin", "mill", "store"]);
  assert.equal(similarity(a, a), 1);
  assert.equal(similarity(a, new Set(["loom", "card"])), 0);
  assert.equal(similarity(new Set(["engin", "mill"]), new Set(["engin", "card"])), 0.5);
  assert.equal(
    similarity(a, new Set(["engin"])),
    similarity(new Set(["engin"]), a),
  );
});

Deno.test("similarity() is 0 when either set is empty", () => {
  assert.equal(similarity(new Set(), new Set(["engin"])), 0);
  assert.equal(similarity(new Set(["engin"]), new Set()), 0);
  assert.equal(similarity(new Set(), new Set()), 0);
});

Deno.test("scoreUnits() scores nothing for no units", () => {
  assert.deepEqual(scoreUnits([], DOC), []);
});

Deno.test("scoreUnits() scores a sentence on the text's subject above an aside", () => {
  const scores = scoreUnits(ENGINE_TEXT, DOC);
  assert.equal(scores.length, ENGINE_TEXT.length);
  const aside = scores[2];
  for (const [i, score] of scores.entries()) if (i !== 2) assert.ok(score > aside, `${i}`);
});

Deno.test("scoreUnits() scores a sentence that shares the title's words higher", () => {
  const plain = scoreUnits(ENGINE_TEXT, DOC);
  const titled = scoreUnits(ENGINE_TEXT, {
    titleTerms: terms("London weather"),
    transcript: false,
  });
  assert.ok(titled[2] > plain[2]);
  assert.equal(titled[0], plain[0]);
});

Deno.test("scoreUnits() scores a document's early sentences above the same later on", () => {
  const text = units(
    "Steam engines pumped water out of the deep coal mines.",
    "Filler sentence number one about nothing in particular at all.",
    "Filler sentence number two about nothing in particular at all.",
    "Steam engines pumped water out of the deep coal mines.",
  );
  const scores = scoreUnits(text, DOC);
  assert.ok(scores[0] > scores[3]);
});

Deno.test("scoreUnits() weighs position less in a transcript than in a document", () => {
  const text = units(
    "Steam engines pumped water out of the deep coal mines.",
    "Filler sentence number one about nothing in particular at all.",
    "Steam engines pumped water out of the deep coal mines.",
  );
  const doc = scoreUnits(text, DOC);
  const talk = scoreUnits(text, TALK);
  assert.ok(talk[2] / talk[0] > doc[2] / doc[0]);
});

Deno.test("scoreUnits() scores a very short sentence down", () => {
  const text = units(
    "Steam engines.",
    "Steam engines pumped water out of the deep coal mines.",
    "Coal mines needed steam engines to pump out the water.",
  );
  const scores = scoreUnits(text, TALK);
  assert.ok(scores[0] < scores[1] && scores[0] < scores[2]);
});

Deno.test("scoreUnits() gives the same scores for the same units", () => {
  assert.deepEqual(scoreUnits(ENGINE_TEXT, DOC), scoreUnits(ENGINE_TEXT, DOC));
});

Deno.test("pickUnits() picks the best units, in text order", () => {
  const scores = [0.1, 0.9, 0.5, 0.8, 0.2];
  assert.deepEqual(pickUnits(DISTINCT, scores, 2), [1, 3]);
  assert.deepEqual(pickUnits(DISTINCT, scores, 1), [1]);
  assert.deepEqual(pickUnits(DISTINCT, scores, 0), []);
});

Deno.test("pickUnits() picks every unit when asked for more than there are, each once", () => {
  const scores = scoreUnits(ENGINE_TEXT, DOC);
  assert.deepEqual(pickUnits(ENGINE_TEXT, scores, 50), [0, 1, 2, 3, 4]);
});

Deno.test("pickUnits() never picks a unit without terms", () => {
  const text = units("Yeah, um, okay.", "The engine ran on steam from the boiler.", "Oh well.");
  assert.deepEqual(pickUnits(text, [9, 1, 9], 3), [1]);
});

Deno.test("pickUnits() leaves out the excluded units", () => {
  const scores = [0.1, 0.9, 0.5, 0.8, 0.2];
  assert.deepEqual(pickUnits(DISTINCT, scores, 2, new Set([1])), [2, 3]);
  assert.deepEqual(pickUnits(DISTINCT, scores, 9, new Set([0, 1, 2, 3, 4])), []);
});

Deno.test("pickUnits() prefers a different sentence to a repeat of one already picked", () => {
  const text = units(
    "The analytical engine computed Bernoulli numbers with punched cards.",
    "The analytical engine computed Bernoulli numbers with punched cards.",
    "Lovelace translated the article from Italian into English.",
  );
  assert.deepEqual(pickUnits(text, [1, 0.95, 0.6], 2), [0, 2]);
});

Deno.test("pickKeyPoints() picks one unit per stretch of the text, in text order", () => {
  const text = units(...Array.from({ length: 9 }, (_, i) => `Engine part number ${i} turned.`));
  // Three stretches of three; the best of each is the middle one.
  const scores = [1, 3, 2, 1, 3, 2, 1, 3, 2];
  assert.deepEqual(pickKeyPoints(text, scores, 3, new Set()), [1, 4, 7]);
});

Deno.test("pickKeyPoints() skips sentences in the summary while a stretch has others", () => {
  const text = units(...Array.from({ length: 6 }, (_, i) => `Engine part number ${i} turned.`));
  const scores = [1, 3, 2, 1, 3, 2];
  assert.deepEqual(pickKeyPoints(text, scores, 2, new Set([1, 4])), [2, 5]);
  // A stretch holding nothing but summary sentences still gives its best one, where a key point
  // may repeat one (a transcript's, which leads to its time); otherwise none.
  assert.deepEqual(pickKeyPoints(text, scores, 6, new Set([1])), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(pickKeyPoints(text, scores, 6, new Set([1]), new Set(), false), [0, 2, 3, 4, 5]);
});

Deno.test("pickKeyPoints() gives fewer points when there are fewer usable units", () => {
  const text = units("The engine ran.", "Um, yeah.", "The boiler burst open.");
  assert.deepEqual(pickKeyPoints(text, [1, 1, 1], 10, new Set()), [0, 2]);
  assert.deepEqual(pickKeyPoints([], [], 10, new Set()), []);
});

Deno.test("pickKeyPoints() breaks a tie in score by text order", () => {
  const text = units(...Array.from({ length: 4 }, (_, i) => `Engine part number ${i} turned.`));
  assert.deepEqual(pickKeyPoints(text, [1, 1, 1, 1], 2, new Set()), [0, 2]);
});

Deno.test("paragraphs() keeps up to five sentences in one paragraph", () => {
  assert.deepEqual(paragraphs([]), []);
  assert.deepEqual(paragraphs(["A."]), ["A."]);
  assert.deepEqual(paragraphs(["A.", "B.", "C.", "D.", "E."]), ["A. B. C. D. E."]);
});

Deno.test("paragraphs() groups more than five sentences in fours", () => {
  assert.deepEqual(paragraphs(["A.", "B.", "C.", "D.", "E.", "F."]), ["A. B. C. D.", "E. F."]);
  const nine = "ABCDEFGHI".split("").map((c) => `${c}.`);
  assert.deepEqual(paragraphs(nine), ["A. B. C. D.", "E. F. G. H.", "I."]);
});

Deno.test("pickKeyPoints() takes one key point per idea, not two saying the same", () => {
  const texts = [
    "Sockets carry bytes between programs over the network.",
    "A listening socket accepts connections from clients.",
    "Sockets carry bytes between programs across the network.",
    "Tides follow the moon around the earth every day.",
  ];
  // The second stretch's best sentence repeats the first key point: the next best is taken.
  assert.deepEqual(pickKeyPoints(units(...texts), [1, 0.5, 0.9, 0.4], 2, new Set()), [0, 3]);
});
