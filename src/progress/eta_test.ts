import assert from "node:assert/strict";
import { formatEta, WorkEstimate } from "./eta.ts";

Deno.test("WorkEstimate has no estimate before this run has done any work", () => {
  const w = new WorkEstimate();
  w.plan(1000);
  assert.equal(w.secondsLeft(0, 10), undefined);
  w.started("a.md", 100, 0);
  assert.equal(w.secondsLeft(5000, 10), undefined, "started, but nothing measured yet");
});

Deno.test("WorkEstimate goes by files when the files are alike", () => {
  const w = new WorkEstimate();
  w.plan(400);
  for (const [i, path] of ["a", "b"].entries()) {
    w.started(path, 100, i * 10_000);
    w.settled(path);
  }
  // Two of four files in 20 s, half the bytes too: 20 s left.
  assert.equal(w.secondsLeft(20_000, 2), 20);
});

Deno.test("WorkEstimate goes by bytes when one big recording is left: not 3 s at 95%", () => {
  const w = new WorkEstimate();
  // 19 notes of 1 KB and one recording of 19 MB.
  w.plan(19 * 1024 + 19 * 1024 * 1024);
  for (let i = 0; i < 19; i++) {
    w.started(`n${i}.md`, 1024, i * 100);
    w.settled(`n${i}.md`);
  }
  w.started("talk.mp3", 19 * 1024 * 1024, 1900);
  w.progressed("talk.mp3", 10);
  const byFiles = (1 * 3800) / 1000 / 19.1; // what a files-only estimate would say
  const left = w.secondsLeft(3800, 1)!;
  assert.ok(left > 10 * byFiles, `${left} s left`);
  // The recording's own progress moves the estimate: 10% of it took part of 3.8 s.
  w.progressed("talk.mp3", 50);
  assert.ok(w.secondsLeft(3800, 1)! < left);
});

Deno.test("WorkEstimate forgets a retried file's partial work and has nothing left at the end", () => {
  const w = new WorkEstimate();
  w.plan(200);
  w.started("a", 100, 0);
  w.progressed("a", 90);
  const partial = w.secondsLeft(9000, 2)!;
  w.released("a");
  assert.equal(w.secondsLeft(9000, 2), undefined, "no work measured once it is undone");
  w.started("a", 100, 9000);
  w.settled("a");
  assert.ok(w.secondsLeft(10_000, 1)! > 0);
  assert.ok(partial > 0);
  assert.equal(w.secondsLeft(10_000, 0), undefined);
});

Deno.test("formatEta() says unknown for no estimate and never prints NaN or Infinity", () => {
  assert.equal(formatEta(undefined), "unknown");
  assert.equal(formatEta(NaN), "unknown");
  assert.equal(formatEta(Infinity), "unknown");
  assert.equal(formatEta(0.2), "1s");
  assert.equal(formatEta(45), "45s");
  assert.equal(formatEta(725), "12m05s");
  assert.equal(formatEta(3 * 3600 + 7 * 60), "3h07m");
});
