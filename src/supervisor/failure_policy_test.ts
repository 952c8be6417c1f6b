import assert from "node:assert/strict";
import type { Failure } from "../protocol/messages.ts";
import { decideFailure, type FailureContext } from "./failure_policy.ts";

/** A context for a first failure of a document sandbox; jitter fixed at its top. */
function context(failure: Failure, over: Partial<FailureContext> = {}): FailureContext {
  return {
    failure,
    failures: 0,
    maxAttempts: 3,
    retryBaseMs: 1000,
    scratchDir: undefined,
    stopping: false,
    sandboxFailures: 0,
    random: () => 1,
    ...over,
  };
}

Deno.test("decideFailure() retries a stage error with a delay that doubles per failure", () => {
  const first = decideFailure(context({ code: "stage_error", message: "boom" }));
  assert.deepEqual(first.attempt, {
    outcome: "failed:stage_error",
    status: "pending",
    counts: true,
  });
  assert.deepEqual(first.file, { kind: "retry", delayMs: 1000 });
  const second = decideFailure(context({ code: "stage_error", message: "boom" }, { failures: 1 }));
  assert.deepEqual(second.file, { kind: "retry", delayMs: 2000 });
});

Deno.test("decideFailure() quarantines a file at its last allowed attempt", () => {
  const d = decideFailure(context({ code: "timeout", message: "slow" }, { failures: 2 }));
  assert.deepEqual(d.attempt, { outcome: "failed:timeout", status: "quarantined", counts: true });
  assert.deepEqual(d.file, { kind: "quarantined" });
});

Deno.test("decideFailure() fails a bad input at once, without counting or retrying it", () => {
  const d = decideFailure(context({ code: "input", message: "not a PDF" }));
  assert.deepEqual(d.attempt, { outcome: "failed:input", status: "failed", counts: false });
  assert.deepEqual(d.file, { kind: "failed" });
  assert.equal(d.sandboxRestDelayMs, undefined);
});

Deno.test("decideFailure() skips an input with nothing to note, without counting or retrying it", () => {
  const d = decideFailure(context({ code: "nothing_to_note", message: "only a redirect" }));
  assert.deepEqual(d.attempt, { outcome: "skipped", status: "skipped", counts: false });
  assert.deepEqual(d.file, { kind: "skipped" });
  assert.equal(d.sandboxRestDelayMs, undefined);
});

Deno.test("decideFailure() does not hold an aborted attempt against its file", () => {
  const d = decideFailure(context({ code: "aborted", message: "stopped: cancelled" }));
  assert.deepEqual(d.attempt, { outcome: "interrupted", status: "pending", counts: false });
  assert.deepEqual(d.file, { kind: "interrupted" });
});

Deno.test("decideFailure() rests a sandbox whose thread was replaced, longer each time", () => {
  for (const code of ["timeout", "stalled", "out_of_memory", "crashed", "protocol"] as const) {
    const d = decideFailure(context({ code, message: "x" }, { sandboxFailures: 2 }));
    assert.equal(d.sandboxRestDelayMs, 4000, code);
  }
  assert.equal(
    decideFailure(context({ code: "stage_error", message: "x" })).sandboxRestDelayMs,
    undefined,
  );
});

Deno.test("decideFailure() does not rest a sandbox while the run stops", () => {
  const d = decideFailure(context({ code: "crashed", message: "x" }, { stopping: true }));
  assert.equal(d.sandboxRestDelayMs, undefined);
});

Deno.test("decideFailure() stops the run when the scratch folder's disk is full", () => {
  const message = "No space left on device (os error 28): /v/.gleaner/tmp/sandbox-1/chunk.wav";
  const d = decideFailure(context({ code: "stage_error", message }, {
    scratchDir: "/v/.gleaner/tmp/sandbox-1",
  }));
  assert.deepEqual(d.attempt, { outcome: "interrupted", status: "pending", counts: false });
  assert.deepEqual(d.file, { kind: "stop_run", error: message });
});

Deno.test("decideFailure() charges a full disk to the file when the scratch folder is not named", () => {
  const message = "No space left on device (os error 28): /elsewhere";
  const d = decideFailure(context({ code: "stage_error", message }, {
    scratchDir: "/v/.gleaner/tmp/sandbox-1",
  }));
  assert.equal(d.file.kind, "retry");
});
