/**
 * @module
 * The one protocol of gleaner: zod schemas for every message that crosses a thread boundary
 * (main <-> sandbox host <-> stage thread) and for the engine events that main publishes to the
 * terminal, NDJSON and (later) the UI. Both sides of every boundary import from here.
 */
import { z } from "zod";

/** Bumped when a message shape changes incompatibly; a mismatch is a protocol error. */
export const PROTOCOL_VERSION = 1;

const v = z.literal(PROTOCOL_VERSION);

/** An OpenAI-compatible chat endpoint that writes summaries, key points and claims. */
export const LlmOptions = z.object({
  /** Base URL of the API, e.g. http://127.0.0.1:11434/v1 (Ollama). */
  url: z.url(),
  model: z.string().min(1),
  /** Sent as a bearer token; never stored. */
  apiKey: z.string().optional(),
  /** Per request attempt. */
  timeoutMs: z.number().int().positive(),
  /** Further attempts after a timeout, a 429 or a 5xx. */
  retries: z.number().int().nonnegative(),
  /** First backoff delay, doubled per attempt, with full jitter. */
  retryDelayMs: z.number().int().nonnegative(),
});
export type LlmOptions = z.infer<typeof LlmOptions>;

/** LLM mode cuts a text into parts of about this many characters (about 3,000 tokens, which
 * fits the context of small local models): one request each, plus one to combine them. */
export const LLM_PART_CHARS = 12_000;

/** The longest wait between two attempts of an LLM request, whatever `Retry-After` asks for:
 * a server asking for an hour must not stall a batch that long. */
export const LLM_MAX_DELAY_MS = 60_000;

/** Limits and settings the pipeline runs with. */
export const PipelineOptions = z.object({
  /** Largest document accepted, in bytes (recordings are bounded by duration instead). */
  maxBytes: z.number().int().positive(),
  /** Longest recording accepted, in ms. */
  maxDurationMs: z.number().int().positive(),
  /** Length of one transcription chunk, in ms: the unit of checkpointing for recordings. */
  chunkMs: z.number().int().positive(),
  /** A whisper.cpp model file: when set, whisper-cli transcribes instead of PocketSphinx. */
  whisperModel: z.string().optional(),
  /**
   * Threads each whisper-cli may use: the cores shared among the workers. Measured on 2 busy
   * cores: whisper-cli's default of 2 OpenMP threads took 23.7 s for a 30 s chunk, 1 took 1.7 s.
   */
  whisperThreads: z.number().int().positive().optional(),
  /** LLM mode: summaries, key points, tags and claims from a language model. */
  llm: LlmOptions.optional(),
});
export type PipelineOptions = z.infer<typeof PipelineOptions>;

/** Why a file failed. `input` errors are permanent; the others are worth another attempt. */
export const FailureCode = z.enum([
  "input", // the file itself is unusable (undecodable, too large, unsupported): never retried
  "nothing_to_note", // readable, but nothing to note (a page that only redirects): skipped
  "stage_error", // a stage threw
  "timeout", // the file's time budget ran out
  "stalled", // no heartbeat from the stage thread within the stall limit
  "out_of_memory", // the stage thread hit its heap limit
  "crashed", // the stage thread or sandbox died without a result
  "protocol", // a message failed validation
  "aborted", // stopped on request (interrupt, cancel); never counts as an attempt
]);
export type FailureCode = z.infer<typeof FailureCode>;

export const Failure = z.object({ code: FailureCode, message: z.string() });
export type Failure = z.infer<typeof Failure>;

/** A key point; in a transcript, linked to where it is said. */
export const KeyPoint = z.object({
  text: z.string(),
  startMs: z.number().int().nonnegative().optional(),
  /** Obsidian block id of the transcript paragraph it comes from. */
  anchor: z.string().regex(/^[A-Za-z0-9-]+$/).optional(),
});
export type KeyPoint = z.infer<typeof KeyPoint>;

/** A claim the source makes, with the quote that supports it (LLM mode). */
export const Claim = z.object({ claim: z.string(), evidence: z.string() });
export type Claim = z.infer<typeof Claim>;

