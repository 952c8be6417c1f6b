/**
 * @module
 * The web UI's HTTP API: zod schemas for what the UI sends and what the server answers, and for
 * the server-sent events, shared by both sides. A request is validated before anything acts on
 * it; the UI parses every answer and event through these schemas before it uses them, and the
 * server builds its answers as the types inferred from them.
 */
import { z } from "zod";
import { EngineEvent } from "./messages.ts";

/** A new job, as the UI's form sends it: some of the choices of the batch command line, checked
 * with the rest by the job options module (src/options/job_options.ts). */
export const JobRequest = z.object({
  input: z.string().trim().min(1, "choose an input folder"),
  out: z.string().trim().min(1).optional(),
  workers: z.number().int().min(1).max(256).optional(),
  include: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  restart: z.boolean().optional(),
  whisperModel: z.string().trim().min(1).optional(),
  llm: z.object({
    url: z.string().trim().min(1).optional(),
    model: z.string().trim().min(1).optional(),
  }).optional(),
}).strict();
export type JobRequest = z.infer<typeof JobRequest>;

/** How a stopped job is run again. */
export const ResumeRequest = z.object({
  restart: z.boolean().optional(),
  retryFailed: z.boolean().optional(),
}).strict();

/** A folder of the folder browser. */
export const FolderListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  folders: z.array(z.string()),
});
export type FolderListing = z.infer<typeof FolderListing>;

/** Every error answer. */
export const ApiError = z.object({ error: z.string() });

/** The page trades the one-time code of an `--open` link for the session token. */
export const SessionRequest = z.object({ code: z.string().min(1).max(200) }).strict();
export const SessionGranted = z.object({ token: z.string() });

/** A note whose text holds the vault browser's search, with the first line that does. */
export const TextMatch = z.object({ path: z.string(), snippet: z.string() });
export type TextMatch = z.infer<typeof TextMatch>;
/** `GET /api/jobs/:id/search`: the notes that hold the query, best first. */
export const TextMatches = z.array(TextMatch);

// ---- answers ----

/** `GET /api/health`. */
export const Health = z.object({ ok: z.literal(true), version: z.string() });

/** The answer of an action that only needs to say it was done (pause, cancel, delete). */
export const Done = z.object({ ok: z.literal(true) });

/** The job a start or a resume runs. */
export const Started = z.object({ id: z.number().int() });

/** Names, such as the installed whisper models or the notes of a vault. */
export const Names = z.array(z.string());

/** The state of an input file in a job. */
export const FileStatus = z.enum([
  "pending",
  "done",
  "failed",
  "quarantined",
  "removed",
  /** Read, and found to hold nothing to note (a page that only redirects). */
  "skipped",
]);
export type FileStatus = z.infer<typeof FileStatus>;

/** A file of a job as its page lists it. */
export const JobFile = z.object({
  id: z.number().int(),
  path: z.string(),
  status: FileStatus,
  error: z.string().nullable(),
});
export type JobFile = z.infer<typeof JobFile>;

/** Where a running job is. */
export const JobPhase = z.enum([
  "starting",
  "running",
  "paused",
  "stopping",
  "finished",
  "interrupted",
  "cancelled",
]);
export type JobPhase = z.infer<typeof JobPhase>;

/** A running job as the UI shows it, folded from its engine events (progress/job_view.ts). */
export const JobView = z.object({
  /** Which run of the job this is, and how many of its events are folded in: a client holding
   * a snapshot folds only the events that come after it, and reloads on a gap. */
  run: z.number(),
  seq: z.number(),
  phase: JobPhase,
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  skipped: z.number(),
  quarantined: z.number(),
  /** Files finished by this run, for the rate. */
  doneThisRun: z.number(),
  startedAt: z.number().optional(),
  updatedAt: z.number().optional(),
  /** Files per hour in this run, once there is something to measure. */
  filesPerHour: z.number().optional(),
  etaMs: z.number().optional(),
  workers: z.record(
    z.string(),
    z.object({ path: z.string(), stage: z.string(), percent: z.number().optional() }),
  ),
  restarts: z.number(),
  /** Latest outcomes, newest last. */
  recent: z.array(z.object({
    path: z.string(),
    outcome: z.enum(["done", "failed", "retrying", "quarantined"]),
    error: z.string().optional(),
    at: z.number(),
  })),
});
export type JobView = z.infer<typeof JobView>;

/** A job in the list of jobs (`GET /api/jobs`). */
export const JobSummaryRow = z.object({
  id: z.number().int(),
  inputDir: z.string(),
  vaultDir: z.string(),
  running: z.boolean(),
  /** From the vault's store: "running" with no process means it was cut short. */
  state: z.string(),
  counts: z.record(z.string(), z.number()),
  /** The first failed and quarantined files, with their reasons. */
  problems: z.array(JobFile.pick({ path: true, status: true, error: true })),
  /** Why the job's last run stopped, when an error stopped it (a full disk, say): it is not
   * running, its finished files are kept, and Resume carries on once the cause is dealt with. */
  error: z.string().optional(),
  view: JobView.optional(),
});
export type JobSummaryRow = z.infer<typeof JobSummaryRow>;
/** `GET /api/jobs`: every job the UI remembers, newest first. */
export const JobList = z.array(JobSummaryRow);

/** One job with its files (`GET /api/jobs/:id`). */
export const JobDetail = JobSummaryRow.extend({
  /** What the job was started with (without one-off switches such as restart). */
  request: JobRequest,
  /** Files the job processes at once (its request's `workers`, or the default). */
  workers: z.number().int(),
  files: z.array(JobFile),
  /** The note of each done file, by the file's path: the job page links to them. */
  notes: z.record(z.string(), z.string()),
});
export type JobDetail = z.infer<typeof JobDetail>;

/** How one run of a job went, for the metrics view. */
export const RunSummary = z.object({
  id: z.number(),
  startedAt: z.number(),
  /** The last moment the run is known to have been alive. */
  lastSeenAt: z.number(),
  /** `finished`, `interrupted`, `cancelled`, `fatal`, `died` (found dead by the next run), or
   * `running`; `stopped` when it is gone without a word and no run has looked at it since. */
  end: z.string(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** A job's metrics over its whole life (`GET /api/jobs/:id/metrics`, progress/job_metrics.ts). */
export const JobMetrics = z.object({
  runs: z.array(RunSummary),
  /** Columns of equal length; a null breaks the lines between runs. */
  at: z.array(z.number()),
  filesPerHour: z.array(z.number().nullable()),
  memoryMb: z.array(z.number().nullable()),
  /** Worker restarts so far in the job. */
  restarts: z.array(z.number().nullable()),
});
export type JobMetrics = z.infer<typeof JobMetrics>;

// ---- server-sent events (`GET /api/events`) ----

/** The `hello` event, first on every stream. */
export const Hello = z.object({ version: z.string() });

/** A `job` event: an engine event of one job, and its place in the job's run. */
export const JobEvent = z.object({
  jobId: z.number().int(),
  /** The run and the event's place in it, as in {@link JobView}. */
  run: z.number(),
  seq: z.number(),
  event: EngineEvent,
});
export type JobEvent = z.infer<typeof JobEvent>;
