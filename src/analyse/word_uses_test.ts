import assert from "node:assert/strict";
import { namedUses, wordUses } from "./word_uses.ts";

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
