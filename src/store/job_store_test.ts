import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { type FileStatus, JobStore } from "./job_store.ts";
import { plainDraft } from "../../tests/support/drafts.ts";
import { CorruptStateError } from "../common/errors.ts";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

/** Runs `fn` with a fresh temp folder and removes it afterwards. */
async function withTempDir(fn: (dir: string) => Promise<void> | void): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "gleaner-store-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Runs `fn` with a store on a fresh database file; a counting clock keeps times deterministic. */
async function withStore(fn: (store: JobStore, dbPath: string) => Promise<void> | void) {
  await withTempDir(async (dir) => {
    const dbPath = join(dir, "state.db");
    let now = 1_000;
    const store = JobStore.open(dbPath, () => now++);
    try {
      await fn(store, dbPath);
    } finally {
      store.close();
    }
  });
}

function addFile(store: JobStore, jobId: number, path: string, status: FileStatus = "pending") {
  return store.insertFile(jobId, { path, size: 10, mtimeMs: 5, hash: HASH_A, status });
}

/** Reads rows straight from the database file, past the store's own API. */
function rawRows(dbPath: string, sql: string, ...params: (string | number)[]) {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    // Rows come back with a null prototype; plain copies compare with object literals.
    return db.prepare(sql).all(...params).map((row) => ({ ...row }));
  } finally {
    db.close();
  }
}

Deno.test("JobStore.open() creates the schema in a new database file", async () => {
  await withStore((_store, dbPath) => {
    const tables = rawRows(dbPath, "SELECT name FROM sqlite_master WHERE type = 'table'")
      .map((r) => String(r.name)).sort();
    assert.deepEqual(tables, [
      "adoptable",
      "attempts",
      "chunks",
      "drafts",
      "events",
      "files",
      "jobs",
      "link_inputs",
      "llm_usage",
      "maps",
      "meta",
      "notes",
      "other_shard_files",
      "runs",
      "shards",
      "vault_intents",
    ]);
    assert.deepEqual(rawRows(dbPath, "SELECT value FROM meta WHERE key = 'schema'"), [
      { value: "2" },
    ]);
  });
});

Deno.test("JobStore.open() opens an existing database again and keeps its rows", async () => {
  await withTempDir((dir) => {
    const dbPath = join(dir, "state.db");
    const first = JobStore.open(dbPath);
    first.createJob("/in", "{}", HASH_A);
    first.close();
    const second = JobStore.open(dbPath);
    try {
      assert.equal(second.findJob("/in")?.optionsHash, HASH_A);
    } finally {
      second.close();
    }
  });
});

/**
 * Opens a store and also returns its own connection, caught on its way through `exec`, so
 * per-connection settings can be read from the very connection the store uses, along with
 * the SQL it ran.
 */
function openCapturingConnection(dbPath: string) {
  const exec = DatabaseSync.prototype.exec;
  let db: DatabaseSync | undefined;
  const statements: string[] = [];
  DatabaseSync.prototype.exec = function (this: DatabaseSync, sql: string) {
    db ??= this;
    statements.push(sql);
    return exec.call(this, sql);
  };
  try {
    const store = JobStore.open(dbPath);
    return { store, db: db!, statements };
  } finally {
    DatabaseSync.prototype.exec = exec;
  }
}

Deno.test("JobStore.open() sets WAL journaling, synchronous=FULL and foreign keys", async () => {
  await withTempDir((dir) => {
    const { store, db, statements } = openCapturingConnection(join(dir, "state.db"));
    try {
      // SQLite's defaults here already match synchronous and foreign_keys, so the explicit
      // settings are checked too: a build with other defaults must still get them.
      assert.ok(statements.some((sql) => /synchronous\s*=\s*(full|2)\b/i.test(sql)));
      assert.ok(statements.some((sql) => /foreign_keys\s*=\s*(on|1)\b/i.test(sql)));
      const pragma = (name: string) => Object.values(db.prepare(`PRAGMA ${name}`).get()!)[0];
      assert.equal(pragma("journal_mode"), "wal");
      assert.equal(pragma("synchronous"), 2); // 2 = FULL
      assert.equal(pragma("foreign_keys"), 1);
    } finally {
      store.close();
    }
  });
});

