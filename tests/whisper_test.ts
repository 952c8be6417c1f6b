/**
 * Recordings through a real whisper-cli (built by scripts/build_whisper.sh, which .ci/run runs)
 * with a tiny model of seeded random weights (tests/support/tiny_whisper_model.ts): its words
 * are gibberish, but every step around them is real: ffmpeg's chunks, whisper-cli's JSON, the
 * checkpoints, the resume, the model checks, the engine choice and the engine's end.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseFrontmatter } from "../src/markdown/frontmatter.ts";
import { whisperCliAvailable } from "../src/models/choose_engine.ts";
import { appCommand, ofType, runApp, startUi, watchApp, withTempDir } from "./support/app.ts";
import { snapshotVault } from "./support/corpus.ts";
import { tinyWhisperModel, writeTinyWhisperModel } from "./support/tiny_whisper_model.ts";

const ready = await whisperCliAvailable();
if (!ready) {
  console.log(
    "whisper tests skipped: whisper-cli is not on the PATH (bash scripts/build_whisper.sh builds " +
      "it and prints its folder)",
  );
}

/** The tiny model's words are made of these syllables (see tiny_whisper_model.ts). */
const GIBBERISH = /^(ka|lo|mi|ne|ru|sa|te|vo|bi|da|fu|go)+$/;

