/**
 * @module
 * Runs synchronous stage work under a V8 execution timeout.
 *
 * Measured on Deno 2.9.6: neither `Worker.terminate()` nor node:worker_threads `terminate()`
 * stops a thread stuck in a synchronous loop (it keeps a core busy forever), but a `node:vm`
 * timeout does, catastrophic regex backtracking included. So every CPU-bound step of a stage
 * runs through `timeBoxed()`, and only idle awaits are left to the host's terminate().
 */
import vm from "node:vm";

/** A time-boxed section ran past its time. */
export class StageTimeoutError extends Error {
  override name = "StageTimeoutError";
}

const slot = "__gleanerGuarded";
/** The longest timeout node:vm takes (it throws a RangeError past it): about 49 days. */
const MAX_VM_TIMEOUT_MS = 2 ** 32 - 1;
const script = new vm.Script(`globalThis.${slot}()`, { filename: "gleaner-time-box" });

/** Runs `fn` synchronously, stopping it if it runs longer than `timeoutMs`. */
export function timeBoxed<T>(fn: () => T, timeoutMs: number): T {
  const g = globalThis as Record<string, unknown>;
  if (g[slot] !== undefined) return fn(); // nested: the outer time box's timeout already applies
  if (timeoutMs < 1) throw new StageTimeoutError("time budget used up before the step began");
  g[slot] = fn;
  try {
    // A budget past the limit (a 1 TB file gets 60 s per MB) is as good as none.
    const timeout = Math.min(Math.ceil(timeoutMs), MAX_VM_TIMEOUT_MS);
    return script.runInThisContext({ timeout }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
      throw new StageTimeoutError(`stage ran past its time budget of ${Math.ceil(timeoutMs)} ms`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    g[slot] = undefined;
  }
}
