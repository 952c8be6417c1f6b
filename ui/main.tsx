/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * The web UI (Preact): jobs and recovery, a new-job form with a folder browser, the live view of
 * a job, and the vault browser (vault.tsx). Hash routes: `#/`, `#/job/ID`,
 * `#/job/ID/vault?path=...`. Live data comes from the server's event stream; tables refresh from
 * the API when a file settles.
 */
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import {
  type JobEvent,
  type JobMetrics,
  JobRequest,
  type JobSummaryRow,
  type JobView,
} from "../src/protocol/api.ts";
import type { EngineEvent } from "../src/protocol/messages.ts";
import { eventOrder, foldEvent, newerView } from "../src/progress/job_view.ts";
import { api, signIn, watchEvents } from "./api.ts";
import { noteHref, Vault } from "./vault.tsx";
import { Chart } from "./chart.tsx";

function useHash(): string {
  const [hash, setHash] = useState(location.hash || "#/");
  useEffect(() => {
    const on = () => setHash(location.hash || "#/");
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return hash;
}

/**
 * Re-runs `load` now and whenever an event says a file or job settled, or `onEvent` (which sees
 * every event of the same stream) says the data fell behind.
 */
function useLive<T>(
  load: () => Promise<T>,
  deps: unknown[],
  onEvent?: (event: JobEvent) => boolean,
  reloadOn: ReadonlySet<EngineEvent["type"]> = SETTLING,
): [T | undefined, string | undefined] {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stale = false;
    let pending = false;
    const refresh = () => {
      if (pending) return;
      pending = true;
      // Coalesced: a burst of events costs one request.
      setTimeout(() => {
        pending = false;
        load().then((d) => !stale && (setData(d), setError(undefined)), (e) => setError(e.message));
      }, 150);
    };
    load().then((d) => !stale && setData(d), (e) => setError(e.message));
    const stop = watchEvents((m) => {
      if (onEvent?.(m) || reloadOn.has(m.event.type)) refresh();
    });
    return () => {
      stale = true;
      stop();
    };
  }, deps);
  return [data, error];
}

const SETTLING = new Set<EngineEvent["type"]>([
  "job_started",
  "file_done",
  "file_failed",
  "file_quarantined",
  "file_skipped",
  "job_paused",
  "job_resumed",
  "job_stopping",
  "job_finished",
  "job_failed",
  "vault_linked",
]);

function App() {
  const hash = useHash();
  const job = /^#\/job\/(\d+)(\/vault)?(?:\?path=(.*))?$/.exec(hash);
  let page;
  if (job && job[2]) {
    // `&block=ID`: a block of the note to scroll to (a key point's time -> its paragraph).
    const [path, block] = (job[3] ?? "").split("&block=");
    page = (
      <Vault
        id={Number(job[1])}
        path={path ? decodeURIComponent(path) : "Home.md"}
        block={block}
      />
    );
  } else if (job) page = <Job id={Number(job[1])} />;
  else page = <Home />;
  return (
    <>
      <header>
        <h1>gleaner</h1>
        <nav class="row">
          <a href="#/">Jobs</a>
        </nav>
      </header>
      <main>{page}</main>
    </>
  );
}

