/**
 * @module
 * Hostile inputs: a folder of 50-odd kinds of malicious, broken or merely strange files (see
 * `hostile_kinds.ts`) plus a few normal ones, run through the real app twice. Every hostile file
 * must become a sensible note or be refused with a message that names what is wrong; the normal
 * files must become notes; the app must never crash, and it must write nothing outside the vault.
 *
 * "Nothing outside the vault" is checked three ways: a snapshot (path, kind, size, mtime, mode)
 * of everything else under the section's folder before and after each run, a look at every path
 * inside the vault, and, where strace is installed, a trace of every path the app's process
 * created, changed, renamed or removed, anywhere on the machine.
 */
import { join, resolve } from "node:path";
import type { EngineEvent } from "../../src/protocol/messages.ts";
import { FAULT_APP, ofType, runApp, watchApp } from "../../tests/support/app.ts";
import { writeText } from "../../tests/support/corpus.ts";
import { buildControls, buildKinds, type Expect, prose, TOO_SLOW } from "./hostile_kinds.ts";
import type { ProfileName, Section } from "./section.ts";
import { exists } from "../../src/fs/maybe_missing.ts";
import { parseFrontmatter } from "../../src/markdown/frontmatter.ts";

const MB = 1024 * 1024;

const SIZES: Record<ProfileName, {
  hugeBytes: number;
  longLineBytes: number;
  cues: number;
  bombBytes: number;
}> = {
  short: { hugeBytes: 1024 * MB, longLineBytes: 2 * MB, cues: 100_000, bombBytes: 1024 * MB },
  long: { hugeBytes: 1024 * MB, longLineBytes: 50 * MB, cues: 1_000_000, bombBytes: 3072 * MB },
};

export const hostileInputsSection: Section = {
  name: "hostile inputs",
  async run({ root, profile, seed }) {
    const r = await hostileInputs(root, profile, seed);
    const untestable = r.untestable.length > 0
      ? `; not testable here: ${r.untestable.join("; ")}`
      : "";
    return {
      tried: `${r.kinds} kinds of hostile input (${r.files} files) plus ${r.controls} normal ` +
        `files, run twice, and a held batch whose files are deleted or replaced after discovery` +
        (r.capsDropped ? "; as root, the app ran without the power to read past file modes" : "") +
        untestable,
      found: `${r.crashes} crashes, ${r.refused} refused with a specific error` +
        (r.slow ? ` (${r.slow} of them as too slow for the stall limit)` : "") +
        `, ${r.notes} notes, ` +
        `${r.hidden} hidden names passed over, ${r.outside} writes outside the vault` +
        (r.traced ? " (syscall trace)" : " (snapshot only: strace missing)") +
        (r.peakMb ? `, peak memory ${r.peakMb} MB` : "") +
        (r.hugePeakMb ? ` (${r.hugePeakMb} MB in a small batch with the ${r.hugeLabel} file)` : ""),
      problems: r.problems,
    };
  },
};

export interface HostileReport {
  kinds: number;
  files: number;
  controls: number;
  untestable: string[];
  crashes: number;
  refused: number;
  /** Refused because parsing or analysis outlasted the stall limit: a limit, not a defence. */
  slow: number;
  notes: number;
  hidden: number;
  outside: number;
  traced: boolean;
  /** Root's CAP_DAC_OVERRIDE was dropped for the app, so unreadable files are unreadable. */
  capsDropped: boolean;
  peakMb?: number;
  /** Peak memory of the held batch, which holds the huge file and little else. */
  hugePeakMb?: number;
  hugeLabel: string;
  problems: string[];
}

/** What became of one file in a run, from its events. */
interface Outcome {
  note?: string;
  /** The error of a failure that will not be retried, a quarantine or a skip. */
  refusal?: string;
  started: number;
}