Deno.test("JobStore.open() leaves the database file in WAL mode for every later connection", async () => {
  await withTempDir((dir) => {
    const dbPath = join(dir, "state.db");
    JobStore.open(dbPath).close();
    assert.deepEqual(rawRows(dbPath, "PRAGMA journal_mode"), [{ journal_mode: "wal" }]);
  });
});

Deno.test("JobStore.open() turns a file of garbage bytes into a CorruptStateError naming the path", async () => {
  await withTempDir(async (dir) => {
    const dbPath = join(dir, "state.db");
    const garbage = new Uint8Array(8192).map((_, i) => (i * 151 + 7) & 0xff);
    await Deno.writeFile(dbPath, garbage);
    assert.throws(() => JobStore.open(dbPath), (error: unknown) => {
      assert.ok(error instanceof CorruptStateError);
      assert.equal(error.name, "CorruptStateError");
      assert.ok(error.message.includes(dbPath), error.message);
      assert.ok(error.cause !== undefined);
      return true;
    });
  });
});

Deno.test("JobStore.open() turns a database truncated in the middle into a CorruptStateError", async () => {
  await withTempDir(async (dir) => {
    const dbPath = join(dir, "state.db");
    const store = JobStore.open(dbPath);
    const job = store.createJob("/in", "{}", HASH_A);
    store.transaction(() => {
      for (let i = 0; i < 2000; i++) addFile(store, job.id, `folder/file-${i}.txt`);
    });
    store.close(); // the last connection checkpoints the WAL into the main file
    const size = (await Deno.stat(dbPath)).size;
    assert.ok(size > 64 * 1024, `database too small to cut: ${size} bytes`);
    await Deno.truncate(dbPath, Math.floor(size / 2));

    assert.throws(() => JobStore.open(dbPath), (error: unknown) => {
      assert.ok(error instanceof CorruptStateError);
      assert.ok(error.message.includes(dbPath), error.message);
      return true;
    });
  });
});

Deno.test("JobStore.open() takes a draft garbled in place, which SQLite's check passes, for damage", async () => {
  await withTempDir(async (dir) => {
    const dbPath = join(dir, "state.db");
    const store = JobStore.open(dbPath);
    const job = store.createJob("/in", "{}", HASH_A);
    const file = addFile(store, job.id, "a.txt", "done");
    store.saveDraft(file.id, plainDraft("A title to garble", "Body.", HASH_A), []);
    store.close();
    // Bytes overwritten inside a row, as a bad disk leaves them: the pages stay well formed.
    const bytes = await Deno.readFile(dbPath);
    const at = new TextDecoder("latin1").decode(bytes).indexOf('"title":"A title to garble"');
    assert.ok(at > 0);
    bytes.set(new TextEncoder().encode("\u0001{{"), at + 2);
    await Deno.writeFile(dbPath, bytes);
    const check = rawRows(dbPath, "PRAGMA integrity_check");
    assert.deepEqual(check.map((r) => Object.values(r)[0]), ["ok"]);

    assert.throws(() => JobStore.open(dbPath), (error: unknown) => {
      assert.ok(error instanceof CorruptStateError);
      assert.match(error.message, /1 rows of drafts\.meta are not valid JSON/);
      return true;
    });
  });
});

Deno.test("JobStore.open() refuses a database written by another schema version", async () => {
  await withTempDir((dir) => {
    const dbPath = join(dir, "state.db");
    JobStore.open(dbPath).close();
    const db = new DatabaseSync(dbPath);
    db.exec("UPDATE meta SET value = '99' WHERE key = 'schema'");
    db.close();
    assert.throws(() => JobStore.open(dbPath), CorruptStateError);
  });
});

Deno.test("jobs can be created, found by input folder and by id, and updated", async () => {
  await withStore((store) => {
    assert.equal(store.findJob("/in"), undefined);
    const job = store.createJob("/in", '{"a":1}', HASH_A);
    assert.deepEqual(job, {
      id: job.id,
      inputDir: "/in",
      options: '{"a":1}',
      optionsHash: HASH_A,
      state: "running",
    });
    assert.deepEqual(store.findJob("/in"), job);
    assert.deepEqual(store.getJob(job.id), job);
    store.updateJobOptions(job.id, '{"a":2}', HASH_B);
    store.setJobState(job.id, "paused");
    assert.deepEqual(store.getJob(job.id), {
      ...job,
      options: '{"a":2}',
      optionsHash: HASH_B,
      state: "paused",
    });
  });
});

