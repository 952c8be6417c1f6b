/**
 * @module
 * Runs one job over an input folder into a vault: recovers what an earlier run left, reconciles
 * the folder with the store, supervises the workers and closes the books. Used by batch mode
 * (and, later, by the UI server); exposes pause, resume, cancel and interrupt.
 */
import type { EngineEventInput } from "../protocol/messages.ts";
import { type FileRow, type JobRow, type JobStore, jobTotal } from "../store/job_store.ts";
import { defaultLimits, governMemory, systemProbe } from "../supervisor/memory_governor.ts";
import { type Outcome, startSandboxes, Supervisor } from "../supervisor/supervisor.ts";
import { VaultWriter } from "../vault/vault_writer.ts";
import { join } from "node:path";
import { linkVault } from "../knowledge/link_vault.ts";
import { DOCUMENT_NAME, EXTENSIONS } from "../pipeline/detect.ts";
import { formatShard } from "../shard/shard_spec.ts";
import { type JobOptions, outputOptions } from "../options/job_options.ts";
import { type OpenState, openState } from "./open_state.ts";
import { STATE_DIR, statePath } from "../vault/layout.ts";
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

/** Notes checked per turn of the single writer: a commit waits for at most this many reads. */
const NOTE_CHECK_BATCH = 200;

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

  /** Lifts a pause (the job goes on; nothing is run again). */
  unpause(): void {
    this.#pauseRequested = false;
    this.#supervisor?.unpause();
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

  /**
   * A run, phase by phase: open the vault's state, take up the job, repair the vault, recover
   * earlier runs, start the supervisor, hand it the known work, walk the input folder for the
   * rest, link the vault and close the books.
   */
  async #run(): Promise<JobSummary> {
    const o = this.#options;
    // Sandboxes first: their start-up overlaps opening the store, recovery and the vault check.
    const scratchRoot = statePath(o.vaultDir, "tmp");
    const sandboxes = startSandboxes(o, o.inputDir, scratchRoot, o.pipeline.llm);
    let state: OpenState;
    try {
      state = await openState(o.vaultDir, (event) => this.#record(event));
    } catch (error) {
      for (const sandbox of sandboxes) sandbox.dispose();
      throw error;
    }
    const store = this.#store = state.store;
    try {
      // Under the vault's lock: what a killed run left in the scratch folders is of no use.
      await clearScratch(scratchRoot);
      const { job, resumed, optionsHash } = this.#takeUpJob(store);
      const vault = new VaultWriter(o.vaultDir, store, o.stopwatch);
      await this.#repairVault(vault, store, job.id, optionsHash, state.unsure);
      const suspects = this.#recoverRuns(store, job.id);
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
        emit: (event) => this.#record(event),
      }, sandboxes);
      if (this.#stopRequested) supervisor.stop(this.#stopRequested);
      this.#announceStart(store, job.id, resumed);
      this.#checkNotes(vault, store, supervisor);
      if (this.#pauseRequested) supervisor.pause();
      const queued = this.#enqueueKnown(store, job.id, supervisor, suspects);
      const timers = this.#startTimers(store, job.id, supervisor);
      const walked = this.#walkInput(store, job.id, optionsHash, supervisor, queued);
      let outcome: Outcome;
      try {
        [outcome] = await Promise.all([supervisor.run(), walked.done]);
      } finally {
        timers.stop();
      }
      timers.sample();
      // Also after an interrupted batch: the notes done so far get their links and maps.
      this.#record({ type: "vault_linked", ...await linkVault(store, vault) });
      return this.#close(store, job.id, this.#runId, outcome, walked.skipped());
    } catch (error) {
      if (this.#runId !== undefined) this.#closeAfter(store, this.#jobId!, this.#runId, error);
      throw error;
    } finally {
      for (const sandbox of sandboxes) sandbox.dispose(); // again, harmlessly, if it ran
      state.release();
    }
  }

  /**
   * Emits an event, and keeps the ones worth keeping in the store's events table once the job
   * is known.
   */
  #record(event: EngineEventInput): void {
    if (this.#store && this.#jobId !== undefined && RECORDED.has(event.type)) {
      try {
        this.#store.recordEvent(this.#jobId, this.#runId ?? null, event.type, event);
      } catch (error) {
        // The store cannot be written (a full disk): once files run, that stops them cleanly.
        if (!this.#supervisor) throw error;
        this.#supervisor.fail(error);
      }
    }
    this.#emit(event);
  }

  /**
   * Finds the input folder's job in the store, or starts one (and starts it over on
   * `--restart`), with this run's output options and shard.
   */
  #takeUpJob(store: JobStore): { job: JobRow; resumed: boolean; optionsHash: string } {
    const o = this.#options;
    const { json: optionsJson, hash: optionsHash } = outputOptions(o.pipeline);
    let found = store.findJob(o.inputDir);
    if (found && o.restart) {
      store.deleteJob(found.id);
      found = undefined;
    }
    if (found) checkShard(store, found.id, o);
    // One transaction: a shard's job never exists without its shard. Its filters are recorded
    // again on every run, as the merge compares what each shard last walked with.
    const job = store.transaction(() => {
      const held = found ?? store.createJob(o.inputDir, optionsJson, optionsHash);
      if (o.shard) store.setShard(held.id, o.shard, shardWalk(o));
      return held;
    });
    this.#jobId = job.id;
    store.updateJobOptions(job.id, optionsJson, optionsHash);
    store.setJobState(job.id, "running");
    if (o.retryFailed) store.resetFailed(job.id);
    // The job ran before (and is not started over): this run takes it up where it stopped.
    return { job, resumed: found !== undefined, optionsHash };
  }

  /**
   * Repairs what a crash or a bad disk left in the vault and, when the store may have lost
   * notes, adopts the ones it does not record. Before the runs are judged: a file whose note is
   * in the vault did not die with its run.
   */
  async #repairVault(
    vault: VaultWriter,
    store: JobStore,
    jobId: number,
    optionsHash: string,
    unsure: string | undefined,
  ): Promise<void> {
    for (const repair of await vault.prepare()) {
      this.#record({ type: "damage_repaired", ...repair });
    }
    if (!unsure || this.#options.restart) return;
    const found = await vault.scanForAdoption();
    const adopted = adoptPending(store, jobId, optionsHash);
    if (found === 0) return;
    this.#record({
      type: "damage_repaired",
      path: `${STATE_DIR}/state.db`,
      problem: `${unsure}: ${found} ${
        found === 1 ? "note in the vault is" : "notes in the vault are"
      } not recorded in it`,
      action: `each is taken as finished if its source is unchanged, without processing ` +
        `it again (${adopted.length} at once, the others as the walk finds them)`,
    });
  }

  /** Closes the runs that did not end and judges the files they had in flight. */
  #recoverRuns(store: JobStore, jobId: number): FileRow[] {
    const recovered = store.recoverRuns(jobId);
    const suspects = this.#judgeDeaths(store, recovered.diedFileIds);
    if (recovered.interruptedRuns + recovered.crashedRuns > 0) {
      this.#record({
        type: "state_recovered",
        jobId,
        interruptedRuns: recovered.interruptedRuns,
        crashedRuns: recovered.crashedRuns,
        suspects: suspects.map((f) => f.path),
      });
    }
    return suspects;
  }

  /**
   * Checks the done files' notes for damage (a crash, a full disk, a sync tool) a batch of them
   * at a time, in the single writer's turn between commits: a resumed job of 50,000 done files
   * then has its first new note without waiting for 50,000 reads. The run ends after the check.
   */
  #checkNotes(vault: VaultWriter, store: JobStore, supervisor: Supervisor): void {
    const ids = store.doneNoteIds();
    const checkFrom = (from: number) =>
      supervisor.write(async () => {
        const batch = ids.slice(from, from + NOTE_CHECK_BATCH);
        for (const repair of await vault.checkNotes(batch)) {
          this.#record({ type: "damage_repaired", ...repair });
        }
        // Queued behind the commits that arrived meanwhile; still before the run may end.
        if (from + NOTE_CHECK_BATCH < ids.length) checkFrom(from + NOTE_CHECK_BATCH);
      });
    if (ids.length > 0) checkFrom(0);
  }

  /** `job_started`, with what the store knows before the walk. */
  #announceStart(store: JobStore, jobId: number, resumed: boolean): void {
    const counts = store.countByStatus(jobId);
    this.#record({
      type: "job_started",
      jobId,
      total: jobTotal(counts),
      bytes: store.pendingBytes(jobId),
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
  }

  /**
   * Known work first, so a resumed job is busy at once while the folder is re-checked: the
   * suspects of a death (each alone), then the files left pending. Returns the files queued.
   */
  #enqueueKnown(
    store: JobStore,
    jobId: number,
    supervisor: Supervisor,
    suspects: FileRow[],
  ): Set<number> {
    const queued = new Set<number>();
    const enqueue = (files: FileRow[], suspect = false) => {
      for (const file of files) queued.add(file.id);
      supervisor.enqueueAll(files, { suspect });
    };
    enqueue(suspects, true);
    // A file for each sandbox first, so they start on it before the rest (up to 100,000 rows)
    // is read.
    const first = store.filesWithStatus(jobId, "pending", { limit: this.#options.workers });
    enqueue(first);
    if (first.length === this.#options.workers) {
      enqueue(store.filesWithStatus(jobId, "pending", { afterId: first.at(-1)!.id }));
    }
    return queued;
  }

  /** The memory governor and the metrics sampler, both on timers while the files run. */
  #startTimers(store: JobStore, jobId: number, supervisor: Supervisor) {
    const o = this.#options;
    const memory = o.memoryProbe ?? systemProbe;
    const limits = defaultLimits(memory);
    const memoryTimer = setInterval(
      () => governMemory(supervisor, o.workers, memory, limits),
      o.memoryCheckMs,
    );
    const sample = () =>
      this.#record({
        type: "metrics_sampled",
        done: store.countByStatus(jobId).done,
        rss: memory.rss(),
        available: memory.available(),
        concurrency: supervisor.concurrency,
      });
    sample();
    const sampleTimer = setInterval(sample, o.sampleMs);
    return {
      sample,
      stop: () => {
        clearInterval(memoryTimer);
        clearInterval(sampleTimer);
      },
    };
  }

  /**
   * Walks the input folder and reconciles it with the store; files that need work go to the
   * supervisor as they are found. The supervisor's input closes when the walk ends.
   */
  #walkInput(
    store: JobStore,
    jobId: number,
    optionsHash: string,
    supervisor: Supervisor,
    queued: Set<number>,
  ): { done: Promise<void>; skipped(): number } {
    const o = this.#options;
    let skipped = 0;
    const done = reconcile({
      store,
      jobId,
      inputDir: o.inputDir,
      vaultDir: o.vaultDir,
      optionsHash,
      walk: {
        include: o.include,
        exclude: o.exclude,
        skipDirs: [o.vaultDir],
        extensions: SUPPORTED_EXTENSIONS,
        names: DOCUMENT_NAME,
      },
      enqueue: (file) => supervisor.enqueue(file),
      queued,
      emit: (event) => this.#record(event),
      signal: this.#walkAbort.signal,
      ...(o.shard ? { shard: o.shard } : {}),
      maxDocumentBytes: o.pipeline.maxBytes,
    }).then((r) => {
      skipped = r.skipped;
      this.#record({ type: "job_total", jobId, total: r.total, bytes: store.pendingBytes(jobId) });
    }).catch((error) => supervisor.fail(error)).finally(() => supervisor.closeInput());
    return { done, skipped: () => skipped };
  }

  /** Records how the run ended and sums it up in `job_finished`. */
  #close(
    store: JobStore,
    jobId: number,
    runId: number,
    outcome: Outcome,
    skipped: number,
  ): JobSummary {
    store.endRun(runId, outcome);
    store.setJobState(jobId, outcome);
    const final = store.countByStatus(jobId);
    const summary: JobSummary = {
      jobId,
      outcome,
      done: this.#supervisor!.counts.done,
      failed: final.failed,
      skipped: skipped + this.#supervisor!.counts.skipped,
      quarantined: final.quarantined,
    };
    this.#record({ type: "job_finished", ...summary });
    return summary;
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
  #judgeDeaths(store: JobStore, fileIds: number[]): FileRow[] {
    const suspects = [];
    for (const id of new Set(fileIds)) {
      const file = store.fileById(id);
      if (!file || file.status !== "pending") continue;
      const deaths = store.consecutiveDeaths(id);
      if (deaths >= this.#options.poisonAfter) {
        const reason = `suspected poison file: gleaner died ${deaths} times in a row while ` +
          "processing it";
        store.setFileStatus(id, "quarantined", reason);
        this.#record({ type: "file_quarantined", path: file.path, error: reason });
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
