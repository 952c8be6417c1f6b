/**
 * @module
 * The loop inside a stage thread (node:worker_threads, started by the sandbox host): receives
 * one task at a time, runs the pipeline, posts progress and exactly one outcome.
 *
 * Heartbeats here mean activity, not a timer: one after every guarded step and with every
 * progress report. Measured on Deno 2.9.6: when a thread hits its heap limit inside a message
 * handler, the handler's execution is killed but the thread's event loop lives on, without an
 * `error` or `exit` event. A timer heartbeat would keep such a thread looking healthy; activity
 * stops, so the host's stall limit catches it.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import {
  type Failure,
  type FromSandbox,
  parseMessage,
  PROTOCOL_VERSION,
  ToThread,
} from "../protocol/messages.ts";
import type { Pipeline } from "../pipeline/pipeline.ts";
import { StageTimeoutError, timeBoxed } from "./time_box.ts";
import { sealSignals } from "./seal.ts";
import {
  errorMessage,
  InputChangedError,
  InputError,
  NothingToNoteError,
} from "../common/errors.ts";

export function serveStages(pipeline: Pipeline): void {
  // The host hands over a dedicated channel (see host.ts for why not parentPort).
  const port = (workerData as { port?: MessagePort } | null)?.port;
  if (!port) throw new Error("serveStages() needs the port its sandbox host passes in");
  sealSignals();
  const post = (m: FromSandbox) => port.postMessage(m);

  port.on("message", async (data: unknown) => {
    const parsed = parseMessage(ToThread, data);
    if (!parsed.ok) {
      const taskId = (data as { task?: { taskId?: number } })?.task?.taskId ?? -1;
      post({ v: PROTOCOL_VERSION, type: "failed", taskId, failure: protocolFailure(parsed.error) });
      return;
    }
    const { task } = parsed.value;
    const deadline = performance.now() + task.budgetMs;
    try {
      const draft = await pipeline(task, {
        progress: (stage, percent) =>
          post({ v: PROTOCOL_VERSION, type: "progress", taskId: task.taskId, stage, percent }),
        chunkDone: (chunk) =>
          post({ v: PROTOCOL_VERSION, type: "chunk", taskId: task.taskId, chunk }),
        timeBoxed: (fn) => {
          const value = timeBoxed(fn, deadline - performance.now());
          post({ v: PROTOCOL_VERSION, type: "heartbeat", taskId: task.taskId });
          return value;
        },
      });
      post({ v: PROTOCOL_VERSION, type: "result", taskId: task.taskId, draft });
    } catch (error) {
      post({ v: PROTOCOL_VERSION, type: "failed", taskId: task.taskId, failure: toFailure(error) });
    }
  });
  // Loaded and listening: the host lets the next sandbox's thread start.
  post({ v: PROTOCOL_VERSION, type: "ready" });
}

function protocolFailure(detail: string): Failure {
  return { code: "protocol", message: `invalid message to the stage thread: ${detail}` };
}

function toFailure(error: unknown): Failure {
  const message = errorMessage(error);
  if (error instanceof InputError) return { code: "input", message };
  if (error instanceof NothingToNoteError) return { code: "nothing_to_note", message };
  // Retried like a stage error, but its message needs no error name to be understood.
  if (error instanceof InputChangedError) return { code: "stage_error", message };
  if (error instanceof StageTimeoutError) return { code: "timeout", message };
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return { code: "stage_error", message: `stage recursed too deeply: ${message}` };
  }
  const name = error instanceof Error ? error.name : "Error";
  return { code: "stage_error", message: `${name}: ${message}` };
}