Deno.test("deleteJob() removes the job with its files, attempts, notes and events", async () => {
  await withStore((store, dbPath) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const other = store.createJob("/other", "{}", HASH_A);
    const file = addFile(store, job.id, "a.txt");
    const kept = addFile(store, other.id, "a.txt");
    const run = store.beginRun(job.id, 42);
    store.startAttempt(file.id, run);
    store.upsertNote({
      fileId: file.id,
      baseKey: "a",
      base: "A",
      path: "Sources/A.md",
      contentHash: HASH_B,
    });
    store.recordEvent(job.id, run, "file_failed", { path: "a.txt" });

    store.deleteJob(job.id);

    assert.equal(store.findJob("/in"), undefined);
    assert.equal(store.fileById(file.id), undefined);
    assert.equal(store.noteForFile(file.id), undefined);
    assert.deepEqual(store.eventsOf(job.id), []);
    assert.deepEqual(rawRows(dbPath, "SELECT count(*) AS n FROM attempts"), [{ n: 0 }]);
    assert.deepEqual(rawRows(dbPath, "SELECT count(*) AS n FROM runs"), [{ n: 0 }]);
    assert.deepEqual(store.fileById(kept.id)?.path, "a.txt");
  });
});

Deno.test("transaction() rolls back everything when its function throws", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    assert.throws(() =>
      store.transaction(() => {
        addFile(store, job.id, "a.txt");
        throw new RangeError("stop");
      }), RangeError);
    assert.equal(store.getFile(job.id, "a.txt"), undefined);
  });
});

Deno.test("recoverRuns() marks attempts of a run that died unexplained as process_died and returns their files", async () => {
  await withStore((store, dbPath) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const b = addFile(store, job.id, "b.txt");
    const run = store.beginRun(job.id, 42);
    store.startAttempt(a.id, run);
    store.startAttempt(b.id, run);

    const recovered = store.recoverRuns(job.id);

    assert.deepEqual(recovered, { interruptedRuns: 0, crashedRuns: 1, diedFileIds: [a.id, b.id] });
    assert.deepEqual(
      rawRows(dbPath, "SELECT outcome FROM attempts ORDER BY id").map((r) => r.outcome),
      ["process_died", "process_died"],
    );
    assert.deepEqual(rawRows(dbPath, "SELECT end_reason FROM runs"), [{ end_reason: "died" }]);
    // Closed now: a second recovery finds nothing.
    assert.deepEqual(store.recoverRuns(job.id), {
      interruptedRuns: 0,
      crashedRuns: 0,
      diedFileIds: [],
    });
  });
});

Deno.test("recoverRuns() marks attempts of a run that recorded an interrupt as interrupted and returns no files", async () => {
  await withStore((store, dbPath) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const run = store.beginRun(job.id, 42);
    store.startAttempt(a.id, run);
    store.requestInterrupt(run);

    assert.deepEqual(store.recoverRuns(job.id), {
      interruptedRuns: 1,
      crashedRuns: 0,
      diedFileIds: [],
    });
    assert.deepEqual(rawRows(dbPath, "SELECT outcome FROM attempts"), [{ outcome: "interrupted" }]);
    assert.deepEqual(rawRows(dbPath, "SELECT end_reason FROM runs"), [
      { end_reason: "interrupted" },
    ]);
    assert.equal(store.consecutiveDeaths(a.id), 0);
  });
});

Deno.test("recoverRuns() leaves runs that ended properly and runs of other jobs alone", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const other = store.createJob("/other", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const b = addFile(store, other.id, "b.txt");
    const ended = store.beginRun(job.id, 1);
    store.startAttempt(a.id, ended);
    store.endRun(ended, "finished");
    const otherRun = store.beginRun(other.id, 2);
    store.startAttempt(b.id, otherRun);

    assert.deepEqual(store.recoverRuns(job.id), {
      interruptedRuns: 0,
      crashedRuns: 0,
      diedFileIds: [],
    });
    assert.deepEqual(store.recoverRuns(other.id).diedFileIds, [b.id]);
  });
});

