/**
 * @module
 * Runs one job over an input folder into a vault: recovers what an earlier run left, reconciles
 * the folder with the store, supervises the workers and closes the books. Used by batch mode
 * (and, later, by the UI server); exposes pause, resume, cancel and interrupt.
 */
import type { EngineEventInput } from "../protocol/messages.ts";
import type { JobStore } from "../store/job_store.ts";
import { defaultLimits, governMemory, systemProbe } from "../supervisor/memory_governor.ts";
import { type Outcome, startSandboxes, Supervisor } from "../supervisor/supervisor.ts";
import { VaultWriter } from "../vault/vault_writer.ts";
import { join } from "node:path";
import { linkVault } from "../knowledge/link_vault.ts";
import { EXTENSIONS } from "../pipeline/detect.ts";
import { formatShard } from "../shard/shard_spec.ts";
import { type JobOptions, outputOptions } from "../options/job_options.ts";
import { openState, STATE_DIR } from "./open_state.ts";
import { adoptPending, reconcile } from "./reconcile.ts";
import { isDiskFull, releaseReserve, vaultFull } from "../store/disk_full.ts";

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export interface JobSummary {
  jobId: number;
  outcome: Outcome;
  done: number;
  failed: number;
  skipped: number;
  quarantined: number;
}

/** Event types kept in the store's events table (progress is not). */
const RECORDED = new Set([
  "state_recovered",
  "state_rebuilt",
  "damage_repaired",
  "file_failed",
  "file_quarantined",
  "file_removed",
  "worker_restarted",
  "concurrency_changed",
  "metrics_sampled",
  "job_finished",
]);

export class Job {
  readonly #options: JobOptions;
  readonly #emit: (event: EngineEventInput) => void;
  #supervisor: Supervisor | undefined;
  #store: JobStore | undefined;
  #runId: number | undefined;
  #jobId: number | undefined;
  #stopRequested: "interrupted" | "cancelled" | undefined;
  /** A pause asked for before the supervisor exists is applied when it does. */
  #pauseRequested = false;
  readonly #walkAbort = new AbortController();
  /** Where commit time went, for the benchmark. */
  timings = { noteWriteMs: 0, checkpointMs: 0 };

  constructor(options: JobOptions, emit: (event: EngineEventInput) => void) {
    this.#options = options;
    this.#emit = emit;
  }

  /** Reads the job's state while it runs (main's thread; the store is not shared). */
  inspect<T>(read: (store: JobStore, jobId: number) => T): T | undefined {
    return this.#store && this.#jobId !== undefined ? read(this.#store, this.#jobId) : undefined;
  }

  pause(): void {
    this.#pauseRequested = true;
    this.#supervisor?.pause();
  }

  resume(): void {
    this.#pauseRequested = false;
    this.#supervisor?.resume();
  }

  /** Ctrl-C, SIGTERM: recorded at once, so even an abrupt exit after it is not taken for a crash. */
  interrupt(): void {
    this.#stop("interrupted");
  }

  cancel(): void {
    this.#stop("cancelled");
  }

