/**
 * @module
 * The jobs the web UI runs: started from a request (checked by the job options module, as the
 * command line is), registered so they can be resumed after a crash, run in this process by the
 * same engine as batch mode, and watched through their events. The engine's stages run in the sandboxes; what
 * runs here is supervision and the single writer, so HTTP stays responsive.
 */
import { parseJobSettings } from "../options/job_options.ts";
import { type JobOverrides, prepareJob } from "../options/prepare_job.ts";
import type {
  JobDetail,
  JobEvent,
  JobMetrics,
  JobRequest,
  JobSummaryRow,
  JobView,
} from "../protocol/api.ts";
import { Job } from "../job/run_job.ts";
import { statePath } from "../vault/layout.ts";
import { emptyView, foldEvent } from "../progress/job_view.ts";
import { jobMetrics, type MetricSample } from "../progress/job_metrics.ts";
import type { EngineEvent, EngineEventInput } from "../protocol/messages.ts";
import { JobStore } from "../store/job_store.ts";
import type { JobRegistry, RegisteredJob } from "./job_registry.ts";
import { errorMessage, NotFound, UsageError } from "../common/errors.ts";

interface Running {
  job: Job;
  view: JobView;
  finished: Promise<void>;
}

export class JobManager {
  readonly #registry: JobRegistry;
  readonly #overrides: JobOverrides;
  readonly #running = new Map<number, Running>();
  readonly #listeners = new Set<(e: JobEvent) => void>();
  /** The error each job's last run stopped with, until it runs again. */
  readonly #stoppedBy = new Map<number, string>();
  /** Run numbers start at the clock so that they never repeat across restarts of the app. */
  #nextRun = Date.now();

  constructor(registry: JobRegistry, overrides: JobOverrides = {}) {
    this.#registry = registry;
    this.#overrides = overrides;
  }