Deno.test("endRun() marks the run's open attempts interrupted and records the end", async () => {
  await withStore((store, dbPath) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const b = addFile(store, job.id, "b.txt");
    const run = store.beginRun(job.id, 42);
    const failed = store.startAttempt(a.id, run);
    store.failAttempt(failed, a.id, "timeout", "too slow", { status: "pending", counts: true });
    store.startAttempt(b.id, run);

    store.endRun(run, "cancelled");

    assert.deepEqual(
      rawRows(dbPath, "SELECT outcome, ended_at IS NOT NULL AS ended FROM attempts ORDER BY id"),
      [{ outcome: "timeout", ended: 1 }, { outcome: "interrupted", ended: 1 }],
    );
    assert.deepEqual(
      rawRows(dbPath, "SELECT end_reason, ended_at IS NOT NULL AS ended FROM runs"),
      [{ end_reason: "cancelled", ended: 1 }],
    );
  });
});

/** Gives `fileId` one attempt per outcome, oldest first, each in its own run. */
function attempts(store: JobStore, jobId: number, fileId: number, outcomes: string[]) {
  for (const outcome of outcomes) {
    const run = store.beginRun(jobId, 42);
    const attempt = store.startAttempt(fileId, run);
    if (outcome === "process_died") store.recoverRuns(jobId);
    else if (outcome === "interrupted") store.endRun(run, "interrupted");
    else if (outcome === "done") {
      store.commitDone(attempt, fileId, {
        hash: HASH_A,
        optionsHash: HASH_B,
        note: { fileId, baseKey: "a", base: "A", path: "Sources/A.md", contentHash: HASH_A },
        draft: plainDraft("A", "", HASH_A),
        related: [],
      });
      store.endRun(run, "finished");
    } else {
      store.failAttempt(attempt, fileId, outcome, "boom", { status: "pending", counts: true });
      store.endRun(run, "finished");
    }
  }
}

Deno.test("consecutiveDeaths() counts the trailing process_died attempts", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    assert.equal(store.consecutiveDeaths(a.id), 0);
    attempts(store, job.id, a.id, ["process_died", "process_died", "process_died"]);
    assert.equal(store.consecutiveDeaths(a.id), 3);
  });
});

Deno.test("consecutiveDeaths() skips interrupted attempts between deaths", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    attempts(store, job.id, a.id, ["process_died", "interrupted", "process_died", "interrupted"]);
    assert.equal(store.consecutiveDeaths(a.id), 2);
  });
});

Deno.test("consecutiveDeaths() stops at a done or failed attempt", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const b = addFile(store, job.id, "b.txt");
    attempts(store, job.id, a.id, ["process_died", "process_died", "done", "process_died"]);
    attempts(store, job.id, b.id, ["process_died", "stage_error", "interrupted", "process_died"]);
    assert.equal(store.consecutiveDeaths(a.id), 1);
    assert.equal(store.consecutiveDeaths(b.id), 1);
  });
});

Deno.test("consecutiveDeaths() ignores an attempt still open", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    attempts(store, job.id, a.id, ["process_died"]);
    store.startAttempt(a.id, store.beginRun(job.id, 42));
    assert.equal(store.consecutiveDeaths(a.id), 1);
  });
});

Deno.test("failAttempt() counts a failure toward quarantine only when asked to", async () => {
  await withStore((store, dbPath) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const run = store.beginRun(job.id, 42);

    const first = store.failAttempt(store.startAttempt(a.id, run), a.id, "timeout", "slow", {
      status: "pending",
      counts: true,
    });
    assert.equal(first.failures, 1);
    assert.equal(first.status, "pending");
    assert.equal(first.error, "slow");

    const aborted = store.failAttempt(store.startAttempt(a.id, run), a.id, "aborted", "stop", {
      status: "pending",
      counts: false,
    });
    assert.equal(aborted.failures, 1);

    const last = store.failAttempt(store.startAttempt(a.id, run), a.id, "input", "bad", {
      status: "failed",
      counts: true,
    });
    assert.deepEqual({ status: last.status, failures: last.failures, error: last.error }, {
      status: "failed",
      failures: 2,
      error: "bad",
    });
    assert.deepEqual(store.fileById(a.id), last);
    assert.deepEqual(
      rawRows(dbPath, "SELECT outcome, error FROM attempts ORDER BY id"),
      [
        { outcome: "timeout", error: "slow" },
        { outcome: "aborted", error: "stop" },
        { outcome: "input", error: "bad" },
      ],
    );
  });
});

