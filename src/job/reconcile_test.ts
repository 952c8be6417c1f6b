import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import type { EngineEventInput } from "../protocol/messages.ts";
import { type FileRow, JobStore } from "../store/job_store.ts";
import { EMPTY_FILE, reconcile } from "./reconcile.ts";
import { shardOf, type ShardSpec } from "../shard/shard_spec.ts";
import { plainDraft } from "../../tests/support/drafts.ts";

const OPTIONS_HASH = "1".repeat(64);
const OTHER_OPTIONS_HASH = "2".repeat(64);
const OLD_TIME = new Date("2001-02-03T04:05:06Z");
const NEW_TIME = new Date("2011-12-13T14:15:16Z");

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** An input folder, a vault with a real store and one job, all in temp folders. */
interface Setup {
  inputDir: string;
  vaultDir: string;
  store: JobStore;
  jobId: number;
}

interface Outcome {
  enqueued: FileRow[];
  events: EngineEventInput[];
  skipped: number;
  total: number;
}

async function withSetup(fn: (setup: Setup) => Promise<void>): Promise<void> {
  const root = await Deno.realPath(await Deno.makeTempDir({ prefix: "gleaner-reconcile-" }));
  const inputDir = join(root, "input");
  const vaultDir = join(root, "vault");
  await Deno.mkdir(inputDir);
  await Deno.mkdir(join(vaultDir, ".gleaner"), { recursive: true });
  await Deno.mkdir(join(vaultDir, "Sources"));
  const store = JobStore.open(join(vaultDir, ".gleaner", "state.db"));
  try {
    const jobId = store.createJob(inputDir, "{}", OPTIONS_HASH).id;
    await fn({ inputDir, vaultDir, store, jobId });
  } finally {
    store.close();
    await Deno.remove(root, { recursive: true });
  }
}

/** Writes each file with the given text and a fixed mtime, so stats are deterministic. */
async function writeInputs(setup: Setup, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(setup.inputDir, ...path.split("/"));
    await Deno.mkdir(dirname(abs), { recursive: true });
    await Deno.writeTextFile(abs, text);
    await Deno.utime(abs, OLD_TIME, OLD_TIME);
  }
}

async function run(
  setup: Setup,
  options: {
    optionsHash?: string;
    signal?: AbortSignal;
    queued?: Set<number>;
    maxDocumentBytes?: number;
    shard?: ShardSpec;
  } = {},
): Promise<Outcome> {
  const enqueued: FileRow[] = [];
  const events: EngineEventInput[] = [];
  const result = await reconcile({
    store: setup.store,
    jobId: setup.jobId,
    inputDir: setup.inputDir,
    vaultDir: setup.vaultDir,
    optionsHash: options.optionsHash ?? OPTIONS_HASH,
    walk: {
      include: [],
      exclude: [],
      skipDirs: [setup.vaultDir],
      extensions: [".txt", ".md", ".markdown", ".mp3"],
    },
    enqueue: (file) => enqueued.push(file),
    ...(options.queued ? { queued: options.queued } : {}),
    ...(options.maxDocumentBytes ? { maxDocumentBytes: options.maxDocumentBytes } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    emit: (event) => events.push(event),
    signal: options.signal ?? new AbortController().signal,
  });
  return { enqueued, events, ...result };
}

/** Finishes a file the way the vault writer does: note on disk, then the checkpoint. */
async function markDone(setup: Setup, path: string): Promise<string> {
  const { store, jobId, vaultDir } = setup;
  const file = store.getFile(jobId, path)!;
  const notePath = `Sources/${path.replaceAll("/", " ")}.md`;
  const text = `---\nsource: "${path}"\n---\n`;
  await Deno.writeTextFile(join(vaultDir, ...notePath.split("/")), text);
  const attempt = store.startAttempt(file.id, store.beginRun(jobId, 1));
  store.commitDone(attempt, file.id, {
    hash: file.hash,
    optionsHash: OPTIONS_HASH,
    note: {
      fileId: file.id,
      baseKey: notePath.toLowerCase(),
      base: path,
      path: notePath,
      contentHash: sha256(text),
    },
    draft: plainDraft(path, "", file.hash),
    related: [],
  });
  return notePath;
}

const paths = (files: FileRow[]) => files.map((f) => f.path);

Deno.test("reconcile() records new files in sorted path order and enqueues them all", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, {
      "z.markdown": "zzz",
      "b.txt": "bbb",
      "sub/c.md": "# c",
      "a.txt": "aaa",
      "notes.pdf": "%PDF",
    });

    const outcome = await run(setup);

    const expected = ["a.txt", "b.txt", "sub/c.md", "z.markdown"];
    assert.deepEqual(paths(outcome.enqueued), expected);
    const rows = setup.store.allFiles(setup.jobId);
    assert.deepEqual(paths(rows), expected);
    const ids = rows.map((f) => f.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    assert.deepEqual(outcome.enqueued, rows);
    for (const row of rows) assert.equal(row.status, "pending");
    assert.equal(setup.store.getFile(setup.jobId, "b.txt")?.hash, sha256("bbb"));
    assert.equal(setup.store.getFile(setup.jobId, "b.txt")?.mtimeMs, OLD_TIME.getTime());
    assert.deepEqual(outcome.events, [
      { type: "file_skipped", path: "notes.pdf", reason: "unsupported file type .pdf" },
    ]);
    assert.deepEqual([outcome.total, outcome.skipped], [4, 1]);
  });
});

