/**
 * @module
 * What the `gleaner` command does with its arguments; returns the exit code.
 */
import { basename, dirname, join, resolve } from "node:path";
import { type FolderRole, unsafeFolder } from "../fs/system_folders.ts";
import type { EngineEvent, EngineEventInput, LlmOptions } from "../protocol/messages.ts";
import { Job, type JobOptions } from "../job/run_job.ts";
import { ndjsonWriter } from "../progress/ndjson.ts";
import { terminalOptions, terminalProgress } from "../progress/terminal.ts";
import { resolveShard } from "../shard/shard_spec.ts";
import { chooseEngine } from "../models/choose_engine.ts";
import { runModels } from "../models/models_command.ts";
import { defaultStateDir } from "../server/job_registry.ts";
import { type BatchArgs, HELP, type MergeArgs, parseCommandLine, type UiArgs } from "./args.ts";
import { errorMessage, UsageError } from "../common/errors.ts";
import { VERSION } from "../common/version.ts";

export const EXIT = { ok: 0, someFailed: 1, fatal: 2, interrupted: 130 } as const;

export interface CliOverrides {
  /** The stage thread module; tests substitute one that injects faults. */
  threadUrl?: URL;
}

const PRODUCTION_THREAD = new URL("../sandbox/stage_thread.ts", import.meta.url);

export async function runCli(argv: string[], overrides: CliOverrides = {}): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`gleaner: ${error.message} (see --help)`);
    return EXIT.fatal;
  }
  switch (command.mode) {
    case "help":
      console.log(HELP);
      return EXIT.ok;
    case "version":
      console.log(`gleaner ${VERSION}`);
      return EXIT.ok;
    case "ui":
      return await runUi(command, overrides);
    case "batch":
      return await runBatch(command, overrides);
    case "merge":
      return await runMerge(command);
    case "models":
      return await runModels(command, defaultStateDir());
  }
}

/** Defaults of LLM mode: a local Ollama, which needs no key. */
const LLM_DEFAULTS = { url: "http://127.0.0.1:11434/v1", model: "llama3.2" };

function llmOptions(args: NonNullable<BatchArgs["llm"]>): LlmOptions {
  const env = (name: string) => Deno.env.get(name)?.trim() || undefined;
  const apiKey = env("GLEANER_LLM_API_KEY");
  return {
    url: args.url ?? env("GLEANER_LLM_URL") ?? LLM_DEFAULTS.url,
    model: args.model ?? env("GLEANER_LLM_MODEL") ?? LLM_DEFAULTS.model,
    ...(apiKey ? { apiKey } : {}),
    timeoutMs: Math.round(args.timeoutSec * 1000),
    retries: args.retries,
    retryDelayMs: 1000,
  };
}

async function runUi(args: UiArgs, overrides: CliOverrides): Promise<number> {
  // Imported here: batch mode never loads the server.
  const { openBrowser, startServer } = await import("../server/serve.ts");
  let server;
  try {
    server = startServer(args, overrides);
  } catch (error) {
    console.error(`gleaner: cannot start the web UI: ${errorMessage(error)}`);
    return EXIT.fatal;
  }
  console.log(`gleaner ${VERSION}: open ${server.url}`);
  if (args.open) await openBrowser(server.openUrl());
  let interrupts = 0;
  const onSignal = () => {
    if (++interrupts > 1) Deno.exit(EXIT.interrupted);
    console.error("gleaner: stopping: running jobs save their state; Ctrl-C again to quit now");
    server.close();
  };
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  try {
    await server.finished;
    return interrupts > 0 ? EXIT.interrupted : EXIT.ok;
  } finally {
    for (const s of signals) Deno.removeSignalListener(s, onSignal);
  }
}

async function runBatch(args: BatchArgs, overrides: CliOverrides): Promise<number> {
  let options: JobOptions;
  try {
    options = await prepareJob(args, overrides, (hint) => console.error(`gleaner: ${hint}`));
  } catch (error) {
    const help = error instanceof UsageError ? " (see --help)" : "";
    console.error(`gleaner: ${errorMessage(error)}${help}`);
    return EXIT.fatal;
  }

  const terminal = terminalProgress(terminalOptions());
  const ndjson = args.json ? ndjsonWriter() : undefined;
  const emit = (input: EngineEventInput) => {
    const event = { ...input, at: Date.now() } as EngineEvent;
    ndjson?.(event);
    terminal.handle(event);
  };

  const job = new Job(options, emit);
  let interrupts = 0;
  const onSignal = () => {
    if (++interrupts > 1) {
      // The interrupt is already on record, so the state stays consistent: leave now.
      terminal.stop();
      console.error("gleaner: interrupted again, exiting at once");
      Deno.exit(EXIT.interrupted);
    }
    job.interrupt();
  };
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  try {
    const summary = await job.run();
    if (summary.outcome !== "finished") return EXIT.interrupted;
    return summary.failed + summary.quarantined > 0 ? EXIT.someFailed : EXIT.ok;
  } catch (error) {
    terminal.stop();
    // Scripts reading --json learn why the job stopped from the events alone.
    ndjson?.({ type: "job_failed", error: errorMessage(error), at: Date.now() });
    console.error(`gleaner: ${errorMessage(error)}`);
    return EXIT.fatal;
  } finally {
    for (const s of signals) Deno.removeSignalListener(s, onSignal);
  }
}