export async function hostileInputs(
  root: string,
  profile: ProfileName,
  seed: number,
): Promise<HostileReport> {
  const input = join(root, "input");
  const vault = join(root, "vault");
  const harness = join(root, "harness");
  await Deno.mkdir(input);
  await Deno.mkdir(harness);
  const problems: string[] = [];
  const sandbox = await appSandbox(root, harness);
  let rewriter: Rewriter | undefined;
  const cleanups: (() => void)[] = [];
  try {
    const kinds = await buildKinds({
      input,
      seed,
      ...SIZES[profile],
      modesHold: sandbox.modesHold,
      cleanups,
    });
    sandbox.secrets.push(...kinds.flatMap((k) => k.secrets ?? []));
    const controls = await buildControls(input);
    const live = "changing/live.txt";
    rewriter = await startRewriter(join(input, live), MB);
    kinds.push({
      name: "a file rewritten over and over while the batch reads it",
      files: [{ path: live, expect: { noteOr: /kept changing while it was being read/ } }],
      check: (notes) => {
        const text = notes.get(live)?.text;
        return text && /alpha/.test(text) && /bravo/.test(text)
          ? ["its note mixes two versions of the file (a torn read)"]
          : [];
      },
    });
    const testable = kinds.filter((k) => !k.untestable);

    // ---- the first run, with a file being rewritten throughout
    const args = ["--batch", input, "--out", vault, "--json", "--workers", "2"];
    const volatile = new Set([join(input, live)]);
    const first = await sandbox.run("first run", args, volatile, async () => {
      await rewriter?.stop();
    });
    problems.push(...first.problems);
    const outcomes = outcomesOf(first.events, await placedNotes(vault));

    let refused = 0;
    let slow = 0;
    let notes = 0;
    let hidden = 0;
    const expected = new Set<string>();
    for (const k of testable) {
      const noteTexts = new Map<string, { path: string; text: string }>();
      for (const file of k.files) {
        expected.add(file.path);
        const outcome = outcomes.get(file.path);
        const verdict = await judge(file.expect, outcome, vault);
        if (verdict.problem) problems.push(`${k.name}: ${show(file.path)}: ${verdict.problem}`);
        if (verdict.kind === "refused") refused++;
        if (verdict.kind === "refused" && TOO_SLOW.test(outcome?.refusal ?? "")) slow++;
        if (verdict.kind === "note") notes++;
        if (verdict.kind === "hidden") hidden++;
        if (verdict.text !== undefined && outcome?.note) {
          noteTexts.set(file.path, { path: outcome.note, text: verdict.text });
        }
      }
      for (const p of k.check?.(noteTexts) ?? []) problems.push(`${k.name}: ${p}`);
    }
    for (const path of controls) {
      expected.add(path);
      const verdict = await judge({ note: true }, outcomes.get(path), vault);
      if (verdict.problem) problems.push(`normal file ${path}: ${verdict.problem}`);
    }
    for (const path of outcomes.keys()) {
      if (!expected.has(path)) problems.push(`the app reported a file no kind made: ${show(path)}`);
    }
    problems.push(...await vaultEscapes(vault));

    // ---- the same batch again: nothing finished is redone, nothing crashes
    const notesBefore = await sourceNotes(vault);
    const second = await sandbox.run("second run", args, new Set());
    problems.push(...second.problems);
    const liveNote = outcomes.get(live)?.note;
    for (const e of ofType(second.events, "file_started")) {
      if (e.path !== live) problems.push(`second run: ${show(e.path)} was processed again`);
    }
    const notesAfter = await sourceNotes(vault);
    for (const [path, text] of notesBefore) {
      if (path === liveNote) continue;
      if (notesAfter.get(path) !== text) problems.push(`second run: ${path} changed or went`);
    }
    problems.push(...await vaultEscapes(vault));

    // ---- files deleted or replaced between discovery and processing
    const huge = join(input, "big/huge-line.txt");
    const held = await heldBatch(root, sandbox, { path: huge, bytes: SIZES[profile].hugeBytes });
    problems.push(...held.problems);

    return {
      kinds: testable.length + held.kinds,
      files: testable.reduce((n, k) => n + k.files.length, 0) + held.files,
      controls: controls.length + held.controls,
      untestable: kinds.filter((k) => k.untestable).map((k) => `${k.name} (${k.untestable})`),
      crashes: first.crashed + second.crashed + held.crashed,
      refused: refused + held.refused,
      slow,
      notes: notes + held.notes,
      hidden,
      outside: first.outside + second.outside + held.outside,
      traced: sandbox.traced,
      capsDropped: sandbox.capsDropped,
      ...(first.peakKb ? { peakMb: Math.round(first.peakKb / 1024) } : {}),
      ...(held.peakKb ? { hugePeakMb: Math.round(held.peakKb / 1024) } : {}),
      hugeLabel: `${SIZES[profile].hugeBytes / (1024 * MB)} GB`,
      problems,
    };
  } finally {
    await rewriter?.stop();
    for (const cleanup of cleanups) cleanup();
    // Undo what would stop the runner from removing the folder, and drop the large files now.
    await Deno.chmod(join(input, "locked/closed"), 0o755).catch(() => {});
    await Deno.chmod(join(input, "locked/secret.txt"), 0o644).catch(() => {});
    for (const big of ["big/huge-line.txt", "big/sparse.md", "big/long-line.txt"]) {
      await Deno.remove(join(input, big)).catch(() => {});
    }
    await Deno.remove(join(root, "gated", "huge-line.txt")).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Judging outcomes

type Verdict = {
  kind: "note" | "refused" | "hidden" | "wrong";
  problem?: string;
  /** The note's text, for the kind's own checks. */
  text?: string;
};

async function judge(
  expect: Expect,
  outcome: Outcome | undefined,
  vault: string,
): Promise<Verdict> {
  if ("hidden" in expect) {
    return outcome
      ? { kind: "wrong", problem: `a hidden file was read: ${describe(outcome)}` }
      : { kind: "hidden" };
  }
  if (!outcome) return { kind: "wrong", problem: "no outcome reported: no note, no error" };
  if (outcome.note !== undefined) {
    if ("refused" in expect) {
      return { kind: "wrong", problem: `became a note (${outcome.note}); expected a refusal` };
    }
    const text = await readNote(vault, outcome.note);
    if (typeof text !== "string") return { kind: "wrong", problem: text.problem };
    const detail = "refused" in expect ? undefined : expect.check?.(text);
    return detail ? { kind: "wrong", problem: detail, text } : { kind: "note", text };
  }
  const refusal = outcome.refusal ?? "";
  if ("note" in expect) return { kind: "wrong", problem: `refused, expected a note: ${refusal}` };
  const pattern = "refused" in expect ? expect.refused : expect.noteOr;
  if (!pattern.test(refusal)) {
    return { kind: "wrong", problem: `refused with an unexpected error: ${refusal}` };
  }
  const vague = unclear(refusal);
  return vague
    ? { kind: "wrong", problem: `unclear error (${vague}): ${refusal}` }
    : { kind: "refused" };
}

/** Why an error message would not help a user, if it would not. */
function unclear(message: string): string | undefined {
  const text = message.trim();
  if (text.length < 12) return "too short to say what is wrong";
  if (/^(?:[A-Za-z]*Error|unknown error)(?::|$)/i.test(text)) return "a bare error name";
  if (/\n\s+at |\(?(?:file|ext|node):[^\s)]+:\d+:\d+\)?/.test(text)) return "a stack trace";
  if (/\[object \w+\]|\bundefined\b|\bNaN\b/.test(text)) return "a programming artefact";
  if (text.endsWith(".")) return "ends with a period";
  return undefined;
}

/**
 * Where each source's note is at the end: a later commit earlier in walk order moves the notes
 * after it up a suffix ("report (2)" becomes "report (3)"), so a `file_done` event's path can be
 * out of date by then.
 */
async function placedNotes(vault: string): Promise<Map<string, string>> {
  const placed = new Map<string, string>();
  try {
    for await (const entry of Deno.readDir(join(vault, "Sources"))) {
      if (!entry.isFile || !entry.name.endsWith(".md")) continue;
      const note = `Sources/${entry.name}`;
      const { data } = parseFrontmatter(await Deno.readTextFile(join(vault, note)));
      const source = (data as { source?: unknown } | null)?.source;
      if (typeof source === "string") placed.set(source, note);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return placed;
}

function outcomesOf(events: EngineEvent[], placed: Map<string, string>): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  const of = (path: string) => {
    let o = outcomes.get(path);
    if (!o) outcomes.set(path, o = { started: 0 });
    return o;
  };
  for (const e of events) {
    if (e.type === "file_started") of(e.path).started++;
    else if (e.type === "file_done") {
      Object.assign(of(e.path), { note: placed.get(e.path) ?? e.note, refusal: undefined });
    } else if (e.type === "file_failed" && !e.willRetry) of(e.path).refusal = e.error;
    else if (e.type === "file_quarantined") of(e.path).refusal = e.error;
    else if (e.type === "file_skipped") of(e.path).refusal = e.reason;
  }
  return outcomes;
}

function describe(o: Outcome): string {
  return o.note ? `note ${o.note}` : o.refusal ? `refused: ${o.refusal}` : "started";
}

/** A path as it appears in a problem line: control characters visible. */
function show(path: string): string {
  // deno-lint-ignore no-control-regex
  return /[\u0000-\u001f\u202e]/.test(path) ? JSON.stringify(path) : path;
}

async function readNote(vault: string, note: string): Promise<string | { problem: string }> {
  if (
    note.startsWith("/") || note.split("/").includes("..") || !/^Sources\/[^/]+\.md$/.test(note)
  ) {
    return { problem: `its note path is not a plain name in Sources/: ${show(note)}` };
  }
  // What no file name should hold on some OS, and bidi controls that disguise an extension.
  // deno-lint-ignore no-control-regex
  if (/[\u0000-\u001f\u007f:*"\\<>|?\u202a-\u202e\u2066-\u2069]/.test(note)) {
    return { problem: `its note name holds a character unsafe in file names: ${show(note)}` };
  }
  try {
    return await Deno.readTextFile(join(vault, note));
  } catch (error) {
    return { problem: `its note ${show(note)} cannot be read: ${(error as Error).message}` };
  }
}

/** Paths inside the vault that could lead out of it: symlinks, or anything resolving outside. */
async function vaultEscapes(vault: string): Promise<string[]> {
  const problems: string[] = [];
  const real = await Deno.realPath(vault);
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(dir)) {
      const path = join(dir, entry.name);
      if (entry.isSymlink) problems.push(`the vault holds a symlink: ${show(path)}`);
      else if (!(await Deno.realPath(path)).startsWith(real + "/")) {
        problems.push(`a vault path resolves outside it: ${show(path)}`);
      } else if (entry.isDirectory) await walk(path);
    }
  };
  await walk(vault);
  return problems;
}

async function sourceNotes(vault: string): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  for await (const entry of Deno.readDir(join(vault, "Sources"))) {
    notes.set(`Sources/${entry.name}`, await Deno.readTextFile(join(vault, "Sources", entry.name)));
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Running the app: dropped privileges, traced, measured, and snapshotted around

interface RunResult {
  events: EngineEvent[];
  crashed: number;
  outside: number;
  peakKb?: number;
  problems: string[];
}

interface AppSandbox {
  /** Whether file modes bind the app (not root, or root without CAP_DAC_OVERRIDE). */
  modesHold: boolean;
  /** Paths outside the input that no process of the app may open, for any purpose. */
  secrets: string[];
  capsDropped: boolean;
  traced: boolean;
  run(
    label: string,
    args: string[],
    volatile: Set<string>,
    after?: () => Promise<void>,
    watch?: { entry: string; onEvent: (event: EngineEvent) => void },
  ): Promise<RunResult>;
}

/** What the app's writes outside the vault may touch: the runtime's own cache (`deno run` only;
 * a compiled binary has none) and the devices every process writes to. */
async function allowedOutside(): Promise<string[]> {
  const info = await new Deno.Command(Deno.execPath(), { args: ["info", "--json"] }).output();
  const denoDir = JSON.parse(new TextDecoder().decode(info.stdout)).denoDir as string;
  return [denoDir, "/dev/null", "/dev/tty", "/dev/pts", "/proc/self"];
}

async function appSandbox(root: string, harness: string): Promise<AppSandbox> {
  const cwd = join(root, "cwd");
  const tmp = join(root, "tmp");
  await Deno.mkdir(cwd);
  await Deno.mkdir(tmp);
  // As root the app reads past file modes; without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH it
  // is bound by them like any user, which is what the unreadable files need.
  const drop = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"];
  const asRoot = Deno.uid() === 0;
  const canDrop = asRoot && await succeeds(drop[0], [...drop.slice(1), "true"]);
  const traced = await succeeds("strace", ["-f", "-qq", "-e", "trace=none", "true"]);
  const timed = await succeeds("/usr/bin/time", ["-f", "%M", "-o", "/dev/null", "true"]);
  const allowed = traced ? await allowedOutside() : [];
  let runs = 0;

  const secrets: string[] = [];
  return {
    secrets,
    modesHold: !asRoot || canDrop,
    capsDropped: canDrop,
    traced,
    async run(label, args, volatile, after, watch) {
      const n = ++runs;
      const problems: string[] = [];
      const traceDir = join(harness, `trace-${n}`);
      const timeFile = join(harness, `time-${n}`);
      await Deno.mkdir(traceDir);
      const wrap = [
        ...(timed ? ["/usr/bin/time", "-f", "%M", "-o", timeFile] : []),
        ...(traced ? ["strace", ...STRACE, "-o", join(traceDir, "t")] : []),
        ...(canDrop ? drop : []),
      ];
      const skip = new Set([join(root, "vault"), join(root, "gated-vault"), harness]);
      const before = await snapshot(root, skip);
      const env = { TMPDIR: tmp };
      const result = watch
        ? await watchApp(args, (event) => watch.onEvent(event), { entry: watch.entry, env, wrap })
        : await runApp(args, { cwd, env, wrap });
      await after?.();

      let crashed = 0;
      const crash = (why: string) => {
        crashed = 1;
        problems.push(`${label}: ${why}`);
      };
      if (result.code !== 0 && result.code !== 1) {
        crash(`exited ${result.code}: ${tail(result.stderr)}`);
      }
      const uncaught = /Uncaught|panicked|RUST_BACKTRACE|^\s+at \S+.*:\d+:\d+\)?$/m.exec(
        result.stderr,
      );
      if (uncaught) crash(`an uncaught error on stderr: ${uncaught[0].trim()}`);
      if (result.events.at(-1)?.type !== "job_finished") {
        crash("the events do not end with job_finished");
      }

      // Each path outside the vault that the app changed counts once, however it was seen.
      const outside = new Set<string>();
      const after2 = await snapshot(root, skip);
      for (const change of compare(before, after2, volatile)) {
        outside.add(change.path);
        problems.push(`${label}: outside the vault, ${change.what}`);
      }
      if (traced && secrets.length > 0) {
        for (const open of await tracedOpens(traceDir)) {
          if (!within(open, secrets)) continue;
          outside.add(open);
          problems.push(`${label}: a process of the app opened ${show(open)}, outside the input`);
        }
      }
      if (traced) {
        const vaults = [join(root, "vault"), join(root, "gated-vault")];
        const writes = await tracedWrites(traceDir);
        // The app writes its vault in every run: a trace without a write there saw nothing.
        if (!writes.some((write) => within(write.path, vaults))) {
          problems.push(`${label}: the syscall trace saw no write, not even to the vault`);
        }
        for (const write of writes) {
          if (within(write.path, vaults) || within(write.path, allowed)) continue;
          // Temporary files are allowed where the app was told to put them, if they are gone.
          if (within(write.path, [tmp]) && !(await exists(write.path))) continue;
          if (outside.has(write.path)) continue;
          outside.add(write.path);
          problems.push(
            `${label}: the app wrote outside the vault: ${write.call} ${show(write.path)}`,
          );
        }
      }
      let peakKb: number | undefined;
      if (timed) {
        const text = await Deno.readTextFile(timeFile).catch(() => "");
        const kb = Number(/(\d+)\s*$/.exec(text)?.[1]);
        if (Number.isFinite(kb)) peakKb = kb;
      }
      await Deno.remove(traceDir, { recursive: true });
      return { events: result.events, crashed, outside: outside.size, peakKb, problems };
    },
  };
}

/** Every system call that creates, changes, renames or removes a path. */
const WRITE_CALLS = [
  "open",
  "openat",
  "creat",
  "mkdir",
  "mkdirat",
  "rename",
  "renameat",
  "renameat2",
  "unlink",
  "unlinkat",
  "rmdir",
  "symlink",
  "symlinkat",
  "link",
  "linkat",
  "truncate",
  "chmod",
  "fchmodat",
  "chown",
  "lchown",
  "fchownat",
  "utimensat",
  "mknod",
  "mknodat",
];
const STRACE = [
  "-f",
  "-ff",
  "--seccomp-bpf",
  "-qq",
  "-xx",
  "-y",
  "-s",
  "65535",
  "-e",
  `trace=${WRITE_CALLS.join(",")}`,
];

/** Which arguments of each call name a written path: [dirfd index or -1, path index]. */
const WRITTEN: Record<string, [number, number][]> = {
  open: [[-1, 0]],
  creat: [[-1, 0]],
  openat: [[0, 1]],
  mkdir: [[-1, 0]],
  mkdirat: [[0, 1]],
  rename: [[-1, 0], [-1, 1]],
  renameat: [[0, 1], [2, 3]],
  renameat2: [[0, 1], [2, 3]],
  unlink: [[-1, 0]],
  unlinkat: [[0, 1]],
  rmdir: [[-1, 0]],
  symlink: [[-1, 1]],
  symlinkat: [[1, 2]],
  link: [[-1, 1]],
  linkat: [[2, 3]],
  truncate: [[-1, 0]],
  chmod: [[-1, 0]],
  fchmodat: [[0, 1]],
  chown: [[-1, 0]],
  lchown: [[-1, 0]],
  fchownat: [[0, 1]],
  utimensat: [[0, 1]],
  mknod: [[-1, 0]],
  mknodat: [[0, 1]],
};

/** Every path the traced processes opened, for reading or writing, from strace's logs. */
async function tracedOpens(dir: string): Promise<string[]> {
  const opens: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const text = await Deno.readTextFile(join(dir, entry.name));
    for (const line of text.split("\n")) {
      const m = /^(open|openat)\((.*)\) = (\d+)/.exec(line);
      if (!m) continue;
      const args = m[2].split(", ");
      const [dirArg, pathArg] = WRITTEN[m[1]][0];
      const path = quoted(args[pathArg]);
      if (path !== undefined) {
        opens.push(resolve(dirArg >= 0 ? annotated(args[dirArg]) ?? "/" : "/", path));
      }
    }
  }
  return opens;
}