Deno.test("reconcile() again over an unchanged folder enqueues nothing and skips done files as unchanged", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb" });
    await run(setup);
    await markDone(setup, "a.txt");
    await markDone(setup, "b.txt");

    const outcome = await run(setup);

    assert.deepEqual(outcome.enqueued, []);
    assert.deepEqual(outcome.events, [
      { type: "file_skipped", path: "a.txt", reason: "unchanged", inTotal: true },
      { type: "file_skipped", path: "b.txt", reason: "unchanged", inTotal: true },
    ]);
    assert.deepEqual([outcome.total, outcome.skipped], [2, 2]);
    assert.equal(setup.store.countByStatus(setup.jobId).done, 2);
  });
});

Deno.test("reconcile() passes over files this run queued before the walk, even once they are done", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb", "c.txt": "ccc" });
    await run(setup);
    const queued = new Set(["a.txt", "b.txt"].map((p) => setup.store.getFile(setup.jobId, p)!.id));
    // a.txt finished before the walk reached it; b.txt is still in a worker.
    await markDone(setup, "a.txt");

    const outcome = await run(setup, { queued });

    assert.deepEqual(outcome.events, []);
    assert.deepEqual(outcome.enqueued.map((f) => f.path), ["c.txt"]);
    assert.deepEqual(setup.store.countByStatus(setup.jobId), {
      pending: 2,
      done: 1,
      failed: 0,
      quarantined: 0,
      removed: 0,
      skipped: 0,
    });
  });
});

Deno.test("reconcile() enqueues a file still pending from an earlier run", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb" });
    await run(setup);
    await markDone(setup, "a.txt");

    const outcome = await run(setup);

    assert.deepEqual(paths(outcome.enqueued), ["b.txt"]);
    assert.equal(outcome.enqueued[0].status, "pending");
  });
});

Deno.test("reconcile() resets and enqueues a done file whose content changed", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb" });
    await run(setup);
    await markDone(setup, "a.txt");
    await markDone(setup, "b.txt");
    const abs = join(setup.inputDir, "a.txt");
    await Deno.writeTextFile(abs, "AAA"); // same size, other bytes
    await Deno.utime(abs, NEW_TIME, NEW_TIME);

    const outcome = await run(setup);

    assert.deepEqual(paths(outcome.enqueued), ["a.txt"]);
    const row = setup.store.getFile(setup.jobId, "a.txt")!;
    assert.deepEqual(
      [row.status, row.hash, row.mtimeMs, row.failures],
      ["pending", sha256("AAA"), NEW_TIME.getTime(), 0],
    );
    assert.deepEqual(outcome.enqueued[0], row);
    assert.deepEqual(outcome.events, [
      { type: "file_skipped", path: "b.txt", reason: "unchanged", inTotal: true },
    ]);
  });
});

