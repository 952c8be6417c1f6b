/**
 * @module
 * Smoke test of a gleaner build, run by the release workflow on a runner of each target's OS:
 *
 *     deno run -A scripts/smoke.ts -- <command...>
 *
 * where the command starts gleaner: a compiled binary (`dist/gleaner-0.1.0-x86_64-unknown-linux-gnu`)
 * or `deno run -P=release --no-prompt --config /abs/deno.json /abs/main.ts`. It checks
 * `--version`, starts the web UI and asks `GET /api/health` with the printed token, stops it, runs
 * a batch over samples/ plus a PDF and a Word document (pdf.js and mammoth inside the binary) and,
 * where ffmpeg, PocketSphinx and its test clips are installed, a recording (the media sandbox and
 * its engines), and samples the process table all along: the app must never start a copy of
 * itself, so exactly one app process shows at every sample. `--media` makes a missing engine a
 * failure instead of a recording left out.
 * Exits 1 on any failure, 2 on a usage error.
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import denoConfig from "../deno.json" with { type: "json" };
import { EXTENSIONS } from "../src/pipeline/detect.ts";
import { makeDocx, makePdf } from "../tests/support/documents.ts";
import { LIBRIVOX, missing } from "../tests/support/requires.ts";

const VERSION = denoConfig.version;
const SAMPLES = fileURLToPath(new URL("../samples", import.meta.url));
const IS_WINDOWS = Deno.build.os === "windows";

// Runners without ffmpeg or PocketSphinx would fail recordings: there the media in samples/ is
// left out. The exclude globs are case-sensitive, hence both spellings of each extension.
const MEDIA = Object.entries(EXTENSIONS)
  .filter(([, kind]) => kind === "audio" || kind === "video")
  .map(([ext]) => ext.slice(1));
const MEDIA_GLOB = `**/*.{${[...MEDIA, ...MEDIA.map((e) => e.toUpperCase())].join(",")}}`;

const URL_LINE = /^gleaner (\S+): open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/;

/** Time limits of the phases, generous for slow shared runners. */
const LIMITS = { version: 60_000, url: 60_000, request: 10_000, exit: 30_000, batch: 600_000 };

/** A process as the OS lists it; `exe` is a path or a bare name, "" when it cannot be read. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  exe: string;
}

/** Every process of the machine, from /proc (Linux), `ps` (macOS) or CIM (Windows). */
export async function processTable(): Promise<ProcessEntry[]> {
  switch (Deno.build.os) {
    case "linux":
      return await linuxTable();
    case "darwin":
      return parsePs(await commandText("ps", ["-A", "-o", "pid=,ppid=,comm="]));
    case "windows":
      return parseCimCsv(
        await commandText("powershell", [
          "-NoProfile",
          "-Command",
          "Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,ExecutablePath | ConvertTo-Csv -NoTypeInformation",
        ]),
      );
    default:
      throw new Error(`cannot read the process table: unsupported OS: ${Deno.build.os}`);
  }
}

async function linuxTable(): Promise<ProcessEntry[]> {
  const reads: Promise<ProcessEntry | undefined>[] = [];
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    const pid = Number(entry.name);
    reads.push((async () => {
      try {
        const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
        // The command name in parentheses may hold spaces and parentheses: read after the last.
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const exe = await Deno.readLink(`/proc/${pid}/exe`).catch(() => "");
        return { pid, ppid, exe };
      } catch {
        return undefined; // exited meanwhile
      }
    })());
  }
  return (await Promise.all(reads)).filter((p) => p !== undefined);
}

export function parsePs(text: string): ProcessEntry[] {
  return text.split("\n").flatMap((line) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*?)\s*$/.exec(line);
    return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), exe: m[3] }] : [];
  });
}

export function parseCimCsv(text: string): ProcessEntry[] {
  // Windows PowerShell quotes every field; a missing ExecutablePath may come out unquoted.
  return text.split(/\r?\n/).flatMap((line) => {
    const m = /^"?(\d+)"?,"?(\d+)"?,"?(.*?)"?$/.exec(line.trim());
    return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), exe: m[3] }] : [];
  });
}

/** Every process below `rootPid`, children and their children. */
export function descendantsOf(table: ProcessEntry[], rootPid: number): ProcessEntry[] {
  const children = new Map<number, ProcessEntry[]>();
  for (const p of table) {
    if (p.pid === p.ppid) continue;
    children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  }
  const found: ProcessEntry[] = [];
  // Windows reuses the numbers of dead parents, which can make a cycle: visit each pid once.
  const seen = new Set([rootPid]);
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** The file name of an executable without `.exe`, lower case where the file system ignores case. */
export function executableName(exe: string): string {
  const name = exe.replace(/ \(deleted\)$/, "").split(/[\\/]/).pop() ?? "";
  return (Deno.build.os === "linux" ? name : name.toLowerCase()).replace(/\.exe$/i, "");
}

/**
 * Whether two executables have the same name. Names are compared rather than paths, so that a
 * `deno` found elsewhere on PATH counts as a copy too; a name cut to the 15 or 16 characters some
 * process listings keep matches the full one.
 */
export function sameExecutable(a: string, b: string): boolean {
  const [x, y] = [executableName(a), executableName(b)].sort((p, q) => p.length - q.length);
  if (x === "") return false;
  return x === y || (x.length >= 15 && x.length <= 16 && y.startsWith(x));
}

/**
 * The app's processes: the process `rootPid` itself and every descendant running the same
 * executable. Empty when `rootPid` is not running; more than one entry means the app started a
 * copy of itself.
 */
export async function appProcesses(
  rootPid: number,
  table?: ProcessEntry[],
): Promise<ProcessEntry[]> {
  table ??= await processTable();
  const root = table.find((p) => p.pid === rootPid);
  if (!root) return [];
  return [root, ...descendantsOf(table, rootPid).filter((p) => sameExecutable(p.exe, root.exe))];
}

/** What the sampler saw while one app process ran. */
interface Watched {
  samples: number;
  /** samples in which the app itself was listed (0 would make the check empty) */
  seen: number;
  problems: string[];
}

/**
 * Samples the process table until stopped. `expected` is the executable the command starts, so
 * the sampler also proves it recognises the app in the listing. With `mustSee`, a run in which
 * the app never showed is a failure: the check would have been empty.
 */
function watchProcesses(
  rootPid: number,
  expected: string,
  mustSee: boolean,
): { seen(): number; stop(): Promise<Watched> } {
  const watched: Watched = { samples: 0, seen: 0, problems: [] };
  // Each copy is reported once, however many samples show it.
  const copies = new Map<number, { entry: ProcessEntry; samples: number }>();
  let stopped = false;
  let named = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        await sample();
      } catch (error) {
        watched.problems.push(`cannot read the process table: ${(error as Error).message}`);
        return;
      }
      await delay(100);
    }
  })();

  async function sample(): Promise<void> {
    const apps = await appProcesses(rootPid);
    watched.samples++;
    if (apps.length === 0) return; // not started yet or already gone
    watched.seen++;
    if (!named) {
      named = true;
      if (!sameExecutable(apps[0].exe, expected)) {
        watched.problems.push(
          `the process table lists the app (pid ${rootPid}) as "${apps[0].exe}", not as ` +
            `"${executableName(expected)}": cannot tell its copies apart`,
        );
      }
    }
    if (apps.length === 1) return;
    // A child between fork and exec still shows the parent's executable for a moment; a real copy
    // of the app takes far longer than this to start, so it is still there when looked at again.
    await delay(50);
    const again = await appProcesses(rootPid);
    for (const p of again) {
      if (p.pid === rootPid || !apps.some((a) => a.pid === p.pid)) continue;
      const known = copies.get(p.pid);
      if (known) known.samples++;
      else copies.set(p.pid, { entry: p, samples: 1 });
    }
  }

  return {
    seen: () => watched.seen,
    async stop() {
      stopped = true;
      await loop;
      for (const { entry, samples } of copies.values()) {
        watched.problems.push(
          `the app (pid ${rootPid}) ran a copy of itself: pid ${entry.pid} (parent ` +
            `${entry.ppid}) ${entry.exe}, in ${samples} samples`,
        );
      }
      if (mustSee && watched.seen === 0 && watched.problems.length === 0) {
        watched.problems.push(`the app (pid ${rootPid}) never showed in the process table`);
      }
      return watched;
    },
  };
}

class SmokeError extends Error {
  override name = "SmokeError";
}

async function main(argv: string[]): Promise<number> {
  const media = argv[0] === "--media";
  if (media) argv = argv.slice(1);
  const command = argv[0] === "--" ? argv.slice(1) : argv;
  if (command.length === 0) {
    console.error(
      "usage: deno run -A scripts/smoke.ts [--media] -- <command that starts gleaner...>",
    );
    return 2;
  }
  // The app runs in a temporary folder, so a path to a binary is made absolute first.
  if (/[\\/]/.test(command[0])) command[0] = resolve(command[0]);
  const dir = await Deno.makeTempDir({ prefix: "gleaner-smoke-" });
  const cwd = join(dir, "cwd");
  await Deno.mkdir(cwd);
  console.log(`smoke: ${command.join(" ")}`);
  console.log(`smoke: working in ${dir}`);

  const phases: [string, () => Promise<string>][] = [
    ["version", () => checkVersion(command, cwd)],
    ["web UI", () => checkUi(command, cwd, join(dir, "state"))],
    ["batch", () => checkBatch(command, cwd, join(dir, "input"), join(dir, "vault"), media)],
  ];
  let failed = 0;
  for (const [name, run] of phases) {
    try {
      console.log(`ok    ${name}: ${await run()}`);
    } catch (error) {
      failed++;
      const text = error instanceof SmokeError ? error.message : String((error as Error).stack);
      console.log(`FAIL  ${name}: ${text}`);
    }
  }
  if (failed > 0) {
    console.log(`smoke: ${failed} of ${phases.length} checks failed; files kept in ${dir}`);
    return 1;
  }
  await Deno.remove(dir, { recursive: true });
  console.log("smoke: all checks passed");
  return 0;
}

async function checkVersion(command: string[], cwd: string): Promise<string> {
  const child = spawn(command, ["--version"], cwd);
  const out = await withTimeout(child.output(), LIMITS.version, "`--version` to answer")
    .catch(async (error) => {
      await forceStop(child);
      throw error;
    });
  const text = new TextDecoder().decode(out.stdout).trim();
  if (out.code !== 0 || text !== `gleaner ${VERSION}`) {
    throw new SmokeError(
      `\`--version\` printed "${text}" with exit code ${out.code}, expected "gleaner ${VERSION}" ` +
        `and 0${stderrTail(new TextDecoder().decode(out.stderr))}`,
    );
  }
  return text;
}

