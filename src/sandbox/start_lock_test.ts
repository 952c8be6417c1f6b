import assert from "node:assert/strict";
import { newStartLock, releaseStartLock, takeStartLock } from "./start_lock.ts";

Deno.test("takeStartLock() waits for the holder's release; another owner's release frees nothing", async () => {
  // A wait's wake-up is a V8 task, which Deno runs only while something keeps the event loop
  // alive: a sandbox host's Web Worker always is; this test is not, but for this timer.
  const alive = setInterval(() => {}, 1000);
  const lock = newStartLock();
  await takeStartLock(lock, 1);
  let second = false;
  const waiting = takeStartLock(lock, 2).then(() => second = true);
  releaseStartLock(lock, 2); // main ending sandbox 2, which holds nothing
  // A message through a channel takes the turns a wrongly freed lock would need to be taken.
  const { port1, port2 } = new MessageChannel();
  port2.postMessage("turn");
  await new Promise((resolve) => port1.onmessage = resolve);
  port1.close();
  assert.equal(second, false);
  releaseStartLock(lock, 1);
  await waiting;
  assert.equal(second, true);
  assert.equal(new Int32Array(lock)[0], 2);
  clearInterval(alive);
});
