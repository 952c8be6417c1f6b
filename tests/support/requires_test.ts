import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const HELPER = fileURLToPath(new URL("./requires.ts", import.meta.url));

/** Asks the helper in a child process, so PATH and the environment are the child's alone. */
async function ask(env: Record<string, string>) {
  const script = `import { requires } from ${JSON.stringify(HELPER)};
console.log(JSON.stringify([
  requires("m", "ffmpeg", "pocketsphinx", "pocketsphinx-testdata", "chromium", "whisper-cli"),
  requires("m", "ffmpeg"),
]));`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--quiet", script],
    // GLEANER_REQUIRE_ALL is set by CI for the whole suite; the child decides by `env` alone.
    env: {
      PATH: "/nonexistent",
      GLEANER_TESTDATA: "/nonexistent/testdata",
      GLEANER_REQUIRE_ALL: "0",
      ...env,
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("requires() skips with one line naming each missing package, said once", async () => {
  const run = await ask({});
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [true, true]);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, 2, run.stderr); // the second call's reason is a different line
  assert.match(lines[0], /^m: skipped, ffmpeg is not on PATH \(apt-get install ffmpeg\); /);
  for (const pkg of ["pocketsphinx", "pocketsphinx-testdata", "chromium"]) {
    assert.match(lines[0], new RegExp(`apt-get install ${pkg}\\)`));
  }
  assert.match(lines[0], /whisper-cli is not on PATH/);
});

Deno.test("requires() fails instead of skipping under GLEANER_REQUIRE_ALL=1", async () => {
  const run = await ask({ GLEANER_REQUIRE_ALL: "1" });
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /ffmpeg is not on PATH .*GLEANER_REQUIRE_ALL=1 asks for every/);
});

Deno.test("requires() is false when the programs are on PATH", async () => {
  const bin = await Deno.makeTempDir({ prefix: "gleaner-requires-" });
  try {
    for (const name of ["ffmpeg", "ffprobe"]) {
      await Deno.writeTextFile(`${bin}/${name}`, "#!/bin/sh\n", { mode: 0o755 });
    }
    await Deno.writeTextFile(`${bin}/chromium`, "not executable", { mode: 0o644 });
    const run = await ask({ PATH: `/nonexistent:${bin}` });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [true, false]);
    assert.doesNotMatch(run.stderr, /ffmpeg|ffprobe/);
    assert.match(run.stderr, /chromium is not on PATH/);
  } finally {
    await Deno.remove(bin, { recursive: true });
  }
});
