/**
 * @module
 * Progress on stderr: a live bar on a terminal (cli-progress), plain periodic lines otherwise.
 * Failures, quarantines and restarts are always printed on their own line.
 */
import process from "node:process";
import cliProgress from "cli-progress";
import { basename } from "node:path";
import { type EngineEvent, FOUND_EARLIER } from "../protocol/messages.ts";
import { formatEta, WorkEstimate } from "./eta.ts";

/** Plain mode prints at most one progress line per this many ms. */
const LINE_INTERVAL_MS = 5000;

export interface TerminalOptions {
  tty: boolean;
  color: boolean;
  write(line: string): void;
  now?: () => number;
  /** Width of the terminal; the bar's line never passes it. */
  columns?: () => number;
}

export function terminalOptions(): TerminalOptions {
  const tty = Deno.stderr.isTerminal();
  return {
    tty,
    color: tty && !Deno.env.get("NO_COLOR"),
    write: (line) => process.stderr.write(line + "\n"),
    columns: () => process.stderr.columns || 80,
  };
}

/** A file a worker has in hand, for the bar's line. */
export interface Busy {
  worker: number;
  path: string;
  percent?: number;
}

/**
 * The live bar's line, at most `columns` wide: bar, percentage, files, ETA, then each worker's
 * file, its name shortened in the middle (its end and extension kept) to share what room is left.
 */
export function progressLine(
  state: { settled: number; total: number; eta: string | undefined; busy: Busy[] },
  columns: number,
): string {
  const { settled, total } = state;
  const fraction = total > 0 ? Math.min(1, settled / total) : 0;
  const size = columns >= 100 ? 24 : columns >= 70 ? 10 : 6;
  const filled = Math.round(fraction * size);
  const bar = "\u2588".repeat(filled) + "\u2591".repeat(size - filled);
  // Before the walk has counted anything, "0/0 files" would look like an empty folder.
  let line = total === 0
    ? `${bar} checking the folder`
    : `${bar} ${Math.floor(fraction * 100)}% ${settled}/${total} files`;
  if (state.eta !== undefined) line += ` | ETA ${state.eta}`;
  // One column spare: a line as wide as the terminal wraps on some of them.
  const room = columns - 1 - [...line].length - 3;
  const label = (b: Busy, max: number) => {
    const percent = b.percent !== undefined ? ` ${Math.floor(b.percent)}%` : "";
    const worker = `w${b.worker} `;
    return worker + shorten(basename(b.path), max - worker.length - percent.length) + percent;
  };
  const n = state.busy.length;
  if (n === 0 || room < 12) return line;
  const whole = state.busy.map((b) => label(b, Infinity)).join(", ");
  if ([...whole].length <= room) return `${line} | ${whole}`;
  const each = Math.floor((room - 2 * (n - 1)) / n);
  if (each >= MIN_NAME) return `${line} | ${state.busy.map((b) => label(b, each)).join(", ")}`;
  // Too narrow for every name: the longest-running file in full, and how many more.
  const more = ` +${n - 1}`;
  return `${line} | ${label(state.busy[0], room - more.length)}${more}`;
}

/** A worker's file name is not shown shorter than this: "w1: 07" helps nobody. */
const MIN_NAME = 24;

/** The name cut in the middle to `max` characters, keeping its start and its end. */
export function shorten(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  if (max <= 1) return "\u2026".slice(0, Math.max(0, max));
  // The end holds the extension and what tells numbered files apart; the start, the rest.
  const tail = Math.min(Math.max(Math.floor((max - 1) / 3), 8), max - 2);
  const head = max - 1 - tail;
  return chars.slice(0, head).join("") + "\u2026" + chars.slice(chars.length - tail).join("");
}