  /** Receives every event of every job; returns the unsubscribe function. */
  subscribe(listener: (e: JobEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts a job from a request; `retryFailed` gives its failed files a fresh set of attempts.
   * @throws {UsageError} when the request or its folders are not usable
   */
  async start(request: JobRequest, retryFailed = false): Promise<RegisteredJob> {
    const settings = parseJobSettings({ ...request, retryFailed });
    let options;
    try {
      options = await prepareJob(settings, this.#overrides);
    } catch (error) {
      throw new UsageError(errorMessage(error), { cause: error });
    }
    // Stored without one-off switches: a resume must not restart or retry again.
    const kept = { ...request };
    delete kept.restart;
    const entry = this.#registry.put(options.inputDir, options.vaultDir, kept);
    if (this.#running.has(entry.id)) throw new UsageError("this job is already running");
    this.#stoppedBy.delete(entry.id);
    this.#run(entry.id, new Job(options, (e) => this.#emit(entry.id, e)));
    return entry;
  }

  /** Runs a registered job again: it takes up where it stopped (or starts over, or retries). */
  async rerun(id: number, how: { restart?: boolean; retryFailed?: boolean } = {}) {
    const { request } = this.#entry(id);
    return await this.start(
      { ...request, ...(how.restart ? { restart: true } : {}) },
      how.retryFailed ?? false,
    );
  }

  pause(id: number): void {
    this.#live(id).job.pause();
  }

  /** Lifts a live job's pause. */
  unpause(id: number): void {
    this.#live(id).job.unpause();
  }

  cancel(id: number): void {
    this.#live(id).job.cancel();
  }

  /** Forgets a job that is not running: its vault, notes and state stay where they are. */
  remove(id: number): void {
    this.#entry(id);
    if (this.#running.has(id)) throw new UsageError("stop the job before deleting it");
    this.#registry.remove(id);
    this.#stoppedBy.delete(id);
  }

  isRunning(id: number): boolean {
    return this.#running.has(id);
  }

  /** A job's vault folder, from the registry alone. */
  vaultOf(id: number): string {
    return this.#entry(id).vaultDir;
  }

  list(): JobSummaryRow[] {
    return this.#registry.list().map((entry) => this.#summary(entry));
  }

  detail(id: number): JobDetail {
    const entry = this.#entry(id);
    const files = this.#read(
      entry,
      (store, jobId) =>
        store.allFiles(jobId).map(({ id, path, status, error }) => ({ id, path, status, error })),
    ) ?? [];
    const notes = this.#read(entry, (store) => store.doneNotes()) ?? [];
    const { workers } = parseJobSettings(entry.request);
    return {
      ...this.#summary(entry),
      request: entry.request,
      workers,
      files,
      notes: Object.fromEntries(notes.map((n) => [n.source, n.path])),
    };
  }

  /** Files per hour, memory and restarts over every run of a job, for the metrics view. */
  metrics(id: number): JobMetrics {
    const entry = this.#entry(id);
    const running = this.#running.get(id);
    const read = (store: JobStore, jobId: number) => {
      const samples: MetricSample[] = [];
      const restarts: number[] = [];
      for (const { runId, at, type, data } of store.eventsByRun(jobId, RECORDED_METRICS)) {
        if (type === "worker_restarted") restarts.push(at);
        else {
          const { done, rss } = data as { done: number; rss: number };
          samples.push({ runId, at, done, rss });
        }
      }
      return jobMetrics(store.runsOf(jobId), samples, restarts, running !== undefined);
    };
    return this.#read(entry, read) ?? jobMetrics([], [], [], false);
  }

  /** Interrupts every running job and waits until each has saved its state. */
  async shutdown(): Promise<void> {
    for (const r of this.#running.values()) r.job.interrupt();
    await Promise.all([...this.#running.values()].map((r) => r.finished));
  }

  /** Waits for a job's current run to end (tests). */
  async settled(id: number): Promise<void> {
    await this.#running.get(id)?.finished;
  }

  #run(id: number, job: Job): void {
    const running: Running = { job, view: emptyView(this.#nextRun++), finished: Promise.resolve() };
    this.#running.set(id, running);
    running.finished = job.run().then(
      () => {},
      (error: Error) => {
        // A fatal error (vault busy, disk full): the UI shows it as the job's end, and with the
        // stopped job until it runs again.
        this.#stoppedBy.set(id, error.message);
        this.#emit(id, { type: "job_failed", error: error.message });
      },
    ).finally(() => this.#running.delete(id));
  }

  #emit(id: number, input: EngineEventInput): void {
    const event = { ...input, at: Date.now() } as EngineEvent;
    const running = this.#running.get(id);
    if (!running) return;
    const view = running.view = foldEvent(running.view, event);
    for (const listener of this.#listeners) {
      listener({ jobId: id, run: view.run, seq: view.seq, event });
    }
  }

  #summary(entry: RegisteredJob): JobSummaryRow {
    const running = this.#running.get(entry.id);
    const read = (store: JobStore, jobId: number) => ({
      state: store.getJob(jobId)?.state ?? "new",
      counts: store.countByStatus(jobId),
      problems: store.problemFiles(jobId, PROBLEMS_LISTED)
        .map(({ path, status, error }) => ({ path, status, error })),
    });
    const found = this.#read(entry, read);
    const error = this.#stoppedBy.get(entry.id);
    return {
      id: entry.id,
      inputDir: entry.inputDir,
      vaultDir: entry.vaultDir,
      running: running !== undefined,
      state: found?.state ?? "new",
      counts: found?.counts ?? {},
      problems: found?.problems ?? [],
      ...(error !== undefined && !running ? { error } : {}),
      ...(running ? { view: running.view } : {}),
    };
  }

  /** Reads a job's store: through its run when one holds it, else from its vault; undefined
   * when there is none yet. */
  #read<T>(entry: RegisteredJob, read: (store: JobStore, jobId: number) => T): T | undefined {
    return this.#running.get(entry.id)?.job.inspect(read) ?? this.#readStore(entry, read);
  }

  /** Reads a job's vault store when no run holds it; undefined when there is none yet. */
  #readStore<T>(entry: RegisteredJob, read: (store: JobStore, jobId: number) => T): T | undefined {
    const path = statePath(entry.vaultDir, "state.db");
    try {
      Deno.statSync(path);
    } catch {
      return undefined;
    }
    const store = JobStore.openReadOnly(path);
    try {
      const job = store.findJob(entry.inputDir);
      return job ? read(store, job.id) : undefined;
    } finally {
      store.close();
    }
  }

  #entry(id: number): RegisteredJob {
    const entry = this.#registry.get(id);
    if (!entry) throw new NotFound(`no job ${id}`);
    return entry;
  }

  #live(id: number): Running {
    this.#entry(id);
    const running = this.#running.get(id);
    if (!running) throw new UsageError(`job ${id} is not running`);
    return running;
  }
}

/** Failed files listed with each job; the job's page lists them all. */
const PROBLEMS_LISTED = 20;

const RECORDED_METRICS = ["metrics_sampled", "worker_restarted"];
