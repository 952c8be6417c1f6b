import assert from "node:assert/strict";
import { type EngineEvent, FOUND_EARLIER } from "../protocol/messages.ts";
import { progressLine, resumeLine, shorten, terminalProgress } from "./terminal.ts";

Deno.test("files the walk passes over do not count toward the total: progress ends at 100%", () => {
  const lines: string[] = [];
  let clock = 0;
  const { handle } = terminalProgress({
    tty: false,
    color: false,
    write: (line) => lines.push(line),
    now: () => clock,
  });
  const at = 0;
  const events: EngineEvent[] = [
    { type: "job_started", at, jobId: 1, total: 5 },
    { type: "file_skipped", at, path: "a.xyz", reason: "unsupported file type (.xyz)" },
    { type: "file_skipped", at, path: "dir", reason: "cannot read folder: denied" },
    { type: "file_skipped", at, path: "same.md", reason: "unchanged", inTotal: true },
    {
      type: "file_skipped",
      at,
      path: "bad.md",
      reason: "failed earlier: empty file; use --retry-failed",
      inTotal: true,
    },
    // Read by a worker and found to hold nothing to note.
    { type: "file_started", at, path: "moved.html", attempt: 1, worker: 1, bytes: 200 },
    { type: "file_skipped", at, path: "moved.html", reason: "only a redirect", inTotal: true },
    { type: "file_done", at, path: "n1.md", note: "Sources/N1.md" },
    { type: "file_done", at, path: "n2.md", note: "Sources/N2.md" },
  ];
  for (const e of events) {
    clock += 6000; // past the plain mode's line interval, so every event may print
    handle(e);
  }
  const progress = lines.filter((l) => /^gleaner: \d+\/\d+ files/.test(l));
  assert.match(progress.at(-1)!, /^gleaner: 5\/5 files \(100%\)/);
  for (const line of progress) assert.ok(Number(/\((\d+)%\)/.exec(line)![1]) <= 100, line);
});

function plain(columns = 80) {
  const lines: string[] = [];
  let clock = 0;
  const { handle } = terminalProgress({
    tty: false,
    color: false,
    write: (line) => lines.push(line),
    now: () => clock,
    columns: () => columns,
  });
  return {
    lines,
    send(event: EngineEvent, advanceMs = 6000) {
      clock += advanceMs;
      handle(event);
    },
  };
}

Deno.test("the ETA is unknown until a file is done, then comes from the measured rate", () => {
  const t = plain();
  t.send({ type: "job_started", at: 0, jobId: 1, total: 3, bytes: 300 });
  t.send({ type: "file_started", at: 0, path: "a.md", attempt: 1, worker: 1, bytes: 100 });
  t.send({ type: "file_progress", at: 0, path: "a.md", worker: 1, stage: "read" });
  t.send({ type: "file_done", at: 0, path: "a.md", note: "Sources/A.md" });
  const progress = t.lines.filter((l) => /^gleaner: \d+\/\d+ files/.test(l));
  assert.match(progress[0], /^gleaner: 0\/3 files \(0%\), ETA unknown$/);
  // One file of 100 bytes in 12 s of work: two more, 24 s.
  assert.match(progress.at(-1)!, /^gleaner: 1\/3 files \(33%\), [\d.]+ files\/min, ETA 24s$/);
  for (const line of t.lines) assert.doesNotMatch(line, /NaN|Infinity|NF|LL/);
});

Deno.test("a re-run that takes up a job says so in one line, with the hint for failed files", () => {
  const t = plain();
  t.send({
    type: "job_started",
    at: 0,
    jobId: 7,
    total: 10,
    resumed: { done: 6, pending: 3, failed: 1 },
  });
  assert.equal(
    t.lines[0],
    "resuming job 7: 6 done, 3 to go, 1 failed earlier (run with --retry-failed to try them again)",
  );
  assert.equal(
    resumeLine(2, { done: 4, pending: 0, failed: 0 }),
    "resuming job 2: 4 done, 0 to go, 0 failed earlier",
  );
  const fresh = plain();
  fresh.send({ type: "job_started", at: 0, jobId: 1, total: 4 });
  assert.doesNotMatch(fresh.lines.join("\n"), /resuming/);
});

