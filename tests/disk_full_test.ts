/**
 * A vault on a full disk: each test mounts a small tmpfs for it, which needs root (or at least
 * the right to mount), and is skipped where the machine forbids mounts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { JobSummaryRow } from "../src/protocol/api.ts";
import { decodeChunk } from "../src/pipeline/media/ffmpeg.ts";
import { startServer } from "../src/server/serve.ts";
import { readNote } from "../src/vault/read_note.ts";
import { ofType, runApp, withTempDir } from "./support/app.ts";
import { makeCorpus, snapshotVault } from "./support/corpus.ts";
import { LIBRIVOX, requires, requiresThat } from "./support/requires.ts";

/** Why a tmpfs cannot be mounted here, or undefined when it can. */
const MOUNT_REFUSED = await (async () => {
  const dir = await Deno.makeTempDir({ prefix: "gleaner-mount-probe-" });
  try {
    await mount(dir, "64k");
    await unmount(dir);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
})();
const MODULE = "disk_full_test";
const ignore = requiresThat(
  MODULE,
  MOUNT_REFUSED && `mounts are forbidden here (run as root, in a container with --privileged): ` +
      MOUNT_REFUSED,
);

async function mount(dir: string, size: string, remount = false): Promise<void> {
  const args = remount
    ? ["-o", `remount,size=${size}`, dir]
    : ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir];
  const out = await new Deno.Command("mount", { args, stderr: "piped" }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr).trim());
}

async function unmount(dir: string): Promise<void> {
  const out = await new Deno.Command("umount", { args: [dir], stderr: "null" }).output();
  if (!out.success) await new Deno.Command("umount", { args: ["-l", dir] }).output();
}

