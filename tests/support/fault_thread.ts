/**
 * @module
 * A stage thread for fault-injection tests: the real pipeline, except for input files whose
 * name asks for a fault. `__throw__` throws, `__loop__` spins forever inside a guarded stage,
 * `__hang__` awaits forever, `__oom__` allocates until the heap limit, `__flaky__` throws on
 * the first attempt of each thread only, `__garbage__` posts a message that breaks the protocol.
 */
import { type MessagePort, workerData } from "node:worker_threads";
import { runPipeline } from "../../src/pipeline/pipeline.ts";
import { serveStages } from "../../src/sandbox/serve_stages.ts";

let flakyThrown = false;

serveStages(async (task, ctx) => {
  const name = task.relPath;
  if (name.includes("__throw__")) throw new TypeError("injected stage fault");
  if (name.includes("__loop__")) {
    ctx.guard(() => {
      while (true) { /* injected endless loop */ }
    });
  }
  if (name.includes("__hang__")) await new Promise(() => {});
  if (name.includes("__oom__")) {
    const hoard: number[][] = [];
    while (true) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (name.includes("__flaky__") && !flakyThrown) {
    flakyThrown = true;
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
  return await runPipeline(task, ctx);
});
