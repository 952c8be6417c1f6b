/**
 * @module
 * The sandbox host: runs inside a permission-restricted Web Worker and keeps one stage thread
 * (node:worker_threads, with a heap limit) to do the work. The host itself runs no stage code,
 * so its event loop stays free to watch the thread: it enforces the stall limit and the time
 * budget, replaces a thread that died (out of memory, crash) and reports every end as exactly
 * one `result` or `failed` message to main.
 */
import { MessageChannel, type MessagePort, Worker as NodeWorker } from "node:worker_threads";
import {
  type Failure,
  FromSandbox,
  parseMessage,
  PROTOCOL_VERSION,
  type Task,
  ToSandbox,
} from "../protocol/messages.ts";
import { releaseStartLock, takeStartLock } from "./start_lock.ts";

/** Extra time past the budget before the host steps in; the thread's own time box should win. */
const BUDGET_GRACE_MS = 2000;
/** How often the host tells main it is alive while a task runs. */
const HOST_HEARTBEAT_MS = 1000;
/**
 * The longest delay a timer takes: a longer one fires at once. A file's budget passes it from
 * about 35 GB on (60 s per MB), which would fail every recording that large at its start.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The Web Worker's global scope, as the host uses it. */
export interface Scope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The host's hold on a stage thread: what it needs of a node:worker_threads Worker. */
export interface StageThread {
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
  removeAllListeners(): unknown;
  terminate(): unknown;
}

export interface ThreadSpec {
  threadUrl: URL;
  heapMb: number;
  /** The thread's end of the host's dedicated channel (see {@link SandboxHost}). */
  port: MessagePort;
}

/** Starts a stage thread; tests pass one that starts a fake. */
export type ThreadFactory = (spec: ThreadSpec) => StageThread;

/** The real stage thread: a node:worker_threads Worker with a heap limit. */
export const nodeThread: ThreadFactory = ({ threadUrl, heapMb, port }) =>
  new NodeWorker(threadUrl, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    workerData: { port },
    transferList: [port],
  });

interface Current {
  task: Task;
  hostBeat: ReturnType<typeof setInterval>;
  budgetTimer: ReturnType<typeof setTimeout> | undefined;
  stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** The stage the file last reported, for the message when it stalls. */
  stage?: string;
}

/**
 * Relays tasks from main to one stage thread and watches it: the stall limit, the time budget,
 * a thread that died. Every task ends in exactly one `result` or `failed` message to main.
 */
export class SandboxHost {
  readonly #scope: Scope;
  readonly #startThread: ThreadFactory;
  #config:
    | { threadUrl: URL; heapMb: number; stallMs: number; owner: number; lock: SharedArrayBuffer }
    | undefined;
  #thread: StageThread | undefined;
  /** A thread waiting for its turn to start (src/sandbox/start_lock.ts). */
  #starting: Promise<void> | undefined;
  /** Ends a thread that takes the lock and never becomes ready, so the others may start. */
  #startTimer: ReturnType<typeof setTimeout> | undefined;
  /** The link to the thread. Measured: through a Web Worker's node thread, `parentPort`
   * messages took about 500 ms each way; a dedicated MessageChannel takes about 1 ms. */
  #port: MessagePort | undefined;
  #current: Current | undefined;
  #lastThreadError = "";

  constructor(scope: Scope, startThread: ThreadFactory = nodeThread) {
    this.#scope = scope;
    this.#startThread = startThread;
    scope.onmessage = (event: MessageEvent) => this.#onMessage(event.data);
  }

