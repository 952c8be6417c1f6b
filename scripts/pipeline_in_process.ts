/**
 * @module
 * The real pipeline on one file, in this process and without a sandbox: for benchmarks that
 * measure what the sandbox costs, or that need many analysed notes quickly.
 */
import type { NoteDraft } from "../src/protocol/messages.ts";
import { runPipeline } from "../src/pipeline/pipeline.ts";
import { timeBoxed } from "../src/sandbox/time_box.ts";

export function pipelineInProcess(
  file: { taskId: number; absPath: string; relPath: string; size: number },
  limits: { budgetMs: number; maxBytes: number },
): Promise<NoteDraft> {
  return runPipeline({
    ...file,
    budgetMs: limits.budgetMs,
    options: { maxBytes: limits.maxBytes, maxDurationMs: 3_600_000, chunkMs: 300_000 },
  }, {
    progress: () => {},
    timeBoxed: (fn) => timeBoxed(fn, limits.budgetMs),
    chunkDone: () => {},
  });
}
