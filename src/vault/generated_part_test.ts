import assert from "node:assert/strict";
import { beforeTornPart, BEGIN, END, mergeGenerated, onlyGenerated } from "./generated_part.ts";

const part = (generated: string) => `${BEGIN}\n${generated}\n${END}`;

Deno.test("mergeGenerated() gives a new file a heading and the part between markers", () => {
  assert.equal(
    mergeGenerated(undefined, "Home", "- [[Maps/Engine|Engine]]"),
    `# Home\n\n${BEGIN}\n- [[Maps/Engine|Engine]]\n${END}\n`,
  );
});

Deno.test("mergeGenerated() replaces only what lies between the markers", () => {
  const before = "# My home\r\n\r\nNotes I wrote myself, with  two spaces.  \n\n";
  const after = "\n\n## Mine\n\n- [[Somewhere]]\n\t trailing \n";
  const existing = `${before}${part("old list\nof lines")}${after}`;
  assert.equal(
    mergeGenerated(existing, "Home", "new list"),
    `${before}${part("new list")}${after}`,
  );
});

Deno.test("mergeGenerated() keeps text right against the markers byte for byte", () => {
  const existing = `before${BEGIN}\nold\n${END}after`;
  assert.equal(mergeGenerated(existing, "Home", "new"), `before${part("new")}after`);
});

Deno.test("mergeGenerated() appends the part to a file without markers", () => {
  assert.equal(
    mergeGenerated("# Engines\n\nMy own notes.\n\n\n", "Engines", "generated"),
    `# Engines\n\nMy own notes.\n\n${part("generated")}\n`,
  );
});

Deno.test("mergeGenerated() appends the part when only one of the markers is left", () => {
  const onlyBegin = `Mine.\n\n${BEGIN}\nold`;
  assert.equal(mergeGenerated(onlyBegin, "T", "new"), `${onlyBegin}\n\n${part("new")}\n`);
  const onlyEnd = `Mine.\n\nold\n${END}`;
  assert.equal(mergeGenerated(onlyEnd, "T", "new"), `${onlyEnd}\n\n${part("new")}\n`);
});

Deno.test("mergeGenerated() gives an empty file just the part", () => {
  assert.equal(mergeGenerated("", "T", "new"), `\n\n${part("new")}\n`);
});

Deno.test("mergeGenerated() does not let a stray opening marker swallow the user's text", () => {
  const existing = `# T\n\n${BEGIN}\nA line I wrote.\n\n${part("old")}\n\nAfter.\n`;
  assert.equal(
    mergeGenerated(existing, "T", "new"),
    `# T\n\n${BEGIN}\nA line I wrote.\n\n${part("new")}\n\nAfter.\n`,
  );
});

Deno.test("mergeGenerated() replaces only the last complete pair of markers", () => {
  const existing = `${part("one")}\n\nmiddle\n\n${part("two")}\n`;
  assert.equal(
    mergeGenerated(existing, "T", "new"),
    `${part("one")}\n\nmiddle\n\n${part("new")}\n`,
  );
});

Deno.test("mergeGenerated() gives the same text when the same part is merged again", () => {
  const starts = [
    undefined,
    "",
    "# T\n\nMine.\n",
    `# T\n\nBefore.\n\n${part("old")}\n\nAfter.\n`,
    `# T\n\n${BEGIN}\nstray\n\n${part("old")}\n`,
    `Mine.\n\n${BEGIN}\nno end`,
  ];
  for (const start of starts) {
    const once = mergeGenerated(start, "T", "- a\n- b");
    assert.equal(mergeGenerated(once, "T", "- a\n- b"), once, JSON.stringify(start));
  }
});

Deno.test("mergeGenerated() stays put when a stray closing marker comes before the pair", () => {
  // A user who deletes the opening marker line leaves the closing one behind; the next merge
  // appends a new pair after it. From then on each merge must replace that pair, not append.
  const once = mergeGenerated(`# T\n\nMine.\n${END}\n`, "T", "new");
  assert.equal(mergeGenerated(once, "T", "new"), once);
});

Deno.test("onlyGenerated() is true for a map gleaner wrote and nobody edited", () => {
  assert.equal(onlyGenerated(mergeGenerated(undefined, "Engines", "- x"), "Engines"), true);
  assert.equal(onlyGenerated(part("- x"), "Engines"), true);
  assert.equal(onlyGenerated(`\n  # Engines \n\n${part("- x")}\n\n\n`, "Engines"), true);
});

Deno.test("onlyGenerated() is false once the user wrote outside the part", () => {
  assert.equal(onlyGenerated(`# Engines\n\nMine.\n\n${part("- x")}\n`, "Engines"), false);
  assert.equal(onlyGenerated(`# Engines\n\n${part("- x")}\n\nMine.\n`, "Engines"), false);
  assert.equal(onlyGenerated(`# My engines\n\n${part("- x")}\n`, "Engines"), false);
});

Deno.test("onlyGenerated() is false without a complete pair of markers", () => {
  assert.equal(onlyGenerated("# Engines\n", "Engines"), false);
  assert.equal(onlyGenerated(`# Engines\n\n${BEGIN}\n- x\n`, "Engines"), false);
  assert.equal(onlyGenerated(`# Engines\n\n- x\n${END}\n`, "Engines"), false);
});

Deno.test("beforeTornPart() gives the text before a generated part that was cut short", () => {
  const whole = mergeGenerated("# Bees\n\nMine.\n", "Bees", "- [[Sources/A|A]]\n- [[Sources/B|B]]");
  const part = whole.indexOf(BEGIN);
  for (const length of [part + BEGIN.length + 4, part + 5, part + 1, whole.indexOf(END) + 5]) {
    assert.equal(beforeTornPart(whole.slice(0, length), "Bees"), whole.slice(0, part), `${length}`);
  }
});

Deno.test("beforeTornPart() gives nothing back when only gleaner's heading is left", () => {
  const whole = mergeGenerated(undefined, "Bees", "- [[Sources/A|A]]");
  for (const length of [0, 3, "# Bees\n\n".length, "# Bees\n\n".length + 6]) {
    assert.equal(beforeTornPart(whole.slice(0, length), "Bees"), "", `${length}`);
  }
});

Deno.test("beforeTornPart() leaves whole parts, and text without a sign of one, alone", () => {
  const whole = mergeGenerated("# Bees\n\nMine.\n", "Bees", "- x");
  assert.equal(beforeTornPart(whole, "Bees"), undefined);
  assert.equal(beforeTornPart(`${whole}\nMore of mine, cut sh`, "Bees"), undefined);
  assert.equal(beforeTornPart("# Bees\n\nMine, and no part.\n", "Bees"), undefined);
});
