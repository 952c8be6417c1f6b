/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * The UI's side of the API: same-origin fetches (the session cookie goes along), JSON in and
 * out, errors as messages the user can read, and the server's event stream.
 */
import type { FolderListing, JobRequest } from "../src/protocol/api.ts";
import type { JobDetail, JobEvent, JobSummaryRow } from "../src/server/job_manager.ts";
import type { JobMetrics } from "../src/progress/job_metrics.ts";

export type { JobDetail };
export type JobRow = JobSummaryRow;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? `${response.status} ${response.statusText}`);
  return data as T;
}

export const api = {
  jobs: () => call<JobRow[]>("GET", "/api/jobs"),
  job: (id: number) => call<JobDetail>("GET", `/api/jobs/${id}`),
  metrics: (id: number) => call<JobMetrics>("GET", `/api/jobs/${id}/metrics`),
  start: (request: JobRequest) => call<{ id: number }>("POST", "/api/jobs", request),
  pause: (id: number) => call("POST", `/api/jobs/${id}/pause`),
  resume: (id: number, how: { restart?: boolean; retryFailed?: boolean } = {}) =>
    call<{ id: number }>("POST", `/api/jobs/${id}/resume`, how),
  cancel: (id: number) => call("POST", `/api/jobs/${id}/cancel`),
  remove: (id: number) => call("DELETE", `/api/jobs/${id}`),
  models: () => call<string[]>("GET", "/api/models"),
  folders: (path?: string) =>
    call<FolderListing>("GET", `/api/folders${path ? `?path=${encodeURIComponent(path)}` : ""}`),
  notes: (id: number) => call<string[]>("GET", `/api/jobs/${id}/notes`),
  note: async (id: number, path: string) => {
    const r = await fetch(`/api/jobs/${id}/note?path=${encodeURIComponent(path)}`);
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error ?? `${r.status}`);
    return await r.text();
  },
};

/** Calls `onEvent` for every engine event of every job until the returned function is called. */
export function watchEvents(onEvent: (event: JobEvent) => void): () => void {
  const source = new EventSource("/api/events");
  source.addEventListener("job", (m) => onEvent(JSON.parse((m as MessageEvent).data)));
  return () => source.close();
}
