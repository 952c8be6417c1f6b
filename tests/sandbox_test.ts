import assert from "node:assert/strict";
import { join } from "node:path";
import { FAULT_APP, ofType, runApp, withTempDir } from "./support/app.ts";
import { snapshotVault } from "./support/corpus.ts";
import { parseFrontmatter } from "../src/vault/render_note.ts";
import { writeText } from "./support/corpus.ts";
import { startFakeLlm } from "./support/fake_llm.ts";

const CLIP =
  "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav";

Deno.test("a recording named like a document is refused by a document sandbox, with a reason", async () => {
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

async function probe(name: string, extra: string[] = []): Promise<Map<string, string>> {
  let result = new Map<string, string>();
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await writeText(join(input, name), "probe");
    const vault = join(root, "vault");
    const run = await runApp(["--batch", input, "--out", vault, "--json", ...extra], {
      entry: FAULT_APP,
    });
    assert.equal(run.code, 0, run.stderr);
    const [note] = [...(await snapshotVault(vault)).values()];
    result = new Map(
      parseFrontmatter(note).body.split("\n").filter((l) => l.includes(": ")).map((l) =>
        l.split(": ") as [string, string]
      ),
    );
    assert.deepEqual([...Deno.readDirSync(input)].map((e) => e.name), [name]);
  });
  return result;
}

Deno.test("a document sandbox may read its input and nothing else", async () => {
  const seen = await probe("doc__probe__.md");
  assert.deepEqual(Object.fromEntries(seen), {
    "read input": "allowed",
    "read outside": "NotCapable",
    "write input": "NotCapable",
    "write tmp": "NotCapable",
    "write scratch": "NotCapable",
    "run engine": "NotCapable",
    "run shell": "NotCapable",
    env: "NotCapable",
    net: "NotCapable",
    ffi: "NotCapable",
    sys: "NotCapable",
  });
});

Deno.test("a media sandbox may also write its scratch folder and start the named engines", async () => {
  const seen = await probe("talk__probe__.wav");
  assert.deepEqual(Object.fromEntries(seen), {
    "read input": "allowed",
    "read outside": "NotCapable",
    "write input": "NotCapable",
    "write tmp": "NotCapable",
    "write scratch": "allowed",
    "run engine": "allowed",
    "run shell": "NotCapable",
    env: "NotCapable",
    net: "NotCapable",
    ffi: "NotCapable",
    sys: "NotCapable",
  });
});

Deno.test("in LLM mode a sandbox may connect to the model's host and port, and nowhere else", async () => {
  const server = startFakeLlm();
  try {
    const seen = await probe("doc__probe__.md", ["--llm", "--llm-url", server.url]);
    assert.equal(seen.get("net llm"), "allowed");
    assert.equal(seen.get("net llm host, other port"), "NotCapable");
    assert.equal(seen.get("net"), "NotCapable");
    assert.equal(seen.get("read outside"), "NotCapable");
    assert.equal(seen.get("env"), "NotCapable");
  } finally {
    await server.close();
  }
});
