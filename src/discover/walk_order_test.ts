import assert from "node:assert/strict";
import { join } from "node:path";
import { walkInputs } from "./walk.ts";
import { compareWalkOrder } from "./walk_order.ts";

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
