/**
 * Sharded batches end to end, with the real app as separate processes: shards of one input
 * folder run at once (one of them killed with SIGKILL and run again), `gleaner merge` brings them
 * together, and the merged vault must be byte for byte the vault of one machine's batch, whatever
 * the order of merging, however often, and whichever cluster engine's variables chose the shards.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { makeMixedCorpus } from "../scripts/torture/mixed_corpus.ts";
import { hashFile } from "../src/discover/hash.ts";
import type { MergeEvent } from "../src/merge/merge_vaults.ts";
import { shardOf } from "../src/shard/shard_spec.ts";
import { JobStore } from "../src/store/job_store.ts";
import { type AppResult, ofType, runApp, watchApp, withTempDir } from "./support/app.ts";
import { makeCorpus, snapshotVault, writeText } from "./support/corpus.ts";
import { writeTinyWhisperModel } from "./support/tiny_whisper_model.ts";

/** Text, Markdown, HTML, PDF, DOCX and subtitles; two files that fail; a title in two folders
 * whose walk order differs from plain string order ("a b/" after "a/"). */
async function writeCorpus(input: string): Promise<void> {
  await makeMixedCorpus(input, 30, 0);
  await writeText(join(input, "bad/binary.txt"), new Uint8Array([0x41, 0x00, 0x42, 0x00]));
  // A picture named .md: refused by its content (an empty file would be skipped, not failed).
  await writeText(
    join(input, "bad/picture.md"),
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]),
  );
  await writeText(
    join(input, "a b/x.md"),
    "# Shared title\n\nNotes from the folder with a space.\n",
  );
  await writeText(join(input, "a/x.md"), "# Shared title\n\nNotes from the plain folder.\n");
  // Two notes related only by their links, which a merge must read as one machine does.
  const page = (title: string, text: string, other: string) =>
    `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text} See ` +
    `<a href="${other}.html">${other}</a>.</p></body></html>`;
  await writeText(
    join(input, "linked/tides.html"),
    page("Tides", "The moon pulls the harbour water twice a day.", "lamps"),
  );
  await writeText(
    join(input, "linked/lamps.html"),
    page("Lamps", "Keepers trim harbour wicks at dusk.", "tides"),
  );
}

const mergeEvents = (run: AppResult) => run.events as unknown as MergeEvent[];

function finished(run: AppResult) {
  const [event] = mergeEvents(run).filter((e) => e.type === "merge_finished");
  assert.ok(event?.type === "merge_finished", `no merge_finished: ${run.stdout}${run.stderr}`);
  return event;
}

function merge(shards: string[], out: string): Promise<AppResult> {
  return runApp(["merge", ...shards, "--out", out, "--json"]);
}

/** The inputs of each shard, by the content hash of each file the reference run took. */
async function membership(input: string, run: AppResult, count: number): Promise<Set<string>[]> {
  const paths = new Set([
    ...ofType(run.events, "file_done").map((e) => e.path),
    ...ofType(run.events, "file_failed").map((e) => e.path),
  ]);
  const shards = Array.from({ length: count }, () => new Set<string>());
  for (const path of paths) shards[shardOf(await hashFile(join(input, path)), count)].add(path);
  return shards;
}

/** Every file of the vault but its state, with its modification time. */
async function mtimes(vault: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const walk = async (sub: string) => {
    for await (const e of Deno.readDir(join(vault, sub))) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (rel === ".gleaner") continue;
      if (e.isDirectory) await walk(rel);
      else times.set(rel, (await Deno.stat(join(vault, rel))).mtime!.getTime());
    }
  };
  await walk("");
  return times;
}

