/**
 * @module
 * Progress on stderr: a live bar on a terminal (cli-progress), plain periodic lines otherwise.
 * Failures, quarantines and restarts are always printed on their own line.
 */
import process from "node:process";
import cliProgress from "cli-progress";
import type { EngineEvent } from "../protocol/messages.ts";

/** The skip reason of a file that failed or was quarantined in an earlier run. */
const IN_TOTAL_EARLIER = /^(failed|quarantined) earlier: /;

/** Plain mode prints at most one progress line per this many ms. */
const LINE_INTERVAL_MS = 5000;

export interface TerminalOptions {
  tty: boolean;
  color: boolean;
  write(line: string): void;
  now?: () => number;
}

export function terminalOptions(): TerminalOptions {
  const tty = Deno.stderr.isTerminal();
  return {
    tty,
    color: tty && !Deno.env.get("NO_COLOR"),
    write: (line) => process.stderr.write(line + "\n"),
  };
}

/** Returns an event handler and a function that ends the display. */
export function terminalProgress(options: TerminalOptions) {
  const now = options.now ?? Date.now;
  const red = (s: string) => (options.color ? `\x1b[31m${s}\x1b[0m` : s);
  const yellow = (s: string) => (options.color ? `\x1b[33m${s}\x1b[0m` : s);
  let total = 0;
  let settled = 0;
  let doneThisRun = 0;
  let startedAt = now();
  let lastLine = 0;
  const current = new Map<number, string>();

  const bar = options.tty
    ? new cliProgress.SingleBar({
      stream: process.stderr,
      format:
        "{bar} {percentage}% | {value}/{total} files | {rate} | ETA {eta_formatted} | {current}",
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
      barsize: 24,
      noTTYOutput: false,
    }, cliProgress.Presets.shades_classic)
    : undefined;

  const rate = () => {
    const minutes = (now() - startedAt) / 60000;
    return minutes > 0 ? `${(doneThisRun / minutes).toFixed(1)} files/min` : "";
  };
  const eta = () => {
    const elapsed = now() - startedAt;
    if (doneThisRun === 0 || elapsed <= 0) return "unknown";
    const seconds = Math.round(((total - settled) * elapsed) / doneThisRun / 1000);
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : `${m}m${String(s).padStart(2, "0")}s`;
  };
  const payload = () => ({
    rate: rate(),
    current: [...current.entries()].map(([w, f]) => `w${w}: ${f}`).join(", ").slice(0, 60),
  });
  const say = (line: string) => {
    if (bar) bar.stop();
    options.write(line);
    if (bar && total > 0) bar.start(total, settled, payload());
  };
  const tick = (force = false) => {
    if (bar) return bar.update(settled, payload());
    if (!force && (total === 0 || now() - lastLine < LINE_INTERVAL_MS)) return;
    lastLine = now();
    const pct = total > 0 ? Math.floor((settled / total) * 100) : 0;
    options.write(`gleaner: ${settled}/${total} files (${pct}%), ${rate()}, ETA ${eta()}`);
  };

  const handle = (e: EngineEvent) => {
    switch (e.type) {
      case "job_started":
        total = e.total;
        startedAt = now();
        bar?.start(total, 0, payload());
        if (!bar) {
          options.write(`gleaner: job ${e.jobId}, ${total} files known, checking the folder`);
        }
        return;
      case "job_total":
        total = e.total;
        bar?.setTotal(total);
        return;
      case "file_started":
        current.set(e.worker, e.path);
        return tick();
      case "file_progress":
        current.set(e.worker, `${e.path} (${e.stage})`);
        return tick();
      case "chunk_done":
        return tick();
      case "file_done":
        doneThisRun++;
        settled++;
        if (e.warning) say(yellow(`note ${e.path}: ${e.warning}`));
        return tick();
      case "file_skipped":
        // Only files the job holds are in the total: unchanged ones, and ones that failed in an
        // earlier run; what the walk passed over (unsupported, unreadable) is not.
        if (e.reason === "unchanged" || IN_TOTAL_EARLIER.test(e.reason)) settled++;
        if (e.reason !== "unchanged" && !e.reason.startsWith("unsupported")) {
          say(yellow(`skipped ${e.path}: ${e.reason}`));
        }
        return tick();
      case "file_failed":
        if (!e.willRetry) settled++;
        say(red(`${e.willRetry ? "retrying" : "failed"} ${e.path}: ${e.error}`));
        return tick();
      case "file_quarantined":
        settled++;
        return say(red(`quarantined ${e.path}: ${e.error}`));
      case "file_removed":
        return say(yellow(`removed from the input folder: ${e.path}`));
      case "worker_restarted":
        return say(yellow(`worker ${e.worker} restarted in ${e.delayMs} ms: ${e.reason}`));
      case "concurrency_changed":
        return say(yellow(`workers ${e.from} -> ${e.to}: ${e.reason}`));
      case "state_recovered":
        return say(
          yellow(
            `resuming: ${e.crashedRuns} earlier run(s) ended abruptly, ${e.interruptedRuns} were interrupted`,
          ),
        );
      case "state_rebuilt":
        return say(red(
          `state database was damaged (${e.reason}); moved to ${e.movedTo}, ` +
            `rebuilt from ${e.notes} notes in the vault`,
        ));
      case "damage_repaired":
        return say(red(`damaged ${e.path}: ${e.problem}; ${e.action}`));
      case "job_stopping":
        return say(
          `stopping (${e.reason}): aborting files in flight; press Ctrl-C again to quit now`,
        );
      case "vault_linked":
        return say(
          `linked ${e.notes} notes: ${e.relinked} given new related notes, ${e.topics} topics, ` +
            `${e.mapsWritten} maps written`,
        );
      case "job_failed":
        return say(red(`failed: ${e.error}`));
      case "job_paused":
        return say("paused");
      case "job_resumed":
        return say("resumed");
      case "job_finished":
        tick(true);
        bar?.stop();
        options.write(
          `gleaner: ${e.outcome}: ${e.done} done, ${e.skipped} skipped, ${e.failed} failed, ` +
            `${e.quarantined} quarantined`,
        );
        return;
    }
  };
  return { handle, stop: () => bar?.stop() };
}
