import assert from "node:assert/strict";
import { join } from "node:path";
import { hashFile } from "../discover/hash.ts";
import { readBytesIfExists, readIfExists } from "./maybe_missing.ts";
import { openRegularFile, readRegularFile } from "./open_regular.ts";
import { UnsafeFileError } from "../common/errors.ts";

async function withFolder(fn: (root: string, outside: string) => Promise<void>): Promise<void> {
  const base = await Deno.realPath(await Deno.makeTempDir({ prefix: "gleaner-open-" }));
  try {
    const root = join(base, "in");
    const outside = join(base, "outside");
    await Deno.mkdir(root);
    await Deno.mkdir(outside);
    await fn(root, outside);
  } finally {
    await Deno.remove(base, { recursive: true });
  }
}

async function mkfifo(path: string): Promise<void> {
  const made = await new Deno.Command("mkfifo", { args: [path] }).output();
  assert.ok(made.success, "mkfifo failed");
}

Deno.test("openRegularFile() opens a regular file inside its folder, and one a link inside leads to", async () => {
  await withFolder(async (root) => {
    await Deno.writeTextFile(join(root, "a.txt"), "hello");
    await Deno.symlink("a.txt", join(root, "b.txt"));
    for (const name of ["a.txt", "b.txt"]) {
      const file = await openRegularFile(join(root, name), root);
      assert.equal(new TextDecoder().decode(await file.readFile()), "hello");
      await file.close();
    }
  });
});

Deno.test("openRegularFile() refuses a link that leads out of its folder", async () => {
  await withFolder(async (root, outside) => {
    await Deno.writeTextFile(join(outside, "secret.txt"), "secret");
    await Deno.symlink(join(outside, "secret.txt"), join(root, "a.txt"));
    await Deno.mkdir(join(root, "sub"));
    await Deno.symlink(outside, join(root, "sub", "dir"));
    for (const path of [join(root, "a.txt"), join(root, "sub", "dir", "secret.txt")]) {
      await assert.rejects(openRegularFile(path, root), UnsafeFileError, path);
    }
  });
});

Deno.test("openRegularFile() refuses a FIFO at once instead of waiting for a writer", async () => {
  await withFolder(async (root) => {
    const fifo = join(root, "a.md");
    await mkfifo(fifo);
    await assert.rejects(openRegularFile(fifo, root), /not a regular file/);
    await assert.rejects(openRegularFile(fifo), /not a regular file/);
    await assert.rejects(hashFile(fifo, { root }), /not a regular file/);
  });
});

Deno.test("openRegularFile() refuses a folder and says NotFound for a missing file", async () => {
  await withFolder(async (root) => {
    await Deno.mkdir(join(root, "d.md"));
    await assert.rejects(openRegularFile(join(root, "d.md"), root), /not a regular file/);
    await assert.rejects(openRegularFile(join(root, "none.md"), root), Deno.errors.NotFound);
  });
});

Deno.test("a vault file swapped for a FIFO is refused at once by every reader of notes and maps", async () => {
  await withFolder(async (root) => {
    const fifo = join(root, "Map.md");
    await mkfifo(fifo);
    await assert.rejects(readRegularFile(fifo), /not a regular file/);
    await assert.rejects(readIfExists(fifo), /not a regular file/);
    await assert.rejects(readBytesIfExists(fifo), /not a regular file/);
    assert.equal(await readIfExists(join(root, "missing.md")), undefined);
  });
});