Deno.test("three shards at once, one killed with SIGKILL and run again, merge into the vault one machine makes", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await writeCorpus(input);
    const reference = join(root, "reference");
    const ref = await runApp(["--batch", input, "--out", reference, "--json", "--workers", "1"]);
    assert.equal(ref.code, 1, ref.stderr); // the two bad files
    const want = await snapshotVault(reference, { maps: true });
    assert.ok(want.has("Sources/Shared title.md") && want.has("Sources/Shared title (2).md"));

    const members = await membership(input, ref, 3);
    const victim = members.reduce((best, m, k) => (m.size > members[best].size ? k : best), 0);
    assert.ok(members[victim].size >= 3, `shard sizes ${members.map((m) => m.size)}`);
    const shard = (k: number) => join(root, `shard-${k}`);
    const shardArgs = (k: number) => [
      ...["--batch", input, "--out", shard(k), "--json", "--workers", "1"],
      ...["--shard", `${k}/3`],
    ];

    let killed = false;
    const runs = await Promise.all(
      [0, 1, 2].map((k) =>
        k !== victim ? runApp(shardArgs(k)) : watchApp(shardArgs(k), (event, child) => {
          if (event.type === "file_done" && !killed) {
            killed = true;
            child.kill("SIGKILL");
          }
        })
      ),
    );
    assert.equal(runs[victim].code, 137, runs[victim].stderr);
    const committed = new Set(ofType(runs[victim].events, "file_done").map((e) => e.path));

    const early = await merge([shard(victim)], join(root, "early"));
    assert.equal(early.code, 2);
    assert.match(early.stderr, new RegExp(`shard ${victim}/3 in .* has not finished`));

    const rerun = await runApp(shardArgs(victim));
    runs[victim] = { ...rerun, events: [...runs[victim].events, ...rerun.events] };
    assert.equal(ofType(rerun.events, "state_recovered")[0]?.crashedRuns, 1);
    for (const e of ofType(rerun.events, "file_started")) {
      assert.ok(!committed.has(e.path), `${e.path} was committed, then started again`);
    }
    for (const [k, run] of runs.entries()) {
      const took = new Set([
        ...ofType(run.events, "file_done").map((e) => e.path),
        ...ofType(run.events, "file_failed").map((e) => e.path),
      ]);
      assert.deepEqual([...took].sort(), [...members[k]].sort(), `shard ${k}/3 took other files`);
    }

    const merged = join(root, "merged");
    const all = await merge([0, 1, 2].map(shard), merged);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(finished(all).missing, []);
    assert.equal(finished(all).failed, 2);
    assert.deepEqual(await snapshotVault(merged, { maps: true }), want);

    // Merged again, all of it or one shard: not a byte and not a modification time changes.
    const before = await mtimes(merged);
    for (const shards of [[0, 1, 2], [victim]]) {
      const again = await merge(shards.map(shard), merged);
      assert.equal(again.code, 0, again.stderr);
      const { written, removed, mapsWritten } = finished(again);
      assert.deepEqual({ written, removed, mapsWritten }, {
        written: 0,
        removed: 0,
        mapsWritten: 0,
      });
      assert.deepEqual(await snapshotVault(merged, { maps: true }), want);
      assert.deepEqual(await mtimes(merged), before);
    }

    const reversed = join(root, "reversed");
    assert.equal((await merge([2, 1, 0].map(shard), reversed)).code, 0);
    assert.deepEqual(await snapshotVault(reversed, { maps: true }), want);

    // A merge killed with SIGKILL once its shards are recorded, part-way through its notes, and
    // after its last note before its state and maps: each time a plain re-run finishes the job.
    const cut = join(root, "cut");
    const mergeArgs = ["merge", ...[0, 1, 2].map(shard), "--out", cut, "--json"];
    const killAt: ((e: MergeEvent) => boolean)[] = [
      (e) => e.type === "shard_merged",
      (e) => e.type === "notes_written" && e.done < e.total,
      (e) => e.type === "notes_written" && e.done === e.total,
    ];
    for (const [i, at] of killAt.entries()) {
      const run = await watchApp(mergeArgs, (event, child) => {
        if (at(event as unknown as MergeEvent)) child.kill("SIGKILL");
      });
      // 0 when the merge got to its end before the signal: the re-run must then change nothing.
      assert.ok([0, 137].includes(run.code), `kill ${i}: ${run.code} ${run.stderr}`);
    }
    assert.equal((await merge([0, 1, 2].map(shard), cut)).code, 0);
    assert.deepEqual(await snapshotVault(cut, { maps: true }), want);

    // One shard at a time as they finish, with the user's own words added to Home.md between.
    const oneByOne = join(root, "one-by-one");
    const first = await merge([shard(1)], oneByOne);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(finished(first).missing, ["0/3", "2/3"]);
    const own = "\nMy own words about this vault.\n";
    await Deno.writeTextFile(join(oneByOne, "Home.md"), own, { append: true });
    assert.equal((await merge([shard(2)], oneByOne)).code, 0);
    assert.equal((await merge([shard(0)], oneByOne)).code, 0);
    const got = await snapshotVault(oneByOne, { maps: true });
    assert.equal(got.get("Home.md"), want.get("Home.md") + own);
    got.set("Home.md", want.get("Home.md")!);
    assert.deepEqual(got, want);

    // The merged vault is a vault like any other: a batch over all the inputs has nothing to do.
    const later = await runApp(["--batch", input, "--out", merged, "--json", "--workers", "1"]);
    assert.equal(later.code, ref.code, later.stderr);
    assert.equal(ofType(later.events, "file_started").length, 0);
    assert.deepEqual(await snapshotVault(merged, { maps: true }), want);
    assert.deepEqual(await mtimes(merged), before);
  });
});

