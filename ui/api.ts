/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * The UI's side of the API: the session token, same-origin fetches that carry it as a bearer
 * header, JSON in and out, errors as messages the user can read, and the server's event stream.
 *
 * The token lives in this tab's sessionStorage, which is bound to this origin (port included),
 * never in a cookie, which every other server on 127.0.0.1 would receive. So the event stream is
 * read through fetch (EventSource cannot send a header).
 */
import { createParser } from "eventsource-parser";
import type { FolderListing, JobRequest, TextMatch } from "../src/protocol/api.ts";
import type { JobDetail, JobEvent, JobSummaryRow } from "../src/server/job_manager.ts";
import type { JobMetrics } from "../src/progress/job_metrics.ts";

export type { JobDetail };
export type { JobSummaryRow };

const TOKEN_KEY = "gleaner-token";

/** Raised when the server refuses the token (a new start of gleaner makes a new one). */
export class SignedOut extends Error {
  override name = "SignedOut";
}

/**
 * Takes the token from the address gleaner printed (`?token=`), or trades the one-time code of
 * an `--open` link (`?code=`) for it, and drops either from the address bar at once. True when
 * this tab holds a token.
 */
export async function signIn(): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const token = params.get("token");
  const code = params.get("code");
  if (token !== null || code !== null) {
    history.replaceState(null, "", location.pathname + location.hash);
  }
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else if (code) {
    const response = await fetch("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    });
    const granted = await response.json().catch(() => ({}));
    if (response.ok && typeof granted.token === "string") {
      sessionStorage.setItem(TOKEN_KEY, granted.token);
    }
  }
  return sessionStorage.getItem(TOKEN_KEY) !== null;
}

function authorised(headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ""}` };
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, {
    ...init,
    headers: authorised(init.headers as Record<string, string>),
  });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new SignedOut("gleaner no longer knows this page: open the URL it printed");
  }
  return response;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  // Every POST carries JSON, even an empty object: the server refuses any other POST.
  const payload = body ?? (method === "POST" ? {} : undefined);
  const response = await send(path, {
    method,
    headers: payload === undefined ? {} : { "content-type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? `${response.status} ${response.statusText}`);
  return data as T;
}

export const api = {
  jobs: () => call<JobSummaryRow[]>("GET", "/api/jobs"),
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
  search: (id: number, query: string) =>
    call<TextMatch[]>("GET", `/api/jobs/${id}/search?q=${encodeURIComponent(query)}`),
  note: async (id: number, path: string) => {
    const r = await send(`/api/jobs/${id}/note?path=${encodeURIComponent(path)}`);
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error ?? `${r.status}`);
    return await r.text();
  },
};

/** How long to wait before reading the event stream again after it broke. */
const RECONNECT_MS = 1000;

/**
 * Calls `onEvent` for every engine event of every job until the returned function is called.
 * Reconnects as EventSource would when the stream breaks; a page that misses events notices by
 * their sequence numbers and reloads (see job_view.ts).
 */
export function watchEvents(onEvent: (event: JobEvent) => void): () => void {
  const stop = new AbortController();
  const parser = createParser({
    onEvent: (m) => {
      if (m.event === "job") onEvent(JSON.parse(m.data));
    },
  });
  (async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await send("/api/events", { signal: stop.signal });
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        parser.reset();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch (error) {
        if (error instanceof SignedOut) return;
      }
      if (!stop.signal.aborted) await new Promise((wake) => setTimeout(wake, RECONNECT_MS));
    }
  })();
  return () => stop.abort();
}
