import assert from "node:assert/strict";
import { join } from "node:path";
import { exists, ignoreMissing, readIfExists } from "./maybe_missing.ts";

Deno.test("a missing file is an answer: exists() false, readIfExists() undefined, ignoreMissing() false", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "note.md");
    assert.equal(await exists(path), false);
    assert.equal(await readIfExists(path), undefined);
    assert.equal(await ignoreMissing(Deno.remove(path)), false);
    await Deno.writeTextFile(path, "text");
    assert.equal(await exists(path), true);
    assert.equal(await readIfExists(path), "text");
    assert.equal(await ignoreMissing(Deno.remove(path)), true);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("other errors still throw", async () => {
  await assert.rejects(readIfExists("/"), (e) => !(e instanceof Deno.errors.NotFound));
});