Deno.test("progressLine() fits 80 columns with two workers and keeps the names readable", () => {
  const busy = [
    { worker: 1, path: "podcasts/2024/07 Interview with the bee keepers of the valley.mp3" },
    { worker: 2, path: "papers/Honey production in alpine regions, a survey.pdf", percent: 40 },
  ];
  const line = progressLine({ settled: 19, total: 20, eta: "12m05s", busy }, 80);
  assert.ok([...line].length < 80, `${[...line].length}: ${line}`);
  // Too narrow for two names: the first in full width, and how many more.
  assert.match(line, /95% 19\/20 files \| ETA 12m05s \| w1 07 Interview.*\u2026.*valley\.mp3 \+1$/);
  const wide = progressLine({ settled: 19, total: 20, eta: "12m05s", busy }, 200);
  assert.match(wide, /w1 07 Interview with the bee keepers of the valley\.mp3, w2 Honey/);
  const first = progressLine({ settled: 0, total: 0, eta: undefined, busy: [] }, 80);
  assert.match(first, /^\S+ checking the folder$/);
  const narrow = progressLine({ settled: 1, total: 2, eta: undefined, busy }, 40);
  assert.ok([...narrow].length < 40, narrow);
});

Deno.test("shorten() cuts a name in the middle and keeps its extension", () => {
  assert.equal(shorten("short.md", 20), "short.md");
  const cut = shorten("a very long file name indeed.mp3", 16);
  assert.equal([...cut].length, 16);
  assert.match(cut, /^a very \u2026.*deed\.mp3$/);
});

Deno.test("a worker whose file is settled is no longer shown busy, even at 100%", () => {
  const { handle, line } = terminalProgress({
    tty: false,
    color: false,
    write: () => {},
    columns: () => 80,
  });
  handle({ type: "job_started", at: 0, jobId: 1, total: 2 });
  handle({ type: "file_started", at: 0, path: "a.md", attempt: 1, worker: 1, bytes: 10 });
  handle({ type: "file_started", at: 0, path: "b.md", attempt: 1, worker: 2, bytes: 10 });
  assert.match(line(), /w1 a\.md, w2 b\.md$/);
  handle({ type: "file_done", at: 0, path: "a.md", note: "Sources/A.md" });
  assert.match(line(), /50% 1\/2 files .*\| w2 b\.md$/);
  handle({
    type: "file_failed",
    at: 0,
    path: "b.md",
    error: "broken",
    code: "input",
    willRetry: false,
  });
  assert.match(line(), /100% 2\/2 files$/);
});

Deno.test("the files passed over as unsupported, or as holding nothing before, are named once, at the end", () => {
  const t = plain();
  t.send({ type: "job_started", at: 0, jobId: 1, total: 3 });
  for (const path of ["a.xyz", "b.jpg", "c.csv", "Makefile"]) {
    t.send({ type: "file_skipped", at: 0, path, reason: "unsupported file type" });
  }
  for (const path of ["old.html", "older.html"]) {
    const reason = `only a redirect to new.html, no text of its own${FOUND_EARLIER}`;
    t.send({ type: "file_skipped", at: 0, path, reason, inTotal: true });
  }
  assert.equal(t.lines.filter((l) => /a\.xyz|old\.html/.test(l)).length, 0);
  t.send({
    type: "job_finished",
    at: 0,
    jobId: 1,
    outcome: "finished",
    done: 1,
    failed: 0,
    skipped: 6,
    quarantined: 0,
  });
  assert.deepEqual(t.lines.slice(-3), [
    "gleaner: 4 files of no supported type passed over: a.xyz, b.jpg, c.csv and 1 more",
    "gleaner: 2 files with nothing to note, as before, passed over: old.html, older.html",
    "gleaner: finished: 1 done, 6 skipped, 0 failed, 0 quarantined",
  ]);
});
