import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import type { MessagePort } from "node:worker_threads";
import { type FromSandbox, PROTOCOL_VERSION, type Task } from "../protocol/messages.ts";
import { SandboxHost, type Scope, type StageThread, type ThreadSpec } from "./host.ts";
import { newStartLock } from "./start_lock.ts";

/** A stage thread of the test's making: it hears each task and does what the test says. */
class FakeThread extends EventEmitter implements StageThread {
  readonly port: MessagePort;
  terminated = false;

  constructor(
    spec: ThreadSpec,
    onTask: (thread: FakeThread, task: Task) => void,
    ready = true,
  ) {
    super();
    this.port = spec.port;
    this.port.on("message", (m: { task: Task }) => onTask(this, m.task));
    if (ready) this.ready();
  }

  /** What serveStages() says once its module is loaded and it listens. */
  ready(): void {
    this.send({ v: PROTOCOL_VERSION, type: "ready" });
  }

  send(message: unknown): void {
    this.port.postMessage(message);
  }

  die(code: number, error?: string): void {
    if (error) this.emit("error", new Error(error));
    this.emit("exit", code);
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
}

/**
 * A host under test: what it posts to main arrives on `next()`, one message at a time. Hosts
 * given one `startLock` are a job's sandboxes; `ready: false` threads wait for `ready()`.
 */
function hostWith(
  onTask: (thread: FakeThread, task: Task) => void,
  stallMs = 60_000,
  { startLock = newStartLock(), lockOwner = 1, ready = true } = {},
) {
  const threads: FakeThread[] = [];
  let started: (() => void) | undefined;
  /** The host's first thread, once it has started it (a thread starts when the lock is free). */
  const firstThread = async (): Promise<FakeThread> => {
    if (threads.length === 0) await new Promise<void>((resolve) => started = resolve);
    return threads[0];
  };
  const inbox: FromSandbox[] = [];
  let wake: (() => void) | undefined;
  const scope: Scope = {
    onmessage: null,
    postMessage(message) {
      inbox.push(message as FromSandbox);
      wake?.();
    },
  };
  new SandboxHost(scope, (spec) => {
    const thread = new FakeThread(spec, onTask, ready);
    threads.push(thread);
    started?.();
    return thread;
  });
  const send = (data: unknown) => scope.onmessage!(new MessageEvent("message", { data }));
  const next = async (): Promise<FromSandbox> => {
    while (inbox.length === 0) await new Promise<void>((resolve) => wake = resolve);
    return inbox.shift()!;
  };
  send({
    v: PROTOCOL_VERSION,
    type: "init",
    threadUrl: "file:///stage.ts",
    heapMb: 64,
    stallMs,
    lockOwner,
    startLock,
  });
  return { threads, firstThread, send, next };
}

function task(taskId: number): Task {
  return {
    taskId,
    absPath: "/in/a.md",
    relPath: "a.md",
    size: 10,
    budgetMs: 60_000,
    options: { maxBytes: 1000, maxDurationMs: 1000, chunkMs: 1000 },
  };
}

const run = (taskId: number) => ({ v: PROTOCOL_VERSION, type: "run", task: task(taskId) });

/** A stage's answer that needs no note. */
const refusal = (taskId: number) => ({
  v: PROTOCOL_VERSION,
  type: "failed",
  taskId,
  failure: { code: "input", message: "not a document" },
});

Deno.test("SandboxHost says it is ready, then relays the stage's progress and answer", async () => {
  const host = hostWith((thread, t) => {
    thread.send({ v: PROTOCOL_VERSION, type: "progress", taskId: t.taskId, stage: "extract" });
    thread.send({
      v: PROTOCOL_VERSION,
      type: "failed",
      taskId: t.taskId,
      failure: { code: "input", message: "not a document" },
    });
  });
  assert.equal((await host.next()).type, "ready");
  host.send(run(7));
  assert.deepEqual(await host.next(), {
    v: PROTOCOL_VERSION,
    type: "progress",
    taskId: 7,
    stage: "extract",
  });
  const end = await host.next();
  assert.equal(end.type, "failed");
  assert.deepEqual(end.type === "failed" && end.failure, {
    code: "input",
    message: "not a document",
  });
  assert.equal(host.threads.length, 1, "the thread is kept for the next task");
});

Deno.test("SandboxHost reports a thread that dies mid-task as crashed, then starts a new one", async () => {
  const host = hostWith((thread) => thread.die(1, "boom"));
  await host.next();
  host.send(run(1));
  const end = await host.next();
  assert.equal(end.type === "failed" && end.failure.code, "crashed");
  assert.match(end.type === "failed" ? end.failure.message : "", /exit 1\): boom/);
  host.send(run(2));
  await host.next();
  assert.equal(host.threads.length, 2);
});

