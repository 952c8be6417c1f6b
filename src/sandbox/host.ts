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

/** Extra time past the budget before the host steps in; the thread's own guard should win. */
const BUDGET_GRACE_MS = 2000;
/** How often the host tells main it is alive while a task runs. */
const HOST_HEARTBEAT_MS = 1000;
/**
 * The longest delay a timer takes: a longer one fires at once. A file's budget passes it from
 * about 35 GB on (60 s per MB), which would fail every recording that large at its start.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Scope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

interface Current {
  task: Task;
  hostBeat: ReturnType<typeof setInterval>;
  budgetTimer: ReturnType<typeof setTimeout>;
  stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** The stage the file last reported, for the message when it stalls. */
  stage?: string;
}

export function startHost(scope: Scope): void {
  let config: { threadUrl: URL; heapMb: number; stallMs: number } | undefined;
  let thread: NodeWorker | undefined;
  /** The link to the thread. Measured: through a Web Worker's node thread, `parentPort`
   * messages took about 500 ms each way; a dedicated MessageChannel takes about 1 ms. */
  let port: MessagePort | undefined;
  let current: Current | undefined;
  let lastThreadError = "";

  const post = (m: FromSandbox) => scope.postMessage(m);

  const finish = (outcome: FromSandbox) => {
    if (!current) return;
    clearInterval(current.hostBeat);
    clearTimeout(current.budgetTimer);
    clearTimeout(current.stallTimer);
    current = undefined;
    post(outcome);
  };

  const fail = (taskId: number, failure: Failure) =>
    finish({ v: PROTOCOL_VERSION, type: "failed", taskId, failure });

  /** Ends the thread; the next task gets a fresh one. */
  const dropThread = () => {
    const t = thread;
    thread = undefined;
    port?.close();
    port = undefined;
    if (t) {
      t.removeAllListeners();
      t.on("error", () => {}); // a dying thread may still report; nobody needs it
      void t.terminate();
    }
  };

  const armStall = () => {
    if (!current || !config) return;
    clearTimeout(current.stallTimer);
    const { taskId } = current.task;
    const stallMs = config.stallMs;
    const stage = current.stage;
    current.stallTimer = setTimeout(() => {
      dropThread();
      // A step that is only slow (analysing a 50 MB text takes minutes) looks the same as a
      // stuck one from here: say where it was and how to give it longer.
      fail(taskId, {
        code: "stalled",
        message: `the stage showed no activity for ${Math.round(stallMs / 1000)} s${
          stage ? ` in "${stage}"` : ""
        } (stuck, out of memory, or too slow for this file: --stall-timeout gives it longer)`,
      });
    }, Math.min(stallMs, MAX_TIMER_MS));
  };

  const startThread = (): NodeWorker => {
    if (!config) throw new Error("sandbox host used before init");
    const channel = new MessageChannel();
    const t = new NodeWorker(config.threadUrl, {
      resourceLimits: { maxOldGenerationSizeMb: config.heapMb },
      workerData: { port: channel.port2 },
      transferList: [channel.port2],
    });
    port = channel.port1;
    lastThreadError = "";
    port.on("message", (data: unknown) => {
      if (t !== thread || !current) return; // a late word from a thread already replaced
      const parsed = parseMessage(FromSandbox, data);
      if (!parsed.ok) {
        dropThread();
        fail(current.task.taskId, {
          code: "protocol",
          message: `invalid message from the stage: ${parsed.error}`,
        });
        return;
      }
      const m = parsed.value;
      if (m.type === "ready" || ("taskId" in m && m.taskId !== current.task.taskId)) return;
      if (m.type === "progress" || m.type === "chunk") {
        if (m.type === "progress") current.stage = m.stage;
        armStall();
        post(m);
      } else if (m.type === "heartbeat") armStall(); // main hears the host's own heartbeat
      else finish(m);
    });
    t.on("error", (error: Error) => {
      lastThreadError = error.message;
    });
    t.on("exit", (code: number) => {
      if (t !== thread) return;
      thread = undefined;
      port?.close();
      port = undefined;
      if (!current) return;
      const oom = /memory limit|out of memory/i.test(lastThreadError);
      fail(
        current.task.taskId,
        oom
          ? {
            code: "out_of_memory",
            message: `stage ran out of memory (heap limit ${config?.heapMb} MB)`,
          }
          : {
            code: "crashed",
            message: `stage thread died (exit ${code})${
              lastThreadError ? `: ${lastThreadError}` : ""
            }`,
          },
      );
    });
    return t;
  };

  scope.onmessage = (event: MessageEvent) => {
    const parsed = parseMessage(ToSandbox, event.data);
    if (!parsed.ok) {
      const taskId = current?.task.taskId ?? -1;
      if (current) dropThread();
      fail(taskId, {
        code: "protocol",
        message: `invalid message to the sandbox: ${parsed.error}`,
      });
      return;
    }
    const m = parsed.value;
    switch (m.type) {
      case "init":
        config = { threadUrl: new URL(m.threadUrl), heapMb: m.heapMb, stallMs: m.stallMs };
        thread = startThread();
        post({ v: PROTOCOL_VERSION, type: "ready" });
        return;
      case "run": {
        if (current) {
          post({
            v: PROTOCOL_VERSION,
            type: "failed",
            taskId: m.task.taskId,
            failure: { code: "protocol", message: "sandbox is busy with another file" },
          });
          return;
        }
        thread ??= startThread();
        const link = port!;
        const { taskId } = m.task;
        current = {
          task: m.task,
          hostBeat: setInterval(
            () => post({ v: PROTOCOL_VERSION, type: "heartbeat", taskId }),
            HOST_HEARTBEAT_MS,
          ),
          stallTimer: undefined,
          budgetTimer: setTimeout(() => {
            dropThread();
            fail(taskId, {
              code: "timeout",
              message: `stage ran past its time budget of ${Math.round(m.task.budgetMs / 1000)} s`,
            });
          }, Math.min(m.task.budgetMs + BUDGET_GRACE_MS, MAX_TIMER_MS)),
        };
        armStall();
        link.postMessage({ v: PROTOCOL_VERSION, type: "run", task: m.task });
        return;
      }
      case "abort":
        if (current?.task.taskId !== m.taskId) return;
        dropThread();
        fail(m.taskId, m.failure);
        return;
    }
  };
}