async function checkUi(command: string[], cwd: string, state: string): Promise<string> {
  const began = performance.now();
  const child = spawn(command, ["--port", "0", "--state", state], cwd);
  return await supervise(child, command[0], true, async (stdout, seen) => {
    const line = await withTimeout(stdout.first, LIMITS.url, "the URL line");
    if (line === undefined) throw new SmokeError("the app exited without printing its URL");
    const printedIn = Math.round(performance.now() - began);
    const m = URL_LINE.exec(line);
    if (!m) throw new SmokeError(`unexpected first line on stdout: ${line}`);
    if (m[1] !== VERSION) {
      throw new SmokeError(`the URL line names version ${m[1]}, not ${VERSION}`);
    }
    const url = new URL(m[2]);
    const health = new URL("/api/health", url);
    const answer = await fetch(health, {
      headers: { Authorization: `Bearer ${url.searchParams.get("token")}` },
      signal: AbortSignal.timeout(LIMITS.request),
    });
    const body = await answer.text();
    if (answer.status !== 200) {
      throw new SmokeError(`GET /api/health answered ${answer.status}: ${body}`);
    }
    // Without the token the server must refuse, or the check above proves little.
    const anonymous = await fetch(health, { signal: AbortSignal.timeout(LIMITS.request) });
    await anonymous.body?.cancel();
    if (anonymous.status !== 401) {
      throw new SmokeError(`GET /api/health without the token answered ${anonymous.status}`);
    }

    // Copies started a little after launch must be caught too: keep the app up for a few samples.
    const until = Date.now() + LIMITS.exit;
    while (seen() < 5 && Date.now() < until) await delay(50);

    // Windows has no SIGINT to send to another process; Deno terminates it there.
    child.kill(IS_WINDOWS ? "SIGTERM" : "SIGINT");
    const status = await withTimeout(child.status, LIMITS.exit, "the app to exit when stopped");
    if (!IS_WINDOWS && status.code !== 130) {
      throw new SmokeError(`stopped by SIGINT, the app exited with ${status.code}, not 130`);
    }
    await stdout.done;
    if (stdout.lines.length !== 1) {
      throw new SmokeError(`stdout had ${stdout.lines.length} lines, not one: ${stdout.lines}`);
    }
    const stop = IS_WINDOWS ? "terminated" : "SIGINT gave exit 130";
    return `URL printed after ${printedIn} ms, /api/health 200 ${body}, 401 without the token, ` +
      stop;
  });
}

