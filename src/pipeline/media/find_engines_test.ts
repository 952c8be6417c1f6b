import assert from "node:assert/strict";
import { join } from "node:path";
import { findEngines, isDenoExecutable } from "./find_engines.ts";

Deno.test("findEngines() refuses an engine that is a Deno executable, through a link or a copy", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gleaner-engines-" });
  try {
    // A stand-in for a Deno executable (tests/engine_containment_test.ts uses the real one): its
    // marker straddles the reader's 1 MiB chunks. ffprobe is a link to it.
    const marker = new TextEncoder().encode("d3n0l4nd");
    const copy = new Uint8Array((1 << 20) + 8);
    copy.set(marker, (1 << 20) - 4);
    await Deno.writeFile(join(dir, "ffmpeg"), copy, { mode: 0o755 });
    await Deno.symlink(join(dir, "ffmpeg"), join(dir, "ffprobe"));
    await Deno.writeTextFile(join(dir, "whisper-cli"), "#!/bin/sh\necho ok\n", { mode: 0o755 });
    await Deno.writeTextFile(join(dir, "not-runnable"), "#!/bin/sh\n", { mode: 0o644 });
    const found = findEngines(["ffprobe", "ffmpeg", "whisper-cli", "not-runnable", "absent"], {
      searchPath: `:${dir}`,
    });
    assert.match((found.ffprobe as { refused: string }).refused, /is a Deno executable/);
    assert.match((found.ffmpeg as { refused: string }).refused, /is a Deno executable/);
    assert.deepEqual(found["whisper-cli"], { path: join(dir, "whisper-cli") });
    assert.equal(found["not-runnable"], undefined);
    assert.equal(found.absent, undefined);
    assert.equal(isDenoExecutable(join(dir, "whisper-cli")), false);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
