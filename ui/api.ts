/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * The UI's side of the API: the session token, same-origin fetches that carry it as a bearer
 * header, JSON in and out, errors as messages the user can read, and the server's event stream.
 * Every answer and event is parsed through its schema in src/protocol/api.ts before the page
 * uses it, so a server that answers something else is reported, not half-rendered.
 *
 * The token lives in this tab's sessionStorage, which is bound to this origin (port included),
 * never in a cookie, which every other server on 127.0.0.1 would receive. So the event stream is
 * read through fetch (EventSource cannot send a header).
 */
import { createParser } from "eventsource-parser";
import type { z } from "zod";
import {
  ApiError,
  Done,
  FolderListing,
  JobDetail,
  JobEvent,
  JobList,
  JobMetrics,
  type JobRequest,
  Names,
  SessionGranted,
  Started,
  TextMatches,
} from "../src/protocol/api.ts";

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
    const granted = SessionGranted.safeParse(await response.json().catch(() => undefined));
    if (response.ok && granted.success) sessionStorage.setItem(TOKEN_KEY, granted.data.token);
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

/** The message of an error answer: the server's own when it sent one, else the HTTP status. */
function failure(response: Response, data: unknown): Error {
  const error = ApiError.safeParse(data);
  return new Error(error.success ? error.data.error : `${response.status} ${response.statusText}`);
}

/** Calls the API and parses its answer through `schema`. */
async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
): Promise<z.infer<S>> {
  // Every POST carries JSON, even an empty object: the server refuses any other POST.
  const payload = body ?? (method === "POST" ? {} : undefined);
  const response = await send(path, {
    method,
    headers: payload === undefined ? {} : { "content-type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response, data);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new Error(
      `gleaner's answer to ${method} ${path} was not understood: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

export const api = {
  jobs: () => call(JobList, "GET", "/api/jobs"),
  job: (id: number) => call(JobDetail, "GET", `/api/jobs/${id}`),
  metrics: (id: number) => call(JobMetrics, "GET", `/api/jobs/${id}/metrics`),
  start: (request: JobRequest) => call(Started, "POST", "/api/jobs", request),
  pause: (id: number) => call(Done, "POST", `/api/jobs/${id}/pause`),
  resume: (id: number, how: { restart?: boolean; retryFailed?: boolean } = {}) =>
    call(Started, "POST", `/api/jobs/${id}/resume`, how),
  cancel: (id: number) => call(Done, "POST", `/api/jobs/${id}/cancel`),
  remove: (id: number) => call(Done, "DELETE", `/api/jobs/${id}`),
  models: () => call(Names, "GET", "/api/models"),
  folders: (path?: string) =>
    call(FolderListing, "GET", `/api/folders${path ? `?path=${encodeURIComponent(path)}` : ""}`),
  notes: (id: number) => call(Names, "GET", `/api/jobs/${id}/notes`),
  search: (id: number, query: string) =>
    call(TextMatches, "GET", `/api/jobs/${id}/search?q=${encodeURIComponent(query)}`),
  note: async (id: number, path: string) => {
    const r = await send(`/api/jobs/${id}/note?path=${encodeURIComponent(path)}`);
    if (!r.ok) throw failure(r, await r.json().catch(() => undefined));
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
      // An event that does not parse is dropped: the page notices the gap in sequence numbers
      // and reloads the job (see job_view.ts).
      if (m.event !== "job") return;
      const event = JobEvent.safeParse(parseJson(m.data));
      if (event.success) onEvent(event.data);
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