/** A tmpfs of `size` at `root/small`, unmounted afterwards; `resize` grows or shrinks it. */
async function withSmallDisk(
  root: string,
  size: string,
  fn: (dir: string, resize: (size: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  const dir = join(root, "small");
  await Deno.mkdir(dir);
  await mount(dir, size);
  try {
    await fn(dir, (size) => mount(dir, size, true));
  } finally {
    await unmount(dir);
  }
}

const FULL = /the disk holding the vault (\S+) is full \(.+\): free some space on it, then resume/;

Deno.test({
  name: "a batch that fills the disk stops with exit 2 saying where and what to do, then resumes",
  ignore,
  fn: () =>
    withTempDir(async (root) => {
      const input = join(root, "input");
      await makeCorpus(input, 20);
      const reference = join(root, "reference");
      assert.equal((await runApp(["--batch", input, "--out", reference])).code, 0);
      await withSmallDisk(root, "900k", async (dir, resize) => {
        const vault = join(dir, "vault");
        const args = ["--batch", input, "--out", vault, "--json"];
        const full = await runApp(args);
        assert.equal(full.code, 2, full.stderr);
        assert.doesNotMatch(full.stderr, /Uncaught|^\s+at /m);
        const [failed] = ofType(full.events, "job_failed");
        assert.equal(FULL.exec(failed?.error ?? "")?.[1], vault, failed?.error);
        assert.equal(FULL.exec(full.stderr)?.[1], vault, full.stderr);
        const finished = new Set(ofType(full.events, "file_done").map((e) => e.path));
        assert.ok(finished.size > 0, "some files were finished before the disk filled");
        // No torn note: every note there is whole.
        for (const [path, text] of await snapshotVault(vault)) {
          assert.ok(readNote(text), `${path} is torn`);
        }

        await resize("16m");
        const resumed = await runApp(args);
        assert.equal(resumed.code, 0, resumed.stderr);
        const again = ofType(resumed.events, "file_started").filter((e) => finished.has(e.path));
        assert.deepEqual(again, [], "finished files processed again");
        // The stopped run closed its books: its resume does not take it for a crash.
        assert.deepEqual(ofType(resumed.events, "state_recovered"), []);
        assert.deepEqual(
          await snapshotVault(vault, { maps: true }),
          await snapshotVault(reference, { maps: true }),
        );
      });
    }),
});

Deno.test({
  name: "on a disk with no room at all, a run says the disk is full and leaves the state as it was",
  ignore,
  fn: () =>
    withTempDir(async (root) => {
      const input = join(root, "input");
      await makeCorpus(input, 5);
      await withSmallDisk(root, "8m", async (dir) => {
        const vault = join(dir, "vault");
        const args = ["--batch", input, "--out", vault, "--json"];
        assert.equal((await runApp(args)).code, 0);
        const filler = join(dir, "filler");
        await Deno.writeFile(filler, new Uint8Array(8 << 20)).catch(() => {/* full, as meant */});
        for (let i = 0; i < 64; i++) {
          await Deno.writeFile(`${filler}-${i}`, new Uint8Array(4096)).catch(() => {});
        }

        const full = await runApp(args);
        assert.equal(full.code, 2, full.stderr);
        // Not "another gleaner is already working on the vault" (the lock's write failed), and
        // the state is not taken for damaged and moved aside (opening it failed).
        assert.equal(FULL.exec(full.stderr)?.[1], vault, full.stderr);
        const state = [...Deno.readDirSync(join(vault, ".gleaner"))].map((e) => e.name);
        assert.deepEqual(state.filter((n) => n.includes("corrupt")), []);

        for (const entry of Deno.readDirSync(dir)) {
          if (entry.name.startsWith("filler")) await Deno.remove(join(dir, entry.name));
        }
        const again = await runApp(args);
        assert.equal(again.code, 0, again.stderr);
        assert.deepEqual(ofType(again.events, "file_started"), [], "nothing processed again");
      });
    }),
});

/** Recordings also need ffmpeg (the decoder under test) and the speech clips. */
const noMedia = ignore || requires(MODULE, "ffmpeg", "pocketsphinx-testdata");
const clips = (() => {
  try {
    return [...Deno.readDirSync(LIBRIVOX)].map((e) => e.name).filter((n) => n.endsWith(".wav"))
      .sort().map((n) => join(LIBRIVOX, n));
  } catch {
    return [];
  }
})();

Deno.test({
  name: "a recording whose scratch audio does not fit stops the job; the file is not failed",
  ignore: noMedia || requires(MODULE, "pocketsphinx"),
  fn: () =>
    withTempDir(async (root) => {
      // About two minutes of speech: decoded for the speech engine, some 4 MB of scratch audio.
      const input = join(root, "input");
      await Deno.mkdir(input);
      const list = join(root, "clips.txt");
      await Deno.writeTextFile(list, clips.flatMap((c) => Array(5).fill(`file '${c}'\n`)).join(""));
      const concat = await new Deno.Command("ffmpeg", {
        args: [
          "-loglevel",
          "error",
          "-f",
          "concat",
          "-safe",
          "0",
          "-i",
          list,
          join(input, "long.wav"),
        ],
      }).output();
      assert.ok(concat.success, new TextDecoder().decode(concat.stderr));
      await withSmallDisk(root, "1m", async (dir) => {
        const vault = join(dir, "vault");
        const full = await runApp(["--batch", input, "--out", vault, "--json"]);
        assert.equal(full.code, 2, full.stderr);
        const [failed] = ofType(full.events, "job_failed");
        assert.match(failed?.error ?? "", /cannot write the scratch files for long\.wav/);
        assert.equal(FULL.exec(failed.error)?.[1], vault);
        assert.deepEqual(ofType(full.events, "file_failed"), []);
        const db = new DatabaseSync(join(vault, ".gleaner", "state.db"), { readOnly: true });
        try {
          const file = db.prepare("SELECT status, failures FROM files WHERE path = 'long.wav'")
            .get();
          assert.deepEqual({ ...file }, { status: "pending", failures: 0 });
          const [run] = db.prepare("SELECT ended_at, end_reason FROM runs").all();
          assert.equal(run.end_reason, "fatal", "the run was closed");
        } finally {
          db.close();
        }
      });
    }),
});

Deno.test({
  name: "decoding a recording onto a disk that fills fails, though ffmpeg itself exits 0",
  ignore: noMedia,
  fn: () =>
    withTempDir(async (root) => {
      // 60 KB of room for some 220 KB of audio: ffmpeg notices only as it writes the WAV's end.
      await withSmallDisk(root, "60k", async (dir) => {
        const wav = join(dir, "chunk.wav");
        await assert.rejects(
          decodeChunk({ path: clips[0], demuxer: "wav" }, wav, 0, 300_000, () => {}),
          /ffmpeg could not write the decoded audio .*chunk\.wav: .*No space left on device/,
        );
      });
    }),
});

Deno.test({
  name:
    "the web UI shows a job stopped by a full disk as stopped, with the error, until it resumes",
  ignore,
  fn: () =>
    withTempDir(async (root) => {
      const input = join(root, "input");
      await makeCorpus(input, 20);
      const server = startServer({ port: 0, state: join(root, "state") });
      const api = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
        });
        return await response.json();
      };
      try {
        await withSmallDisk(root, "900k", async (dir, resize) => {
          const vault = join(dir, "vault");
          const { id } = await api("/api/jobs", {
            method: "POST",
            body: JSON.stringify({ input, out: vault, workers: 2 }),
          });
          await server.manager.settled(id);
          const stopped = await api(`/api/jobs/${id}`) as JobSummaryRow;
          assert.equal(stopped.running, false);
          assert.equal(stopped.state, "interrupted");
          assert.equal(FULL.exec(stopped.error ?? "")?.[1], vault, stopped.error ?? "no error");
          const [listed] = await api("/api/jobs") as JobSummaryRow[];
          assert.equal(listed.error, stopped.error);

          await resize("16m");
          await api(`/api/jobs/${id}/resume`, { method: "POST", body: "{}" });
          await server.manager.settled(id);
          const finished = await api(`/api/jobs/${id}`) as JobSummaryRow;
          assert.equal(finished.state, "finished");
          assert.equal(finished.error, undefined);
          assert.equal(finished.counts.done, 20);
        });
      } finally {
        await server.close();
      }
    }),
});
