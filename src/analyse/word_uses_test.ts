import assert from "node:assert/strict";
import { namedUses, thingUses, wordUses } from "./word_uses.ts";

Deno.test("wordUses() counts a word where no letter, digit or _ touches it", () => {
  const text = "Potato, potato; the potatoes. Potato_2 and 2Potato, (Potato) Potato";
  assert.equal(wordUses(text, "Potato"), 3);
  assert.equal(wordUses(text, "potato"), 1);
  assert.equal(wordUses(text, ""), 0);
  // A letter outside the Basic Multilingual Plane touches it too.
  assert.equal(wordUses("𝐀Lamp Lamp", "Lamp"), 1);
  assert.equal(wordUses("Zoë Zoë's", "Zoë"), 2);
});

Deno.test("namedUses() counts a name's first word in any case, the rest as written", () => {
  const text =
    "Active development. active development, Active Development and Reactive development.";
  assert.equal(namedUses(text, "Active", " development"), 2);
  assert.equal(namedUses(text, "Active", " Development"), 1);
});

Deno.test("thingUses() counts a word after 'the' before small letters, or before a number", () => {
  const text =
    "The Darwin linker failed. Fix the Darwin loader. Darwin 10 is old. Darwin sailed. " +
    "the Darwin. Smithe Darwin lamp. Darwinian 2 and xDarwin 3.";
  assert.equal(thingUses(text, "Darwin"), 3);
  assert.equal(thingUses(text, ""), 0);
});
