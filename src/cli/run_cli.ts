/**
 * @module
 * What the `gleaner` command does with its arguments; returns the exit code.
 */
import type { EngineEvent, EngineEventInput } from "../protocol/messages.ts";
import { Job } from "../job/run_job.ts";
import type { JobOptions } from "../options/job_options.ts";
import { type JobOverrides, prepareJob, prepareMergeVault } from "../options/prepare_job.ts";
import { ndjsonWriter } from "../progress/ndjson.ts";
import { terminalOptions, terminalProgress } from "../progress/terminal.ts";
import { runModels } from "../models/models_command.ts";
import { defaultStateDir } from "../fs/state_folder.ts";
import { type BatchArgs, HELP, type MergeArgs, parseCommandLine, type UiArgs } from "./args.ts";
import { errorMessage, UsageError } from "../common/errors.ts";
import { VERSION } from "../common/version.ts";

const EXIT = { ok: 0, someFailed: 1, fatal: 2, interrupted: 130 } as const;

export async function runCli(argv: string[], overrides: JobOverrides = {}): Promise<number> {
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

async function runUi(args: UiArgs, overrides: JobOverrides): Promise<number> {
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

async function runBatch(args: BatchArgs, overrides: JobOverrides): Promise<number> {
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

async function runMerge(args: MergeArgs): Promise<number> {
  // Imported here: a batch never loads the merge.
  const { mergeVaults } = await import("../merge/merge_vaults.ts");
  try {
    const vaultDir = await prepareMergeVault(args.out);
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
