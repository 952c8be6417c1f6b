import assert from "node:assert/strict";
import { join } from "node:path";
import type { EngineEventInput } from "../src/protocol/messages.ts";
import { Job } from "../src/job/run_job.ts";
import type { JobOptions } from "../src/options/job_options.ts";
import { withTempDir } from "./support/app.ts";
import { makeCorpus, snapshotVault } from "./support/corpus.ts";

async function options(root: string, files: number): Promise<JobOptions> {
  const input = join(root, "input");
  await makeCorpus(input, files);
  await Deno.mkdir(join(root, "vault"));
  return {
    inputDir: await Deno.realPath(input),
    vaultDir: await Deno.realPath(join(root, "vault")),
    workers: 2,
    include: [],
    exclude: [],
    restart: false,
    retryFailed: false,
    maxAttempts: 3,
    poisonAfter: 3,
    budgetBaseMs: 60_000,
    budgetPerMbMs: 0,
    stallMs: 60_000,
    heapMb: 256,
    retryBaseMs: 0,
    pipeline: { maxBytes: 1_000_000, maxDurationMs: 3_600_000, chunkMs: 300_000 },
    threadUrl: new URL("../src/sandbox/stage_thread.ts", import.meta.url),
    memoryCheckMs: 60_000,
    sampleMs: 60_000,
  };
}

Deno.test("a paused job dispatches nothing until it is resumed, then finishes", async () => {
  await withTempDir(async (root) => {
    const events: EngineEventInput[] = [];
    let startedWhilePaused = 0;
    let paused = false;
    const job: Job = new Job(await options(root, 10), (e) => {
      events.push(e);
      if (e.type === "job_started") {
        job.pause();
        paused = true;
      }
      if (e.type === "file_started" && paused) startedWhilePaused++;
      // Every file is known and queued once the walk is done: the moment to check and resume.
      if (e.type === "job_total") {
        assert.equal(startedWhilePaused, 0);
        paused = false;
        job.unpause();
      }
    });
    const summary = await job.run();
    assert.equal(summary.outcome, "finished");
    assert.equal(summary.done, 10);
    const types = events.map((e) => e.type);
    assert.ok(types.indexOf("job_paused") < types.indexOf("job_resumed"));
  });
});

Deno.test("a pause asked for before the job has started holds it from its first file", async () => {
  await withTempDir(async (root) => {
    const events: EngineEventInput[] = [];
    const job: Job = new Job(await options(root, 4), (e) => {
      events.push(e);
      if (e.type === "job_total") job.unpause();
    });
    job.pause();
    const summary = await job.run();
    assert.equal(summary.done, 4);
    const types = events.map((e) => e.type);
    assert.equal(types.indexOf("job_paused"), types.indexOf("job_started") + 1);
    assert.ok(types.indexOf("job_resumed") < types.indexOf("file_started"));
  });
});

Deno.test("a cancelled job stops, keeps finished notes, and a new run completes the rest", async () => {
  await withTempDir(async (root) => {
    const opts = await options(root, 12);
    let cancelled = false;
    const job: Job = new Job(opts, (e) => {
      if (e.type === "file_done" && !cancelled) {
        cancelled = true;
        job.cancel();
      }
    });
    const summary = await job.run();
    assert.equal(summary.outcome, "cancelled");
    assert.ok(summary.done >= 1 && summary.done < 12, `done ${summary.done}`);
    const kept = (await snapshotVault(opts.vaultDir)).size;
    assert.equal(kept, summary.done);

    const again = await new Job(opts, () => {}).run();
    assert.equal(again.outcome, "finished");
    assert.equal(again.done, 12 - kept);
    assert.equal((await snapshotVault(opts.vaultDir)).size, 12);
  });
});