Deno.test("reconcile() does not reset a done file whose mtime changed but content did not", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa" });
    await run(setup);
    await markDone(setup, "a.txt");
    await Deno.utime(join(setup.inputDir, "a.txt"), NEW_TIME, NEW_TIME);

    const outcome = await run(setup);

    assert.deepEqual(outcome.enqueued, []);
    assert.deepEqual(outcome.events, [
      { type: "file_skipped", path: "a.txt", reason: "unchanged", inTotal: true },
    ]);
    const row = setup.store.getFile(setup.jobId, "a.txt")!;
    assert.deepEqual([row.status, row.hash, row.mtimeMs], [
      "done",
      sha256("aaa"),
      NEW_TIME.getTime(),
    ]);
  });
});

Deno.test("reconcile() enqueues a done file again when its note is gone or the options changed", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb" });
    await run(setup);
    const notePath = await markDone(setup, "a.txt");
    await markDone(setup, "b.txt");
    await Deno.remove(join(setup.vaultDir, ...notePath.split("/")));

    assert.deepEqual(paths((await run(setup)).enqueued), ["a.txt"]);
    const outcome = await run(setup, { optionsHash: OTHER_OPTIONS_HASH });
    assert.deepEqual(paths(outcome.enqueued), ["a.txt", "b.txt"]);
    assert.equal(setup.store.getFile(setup.jobId, "b.txt")?.status, "pending");
  });
});

Deno.test("reconcile() reports a deleted file once and marks it removed", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb", "c.txt": "ccc" });
    await run(setup);
    const notePath = await markDone(setup, "b.txt");
    await Deno.remove(join(setup.inputDir, "b.txt"));
    await Deno.remove(join(setup.inputDir, "c.txt"));

    const outcome = await run(setup);

    assert.deepEqual(paths(outcome.enqueued), ["a.txt"]);
    assert.deepEqual(outcome.events, [
      { type: "file_removed", path: "b.txt", note: notePath },
      { type: "file_removed", path: "c.txt", note: undefined },
    ]);
    assert.equal(setup.store.getFile(setup.jobId, "b.txt")?.status, "removed");
    assert.equal(setup.store.getFile(setup.jobId, "c.txt")?.status, "removed");
    assert.equal(outcome.total, 1);

    const again = await run(setup);
    assert.deepEqual(again.events.filter((e) => e.type === "file_removed"), []);
  });
});

Deno.test("reconcile() enqueues a removed file again when it comes back", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa" });
    const first = (await run(setup)).enqueued[0];
    await Deno.remove(join(setup.inputDir, "a.txt"));
    await run(setup);
    await writeInputs(setup, { "a.txt": "aaa" });

    const outcome = await run(setup);

    assert.deepEqual(outcome.enqueued.map((f) => [f.id, f.status]), [[first.id, "pending"]]);
  });
});

Deno.test("reconcile() skips failed and quarantined files and says how to retry them", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb", "c.txt": "ccc" });
    await run(setup);
    const { store, jobId } = setup;
    store.setFileStatus(store.getFile(jobId, "a.txt")!.id, "failed", "cannot decode");
    store.setFileStatus(store.getFile(jobId, "b.txt")!.id, "quarantined", "poison file");

    const outcome = await run(setup);

    assert.deepEqual(paths(outcome.enqueued), ["c.txt"]);
    assert.equal(outcome.events.length, 2);
    const [failed, quarantined] = outcome.events;
    assert.equal(failed.type, "file_skipped");
    assert.equal(quarantined.type, "file_skipped");
    if (failed.type !== "file_skipped" || quarantined.type !== "file_skipped") return;
    assert.equal(failed.path, "a.txt");
    assert.match(failed.reason, /^failed earlier: cannot decode; .*--retry-failed/);
    assert.equal(quarantined.path, "b.txt");
    assert.match(quarantined.reason, /^quarantined earlier: poison file; .*--retry-failed/);
    assert.equal(store.getFile(jobId, "a.txt")?.status, "failed");
    assert.equal(store.getFile(jobId, "b.txt")?.status, "quarantined");
  });
});

Deno.test("reconcile() skips a file found to hold nothing to note until its content changes", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "moved.txt": "see ./book/chapter.txt", "b.txt": "bbb" });
    await run(setup);
    const { store, jobId } = setup;
    store.setFileStatus(store.getFile(jobId, "moved.txt")!.id, "skipped", "only a redirect");

    const again = await run(setup);
    assert.deepEqual(paths(again.enqueued), ["b.txt"]);
    assert.deepEqual(again.events, [{
      type: "file_skipped",
      path: "moved.txt",
      reason: "only a redirect (found earlier)",
      inTotal: true,
    }]);
    assert.deepEqual([again.total, again.skipped], [2, 1]);

    await writeInputs(setup, {
      "moved.txt": "The chapter is back, with words of its own.",
    });
    const changed = await run(setup);
    assert.deepEqual(paths(changed.enqueued), ["b.txt", "moved.txt"]);
  });
});

