import assert from "node:assert/strict";
import { join } from "node:path";
import { searchVault } from "./search_vault.ts";

Deno.test("searchVault() finds notes by their text, case and accents aside, with the line", async () => {
  const vault = await Deno.makeTempDir({ prefix: "gleaner-search-" });
  try {
    await Deno.mkdir(join(vault, "Maps"));
    await Deno.mkdir(join(vault, "Sources"));
    await Deno.writeTextFile(join(vault, "Sources", "A.md"), "# A\n\nÖkologie der Bienen.\n");
    await Deno.writeTextFile(
      join(vault, "Maps", "Bees.md"),
      "- [[Sources/A|A]]: about OKOLOGIE\n",
    );
    await Deno.writeTextFile(join(vault, "Sources", "B.md"), "nothing here\n");
    const paths = ["Maps/Bees.md", "Sources/A.md", "Sources/B.md", "Sources/gone.md"];
    assert.deepEqual(await searchVault(vault, paths, "ökolog"), [
      { path: "Maps/Bees.md", snippet: "A: about OKOLOGIE" },
      { path: "Sources/A.md", snippet: "Ökologie der Bienen." },
    ]);
    assert.deepEqual(await searchVault(vault, paths, "o"), [], "one letter finds nothing");
  } finally {
    await Deno.remove(vault, { recursive: true });
  }
});

Deno.test("searchVault() cuts a long line's snippet between words, never inside one", async () => {
  const vault = await Deno.makeTempDir({ prefix: "gleaner-search-" });
  try {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    words[30] = "needle";
    await Deno.writeTextFile(join(vault, "A.md"), words.join(" ") + "\n");
    const [found] = await searchVault(vault, ["A.md"], "needle");
    const shown = found.snippet.replace(/^…|…$/gu, "").split(" ");
    assert.ok(found.snippet.startsWith("…") && found.snippet.endsWith("…"));
    assert.ok(shown.includes("needle"));
    for (const word of shown) assert.ok(words.includes(word), `"${word}" is a cut word`);
  } finally {
    await Deno.remove(vault, { recursive: true });
  }
});

Deno.test("searchVault() shows a line of the note's text before a property, as a reader sees it", async () => {
  const vault = await Deno.makeTempDir({ prefix: "gleaner-search-" });
  try {
    await Deno.writeTextFile(
      join(vault, "Lamps.md"),
      '---\ntitle: "lamp-trim(1)"\n---\n\n# lamp-trim(1)\n\n## Trimming **lamp-trim** wicks\n\n' +
        "Set branch.\\<name>.lamp-trim to trim them.\n",
    );
    assert.deepEqual(await searchVault(vault, ["Lamps.md"], "lamp-trim to"), [
      { path: "Lamps.md", snippet: "Set branch.<name>.lamp-trim to trim them." },
    ]);
    assert.deepEqual(await searchVault(vault, ["Lamps.md"], "trimming"), [
      { path: "Lamps.md", snippet: "Trimming lamp-trim wicks" },
    ]);
    // A note only a property matches shows that line.
    assert.deepEqual(await searchVault(vault, ["Lamps.md"], "title"), [
      { path: "Lamps.md", snippet: 'title: "lamp-trim(1)"' },
    ]);
  } finally {
    await Deno.remove(vault, { recursive: true });
  }
});
