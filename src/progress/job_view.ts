/**
 * @module
 * A running job as the UI shows it, folded from its engine events: counts, rate and ETA, what
 * each worker is on, and the latest outcomes. Pure: the same events give the same view.
 */
import type { JobView } from "../protocol/api.ts";
import type { EngineEvent } from "../protocol/messages.ts";

const RECENT = 200;

export function emptyView(run = 0): JobView {
  return {
    run,
    seq: 0,
    phase: "starting",
    total: 0,
    done: 0,
    failed: 0,
    skipped: 0,
    quarantined: 0,
    doneThisRun: 0,
    workers: {},
    restarts: 0,
    recent: [],
  };
}

/** The view after one more event (the view passed in is not changed). */
export function foldEvent(view: JobView, e: EngineEvent): JobView {
  const v: JobView = {
    ...view,
    workers: { ...view.workers },
    recent: view.recent,
    seq: view.seq + 1,
    updatedAt: e.at,
  };
  const outcome = (o: JobView["recent"][number]) => {
    v.recent = [...view.recent.slice(-(RECENT - 1)), o];
  };
  switch (e.type) {
    case "job_started":
      Object.assign(v, { phase: "running", total: e.total, startedAt: e.at });
      break;
    case "job_total":
      v.total = e.total;
      break;
    case "file_started":
      v.workers[e.worker] = { path: e.path, stage: "starting" };
      break;
    case "file_progress":
      v.workers[e.worker] = {
        path: e.path,
        stage: e.stage,
        ...(e.percent === undefined ? {} : { percent: e.percent }),
      };
      break;
    case "file_done":
      v.done++;
      v.doneThisRun++;
      clearWorker(v, e.path);
      outcome({ path: e.path, outcome: "done", at: e.at });
      break;
    case "file_skipped":
      // A sandbox may have read it and found nothing to note.
      clearWorker(v, e.path);
      if (e.reason === "unchanged") v.done++;
      else v.skipped++;
      break;
    case "file_failed":
      clearWorker(v, e.path);
      if (!e.willRetry) v.failed++;
      outcome({
        path: e.path,
        outcome: e.willRetry ? "retrying" : "failed",
        error: e.error,
        at: e.at,
      });
      break;
    case "file_quarantined":
      clearWorker(v, e.path);
      v.quarantined++;
      outcome({ path: e.path, outcome: "quarantined", error: e.error, at: e.at });
      break;
    case "worker_restarted":
      v.restarts++;
      break;
    case "job_paused":
      v.phase = "paused";
      break;
    case "job_resumed":
      v.phase = "running";
      break;
    case "job_stopping":
      v.phase = "stopping";
      break;
    case "job_finished":
      Object.assign(v, {
        phase: e.outcome,
        workers: {},
        failed: e.failed,
        quarantined: e.quarantined,
      });
      break;
  }
  if (v.startedAt !== undefined && v.doneThisRun > 0 && e.at > v.startedAt) {
    const perMs = v.doneThisRun / (e.at - v.startedAt);
    v.filesPerHour = Math.round(perMs * 3_600_000);
    const left = Math.max(0, v.total - v.done - v.failed - v.skipped - v.quarantined);
    v.etaMs = Math.round(left / perMs);
  }
  return v;
}

/** Where a streamed event stands against a view: the next one to fold, one already in it, or
 * one past a gap or of another run (the view must be loaded again). */
export function eventOrder(view: JobView, run: number, seq: number): "next" | "seen" | "gap" {
  if (run !== view.run) return "gap";
  if (seq <= view.seq) return "seen";
  return seq === view.seq + 1 ? "next" : "gap";
}

/** Of a view held and a snapshot loaded, the one that has seen more of the same run. */
export function newerView(held: JobView | undefined, loaded: JobView | undefined) {
  if (!held || !loaded || held.run !== loaded.run) return loaded;
  return held.seq > loaded.seq ? held : loaded;
}

function clearWorker(v: JobView, path: string): void {
  for (const [worker, current] of Object.entries(v.workers)) {
    if (current.path === path) delete v.workers[worker];
  }
}
