import assert from "node:assert/strict";
import type { RunRow } from "../store/job_store.ts";
import { jobMetrics, MAX_POINTS, type MetricSample, RATE_WINDOW_MS } from "./job_metrics.ts";

const MB = 2 ** 20;
const MIN = 60_000;

function run(id: number, startedAt: number, endedAt: number | null, endReason: string | null) {
  return { id, startedAt, endedAt, endReason } satisfies RunRow;
}

Deno.test("jobMetrics() gives files per hour over a window, memory in MB and restarts so far", () => {
  const samples: MetricSample[] = [0, 1, 2, 3].map((i) => ({
    runId: 1,
    at: i * MIN,
    done: i * 2,
    rss: (100 + i) * MB,
  }));
  const m = jobMetrics([run(1, 0, 3 * MIN, "finished")], samples, [90_000], false);
  assert.deepEqual(m.at, [0, MIN, 2 * MIN, 3 * MIN]);
  assert.deepEqual(m.filesPerHour, [null, 120, 120, 120]);
  assert.deepEqual(m.memoryMb, [100, 101, 102, 103]);
  assert.deepEqual(m.restarts, [0, 0, 1, 1]);
  assert.deepEqual(m.runs, [{ id: 1, startedAt: 0, lastSeenAt: 3 * MIN, end: "finished" }]);
});

Deno.test("the rate forgets what is older than its window", () => {
  const samples: MetricSample[] = [
    { runId: 1, at: 0, done: 0, rss: MB },
    { runId: 1, at: RATE_WINDOW_MS, done: 100, rss: MB },
    { runId: 1, at: 2 * RATE_WINDOW_MS, done: 100, rss: MB },
  ];
  const m = jobMetrics([run(1, 0, null, null)], samples, [], true);
  assert.deepEqual(m.filesPerHour, [null, 1200, 0]);
  assert.equal(m.runs[0].end, "running");
});

Deno.test("runs are separated by a gap, and a run that died ends at its last sample", () => {
  const samples: MetricSample[] = [
    { runId: 1, at: 0, done: 0, rss: MB },
    { runId: 1, at: MIN, done: 1, rss: MB },
    { runId: 2, at: 10 * MIN, done: 1, rss: 2 * MB },
    { runId: 2, at: 11 * MIN, done: 3, rss: 2 * MB },
  ];
  const m = jobMetrics(
    [run(1, 0, 10 * MIN, "died"), run(2, 10 * MIN, null, null)],
    samples,
    [],
    false,
  );
  assert.deepEqual(m.at, [0, MIN, 10 * MIN - 1, 10 * MIN, 11 * MIN]);
  assert.deepEqual(m.filesPerHour, [null, 60, null, null, 120]);
  assert.deepEqual(m.memoryMb, [1, 1, null, 2, 2]);
  assert.deepEqual(m.runs.map((r) => [r.lastSeenAt, r.end]), [[MIN, "died"], [
    11 * MIN,
    "stopped",
  ]]);
});

Deno.test("a long job is thinned to at most the chart's points, keeping each run's last sample", () => {
  const samples: MetricSample[] = Array.from({ length: 5 * MAX_POINTS + 7 }, (_, i) => ({
    runId: 1,
    at: i * 15_000,
    done: i,
    rss: MB,
  }));
  const m = jobMetrics([run(1, 0, null, "finished")], samples, [], false);
  assert.ok(m.at.length <= MAX_POINTS + 1, `${m.at.length} points`);
  assert.equal(m.at.at(-1), samples.at(-1)!.at);
  assert.ok(m.at.every((t, i) => i === 0 || t > m.at[i - 1]), "time only goes forward");
  assert.equal(m.filesPerHour.at(-1), 240);
});
