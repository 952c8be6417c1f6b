/**
 * @module
 * The supervisor: hands one file at a time to each sandbox, records every attempt before it
 * starts, and decides what a failure means (retry with backoff, fail, quarantine). It never
 * blocks on a worker: a sandbox that stops answering is replaced, and its file fails alone.
 */
import {
  type EngineEventInput,
  type Failure,
  type FromSandbox,
  LLM_MAX_DELAY_MS,
  LLM_PART_CHARS,
  type NoteDraft,
  type PipelineOptions,
} from "../protocol/messages.ts";
import type { FileRow, JobStore } from "../store/job_store.ts";
import type { VaultWriter } from "../vault/vault_writer.ts";
import { join } from "node:path";
import { NoteContentError } from "../common/errors.ts";
import { CommitQueue } from "./commit_queue.ts";
import { decideFailure } from "./failure_policy.ts";
import { isRecordingName } from "../pipeline/detect.ts";
import { findEngines } from "../pipeline/media/find_engines.ts";
import { ENGINES } from "../pipeline/media/run_engine.ts";
import { clearLibrarySwitches, type Profile, Sandbox } from "./sandbox.ts";
import { newStartLock } from "../sandbox/start_lock.ts";

export interface SupervisorConfig {
  workers: number;
  /** Failed attempts (crash, timeout, out of memory, stage error) before quarantine. */
  maxAttempts: number;
  budgetBaseMs: number;
  budgetPerMbMs: number;
  stallMs: number;
  heapMb: number;
  /** First retry delay; doubles with each failure. */
  retryBaseMs: number;
  threadUrl: URL;
}

export interface SupervisorDeps {
  store: JobStore;
  vault: VaultWriter;
  jobId: number;
  runId: number;
  inputDir: string;
  /** Where each sandbox gets its scratch folder. */
  scratchRoot: string;
  pipelineOptions: PipelineOptions;
  optionsHash: string;
  emit(event: EngineEventInput): void;
}

export type Outcome = "finished" | "interrupted" | "cancelled";

interface Queued {
  file: FileRow;
  notBefore: number;
}

interface Active {
  file: FileRow;
  attemptId: number;
  taskId: number;
  suspect: boolean;
  watchdog: ReturnType<typeof setTimeout> | undefined;
}

/** Recordings need a media sandbox; judged by name, the sandbox then checks the content. */
function profileFor(path: string): Profile {
  return isRecordingName(path) ? "media" : "document";
}

/** One for the process: the jobs the UI server runs side by side start their threads in turn. */
const START_LOCK = newStartLock();
/** The last name given on it; a job's sandboxes are numbered from 1, so they cannot be named so. */
let lockOwners = 0;

/** Starts one sandbox per worker. */
export function startSandboxes(
  config: Pick<SupervisorConfig, "workers" | "threadUrl" | "heapMb" | "stallMs">,
  inputDir: string,
  scratchRoot: string,
  llm?: PipelineOptions["llm"],
): Sandbox[] {
  clearLibrarySwitches();
  const net = llm ? hostAndPort(llm.url) : undefined;
  const engines = findEngines(ENGINES);
  return Array.from({ length: config.workers }, (_, i) =>
    new Sandbox(i + 1, {
      profile: "document",
      inputDir,
      scratchDir: join(scratchRoot, `sandbox-${i + 1}`),
      threadUrl: config.threadUrl,
      heapMb: config.heapMb,
      stallMs: config.stallMs,
      startLock: START_LOCK,
      lockOwner: ++lockOwners,
      engines,
      ...(net ? { net } : {}),
    }));
}

/** `host:port` of a URL, the port filled in from the scheme: what a sandbox may connect to. */
export function hostAndPort(url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return `${u.hostname}:${port}`;
}

/**
 * Extra time for a file in LLM mode: a text needs about one request per part plus one to combine
 * them, and each request may take the full timeout on every attempt and the longest wait between
 * attempts.
 */
function llmAllowanceMs(options: PipelineOptions, size: number): number {
  if (!options.llm) return 0;
  const { timeoutMs, retries } = options.llm;
  const requests = 2 + Math.ceil(size / LLM_PART_CHARS);
  return requests * ((retries + 1) * timeoutMs + retries * LLM_MAX_DELAY_MS);
}

