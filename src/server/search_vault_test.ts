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
