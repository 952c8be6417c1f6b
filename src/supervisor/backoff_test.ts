import assert from "node:assert/strict";
import { backoffMs } from "./backoff.ts";

Deno.test("backoffMs() doubles per attempt within its jitter band", () => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const ceiling = 100 * 2 ** (attempt - 1);
    for (let i = 0; i < 50; i++) {
      const d = backoffMs(attempt, 100);
      assert.ok(d >= ceiling / 2 && d <= ceiling, `attempt ${attempt}: ${d}`);
    }
  }
});

Deno.test("backoffMs() never exceeds its cap", () => {
  assert.ok(backoffMs(40, 1000, 5000) <= 5000);
});

Deno.test("backoffMs() with a zero base retries at once", () => {
  assert.equal(backoffMs(3, 0), 0);
});