Deno.test("commitDone() makes the file done, clears its failures and records the note", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    const run = store.beginRun(job.id, 42);
    store.failAttempt(store.startAttempt(a.id, run), a.id, "timeout", "slow", {
      status: "pending",
      counts: true,
    });
    const note = {
      fileId: a.id,
      baseKey: "a",
      base: "A",
      path: "Sources/A.md",
      contentHash: HASH_A,
    };
    store.commitDone(store.startAttempt(a.id, run), a.id, {
      hash: HASH_B,
      optionsHash: HASH_A,
      note,
      draft: plainDraft("A", "text", HASH_B),
      related: [],
    });
    const file = store.fileById(a.id)!;
    assert.deepEqual(
      [file.status, file.hash, file.optionsHash, file.failures, file.error],
      ["done", HASH_B, HASH_A, 0, null],
    );
    assert.deepEqual(store.noteForFile(a.id), note);
    assert.deepEqual(store.noteAtPath("Sources/A.md"), note);
  });
});

Deno.test("resetFailed() gives failed and quarantined files of the job a fresh start", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const other = store.createJob("/other", "{}", HASH_A);
    const run = store.beginRun(job.id, 42);
    const failed = addFile(store, job.id, "failed.txt");
    store.failAttempt(store.startAttempt(failed.id, run), failed.id, "input", "bad", {
      status: "failed",
      counts: true,
    });
    const quarantined = addFile(store, job.id, "q.txt");
    store.setFileStatus(quarantined.id, "quarantined", "poison");
    const done = addFile(store, job.id, "done.txt", "done");
    const elsewhere = addFile(store, other.id, "failed.txt", "failed");

    assert.equal(store.resetFailed(job.id), 2);

    for (const id of [failed.id, quarantined.id]) {
      const file = store.fileById(id)!;
      assert.deepEqual([file.status, file.failures, file.error], ["pending", 0, null]);
    }
    assert.equal(store.fileById(done.id)?.status, "done");
    assert.equal(store.fileById(elsewhere.id)?.status, "failed");
    assert.equal(store.resetFailed(job.id), 0);
  });
});

Deno.test("countByStatus() counts every status of the job, zero for absent ones", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const other = store.createJob("/other", "{}", HASH_A);
    assert.deepEqual(store.countByStatus(job.id), {
      pending: 0,
      done: 0,
      failed: 0,
      quarantined: 0,
      removed: 0,
      skipped: 0,
    });
    addFile(store, job.id, "a", "pending");
    addFile(store, job.id, "b", "pending");
    addFile(store, job.id, "c", "done");
    addFile(store, job.id, "d", "failed");
    addFile(store, job.id, "e", "removed");
    addFile(store, job.id, "g", "skipped");
    addFile(store, other.id, "f", "quarantined");
    assert.deepEqual(store.countByStatus(job.id), {
      pending: 2,
      done: 1,
      failed: 1,
      quarantined: 0,
      removed: 1,
      skipped: 1,
    });
  });
});

Deno.test("filesNotIn() lists the job's files missing from the walk, except those already removed", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const other = store.createJob("/other", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    addFile(store, job.id, "b.txt", "done");
    const c = addFile(store, job.id, "c.txt", "failed");
    addFile(store, job.id, "d.txt", "removed");
    addFile(store, other.id, "e.txt");
    assert.deepEqual(
      store.filesNotIn(job.id, new Set(["b.txt"])).map((f) => f.id),
      [a.id, c.id],
    );
    assert.deepEqual(store.filesNotIn(job.id, new Set(["a.txt", "b.txt", "c.txt"])), []);
  });
});

Deno.test("filesWithStatus() and allFiles() return files in discovery order", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const z = addFile(store, job.id, "z.txt");
    const a = addFile(store, job.id, "a.txt", "done");
    const m = addFile(store, job.id, "m.txt");
    assert.deepEqual(store.filesWithStatus(job.id, "pending").map((f) => f.id), [z.id, m.id]);
    assert.deepEqual(store.allFiles(job.id).map((f) => f.id), [z.id, a.id, m.id]);
  });
});

