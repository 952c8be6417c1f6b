/**
 * @module
 * The sharding figures of `deno task bench`, with the app in its own processes as a cluster runs
 * it:
 *
 *   - wall time of one corpus (the torture suite's mixed corpus plus long prose documents) as a
 *     single shard (`--shard 0/1`) against three shards at once on this machine followed by
 *     `gleaner merge`, side by side as a ratio, and whether the two vaults are identical; on a
 *     cluster each shard has a machine of its own, here they share its cores, so the ratio shows
 *     what sharding costs (every shard starts up, hashes every input and links its own notes)
 *   - merge time per 1,000 notes: `gleaner merge` of three shard vaults holding that many notes,
 *     into a new vault and again into the merged one (nothing to write)
 *
 * The shard vaults of the second figure are made in this process (the real pipeline and the real
 * job store, no sandboxes), so that thousands of notes take seconds rather than a batch's minutes;
 * the merge itself runs as the app.
 */
import { join } from "node:path";
import { makeMixedCorpus } from "./torture/mixed_corpus.ts";
import { seeded } from "./seeded.ts";
import { outputOptions } from "../src/options/job_options.ts";
import { pipelineInProcess } from "./pipeline_in_process.ts";
import { shardOf } from "../src/shard/shard_spec.ts";
import { JobStore } from "../src/store/job_store.ts";
import { nameKey } from "../src/markdown/note_name.ts";
import { runApp } from "../tests/support/app.ts";
import { snapshotVault } from "../tests/support/corpus.ts";

type Report = (name: string, value: string, target: string) => void;

const WORDS = ("river archive signal tempo harbor lattice meadow quarry orbit ember canyon " +
  "velvet prism sonnet glacier thimble beacon ledger pollen cipher").split(" ");

