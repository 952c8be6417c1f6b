import assert from "node:assert/strict";
import { join } from "node:path";
import { isDiskFull, keepReserve, releaseReserve, RESERVE, vaultFull } from "./disk_full.ts";

Deno.test("isDiskFull() knows a full disk from the OS, SQLite, a stage's message and a cause", () => {
  const os = Object.assign(new Error("No space left on device (os error 28): writefile 'x'"), {
    code: "ENOSPC",
  });
  const sqlite = Object.assign(new Error("database or disk is full"), { errcode: 13 });
  // node:sqlite leaves errcode out for some calls (BEGIN EXCLUSIVE on a full disk did).
  const bare = new Error("database or disk is full");
  const quota = Object.assign(new Error("Disk quota exceeded (os error 122)"), { code: "EDQUOT" });
  const wrapped = new Error("cannot write the note for a.txt", { cause: os });
  const stage = "ffmpeg could not decode the recording: Error closing file x.wav: " +
    "No space left on device";
  for (const error of [os, sqlite, bare, quota, wrapped, stage]) assert.ok(isDiskFull(error));
});

Deno.test("isDiskFull() is false for other errors", () => {
  const busy = Object.assign(new Error("database is locked"), { errcode: 5 });
  const denied = new Deno.errors.PermissionDenied("Permission denied (os error 13)");
  for (const error of [busy, denied, new Error("no such table: files"), "timed out", undefined]) {
    assert.equal(isDiskFull(error), false, String(error));
  }
});

Deno.test("vaultFull() names the vault, what failed and what to do", () => {
  const error = vaultFull("/home/ada/vault", new Error("database or disk is full"));
  assert.equal(error.name, "VaultFullError");
  assert.match(
    error.message,
    /^the disk holding the vault \/home\/ada\/vault is full \(database or disk is full\): free some space on it, then resume the job/,
  );
  assert.ok(!error.message.endsWith("."));
  assert.equal(vaultFull("/elsewhere", error), error, "already said");
});

Deno.test("keepReserve() sets space aside once; releaseReserve() gives it back", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gleaner-reserve-" });
  try {
    await keepReserve(dir);
    const first = await Deno.stat(join(dir, RESERVE));
    assert.ok(first.size > 0);
    await keepReserve(dir);
    assert.equal((await Deno.stat(join(dir, RESERVE))).mtime?.getTime(), first.mtime?.getTime());
    releaseReserve(dir);
    await assert.rejects(Deno.stat(join(dir, RESERVE)), Deno.errors.NotFound);
    releaseReserve(dir); // nothing left to give back: no error
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
