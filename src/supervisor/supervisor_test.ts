import assert from "node:assert/strict";
import { join } from "node:path";
import { NoteContentError } from "../common/errors.ts";
import type { EngineEventInput } from "../protocol/messages.ts";
import { JobStore } from "../store/job_store.ts";
import type { VaultWriter } from "../vault/vault_writer.ts";
import { Supervisor } from "./supervisor.ts";

const THREAD = new URL("../sandbox/stage_thread.ts", import.meta.url);

async function setup(files: string[]) {
  const root = await Deno.makeTempDir({ prefix: "gleaner-supervisor-" });
  const input = join(root, "input");
  await Deno.mkdir(input);
  const store = JobStore.open(join(root, "state.db"));
  const job = store.createJob(input, "{}", "h");
  const runId = store.beginRun(job.id, Deno.pid);
  const rows = [];
  for (const name of files) {
    await Deno.writeTextFile(join(input, name), `# ${name}\n\nSome text.\n`);
    rows.push(store.insertFile(job.id, {
      path: name,
      size: 20,
      mtimeMs: 0,
      hash: "x",
      status: "pending",
    }));
  }
  return { root, input, store, jobId: job.id, runId, rows };
}

/** A supervisor of two sandboxes over `setup`'s files, writing through `vault`, every file queued. */
function superviseAll(
  { root, input, store, jobId, runId, rows }: Awaited<ReturnType<typeof setup>>,
  vault: VaultWriter,
  events: EngineEventInput[],
): Supervisor {
  const supervisor = new Supervisor({
    workers: 2,
    maxAttempts: 3,
    budgetBaseMs: 60_000,
    budgetPerMbMs: 0,
    stallMs: 60_000,
    heapMb: 256,
    retryBaseMs: 0,
    threadUrl: THREAD,
  }, {
    store,
    vault,
    jobId,
    runId,
    inputDir: input,
    scratchRoot: join(root, "scratch"),
    pipelineOptions: { maxBytes: 1_000_000, maxDurationMs: 3_600_000, chunkMs: 300_000 },
    optionsHash: "h",
    emit: (e) => events.push(e),
  });
  for (const row of rows) supervisor.enqueue(row);
  supervisor.closeInput();
  return supervisor;
}

Deno.test("Supervisor stops cleanly, without hanging, when the vault cannot be written", async () => {
  const files = await setup(["a.md", "b.md", "c.md"]);
  const { root, store, jobId, rows } = files;
  const events: EngineEventInput[] = [];
  const failingVault = {
    commit: () => Promise.reject(new Error("No space left on device (os error 28)")),
  } as unknown as VaultWriter;
  const supervisor = superviseAll(files, failingVault, events);
  try {
    await assert.rejects(supervisor.run(), /cannot write the note for .*No space left on device/);
    assert.equal(events.filter((e) => e.type === "file_done").length, 0);
    // Nothing counted against the files: they are all still pending, ready for a re-run.
    assert.deepEqual(store.countByStatus(jobId).pending, 3);
    assert.equal(rows.every((r) => store.fileById(r.id)!.failures === 0), true);
  } finally {
    store.close();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("Supervisor fails a file whose result makes no note, and goes on with the others", async () => {
  const files = await setup(["a.md", "bad.md", "c.md"]);
  const { root, store, rows } = files;
  const events: EngineEventInput[] = [];
  const vault = {
    commit: ({ file }: { file: { path: string } }) =>
      file.path === "bad.md"
        ? Promise.reject(new NoteContentError("heading.replace is not a function"))
        : Promise.resolve(`Sources/${file.path}`),
  } as unknown as VaultWriter;
  const supervisor = superviseAll(files, vault, events);
  try {
    await supervisor.run();
    assert.deepEqual(
      events.filter((e) => e.type === "file_done").map((e) => e.path).sort(),
      ["a.md", "c.md"],
    );
    const failed = events.filter((e) => e.type === "file_failed");
    assert.deepEqual(failed.map((e) => [e.path, e.willRetry]), [["bad.md", false]]);
    assert.match(failed[0].error, /cannot make the note: heading\.replace is not a function/);
    assert.equal(store.fileById(rows[1].id)!.status, "failed");
  } finally {
    store.close();
    await Deno.remove(root, { recursive: true });
  }
});
