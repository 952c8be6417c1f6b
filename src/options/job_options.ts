/**
 * @module
 * A job's options in one place. The choices a user makes ({@link JobSettings}: from the batch
 * command line, the web UI's form or a job the UI stored) have their defaults and limits here and
 * are validated by one zod schema, whichever way they came in; {@link jobOptions} turns them into
 * what the engine runs with ({@link JobOptions}), adding the engine's own fixed settings. Which of
 * them change a note's content ({@link outputOptions}) is decided here too.
 *
 * The folders and the speech engine are looked up on disk by prepare_job.ts, beside this module.
 */
import { basename } from "node:path";
import { z } from "zod";
import { errorMessage, UsageError } from "../common/errors.ts";
import type { PipelineOptions } from "../protocol/messages.ts";
import type { ShardRequest, ShardSpec } from "../shard/shard_spec.ts";
import type { MemoryProbe } from "../supervisor/memory_governor.ts";
import type { SupervisorConfig } from "../supervisor/supervisor.ts";
import { sha256Hex } from "../fs/sha256.ts";
import type { Stopwatch } from "../vault/vault_writer.ts";

/** A number a user chooses: the flag that sets it, its default and its limits. */
export interface NumberSpec {
  flag: string;
  default: number;
  min: number;
  /** Set for whole numbers, which are limited on both sides. */
  max?: number;
}

/** Files processed at once by default: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/** Every number a job can be given, with its default and limits. */
export const LIMITS = {
  workers: { flag: "--workers", default: defaultWorkers(), min: 1, max: 256 },
  maxAttempts: { flag: "--max-attempts", default: 3, min: 1, max: 100 },
  timeoutSec: { flag: "--timeout", default: 120, min: 0.1 },
  stallSec: { flag: "--stall-timeout", default: 60, min: 0.1 },
  retryDelaySec: { flag: "--retry-delay", default: 1, min: 0 },
  maxSizeMb: { flag: "--max-size", default: 64, min: 0.001 },
  // A stage's language models take about 55 MB of heap before its first file (compromise, wink's
  // model, the English word list); below this a stage cannot read a PDF beside them.
  maxMemoryMb: { flag: "--max-memory", default: 1024, min: 128, max: 65536 },
  maxDurationMin: { flag: "--max-duration", default: 720, min: 0.01 },
  chunkMinutes: { flag: "--chunk-minutes", default: 5, min: 0.05 },
  llmTimeoutSec: { flag: "--llm-timeout", default: 120, min: 0.1 },
  llmRetries: { flag: "--llm-retries", default: 4, min: 0, max: 20 },
} as const satisfies Record<string, NumberSpec>;

/** LLM mode's endpoint and model when neither the job nor the environment names one: a local
 * Ollama, which needs no key. */
export const LLM_DEFAULTS = { url: "http://127.0.0.1:11434/v1", model: "llama3.2" } as const;

/**
 * Reads a number as `spec` allows it, from a command line's text or a request's number.
 * @throws {UsageError} naming the flag, what it needs and what it got
 */
export function readNumber(spec: NumberSpec, raw: string | number): number {
  const text = String(raw);
  const n = Number(text);
  if (spec.max !== undefined) {
    if (!/^\d+$/.test(text.trim()) || n < spec.min || n > spec.max) {
      throw new UsageError(
        `${spec.flag} needs a whole number from ${spec.min} to ${spec.max}, got "${text}"`,
      );
    }
    return n;
  }
  if (text.trim() === "" || !Number.isFinite(n) || n < spec.min) {
    throw new UsageError(`${spec.flag} needs a number of at least ${spec.min}, got "${text}"`);
  }
  return n;
}

/** A number field: text or a number in, the default when absent, the flag's message when bad. */
function numberField(spec: NumberSpec) {
  return z.union([z.string(), z.number()]).optional().transform((raw, ctx) => {
    if (raw === undefined) return spec.default;
    try {
      return readNumber(spec, raw);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: errorMessage(error) });
      return z.NEVER;
    }
  });
}

