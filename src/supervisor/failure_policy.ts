/**
 * @module
 * What a failed attempt means, decided without touching the store, the clock or a sandbox: the
 * supervisor records and carries out what {@link decideFailure} returns. Kept pure so the rules
 * (retry with backoff, fail, quarantine, stop the run) can be tested one by one.
 */
import type { Failure, FailureCode } from "../protocol/messages.ts";
import { isDiskFull } from "../store/disk_full.ts";
import { backoffMs } from "./backoff.ts";

/** Failures after which the sandbox's stage thread was ended and a fresh one is started. */
const THREAD_REPLACED: ReadonlySet<FailureCode> = new Set([
  "timeout",
  "stalled",
  "out_of_memory",
  "crashed",
  "protocol",
]);

export interface FailureContext {
  failure: Failure;
  /** Counted failures of the file before this attempt. */
  failures: number;
  /** Counted failures at which a file is quarantined. */
  maxAttempts: number;
  /** First retry delay; doubles with each failure. */
  retryBaseMs: number;
  /** The sandbox's scratch folder, when it has one (a media sandbox). */
  scratchDir: string | undefined;
  /** The run is stopping: a sandbox is not held back any more. */
  stopping: boolean;
  /** The sandbox's failures in a row, this one not counted. */
  sandboxFailures: number;
  /** For the backoff's jitter; tests pass a fixed one. */
  random?: () => number;
}

/** What becomes of the file. */
export type FileVerdict =
  /** The run stops (main cannot go on); the file stays pending and is redone by a re-run. */
  | { kind: "stop_run"; error: string }
  /** Stopped from outside: the attempt is not held against the file. */
  | { kind: "interrupted" }
  /** Its input is bad: failing again would give the same answer. */
  | { kind: "failed" }
  /** Its input holds nothing to note: reading it again would find the same nothing. */
  | { kind: "skipped" }
  | { kind: "retry"; delayMs: number }
  | { kind: "quarantined" };

export interface FailureDecision {
  /** How the attempt is recorded in the store. */
  attempt: {
    outcome: string;
    status: "pending" | "failed" | "quarantined" | "skipped";
    /** Whether it counts towards the file's failures. */
    counts: boolean;
  };
  file: FileVerdict;
  /** Set when the sandbox's thread was replaced: it gets no work for this long. */
  sandboxRestDelayMs?: number;
}

export function decideFailure(c: FailureContext): FailureDecision {
  const { failure } = c;
  const rest = THREAD_REPLACED.has(failure.code) && !c.stopping
    ? { sandboxRestDelayMs: backoffMs(c.sandboxFailures + 1, c.retryBaseMs, undefined, c.random) }
    : {};
  if (failure.code === "aborted") {
    return {
      attempt: { outcome: "interrupted", status: "pending", counts: false },
      file: { kind: "interrupted" },
      ...rest,
    };
  }
  // Its scratch files filled the vault's disk: the disk's fault, not the file's. Only when the
  // message names the scratch folder: an input cannot then stop every run by its name alone.
  if (
    c.scratchDir !== undefined && failure.message.includes(c.scratchDir) &&
    isDiskFull(failure.message)
  ) {
    return {
      attempt: { outcome: "interrupted", status: "pending", counts: false },
      file: { kind: "stop_run", error: failure.message },
    };
  }
  if (failure.code === "nothing_to_note") {
    return {
      attempt: { outcome: "skipped", status: "skipped", counts: false },
      file: { kind: "skipped" },
      ...rest,
    };
  }
  if (failure.code === "input") {
    return {
      attempt: { outcome: "failed:input", status: "failed", counts: false },
      file: { kind: "failed" },
      ...rest,
    };
  }
  const failures = c.failures + 1;
  if (failures >= c.maxAttempts) {
    return {
      attempt: { outcome: `failed:${failure.code}`, status: "quarantined", counts: true },
      file: { kind: "quarantined" },
      ...rest,
    };
  }
  return {
    attempt: { outcome: `failed:${failure.code}`, status: "pending", counts: true },
    file: { kind: "retry", delayMs: backoffMs(failures, c.retryBaseMs, undefined, c.random) },
    ...rest,
  };
}
