import assert from "node:assert/strict";
import { NO_ANALYSIS } from "../../tests/support/drafts.ts";
import {
  EngineEvent,
  FromSandbox,
  parseMessage,
  PROTOCOL_VERSION,
  ToSandbox,
  ToThread,
} from "./messages.ts";

const task = {
  taskId: 7,
  absPath: "/in/a.md",
  relPath: "a.md",
  size: 10,
  budgetMs: 1000,
  options: { maxBytes: 100, maxDurationMs: 1000, chunkMs: 100 },
};
const draft = {
  title: "A",
  type: "markdown",
  sourceHash: "a".repeat(64),
  sourceBytes: 10,
  wordCount: 2,
  body: "two words",
  analysis: NO_ANALYSIS,
};

const init = {
  v: 1,
  type: "init",
  threadUrl: "file:///t.ts",
  heapMb: 64,
  stallMs: 1000,
  lockOwner: 1,
};

Deno.test("parseMessage() accepts every well-formed message of each boundary", () => {
  const cases: [Parameters<typeof parseMessage>[0], unknown][] = [
    [ToSandbox, { ...init, startLock: new SharedArrayBuffer(4) }],
    [ToSandbox, { v: 1, type: "run", task }],
    [ToSandbox, { v: 1, type: "abort", taskId: 7, failure: { code: "aborted", message: "x" } }],
    [ToThread, { v: 1, type: "run", task }],
    [FromSandbox, { v: 1, type: "ready" }],
    [FromSandbox, { v: 1, type: "progress", taskId: 7, stage: "read", percent: 50 }],
    [FromSandbox, { v: 1, type: "heartbeat", taskId: 7 }],
    [FromSandbox, { v: 1, type: "result", taskId: 7, draft }],
    [FromSandbox, { v: 1, type: "failed", taskId: 7, failure: { code: "timeout", message: "x" } }],
  ];
  for (const [schema, message] of cases) {
    const parsed = parseMessage(schema, message);
    assert.ok(parsed.ok, JSON.stringify(message));
  }
});

Deno.test("parseMessage() refuses a start lock that is no shared memory", () => {
  for (const startLock of [new ArrayBuffer(4), undefined, {}]) {
    assert.equal(parseMessage(ToSandbox, { ...init, startLock }).ok, false);
  }
});

Deno.test("parseMessage() refuses a message from another protocol version", () => {
  const parsed = parseMessage(FromSandbox, { v: PROTOCOL_VERSION + 1, type: "ready" });
  assert.equal(parsed.ok, false);
});

Deno.test("parseMessage() describes what is wrong, on one line, instead of throwing", () => {
  const parsed = parseMessage(FromSandbox, {
    v: 1,
    type: "result",
    taskId: 7,
    draft: { ...draft, sourceHash: "not-a-hash" },
  });
  assert.equal(parsed.ok, false);
  if (!parsed.ok) {
    assert.match(parsed.error, /sourceHash/);
    assert.doesNotMatch(parsed.error, /\n/);
  }
  for (const junk of [null, 42, "result", [], { type: "result" }, { v: 1, type: "nope" }]) {
    assert.equal(parseMessage(FromSandbox, junk).ok, false);
  }
});

Deno.test("parseMessage() rejects out-of-range progress and unknown failure codes", () => {
  assert.equal(
    parseMessage(FromSandbox, { v: 1, type: "progress", taskId: 1, stage: "x", percent: 140 }).ok,
    false,
  );
  assert.equal(
    parseMessage(FromSandbox, {
      v: 1,
      type: "failed",
      taskId: 1,
      failure: { code: "gremlins", message: "x" },
    }).ok,
    false,
  );
});

Deno.test("EngineEvent describes every event the NDJSON stream promises", () => {
  const events = [
    { type: "job_started", at: 1, jobId: 1, total: 3 },
    { type: "file_done", at: 1, path: "a.md", note: "Sources/A.md" },
    { type: "file_failed", at: 1, path: "b.md", error: "x", code: "input", willRetry: false },
    { type: "file_skipped", at: 1, path: "c.jpg", reason: "unsupported file type .jpg" },
    { type: "file_quarantined", at: 1, path: "d.md", error: "x" },
    { type: "worker_restarted", at: 1, worker: 1, reason: "x", delayMs: 10 },
    { type: "damage_repaired", at: 1, path: "Sources/A.md", problem: "cut short", action: "x" },
    { type: "job_failed", at: 1, error: "the disk holding the vault /v is full" },
    {
      type: "job_finished",
      at: 1,
      jobId: 1,
      outcome: "finished",
      done: 1,
      failed: 1,
      skipped: 1,
      quarantined: 1,
    },
  ];
  for (const e of events) assert.ok(EngineEvent.safeParse(e).success, e.type);
});