Deno.test("reconcile() skips an empty file with a reason, out of the total, and takes it once it has text", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "empty.md": "" });
    const first = await run(setup);
    assert.deepEqual(paths(first.enqueued), ["a.txt"]);
    assert.deepEqual(first.events, [
      { type: "file_skipped", path: "empty.md", reason: EMPTY_FILE },
    ]);
    assert.equal(first.skipped, 1);
    assert.equal(first.total, 1);
    await markDone(setup, "a.txt");

    await writeInputs(setup, { "empty.md": "# Now it has text" });
    const second = await run(setup);
    assert.deepEqual(paths(second.enqueued), ["empty.md"]);
  });
});

Deno.test("reconcile() takes an empty file that failed in an earlier version out of the failures", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "empty.md": "" });
    const { store, jobId } = setup;
    // As gleaner 0.1.0 left it: counted as failed on every run.
    store.insertFile(jobId, {
      path: "empty.md",
      size: 0,
      mtimeMs: 0,
      hash: "0".repeat(64),
      status: "pending",
    });
    store.setFileStatus(store.getFile(jobId, "empty.md")!.id, "failed", "empty file");

    const outcome = await run(setup);

    assert.deepEqual(outcome.events, [
      { type: "file_skipped", path: "empty.md", reason: EMPTY_FILE },
    ]);
    assert.equal(store.getFile(jobId, "empty.md")?.status, "removed");
    assert.equal(store.countByStatus(jobId).failed, 0);
    assert.equal(outcome.total, 1);
  });
});

Deno.test("reconcile() resets a failed file whose content changed", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa" });
    await run(setup);
    const id = setup.store.getFile(setup.jobId, "a.txt")!.id;
    setup.store.setFileStatus(id, "failed", "cannot decode");
    await writeInputs(setup, { "a.txt": "fixed now" });

    const outcome = await run(setup);

    assert.deepEqual(outcome.enqueued.map((f) => [f.id, f.status, f.error]), [[
      id,
      "pending",
      null,
    ]]);
  });
});

Deno.test("reconcile() keys a document past the size limit by its stat instead of reading it", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "big.txt": "x".repeat(200), "big.mp3": "y".repeat(200) });
    await writeInputs(setup, { "small.txt": "small" });
    const first = await run(setup, { maxDocumentBytes: 100 });

    // All are queued: the pipeline refuses the large document with a clear error.
    assert.deepEqual(paths(first.enqueued), ["big.mp3", "big.txt", "small.txt"]);
    const row = (path: string) => setup.store.getFile(setup.jobId, path)!;
    assert.equal(row("small.txt").hash, sha256("small"));
    // Recordings have no byte limit, so a large one is hashed like any file.
    assert.equal(row("big.mp3").hash, sha256("y".repeat(200)));
    const key = row("big.txt").hash;
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.notEqual(key, sha256("x".repeat(200)));

    // New bytes under the same size and mtime go unnoticed: proof that they were not read.
    setup.store.setFileStatus(row("big.txt").id, "failed", "file too large");
    await writeInputs(setup, { "big.txt": "z".repeat(200) });
    const same = await run(setup, { maxDocumentBytes: 100 });
    assert.ok(!paths(same.enqueued).includes("big.txt"));
    assert.equal(row("big.txt").hash, key);

    // A new mtime is a change: the file is tried again.
    await Deno.utime(join(setup.inputDir, "big.txt"), NEW_TIME, NEW_TIME);
    const touched = await run(setup, { maxDocumentBytes: 100 });
    assert.ok(paths(touched.enqueued).includes("big.txt"));
    assert.notEqual(row("big.txt").hash, key);
    assert.equal(row("big.txt").status, "pending");
  });
});