Deno.test("a merge refuses shards that conflict or do not belong together, and writes nothing", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 8);
    const shard = (name: string) => join(root, name);
    const runShard = async (name: string, spec: string, ...extra: string[]) => {
      const run = await runApp([
        ...["--batch", input, "--out", shard(name), "--json", "--shard", spec],
        ...extra,
      ]);
      assert.equal(run.code, 0, run.stderr);
      return run;
    };
    const zero = await runShard("s0", "0/2");

    // One of shard 0's inputs changes so that it now belongs to shard 1, which runs after.
    const moved = ofType(zero.events, "file_done")[0].path;
    const original = await Deno.readTextFile(join(input, moved));
    let text = original;
    for (let i = 0; shardOf(sha256(text), 2) !== 1; i++) text = `${original}\nEdited ${i}.\n`;
    await Deno.writeTextFile(join(input, moved), text);
    await runShard("s1", "1/2");
    const [real0, real1] = [await Deno.realPath(shard("s0")), await Deno.realPath(shard("s1"))];
    const conflict = new RegExp(
      `conflict: the input "${moved}" is claimed by shard [01]/2 \\(.*\\) with content hash ` +
        `[0-9a-f]{64} and by shard [01]/2 \\(.*\\) with content hash [0-9a-f]{64}`,
    );

    const vault = join(root, "vault");
    const both = await merge([shard("s0"), shard("s1")], vault);
    assert.equal(both.code, 2);
    assert.match(both.stderr, conflict);
    for (const needle of [real0, real1, sha256(original), sha256(text)]) {
      assert.ok(both.stderr.includes(needle), `${needle} not named: ${both.stderr}`);
    }
    assert.equal((await snapshotVault(vault, { maps: true })).size, 0);

    // Shard 0 merged first, then shard 1: refused, and the vault stays as it was.
    assert.equal((await merge([shard("s0")], vault)).code, 0);
    const [snapshot, times] = [await snapshotVault(vault, { maps: true }), await mtimes(vault)];
    const late = await merge([shard("s1")], vault);
    assert.equal(late.code, 2);
    assert.match(late.stderr, conflict);

    await runShard("s3", "1/3");
    const counts = await merge([shard("s3")], vault);
    assert.equal(counts.code, 2);
    assert.match(counts.stderr, /different numbers of shards/);

    // A model file gleaner accepts (it is checked before a batch starts).
    await writeTinyWhisperModel(join(root, "model.bin"));
    await Deno.writeTextFile(join(input, moved), original);
    await runShard("s1-whisper", "1/2", "--whisper-model", join(root, "model.bin"));
    const options = await merge([shard("s1-whisper")], vault);
    assert.equal(options.code, 2);
    assert.match(
      options.stderr,
      /shard 1\/2 \(.*\) ran with options .*whisper-cli.* and shard 0\/2/,
    );

    assert.deepEqual(await snapshotVault(vault, { maps: true }), snapshot);
    assert.deepEqual(await mtimes(vault), times);

    const notShard = await merge([vault], join(root, "other"));
    assert.match(notShard.stderr, /is not a shard vault: its batch ran without --shard/);
    const intoShard = await merge([shard("s0")], shard("s1"));
    assert.match(intoShard.stderr, /is a shard vault: merge into a folder of its own/);

    // A shard vault holds one shard: another one, or a whole batch, is refused.
    const other = await runApp(["--batch", input, "--out", shard("s0"), "--shard", "1/2"]);
    assert.equal(other.code, 2);
    assert.match(
      other.stderr,
      /holds shard 0\/2 of a sharded batch: give each shard its own --out/,
    );
    const whole = await runApp(["--batch", input, "--out", shard("s0")]);
    assert.equal(whole.code, 2);
    assert.match(whole.stderr, /holds shard 0\/2 of a sharded batch: run with --shard 0\/2/);
  });
});

