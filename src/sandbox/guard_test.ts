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