  #post(m: FromSandbox): void {
    this.#scope.postMessage(m);
  }

  #finish(outcome: FromSandbox): void {
    const current = this.#current;
    if (!current) return;
    clearInterval(current.hostBeat);
    clearTimeout(current.budgetTimer);
    clearTimeout(current.stallTimer);
    this.#current = undefined;
    this.#post(outcome);
  }

  #fail(taskId: number, failure: Failure): void {
    this.#finish({ v: PROTOCOL_VERSION, type: "failed", taskId, failure });
  }

  /** Ends the thread; the next task gets a fresh one. */
  #dropThread(): void {
    const t = this.#thread;
    this.#thread = undefined;
    this.#releaseStart();
    this.#port?.close();
    this.#port = undefined;
    if (t) {
      t.removeAllListeners();
      t.on("error", () => {}); // a dying thread may still report; nobody needs it
      void t.terminate();
    }
  }

  #armStall(): void {
    const current = this.#current;
    if (!current || !this.#config) return;
    clearTimeout(current.stallTimer);
    const { taskId } = current.task;
    const stallMs = this.#config.stallMs;
    const stage = current.stage;
    current.stallTimer = setTimeout(() => {
      this.#dropThread();
      // A step that is only slow (analysing a 50 MB text takes minutes) looks the same as a
      // stuck one from here: say where it was and how to give it longer.
      this.#fail(taskId, {
        code: "stalled",
        message: `the stage showed no activity for ${Math.round(stallMs / 1000)} s${
          stage ? ` in "${stage}"` : ""
        } (stuck, out of memory, or too slow for this file: --stall-timeout gives it longer)`,
      });
    }, Math.min(stallMs, MAX_TIMER_MS));
  }

  /** A thread to run on: the current one, or a new one once no other is starting. */
  #threadStarted(): Promise<void> {
    if (this.#thread) return Promise.resolve();
    const config = this.#config;
    if (!config) throw new Error("sandbox host used before init");
    this.#starting ??= takeStartLock(config.lock, config.owner).then(() => {
      this.#starting = undefined;
      this.#thread ??= this.#spawnThread(config);
    });
    return this.#starting;
  }

  /** Held from a thread's start until it is ready, dies or is dropped. */
  #releaseStart(): void {
    clearTimeout(this.#startTimer);
    if (this.#config) releaseStartLock(this.#config.lock, this.#config.owner);
  }

  #spawnThread(config: { threadUrl: URL; heapMb: number; stallMs: number }): StageThread {
    const channel = new MessageChannel();
    const t = this.#startThread({
      threadUrl: config.threadUrl,
      heapMb: config.heapMb,
      port: channel.port2,
    });
    const port = this.#port = channel.port1;
    this.#lastThreadError = "";
    port.on("message", (data: unknown) => this.#onThreadMessage(t, data));
    t.on("error", (error: Error) => {
      this.#lastThreadError = error.message;
    });
    t.on("exit", (code: number) => this.#onThreadExit(t, code));
    // With a file on it, the file's stall limit ends the thread.
    this.#startTimer = setTimeout(() => {
      if (t === this.#thread && !this.#current) this.#dropThread();
    }, Math.min(config.stallMs, MAX_TIMER_MS));
    return t;
  }

  #onThreadMessage(t: StageThread, data: unknown): void {
    if (t !== this.#thread) return; // a late word from a thread already replaced
    if ((data as { type?: unknown })?.type === "ready") {
      this.#releaseStart();
      return this.#post({ v: PROTOCOL_VERSION, type: "ready" });
    }
    const current = this.#current;
    if (!current) return;
    const parsed = parseMessage(FromSandbox, data);
    if (!parsed.ok) {
      this.#dropThread();
      this.#fail(current.task.taskId, {
        code: "protocol",
        message: `invalid message from the stage: ${parsed.error}`,
      });
      return;
    }
    const m = parsed.value;
    if (m.type === "ready" || ("taskId" in m && m.taskId !== current.task.taskId)) return;
    if (m.type === "progress" || m.type === "chunk") {
      if (m.type === "progress") current.stage = m.stage;
      this.#armStall();
      this.#post(m);
    } else if (m.type === "heartbeat") this.#armStall(); // main hears the host's own heartbeat
    else this.#finish(m);
  }

  #onThreadExit(t: StageThread, code: number): void {
    if (t !== this.#thread) return;
    this.#thread = undefined;
    this.#releaseStart();
    this.#port?.close();
    this.#port = undefined;
    if (!this.#current) return;
    const error = this.#lastThreadError;
    const oom = /memory limit|out of memory/i.test(error);
    this.#fail(
      this.#current.task.taskId,
      oom
        ? {
          code: "out_of_memory",
          message: `stage ran out of memory (heap limit ${this.#config?.heapMb} MB)`,
        }
        : {
          code: "crashed",
          message: `stage thread died (exit ${code})${error ? `: ${error}` : ""}`,
        },
    );
  }

  #onMessage(data: unknown): void {
    const parsed = parseMessage(ToSandbox, data);
    if (!parsed.ok) {
      const taskId = this.#current?.task.taskId ?? -1;
      if (this.#current) this.#dropThread();
      this.#fail(taskId, {
        code: "protocol",
        message: `invalid message to the sandbox: ${parsed.error}`,
      });
      return;
    }
    const m = parsed.value;
    switch (m.type) {
      case "init":
        this.#config = {
          threadUrl: new URL(m.threadUrl),
          heapMb: m.heapMb,
          stallMs: m.stallMs,
          owner: m.lockOwner,
          lock: m.startLock,
        };
        void this.#threadStarted();
        return;
      case "run":
        return this.#run(m.task);
      case "abort":
        if (this.#current?.task.taskId !== m.taskId) return;
        this.#dropThread();
        this.#fail(m.taskId, m.failure);
        return;
    }
  }

  #run(task: Task): void {
    if (this.#current) {
      this.#post({
        v: PROTOCOL_VERSION,
        type: "failed",
        taskId: task.taskId,
        failure: { code: "protocol", message: "sandbox is busy with another file" },
      });
      return;
    }
    const { taskId } = task;
    this.#current = {
      task,
      hostBeat: setInterval(
        () => this.#post({ v: PROTOCOL_VERSION, type: "heartbeat", taskId }),
        HOST_HEARTBEAT_MS,
      ),
      stallTimer: undefined,
      budgetTimer: undefined,
    };
    // The budget and the stall limit count from the hand-over: waiting for another thread to
    // start is not this file's time, and main hears the host's heartbeat meanwhile.
    void this.#threadStarted().then(() => {
      const current = this.#current;
      if (current?.task.taskId !== taskId) return;
      current.budgetTimer = setTimeout(() => {
        this.#dropThread();
        this.#fail(taskId, {
          code: "timeout",
          message: `stage ran past its time budget of ${Math.round(task.budgetMs / 1000)} s`,
        });
      }, Math.min(task.budgetMs + BUDGET_GRACE_MS, MAX_TIMER_MS));
      this.#armStall();
      this.#port!.postMessage({ v: PROTOCOL_VERSION, type: "run", task });
    });
  }
}
