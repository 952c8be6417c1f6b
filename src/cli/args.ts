/**
 * @module
 * The command line, parsed strictly with node:util parseArgs. Returns a plain description of
 * what to do; checking paths on disk happens in the batch command.
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { parseShardFlag } from "../shard/shard_spec.ts";
import type { ModelsArgs } from "../models/models_command.ts";
import { errorMessage, UsageError } from "../common/errors.ts";
import {
  defaultWorkers,
  type JobSettings,
  type JobSettingsInput,
  LIMITS,
  LLM_DEFAULTS,
  parseJobSettings,
  readNumber,
} from "../options/job_options.ts";

/** `gleaner --batch DIR [options]`: a job's settings, and how to report on it. */
export interface BatchArgs extends JobSettings {
  mode: "batch";
  /** NDJSON events on stdout instead of the terminal's progress bar. */
  json: boolean;
}

/** `gleaner merge SHARD_VAULT... --out VAULT`. */
export interface MergeArgs {
  mode: "merge";
  shards: string[];
  out: string;
  json: boolean;
}

export interface UiArgs {
  mode: "ui";
  /** Preferred port; a free one is taken when it is busy. */
  port: number;
  open: boolean;
  /** Where the list of jobs is kept; default the user's state folder. */
  state?: string;
}

export type Command =
  | { mode: "help" }
  | { mode: "version" }
  | UiArgs
  | BatchArgs
  | MergeArgs
  | ModelsArgs;

/** The web UI's preferred port. */
export const DEFAULT_PORT = 4870;
const PORT = { flag: "--port", default: DEFAULT_PORT, min: 0, max: 65535 };

export const HELP = `gleaner: turn a folder of documents and media into an Obsidian vault

Usage:
  gleaner [--port N] [--open]     serve the web UI on 127.0.0.1 and print its URL
  gleaner --batch DIR [options]   process DIR headlessly
  gleaner merge SHARD_VAULT... --out VAULT [--json]
                                  merge the vaults of a sharded batch into one
  gleaner models                  list the standard whisper.cpp models and the installed ones
  gleaner models pull NAME [--from URL]
                                  download one into your state folder (resumable, SHA-1
                                  checked); --from names a mirror with the same file names

Web UI options:
  --port N             preferred port (default ${DEFAULT_PORT}; a free one if that is taken)
  --open               open the URL in the default browser
  --state DIR          where the UI keeps its list of jobs (default: your state folder)

Options:
  --batch DIR          input folder to process
  --out VAULT          vault folder (default: DIR-vault beside DIR)
  --workers N          files processed at once (default: number of cores, ${defaultWorkers()} here)
  --json               write NDJSON events to stdout
  --restart            discard the saved state of this job and start over
  --retry-failed       try failed and quarantined files again
  --include GLOB       only files matching GLOB (repeatable; relative to DIR)
  --exclude GLOB       skip files or folders matching GLOB (repeatable)
  --max-attempts N     failed attempts before a file is quarantined (default ${LIMITS.maxAttempts.default})
  --timeout SEC        time budget per file, plus 60 s per MB (default ${LIMITS.timeoutSec.default})
  --stall-timeout SEC  give up on a file that shows no sign of life this long (default ${LIMITS.stallSec.default})
  --retry-delay SEC    first delay before a retry, doubling each time (default ${LIMITS.retryDelaySec.default})
  --max-size MB        largest document accepted (default ${LIMITS.maxSizeMb.default})
  --max-duration MIN   longest recording accepted, in minutes (default ${LIMITS.maxDurationMin.default})
  --chunk-minutes N    recordings are transcribed and checkpointed in chunks this long (default ${LIMITS.chunkMinutes.default})
  --whisper NAME|FILE  transcribe with whisper.cpp (whisper-cli) and this model: a name pulled
                       with "gleaner models pull NAME", or a model file (default: an installed
                       model when whisper-cli is on the PATH, else PocketSphinx)
  --max-memory MB      heap limit of each worker (default ${LIMITS.maxMemoryMb.default})
  --llm                summaries, key points, tags and claims by a language model through an
                       OpenAI-compatible endpoint (default: offline analysis, no model needed)
  --llm-url URL        its base URL (default $GLEANER_LLM_URL, else a local Ollama at
                       ${LLM_DEFAULTS.url}); the API key is read from $GLEANER_LLM_API_KEY
  --llm-model NAME     the model (default $GLEANER_LLM_MODEL, else ${LLM_DEFAULTS.model})
  --llm-timeout SEC    per request attempt (default ${LIMITS.llmTimeoutSec.default})
  --llm-retries N      further attempts after a timeout, 429 or 5xx (default ${LIMITS.llmRetries.default})
  --shard K/N          only the inputs of shard K of N, by content hash; K counts from 0, so
                       N machines run 0/N to N-1/N, each into its own --out, then merge
  --shard auto[/N]     K (and N) from the cluster engine: JOB_COMPLETION_INDEX (Kubernetes),
                       SLURM_ARRAY_TASK_ID/_MIN/_COUNT (Slurm), AWS_BATCH_JOB_ARRAY_INDEX/_SIZE
                       (AWS Batch); N from /N or $GLEANER_SHARD_COUNT where the engine has none
  -h, --help           show this help
  -V, --version        show the version

Exit codes: 0 all done, 1 finished but some files failed, 2 usage or fatal error,
130 interrupted. State lives in VAULT/.gleaner/; re-run the same command to resume.

merge: reads the shard vaults (finished shard runs), writes VAULT exactly as one machine
would have from all inputs, and can be run again as more shards finish. See docs/cluster.md.`;

