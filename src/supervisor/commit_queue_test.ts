import assert from "node:assert/strict";
import { CommitQueue } from "./commit_queue.ts";

Deno.test("CommitQueue runs commits one at a time, in the order they were added", async () => {
  const queue = new CommitQueue();
  const log: string[] = [];
  const gate = Promise.withResolvers<void>();
  queue.add(async () => {
    log.push("a starts");
    await gate.promise;
    log.push("a ends");
  }, () => log.push("a settled"));
  queue.add(() => {
    log.push("b runs");
    return Promise.resolve();
  }, () => log.push("b settled"));
  assert.equal(queue.pending, 2);
  await Promise.resolve();
  assert.deepEqual(log, ["a starts"]);
  gate.resolve();
  await queue.drained();
  assert.deepEqual(log, ["a starts", "a ends", "a settled", "b runs", "b settled"]);
  assert.equal(queue.pending, 0);
});

Deno.test("CommitQueue counts a commit as settled before its settled callback runs", async () => {
  const queue = new CommitQueue();
  let seen = -1;
  queue.add(() => Promise.resolve(), () => {
    seen = queue.pending;
  });
  await queue.drained();
  assert.equal(seen, 0);
});