/** The paths the traced processes wrote, from strace's per-thread logs. */
async function tracedWrites(dir: string): Promise<{ call: string; path: string }[]> {
  const writes: { call: string; path: string }[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const text = await Deno.readTextFile(join(dir, entry.name));
    for (const line of text.split("\n")) {
      const m = /^(\w+)\((.*)\) = (\d+)/.exec(line);
      if (!m || !(m[1] in WRITTEN)) continue;
      const [, call, rest] = m;
      // With -xx every string is hex escapes, so commas only separate arguments.
      const args = rest.split(", ");
      if ((call === "open" || call === "openat") && !/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(rest)) {
        continue;
      }
      for (const [dirArg, pathArg] of WRITTEN[call]) {
        const path = quoted(args[pathArg]);
        const base = dirArg >= 0 ? annotated(args[dirArg]) : "/";
        if (path === undefined) {
          // utimensat on an open file: the descriptor names the path.
          if (call === "utimensat" && base) writes.push({ call, path: base });
          continue;
        }
        writes.push({ call, path: resolve(base ?? "/", path) });
      }
    }
  }
  return writes;
}

function unhex(text: string): string {
  const raw = Uint8Array.from(
    text.match(/\\x([0-9a-f]{2})/g) ?? [],
    (h) => parseInt(h.slice(2), 16),
  );
  return new TextDecoder().decode(raw);
}