export function parseCommandLine(argv: string[]): Command {
  if (argv[0] === "merge") return parseMerge(argv.slice(1));
  if (argv[0] === "models") return parseModels(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        batch: { type: "string" },
        port: { type: "string" },
        open: { type: "boolean" },
        state: { type: "string" },
        out: { type: "string" },
        workers: { type: "string" },
        json: { type: "boolean" },
        restart: { type: "boolean" },
        "retry-failed": { type: "boolean" },
        include: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        "max-attempts": { type: "string" },
        timeout: { type: "string" },
        "stall-timeout": { type: "string" },
        "retry-delay": { type: "string" },
        "max-size": { type: "string" },
        "max-memory": { type: "string" },
        "max-duration": { type: "string" },
        "chunk-minutes": { type: "string" },
        whisper: { type: "string" },
        "whisper-model": { type: "string" },
        llm: { type: "boolean" },
        "llm-url": { type: "string" },
        "llm-model": { type: "string" },
        "llm-timeout": { type: "string" },
        "llm-retries": { type: "string" },
        shard: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
      },
    });
  } catch (error) {
    throw new UsageError(errorMessage(error).split("\n")[0].replace(/\.$/, ""));
  }
  const v = parsed.values;
  if (v.help) return { mode: "help" };
  if (v.version) return { mode: "version" };
  const uiOnly = ["port", "open", "state"];
  if (v.batch === undefined) {
    const batchOnly = Object.keys(v).filter((k) => !uiOnly.includes(k));
    if (batchOnly.length > 0) {
      throw new UsageError(`--${batchOnly[0]} needs --batch DIR`);
    }
    if (v.state !== undefined && v.state.trim() === "") {
      throw new UsageError("--state needs a folder");
    }
    return {
      mode: "ui",
      port: v.port === undefined ? DEFAULT_PORT : readNumber(PORT, v.port),
      open: v.open ?? false,
      ...(v.state === undefined ? {} : { state: v.state }),
    };
  }
  const misplaced = uiOnly.find((k) => v[k as keyof typeof v] !== undefined);
  if (misplaced) throw new UsageError(`--${misplaced} is for the web UI, not --batch`);
  const settings: JobSettingsInput = {
    input: v.batch,
    out: v.out,
    workers: v.workers,
    restart: v.restart ?? false,
    retryFailed: v["retry-failed"] ?? false,
    include: v.include ?? [],
    exclude: v.exclude ?? [],
    maxAttempts: v["max-attempts"],
    timeoutSec: v.timeout,
    stallSec: v["stall-timeout"],
    retryDelaySec: v["retry-delay"],
    maxSizeMb: v["max-size"],
    maxMemoryMb: v["max-memory"],
    maxDurationMin: v["max-duration"],
    chunkMinutes: v["chunk-minutes"],
    ...whisperArg(v.whisper, v["whisper-model"]),
    ...llmArgs(v),
    ...(v.shard === undefined ? {} : { shard: parseShardFlag(v.shard) }),
  };
  return { mode: "batch", json: v.json ?? false, ...parseJobSettings(settings) };
}