function Home() {
  // Bumped after a change the event stream does not report (a deleted job): the list reloads.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const [jobs, error] = useLive(() => api.jobs(), [changes]);
  const stopped = (jobs ?? []).filter((j) =>
    !j.running && (j.state === "running" || j.state === "interrupted")
  );
  const quarantined = (jobs ?? []).filter((j) =>
    (j.counts.quarantined ?? 0) + (j.counts.failed ?? 0) > 0
  );
  return (
    <>
      {error && <p class="error" role="alert">{error}</p>}
      {stopped.length > 0 && (
        <section class="panel recovery" aria-labelledby="recovery">
          <h2 id="recovery">Interrupted jobs</h2>
          <p>These jobs stopped before they finished. Their finished files are kept.</p>
          {stopped.map((j) => <JobLine key={j.id} job={j} recovery onChange={changed} />)}
        </section>
      )}
      {quarantined.length > 0 && (
        <section class="panel" aria-labelledby="problems">
          <h2 id="problems">Files that failed</h2>
          {quarantined.map((j) => {
            const count = (j.counts.quarantined ?? 0) + (j.counts.failed ?? 0);
            return (
              <div key={j.id}>
                <p class="row">
                  <a href={`#/job/${j.id}`}>{j.inputDir}</a>
                  <span>{count} file(s) failed or quarantined</span>
                  <RetryButton id={j.id} />
                </p>
                <ul>
                  {j.problems.map((f) => (
                    <li key={f.path}>
                      <b>{f.path}</b> ({f.status}): {f.error ?? "no reason recorded"}
                    </li>
                  ))}
                  {count > j.problems.length && (
                    <li>
                      <a href={`#/job/${j.id}`}>and {count - j.problems.length} more</a>
                    </li>
                  )}
                </ul>
              </div>
            );
          })}
        </section>
      )}
      <NewJob />
      <section aria-labelledby="history">
        <h2 id="history">All jobs</h2>
        {jobs?.length === 0 && <p class="muted">No jobs yet.</p>}
        {(jobs ?? []).map((j) => <JobLine key={j.id} job={j} onChange={changed} />)}
      </section>
    </>
  );
}

function RetryButton({ id }: { id: number }) {
  return (
    <button
      type="button"
      onClick={() =>
        api.resume(id, { retryFailed: true }).then(() => location.hash = `#/job/${id}`)}
    >
      Retry failed
    </button>
  );
}