/** Text that must not be blank, refused with `message` otherwise. */
function filled(message: string) {
  return z.string().refine((s) => s.trim() !== "", message);
}

/** What `--shard` asked for; parseShardFlag (shard_spec.ts) makes and checks it. */
const ShardRequestField = z.custom<ShardRequest>(
  (v) =>
    typeof v === "object" && v !== null && ["fixed", "auto"].includes((v as ShardRequest).kind),
  "--shard: not a shard request",
);

/**
 * The choices of one job, whichever way they came in; what is not given takes its default.
 * Numbers may come as text (the command line) or as numbers (a request); a bad one is refused
 * with the same message either way, naming its command-line flag.
 */
export const JobSettings = z.object({
  /** The input folder, as given. */
  input: filled("--batch needs a folder"),
  /** The vault folder, as given; default: the input folder's name plus "-vault", beside it. */
  out: filled("--out needs a folder").optional(),
  workers: numberField(LIMITS.workers),
  /** Discard the job's saved state and start over. */
  restart: z.boolean().default(false),
  /** Give failed and quarantined files a fresh set of attempts. */
  retryFailed: z.boolean().default(false),
  include: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  maxAttempts: numberField(LIMITS.maxAttempts),
  timeoutSec: numberField(LIMITS.timeoutSec),
  stallSec: numberField(LIMITS.stallSec),
  retryDelaySec: numberField(LIMITS.retryDelaySec),
  maxSizeMb: numberField(LIMITS.maxSizeMb),
  maxMemoryMb: numberField(LIMITS.maxMemoryMb),
  maxDurationMin: numberField(LIMITS.maxDurationMin),
  chunkMinutes: numberField(LIMITS.chunkMinutes),
  /** A whisper.cpp model, by name or file; default: an installed one when whisper-cli is found. */
  whisperModel: filled("--whisper needs a model name or file").optional(),
  /** LLM mode; an endpoint or model not given comes from the environment, then the defaults. */
  llm: z.object({
    url: z.string().superRefine((url, ctx) => {
      if (!/^https?:\/\/[^/\s]+/i.test(url)) {
        ctx.addIssue({
          code: "custom",
          message: `--llm-url needs an http:// or https:// URL, got "${url}"`,
        });
      }
    }).optional(),
    model: filled("--llm-model needs a name").optional(),
    timeoutSec: numberField(LIMITS.llmTimeoutSec),
    retries: numberField(LIMITS.llmRetries),
  }).optional(),
  /** Only this shard of the inputs (`--shard`); `auto` is resolved from the environment. */
  shard: ShardRequestField.optional(),
});
export type JobSettings = z.output<typeof JobSettings>;
/** Settings as they may be given: numbers as text or numbers, defaults left out. */
export type JobSettingsInput = z.input<typeof JobSettings>;

/**
 * Validates a job's settings and fills in the defaults.
 * @throws {UsageError} with the first problem found, naming its flag
 */
export function parseJobSettings(input: JobSettingsInput): JobSettings {
  const parsed = JobSettings.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Custom issues carry gleaner's own message; a wrong type names its field.
  const message = issue.code === "custom"
    ? issue.message
    : `${issue.path.join(".") || "settings"}: ${issue.message}`;
  throw new UsageError(message);
}

/** What the engine runs a job with: the settings resolved, in the units the engine counts in. */
export interface JobOptions extends Omit<SupervisorConfig, "threadUrl"> {
  /** Absolute, symlink-resolved input folder. */
  inputDir: string;
  /** Absolute vault folder. */
  vaultDir: string;
  include: string[];
  exclude: string[];
  /** Discard the job's saved state and start over. */
  restart: boolean;
  /** Give failed and quarantined files a fresh set of attempts. */
  retryFailed: boolean;
  /** Unexplained process deaths in a row with a file in flight before it is quarantined. */
  poisonAfter: number;
  pipeline: PipelineOptions;
  threadUrl: URL;
  memoryProbe?: MemoryProbe;
  memoryCheckMs: number;
  /** How often a run records its metrics (files done, memory) for the metrics view. */
  sampleMs: number;
  /** One shard of a sharded batch (`--shard K/N`): only the inputs whose hash falls in it. */
  shard?: ShardSpec;
  /** Times the steps of each commit (the benchmark's); by default nothing is timed. */
  stopwatch?: Stopwatch;
}