/** The batch's input: samples/, a PDF, a Word document and, when it can be heard, a recording.
 * Returns what it holds, and why the recording is not there. */
async function batchInput(
  input: string,
  media: boolean,
): Promise<{ kinds: string[]; noRecording?: string }> {
  await Deno.mkdir(input, { recursive: true });
  await copyTree(SAMPLES, input);
  const text = "The bee survey counts colonies, hives and honey in the valley every spring.";
  await Deno.writeFile(join(input, "survey.pdf"), await makePdf("Bee Survey", [text]));
  await Deno.writeFile(join(input, "report.docx"), await makeDocx("Hive Report", [text]));
  const kinds = ["samples", "PDF", "DOCX"];
  const noRecording = missing("ffmpeg") ?? missing("pocketsphinx") ??
    missing("pocketsphinx-testdata");
  if (noRecording && media) throw new SmokeError(`--media, but ${noRecording}`);
  if (!noRecording) {
    const clip = [...Deno.readDirSync(LIBRIVOX)].map((e) =>
      e.name
    ).filter((n) => n.endsWith(".wav")).sort()[0];
    await Deno.copyFile(join(LIBRIVOX, clip), join(input, "clip.wav"));
    kinds.push("recording");
  }
  // The pipeline waits for a file to be a second old (still being written otherwise).
  const past = new Date(Date.now() - 60_000);
  for (const name of ["survey.pdf", "report.docx", "clip.wav"]) {
    await Deno.utime(join(input, name), past, past).catch(() => {});
  }
  return { kinds, ...(noRecording ? { noRecording } : {}) };
}

