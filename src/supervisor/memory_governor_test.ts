import assert from "node:assert/strict";
import { type Governed, governMemory, type MemoryProbe } from "./memory_governor.ts";

const GB = 2 ** 30;

function fakes(start: number) {
  const reasons: string[] = [];
  const target: Governed & { value: number } = {
    value: start,
    get concurrency() {
      return this.value;
    },
    setConcurrency(n, reason) {
      this.value = n;
      reasons.push(reason);
    },
  };
  const memory = { rss: 1 * GB, available: 8 * GB };
  const probe: MemoryProbe = {
    rss: () => memory.rss,
    available: () => memory.available,
    total: () => 16 * GB,
  };
  return { target, memory, probe, reasons };
}

const limits = { minAvailable: 1 * GB, maxRss: 8 * GB };

Deno.test("governMemory() lowers concurrency one step per look under low free memory", () => {
  const { target, memory, probe, reasons } = fakes(4);
  memory.available = 0.5 * GB;
  governMemory(target, 4, probe, limits);
  governMemory(target, 4, probe, limits);
  assert.equal(target.concurrency, 2);
  assert.match(reasons[0], /memory pressure: 512 MB available/);
});

Deno.test("governMemory() never goes below one worker", () => {
  const { target, memory, probe } = fakes(1);
  memory.rss = 10 * GB;
  governMemory(target, 4, probe, limits);
  assert.equal(target.concurrency, 1);
});

Deno.test("governMemory() raises concurrency again only when pressure has clearly passed", () => {
  const { target, memory, probe } = fakes(2);
  memory.available = 1.5 * GB; // above the limit but not twice it: hold
  governMemory(target, 4, probe, limits);
  assert.equal(target.concurrency, 2);
  memory.available = 4 * GB;
  governMemory(target, 4, probe, limits);
  governMemory(target, 4, probe, limits);
  governMemory(target, 4, probe, limits);
  assert.equal(target.concurrency, 4);
});
