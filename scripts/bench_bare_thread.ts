/**
 * @module
 * A bare thread for the workers benchmark (bench_workers.ts): the real pipeline on the files of a
 * shared queue, with no sandbox, supervisor, store or vault around it. Two of these against one
 * are the ceiling the engine's own 2-worker figure is measured against.
 */
import { parentPort, workerData } from "node:worker_threads";
import { pipelineInProcess } from "./pipeline_in_process.ts";

interface Input {
  files: { absPath: string; relPath: string; size: number }[];
  /** The index of the next file to take, shared by the threads (an Int32 at 0). */
  queue: SharedArrayBuffer;
}

const { files, queue } = workerData as Input;
const next = new Int32Array(queue);
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
  try {
    await pipelineInProcess({ taskId: i + 1, ...files[i] }, {
      budgetMs: 600_000,
      maxBytes: 64 * 2 ** 20,
    });
  } catch {
    // A file the engine would fail: it costs what it cost, and the thread goes on.
  }
}
parentPort!.postMessage("done");
