/**
 * @module
 * The UI figures of `deno task bench`, with the app started in its own process as a user starts
 * it (`deno task app`, UI mode):
 *
 *   - launch to the printed URL, over several launches
 *   - latency of `GET /api/jobs/:id` (what the job page polls), idle and while a 2-worker job
 *     keeps both cores busy on a CPU-heavy corpus, with p99 under load against its target
 */
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appCommand } from "../tests/support/app.ts";
import { seeded } from "./seeded.ts";

type Report = (name: string, value: string, target: string) => void;

const LAUNCHES = 5;
const REQUESTS = 300;
const PAUSE_MS = 20;
const TARGET_P99_MS = 50;
/** About 19 MB of prose: at ~0.12 MB/s per worker, over a minute of work for two workers. */
const FILES = 64;

/** The part of a job's detail this benchmark looks at. */
interface Detail {
  running: boolean;
  view?: { phase: string; total: number; done: number; workers: Record<string, unknown> };
}

export async function uiLatency(report: Report): Promise<void> {
  const root = await Deno.makeTempDir({ prefix: "gleaner-bench-ui-" });
  try {
    const launches: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const app = await launch(join(root, "state-launch"));
      try {
        // The URL answers, and the app is past installing its Ctrl-C handler (right after the
        // line), so the SIGINT below is the user's Ctrl-C.
        await app.call("/api/health");
      } finally {
        await app.stop();
      }
      launches.push(app.launchMs);
    }
    launches.sort((a, b) => a - b);
    report(
      `UI launch to URL printed (${LAUNCHES} launches)`,
      `median ${ms(percentile(launches, 50))} (${ms(launches[0])} to ${ms(launches.at(-1)!)})`,
      "(info)",
    );
    await jobLatency(root, report);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

async function jobLatency(root: string, report: Report): Promise<void> {
  const input = join(root, "corpus");
  const mb = await writeCorpus(input);
  console.error(`UI: corpus of ${FILES} documents, ${mb.toFixed(1)} MB of prose`);
  const app = await launch(join(root, "state"));
  try {
    const { id } = await app.call<{ id: number }>("/api/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ input, out: join(root, "vault"), workers: 2 }),
    });
    const detail = () => app.call<Detail>(`/api/jobs/${id}`);

    // Idle is the same job paused with nothing in flight: the same route, the same code path
    // and the same answer as under load, only without the load.
    await app.call(`/api/jobs/${id}/pause`, { method: "POST" });
    await until(async () => (await detail()).view?.phase === "paused", "the job to pause");
    await until(async () => {
      const view = (await detail()).view;
      return view?.total === FILES && Object.keys(view.workers).length === 0;
    }, "the paused job to finish its files in flight");
    const idle = await measure(app, id);

    await app.call(`/api/jobs/${id}/resume`, { method: "POST" });
    await until(
      async () => Object.keys((await detail()).view?.workers ?? {}).length === 2,
      "both workers to be busy",
    );
    const start = await detail();
    const loaded = await measure(app, id);
    const end = await detail();
    await app.call(`/api/jobs/${id}/cancel`, { method: "POST" });

    const row = (m: typeof idle) =>
      `p50 ${ms(percentile(m.ms, 50), 1)}, p99 ${ms(percentile(m.ms, 99), 1)} ` +
      `(app process on ${m.cores.toFixed(2)} cores)`;
    report(`GET /api/jobs/:id idle, job paused (${REQUESTS} requests)`, row(idle), "(info)");
    report(
      `GET /api/jobs/:id, 2 workers busy (${REQUESTS} requests)`,
      row(loaded),
      `p99 <= ${TARGET_P99_MS} ms`,
    );
    const ratio = (p: number) => (percentile(loaded.ms, p) / percentile(idle.ms, p)).toFixed(1);
    report("  loaded / idle", `p50 ${ratio(50)}x, p99 ${ratio(99)}x`, "(info)");
    const p99 = percentile(loaded.ms, 99);
    report(
      `  p99 under load <= ${TARGET_P99_MS} ms`,
      p99 <= TARGET_P99_MS ? "met" : `NOT met (${ms(p99, 1)})`,
      "met",
    );
    report(
      "  job running during the loaded requests",
      `${loaded.running}/${REQUESTS} answers, 2 busy in ${loaded.bothBusy}; ` +
        `${end.running ? "still running" : "ENDED"} after; ` +
        `files done ${start.view?.done ?? 0} -> ${end.view?.done ?? 0} of ${FILES}`,
      `${REQUESTS}/${REQUESTS}, still running`,
    );
  } finally {
    await app.stop();
  }
}

