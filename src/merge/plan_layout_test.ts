import assert from "node:assert/strict";
import { join } from "node:path";
import { walkInputs } from "../discover/walk.ts";
import { compareWalkOrder, placeNotes } from "./plan_layout.ts";

Deno.test("compareWalkOrder() sorts paths exactly as the walk of the input folder lists them", async () => {
  const root = await Deno.realPath(await Deno.makeTempDir({ prefix: "gleaner-walk-order-" }));
  try {
    // Names around "/" (0x2f) in code-unit order: " ", "-", "." sort before it, "0" and "B" after.
    const paths = [
      "a/x.md",
      "a b/x.md",
      "a-b/x.md",
      "a.md",
      "a/b/c.md",
      "a/b c.md",
      "a0/x.md",
      "B.md",
      "c.md",
      "é.md",
      "z/ä/1.md",
    ];
    for (const path of paths) {
      await Deno.mkdir(join(root, path, ".."), { recursive: true });
      await Deno.writeTextFile(join(root, path), "text");
    }
    const walked: string[] = [];
    for await (
      const entry of walkInputs(root, {
        include: [],
        exclude: [],
        skipDirs: [],
        extensions: [".md"],
      })
    ) walked.push(entry.path);
    assert.equal(walked.length, paths.length);
    assert.deepEqual([...paths].reverse().sort(compareWalkOrder), walked);
    // Plain string order would differ: it puts "a b/x.md" before "a/x.md".
    assert.notDeepEqual([...paths].sort(), walked);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("placeNotes() numbers colliding titles in rank order, each keeping its spelling", async () => {
  const paths = await placeNotes(
    [
      { source: "1.md", title: "Shared title" },
      { source: "2.md", title: "Other" },
      { source: "3.md", title: "shared TITLE" },
      { source: "4.md", title: "Shared: title" },
      { source: "5.md", title: "Shared title" },
    ],
    () => Promise.resolve(true),
  );
  assert.deepEqual(paths, [
    "Sources/Shared title.md",
    "Sources/Other.md",
    "Sources/shared TITLE (2).md",
    "Sources/Shared title (3).md",
    "Sources/Shared title (4).md",
  ]);
});

Deno.test("placeNotes() passes over a name held by a file that is not its own", async () => {
  const asked: [string, string][] = [];
  const paths = await placeNotes(
    [
      { source: "a.md", title: "Notes" },
      { source: "b.md", title: "Notes" },
      { source: "c.md", title: "Notes (2)" },
    ],
    (path, source) => {
      asked.push([path, source]);
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
  assert.deepEqual(asked[0], ["Sources/Notes.md", "a.md"]);
});