function quoted(arg: string | undefined): string | undefined {
  const m = /^"((?:\\x[0-9a-f]{2})*)"/.exec(arg ?? "");
  return m ? unhex(m[1]) : undefined;
}

function annotated(arg: string | undefined): string | undefined {
  const m = /<((?:\\x[0-9a-f]{2})*)>/.exec(arg ?? "");
  return m ? unhex(m[1]) : undefined;
}

function within(path: string, folders: string[]): boolean {
  return folders.some((f) => path === f || path.startsWith(f.endsWith("/") ? f : f + "/"));
}

type Snapshot = Map<string, string>;

/** Every path under `dir` but `skip`, with its kind, size, mtime and mode; links not followed. */
async function snapshot(dir: string, skip: Set<string>): Promise<Snapshot> {
  const seen: Snapshot = new Map();
  const walk = async (folder: string) => {
    for await (const entry of Deno.readDir(folder)) {
      const path = join(folder, entry.name);
      if (skip.has(path)) continue;
      let s: Deno.FileInfo;
      try {
        s = await Deno.lstat(path);
      } catch (error) {
        // Deno lists a name that is not UTF-8 with U+FFFD in it, and that name does not exist.
        if (!(error instanceof Deno.errors.NotFound) || !entry.name.includes("\uFFFD")) throw error;
        seen.set(path, "a name that is not UTF-8");
        continue;
      }
      const kind = s.isFile ? "file" : s.isDirectory ? "dir" : s.isSymlink ? "link" : "special";
      seen.set(path, `${kind} ${s.size} ${s.mtime?.getTime()} ${s.mode?.toString(8)}`);
      if (s.isDirectory) await walk(path);
    }
  };
  await walk(dir);
  return seen;
}