/** What a language model was asked and used for one file (LLM mode). */
export const LlmUsage = z.object({
  model: z.string(),
  requests: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});
export type LlmUsage = z.infer<typeof LlmUsage>;

/** The knowledge drawn from one source's text. */
export const Analysis = z.object({
  /** Paragraphs. */
  summary: z.array(z.string()),
  keyPoints: z.array(KeyPoint),
  keyphrases: z.array(z.string()),
  /** Valid Obsidian tags, without `#`. */
  tags: z.array(z.string()),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
  places: z.array(z.string()),
  /** The text's most frequent stems and their counts: what related notes are found by. */
  terms: z.array(z.tuple([z.string(), z.number().int().positive()])),
  claims: z.array(Claim).optional(),
  llm: LlmUsage.optional(),
});
export type Analysis = z.infer<typeof Analysis>;

/**
 * A link from a document to a file of the batch (or to a place in the document itself). The
 * body writes it as `[label](gleaner-link:N)`, N its index in the draft's `links`; main turns it
 * into a wikilink once it knows the target's note name, or into the bare label when the target
 * has no note.
 */
export const SourceLink = z.object({
  /** The target file, relative to the input folder, with "/" separators. */
  path: z.string(),
  /** The anchor inside it (an element id), decoded. */
  fragment: z.string().optional(),
  /** Written inside a table cell, where a wikilink's "|" must be escaped. */
  inTable: z.boolean().optional(),
});
export type SourceLink = z.infer<typeof SourceLink>;

/** The other files a draft's links lead to, each once: not `own`, the draft's own file. */
export function linkedFiles(links: SourceLink[] | undefined, own: string): string[] {
  return [...new Set((links ?? []).map((l) => l.path))].filter((path) => path !== own);
}

/** The scheme of link placeholders in a draft's body (see {@link SourceLink}). */
export const LINK_SCHEME = "gleaner-link:";

/** A frontmatter value a source gives its note: text, a number, a flag or a list of text. */
export const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type PropertyValue = z.infer<typeof PropertyValue>;

/** What the pipeline returns for one input: everything main needs to write the note. */
export const NoteDraft = z.object({
  title: z.string().min(1),
  /** Source kind, e.g. "text" or "markdown". */
  type: z.string(),
  /** SHA-256 (hex) of the exact bytes the pipeline read. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  sourceBytes: z.number().int().nonnegative(),
  wordCount: z.number().int().nonnegative(),
  /** Markdown body of the note (the full text or transcript), without frontmatter. */
  body: z.string(),
  analysis: Analysis,
  /** Extra frontmatter from the source (pages, duration, engine, model...). */
  properties: z.record(z.string(), PropertyValue).optional(),
  /** Something the user should know, never written into the note ("named .txt but a PDF"). */
  warning: z.string().optional(),
  /** Targets of the body's `gleaner-link:N` placeholders. */
  links: z.array(SourceLink).optional(),
  /**
   * The document's anchors (element ids) that lead to a heading, with that heading's text as
   * written in the body: what a link from another note to `file#id` becomes `[[Note#Heading]]`
   * by. An empty text stands for the top of the note (the heading that became the title).
   */
  anchors: z.record(z.string(), z.string()).optional(),
});
export type NoteDraft = z.infer<typeof NoteDraft>;

/** A timed piece of a transcript: what a subtitle cue or a recognised utterance says. */
export const Segment = z.object({
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  text: z.string(),
  speaker: z.string().optional(),
});
export type Segment = z.infer<typeof Segment>;

/** One transcribed chunk of a recording, checkpointed by main as soon as it is done. */
export const Chunk = z.object({
  index: z.number().int().nonnegative(),
  chunkMs: z.number().int().positive(),
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which engine and model made it: a chunk from another one is not reused. */
  engine: z.string(),
  segments: z.array(Segment),
});
export type Chunk = z.infer<typeof Chunk>;