/** A tone of `seconds`, as a small MP3 (the model hears nothing in particular anyway). */
async function makeRecording(path: string, seconds: number): Promise<void> {
  const out = await new Deno.Command("ffmpeg", {
    args: [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=300:duration=${seconds}`,
      "-ar",
      "16000",
      "-ac",
      "1",
      "-b:a",
      "16k",
      path,
    ],
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
}

interface Setup {
  input: string;
  model: string;
  /** A state folder of the test's own, so the user's installed models play no part. */
  env: Record<string, string>;
}

async function setup(root: string, seconds: number): Promise<Setup> {
  const input = join(root, "input");
  await Deno.mkdir(input);
  await makeRecording(join(input, "episode.mp3"), seconds);
  const model = join(root, "ggml-tiny-test.bin");
  await writeTinyWhisperModel(model, { seed: 7 });
  const state = join(root, "state");
  return { input, model, env: { XDG_STATE_HOME: state } };
}

function transcriptLines(note: string): string[] {
  const { body } = parseFrontmatter(note);
  return body.slice(body.indexOf("\n## Transcript\n")).split("\n").filter((l) => l.startsWith("["));
}

Deno.test({
  name: "a recording is transcribed by the real whisper-cli chunk by chunk, each checkpointed",
  ignore: !ready,
  fn: () =>
    withTempDir(async (root) => {
      const { input, model, env } = await setup(root, 95);
      const vault = join(root, "vault");
      const args = ["--batch", input, "--out", vault, "--json", "--chunk-minutes", "0.5"];
      const run = await runApp([...args, "--whisper", model], { env });
      assert.equal(run.code, 0, run.stderr);
      const chunks = ofType(run.events, "chunk_done");
      assert.deepEqual(chunks.map((c) => c.index), [0, 1, 2, 3]);
      assert.deepEqual(chunks.map((c) => c.endMs), [30_000, 60_000, 90_000, 120_000]);

      const note = await Deno.readTextFile(join(vault, "Sources", "Episode.md"));
      const frontmatter = parseFrontmatter(note).data ?? {};
      assert.equal(frontmatter.engine, "whisper-cli");
      assert.equal(frontmatter.model, "ggml-tiny-test.bin");
      assert.equal(frontmatter.chunks, 4);
      // Segments are joined into paragraphs, each with the stamp of its first segment.
      const lines = transcriptLines(note);
      let latest = 0;
      for (const line of lines) {
        const m = /^\[(\d\d):(\d\d):(\d\d)\] (.+?)(?: \^t-[\d-]+)?$/.exec(line);
        assert.ok(m, line);
        const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
        // whisper stamps its last 30 s window past the audio's end; gleaner clamps it.
        assert.ok(seconds < 95, `stamp past the end: ${line}`);
        latest = Math.max(latest, seconds);
        for (const word of m[4].split(" ")) assert.match(word, GIBBERISH, line);
      }
      // Later chunks' segments carry their chunk's offset.
      assert.ok(latest >= 30, `no stamp past the first chunk:\n${note}`);
      // The same model on the same audio gives the same note: whisper-cli is deterministic here.
      const again = await runApp([...args, "--whisper", model, "--restart"], { env });
      assert.equal(again.code, 0, again.stderr);
      assert.equal(await Deno.readTextFile(join(vault, "Sources", "Episode.md")), note);
    }),
});

Deno.test({
  name: "kill -9 in the middle of a whisper transcription resumes at the next chunk, not at zero",
  ignore: !ready,
  fn: () =>
    withTempDir(async (root) => {
      const { input, model, env } = await setup(root, 125);
      const args = (vault: string) => [
        "--batch",
        input,
        "--out",
        vault,
        "--json",
        "--chunk-minutes",
        "0.5",
        "--whisper",
        model,
      ];
      const reference = await runApp(args(join(root, "reference")), { env });
      assert.equal(reference.code, 0, reference.stderr);
      const chunks = ofType(reference.events, "chunk_done").length;
      assert.equal(chunks, 5);

      const vault = join(root, "vault");
      const killed = await watchApp(args(vault), (event, child) => {
        if (event.type === "chunk_done" && event.index === 1) child.kill("SIGKILL");
      }, { env });
      assert.equal(killed.code, 137);

      const resumed = await runApp(args(vault), { env });
      assert.equal(resumed.code, 0, resumed.stderr);
      const redone = ofType(resumed.events, "chunk_done").map((e) => e.index);
      assert.deepEqual(redone, [2, 3, 4]);
      assert.deepEqual(await snapshotVault(vault), await snapshotVault(join(root, "reference")));
    }),
});

Deno.test({
  name: "a missing, unknown, cut-short or foreign whisper model stops the batch at its start",
  ignore: !ready,
  fn: () =>
    withTempDir(async (root) => {
      const { input, env } = await setup(root, 5);
      const bytes = tinyWhisperModel({ seed: 7 });
      const write = async (name: string, data: Uint8Array) => {
        await Deno.writeFile(join(root, name), data);
        return join(root, name);
      };
      const gguf = new Uint8Array(4096);
      gguf.set(new TextEncoder().encode("GGUF"));
      const cases: [string, RegExp][] = [
        [join(root, "nope.bin"), /whisper model not found: .*nope\.bin/],
        ["base.en", /whisper model base\.en is not installed: run `gleaner models pull base\.en`/],
        [
          await write("cut.bin", bytes.slice(0, bytes.length - 1000)),
          /whisper model cut\.bin is cut short; download it again/,
        ],
        [
          await write("llama.gguf", gguf),
          /whisper model llama\.gguf is a GGUF file .*not a whisper\.cpp model/,
        ],
        [
          await write("notes.bin", new TextEncoder().encode("# not a model\n")),
          /whisper model notes\.bin is not a whisper\.cpp model/,
        ],
      ];
      for (const [model, message] of cases) {
        const vault = join(root, "vault");
        const run = await runApp(["--batch", input, "--out", vault, "--whisper", model], { env });
        assert.equal(run.code, 2, `${model}: ${run.stderr}`);
        assert.match(run.stderr, message);
        // Stopped before anything was made: no job state in the vault.
        await assert.rejects(Deno.stat(join(vault, ".gleaner", "state.db")));
      }
    }),
});

Deno.test({
  name: "a model whisper-cli itself refuses fails its recording with whisper-cli's reason",
  ignore: !ready,
  fn: () =>
    withTempDir(async (root) => {
      const { input, env } = await setup(root, 5);
      // Whole and well-formed to gleaner's check, but one tensor has a name whisper.cpp does not
      // know, so only the engine's loader can tell.
      const bytes = tinyWhisperModel({ seed: 7 });
      const text = new TextDecoder("latin1").decode(bytes);
      const at = text.indexOf("decoder.ln.weight");
      assert.ok(at > 0);
      bytes.set(new TextEncoder().encode("decoder.xx.weight"), at);
      const model = join(root, "renamed.bin");
      await Deno.writeFile(model, bytes);
      const run = await runApp(
        ["--batch", input, "--out", join(root, "vault"), "--json", "--whisper", model],
        { env },
      );
      assert.equal(run.code, 1, run.stderr);
      const failed = ofType(run.events, "file_failed");
      assert.ok(failed.length >= 1);
      assert.match(failed[0].error, /whisper-cli failed \(exit \d+\): .*failed to initialize/);
    }),
});

Deno.test({
  name: "with an installed model and whisper-cli, recordings use Whisper; otherwise a hint",
  ignore: !ready,
  fn: () =>
    withTempDir(async (root) => {
      const { input, model, env } = await setup(root, 5);
      const plain = await runApp(["--batch", input, "--out", join(root, "v1")], { env });
      assert.equal(plain.code, 0, plain.stderr);
      assert.match(
        plain.stderr,
        /gleaner: recordings are transcribed with PocketSphinx .*models pull/,
      );
      const first = await Deno.readTextFile(join(root, "v1", "Sources", "Episode.md"));
      assert.match(first, /engine: "pocketsphinx_continuous"/);

      const models = join(env.XDG_STATE_HOME, "gleaner", "models");
      await Deno.mkdir(models, { recursive: true });
      await Deno.copyFile(model, join(models, "ggml-base.en.bin"));
      const whisper = await runApp(["--batch", input, "--out", join(root, "v2")], { env });
      assert.equal(whisper.code, 0, whisper.stderr);
      assert.doesNotMatch(whisper.stderr, /PocketSphinx/);
      const note = await Deno.readTextFile(join(root, "v2", "Sources", "Episode.md"));
      assert.match(note, /engine: "whisper-cli"\nmodel: "ggml-base\.en\.bin"/);

      // The model alone is not enough: without whisper-cli on the PATH, PocketSphinx and the hint.
      const noCli = await runApp(["--batch", input, "--out", join(root, "v3")], {
        env: { ...env, PATH: "/usr/bin:/bin" },
      });
      assert.equal(noCli.code, 0, noCli.stderr);
      assert.match(noCli.stderr, /transcribed with PocketSphinx/);
    }),
});

/**
 * A `whisper-cli` first on the PATH that tells the test its process id through a FIFO, then
 * becomes the real whisper-cli (exec keeps the id): the test learns the moment the engine
 * starts without polling. gleaner starts engines with an empty environment, so the paths are
 * written into the script.
 */
async function engineSpy(root: string): Promise<{ bin: string; started: Promise<number> }> {
  const real = new TextDecoder().decode(
    (await new Deno.Command("sh", { args: ["-c", "command -v whisper-cli"] }).output()).stdout,
  ).trim();
  const bin = join(root, "spy-bin");
  await Deno.mkdir(bin);
  const fifo = join(root, "engine-started");
  const made = await new Deno.Command("mkfifo", { args: [fifo] }).output();
  assert.ok(made.success);
  await Deno.writeTextFile(
    join(bin, "whisper-cli"),
    `#!/bin/sh\necho $$ > '${fifo}'\nexec '${real}' "$@"\n`,
    { mode: 0o755 },
  );
  const started = Deno.readTextFile(fifo).then((text) => Number(text.trim()));
  return { bin, started };
}

/** Whether a process still runs (a zombie waiting for its parent to reap it does not). */
async function running(pid: number): Promise<boolean> {
  try {
    const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

Deno.test({
  name: "a batch stopped while whisper-cli works on a chunk leaves no engine running",
  ignore: !ready || Deno.build.os !== "linux",
  fn: () =>
    withTempDir(async (root) => {
      // One long chunk: the engine is mid-chunk when the batch is stopped.
      const { input, model, env } = await setup(root, 600);
      const spy = await engineSpy(root);
      const child = appCommand(
        ["--batch", input, "--out", join(root, "vault"), "--json", "--whisper", model],
        {
          env: { ...env, PATH: `${spy.bin}:${Deno.env.get("PATH")}` },
          cwd: root,
          stderr: "null",
        },
      ).spawn();
      const stdout = new Response(child.stdout).text();
      const pid = await spy.started;
      assert.ok(await running(pid), "the engine had ended before the batch was stopped");
      assert.match(await Deno.readTextFile(`/proc/${pid}/cmdline`), /ggml-tiny-test\.bin/);
      child.kill("SIGINT");
      const status = await child.status;
      await stdout;
      assert.equal(status.code, 130);
      assert.equal(await running(pid), false, `whisper-cli ${pid} still runs after the batch`);
    }),
});

Deno.test({
  name: "a job cancelled in the web UI mid-chunk stops its whisper-cli while the app runs on",
  ignore: !ready || Deno.build.os !== "linux",
  fn: () =>
    withTempDir(async (root) => {
      const { input, model, env } = await setup(root, 600);
      const spy = await engineSpy(root);
      const ui = await startUi(join(root, "ui-state"), {
        env: { ...env, PATH: `${spy.bin}:${Deno.env.get("PATH")}` },
      });
      const api = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`${ui.base}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${ui.token}`, "content-type": "application/json" },
        });
        assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
        return await response.json();
      };
      try {
        const { id } = await api("/api/jobs", {
          method: "POST",
          body: JSON.stringify({ input, out: join(root, "vault"), whisperModel: model }),
        });
        const pid = await spy.started;
        assert.ok(await running(pid), "the engine had ended before the job was cancelled");
        await api(`/api/jobs/${id}/cancel`, { method: "POST", body: "{}" });
        // The job settles when its sandbox has confirmed the abort (or been replaced): a bounded
        // wait on that state, which the API reports.
        for (let i = 0; i < 600 && (await api(`/api/jobs/${id}`)).running; i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.equal((await api(`/api/jobs/${id}`)).running, false, "the job never settled");
        assert.equal(await running(pid), false, `whisper-cli ${pid} still runs after the cancel`);
        assert.ok(await running(ui.child.pid), "the app itself should still run");
      } finally {
        ui.child.kill("SIGINT");
        await ui.child.status;
        await ui.drained;
      }
    }),
});