Deno.test("updateFileContent() resets a file only when told its content changed", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const a = addFile(store, job.id, "a.txt");
    store.failAttempt(store.startAttempt(a.id, store.beginRun(job.id, 1)), a.id, "x", "e", {
      status: "failed",
      counts: true,
    });
    store.updateFileContent(a.id, { size: 11, mtimeMs: 6, hash: HASH_B, reset: false });
    const touched = store.fileById(a.id)!;
    assert.deepEqual(
      [touched.size, touched.mtimeMs, touched.hash, touched.status, touched.failures],
      [11, 6, HASH_A, "failed", 1],
    );
    store.updateFileContent(a.id, { size: 12, mtimeMs: 7.5, hash: HASH_B, reset: true });
    const reset = store.fileById(a.id)!;
    assert.deepEqual(
      [reset.size, reset.mtimeMs, reset.hash, reset.status, reset.failures, reset.error],
      [12, 7.5, HASH_B, "pending", 0, null],
    );
  });
});

Deno.test("notesWithBase() returns the notes of one collision group ordered by file id", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const [f1, f2, f3, f4] = ["1", "2", "3", "4"].map((p) => addFile(store, job.id, p));
    // Inserted out of order on purpose.
    store.upsertNote({
      fileId: f3.id,
      baseKey: "t",
      base: "T",
      path: "Sources/T.md",
      contentHash: HASH_A,
    });
    store.upsertNote({
      fileId: f1.id,
      baseKey: "t",
      base: "t",
      path: "Sources/t (2).md",
      contentHash: HASH_A,
    });
    store.upsertNote({
      fileId: f4.id,
      baseKey: "other",
      base: "Other",
      path: "Sources/Other.md",
      contentHash: HASH_A,
    });
    store.upsertNote({
      fileId: f2.id,
      baseKey: "t",
      base: "T",
      path: "Sources/T (3).md",
      contentHash: HASH_A,
    });
    assert.deepEqual(store.notesWithBase("t").map((n) => n.fileId), [f1.id, f2.id, f3.id]);
    assert.deepEqual(store.notesWithBase("nothing"), []);

    store.movedNote(f3.id, "Sources/T (4).md", "T", "t");
    assert.equal(store.noteForFile(f3.id)?.path, "Sources/T (4).md");
    assert.equal(store.noteAtPath("Sources/T.md"), undefined);
  });
});

Deno.test("vault intents are listed in the order added and cleared all at once", async () => {
  await withStore((store) => {
    assert.deepEqual(store.intents(), []);
    store.addIntents([
      {
        fileId: 2,
        fromPath: "Sources/T (2).md",
        toPath: "Sources/T (3).md",
        baseKey: "t",
        base: "T",
      },
      { fileId: 1, fromPath: "Sources/T.md", toPath: "Sources/T (2).md", baseKey: "t", base: "T" },
    ]);
    const listed = store.intents();
    assert.deepEqual(listed.map(({ id: _, ...rest }) => rest), [
      {
        fileId: 2,
        fromPath: "Sources/T (2).md",
        toPath: "Sources/T (3).md",
        baseKey: "t",
        base: "T",
      },
      { fileId: 1, fromPath: "Sources/T.md", toPath: "Sources/T (2).md", baseKey: "t", base: "T" },
    ]);
    assert.ok(listed[0].id < listed[1].id);
    store.clearIntents();
    assert.deepEqual(store.intents(), []);
  });
});

Deno.test("takeAdoptable() hands out a note found in the vault once, for its exact source and hash", async () => {
  await withStore((store) => {
    const entry = {
      source: "talks/a.txt",
      sourceHash: HASH_A,
      path: "Sources/A.md",
      base: "A",
      contentHash: HASH_B,
    };
    store.addAdoptable(entry);
    // The first entry for a source and hash wins.
    store.addAdoptable({ ...entry, path: "Sources/A (2).md" });

    assert.equal(store.takeAdoptable("talks/a.txt", HASH_B), undefined);
    assert.equal(store.takeAdoptable("talks/b.txt", HASH_A), undefined);
    assert.deepEqual(store.takeAdoptable("talks/a.txt", HASH_A), {
      path: "Sources/A.md",
      base: "A",
      contentHash: HASH_B,
    });
    assert.equal(store.takeAdoptable("talks/a.txt", HASH_A), undefined);
  });
});