async function copyTree(from: string, to: string): Promise<void> {
  for await (const e of Deno.readDir(from)) {
    if (e.isDirectory) {
      await Deno.mkdir(join(to, e.name), { recursive: true });
      await copyTree(join(from, e.name), join(to, e.name));
    } else if (e.isFile) await Deno.copyFile(join(from, e.name), join(to, e.name));
  }
}

async function checkBatch(
  command: string[],
  cwd: string,
  input: string,
  vault: string,
  media: boolean,
): Promise<string> {
  const { kinds, noRecording } = await batchInput(input, media);
  const began = performance.now();
  const child = spawn(
    command,
    ["--batch", input, "--out", vault, "--json", ...(noRecording ? ["--exclude", MEDIA_GLOB] : [])],
    cwd,
  );
  // A fast batch may end before a slow process listing (PowerShell takes a second or two) has
  // seen it; the web UI phase, which waits for samples, has already shown that the sampler works.
  return await supervise(child, command[0], false, async (stdout) => {
    const status = await withTimeout(child.status, LIMITS.batch, "the batch to finish");
    await stdout.done;
    if (status.code !== 0) throw new SmokeError(`the batch exited with ${status.code}, not 0`);
    const events = stdout.lines.filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
    const total = events.findLast((e) => e.type === "job_started" || e.type === "job_total")
      ?.total;
    const notes: string[] = events.filter((e) => e.type === "file_done").map((e) => e.note);
    if (!total || notes.length !== total) {
      throw new SmokeError(`${notes.length} files done of ${total ?? "no"} files found`);
    }
    for (const note of ["Home.md", ...notes]) {
      const info = await Deno.stat(join(vault, note)).catch(() => undefined);
      if (!info?.isFile || info.size === 0) throw new SmokeError(`note missing or empty: ${note}`);
    }
    const done = new Set(events.filter((e) => e.type === "file_done").map((e) => e.path));
    for (const path of ["survey.pdf", "report.docx", ...(noRecording ? [] : ["clip.wav"])]) {
      if (!done.has(path)) throw new SmokeError(`${path} did not become a note`);
    }
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    return `exit 0 after ${seconds} s, ${notes.length} notes (${kinds.join(", ")}) and Home.md ` +
      "written" + (noRecording ? `; no recording: ${noRecording}` : "");
  });
}