function JobLine(
  { job, recovery, onChange }: { job: JobSummaryRow; recovery?: boolean; onChange: () => void },
) {
  const [error, setError] = useState<string>();
  const act = (p: Promise<unknown>) =>
    p.then(() => setError(undefined), (e) => setError(e.message));
  const done = job.counts.done ?? 0;
  const total = Object.values(job.counts).reduce((a, b) => a + b, 0) - (job.counts.removed ?? 0);
  return (
    <div class="panel">
      <div class="row">
        <a href={`#/job/${job.id}`}>
          <b>{job.inputDir}</b>
        </a>
        <span class="muted">to {job.vaultDir}</span>
      </div>
      <div class="row">
        <span>{job.running ? (job.view?.phase ?? "running") : label(job.state)}</span>
        <span>{done} / {total} files done</span>
        {!job.running && (
          <>
            <button
              type="button"
              onClick={() => act(api.resume(job.id).then(() => location.hash = `#/job/${job.id}`))}
            >
              {againLabel(job.state)}
            </button>
            {recovery && (
              <button
                type="button"
                onClick={() => act(api.resume(job.id, { restart: true }))}
              >
                Restart
              </button>
            )}
            <button
              type="button"
              onClick={() =>
                confirm(
                  `Delete the job for ${job.inputDir} from this list? ` +
                    `The vault ${job.vaultDir} and its notes stay as they are.`,
                ) && act(api.remove(job.id).then(onChange))}
            >
              Delete
            </button>
          </>
        )}
        <a href={`#/job/${job.id}/vault`}>Browse vault</a>
      </div>
      {job.error && <p class="error">Stopped: {job.error}</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

function label(state: string): string {
  return state === "running" ? "interrupted (the app stopped)" : state;
}

/** What starting a stopped job again does: a finished one runs again over its folder (new and
 * changed files), an interrupted or cancelled one carries on. One word for it everywhere. */
function againLabel(state: string): string {
  return state === "finished" ? "Run again" : "Resume";
}

function NewJob() {
  const [input, setInput] = useState("");
  const [out, setOut] = useState("");
  const [workers, setWorkers] = useState("");
  const [llm, setLlm] = useState(false);
  const [llmUrl, setLlmUrl] = useState("");
  const [llmModel, setLlmModel] = useState("");
  const [whisper, setWhisper] = useState("");
  const [models, setModels] = useState<string[]>([]);
  useEffect(() => {
    api.models().then(setModels).catch(() => {}); // the form works without the list
  }, []);
  const [browsing, setBrowsing] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const request = JobRequest.safeParse({
      input,
      ...(out.trim() ? { out } : {}),
      ...(workers.trim() ? { workers: Number(workers) } : {}),
      ...(whisper.trim() ? { whisperModel: whisper.trim() } : {}),
      ...(llm
        ? {
          llm: {
            ...(llmUrl.trim() ? { url: llmUrl } : {}),
            ...(llmModel.trim() ? { model: llmModel } : {}),
          },
        }
        : {}),
    });
    if (!request.success) return setError(request.error.issues.map((i) => i.message).join("; "));
    try {
      const { id } = await api.start(request.data);
      location.hash = `#/job/${id}`;
    } catch (error) {
      setError((error as Error).message);
    }
  };
  return (
    <section class="panel" aria-labelledby="new-job">
      <h2 id="new-job">New job</h2>
      <form onSubmit={submit}>
        <label for="input">Input folder</label>
        <div class="row">
          <input
            id="input"
            type="text"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="button" onClick={() => setBrowsing(!browsing)} aria-expanded={browsing}>
            Browse…
          </button>
        </div>
        {browsing && (
          <FolderBrowser start={input} onPick={(p) => (setInput(p), setBrowsing(false))} />
        )}
        <label for="out">Vault folder (default: beside the input, named INPUT-vault)</label>
        <input id="out" type="text" value={out} onInput={(e) => setOut(e.currentTarget.value)} />
        <label for="workers">Workers (default: one per core)</label>
        <input
          id="workers"
          type="number"
          min={1}
          value={workers}
          onInput={(e) => setWorkers(e.currentTarget.value)}
        />
        <label for="whisper">
          Whisper model for recordings (a name or a file; default: {models.length > 0
            ? `the installed ${models[0]} when whisper-cli is on the PATH, else PocketSphinx`
            : "PocketSphinx, as no model is installed"})
        </label>
        <input
          id="whisper"
          type="text"
          list="whisper-models"
          value={whisper}
          onInput={(e) =>
            setWhisper(e.currentTarget.value)}
        />
        <datalist id="whisper-models">
          {models.map((m) => <option key={m} value={m} />)}
        </datalist>
        <label>
          <input type="checkbox" checked={llm} onChange={(e) => setLlm(e.currentTarget.checked)} />
          {" "}
          Summarise with a language model (OpenAI-compatible endpoint; default a local Ollama)
        </label>
        {llm && (
          <>
            <label for="llm-url">Endpoint URL</label>
            <input
              id="llm-url"
              type="text"
              placeholder="http://127.0.0.1:11434/v1"
              value={llmUrl}
              onInput={(e) => setLlmUrl(e.currentTarget.value)}
            />
            <label for="llm-model">Model</label>
            <input
              id="llm-model"
              type="text"
              placeholder="llama3.2"
              value={llmModel}
              onInput={(e) => setLlmModel(e.currentTarget.value)}
            />
          </>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <p>
          <button class="primary" type="submit">Start</button>
        </p>
      </form>
    </section>
  );
}

function FolderBrowser({ start, onPick }: { start: string; onPick: (path: string) => void }) {
  const [path, setPath] = useState(start || undefined);
  const [listing, setListing] = useState<
    { path: string; parent: string | null; folders: string[] }
  >();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.folders(path).then((l) => (setListing(l), setError(undefined)), (e) => setError(e.message));
  }, [path]);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!listing) return <p class="muted">Loading…</p>;
  const sep = listing.path.includes("\\") ? "\\" : "/";
  return (
    <div class="panel" role="group" aria-label="Folder browser">
      <div class="row">
        <b>{listing.path}</b>
        <button type="button" onClick={() => onPick(listing.path)}>Use this folder</button>
        {listing.parent && (
          <button type="button" onClick={() => setPath(listing.parent!)}>Up</button>
        )}
      </div>
      <ul>
        {listing.folders.map((f) => (
          <li key={f}>
            <a
              href="#/"
              onClick={(
                e,
              ) => (e.preventDefault(), setPath(listing.path.replace(/[\\/]$/, "") + sep + f))}
            >
              {f}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Job({ id }: { id: number }) {
  // The live view is folded here from the event stream by the server's own reducer, starting
  // from the snapshot in the detail: only events after it are folded, and a gap reloads it.
  const [view, setViewState] = useState<JobView>();
  const held = useRef<JobView>();
  const setView = (v: JobView | undefined) => setViewState(held.current = v);
  const [detail, error] = useLive(() => api.job(id), [id], (m) => {
    if (m.jobId !== id || !held.current) return false;
    const order = eventOrder(held.current, m.run, m.seq);
    if (order === "next") setView(foldEvent(held.current, m.event));
    return order === "gap";
  });
  useEffect(() => setView(newerView(held.current, detail?.view)), [detail]);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const filesTable = useRef<HTMLHeadingElement>(null);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!detail) return <p class="muted">Loading…</p>;
  const live = view;
  const total = live?.total || detail.files.length;
  const done = live ? live.done : detail.files.filter((f) => f.status === "done").length;
  // The live view is ahead of the detail between an event and the detail's reload.
  const failed = Math.max(
    (detail.counts.failed ?? 0) + (detail.counts.quarantined ?? 0),
    live ? live.failed + live.quarantined : 0,
  );
  // Files read and found to hold nothing to note (pages that only redirect): settled, no note.
  const skipped = detail.counts.skipped ?? 0;
  const finished = live?.phase === "finished" ||
    (!detail.running && detail.state === "finished");
  // The live view says "finished" before the detail's reload does: no Pause or Cancel then.
  const running = detail.running && !finished;
  // A finished job has settled every file, failed ones too: its bar is full.
  const percent = finished ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  const problem = (f: { status: string }) => f.status === "failed" || f.status === "quarantined";
  // Failed files first: they are what the page is opened for once a job is done.
  const files = detail.files.filter((f) => f.status !== "removed" && (!onlyFailed || problem(f)))
    .sort((a, b) => Number(problem(b)) - Number(problem(a)));
  const showFailed = () => {
    setOnlyFailed(true);
    filesTable.current?.scrollIntoView();
  };
  return (
    <>
      <h2>{detail.inputDir}</h2>
      <p class="muted">
        Vault: {detail.vaultDir} · <a href={`#/job/${id}/vault`}>Browse vault</a>
      </p>
      {detail.error && <p class="error" role="alert">Stopped: {detail.error}</p>}
      <div
        class="bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Progress"
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <div class="stats">
        <div>
          Progress<b data-testid="percent">
            {finished && failed > 0 ? `finished, ${failed} failed` : `${percent}%`}
          </b>
        </div>
        <div>
          Files<b>
            {done} / {total}
            {skipped > 0 && <span class="muted">, {skipped} skipped</span>}
          </b>
        </div>
        <div>
          State<b data-testid="phase">
            {detail.running ? (live?.phase ?? "running") : label(detail.state)}
          </b>
        </div>
        <div>
          Files per hour<b>{live?.filesPerHour?.toLocaleString() ?? "–"}</b>
        </div>
        <div>
          Time left<b>{live?.etaMs !== undefined ? duration(live.etaMs) : "–"}</b>
        </div>
        <div>
          Failed<b>
            {failed > 0
              ? (
                <a href={`#/job/${id}`} onClick={(e) => (e.preventDefault(), showFailed())}>
                  {failed}
                </a>
              )
              : 0}
          </b>
        </div>
        <div>
          Worker restarts<b>{live?.restarts ?? 0}</b>
        </div>
      </div>
      <div class="row">
        {running && live?.phase !== "paused" && (
          <button
            type="button"
            onClick={() => api.pause(id)}
          >
            Pause
          </button>
        )}
        {running && live?.phase === "paused" && (
          <button
            type="button"
            onClick={() => api.resume(id)}
          >
            Resume
          </button>
        )}
        {running && (
          <button
            type="button"
            onClick={() =>
              confirm(
                "Cancel this job? Files already done are kept; the rest wait for a resume.",
              ) &&
              api.cancel(id)}
          >
            Cancel
          </button>
        )}
        {!running && (
          <button type="button" onClick={() => api.resume(id)}>{againLabel(detail.state)}</button>
        )}
      </div>
      <h2>Workers</h2>
      {/* One row per worker, busy or not: the page does not move as files come and go. */}
      <table class="workers">
        <tbody>
          {Array.from({ length: detail.workers }, (_, i) => {
            const c = live?.workers[i + 1]; // sandboxes count from 1
            return (
              <tr key={i}>
                <td>Worker {i + 1}</td>
                <td>{c?.path ?? <span class="muted">idle</span>}</td>
                <td>
                  {c && `${c.stage}${c.percent !== undefined ? ` ${Math.round(c.percent)}%` : ""}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Metrics id={id} />
      <h2 id="files" ref={filesTable}>Files</h2>
      {failed > 0 && (
        <p class="row" role="group" aria-label="Show">
          <button type="button" aria-pressed={!onlyFailed} onClick={() => setOnlyFailed(false)}>
            All files
          </button>
          <button type="button" aria-pressed={onlyFailed} onClick={() => setOnlyFailed(true)}>
            Failed only ({failed})
          </button>
        </p>
      )}
      <div class="files">
        <table>
          <thead>
            <tr>
              <th>File</th>
              <th>Status</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => {
              const note = f.status === "done" ? detail.notes[f.path] : undefined;
              return (
                <tr key={f.id} class={problem(f) ? "failed" : undefined}>
                  <td>{note ? <a href={noteHref(id, note)}>{f.path}</a> : f.path}</td>
                  <td>{f.status}</td>
                  <td>{f.error ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

const METRIC_EVENTS = new Set<EngineEvent["type"]>([
  "metrics_sampled",
  "worker_restarted",
  "job_started",
  "job_finished",
]);

function Metrics({ id }: { id: number }) {
  const [metrics, error] = useLive(() => api.metrics(id), [id], undefined, METRIC_EVENTS);
  return (
    <section aria-labelledby="metrics">
      <h2 id="metrics">Metrics</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {/* Drawn empty until the first sample, so nothing moves when it comes. */}
      <MetricsCharts metrics={metrics ?? NO_METRICS} />
      {metrics && metrics.runs.length > 0 && (
        <details>
          <summary>Runs of this job ({metrics.runs.length})</summary>
          <ol>
            {metrics.runs.map((r) => (
              <li key={r.id}>
                {new Date(r.startedAt).toLocaleString()} for {duration(r.lastSeenAt - r.startedAt)}:
                {" "}
                {RUN_ENDS[r.end] ?? r.end}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

const NO_METRICS: JobMetrics = {
  runs: [],
  at: [],
  filesPerHour: [],
  memoryMb: [],
  restarts: [],
};

const CHARTS = [
  { label: "Files per hour", unit: "files/h", series: "filesPerHour", color: "#1a5fb4" },
  { label: "Memory", unit: "MB", series: "memoryMb", color: "#2e7d32" },
  { label: "Worker restarts", unit: "restarts", series: "restarts", color: "#c64600", steps: true },
] as const;

function MetricsCharts({ metrics }: { metrics: JobMetrics }) {
  return (
    <div class="charts">
      {CHARTS.map(({ series, ...chart }) => (
        <Chart key={series} {...chart} at={metrics.at} values={metrics[series]} sync="metrics" />
      ))}
    </div>
  );
}

const RUN_ENDS: Record<string, string> = {
  running: "running now",
  finished: "finished",
  interrupted: "interrupted, state saved",
  cancelled: "cancelled",
  fatal: "stopped by an error",
  died: "the app died (crash, kill or power loss); resumed later",
  stopped: "the app stopped without a word; not resumed yet",
};

function duration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return "< 1 min";
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Shown to a tab that holds no token: the printed URL is the way in. */
function SignedOutPage() {
  return (
    <>
      <header>
        <h1>gleaner</h1>
      </header>
      <main>
        <p class="error" role="alert">
          This page needs the address gleaner printed when it started (the line that begins with
          "open http://127.0.0.1"). Open that whole address; an address from an earlier start no
          longer works.
        </p>
      </main>
    </>
  );
}

signIn().then(
  (ok) => render(ok ? <App /> : <SignedOutPage />, document.getElementById("app")!),
  () => render(<SignedOutPage />, document.getElementById("app")!),
);