/** Returns an event handler and a function that ends the display. */
export function terminalProgress(options: TerminalOptions) {
  const now = options.now ?? Date.now;
  const columns = options.columns ?? (() => 80);
  const red = (s: string) => (options.color ? `\x1b[31m${s}\x1b[0m` : s);
  const yellow = (s: string) => (options.color ? `\x1b[33m${s}\x1b[0m` : s);
  let total = 0;
  let settled = 0;
  let doneThisRun = 0;
  let startedAt = now();
  let lastLine = 0;
  const estimate = new WorkEstimate();
  const busy = new Map<number, Busy>();
  /** Files passed over as unsupported, and those found to hold nothing to note in an earlier
   * run: too many to print as they come (rust-doc has 10,244 pages that only redirect), named at
   * the end. */
  const unsupported: string[] = [];
  const emptyBefore: string[] = [];

  const eta = () => {
    const left = total - settled;
    return left > 0 ? formatEta(estimate.secondsLeft(now(), left)) : undefined;
  };
  const line = () =>
    progressLine({ settled, total, eta: eta(), busy: [...busy.values()] }, columns());
  const bar = options.tty
    ? new cliProgress.SingleBar({
      stream: process.stderr,
      format: line,
      hideCursor: true,
      fps: 5,
      noTTYOutput: false,
      linewrap: false,
    })
    : undefined;

  const rate = () => {
    const minutes = (now() - startedAt) / 60000;
    return doneThisRun > 0 && minutes > 0
      ? `, ${(doneThisRun / minutes).toFixed(1)} files/min`
      : "";
  };
  const say = (line: string) => {
    if (bar) bar.stop();
    options.write(line);
    if (bar && total > 0) bar.start(total, settled);
  };
  const tick = (force = false) => {
    if (bar) return bar.update(settled);
    if (!force && (total === 0 || now() - lastLine < LINE_INTERVAL_MS)) return;
    lastLine = now();
    const pct = total > 0 ? Math.floor((settled / total) * 100) : 0;
    const left = eta();
    options.write(
      `gleaner: ${settled}/${total} files (${pct}%)${rate()}` + (left ? `, ETA ${left}` : ""),
    );
  };
  /** The worker that had the file is free again. */
  const free = (path: string) => {
    for (const [worker, b] of busy) if (b.path === path) busy.delete(worker);
  };
  const settle = (path: string) => {
    settled++;
    estimate.settled(path);
    free(path);
  };

  const handle = (e: EngineEvent) => {
    switch (e.type) {
      case "job_started":
        total = e.total;
        startedAt = now();
        estimate.plan(e.bytes);
        if (e.resumed) options.write(resumeLine(e.jobId, e.resumed));
        bar?.start(total, 0);
        if (!bar) {
          options.write(`gleaner: job ${e.jobId}, ${total} files known, checking the folder`);
        }
        return;
      case "job_total":
        total = e.total;
        estimate.plan(e.bytes);
        bar?.setTotal(total);
        return;
      case "file_started":
        busy.set(e.worker, { worker: e.worker, path: e.path });
        estimate.started(e.path, e.bytes, now());
        return tick();
      case "file_progress":
        busy.set(e.worker, { worker: e.worker, path: e.path, percent: e.percent });
        estimate.progressed(e.path, e.percent);
        return tick();
      case "chunk_done":
        return tick();
      case "file_done":
        doneThisRun++;
        settle(e.path);
        if (e.warning) say(yellow(`note ${e.path}: ${e.warning}`));
        return tick();
      case "file_skipped":
        // Only files the job holds are in the total: unchanged ones, ones that failed or held
        // nothing to note; what the walk passed over (unsupported, unreadable, empty) is not.
        // Not a rate's sample: nothing was made of it.
        if (e.inTotal) {
          settled++;
          estimate.released(e.path);
          free(e.path);
        }
        if (e.reason.startsWith("unsupported")) unsupported.push(e.path);
        else if (e.reason.endsWith(FOUND_EARLIER)) emptyBefore.push(e.path);
        else if (e.reason !== "unchanged") say(yellow(`skipped ${e.path}: ${e.reason}`));
        return tick();
      case "file_failed":
        if (e.willRetry) {
          estimate.released(e.path);
          free(e.path);
        } else settle(e.path);
        say(red(`${e.willRetry ? "retrying" : "failed"} ${e.path}: ${e.error}`));
        return tick();
      case "file_quarantined":
        settle(e.path);
        return say(red(`quarantined ${e.path}: ${e.error}`));
      case "file_removed":
        return say(yellow(`removed from the input folder: ${e.path}`));
      case "worker_restarted":
        busy.delete(e.worker);
        return say(yellow(`worker ${e.worker} restarted in ${e.delayMs} ms: ${e.reason}`));
      case "concurrency_changed":
        return say(yellow(`workers ${e.from} -> ${e.to}: ${e.reason}`));
      case "state_recovered":
        return say(
          yellow(
            `recovered: ${e.crashedRuns} earlier run(s) ended abruptly, ${e.interruptedRuns} ` +
              "were interrupted",
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
        busy.clear();
        tick(true);
        bar?.stop();
        if (unsupported.length > 0) {
          options.write(passedOverLine(unsupported, "of no supported type"));
        }
        if (emptyBefore.length > 0) {
          options.write(passedOverLine(emptyBefore, "with nothing to note, as before,"));
        }
        options.write(
          `gleaner: ${e.outcome}: ${e.done} done, ${e.skipped} skipped, ${e.failed} failed, ` +
            `${e.quarantined} quarantined`,
        );
        return;
    }
  };
  /** `line` is what the live bar shows now. */
  return { handle, stop: () => bar?.stop(), line };
}

/** Names the files passed over for the reason `why`: the first three, and how many more. */
function passedOverLine(paths: string[], why: string): string {
  const named = paths.slice(0, 3).join(", ");
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : "";
  const files = paths.length === 1 ? "1 file" : `${paths.length} files`;
  return `gleaner: ${files} ${why} passed over: ${named}${more}`;
}

/** The one line a re-run that takes up a job prints first. */
export function resumeLine(
  jobId: number,
  r: { done: number; pending: number; failed: number },
): string {
  const hint = r.failed > 0 ? " (run with --retry-failed to try them again)" : "";
  return `resuming job ${jobId}: ${r.done} done, ${r.pending} to go, ${r.failed} failed earlier` +
    hint;
}
