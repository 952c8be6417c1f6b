/**
 * @module
 * The stages that turn one input file into a note draft. Runs inside the stage thread; pure:
 * it reads its input and returns a draft, it never writes.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { NoteDraft, Task } from "../protocol/messages.ts";
import { extractText, InputError } from "./text.ts";

/** What a stage may do besides computing: report progress and run CPU work under the budget. */
export interface StageContext {
  progress(stage: string, percent?: number): void;
  /** Runs synchronous work, stopped when the file's time budget runs out. */
  guard<T>(fn: () => T): T;
}

export type Pipeline = (task: Task, ctx: StageContext) => Promise<NoteDraft>;

const MB = 1024 * 1024;

/** The production pipeline: read, identify, extract. */
export const runPipeline: Pipeline = async (task, ctx) => {
  ctx.progress("read", 0);
  const bytes = await readInput(task);
  const sourceHash = ctx.guard(() => createHash("sha256").update(bytes).digest("hex"));
  ctx.progress("extract", 50);
  const text = ctx.guard(() => extractText(bytes, basename(task.relPath)));
  ctx.progress("extract", 100);
  return {
    title: text.title,
    type: text.type,
    sourceHash,
    sourceBytes: bytes.byteLength,
    wordCount: text.wordCount,
    body: text.body,
  };
};

async function readInput(task: Task): Promise<Uint8Array> {
  const limit = task.options.maxBytes;
  let file: Deno.FsFile;
  try {
    file = await Deno.open(task.absPath, { read: true });
  } catch (error) {
    throw new InputError(`cannot open the file: ${describeIoError(error)}`, { cause: error });
  }
  try {
    const info = await file.stat();
    if (!info.isFile) throw new InputError("not a regular file");
    if (info.size > limit) throw tooLarge(info.size, limit);
    // Read at most limit + 1 bytes: a file that grows while being read is still bounded.
    const buffer = new Uint8Array(Math.min(info.size, limit) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const n = await file.read(buffer.subarray(filled));
      if (n === null) break;
      filled += n;
    }
    if (filled > limit) throw tooLarge(filled, limit);
    return buffer.subarray(0, filled);
  } finally {
    file.close();
  }
}

function tooLarge(size: number, limit: number): InputError {
  return new InputError(
    `file too large: ${(size / MB).toFixed(1)} MB, the limit is ${
      (limit / MB).toFixed(1)
    } MB (raise it with --max-size)`,
  );
}

function describeIoError(error: unknown): string {
  if (error instanceof Deno.errors.NotFound) return "it disappeared before it could be read";
  if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (error instanceof Deno.errors.NotCapable) return "the sandbox refused access to it";
  return error instanceof Error ? error.message : String(error);
}