Deno.test("recordEvent() keeps events per job in order, and eventsOf() filters them by type", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    const other = store.createJob("/other", "{}", HASH_A);
    const run = store.beginRun(job.id, 42);
    store.recordEvent(job.id, run, "file_failed", { path: "a.txt", error: "boom" });
    store.recordEvent(job.id, null, "state_rebuilt", { notes: 3 });
    store.recordEvent(other.id, null, "file_failed", { path: "x.txt" });
    store.recordEvent(job.id, run, "file_failed", { path: "b.txt", nested: { n: [1, 2] } });

    assert.deepEqual(store.eventsOf(job.id), [
      { type: "file_failed", data: { path: "a.txt", error: "boom" } },
      { type: "state_rebuilt", data: { notes: 3 } },
      { type: "file_failed", data: { path: "b.txt", nested: { n: [1, 2] } } },
    ]);
    assert.deepEqual(store.eventsOf(job.id, "file_failed").map((e) => e.data), [
      { path: "a.txt", error: "boom" },
      { path: "b.txt", nested: { n: [1, 2] } },
    ]);
    assert.deepEqual(store.eventsOf(job.id, "job_finished"), []);
  });
});

Deno.test("eventsByRun() gives the chosen types with their run and time; runsOf() how runs ended", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A); // at 1000
    const first = store.beginRun(job.id, 1); // at 1001
    store.recordEvent(job.id, first, "metrics_sampled", { done: 0 }); // 1002
    store.recordEvent(job.id, first, "file_failed", { path: "a.txt" }); // 1003
    store.recordEvent(job.id, first, "worker_restarted", { worker: 1 }); // 1004
    store.recordEvent(job.id, null, "metrics_sampled", { done: 1 }); // 1005
    assert.deepEqual(store.recoverRuns(job.id).crashedRuns, 1); // died, closed at 1006
    const second = store.beginRun(job.id, 2); // 1007
    store.endRun(second, "finished"); // 1008

    assert.deepEqual(store.eventsByRun(job.id, ["metrics_sampled", "worker_restarted"]), [
      { runId: first, at: 1002, type: "metrics_sampled", data: { done: 0 } },
      { runId: first, at: 1004, type: "worker_restarted", data: { worker: 1 } },
      { runId: null, at: 1005, type: "metrics_sampled", data: { done: 1 } },
    ]);
    assert.deepEqual(store.runsOf(job.id), [
      { id: first, startedAt: 1001, endedAt: 1006, endReason: "died" },
      { id: second, startedAt: 1007, endedAt: 1008, endReason: "finished" },
    ]);
  });
});

Deno.test("a shard job keeps its shard and the hashes of other shards' files", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", HASH_A);
    store.setShard(job.id, { index: 1, count: 3 }, '{"include":[],"exclude":[]}');
    store.setShard(job.id, { index: 1, count: 3 }, '{"include":["*.md"],"exclude":[]}');
    assert.deepEqual(store.shardJobs(), [
      { jobId: job.id, index: 1, count: 3, walk: '{"include":["*.md"],"exclude":[]}' },
    ]);
    assert.equal(store.otherShardFile(job.id, "a.md"), undefined);
    store.rememberOtherShardFile(job.id, { path: "a.md", size: 3, mtimeMs: 5, hash: HASH_A });
    store.rememberOtherShardFile(job.id, { path: "a.md", size: 4, mtimeMs: 6, hash: HASH_B });
    assert.deepEqual(store.otherShardFile(job.id, "a.md"), { size: 4, mtimeMs: 6, hash: HASH_B });
    store.deleteJob(job.id);
    assert.deepEqual(store.shardJobs(), []);
    assert.equal(store.otherShardFile(job.id, "a.md"), undefined);
  });
});

Deno.test("filesWithStatus() pages through files after an id, so many at a time", async () => {
  await withStore((store) => {
    const job = store.createJob("/in", "{}", "h");
    const ids = ["a", "b", "c", "d"].map((path) =>
      store.insertFile(job.id, { path, size: 1, mtimeMs: 0, hash: "", status: "pending" }).id
    );
    const first = store.filesWithStatus(job.id, "pending", { limit: 2 });
    assert.deepEqual(first.map((f) => f.id), ids.slice(0, 2));
    const rest = store.filesWithStatus(job.id, "pending", { afterId: first[1].id });
    assert.deepEqual(rest.map((f) => f.id), ids.slice(2));
  });
});
