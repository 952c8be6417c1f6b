import assert from "node:assert/strict";
import { subjectsOf } from "./subjects.ts";

const none = new Set<string>();
/** `count` sentences that name `name` inside them. */
const naming = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => `The keepers of harbour ${i} use ${name} daily.`)
    .join(" ");

Deno.test("subjectsOf() finds the names a text keeps writing with a capital, most used first", () => {
  const text = `${naming("Quillmark", 6)} ${naming("Lanternfish", 8)} ${naming("Tidewell", 2)}`;
  assert.deepEqual(subjectsOf(text, none), ["lanternfish", "quillmark"]);
});

Deno.test("subjectsOf() takes acronyms and names written in capitals and small letters", () => {
  assert.deepEqual(subjectsOf(naming("CRC", 5), none), ["crc"]);
  assert.deepEqual(subjectsOf(naming("SQLite", 5), none), ["sqlite"]);
  // "SQLite" of "SQLite-based", not "UTF" of "UTF-8" or "UTF-16".
  assert.deepEqual(subjectsOf(naming("SQLite-based tools", 5), none), ["sqlite"]);
  assert.deepEqual(subjectsOf(`${naming("UTF-8", 4)} ${naming("UTF-16", 3)}`, none), []);
});

Deno.test("subjectsOf() takes no everyday word, person, identifier or word in small letters", () => {
  // "Congress" is an everyday word; "Quillmark" a person here.
  assert.deepEqual(subjectsOf(naming("Congress", 6), none), []);
  assert.deepEqual(subjectsOf(naming("Quillmark", 6), new Set(["quillmark"])), []);
  // Identifiers of code and symbols.
  for (const code of ["ArgumentParser", "Idx1", "CRCu"]) {
    assert.deepEqual(subjectsOf(naming(code, 6), none), [], code);
  }
  // A value of code in capitals.
  assert.deepEqual(subjectsOf(naming("NULL", 6), none), []);
  // A key of the keyboard, as a manual writes its chords ("CTRL-W").
  assert.deepEqual(subjectsOf(naming("CTRL-W", 6), none), []);
  // A unit after numbers.
  const sizes = Array.from({ length: 6 }, (_, i) => `The harbour ${i} takes ${i + 2} MB daily.`);
  assert.deepEqual(subjectsOf(sizes.join(" "), none), []);
  // A word before numbers, the text's own parts.
  const listings = Array.from({ length: 6 }, (_, i) => `The harbour in Listing 4-${i} is lit.`);
  assert.deepEqual(subjectsOf(listings.join(" "), none), []);
  // A name the text mostly writes in small letters is a command, not a subject.
  assert.deepEqual(subjectsOf(`${naming("Quillmark", 2)} ${naming("quillmark", 6)}`, none), []);
});

Deno.test("subjectsOf() counts no capital that opens a sentence or a line", () => {
  const text = Array.from({ length: 8 }, (_, i) => `Quillmark opens line ${i}.\n- Quillmark`)
    .join("\n");
  assert.deepEqual(subjectsOf(text, none), []);
});

Deno.test("subjectsOf() wants a name used often enough for the length of the text", () => {
  const long = `${naming("Quillmark", 5)} ${"Plain words fill this long text. ".repeat(400)}`;
  assert.deepEqual(subjectsOf(long, none), []);
  assert.deepEqual(subjectsOf(naming("Quillmark", 4), none), []);
});

Deno.test("subjectsOf() reads a name with dots inside it as one word, never initials", () => {
  assert.deepEqual(subjectsOf(naming("Node.js", 6), none), ["node.js"]);
  assert.deepEqual(subjectsOf(naming("ASP.NET", 6), none), ["asp.net"]);
  assert.deepEqual(subjectsOf(naming("U.S.", 6), none), []);
  // A dotted name in small letters is code ("os.path").
  assert.deepEqual(subjectsOf(naming("os.path", 6), none), []);
});
