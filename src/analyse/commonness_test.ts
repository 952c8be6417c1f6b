import assert from "node:assert/strict";
import { englishRank, GENERIC_RANK, specificity } from "./commonness.ts";

Deno.test("englishRank() ranks everyday words high and lacks rare ones", () => {
  assert.ok(englishRank("problem") < GENERIC_RANK);
  assert.ok(englishRank("file") < GENERIC_RANK);
  assert.ok(englishRank("socket") > GENERIC_RANK);
  assert.equal(englishRank("iterator"), Infinity);
});

Deno.test("specificity() grows from everyday words to rare ones, between 0.05 and 1", () => {
  const order = ["the", "problem", "file", "function", "socket", "iterator"].map(specificity);
  for (let i = 1; i < order.length; i++) assert.ok(order[i] >= order[i - 1], `${i}`);
  assert.equal(order[0], 0.05);
  assert.equal(order.at(-1), 1);
});
