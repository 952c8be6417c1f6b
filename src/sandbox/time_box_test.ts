import assert from "node:assert/strict";
import { StageTimeoutError, timeBoxed } from "./time_box.ts";

Deno.test("timeBoxed() returns the value of a quick function", () => {
  assert.equal(timeBoxed(() => 6 * 7, 1000), 42);
});

Deno.test("timeBoxed() stops an endless loop with a StageTimeoutError and stays usable", () => {
  assert.throws(() =>
    timeBoxed(() => {
      while (true) { /* a stage gone wrong */ }
    }, 50), StageTimeoutError);
  assert.equal(timeBoxed(() => "still usable", 1000), "still usable");
});

Deno.test("timeBoxed() stops catastrophic regex backtracking", () => {
  assert.throws(() => timeBoxed(() => /^(a+)+$/.test("a".repeat(40) + "b"), 50), StageTimeoutError);
});

Deno.test("timeBoxed() passes a stage's own error through unchanged", () => {
  assert.throws(() =>
    timeBoxed(() => {
      throw new RangeError("bad input");
    }, 1000), { name: "RangeError", message: "bad input" });
});

Deno.test("timeBoxed() inside timeBoxed() runs under the outer budget", () => {
  assert.equal(timeBoxed(() => timeBoxed(() => 1, 1000) + 1, 1000), 2);
});

Deno.test("timeBoxed() runs a step whose budget is longer than a vm timeout can be", () => {
  // 60 s per MB of a sparse 1 TB file: past node:vm's limit of 2^32 - 1 ms.
  assert.equal(timeBoxed(() => "ran", 62_914_680_000), "ran");
});