function compare(
  before: Snapshot,
  after: Snapshot,
  volatile: Set<string>,
): { path: string; what: string }[] {
  const changes: { path: string; what: string }[] = [];
  for (const [path, was] of before) {
    if (volatile.has(path)) continue;
    const now = after.get(path);
    if (now === undefined) changes.push({ path, what: `removed ${show(path)}` });
    else if (now !== was) changes.push({ path, what: `changed ${show(path)} (${was} -> ${now})` });
  }
  for (const path of after.keys()) {
    if (!before.has(path) && !volatile.has(path)) {
      changes.push({ path, what: `created ${show(path)}` });
    }
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// A held batch: files deleted and replaced between discovery and processing

interface HeldReport {
  peakKb?: number;
  kinds: number;
  files: number;
  controls: number;
  crashed: number;
  refused: number;
  notes: number;
  outside: number;
  problems: string[];
}

/**
 * One sandbox, held on its first file (the fault thread's `__gate__`) until the walk has found
 * and hashed every file; then one file is deleted and one rewritten, and the gate opens. The huge
 * single-line file is linked in too: in a batch this small, the app's peak memory shows whether
 * it was read whole.
 */
async function heldBatch(
  root: string,
  sandbox: AppSandbox,
  huge: { path: string; bytes: number },
): Promise<HeldReport> {
  const input = join(root, "gated");
  const vault = join(root, "gated-vault");
  await writeText(join(input, "000 __gate__.txt"), prose("gate"));
  await Deno.link(huge.path, join(input, "huge-line.txt"));
  await writeText(join(input, "deleted.txt"), prose("lost ledger"));
  await writeText(join(input, "replaced.txt"), "The first version of this file. " + prose("mill"));
  // The folder too: its mtime changes with the deletion.
  const volatile = new Set([
    input,
    join(input, "deleted.txt"),
    join(input, "replaced.txt"),
    join(input, ".release"),
  ]);
  let opened = false;
  const run = await sandbox.run(
    "held batch",
    ["--batch", input, "--out", vault, "--json", "--workers", "1"],
    volatile,
    undefined,
    {
      entry: FAULT_APP,
      onEvent: (event) => {
        // job_total comes when the walk has recorded every file: all are discovered and hashed.
        if (event.type !== "job_total" || opened) return;
        opened = true;
        Deno.removeSync(join(input, "deleted.txt"));
        Deno.writeTextFileSync(join(input, "replaced.txt"), "The second version. " + prose("mill"));
        Deno.writeTextFileSync(join(input, ".release"), "");
      },
    },
  );
  const problems = [...run.problems];
  if (!opened) problems.push("held batch: the walk never reported its total, so nothing was held");
  const outcomes = outcomesOf(run.events, await placedNotes(vault));
  let refused = 0;
  let notes = 0;
  const kinds: [string, string, Expect][] = [
    ["a file deleted between discovery and processing", "deleted.txt", {
      refused: /disappeared before it could be read/,
    }],
    ["a file replaced between discovery and processing", "replaced.txt", {
      note: true,
      check: (text) =>
        text.includes("second version") && !text.includes("first version")
          ? undefined
          : "its note is not the version the file held when it was read",
    }],
  ];
  for (const [name, path, expect] of kinds) {
    const verdict = await judge(expect, outcomes.get(path), vault);
    if (verdict.problem) problems.push(`${name}: ${verdict.problem}`);
    if (verdict.kind === "refused") refused++;
    if (verdict.kind === "note") notes++;
  }
  const gate = await judge({ note: true }, outcomes.get("000 __gate__.txt"), vault);
  if (gate.problem) problems.push(`held batch, normal file: ${gate.problem}`);
  const big = await judge({ refused: /file too large/ }, outcomes.get("huge-line.txt"), vault);
  if (big.problem) problems.push(`held batch, the huge file: ${big.problem}`);
  // The app alone takes about 200 MB; half the file's size means it was read, not refused.
  if (run.peakKb !== undefined && run.peakKb * 1024 > huge.bytes / 2) {
    problems.push(
      `held batch: memory peaked at ${Math.round(run.peakKb / 1024)} MB with a ` +
        `${Math.round(huge.bytes / MB)} MB file in it: the file was read, not refused by its size`,
    );
  }
  return {
    ...(run.peakKb !== undefined ? { peakKb: run.peakKb } : {}),
    kinds: kinds.length,
    files: kinds.length,
    controls: 1,
    crashed: run.crashed,
    refused,
    notes,
    outside: run.outside,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// A file that changes while the batch reads it

interface Rewriter {
  stop(): Promise<void>;
}

/**
 * Rewrites `path` in place, over and over, alternating two versions of the same size ("alpha"
 * words and "bravo" words) in 256 KB writes, until stopped; it stops after a whole version, so
 * the file is left whole.
 */
async function startRewriter(path: string, size: number): Promise<Rewriter> {
  const versions = ["alpha ", "bravo "].map((word) =>
    new TextEncoder().encode(word.repeat(size / 6))
  );
  await writeText(path, versions[0]);
  let stopping = false;
  const file = await Deno.open(path, { write: true });
  const loop = (async () => {
    try {
      for (let v = 1; !stopping; v ^= 1) {
        await file.seek(0, Deno.SeekMode.Start);
        for (let at = 0; at < versions[v].length; at += 256 * 1024) {
          await file.write(versions[v].subarray(at, at + 256 * 1024));
          // A pause between writes keeps this loop from taking a whole core from the app.
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    } finally {
      file.close();
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop.catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function succeeds(command: string, args: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(command, { args, stdout: "null", stderr: "null" }).output();
    return out.success;
  } catch {
    return false;
  }
}

function tail(text: string): string {
  return text.trim().split("\n").slice(-3).join(" / ");
}
