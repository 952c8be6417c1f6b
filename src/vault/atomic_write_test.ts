import assert from "node:assert/strict";
import { join } from "node:path";
import { sweepTempFiles, syncDir, TEMP_PREFIX, writeFileAtomic } from "./atomic_write.ts";

async function withTempDir(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "gleaner-atomic-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function names(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(dir)) out.push(entry.name);
  return out.sort();
}

const OLD_TIME = new Date("2001-02-03T04:05:06Z");

Deno.test("writeFileAtomic() creates a file with the given text", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "Note.md");
    assert.equal(await writeFileAtomic(path, "hello ✓\n"), true);
    assert.equal(await Deno.readTextFile(path), "hello ✓\n");
    assert.deepEqual(await names(dir), ["Note.md"]);
  });
});

Deno.test("writeFileAtomic() writes bytes exactly as given", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "data.bin");
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) & 0xff);
    assert.equal(await writeFileAtomic(path, bytes), true);
    assert.deepEqual(await Deno.readFile(path), bytes);
  });
});

Deno.test("writeFileAtomic() replaces an existing file and leaves no temp file", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "Note.md");
    await Deno.writeTextFile(path, "old content that is longer\n");
    assert.equal(await writeFileAtomic(path, "new\n"), true);
    assert.equal(await Deno.readTextFile(path), "new\n");
    assert.deepEqual(await names(dir), ["Note.md"]);
  });
});

Deno.test("writeFileAtomic() replaces a file of the same size but different bytes", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "Note.md");
    await Deno.writeTextFile(path, "abc\n");
    assert.equal(await writeFileAtomic(path, "abd\n"), true);
    assert.equal(await Deno.readTextFile(path), "abd\n");
  });
});

Deno.test("writeFileAtomic() returns false and leaves the mtime alone for identical content", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "Note.md");
    await writeFileAtomic(path, "same\n");
    await Deno.utime(path, OLD_TIME, OLD_TIME);
    const before = await Deno.stat(path);

    assert.equal(await writeFileAtomic(path, "same\n"), false);
    assert.equal(await writeFileAtomic(path, new TextEncoder().encode("same\n")), false);

    const after = await Deno.stat(path);
    assert.equal(after.mtime?.getTime(), OLD_TIME.getTime());
    assert.equal(after.ino, before.ino);
    assert.deepEqual(await names(dir), ["Note.md"]);
  });
});

Deno.test("writeFileAtomic() writes an empty file and then skips rewriting it", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "empty.md");
    assert.equal(await writeFileAtomic(path, ""), true);
    assert.equal(await writeFileAtomic(path, ""), false);
    assert.equal((await Deno.stat(path)).size, 0);
  });
});

Deno.test("writeFileAtomic() fails without leftovers when the target is a folder", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "Note.md");
    await Deno.mkdir(path);
    await assert.rejects(() => writeFileAtomic(path, "text"));
    assert.deepEqual(await names(dir), ["Note.md"]);
    assert.ok((await Deno.stat(path)).isDirectory);
  });
});

Deno.test("writeFileAtomic() fails with NotFound when the folder does not exist", async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(
      () => writeFileAtomic(join(dir, "missing", "Note.md"), "text"),
      Deno.errors.NotFound,
    );
    assert.deepEqual(await names(dir), []);
  });
});

Deno.test("writeFileAtomic() keeps every concurrent write to one file whole", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "Note.md");
    const versions = Array.from({ length: 20 }, (_, i) => `version ${i}\n`.repeat(1000));
    await Promise.all(versions.map((v) => writeFileAtomic(path, v)));
    assert.ok(versions.includes(await Deno.readTextFile(path)));
    assert.deepEqual(await names(dir), ["Note.md"]);
  });
});

Deno.test("sweepTempFiles() removes only files with the temp prefix", async () => {
  await withTempDir(async (dir) => {
    await Deno.writeTextFile(join(dir, `${TEMP_PREFIX}abc`), "torn");
    await Deno.writeTextFile(join(dir, `${TEMP_PREFIX}def`), "");
    await Deno.writeTextFile(join(dir, "Note.md"), "keep");
    await Deno.writeTextFile(join(dir, ".gleaner-other"), "keep");
    await Deno.writeTextFile(join(dir, `x${TEMP_PREFIX}`), "keep");
    await Deno.mkdir(join(dir, `${TEMP_PREFIX}folder`));

    assert.deepEqual((await sweepTempFiles(dir)).sort(), [
      `${TEMP_PREFIX}abc`,
      `${TEMP_PREFIX}def`,
    ]);
    assert.deepEqual(
      await names(dir),
      [
        ".gleaner-other",
        `${TEMP_PREFIX}folder`,
        "Note.md",
        `x${TEMP_PREFIX}`,
      ].sort(),
    );
    assert.deepEqual(await sweepTempFiles(dir), []);
  });
});

Deno.test("sweepTempFiles() finds nothing in a folder that does not exist", async () => {
  await withTempDir(async (dir) => {
    assert.deepEqual(await sweepTempFiles(join(dir, "missing")), []);
  });
});

Deno.test("syncDir() syncs an existing folder and rejects a missing one", async () => {
  await withTempDir(async (dir) => {
    await syncDir(dir);
    await assert.rejects(() => syncDir(join(dir, "missing")), Deno.errors.NotFound);
  });
});