  #stop(outcome: "interrupted" | "cancelled"): void {
    if (this.#stopRequested) return;
    this.#stopRequested = outcome;
    if (this.#store && this.#runId !== undefined) this.#store.requestInterrupt(this.#runId);
    this.#emit({ type: "job_stopping", reason: outcome });
    this.#walkAbort.abort();
    this.#supervisor?.stop(outcome);
  }

  /**
   * Runs the job to its end, or until it is stopped.
   * @throws {VaultFullError} when the vault's disk is full: the run stopped cleanly, resumable
   */
  async run(): Promise<JobSummary> {
    try {
      return await this.#run();
    } catch (error) {
      throw isDiskFull(error) ? vaultFull(this.#options.vaultDir, error) : error;
    }
  }

  async #run(): Promise<JobSummary> {
    const o = this.#options;
    let jobId = -1;
    const emit = (event: EngineEventInput) => {
      if (jobId >= 0 && RECORDED.has(event.type)) {
        try {
          this.#store?.recordEvent(jobId, this.#runId ?? null, event.type, event);
        } catch (error) {
          // The store cannot be written (a full disk): once files run, that stops them cleanly.
          if (!this.#supervisor) throw error;
          this.#supervisor.fail(error);
        }
      }
      this.#emit(event);
    };
    // Sandboxes first: their start-up overlaps opening the store, recovery and the vault check.
    const scratchRoot = join(o.vaultDir, STATE_DIR, "tmp");
    const slots = startSandboxes(o, o.inputDir, scratchRoot, o.pipeline.llm);
    let state;
    try {
      state = await openState(o.vaultDir, emit);
    } catch (error) {
      for (const slot of slots) slot.dispose();
      throw error;
    }
    const store = this.#store = state.store;
    try {
      // Under the vault's lock: what a killed run left in the scratch folders is of no use.
      await clearScratch(scratchRoot);
      const { json: optionsJson, hash: optionsHash } = outputOptions(o.pipeline);
      let job = store.findJob(o.inputDir);
      if (job && o.restart) {
        store.deleteJob(job.id);
        job = undefined;
      }
      if (job) checkShard(store, job.id, o);
      // One transaction: a shard's job never exists without its shard. Its filters are recorded
      // again on every run, as the merge compares what each shard last walked with.
      const shardJob = job;
      /** The job ran before (and is not started over): this run takes it up where it stopped. */
      const resumed = job !== undefined;
      job = store.transaction(() => {
        const held = shardJob ?? store.createJob(o.inputDir, optionsJson, optionsHash);
        if (o.shard) store.setShard(held.id, o.shard, shardWalk(o));
        return held;
      });
      jobId = this.#jobId = job.id;
      store.updateJobOptions(job.id, optionsJson, optionsHash);
      store.setJobState(job.id, "running");
      if (o.retryFailed) store.resetFailed(job.id);

      const vault = new VaultWriter(o.vaultDir, store);
      for (const repair of await vault.prepare()) emit({ type: "damage_repaired", ...repair });
      // Before the runs are judged: a file whose note is in the vault did not die with its run.
      if (state.unsure && !o.restart) {
        const found = await vault.scanForAdoption();
        const adopted = adoptPending(store, job.id, optionsHash);
        if (found > 0) {
          emit({
            type: "damage_repaired",
            path: `${STATE_DIR}/state.db`,
            problem: `${state.unsure}: ${found} ${
              found === 1 ? "note in the vault is" : "notes in the vault are"
            } not recorded in it`,
            action: `each is taken as finished if its source is unchanged, without processing ` +
              `it again (${adopted.length} at once, the others as the walk finds them)`,
          });
        }
      }

      const recovered = store.recoverRuns(job.id);
      const suspects = this.#judgeDeaths(store, recovered.diedFileIds, emit);
      if (recovered.interruptedRuns + recovered.crashedRuns > 0) {
        emit({
          type: "state_recovered",
          jobId: job.id,
          interruptedRuns: recovered.interruptedRuns,
          crashedRuns: recovered.crashedRuns,
          suspects: suspects.map((f) => f.path),
        });
      }
      this.#runId = store.beginRun(job.id, Deno.pid);
      if (this.#stopRequested) store.requestInterrupt(this.#runId);

      const supervisor = this.#supervisor = new Supervisor(o, {
        store,
        vault,
        jobId: job.id,
        runId: this.#runId,
        inputDir: o.inputDir,
        scratchRoot,
        pipelineOptions: o.pipeline,
        optionsHash,
        emit,
      }, slots);
      if (this.#stopRequested) supervisor.stop(this.#stopRequested);

      const counts = store.countByStatus(job.id);
      const knownTotal = counts.pending + counts.done + counts.failed + counts.quarantined;
      emit({
        type: "job_started",
        jobId: job.id,
        total: knownTotal,
        bytes: store.pendingBytes(job.id),
        ...(resumed
          ? {
            resumed: {
              done: counts.done,
              pending: counts.pending,
              failed: counts.failed + counts.quarantined,
            },
          }
          : {}),
      });
      if (this.#pauseRequested) supervisor.pause();
      // Known work first, so a resumed job is busy at once while the folder is re-checked.
      const queued = new Set<number>();
      for (const file of suspects) {
        queued.add(file.id);
        supervisor.enqueue(file, { suspect: true });
      }
      for (const file of store.filesWithStatus(job.id, "pending")) {
        queued.add(file.id);
        supervisor.enqueue(file);
      }

      const memory = o.memoryProbe ?? systemProbe;
      const limits = defaultLimits(memory);
      const memoryTimer = setInterval(
        () => governMemory(supervisor, o.workers, memory, limits),
        o.memoryCheckMs,
      );
      const sample = () =>
        emit({
          type: "metrics_sampled",
          done: store.countByStatus(job.id).done,
          rss: memory.rss(),
          available: memory.available(),
          concurrency: supervisor.concurrency,
        });
      sample();
      const sampleTimer = setInterval(sample, o.sampleMs);
      let skipped = 0;
      const walked = reconcile({
        store,
        jobId: job.id,
        inputDir: o.inputDir,
        vaultDir: o.vaultDir,
        optionsHash,
        walk: {
          include: o.include,
          exclude: o.exclude,
          skipDirs: [o.vaultDir],
          extensions: SUPPORTED_EXTENSIONS,
        },
        enqueue: (file) => supervisor.enqueue(file),
        queued,
        emit,
        signal: this.#walkAbort.signal,
        ...(o.shard ? { shard: o.shard } : {}),
        maxDocumentBytes: o.pipeline.maxBytes,
      }).then((r) => {
        skipped = r.skipped;
        emit({
          type: "job_total",
          jobId: job.id,
          total: r.total,
          bytes: store.pendingBytes(job.id),
        });
      }).catch((error) => supervisor.fail(error)).finally(() => supervisor.closeInput());

      let outcome: Outcome;
      try {
        [outcome] = await Promise.all([supervisor.run(), walked]);
      } finally {
        clearInterval(memoryTimer);
        clearInterval(sampleTimer);
      }
      sample();
      this.timings = vault.timings;
      // Also after an interrupted batch: the notes done so far get their links and maps.
      emit({ type: "vault_linked", ...await linkVault(store, vault) });
      store.endRun(this.#runId, outcome);
      store.setJobState(job.id, outcome);
      const final = store.countByStatus(job.id);
      const summary: JobSummary = {
        jobId: job.id,
        outcome,
        done: supervisor.counts.done,
        failed: final.failed,
        skipped,
        quarantined: final.quarantined,
      };
      emit({ type: "job_finished", ...summary });
      return summary;
    } catch (error) {
      if (this.#runId !== undefined) this.#closeAfter(store, jobId, this.#runId, error);
      throw error;
    } finally {
      for (const slot of slots) slot.dispose(); // again, harmlessly, if the supervisor ran
      state.release();
    }
  }

  /**
   * Records that the run ended on an error, so the next one does not take it for a crash and
   * charge the files in flight with it. On a full disk the reserve is given back first, so that
   * these last writes fit.
   */
  #closeAfter(store: JobStore, jobId: number, runId: number, error: unknown): void {
    if (isDiskFull(error)) releaseReserve(join(this.#options.vaultDir, STATE_DIR));
    try {
      store.endRun(runId, "fatal");
      store.setJobState(jobId, "interrupted");
    } catch {
      // Still no room: the next run finds this one open and recovers it as after a crash.
    }
  }

  /**
   * Files in flight when a process died unexplained: after `poisonAfter` such deaths in a row a
   * file is quarantined, so a poison file cannot crash every resume; the others run alone first.
   */
  #judgeDeaths(store: JobStore, fileIds: number[], emit: (e: EngineEventInput) => void) {
    const suspects = [];
    for (const id of new Set(fileIds)) {
      const file = store.fileById(id);
      if (!file || file.status !== "pending") continue;
      const deaths = store.consecutiveDeaths(id);
      if (deaths >= this.#options.poisonAfter) {
        const reason = `suspected poison file: gleaner died ${deaths} times in a row while ` +
          "processing it";
        store.setFileStatus(id, "quarantined", reason);
        emit({ type: "file_quarantined", path: file.path, error: reason });
      } else suspects.push(file);
    }
    return suspects;
  }
}

/** The filters a shard walked with, as the merge compares them across shards. */
function shardWalk(o: JobOptions): string {
  return JSON.stringify({ include: o.include, exclude: o.exclude });
}

/**
 * A vault holds either a whole batch or one shard of a sharded batch, and only ever the same
 * shard: another one would mark this shard's files removed.
 * @throws {Error} naming the vault, what it holds and what to do
 */
function checkShard(store: JobStore, jobId: number, o: JobOptions): void {
  const held = store.shardJobs().find((s) => s.jobId === jobId);
  const wanted = o.shard ? formatShard(o.shard) : undefined;
  const holds = held ? formatShard(held) : undefined;
  if (holds === wanted) return;
  const what = holds ? `shard ${holds} of a sharded batch` : "a whole batch, not a shard";
  const fix = wanted
    ? `give each shard its own --out, or add --restart to make it shard ${wanted}`
    : `run with --shard ${holds}, merge it with gleaner merge, or add --restart`;
  throw new Error(`the vault ${o.vaultDir} holds ${what}: ${fix}`);
}

/** Empties the sandboxes' scratch folders (the folders stay: running sandboxes own them). */
async function clearScratch(root: string): Promise<void> {
  for await (const entry of Deno.readDir(root)) {
    const path = join(root, entry.name);
    if (!entry.isDirectory) {
      await Deno.remove(path, { recursive: true });
      continue;
    }
    for await (const inner of Deno.readDir(path)) {
      await Deno.remove(join(path, inner.name), { recursive: true });
    }
  }
}