export async function shardScaling(report: Report, o: { quick: boolean }): Promise<void> {
  const root = await Deno.makeTempDir({ prefix: "gleaner-bench-shards-" });
  try {
    await wallTime(root, report, o.quick ? 30 : 90);
    await mergeTime(root, report, o.quick ? 1_000 : 3_000);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

async function wallTime(root: string, report: Report, files: number): Promise<void> {
  const input = join(root, "mixed");
  const corpus = await makeMixedCorpus(input, files, 0);
  // Documents long enough that analysing them, not starting up, is most of the work.
  const long = Math.round(files / 4);
  for (let i = 0; i < long; i++) await writeProse(join(input, "long", `doc-${i}.txt`), i);
  corpus.files += long;
  console.error(`shards: mixed corpus of ${corpus.files} files, ${long} of them ~120 KB of prose`);
  const batch = (out: string, shard: string, ...extra: string[]) =>
    runApp(["--batch", input, "--out", join(root, out), "--shard", shard, ...extra]);

  let started = performance.now();
  const one = await batch("one", "0/1");
  const oneMs = performance.now() - started;
  if (one.code !== 0) throw new Error(`the single shard exited ${one.code}: ${one.stderr}`);

  started = performance.now();
  const three = await Promise.all([0, 1, 2].map((k) => batch(`s${k}`, `${k}/3`, "--workers", "1")));
  const shardsMs = performance.now() - started;
  for (const run of three) {
    if (run.code !== 0) throw new Error(`a shard exited ${run.code}: ${run.stderr}`);
  }
  started = performance.now();
  const merged = await runApp([
    "merge",
    ...[0, 1, 2].map((k) => join(root, `s${k}`)),
    "--out",
    join(root, "merged"),
  ]);
  const mergeMs = performance.now() - started;
  if (merged.code !== 0) throw new Error(`the merge exited ${merged.code}: ${merged.stderr}`);
  const same = sameVault(
    await snapshotVault(join(root, "one"), { maps: true }),
    await snapshotVault(join(root, "merged"), { maps: true }),
  );

  report(
    `1 shard (N=1), ${navigator.hardwareConcurrency} workers, ${corpus.files} files`,
    s(oneMs),
    "(info)",
  );
  report(
    "3 shards at once (1 worker each) + merge",
    `${s(shardsMs + mergeMs)} (shards ${s(shardsMs)}, merge ${s(mergeMs)})`,
    "(info)",
  );
  report(
    "  (3 shards + merge) / 1 shard, one machine",
    `${((shardsMs + mergeMs) / oneMs).toFixed(2)}x; vaults ${same ? "identical" : "DIFFER"}`,
    "identical; each shard on its own machine on a cluster",
  );
}

async function mergeTime(root: string, report: Report, notes: number): Promise<void> {
  const input = join(root, "notes");
  const shards = [0, 1, 2].map((k) => join(root, `notes-shard-${k}`));
  const made = performance.now();
  await makeShardVaults(input, shards, notes);
  console.error(`shards: ${notes} notes in 3 shard vaults made in ${s(performance.now() - made)}`);

  const out = join(root, "notes-merged");
  let started = performance.now();
  const first = await runApp(["merge", ...shards, "--out", out]);
  const firstMs = performance.now() - started;
  if (first.code !== 0) throw new Error(`the merge exited ${first.code}: ${first.stderr}`);
  started = performance.now();
  const again = await runApp(["merge", ...shards, "--out", out]);
  const againMs = performance.now() - started;
  if (again.code !== 0) throw new Error(`the merge exited ${again.code}: ${again.stderr}`);

  const per = (ms: number) => `${s((ms * 1000) / notes)} per 1,000 notes`;
  report(`merge of ${notes} notes into a new vault`, `${s(firstMs)}: ${per(firstMs)}`, "(info)");
  report(`  merged again, nothing to write`, `${s(againMs)}: ${per(againMs)}`, "(info)");
}

/** Small notes of varied words, each analysed by the real pipeline, stored in its shard. */
export async function makeShardVaults(
  input: string,
  shards: string[],
  notes: number,
): Promise<void> {
  await Deno.mkdir(input, { recursive: true });
  const options = outputOptions();
  const walk = JSON.stringify({ include: [], exclude: [] });
  const stores = await Promise.all(shards.map(async (dir, index) => {
    await Deno.mkdir(join(dir, ".gleaner"), { recursive: true });
    const store = JobStore.open(join(dir, ".gleaner", "state.db"));
    const job = store.createJob(input, options.json, options.hash);
    store.setShard(job.id, { index, count: shards.length }, walk);
    return { store, jobId: job.id };
  }));
  // Every file first: the pipeline waits until a file is a second old before trusting its
  // times, and written one by one each would wait that second.
  const names = Array.from({ length: notes }, (_, i) => `note-${String(i).padStart(5, "0")}.txt`);
  for (const [i, name] of names.entries()) {
    const words = Array.from(
      { length: 60 + (i % 17) * 9 },
      (_, k) => WORDS[(i * 7 + k * 3 + (k % (i % 5 + 2))) % WORDS.length],
    );
    await Deno.writeTextFile(join(input, name), `${words.join(" ")}.\n`);
  }
  for (const [i, name] of names.entries()) {
    const absPath = join(input, name);
    const { size, mtime } = await Deno.stat(absPath);
    const draft = await pipelineInProcess(
      { taskId: i, absPath, relPath: name, size },
      { budgetMs: 60_000, maxBytes: 2 ** 20 },
    );
    const { store, jobId } = stores[shardOf(draft.sourceHash, shards.length)];
    store.transaction(() => {
      const file = store.insertFile(jobId, {
        path: name,
        size,
        mtimeMs: mtime!.getTime(),
        hash: draft.sourceHash,
        status: "done",
      });
      store.commitAdopted(file.id, options.hash);
      // The shard's own note path: the merge names notes afresh and never reads it.
      const path = `Sources/${name}.md`;
      store.upsertNote({
        fileId: file.id,
        base: name,
        baseKey: nameKey(name),
        path,
        contentHash: "",
      });
      store.saveDraft(file.id, draft, []);
    });
  }
  for (const { store, jobId } of stores) {
    store.setJobState(jobId, "finished");
    store.close();
  }
}

/** About 120 KB of seeded sentences over a small vocabulary. */
async function writeProse(path: string, seed: number): Promise<void> {
  const random = seeded(seed + 1);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)];
  const sentences: string[] = [];
  for (let length = 0; length < 120_000;) {
    const words = Array.from({ length: 6 + Math.floor(random() * 12) }, pick);
    const sentence = `${words.join(" ")}.`;
    sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    length += sentence.length + 1;
  }
  await Deno.mkdir(join(path, ".."), { recursive: true });
  await Deno.writeTextFile(path, sentences.join(" ") + "\n");
}

function sameVault(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