Deno.test("--shard auto takes the shard from Kubernetes, Slurm and AWS Batch variables", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 10);
    const reference = join(root, "reference");
    const ref = await runApp(["--batch", input, "--out", reference, "--json"]);
    assert.equal(ref.code, 0, ref.stderr);
    const members = await membership(input, ref, 2);

    const engines: { name: string; index: number; env: Record<string, string> }[] = [
      {
        name: "kubernetes",
        index: 1,
        env: { JOB_COMPLETION_INDEX: "1", GLEANER_SHARD_COUNT: "2" },
      },
      {
        name: "slurm",
        index: 0,
        env: {
          SLURM_ARRAY_TASK_ID: "1",
          SLURM_ARRAY_TASK_MIN: "1",
          SLURM_ARRAY_TASK_MAX: "2",
          SLURM_ARRAY_TASK_COUNT: "2",
          SLURM_ARRAY_TASK_STEP: "1",
        },
      },
      {
        name: "aws",
        index: 1,
        env: { AWS_BATCH_JOB_ARRAY_INDEX: "1", AWS_BATCH_JOB_ARRAY_SIZE: "2" },
      },
    ];
    const runs = await Promise.all(
      engines.map((e) =>
        runApp(["--batch", input, "--out", join(root, e.name), "--json", "--shard", "auto"], {
          env: e.env,
        })
      ),
    );
    for (const [i, engine] of engines.entries()) {
      assert.equal(runs[i].code, 0, `${engine.name}: ${runs[i].stderr}`);
      const done = ofType(runs[i].events, "file_done").map((e) => e.path).sort();
      assert.deepEqual(done, [...members[engine.index]].sort(), engine.name);
      const store = JobStore.openReadOnly(join(root, engine.name, ".gleaner", "state.db"));
      try {
        const [held] = store.shardJobs();
        assert.deepEqual([held.index, held.count], [engine.index, 2], engine.name);
      } finally {
        store.close();
      }
    }
    // Shards chosen by two different engines' variables still make the one-machine vault.
    const merged = join(root, "merged");
    const run = await merge([join(root, "slurm"), join(root, "kubernetes")], merged);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      await snapshotVault(merged, { maps: true }),
      await snapshotVault(reference, { maps: true }),
    );

    const beyond = await runApp(["--batch", input, "--shard", "auto"], {
      env: { JOB_COMPLETION_INDEX: "2", GLEANER_SHARD_COUNT: "2" },
    });
    assert.equal(beyond.code, 2);
    assert.match(beyond.stderr, /JOB_COMPLETION_INDEX=2 makes shard 2, but the count is 2/);
    const none = await runApp(["--batch", input, "--shard", "auto/2"]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--shard auto found no task index/);
  });
});

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