Deno.test("SandboxHost tells an out-of-memory death from a crash", async () => {
  const host = hostWith((thread) =>
    thread.die(1, "Worker terminated due to reaching memory limit: JS heap out of memory")
  );
  await host.next();
  host.send(run(1));
  const end = await host.next();
  assert.deepEqual(end.type === "failed" && end.failure, {
    code: "out_of_memory",
    message: "stage ran out of memory (heap limit 64 MB)",
  });
});

Deno.test("SandboxHost ends a silent stage at its stall limit and names the stage", async () => {
  const host = hostWith((thread, t) => {
    thread.send({ v: PROTOCOL_VERSION, type: "progress", taskId: t.taskId, stage: "analyse" });
  }, 20);
  await host.next();
  host.send(run(3));
  await host.next(); // progress
  let end = await host.next();
  while (end.type === "heartbeat") end = await host.next();
  assert.equal(end.type === "failed" && end.failure.code, "stalled");
  assert.match(end.type === "failed" ? end.failure.message : "", /in "analyse"/);
  assert.ok(host.threads[0].terminated, "the stuck thread is ended");
});

Deno.test("SandboxHost refuses a second task while one runs", async () => {
  const host = hostWith(() => {});
  await host.next();
  host.send(run(1));
  host.send(run(2));
  const refused = await host.next();
  assert.equal(refused.type === "failed" && refused.taskId, 2);
  assert.equal(refused.type === "failed" && refused.failure.code, "protocol");
  host.send({
    v: PROTOCOL_VERSION,
    type: "abort",
    taskId: 1,
    failure: {
      code: "aborted",
      message: "stopped",
    },
  });
  const aborted = await host.next();
  assert.equal(aborted.type === "failed" && aborted.failure.code, "aborted");
});

Deno.test("SandboxHost fails the task when the stage sends what the protocol does not allow", async () => {
  const host = hostWith((thread) => thread.send({ type: "nonsense" }));
  await host.next();
  host.send(run(1));
  const end = await host.next();
  assert.equal(end.type === "failed" && end.failure.code, "protocol");
  assert.match(end.type === "failed" ? end.failure.message : "", /invalid message from the stage/);
});

Deno.test("SandboxHost starts its thread only once the other sandbox's thread is ready", async () => {
  const startLock = newStartLock();
  const answer = (thread: FakeThread, t: Task) => thread.send(refusal(t.taskId));
  const first = hostWith(answer, 60_000, { startLock, lockOwner: 1, ready: false });
  const second = hostWith(answer, 60_000, { startLock, lockOwner: 2 });
  const starting = await first.firstThread();
  second.send(run(2));
  // A message through a channel takes the event loop turns a start without the lock would take.
  const { port1, port2 } = new MessageChannel();
  port2.postMessage("turn");
  await new Promise((resolve) => port1.onmessage = resolve);
  port1.close();
  assert.equal(second.threads.length, 0, "started while another thread was starting");

  starting.ready();
  assert.deepEqual(await first.next(), { v: PROTOCOL_VERSION, type: "ready" });
  assert.deepEqual(await second.next(), { v: PROTOCOL_VERSION, type: "ready" });
  assert.equal(second.threads.length, 1);
  const outcome = await second.next();
  assert.equal(outcome.type === "failed" && outcome.taskId, 2);
});

Deno.test("SandboxHost ends a thread that never gets ready at the stall limit, so others start", async () => {
  const startLock = newStartLock();
  const first = hostWith(() => {}, 20, { startLock, lockOwner: 1, ready: false });
  first.send(run(1));
  const end = await first.next();
  assert.equal(end.type === "failed" && end.failure.code, "stalled");
  assert.ok((await first.firstThread()).terminated);
  // The lock is free again: another sandbox's thread starts and answers.
  const second = hostWith((thread, t) => thread.send(refusal(t.taskId)), 60_000, {
    startLock,
    lockOwner: 2,
  });
  second.send(run(2));
  assert.deepEqual(await second.next(), { v: PROTOCOL_VERSION, type: "ready" });
  const outcome = await second.next();
  assert.equal(outcome.type === "failed" && outcome.taskId, 2);
});