/** Sequential requests for the job's detail, each body read in full, a short pause between. */
async function measure(app: App, id: number) {
  const samples: number[] = [];
  let running = 0;
  let bothBusy = 0;
  const cpuBefore = cpuMs(app.pid);
  const wallBefore = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await app.get(`/api/jobs/${id}`);
    const body = await response.text();
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(`GET /api/jobs/${id} answered ${response.status}: ${body}`);
    const detail = JSON.parse(body) as Detail;
    if (detail.running && detail.view?.phase === "running") running++;
    if (Object.keys(detail.view?.workers ?? {}).length === 2) bothBusy++;
    await sleep(PAUSE_MS);
  }
  const cores = (cpuMs(app.pid) - cpuBefore) / (performance.now() - wallBefore);
  return { ms: samples.sort((a, b) => a - b), running, bothBusy, cores };
}

interface App {
  launchMs: number;
  pid: number;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A request whose answer must be a success; its JSON body. */
  call<T = unknown>(path: string, init?: RequestInit): Promise<T>;
  /** Ctrl-C, then waits for the app's exit. */
  stop(): Promise<void>;
}

/** Starts the app in UI mode and times it from spawn to its one line with the URL. */
async function launch(state: string): Promise<App> {
  const started = performance.now();
  const child = appCommand(["--port", "0", "--state", state], { stderr: "null" }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) {
      await child.status;
      throw new Error(`the app ended before printing its URL: ${text}`);
    }
    text += value;
  }
  const launchMs = performance.now() - started;
  // Drained so that the app never blocks on a full pipe.
  const drained = (async () => {
    while (!(await reader.read()).done) { /* discard */ }
  })();
  const stop = async () => {
    child.kill("SIGINT");
    const { code } = await child.status;
    await drained;
    if (code !== 130) throw new Error(`the app exited with ${code} after SIGINT, not 130`);
  };
  const found = /^gleaner \S+: open http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)$/m.exec(text);
  if (!found) {
    await stop();
    throw new Error(`no URL in the app's first line: ${text}`);
  }
  const [, port, token] = found;
  const get = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    // The server takes no POST without a JSON body.
    const post = init.method === "POST";
    if (post) headers.set("content-type", "application/json");
    const body = post ? init.body ?? "{}" : init.body;
    return fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers, body });
  };
  const call = async <T>(path: string, init?: RequestInit) => {
    const response = await get(path, init);
    const body = await response.text();
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${body}`);
    return JSON.parse(body) as T;
  };
  return { launchMs, pid: child.pid, get, call, stop };
}

async function until(ready: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await ready())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/**
 * CPU time of a process, all its threads, so far: it shows whether the load really held both
 * cores. Linux, whose clock tick is 10 ms on every common build.
 */
function cpuMs(pid: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // After the command name, which may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Nearest rank: the smallest sample with at least p % of the samples at or below it. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function ms(value: number, digits = 0): string {
  return `${value.toFixed(digits)} ms`;
}

// ---- the corpus ----

const NOUNS = ("archive harbor river valley committee council report survey village market " +
  "engine bridge winter summer orchard library festival railway museum garden factory " +
  "parliament island mountain forest coastline farmer teacher doctor engineer journalist " +
  "student merchant sailor painter miller weaver budget election treaty harvest drought " +
  "flood vaccine hospital school letter diary manuscript recording interview census map " +
  "lighthouse canal cathedral tunnel orchestra choir newspaper pamphlet ledger glacier " +
  "volcano meadow quarry telescope microscope laboratory experiment theory decision").split(" ");
const VERBS = ("described recorded visited rebuilt questioned praised criticised measured " +
  "studied published defended abandoned restored mapped funded opened closed inspected " +
  "photographed translated organised delayed approved rejected expanded surveyed " +
  "documented compared celebrated remembered explained").split(" ");
const ADJECTIVES = ("old new quiet busy narrow wide northern southern coastal rural urban " +
  "ancient modern careful detailed brief early late remote crowded famous forgotten local " +
  "national private public wooden stone bright cold humid").split(" ");
const ADVERBS = ("slowly carefully openly briefly twice rarely suddenly gradually eventually " +
  "repeatedly quietly publicly").split(" ");
const FIRST = ("Maria Jonas Aisha Peter Ingrid Tomas Helen Omar Clara Rafael Ada Victor Elena " +
  "Samuel Nadia Hugo Greta Louis Amara Felix").split(" ");
const LAST = ("Keller Novak Haddad Lindqvist Moreau Okafor Brennan Costa Fischer Tanaka " +
  "Duarte Walsh Ivanova Becker Mensah Larsen").split(" ");
const PLACES = ("Lisbon Bergen Tromso Valencia Galway Leipzig Porto Krakow Ghent Aberdeen " +
  "Trieste Uppsala Bordeaux Antwerp Dundee").split(" ");
const ORGS = ("the Royal Society|the Harbour Trust|the County Archive|the Rail Board|the " +
  "Weavers' Guild|the Northern Observatory|the Farmers' Union|the City Library").split("|");

/**
 * Varied English prose from a seeded generator, so every run analyses the same text: sentences
 * with people, places and organisations, paragraphs, and headings in the Markdown files.
 */
async function writeCorpus(dir: string): Promise<number> {
  await Deno.mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const random = seeded(1000 + i);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const person = () => `${pick(FIRST)} ${pick(LAST)}`;
    const sentence = () => {
      const parts = [
        `The ${pick(ADJECTIVES)} ${pick(NOUNS)} of ${pick(PLACES)} was ${pick(VERBS)} by ` +
        `${person()} in ${1850 + Math.floor(random() * 170)}.`,
        `${person()} ${pick(ADVERBS)} ${pick(VERBS)} the ${pick(NOUNS)} near the ` +
        `${pick(ADJECTIVES)} ${pick(NOUNS)}.`,
        `According to ${pick(ORGS)}, the ${pick(NOUNS)} and the ${pick(NOUNS)} were ` +
        `${pick(VERBS)} ${pick(ADVERBS)}.`,
        `In ${pick(PLACES)}, every ${pick(NOUNS)} had its own ${pick(ADJECTIVES)} ` +
        `${pick(NOUNS)}, which ${person()} ${pick(VERBS)} for ${pick(ORGS)}.`,
        `Nobody had ${pick(VERBS)} a ${pick(ADJECTIVES)} ${pick(NOUNS)} without a ` +
        `${pick(NOUNS)} before ${person()} came to ${pick(PLACES)}.`,
      ];
      return pick(parts);
    };
    const markdown = i % 2 === 0;
    const size = 200_000 + Math.floor(random() * 200_000);
    const title = `The ${pick(ADJECTIVES)} ${pick(NOUNS)} of ${pick(PLACES)}`;
    const blocks = [markdown ? `# ${title}` : title];
    let length = title.length;
    while (length < size) {
      const block = markdown && blocks.length % 9 === 0
        ? `## The ${pick(NOUNS)} and the ${pick(NOUNS)}`
        : Array.from({ length: 3 + Math.floor(random() * 5) }, sentence).join(" ");
      blocks.push(block);
      length += block.length + 2;
    }
    const text = blocks.join("\n\n") + "\n";
    await Deno.writeTextFile(
      join(dir, `doc-${String(i).padStart(2, "0")}.${markdown ? "md" : "txt"}`),
      text,
    );
    bytes += text.length;
  }
  return bytes / 1e6;
}
