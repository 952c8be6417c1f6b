/**
 * @module
 * The stages that turn one input file into a note draft: identify it by content, extract
 * (documents) or transcribe (recordings), then analyse the text. Runs inside the stage thread; pure: it reads its
 * input and returns a draft and chunk checkpoints as messages, it never writes the vault.
 */
import { sha256Hex } from "../fs/sha256.ts";
import type { FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { analyse, type Analysed } from "../analyse/analyse.ts";
import { namedInTitle } from "../analyse/named_in_file_name.ts";
import type { Chunk, NoteDraft, Task } from "../protocol/messages.ts";
import { hashFile } from "../discover/hash.ts";
import { openRegularFile } from "../fs/open_regular.ts";
import { detectKind, type Kind } from "./detect.ts";
import { type Extracted, fallbackTitle, ownedTitle } from "./extracted.ts";
import { casedLikeText } from "./readable_name.ts";
import { useEngines } from "./media/run_engine.ts";
import { transcribeMedia } from "./media/transcribe.ts";
import { extractSubtitles } from "./subtitles.ts";
import { extractText } from "./text.ts";
import { extractTextFile } from "./text_file.ts";
import { errorMessage, InputChangedError, InputError, UnsafeFileError } from "../common/errors.ts";

/** What a stage may do besides computing: report progress and run CPU work under the budget. */
export interface StageContext {
  progress(stage: string, percent?: number): void;
  /** Runs synchronous work, stopped when the file's time budget runs out. */
  timeBoxed<T>(fn: () => T): T;
  /** Hands a finished chunk of a recording to main for its checkpoint. */
  chunkDone(chunk: Chunk): void;
}

export type Pipeline = (task: Task, ctx: StageContext) => Promise<NoteDraft>;

const MB = 1024 * 1024;
/** Enough of the start of a file to recognise any format gleaner reads. */
const HEAD_BYTES = 64 * 1024;
/** Reads of a file that changes meanwhile before it is left for a later attempt. */
const READ_TRIES = 3;
/**
 * How old a file's times must be before a read can trust them. They come from a clock that
 * ticks every few ms (1 s on some file systems): 2,000 writes in a row left 161 distinct mtimes
 * here, so a write in the same tick as the last one changes nothing a stat shows.
 */
const SETTLED_MS = 1000;

/** The production pipeline. */
export const runPipeline: Pipeline = async (task, ctx) => {
  ctx.progress("identify", 0);
  const name = basename(task.relPath);
  const head = await readInput(task, HEAD_BYTES);
  // Before detection, which would call it "not a PDF" or "not audio" for want of any bytes.
  if (head.length === 0) throw new InputError("empty file: nothing to make a note from");
  const { kind, mismatch, container } = await detectKind(head, name);
  const warning = mismatch ? { warning: `${mismatch}; read it as such` } : {};

  if (kind === "audio" || kind === "video") {
    // Recordings are never loaded whole: hashed as a stream, decoded by ffmpeg in chunks.
    const sourceHash = await hashFile(task.absPath, { root: inputRoot(task) });
    if (task.engines) useEngines(task.engines);
    const extracted = await transcribeMedia(task, sourceHash, container ?? "", ctx);
    const { size } = await Deno.stat(task.absPath);
    ctx.progress("analyse");
    return withWarning(await draft(task, extracted, sourceHash, size, ctx), warning);
  }

  const bytes = await readInput(task, task.options.maxBytes, ctx);
  const sourceHash = ctx.timeBoxed(() => sha256Hex(bytes));
  ctx.progress("extract", 10);
  // The whole relative path: links resolve against its folder, and an input without a title of
  // its own is named after its folder and file.
  const extracted = await extract(kind, bytes, task.relPath, ctx);
  ctx.progress("analyse", 60);
  return withWarning(await draft(task, extracted, sourceHash, bytes.byteLength, ctx), warning);
};

async function extract(
  kind: Exclude<Kind, "audio" | "video">,
  bytes: Uint8Array,
  relPath: string,
  ctx: StageContext,
): Promise<Extracted> {
  // The heavy parsers load on first use: a thread that only ever sees text starts sooner.
  switch (kind) {
    case "text":
      return await extractTextFile(bytes, relPath, (fn) => ctx.timeBoxed(fn));
    case "markdown":
      return ctx.timeBoxed(() => extractText(bytes, relPath));
    case "html": {
      const { extractHtml } = await import("./html.ts");
      return ctx.timeBoxed(() => extractHtml(bytes, relPath, { source: relPath }));
    }
    case "subtitles":
      return ctx.timeBoxed(() => extractSubtitles(bytes, relPath));
    case "epub": {
      const { extractEpub } = await import("./epub.ts");
      return ctx.timeBoxed(() => extractEpub(bytes, relPath, { source: relPath }));
    }
    // These two parse asynchronously: the host's time budget and stall watch bound them.
    case "pdf":
      return await (await import("./pdf.ts")).extractPdf(bytes, relPath);
    case "docx":
      return await (await import("./docx.ts")).extractDocx(bytes, relPath, { source: relPath });
  }
}

async function draft(
  task: Task,
  extracted: Extracted,
  sourceHash: string,
  sourceBytes: number,
  ctx: StageContext,
): Promise<NoteDraft> {
  let analysed: Analysed & { warning?: string } = ctx.timeBoxed(() => analyse(extracted));
  if (task.options.llm) {
    const { analyseWithLlm } = await import("../llm/llm_analyse.ts");
    analysed = await analyseWithLlm(extracted, analysed, task.options.llm, {
      alive: (percent) => ctx.progress("summarise", percent),
    });
  }
  // The source's own tags first (a Markdown file's frontmatter), then those the analysis found.
  const tags = [...new Set([...(extracted.tags ?? []), ...analysed.analysis.tags])];
  // A title made from the file name takes the text's spelling of names ("Heidegger") and writes
  // the people it names as names ("John Smith"); one naming only the kind of text ("FAQ") is
  // told whose by the file's name or folder.
  const fromFileName = extracted.title === fallbackTitle(task.relPath);
  const named = fromFileName
    ? namedInTitle(casedLikeText(extracted.title, extracted.body))
    : { title: ownedTitle(extracted.title, task.relPath), people: [] };
  return {
    title: named.title,
    type: extracted.type,
    sourceHash,
    sourceBytes,
    wordCount: extracted.wordCount,
    body: analysed.body,
    analysis: {
      ...analysed.analysis,
      tags,
      people: withTitlePeople(analysed.analysis.people, named.people),
    },
    ...(extracted.properties ? { properties: extracted.properties } : {}),
    ...(extracted.links?.length ? { links: extracted.links } : {}),
    ...(extracted.anchors && Object.keys(extracted.anchors).length > 0
      ? { anchors: extracted.anchors }
      : {}),
    ...(analysed.warning ? { warning: analysed.warning } : {}),
  };
}

/**
 * The people its file's name names that the text does not, then those the text names: whose
 * address "1862_abraham_lincoln_r" is, who "interview-john-smith" is with. The text's spelling
 * stands for a surname it uses ("Theodore Roosevelt" of "1901_theodore_roosevelt_r").
 */
function withTitlePeople(people: string[], inTitle: string[]): string[] {
  const surname = (name: string) => name.split(" ").at(-1)!.toLowerCase();
  const known = new Set(people.map(surname));
  return [...inTitle.filter((p) => !known.has(surname(p))), ...people];
}

function withWarning(draft: NoteDraft, warning: { warning?: string }): NoteDraft {
  if (!warning.warning) return draft;
  const both = draft.warning ? `${warning.warning}; ${draft.warning}` : warning.warning;
  return { ...draft, warning: both };
}

/**
 * Reads at most `limit` bytes. Given `ctx`, it reads the whole file: a larger file is an error
 * instead of cut short, and the bytes are one version of the file: a read during which its size or times changed is
 * done again, as tar does, and a file that keeps changing is left for a later attempt.
 */
async function readInput(
  task: Task,
  limit: number,
  ctx?: StageContext,
): Promise<Uint8Array> {
  for (let tries = 1;; tries++) {
    const read = await readOnce(task, limit, ctx !== undefined);
    if (!ctx || (!read.changed && read.waitMs === 0)) return read.bytes;
    if (tries === READ_TRIES) {
      throw new InputChangedError(
        "the file kept changing while it was being read (is something still writing it?): " +
          "it is tried again later",
      );
    }
    // Until its times are old enough that a write during the next read would show in them. Said
    // as progress: a silent wait would look like a stalled stage.
    if (read.waitMs > 0) {
      ctx.progress("waiting for the file to settle");
      await new Promise((resolve) => setTimeout(resolve, read.waitMs));
    }
  }
}

async function readOnce(
  task: Task,
  limit: number,
  whole: boolean,
): Promise<{ bytes: Uint8Array; changed: boolean; waitMs: number }> {
  let file: FileHandle;
  try {
    file = await openRegularFile(task.absPath, inputRoot(task));
  } catch (error) {
    throw new InputError(`cannot open the file: ${describeIoError(error)}`, { cause: error });
  }
  try {
    const info = await file.stat();
    if (whole && info.size > limit) throw tooLarge(info.size, limit);
    if (whole) {
      // Changed so lately that a write during the read could leave its times as they are.
      const at = Math.max(info.mtimeMs, info.ctimeMs);
      const age = Date.now() - at;
      if (age >= 0 && age < SETTLED_MS) {
        return { bytes: new Uint8Array(), changed: false, waitMs: SETTLED_MS - age };
      }
    }
    // One byte more than allowed: a file that grows while being read is still bounded.
    const buffer = new Uint8Array(Math.min(info.size, limit) + (whole ? 1 : 0));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (whole && filled > limit) throw tooLarge(filled, limit);
    const after = whole ? await file.stat() : info;
    const changed = after.size !== info.size || after.size !== filled ||
      after.mtimeMs !== info.mtimeMs || after.ctimeMs !== info.ctimeMs;
    return { bytes: buffer.subarray(0, filled), changed, waitMs: 0 };
  } finally {
    await file.close();
  }
}

/** The input folder the task's file must lie in: its absolute path less the relative one. */
function inputRoot(task: Task): string {
  const tail = `/${task.relPath}`;
  if (!task.absPath.endsWith(tail)) {
    throw new TypeError(`task path ${task.absPath} does not end with ${task.relPath}`);
  }
  return task.absPath.slice(0, -tail.length);
}

function tooLarge(size: number, limit: number): InputError {
  return new InputError(
    `file too large: ${(size / MB).toFixed(1)} MB, the limit is ${
      (limit / MB).toFixed(1)
    } MB (raise it with --max-size)`,
  );
}

function describeIoError(error: unknown): string {
  if (error instanceof UnsafeFileError) return error.message;
  if (error instanceof Deno.errors.NotFound) return "it disappeared before it could be read";
  if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (error instanceof Deno.errors.NotCapable) return "the sandbox refused access to it";
  return errorMessage(error);
}
