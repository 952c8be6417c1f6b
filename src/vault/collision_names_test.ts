import assert from "node:assert/strict";
import { nameInRankOrder } from "./collision_names.ts";

Deno.test("nameInRankOrder() numbers colliding titles in rank order, each keeping its spelling", async () => {
  const paths = await nameInRankOrder(
    ["Shared title", "Other", "shared TITLE", "Shared title", "Shared title"].map((base) => ({
      base,
    })),
    () => true,
  );
  assert.deepEqual(paths, [
    "Sources/Shared title.md",
    "Sources/Other.md",
    "Sources/shared TITLE (2).md",
    "Sources/Shared title (3).md",
    "Sources/Shared title (4).md",
  ]);
});

Deno.test("nameInRankOrder() passes over a name that is not free, asking for each note", async () => {
  const asked: [string, string][] = [];
  const paths = await nameInRankOrder(
    [{ base: "Notes", id: "a" }, { base: "Notes", id: "b" }, { base: "Notes (2)", id: "c" }],
    (path, note) => {
      asked.push([path, note.id]);
      // The user's own "Notes.md" is in the vault.
      return Promise.resolve(path !== "Sources/Notes.md");
    },
  );
  assert.deepEqual(paths, [
    "Sources/Notes (2).md",
    "Sources/Notes (3).md",
    // A title that reads like a suffix forms its own group and yields to the names taken.
    "Sources/Notes (2) (2).md",
  ]);
  assert.deepEqual(asked[0], ["Sources/Notes.md", "a"]);
  assert.deepEqual(asked.at(-1), ["Sources/Notes (2) (2).md", "c"]);
});
