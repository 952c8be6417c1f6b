/**
 * @module
 * A job's metrics over its whole life, every run included: files per hour, memory and worker
 * restarts as columns over time, ready for a chart, plus how each run ended. Made from the
 * samples and restarts the runs recorded in the store; pure.
 */
import type { JobMetrics } from "../protocol/api.ts";
import type { RunRow } from "../store/job_store.ts";

export interface MetricSample {
  runId: number | null;
  at: number;
  /** Files done in the job so far. */
  done: number;
  rss: number;
}

/** Files per hour are measured over this window, so one slow file does not make a spike. */
export const RATE_WINDOW_MS = 5 * 60_000;
/** More points than a chart can show are thinned, evenly, within each run. */
export const MAX_POINTS = 600;

export function jobMetrics(
  runs: RunRow[],
  samples: MetricSample[],
  restartTimes: number[],
  running: boolean,
): JobMetrics {
  const byRun = new Map<number | null, MetricSample[]>();
  for (const s of samples) {
    const list = byRun.get(s.runId) ?? [];
    list.push(s);
    byRun.set(s.runId, list);
  }
  const stride = Math.max(1, Math.ceil(samples.length / MAX_POINTS));
  const restarts = [...restartTimes].sort((a, b) => a - b);
  const out: JobMetrics = { runs: [], at: [], filesPerHour: [], memoryMb: [], restarts: [] };
  let restartIndex = 0;
  for (const [index, run] of runs.entries()) {
    const list = byRun.get(run.id) ?? [];
    // A dead run's end time is when the next run found it, not when it died.
    const ended = run.endReason === "died" ? null : run.endedAt;
    out.runs.push({
      id: run.id,
      startedAt: run.startedAt,
      lastSeenAt: Math.max(run.startedAt, list.at(-1)?.at ?? 0, ended ?? 0),
      end: run.endReason ?? (running && index === runs.length - 1 ? "running" : "stopped"),
    });
    if (list.length === 0) continue;
    if (out.at.length > 0) {
      // A break between runs: the chart shows the time the job was not running as a gap.
      out.at.push(Math.max(out.at.at(-1)! + 1, list[0].at - 1));
      out.filesPerHour.push(null);
      out.memoryMb.push(null);
      out.restarts.push(null);
    }
    let from = 0;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      while (list[from].at < s.at - RATE_WINDOW_MS) from++;
      if (i % stride !== 0 && i !== list.length - 1) continue;
      while (restartIndex < restarts.length && restarts[restartIndex] <= s.at) restartIndex++;
      const base = list[from];
      const span = s.at - base.at;
      out.at.push(Math.max(s.at, (out.at.at(-1) ?? -Infinity) + 1));
      out.filesPerHour.push(
        span > 0 ? Math.round((s.done - base.done) * 3_600_000 / span) : null,
      );
      out.memoryMb.push(round(s.rss / 2 ** 20));
      out.restarts.push(restartIndex);
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