/**
 * The options of a job from its command line: folders checked and resolved, limits converted.
 * @throws {Error} with a message for the user when a folder or file is unusable
 */
export async function prepareJob(
  args: BatchArgs,
  overrides: CliOverrides = {},
  hint: (line: string) => void = () => {},
): Promise<JobOptions> {
  // Before any folder is made: a task without its shard must leave nothing behind.
  const shard = args.shard ? resolveShard(args.shard, (name) => Deno.env.get(name)) : undefined;
  // The speech engine too: a missing or damaged model stops the batch before it starts.
  const engine = await chooseEngine(args.whisperModel, defaultStateDir());
  if (engine.hint) hint(engine.hint);
  const dirs = await resolvePaths(args);
  const whisperModel = engine.whisperModel;
  const options: JobOptions = {
    ...dirs,
    workers: args.workers,
    include: args.include,
    exclude: args.exclude,
    restart: args.restart,
    retryFailed: args.retryFailed,
    maxAttempts: args.maxAttempts,
    poisonAfter: 3,
    budgetBaseMs: args.timeoutSec * 1000,
    budgetPerMbMs: 60_000,
    stallMs: args.stallSec * 1000,
    heapMb: args.maxMemoryMb,
    retryBaseMs: args.retryDelaySec * 1000,
    pipeline: {
      maxBytes: Math.round(args.maxSizeMb * 1024 * 1024),
      maxDurationMs: Math.round(args.maxDurationMin * 60_000),
      chunkMs: Math.round(args.chunkMinutes * 60_000),
      ...(whisperModel ? { whisperModel, whisperThreads: engineThreads(args.workers) } : {}),
      ...(args.llm ? { llm: llmOptions(args.llm) } : {}),
    },
    threadUrl: overrides.threadUrl ?? PRODUCTION_THREAD,
    memoryCheckMs: 2000,
    sampleMs: 15_000,
    ...(shard ? { shard } : {}),
  };
  return options;
}

/** The cores left to each of `workers` engines running at once; at least one. */
function engineThreads(workers: number): number {
  return Math.max(1, Math.floor((navigator.hardwareConcurrency || 1) / workers));
}

async function runMerge(args: MergeArgs): Promise<number> {
  // Imported here: a batch never loads the merge.
  const { mergeVaults } = await import("../merge/merge_vaults.ts");
  const wanted = resolve(args.out);
  try {
    refuseUnsafe(wanted, "vault");
    await Deno.mkdir(wanted, { recursive: true });
    const vaultDir = await Deno.realPath(wanted);
    refuseUnsafe(vaultDir, "vault");
    const summary = await mergeVaults(args.shards, vaultDir, (event) => {
      if (args.json) console.log(JSON.stringify({ ...event, at: Date.now() }));
      else if (
        event.type === "notes_written" && (event.done % 1000 === 0 || event.done === event.total)
      ) {
        console.error(`gleaner: ${event.done} of ${event.total} notes written`);
      } else if (event.type === "shard_merged") {
        console.error(
          `gleaner: merged shard ${event.shard} from ${event.vault}: ${event.done} notes` +
            (event.failed > 0 ? `, ${event.failed} failed files` : ""),
        );
      }
    });
    if (!args.json) {
      console.error(
        `gleaner: ${summary.vault} holds ${summary.notes} notes from shards ` +
          `${summary.merged.join(", ")}: ${summary.written} notes written, ${summary.removed} ` +
          `removed, ${summary.mapsWritten} maps written` +
          (summary.missing.length > 0
            ? `; not merged yet: ${summary.missing.join(", ")}`
            : "; every shard is merged"),
      );
    }
    return EXIT.ok;
  } catch (error) {
    console.error(`gleaner: merge: ${errorMessage(error)}`);
    return EXIT.fatal;
  }
}

/** Throws when `path` must not be a job's `role` folder: see system_folders.ts. */
function refuseUnsafe(path: string, role: FolderRole): void {
  const why = unsafeFolder(path, role, Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE"));
  if (why) throw new Error(why);
}

async function resolvePaths(args: BatchArgs): Promise<{ inputDir: string; vaultDir: string }> {
  let inputDir: string;
  try {
    inputDir = await Deno.realPath(resolve(args.input));
  } catch {
    throw new Error(`input folder not found: ${args.input}`);
  }
  if (!(await Deno.stat(inputDir)).isDirectory) {
    throw new Error(`input is not a folder: ${args.input}`);
  }
  refuseUnsafe(inputDir, "input");
  const wanted = args.out !== undefined
    ? resolve(args.out)
    : join(dirname(inputDir), `${basename(inputDir) || "input"}-vault`);
  // Before the folder is made, and again once links are resolved.
  refuseUnsafe(wanted, "vault");
  try {
    await Deno.mkdir(wanted, { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the vault folder ${wanted}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  if (!(await Deno.stat(wanted)).isDirectory) throw new Error(`vault is not a folder: ${wanted}`);
  const vaultDir = await Deno.realPath(wanted);
  refuseUnsafe(vaultDir, "vault");
  if (vaultDir === inputDir) throw new Error("the vault cannot be the input folder itself");
  return { inputDir, vaultDir };
}
