/**
 * @module
 * The stages that turn one input file into a note draft: identify it by content, extract
 * (documents) or transcribe (recordings), then analyse the text. Runs inside the stage thread; pure: it reads its
 * input and returns a draft and chunk checkpoints as messages, it never writes the vault.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { analyse, type Analysed } from "../analyse/analyse.ts";
import type { Chunk, NoteDraft, Task } from "../protocol/messages.ts";
import { hashFile } from "../discover/hash.ts";
import { detectKind, type Kind } from "./detect.ts";
import { type Extracted, InputError } from "./extracted.ts";
import { transcribeMedia } from "./media/transcribe.ts";
import { extractSubtitles } from "./subtitles.ts";
import { extractText } from "./text.ts";

/** What a stage may do besides computing: report progress and run CPU work under the budget. */
export interface StageContext {
  progress(stage: string, percent?: number): void;
  /** Runs synchronous work, stopped when the file's time budget runs out. */
  guard<T>(fn: () => T): T;
  /** Hands a finished chunk of a recording to main for its checkpoint. */
  chunkDone(chunk: Chunk): void;
}

export type Pipeline = (task: Task, ctx: StageContext) => Promise<NoteDraft>;

const MB = 1024 * 1024;
/** Enough of the start of a file to recognise any format gleaner reads. */
const HEAD_BYTES = 64 * 1024;

/** The production pipeline. */
export const runPipeline: Pipeline = async (task, ctx) => {
  ctx.progress("identify", 0);
  const name = basename(task.relPath);
  const head = await readInput(task, HEAD_BYTES);
  const { kind, mismatch } = await detectKind(head, name);
  const warning = mismatch ? { warning: `${mismatch}; read it as such` } : {};

  if (kind === "audio" || kind === "video") {
    // Recordings are never loaded whole: hashed as a stream, decoded by ffmpeg in chunks.
    const sourceHash = await hashFile(task.absPath);
    const extracted = await transcribeMedia(task, sourceHash, ctx);
    const { size } = await Deno.stat(task.absPath);
    ctx.progress("analyse");
    return withWarning(await draft(task, extracted, sourceHash, size, ctx), warning);
  }

  const bytes = await readInput(task, task.options.maxBytes, true);
  const sourceHash = ctx.guard(() => createHash("sha256").update(bytes).digest("hex"));
  ctx.progress("extract", 10);
  const extracted = await extract(kind, bytes, name, ctx);
  ctx.progress("analyse", 60);
  return withWarning(await draft(task, extracted, sourceHash, bytes.byteLength, ctx), warning);
};

async function extract(
  kind: Exclude<Kind, "audio" | "video">,
  bytes: Uint8Array,
  name: string,
  ctx: StageContext,
): Promise<Extracted> {
  // The heavy parsers load on first use: a thread that only ever sees text starts sooner.
  switch (kind) {
    case "text":
    case "markdown":
      return ctx.guard(() => extractText(bytes, name));
    case "html": {
      const { extractHtml } = await import("./html.ts");
      return ctx.guard(() => extractHtml(bytes, name));
    }
    case "subtitles":
      return ctx.guard(() => extractSubtitles(bytes, name));
    // These two parse asynchronously: the host's time budget and stall watch bound them.
    case "pdf":
      return await (await import("./pdf.ts")).extractPdf(bytes, name);
    case "docx":
      return await (await import("./docx.ts")).extractDocx(bytes, name);
  }
}

async function draft(
  task: Task,
  extracted: Extracted,
  sourceHash: string,
  sourceBytes: number,
  ctx: StageContext,
): Promise<NoteDraft> {
  let analysed: Analysed & { warning?: string } = ctx.guard(() => analyse(extracted));
  if (task.options.llm) {
    const { analyseWithLlm } = await import("../llm/llm_analyse.ts");
    analysed = await analyseWithLlm(extracted, analysed, task.options.llm, {
      alive: (percent) => ctx.progress("summarise", percent),
    });
  }
  return {
    title: extracted.title,
    type: extracted.type,
    sourceHash,
    sourceBytes,
    wordCount: extracted.wordCount,
    body: analysed.body,
    analysis: analysed.analysis,
    ...(extracted.properties ? { properties: extracted.properties } : {}),
    ...(analysed.warning ? { warning: analysed.warning } : {}),
  };
}

function withWarning(draft: NoteDraft, warning: { warning?: string }): NoteDraft {
  if (!warning.warning) return draft;
  const both = draft.warning ? `${warning.warning}; ${draft.warning}` : warning.warning;
  return { ...draft, warning: both };
}

/** Reads at most `limit` bytes; with `whole`, a larger file is an error instead of cut short. */
async function readInput(task: Task, limit: number, whole = false): Promise<Uint8Array> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(task.absPath, { read: true });
  } catch (error) {
    throw new InputError(`cannot open the file: ${describeIoError(error)}`, { cause: error });
  }
  try {
    const info = await file.stat();
    if (!info.isFile) throw new InputError("not a regular file");
    if (whole && info.size > limit) throw tooLarge(info.size, limit);
    // One byte more than allowed: a file that grows while being read is still bounded.
    const buffer = new Uint8Array(Math.min(info.size, limit) + (whole ? 1 : 0));
    let filled = 0;
    while (filled < buffer.length) {
      const n = await file.read(buffer.subarray(filled));
      if (n === null) break;
      filled += n;
    }
    if (whole && filled > limit) throw tooLarge(filled, limit);
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