Deno.test("reconcile() adopts a note found in the vault for the same path and content", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa", "b.txt": "bbb" });
    const { store, jobId } = setup;
    const noteText = '---\nsource: "a.txt"\n---\n';
    await Deno.writeTextFile(join(setup.vaultDir, "Sources", "Alpha.md"), noteText);
    store.addAdoptable({
      source: "a.txt",
      sourceHash: sha256("aaa"),
      path: "Sources/Alpha.md",
      base: "Alpha",
      contentHash: sha256(noteText),
    });
    // Same path, other content: not adopted.
    store.addAdoptable({
      source: "b.txt",
      sourceHash: sha256("old b"),
      path: "Sources/Beta.md",
      base: "Beta",
      contentHash: sha256("x"),
    });

    const outcome = await run(setup);

    assert.deepEqual(paths(outcome.enqueued), ["b.txt"]);
    const adopted = store.getFile(jobId, "a.txt")!;
    assert.deepEqual([adopted.status, adopted.optionsHash], ["done", OPTIONS_HASH]);
    assert.deepEqual(store.noteForFile(adopted.id), {
      fileId: adopted.id,
      baseKey: "alpha",
      base: "Alpha",
      path: "Sources/Alpha.md",
      contentHash: sha256(noteText),
    });
    assert.equal(store.takeAdoptable("a.txt", sha256("aaa")), undefined);

    const again = await run(setup);
    assert.deepEqual(paths(again.enqueued), ["b.txt"]);
    assert.deepEqual(again.events, [{
      type: "file_skipped",
      path: "a.txt",
      reason: "unchanged",
      inTotal: true,
    }]);
  });
});

Deno.test("reconcile() with an aborted signal records nothing and reports no file as removed", async () => {
  await withSetup(async (setup) => {
    await writeInputs(setup, { "a.txt": "aaa" });
    await run(setup);
    await writeInputs(setup, { "b.txt": "bbb" });
    const controller = new AbortController();
    controller.abort();

    const outcome = await run(setup, { signal: controller.signal });

    assert.deepEqual(outcome.enqueued, []);
    assert.deepEqual(outcome.events, []);
    assert.equal(setup.store.getFile(setup.jobId, "a.txt")?.status, "pending");
    assert.equal(setup.store.getFile(setup.jobId, "b.txt"), undefined);
  });
});

Deno.test("reconcile() with a shard takes only its own files and remembers the others' hashes", async () => {
  await withSetup(async (setup) => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 12; i++) texts[`doc-${i}.txt`] = `text number ${i}\n`;
    await writeInputs(setup, texts);
    const shard = { index: 1, count: 3 };
    const mine = Object.keys(texts).filter((p) => shardOf(sha256(texts[p]), 3) === 1).sort();
    assert.ok(mine.length > 0 && mine.length < 12, `shard 1 of 3 holds ${mine.length} of 12`);

    const first = await run(setup, { shard });
    assert.deepEqual(first.enqueued.map((f) => f.path).sort(), mine);
    assert.equal(first.total, mine.length);
    const others = Object.keys(texts).filter((p) => !mine.includes(p));
    for (const path of others) {
      assert.equal(setup.store.otherShardFile(setup.jobId, path)?.hash, sha256(texts[path]));
    }

    // Same size and time, other bytes (that would belong here): the kept hash is trusted, as a
    // file's own row is, so the file is not read again.
    const other = others[0];
    let same = texts[other];
    for (let i = 0; shardOf(sha256(same), 3) !== 1; i++) {
      same = texts[other].slice(0, -2) + String.fromCharCode(97 + i) + "\n";
    }
    assert.equal(same.length, texts[other].length);
    await writeInputs(setup, { [other]: same });
    const again = await run(setup, { shard });
    assert.deepEqual(again.enqueued.map((f) => f.path).sort(), mine);

    // One of this shard's files changes into another shard's: it is removed from this one.
    const moved = mine[0];
    let text = texts[moved];
    for (let i = 0; shardOf(sha256(text), 3) === 1; i++) text = `${texts[moved]}edit ${i}\n`;
    await Deno.writeTextFile(join(setup.inputDir, moved), text);
    const changed = await run(setup, { shard });
    assert.deepEqual(
      changed.events.filter((e) => e.type === "file_removed").map((e) => e.path),
      [moved],
    );
    assert.equal(setup.store.getFile(setup.jobId, moved)?.status, "removed");
  });
});
