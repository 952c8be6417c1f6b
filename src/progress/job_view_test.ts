import assert from "node:assert/strict";
import type { EngineEvent } from "../protocol/messages.ts";
import { emptyView, eventOrder, foldEvent, newerView } from "./job_view.ts";

const events: EngineEvent[] = [
  { type: "job_started", at: 1000, jobId: 1, total: 4 },
  { type: "file_skipped", at: 1001, path: "a.md", reason: "unchanged" },
  { type: "file_started", at: 1002, path: "b.md", attempt: 1, worker: 0 },
  { type: "file_done", at: 2000, path: "b.md", note: "Sources/b.md" },
];

Deno.test("foldEvent() counts files, clears the worker and derives the rate", () => {
  const view = events.reduce(foldEvent, emptyView(7));
  assert.equal(view.run, 7);
  assert.equal(view.seq, 4);
  assert.equal(view.phase, "running");
  assert.deepEqual([view.total, view.done, view.doneThisRun], [4, 2, 1]);
  assert.deepEqual(view.workers, {});
  assert.equal(view.filesPerHour, 3600);
  assert.equal(view.etaMs, 2000);
});

Deno.test("foldEvent() clears the worker of a file it read and skipped", () => {
  const read: EngineEvent[] = [
    { type: "file_started", at: 2001, path: "moved.html", attempt: 1, worker: 0 },
    {
      type: "file_skipped",
      at: 2002,
      path: "moved.html",
      reason: "only a redirect",
      inTotal: true,
    },
  ];
  const view = [...events, ...read].reduce(foldEvent, emptyView(7));
  assert.deepEqual(view.workers, {});
  assert.deepEqual([view.done, view.skipped], [2, 1]);
});

Deno.test("a snapshot folds only the events after it, and a gap or another run asks for a reload", () => {
  const snapshot = events.slice(0, 2).reduce(foldEvent, emptyView(7));
  assert.equal(eventOrder(snapshot, 7, 1), "seen");
  assert.equal(eventOrder(snapshot, 7, 2), "seen");
  assert.equal(eventOrder(snapshot, 7, 3), "next");
  assert.equal(eventOrder(snapshot, 7, 4), "gap");
  assert.equal(eventOrder(snapshot, 8, 1), "gap");
});

Deno.test("newerView() keeps whichever view has seen more of the same run", () => {
  const older = events.slice(0, 2).reduce(foldEvent, emptyView(7));
  const newer = events.reduce(foldEvent, emptyView(7));
  const nextRun = foldEvent(emptyView(8), events[0]);
  assert.equal(newerView(newer, older), newer);
  assert.equal(newerView(older, newer), newer);
  assert.equal(newerView(newer, nextRun), nextRun);
  assert.equal(newerView(newer, undefined), undefined, "a run that ended has no live view");
  assert.equal(newerView(undefined, older), older);
});