/** Extra silence main tolerates past the host's own stall limit before replacing the sandbox. */
const WATCHDOG_GRACE_MS = 10_000;
/** How long a sandbox may take to confirm an abort before it is replaced. */
const ABORT_GRACE_MS = 3_000;
const MB = 1024 * 1024;

export class Supervisor {
  readonly #config: SupervisorConfig;
  readonly #deps: SupervisorDeps;
  readonly #sandboxes: Sandbox[];
  readonly #active = new Map<number, Active>();
  readonly #sandboxReadyAt: number[] = [];
  readonly #sandboxFailures: number[] = [];
  /** Fresh files in discovery order; `#head` avoids shifting a 100,000-entry array. */
  #fresh: Queued[] = [];
  #head = 0;
  #retry: Queued[] = [];
  /** Files in flight when an earlier process died: each runs alone to find the culprit. */
  #suspects: Queued[] = [];
  readonly #known = new Set<number>();
  #target: number;
  #paused = false;
  #stopping: Outcome | null = null;
  #inputClosed = false;
  readonly #commits = new CommitQueue();
  #taskSeq = 0;
  #wakeTimer: ReturnType<typeof setTimeout> | undefined;
  #fatal: Error | undefined;
  readonly #finished = Promise.withResolvers<Outcome>();
  readonly counts = { done: 0, failed: 0, quarantined: 0, skipped: 0 };

  /** `sandboxes` may have been started earlier (startSandboxes), so their start-up overlaps other work. */
  constructor(config: SupervisorConfig, deps: SupervisorDeps, sandboxes?: Sandbox[]) {
    this.#config = config;
    this.#deps = deps;
    this.#target = config.workers;
    this.#sandboxes = sandboxes ??
      startSandboxes(config, deps.inputDir, deps.scratchRoot, deps.pipelineOptions.llm);
    for (const sandbox of this.#sandboxes) {
      this.#sandboxReadyAt.push(0);
      this.#sandboxFailures.push(0);
      sandbox.attach({
        message: (sandbox, m) => this.#stopOnThrow(() => this.#onMessage(sandbox, m)),
        broken: (sandbox, reason) => this.#stopOnThrow(() => this.#onBroken(sandbox, reason)),
      });
    }
  }

  get concurrency(): number {
    return this.#target;
  }

  get activeCount(): number {
    return this.#active.size;
  }

  /** Adds a file to the work; a file already queued or running is ignored. */
  enqueue(file: FileRow, options: { suspect?: boolean } = {}): void {
    this.enqueueAll([file], options);
  }

