/**
 * @module
 * A stage thread for fault-injection tests: the real pipeline, except for input files whose
 * name asks for a fault. `__throw__` throws, `__loop__` spins forever inside a guarded stage,
 * `__hang__` awaits forever, `__oom__` allocates until the heap limit, `__flaky__` throws on
 * its first attempt only, `__garbage__` posts a message that breaks the protocol,
 * `__gate__` waits (showing progress) until a file `.release` appears in the input folder, so a
 * test can hold a job mid-way for as long as it needs, `__escape__` tries every way out of the
 * sandbox in `escape_attempts.ts` and writes each outcome into its note.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import type { NoteDraft, Task } from "../../src/protocol/messages.ts";
import { warmUp } from "../../src/analyse/analyse.ts";
import { runPipeline } from "../../src/pipeline/pipeline.ts";
import { serveStages } from "../../src/sandbox/serve_stages.ts";
import { NO_ANALYSIS } from "./drafts.ts";
import { placeOf, tryEscapes } from "./escape_attempts.ts";

warmUp(); // as the production thread does
serveStages(async (task, ctx) => {
  const name = task.relPath;
  if (name.includes("__throw__")) throw new TypeError("injected stage fault");
  if (name.includes("__loop__")) {
    ctx.timeBoxed(() => {
      while (true) { /* injected endless loop */ }
    });
  }
  if (name.includes("__hang__")) await new Promise(() => {});
  if (name.includes("__gate__")) await gate(task, ctx);
  if (name.includes("__oom__")) {
    const hoard: number[][] = [];
    while (true) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (name.includes("__flaky__") && task.attempt === 1) {
    throw new Error("injected one-time fault");
  }
  if (name.includes("__garbage__")) {
    (workerData.port as MessagePort).postMessage({
      v: 1,
      type: "result",
      taskId: task.taskId,
      draft: { nope: 1 },
    });
    await new Promise(() => {});
  }
  if (name.includes("__escape__")) return outcomes(await tryEscapes(placeOf(task)));
  return await runPipeline(task, ctx);
});

/** Holds the file until the test creates `.release` beside it: a condition, not a duration. */
async function gate(task: Task, ctx: { progress(stage: string): void }): Promise<void> {
  const release = task.absPath.slice(0, task.absPath.lastIndexOf("/")) + "/.release";
  for (;;) {
    try {
      Deno.statSync(release);
      return;
    } catch {
      ctx.progress("waiting for the test");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A note whose body is one outcome per line. */
function outcomes(lines: string[]): NoteDraft {
  return {
    title: "Probe",
    type: "text",
    sourceHash: "0".repeat(64),
    sourceBytes: 0,
    wordCount: 0,
    body: lines.join("\n"),
    analysis: NO_ANALYSIS,
  };
}