/**
 * Runs one phase's checks on a started app while the process table is sampled, then makes sure
 * the app is gone and reports the checks and the sampler together.
 */
async function supervise(
  child: Deno.ChildProcess,
  executable: string,
  mustSee: boolean,
  checks: (stdout: Lines, seen: () => number) => Promise<string>,
): Promise<string> {
  const watch = watchProcesses(child.pid, executable, mustSee);
  const stdout = readLines(child.stdout);
  const stderr = new Response(child.stderr).text();
  let report = "";
  let failure: unknown;
  try {
    report = await checks(stdout, watch.seen);
  } catch (error) {
    failure = error;
  }
  await forceStop(child);
  const watched = await watch.stop();
  const problems = [...watched.problems, ...await leftovers(executable)];
  if (failure !== undefined && !(failure instanceof SmokeError)) throw failure;
  const failures = [...(failure ? [(failure as Error).message] : []), ...problems];
  if (failures.length > 0) throw new SmokeError(failures.join("; ") + stderrTail(await stderr));
  return watched.seen === 0
    ? `${report}; done before the first process sample`
    : `${report}; one app process in each of ${watched.seen} process samples`;
}

/**
 * A copy that outlives the app is re-parented, so it is no longer the app's descendant. Only a
 * compiled binary can be looked for by name: other `deno` processes, this script's own included,
 * are not the app's.
 */
async function leftovers(executable: string): Promise<string[]> {
  if (sameExecutable(executable, Deno.execPath())) return [];
  const left = (await processTable()).filter((p) => sameExecutable(p.exe, executable));
  return left.length === 0
    ? []
    : [`still running after the app exited: pid ${left.map((p) => p.pid).join(", ")}`];
}

function spawn(command: string[], args: string[], cwd: string): Deno.ChildProcess {
  return new Deno.Command(command[0], {
    args: [...command.slice(1), ...args],
    cwd,
    env: { NO_COLOR: "1" }, // plain messages in the CI log
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

async function forceStop(child: Deno.ChildProcess): Promise<void> {
  try {
    child.kill(IS_WINDOWS ? "SIGTERM" : "SIGKILL");
  } catch {
    // already exited
  }
  await child.status;
}

interface Lines {
  lines: string[];
  /** the first line, or undefined when the stream ended without one */
  first: Promise<string | undefined>;
  /** resolves when the stream has ended */
  done: Promise<void>;
}

/** Lines of a stream as they come: the first one early, all of them once it ends. */
function readLines(stream: ReadableStream<Uint8Array>): Lines {
  const lines: string[] = [];
  const { promise: first, resolve: resolveFirst } = Promise.withResolvers<string | undefined>();
  const done = (async () => {
    let buffer = "";
    // TextDecoder rather than TextDecoderStream: the stream's typings clash with @types/node's
    // when this module is checked together with the tests.
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let i = buffer.indexOf("\n"); i >= 0; i = buffer.indexOf("\n")) {
        lines.push(buffer.slice(0, i).replace(/\r$/, ""));
        buffer = buffer.slice(i + 1);
        resolveFirst(lines[0]);
      }
    }
    if (buffer !== "") lines.push(buffer);
    resolveFirst(lines[0]);
  })();
  return { lines, first, done };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SmokeError(`timed out after ${ms / 1000} s waiting for ${what}`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function stderrTail(stderr: string): string {
  const tail = stderr.trimEnd().split("\n").slice(-20).join("\n  ");
  return tail === "" ? "" : `\n  app's stderr (end):\n  ${tail}`;
}

async function commandText(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdin: "null", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${cmd} exited with ${out.code}: ${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

if (import.meta.main) Deno.exit(await main(Deno.args));