/** One unit of work: a file handed to a worker. */
export const Task = z.object({
  /** Unique per dispatch; replies carry it so stale replies are recognised. */
  taskId: z.number().int().nonnegative(),
  absPath: z.string(),
  relPath: z.string(),
  size: z.number().int().nonnegative(),
  budgetMs: z.number().int().positive(),
  /** Which try at this file, from 1; the supervisor always sets it. */
  attempt: z.number().int().positive().optional(),
  options: PipelineOptions,
  /** The sandbox's own scratch folder (decoded audio chunks). */
  scratchDir: z.string().optional(),
  /** Chunks an earlier attempt finished, so a recording resumes where it stopped. */
  chunks: z.array(Chunk).optional(),
  /** The engines main found for media sandboxes: the paths they may start, or why not. */
  engines: z.record(
    z.string(),
    z.union([z.object({ path: z.string() }).strict(), z.object({ refused: z.string() }).strict()]),
  ).optional(),
});
export type Task = z.infer<typeof Task>;

/** The UI imports this module too, and a browser page has no `SharedArrayBuffer` unless it is
 * cross-origin isolated: the name is looked up only when a message is checked. */
function isSharedBuffer(value: unknown): value is SharedArrayBuffer {
  return typeof SharedArrayBuffer === "function" && value instanceof SharedArrayBuffer;
}

/** Main -> sandbox host (Web Worker). */
export const ToSandbox = z.discriminatedUnion("type", [
  z.object({
    v,
    type: z.literal("init"),
    /** URL of the stage thread module; tests substitute a fault-injecting one. */
    threadUrl: z.string(),
    heapMb: z.number().int().positive(),
    stallMs: z.number().int().positive(),
    /** The sandbox's name on the start lock: one of its own in the process, whose jobs share it. */
    lockOwner: z.number().int().positive(),
    /** Shared by every sandbox: one stage thread starts at a time (src/sandbox/start_lock.ts). */
    startLock: z.custom<SharedArrayBuffer>(isSharedBuffer, "a SharedArrayBuffer"),
  }),
  z.object({ v, type: z.literal("run"), task: Task }),
  z.object({ v, type: z.literal("abort"), taskId: z.number().int(), failure: Failure }),
]);
export type ToSandbox = z.infer<typeof ToSandbox>;

/** Sandbox host -> main, and stage thread -> sandbox host (the same shapes). */
export const FromSandbox = z.discriminatedUnion("type", [
  /** From a stage thread: its module is loaded and it takes tasks. */
  z.object({ v, type: z.literal("ready") }),
  z.object({
    v,
    type: z.literal("progress"),
    taskId: z.number().int(),
    stage: z.string(),
    /** 0..100 within the file, when the stage knows it. */
    percent: z.number().min(0).max(100).optional(),
  }),
  z.object({ v, type: z.literal("heartbeat"), taskId: z.number().int() }),
  z.object({ v, type: z.literal("chunk"), taskId: z.number().int(), chunk: Chunk }),
  z.object({ v, type: z.literal("result"), taskId: z.number().int(), draft: NoteDraft }),
  z.object({ v, type: z.literal("failed"), taskId: z.number().int(), failure: Failure }),
]);
export type FromSandbox = z.infer<typeof FromSandbox>;

/** Main -> stage thread, relayed by the host. */
export const ToThread = z.object({ v, type: z.literal("run"), task: Task });
export type ToThread = z.infer<typeof ToThread>;

/** Parses a message; a bad one becomes a described error instead of a crash. */
export function parseMessage<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; error: string } {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: z.prettifyError(r.error).replaceAll("\n", "; ") };
}

// ---- engine events: supervisor -> terminal, NDJSON, UI ----

const at = z.number(); // epoch ms; events are run metadata, never written into notes

/** How the reason of a file skipped for holding nothing to note ends when an earlier run read it:
 * a re-run prints such files in one line, not one each. */
export const FOUND_EARLIER = " (found earlier)";