/** What {@link jobOptions} needs beside the settings: what was found on disk and around. */
export interface Resolved {
  inputDir: string;
  vaultDir: string;
  /** The whisper.cpp model file chosen, when whisper-cli transcribes. */
  whisperModel?: string;
  shard?: ShardSpec;
  /** The stage thread module. */
  threadUrl: URL;
  /** Reads an environment variable (LLM mode's endpoint, model and key). */
  env: (name: string) => string | undefined;
}

/** The engine's options for settings whose folders, engine and shard have been resolved. */
export function jobOptions(settings: JobSettings, found: Resolved): JobOptions {
  const { whisperModel } = found;
  return {
    inputDir: found.inputDir,
    vaultDir: found.vaultDir,
    workers: settings.workers,
    include: settings.include,
    exclude: settings.exclude,
    restart: settings.restart,
    retryFailed: settings.retryFailed,
    maxAttempts: settings.maxAttempts,
    poisonAfter: 3,
    budgetBaseMs: settings.timeoutSec * 1000,
    budgetPerMbMs: 60_000,
    stallMs: settings.stallSec * 1000,
    heapMb: settings.maxMemoryMb,
    retryBaseMs: settings.retryDelaySec * 1000,
    pipeline: {
      maxBytes: Math.round(settings.maxSizeMb * 1024 * 1024),
      maxDurationMs: Math.round(settings.maxDurationMin * 60_000),
      chunkMs: Math.round(settings.chunkMinutes * 60_000),
      ...(whisperModel ? { whisperModel, whisperThreads: engineThreads(settings.workers) } : {}),
      ...(settings.llm ? { llm: llmOptions(settings.llm, found.env) } : {}),
    },
    threadUrl: found.threadUrl,
    memoryCheckMs: 2000,
    sampleMs: 15_000,
    ...(found.shard ? { shard: found.shard } : {}),
  };
}

/** The cores left to each of `workers` engines running at once; at least one. */
function engineThreads(workers: number): number {
  return Math.max(1, Math.floor((navigator.hardwareConcurrency || 1) / workers));
}

function llmOptions(
  llm: NonNullable<JobSettings["llm"]>,
  env: (name: string) => string | undefined,
): PipelineOptions["llm"] {
  const read = (name: string) => env(name)?.trim() || undefined;
  const apiKey = read("GLEANER_LLM_API_KEY");
  return {
    url: llm.url ?? read("GLEANER_LLM_URL") ?? LLM_DEFAULTS.url,
    model: llm.model ?? read("GLEANER_LLM_MODEL") ?? LLM_DEFAULTS.model,
    ...(apiKey ? { apiKey } : {}),
    timeoutMs: Math.round(llm.timeoutSec * 1000),
    retries: llm.retries,
    retryDelayMs: 1000,
  };
}

/** Bumped whenever the pipeline's output changes for the same input, so old notes are redone. */
export const PIPELINE_VERSION = 38;

/** What decides whether a done file must be redone: only options that change a note's content. */
export function outputOptions(
  pipeline: Pick<PipelineOptions, "whisperModel" | "llm"> = {},
): { json: string; hash: string } {
  const engine = pipeline.whisperModel ? `whisper-cli ${basename(pipeline.whisperModel)}` : "";
  // The model and its endpoint write the notes in LLM mode; the key is a secret and no output.
  const llm = pipeline.llm ? { url: pipeline.llm.url, model: pipeline.llm.model } : undefined;
  const json = JSON.stringify({
    version: PIPELINE_VERSION,
    ...(engine ? { engine } : {}),
    ...(llm ? { llm } : {}),
  });
  return { json, hash: sha256Hex(json) };
}