  /** Adds files to the work, in this order, and only then looks for free sandboxes. */
  enqueueAll(files: FileRow[], options: { suspect?: boolean } = {}): void {
    for (const file of files) {
      if (this.#known.has(file.id)) continue;
      this.#known.add(file.id);
      (options.suspect ? this.#suspects : this.#fresh).push({ file, notBefore: 0 });
    }
    this.#pump();
  }

  /**
   * Runs `write` in the single writer's turn, after the commits already waiting and before the
   * ones that come later; the run does not end before it has run. What it throws stops the run.
   */
  write(write: () => Promise<void>): void {
    this.#commits.add(async () => {
      try {
        if (!this.#fatal) await write();
      } catch (error) {
        this.fail(error);
      }
    }, () => this.#pump());
  }

  /** No more files will be enqueued: the run ends when the queue drains. */
  closeInput(): void {
    this.#inputClosed = true;
    this.#pump();
  }

  /** Resolves when every file is settled, or after stop(). Throws if the vault cannot be written. */
  async run(): Promise<Outcome> {
    this.#pump();
    try {
      const outcome = await this.#finished.promise;
      await this.#commits.drained();
      if (this.#fatal) throw this.#fatal;
      return outcome;
    } finally {
      clearTimeout(this.#wakeTimer);
      for (const sandbox of this.#sandboxes) sandbox.dispose();
    }
  }

  pause(): void {
    if (this.#paused || this.#stopping) return;
    this.#paused = true;
    this.#deps.emit({ type: "job_paused" });
  }

  unpause(): void {
    if (!this.#paused || this.#stopping) return;
    this.#paused = false;
    this.#deps.emit({ type: "job_resumed" });
    this.#pump();
  }

  /** Stops dispatching and aborts files in flight; their attempts are not counted. */
  stop(outcome: "interrupted" | "cancelled"): void {
    if (this.#stopping) return;
    this.#stopping = outcome;
    clearTimeout(this.#wakeTimer);
    for (const [sandboxId, active] of this.#active) {
      const sandbox = this.#sandboxes[sandboxId - 1];
      sandbox.abort(active.taskId, { code: "aborted", message: `stopped: ${outcome}` });
      clearTimeout(active.watchdog);
      active.watchdog = setTimeout(() =>
        this.#stopOnThrow(() => {
          sandbox.restart();
          this.#settleFailure(sandbox, { code: "aborted", message: `stopped: ${outcome}` });
        }), ABORT_GRACE_MS);
    }
    this.#checkFinished();
  }

  /**
   * Stops the run because main itself cannot go on (the job store or the vault cannot be
   * written, say on a full disk): files in flight are aborted, and {@link run} throws `error`.
   */
  fail(error: unknown): void {
    this.#fatal ??= error instanceof Error ? error : new Error(String(error));
    this.stop("interrupted");
    this.#checkFinished();
  }

  /** Runs a handler of a sandbox's message or a timer: what it throws stops the run, cleanly. */
  #stopOnThrow(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Lowers or raises how many sandboxes get work (memory pressure). */
  setConcurrency(n: number, reason: string): void {
    const to = Math.max(1, Math.min(this.#config.workers, n));
    if (to === this.#target) return;
    this.#deps.emit({ type: "concurrency_changed", from: this.#target, to, reason });
    this.#target = to;
    this.#pump();
  }

  #pump(): void {
    this.#stopOnThrow(() => this.#dispatchFree());
  }

  #dispatchFree(): void {
    if (this.#stopping || this.#paused) return this.#checkFinished();
    const now = Date.now();
    while (this.#active.size < this.#target) {
      const free = this.#sandboxes.filter((s) =>
        !this.#active.has(s.id) && this.#sandboxReadyAt[s.id - 1] <= now
      );
      if (free.length === 0) break;
      const next = this.#takeNext(now);
      if (!next) break;
      // A sandbox of the right profile if one is free; otherwise one is restarted into it.
      const profile = profileFor(next.item.file.path);
      const sandbox = free.find((s) => s.profile === profile) ?? free[0];
      sandbox.setProfile(profile);
      this.#dispatch(sandbox, next.item, next.suspect);
    }
    this.#scheduleWake(now);
    this.#checkFinished();
  }

  #takeNext(now: number): { item: Queued; suspect: boolean } | undefined {
    if ([...this.#active.values()].some((a) => a.suspect)) return undefined;
    if (this.#suspects.length > 0) {
      return this.#active.size === 0 ? { item: this.#suspects.shift()!, suspect: true } : undefined;
    }
    const r = this.#retry.findIndex((q) => q.notBefore <= now);
    if (r >= 0) return { item: this.#retry.splice(r, 1)[0], suspect: false };
    if (this.#head < this.#fresh.length) {
      const item = this.#fresh[this.#head++];
      if (this.#head > 4096 && this.#head * 2 > this.#fresh.length) {
        this.#fresh = this.#fresh.slice(this.#head);
        this.#head = 0;
      }
      return { item, suspect: false };
    }
    return undefined;
  }

  #queuedCount(): number {
    return this.#fresh.length - this.#head + this.#retry.length + this.#suspects.length;
  }

  #scheduleWake(now: number): void {
    clearTimeout(this.#wakeTimer);
    if (this.#queuedCount() === 0) return;
    const times = [
      ...this.#retry.map((q) => q.notBefore),
      ...this.#sandboxReadyAt.filter((t) => t > now),
    ].filter((t) => t > now);
    if (times.length === 0) return;
    this.#wakeTimer = setTimeout(() => this.#pump(), Math.min(...times) - now);
  }

  #checkFinished(): void {
    if (this.#active.size > 0 || this.#commits.pending > 0) return;
    if (this.#stopping) return this.#finished.resolve(this.#stopping);
    if (this.#inputClosed && this.#queuedCount() === 0) this.#finished.resolve("finished");
  }

  #dispatch(sandbox: Sandbox, item: Queued, suspect: boolean): void {
    const { store, runId, pipelineOptions } = this.#deps;
    const file = item.file;
    // Durable before the file leaves main: a process death from here on is charged to it.
    const attemptId = store.startAttempt(file.id, runId);
    const taskId = ++this.#taskSeq;
    const attempt = file.failures + 1;
    const budgetMs = Math.round(
      this.#config.budgetBaseMs + this.#config.budgetPerMbMs * (file.size / MB) +
        llmAllowanceMs(pipelineOptions, file.size),
    );
    const active: Active = { file, attemptId, taskId, suspect, watchdog: undefined };
    this.#active.set(sandbox.id, active);
    this.#armWatchdog(sandbox, active);
    sandbox.run({
      taskId,
      absPath: `${this.#deps.inputDir}/${file.path}`,
      relPath: file.path,
      size: file.size,
      budgetMs,
      attempt,
      options: pipelineOptions,
      scratchDir: sandbox.scratchDir,
      chunks: this.#deps.store.chunksFor(file.id),
      engines: sandbox.engines,
    });
    this.#deps.emit({
      type: "file_started",
      path: file.path,
      attempt,
      worker: sandbox.id,
      bytes: file.size,
    });
  }

  #armWatchdog(sandbox: Sandbox, active: Active): void {
    clearTimeout(active.watchdog);
    active.watchdog = setTimeout(() =>
      this.#stopOnThrow(() => {
        sandbox.restart();
        this.#settleFailure(sandbox, {
          code: "crashed",
          message: `sandbox stopped answering for ${
            Math.round((this.#config.stallMs + WATCHDOG_GRACE_MS) / 1000)
          } s and was replaced`,
        });
      }), this.#config.stallMs + WATCHDOG_GRACE_MS);
  }

  #onMessage(sandbox: Sandbox, m: FromSandbox): void {
    if (m.type === "ready") return;
    const active = this.#active.get(sandbox.id);
    if (!active || m.taskId !== active.taskId) return; // late reply to an aborted task
    switch (m.type) {
      case "heartbeat":
        if (!this.#stopping) this.#armWatchdog(sandbox, active);
        return;
      case "progress":
        if (!this.#stopping) this.#armWatchdog(sandbox, active);
        this.#deps.emit({
          type: "file_progress",
          path: active.file.path,
          worker: sandbox.id,
          stage: m.stage,
          percent: m.percent,
        });
        return;
      case "chunk":
        // The checkpoint of a recording's chunk: durable before the next chunk is heard of.
        this.#deps.store.saveChunk(active.file.id, m.chunk);
        if (!this.#stopping) this.#armWatchdog(sandbox, active);
        this.#deps.emit({
          type: "chunk_done",
          path: active.file.path,
          index: m.chunk.index,
          endMs: (m.chunk.index + 1) * m.chunk.chunkMs,
        });
        return;
      case "failed":
        this.#settleFailure(sandbox, m.failure);
        return;
      case "result":
        this.#settleResult(sandbox, active, m.draft);
        return;
    }
  }

  #onBroken(sandbox: Sandbox, reason: string): void {
    if (this.#active.has(sandbox.id)) {
      this.#settleFailure(sandbox, { code: "crashed", message: reason });
    }
  }

  #release(sandbox: Sandbox): Active | undefined {
    const active = this.#active.get(sandbox.id);
    if (!active) return undefined;
    clearTimeout(active.watchdog);
    this.#active.delete(sandbox.id);
    return active;
  }

  #settleResult(sandbox: Sandbox, active: Active, draft: NoteDraft) {
    this.#release(sandbox);
    this.#sandboxFailures[sandbox.id - 1] = 0;
    this.#deps.store.markResult(active.attemptId);
    this.#commits.add(async () => {
      try {
        if (this.#fatal) return; // the vault already failed; the re-run redoes this file
        const note = await this.#deps.vault.commit({
          file: active.file,
          attemptId: active.attemptId,
          draft,
          optionsHash: this.#deps.optionsHash,
        });
        this.counts.done++;
        this.#deps.emit({
          type: "file_done",
          path: active.file.path,
          note,
          ...(draft.warning ? { warning: draft.warning } : {}),
        });
      } catch (error) {
        // No note can be made of what the stage returned: that file fails, as an unusable
        // input does; stopping the run would stop every re-run at the same file.
        if (error instanceof NoteContentError) {
          return this.#failFile(active, `cannot make the note: ${error.message}`);
        }
        // The vault itself failed (disk full, permissions): not this file's fault. Stop cleanly;
        // the attempt stays open and is marked interrupted, so a re-run redoes just this file.
        this.fail(
          new Error(
            `cannot write the note for ${active.file.path}: ${(error as Error).message}`,
            { cause: error },
          ),
        );
      }
    }, () => this.#pump());
    this.#pump();
  }

  /** Ends a file whose result made no note, as an unusable input is ended: not retried. */
  #failFile(active: Active, message: string): void {
    const { file, attemptId } = active;
    const { outcome, ...next } = decideFailure({
      failure: { code: "input", message },
      failures: file.failures,
      maxAttempts: this.#config.maxAttempts,
      retryBaseMs: this.#config.retryBaseMs,
      scratchDir: undefined,
      stopping: this.#stopping !== null,
      sandboxFailures: 0,
    }).attempt;
    this.#deps.store.failAttempt(attemptId, file.id, outcome, message, next);
    this.counts.failed++;
    this.#deps.emit({
      type: "file_failed",
      path: file.path,
      error: message,
      code: "input",
      willRetry: false,
    });
  }

  #settleFailure(sandbox: Sandbox, failure: Failure): void {
    const active = this.#release(sandbox);
    if (!active) return;
    const { store, emit } = this.#deps;
    const { file, attemptId } = active;
    const decision = decideFailure({
      failure,
      failures: file.failures,
      maxAttempts: this.#config.maxAttempts,
      retryBaseMs: this.#config.retryBaseMs,
      scratchDir: sandbox.scratchDir,
      stopping: this.#stopping !== null,
      sandboxFailures: this.#sandboxFailures[sandbox.id - 1],
    });
    const { outcome, ...next } = decision.attempt;
    const updated = store.failAttempt(attemptId, file.id, outcome, failure.message, next);
    const verdict = decision.file;
    switch (verdict.kind) {
      case "stop_run":
        return this.fail(
          new Error(`cannot write the scratch files for ${file.path}: ${verdict.error}`),
        );
      case "interrupted":
        break;
      case "skipped":
        this.counts.skipped++;
        emit({ type: "file_skipped", path: file.path, reason: failure.message, inTotal: true });
        break;
      case "failed":
        this.counts.failed++;
        emit({
          type: "file_failed",
          path: file.path,
          error: failure.message,
          code: failure.code,
          willRetry: false,
        });
        break;
      case "quarantined": {
        const reason = `${failure.message} (failed ${updated.failures} attempts)`;
        store.setFileStatus(file.id, "quarantined", reason);
        this.counts.quarantined++;
        emit({ type: "file_quarantined", path: file.path, error: reason });
        break;
      }
      case "retry":
        emit({
          type: "file_failed",
          path: file.path,
          error: failure.message,
          code: failure.code,
          willRetry: true,
        });
        this.#retry.push({ file: updated, notBefore: Date.now() + verdict.delayMs });
        break;
    }
    if (decision.sandboxRestDelayMs !== undefined) {
      this.#sandboxFailures[sandbox.id - 1]++;
      this.#sandboxReadyAt[sandbox.id - 1] = Date.now() + decision.sandboxRestDelayMs;
      emit({
        type: "worker_restarted",
        worker: sandbox.id,
        reason: failure.message,
        delayMs: decision.sandboxRestDelayMs,
      });
    }
    this.#pump();
  }
}