export const EngineEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("job_started"),
    at,
    jobId: z.number(),
    total: z.number(),
    /** Size of the files known to be waiting, bytes: what the ETA is measured in. */
    bytes: z.number().optional(),
    /** Set when the job ran before: where this run takes it up. */
    resumed: z.object({
      done: z.number(),
      pending: z.number(),
      /** Failed and quarantined files, left alone without `--retry-failed`. */
      failed: z.number(),
    }).optional(),
  }),
  z.object({
    type: z.literal("job_total"),
    at,
    jobId: z.number(),
    total: z.number(),
    /** Size of the files waiting once the walk has found them all, bytes. */
    bytes: z.number().optional(),
  }),
  z.object({
    type: z.literal("state_recovered"),
    at,
    jobId: z.number(),
    interruptedRuns: z.number(),
    crashedRuns: z.number(),
    suspects: z.array(z.string()),
  }),
  z.object({
    type: z.literal("state_rebuilt"),
    at,
    reason: z.string(),
    movedTo: z.string(),
    notes: z.number(),
  }),
  z.object({
    /** Damage found at a run's start and what was done about it: a torn note or map, an
     * unfinished write's temp file, a state database that does not record notes in the vault. */
    type: z.literal("damage_repaired"),
    at,
    /** The damaged file, relative to the vault. */
    path: z.string(),
    problem: z.string(),
    action: z.string(),
  }),
  z.object({
    type: z.literal("file_started"),
    at,
    path: z.string(),
    attempt: z.number(),
    worker: z.number(),
    /** The file's size. */
    bytes: z.number().optional(),
  }),
  z.object({
    type: z.literal("file_progress"),
    at,
    path: z.string(),
    worker: z.number(),
    stage: z.string(),
    percent: z.number().optional(),
  }),
  z.object({
    type: z.literal("chunk_done"),
    at,
    path: z.string(),
    index: z.number(),
    endMs: z.number(),
  }),
  z.object({
    type: z.literal("file_done"),
    at,
    path: z.string(),
    note: z.string(),
    warning: z.string().optional(),
  }),
  z.object({
    type: z.literal("file_failed"),
    at,
    path: z.string(),
    error: z.string(),
    code: FailureCode,
    willRetry: z.boolean(),
  }),
  z.object({
    type: z.literal("file_skipped"),
    at,
    path: z.string(),
    reason: z.string(),
    /** Set for a file of the job, counted in its total (unchanged, failed or skipped before, or
     * read and found to hold nothing to note); not for what the walk passed over. */
    inTotal: z.literal(true).optional(),
  }),
  z.object({ type: z.literal("file_quarantined"), at, path: z.string(), error: z.string() }),
  z.object({ type: z.literal("file_removed"), at, path: z.string(), note: z.string().optional() }),
  z.object({
    type: z.literal("worker_restarted"),
    at,
    worker: z.number(),
    reason: z.string(),
    delayMs: z.number(),
  }),
  z.object({
    type: z.literal("concurrency_changed"),
    at,
    from: z.number(),
    to: z.number(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal("job_stopping"),
    at,
    reason: z.enum(["interrupted", "cancelled"]),
  }),
  z.object({
    /** Related notes and Maps of Content rebuilt from the store after the batch. */
    type: z.literal("vault_linked"),
    at,
    notes: z.number(),
    relinked: z.number(),
    topics: z.number(),
    mapsWritten: z.number(),
  }),
  z.object({
    /** The job could not run at all (vault busy, state unusable); batch mode exits with 2. */
    type: z.literal("job_failed"),
    at,
    error: z.string(),
  }),
  z.object({
    /** Taken at a run's start, every sample interval and at its end: the metrics view. */
    type: z.literal("metrics_sampled"),
    at,
    /** Files done in the job so far. */
    done: z.number(),
    /** This process's resident set, bytes (the sandboxes are threads in it). */
    rss: z.number(),
    /** Memory the system can still give, bytes. */
    available: z.number(),
    concurrency: z.number(),
  }),
  z.object({ type: z.literal("job_paused"), at }),
  z.object({ type: z.literal("job_resumed"), at }),
  z.object({
    type: z.literal("job_finished"),
    at,
    jobId: z.number(),
    outcome: z.enum(["finished", "interrupted", "cancelled"]),
    done: z.number(),
    failed: z.number(),
    skipped: z.number(),
    quarantined: z.number(),
  }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
/** An event as emitted, before the timestamp is stamped on. */
export type EngineEventInput = EngineEvent extends infer E
  ? E extends unknown ? Omit<E, "at"> : never
  : never;
