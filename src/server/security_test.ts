import assert from "node:assert/strict";
import { OneTimeCodes } from "./security.ts";

Deno.test("OneTimeCodes: a code is good once, until it expires, and never guessed", () => {
  let now = 1_000_000;
  const codes = new OneTimeCodes(() => now);
  const a = codes.issue();
  const b = codes.issue();
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9_-]{43}$/, "256 random bits");
  assert.equal(codes.redeem("guess"), false);
  assert.equal(codes.redeem(a), true);
  assert.equal(codes.redeem(a), false, "used up");
  now += 120_000;
  assert.equal(codes.redeem(b), false, "expired after two minutes");
});
