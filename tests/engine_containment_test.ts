/**
 * Nothing a job starts may read outside the input folder, and the app never starts itself.
 * Recordings crafted to make ffmpeg follow a reference (a concat list behind an MP3's ID3 tag, an
 * HLS playlist or a concat list under an audio name, subtitles behind a tag) run through the real
 * app under strace, which records every file any of its processes opens; a file swapped for a
 * link or a FIFO after the walk is refused by the stage; an ffprobe on the PATH that is the app's
 * own executable is never started.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runPipeline } from "../src/pipeline/pipeline.ts";
import { timeBoxed } from "../src/sandbox/time_box.ts";
import { ofType, runApp, withTempDir } from "./support/app.ts";
import { writeText } from "./support/corpus.ts";
import { referenceTricks } from "./support/media_tricks.ts";
import { requires } from "./support/requires.ts";
import { InputError } from "../src/common/errors.ts";

/** The engines, and strace to watch what they open. */
const SKIP = requires("engine_containment_test", "ffmpeg", "strace");

async function ffmpeg(args: string[]): Promise<void> {
  const out = await new Deno.Command("ffmpeg", { args: ["-v", "error", "-y", ...args] }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
}

Deno.test({
  name: "recordings that name other files make no engine open anything outside the input",
  ignore: SKIP,
  fn: () =>
    withTempDir(async (base) => {
      const root = await Deno.realPath(base);
      const input = join(root, "input");
      const outside = join(root, "outside-the-input");
      await Deno.mkdir(input);
      await Deno.mkdir(outside);
      // What an attacker wants read: recordings elsewhere on the disk.
      const secretMp3 = join(outside, "secret.mp3");
      const secretWav = join(outside, "secret.wav");
      await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", secretMp3]);
      await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", secretWav]);
      const tricks = referenceTricks(secretMp3, secretWav);
      for (const [name, bytes] of Object.entries(tricks)) {
        await Deno.writeFile(join(input, name), bytes);
      }
      // One honest recording, so the engines do run in this batch.
      await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=300:duration=2", join(input, "ok.wav")]);

      const trace = join(root, "strace.txt");
      const result = await runApp(
        ["--batch", input, "--out", join(root, "vault"), "--json", "--workers", "1"],
        {
          wrap: ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2,execve", "-o", trace],
        },
      );
      const opened = (await Deno.readTextFile(trace)).split("\n")
        .filter((line) => line.includes(outside));
      assert.deepEqual(opened, [], "a process of the job opened a file outside the input");

      const failed = new Map(ofType(result.events, "file_failed").map((e) => [e.path, e.error]));
      const done = ofType(result.events, "file_done").map((e) => e.path);
      for (const name of Object.keys(tricks).filter((n) => !n.endsWith(".m3u8"))) {
        assert.ok(failed.has(name), `${name} was not refused: ${result.stderr}`);
        assert.ok(!done.includes(name), name);
      }
      assert.ok(done.includes("ok.wav"), `the honest recording failed: ${failed.get("ok.wav")}`);
    }),
});

Deno.test({
  name: "an ffprobe on the PATH that is the app's own executable is refused, never started",
  ignore: SKIP,
  fn: () =>
    withTempDir(async (root) => {
      const input = join(root, "input");
      const bin = join(root, "bin");
      await Deno.mkdir(input);
      await Deno.mkdir(bin);
      await Deno.symlink(Deno.execPath(), join(bin, "ffprobe"));
      await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=300:duration=1", join(input, "a.wav")]);
      const trace = join(root, "strace.txt");
      const result = await runApp(["--batch", input, "--out", join(root, "vault"), "--json"], {
        env: { PATH: `${bin}:${Deno.env.get("PATH")}` },
        wrap: ["strace", "-f", "-qq", "-e", "trace=execve", "-o", trace],
      });
      const [failure] = ofType(result.events, "file_failed");
      assert.equal(failure?.path, "a.wav", result.stderr);
      assert.match(
        failure.error,
        /ffprobe on the PATH \(.*\) is a Deno executable, as gleaner's own/,
      );
      const starts = (await Deno.readTextFile(trace)).split("\n")
        .filter((line) => /execve\(/.test(line) && !/ENOENT/.test(line));
      assert.equal(
        starts.filter((line) => line.includes(`"${Deno.execPath()}"`) || line.includes(bin))
          .length,
        1,
        `the app was started more than once:\n${starts.join("\n")}`,
      );
    }),
});

Deno.test("the stage refuses a file swapped for a link out of the input or for a FIFO", async () => {
  await withTempDir(async (base) => {
    const root = await Deno.realPath(base);
    const input = join(root, "input");
    await Deno.mkdir(input);
    await writeText(join(root, "secret.txt"), "the secret text outside the input");
    await Deno.symlink(join(root, "secret.txt"), join(input, "swapped.txt"));
    const fifo = await new Deno.Command("mkfifo", { args: [join(input, "fifo.txt")] }).output();
    assert.ok(fifo.success);
    for (
      const [name, reason] of [["swapped.txt", /leads outside/], ["fifo.txt", /not a regular/]]
    ) {
      const draft = runPipeline({
        taskId: 1,
        absPath: join(input, name as string),
        relPath: name as string,
        size: 10,
        budgetMs: 60_000,
        options: { maxBytes: 1 << 20, maxDurationMs: 3_600_000, chunkMs: 300_000 },
      }, { progress: () => {}, timeBoxed: (fn) => timeBoxed(fn, 60_000), chunkDone: () => {} });
      await assert.rejects(draft, (error: Error) => {
        assert.ok(error instanceof InputError, String(error));
        assert.match(error.message, reason as RegExp);
        return true;
      });
    }
  });
});