/** `--whisper`, or its older spelling `--whisper-model FILE`; not both. */
function whisperArg(
  whisper: string | undefined,
  older: string | undefined,
): { whisperModel?: string } {
  if (whisper !== undefined && older !== undefined) {
    throw new UsageError("--whisper and --whisper-model name the same thing: give one");
  }
  const value = whisper ?? older;
  return value === undefined ? {} : { whisperModel: value };
}

function parseModels(argv: string[]): Command {
  const parsed = parseSubcommand("models", argv, {
    from: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (parsed.values.help) return { mode: "help" };
  const [verb, name, ...rest] = parsed.positionals;
  if (verb === undefined) {
    if (parsed.values.from !== undefined) throw new UsageError("models: --from is for pull");
    return { mode: "models" };
  }
  if (verb !== "pull") {
    throw new UsageError(`models: unknown command ${verb} (try: models pull NAME)`);
  }
  if (!name || rest.length > 0) throw new UsageError("models pull needs one model name");
  const from = parsed.values.from;
  if (from !== undefined && !/^https?:\/\//.test(from)) {
    throw new UsageError("models pull: --from needs an http or https URL");
  }
  return { mode: "models", pull: name, ...(from === undefined ? {} : { from }) };
}

/** A subcommand's strict parse; node's error, first line, becomes a usage error named for it. */
function parseSubcommand<T extends ParseArgsOptionsConfig>(
  name: string,
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(`${name}: ${errorMessage(error).split("\n")[0].replace(/\.$/, "")}`);
  }
}

function parseMerge(argv: string[]): Command {
  const parsed = parseSubcommand("merge", argv, {
    out: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  const v = parsed.values;
  if (v.help) return { mode: "help" };
  if (v.out === undefined || v.out.trim() === "") {
    throw new UsageError("merge needs --out VAULT, the vault to merge into");
  }
  const shards = parsed.positionals;
  if (shards.length === 0) throw new UsageError("merge needs at least one shard vault");
  if (shards.some((s) => s.trim() === "")) throw new UsageError("merge: a shard vault is empty");
  return { mode: "merge", shards, out: v.out, json: v.json ?? false };
}

/** The LLM flags, which need --llm; their values are checked with the other settings. */
function llmArgs(v: Record<string, string | boolean | string[] | undefined>) {
  const named = ["llm-url", "llm-model", "llm-timeout", "llm-retries"].find((k) =>
    v[k] !== undefined
  );
  if (!v.llm) {
    if (named) throw new UsageError(`--${named} needs --llm`);
    return {};
  }
  const text = (k: string) => v[k] as string | undefined;
  return {
    llm: {
      ...(text("llm-url") === undefined ? {} : { url: text("llm-url") }),
      ...(text("llm-model") === undefined ? {} : { model: text("llm-model") }),
      timeoutSec: text("llm-timeout"),
      retries: text("llm-retries"),
    },
  };
}
