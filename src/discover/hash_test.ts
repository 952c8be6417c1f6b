import { rejects, strictEqual } from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { hashFile } from "./hash.ts";

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "gleaner_hash_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test('hashFile() returns the known SHA-256 of "abc"', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "abc.txt");
    await Deno.writeTextFile(path, "abc");
    strictEqual(
      await hashFile(path),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

Deno.test("hashFile() returns the known SHA-256 of an empty file", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "empty.txt");
    await Deno.writeFile(path, new Uint8Array());
    strictEqual(
      await hashFile(path),
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
});

Deno.test("hashFile() of a 5 MB file equals the hash of the whole buffer", async () => {
  await withTempDir(async (dir) => {
    // 5 MB is not a multiple of the chunk size, so the last read is a short one.
    const bytes = new Uint8Array(5_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 13)) % 251;
    const path = join(dir, "big.bin");
    await Deno.writeFile(path, bytes);
    const expected = createHash("sha256").update(bytes).digest("hex");
    strictEqual(await hashFile(path), expected);
  });
});

Deno.test("hashFile() rejects with the abort reason when the signal is already aborted", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "abc.txt");
    await Deno.writeTextFile(path, "abc");
    const reason = new Error("stop now");
    await rejects(
      hashFile(path, { signal: AbortSignal.abort(reason) }),
      (error) => error === reason,
    );
  });
});

Deno.test("hashFile() rejects with NotFound for a missing file", async () => {
  await withTempDir(async (dir) => {
    await rejects(hashFile(join(dir, "missing.txt")), Deno.errors.NotFound);
  });
});
