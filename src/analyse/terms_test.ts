import assert from "node:assert/strict";
import { isContentWord, stem, STOPWORDS, terms, words } from "./terms.ts";

Deno.test("words() gives the words of a text in lower case, in order", () => {
  assert.deepEqual(words("The Analytical ENGINE ran."), ["the", "analytical", "engine", "ran"]);
});

Deno.test("words() drops punctuation, spaces and emoji", () => {
  assert.deepEqual(words("  Hello, world! 😀 -- (ok?) 👨‍👩‍👧 … "), ["hello", "world", "ok"]);
  assert.deepEqual(words(""), []);
  assert.deepEqual(words("?!. 🎉"), []);
});

Deno.test("words() keeps contractions whole, with a straight apostrophe", () => {
  assert.deepEqual(words("Don’t stop, it's rock'n'roll"), [
    "don't",
    "stop",
    "it's",
    "rock'n'roll",
  ]);
});

Deno.test("words() keeps numbers and letters outside ASCII", () => {
  assert.deepEqual(words("In 2024 the café cost 3.14 euros, naïve Ärger"), [
    "in",
    "2024",
    "the",
    "café",
    "cost",
    "3.14",
    "euros",
    "naïve",
    "ärger",
  ]);
});

Deno.test("words() segments text written without spaces", () => {
  assert.deepEqual(words("東京は日本"), ["東京", "は", "日本"]);
});

Deno.test("isContentWord() is false for stopwords and the fillers of speech", () => {
  for (const word of ["the", "and", "of", "um", "uh", "yeah", "okay", "gonna", "i'm", "don't"]) {
    assert.equal(isContentWord(word), false, word);
    assert.ok(STOPWORDS.has(word), word);
  }
});

Deno.test("isContentWord() is false for single characters and words without a letter", () => {
  for (const word of ["x", "é", "は", "2024", "3.14", "42"]) {
    assert.equal(isContentWord(word), false, word);
  }
});

Deno.test("isContentWord() is true for words that carry meaning", () => {
  for (const word of ["engine", "x2", "café", "東京", "42nd", "lovelace"]) {
    assert.equal(isContentWord(word), true, word);
  }
});

Deno.test("stem() gives inflected forms of a word one stem", () => {
  assert.equal(stem("networks"), stem("network"));
  assert.equal(stem("networking"), stem("network"));
  assert.equal(stem("engines"), "engin");
  assert.equal(stem("running"), "run");
});

Deno.test("stem() drops a possessive 's", () => {
  assert.equal(stem("engine's"), stem("engine"));
  assert.equal(stem("babbage's"), stem("babbage"));
});

Deno.test("stem() gives the same stem every time it is asked", () => {
  const first = stem("relational");
  assert.equal(stem("relational"), first);
  assert.equal(first, "relat");
});

Deno.test("terms() gives the stems of a text's content words, in order", () => {
  assert.deepEqual(terms("The networks are networking; a network's nodes. Um, running!"), [
    "network",
    "network",
    "network",
    "node",
    "run",
  ]);
});

Deno.test("terms() finds nothing in a text of stopwords, numbers and punctuation", () => {
  assert.deepEqual(terms("Yeah, um, it is what it is: 42, 1999!"), []);
  assert.deepEqual(terms(""), []);
});
