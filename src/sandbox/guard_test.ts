import assert from "node:assert/strict";
import { guard, StageTimeoutError } from "./guard.ts";

Deno.test("guard() returns the value of a quick function", () => {
  assert.equal(guard(() => 6 * 7, 1000), 42);
});

Deno.test("guard() stops an endless loop with a StageTimeoutError and stays usable", () => {
  assert.throws(() =>
    guard(() => {
      while (true) { /* a stage gone wrong */ }
    }, 50), StageTimeoutError);
  assert.equal(guard(() => "still usable", 1000), "still usable");
});

Deno.test("guard() stops catastrophic regex backtracking", () => {
  assert.throws(() => guard(() => /^(a+)+$/.test("a".repeat(40) + "b"), 50), StageTimeoutError);
});

Deno.test("guard() passes a stage's own error through unchanged", () => {
  assert.throws(() =>
    guard(() => {
      throw new RangeError("bad input");
    }, 1000), { name: "RangeError", message: "bad input" });
});

Deno.test("guard() inside guard() runs under the outer budget", () => {
  assert.equal(guard(() => guard(() => 1, 1000) + 1, 1000), 2);
});

Deno.test("guard() runs a step whose budget is longer than a vm timeout can be", () => {
  // 60 s per MB of a sparse 1 TB file: past node:vm's limit of 2^32 - 1 ms.
  assert.equal(guard(() => "ran", 62_914_680_000), "ran");
});
