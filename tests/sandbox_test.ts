import assert from "node:assert/strict";
import { join } from "node:path";
import { FAULT_APP, ofType, runApp, withTempDir } from "./support/app.ts";
import { snapshotVault } from "./support/corpus.ts";
import { parseFrontmatter } from "../src/markdown/frontmatter.ts";
import { writeText } from "./support/corpus.ts";
import { startFakeLlm } from "./support/fake_llm.ts";
import { judgeEscapes, type Verdict } from "./support/escape_attempts.ts";

import { LIBRIVOX, requires } from "./support/requires.ts";

const MODULE = "sandbox_test";
const CLIP = join(LIBRIVOX, "sense_and_sensibility_01_austen_64kb-0880.wav");
/** The escape attempts start ffprobe by name: without it there is nothing to refuse or allow. */
const NO_FFPROBE = requires(MODULE, "ffmpeg");

Deno.test({
  name: "a recording named like a document is refused by a document sandbox, with a reason",
  ignore: requires(MODULE, "ffmpeg", "pocketsphinx", "pocketsphinx-testdata"),
}, async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await Deno.mkdir(input);
    // Document sandboxes may not start engines: the content is audio, the name says text.
    await Deno.copyFile(CLIP, join(input, "clip.txt"));
    await Deno.copyFile(CLIP, join(input, "clip.wav"));
    await writeText(join(input, "note.md"), "# Note\n\nText.\n");
    const run = await runApp(["--batch", input, "--out", join(root, "vault"), "--json"]);
    assert.equal(run.code, 1, run.stderr);
    const [failed] = ofType(run.events, "file_failed");
    assert.equal(failed.path, "clip.txt");
    assert.match(failed.error, /this file is a recording, but its name does not say so/);
    assert.deepEqual(
      ofType(run.events, "file_done").map((e) => e.path).sort(),
      ["clip.wav", "note.md"],
    );
  });
});

/** Runs the `__escape__` stage on one file and judges what its note says. */
async function escapeFrom(name: string, extra: string[] = []): Promise<Verdict> {
  let verdict: Verdict | undefined;
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await writeText(join(input, name), "escape");
    await writeText(join(root, "secret.txt"), "outside the input folder");
    const vault = join(root, "vault");
    const run = await runApp(["--batch", input, "--out", vault, "--json", ...extra], {
      entry: FAULT_APP,
    });
    assert.equal(run.code, 0, run.stderr);
    const [note] = [...(await snapshotVault(vault)).values()];
    verdict = judgeEscapes(parseFrontmatter(note).body, {
      media: name.endsWith(".wav"),
      llm: extra.includes("--llm"),
    });
    assert.deepEqual([...Deno.readDirSync(input)].map((e) => e.name), [name]);
  });
  return verdict!;
}

// The attempts include signalling the app and undoing the seal that stops it (src/sandbox/seal.ts).
Deno.test({
  name: "a document sandbox may read its input and nothing else",
  ignore: NO_FFPROBE,
}, async () => {
  const v = await escapeFrom("doc__escape__.md");
  assert.deepEqual(v.problems, []);
  assert.equal(v.controlsWorked, 1);
  assert.ok(v.refused > 50, `only ${v.refused} attempts were judged`);
});

Deno.test({
  name: "a media sandbox may also write its scratch folder and start the named engines",
  ignore: NO_FFPROBE,
}, async () => {
  const v = await escapeFrom("talk__escape__.wav");
  assert.deepEqual(v.problems, []);
  assert.equal(v.controlsWorked, 3);
});

Deno.test({
  name: "in LLM mode a sandbox may connect to the model's host and port, and nowhere else",
  ignore: NO_FFPROBE,
}, async () => {
  const server = startFakeLlm();
  try {
    const v = await escapeFrom("doc__escape__.md", ["--llm", "--llm-url", server.url]);
    assert.deepEqual(v.problems, []);
    assert.equal(v.controlsWorked, 2);
  } finally {
    await server.close();
  }
});
