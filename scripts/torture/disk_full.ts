/**
 * @module
 * Disk full: the vault lives on a small filesystem the section mounts (tmpfs as root, else tmpfs
 * in a user namespace, else a loop-mounted ext4 image), with a filler file leaving room for only
 * part of a mixed batch; the inputs stay outside. The job must stop with a clear error saying
 * the disk is full, where, and what to do, leave no torn note, stop the same way when run again
 * on the still full disk, and, once the filler is deleted, resume without redoing a finished file
 * and end with the vault of an uninterrupted run, byte for byte, maps included.
 */
import { join } from "node:path";
import type { EngineEvent } from "../../src/protocol/messages.ts";
import { readNote } from "../../src/vault/read_note.ts";
import { parseFrontmatter } from "../../src/markdown/frontmatter.ts";
import { renderNote } from "../../src/vault/render_note.ts";
import { ofType, parseEvents, runApp } from "../../tests/support/app.ts";
import { snapshotVault } from "../../tests/support/corpus.ts";
import { runArgs } from "../release.ts";
import { makeMixedCorpus } from "./mixed_corpus.ts";
import { lastLines, type Section } from "./section.ts";

const SIZES = {
  short: { files: 30, recordings: 1, levels: [0.3, 0.9] },
  long: { files: 150, recordings: 2, levels: [0.1, 0.3, 0.5, 0.7, 0.9, 1.2] },
};

export const diskFullSection: Section = {
  name: "disk full",
  async run({ root, profile }) {
    const size = SIZES[profile];
    let disk: SmallDisk;
    try {
      disk = await mountSmallDisk(root);
    } catch (error) {
      return {
        tried: "",
        found: "",
        problems: [],
        skipped: `mounts are forbidden here: ${(error as Error).message}`,
      };
    }
    try {
      const r = await diskFull(root, disk, size);
      const where = Object.entries(r.failedAt).map(([what, n]) => `${n} at ${what}`).join(", ");
      return {
        tried: `a ${r.files}-file mixed batch (${r.recordings} recordings) onto a ${disk.kind}, ` +
          `a filler leaving room for ${
            r.levels.map((l) => `${Math.round(l * 100)}%`).join(", ")
          } ` +
          "of what the finished vault takes; each run again on the still full disk, then after " +
          "the filler was deleted",
        found: `${r.stopped} of ${r.levels.length} stopped with a disk-full error (${where}), ` +
          `${r.fitted} fitted, ${r.stoppedAgain} stopped again on the still full disk, ` +
          `${r.torn} torn notes, ${r.tempLeft} temp files left (swept on resume), ${r.crashes} ` +
          `crashes, ${r.redone} finished files redone, ${r.differing} vaults differing from an ` +
          "uninterrupted run",
        problems: r.problems,
      };
    } finally {
      await disk.close();
    }
  },
};

/** A small filesystem for the vault, mounted by the section and undone by `close`. */
export interface SmallDisk {
  kind: string;
  /** The folder as the app sees it. */
  dir: string;
  /** The same folder as this process reads and writes it. */
  here(path: string): string;
  /** The app's command line, run where it sees the small disk. */
  command(args: string[]): Deno.Command;
  /** Free bytes on it. */
  free(): Promise<number>;
  close(): Promise<void>;
}

/** Bytes of the small filesystem: room for the largest fill level and the filler's slack. */
const DISK_BYTES = 48 * 1024 * 1024;

/**
 * Mounts a small filesystem under `root`, trying what the machine allows in turn (or only the
 * `ways` given, by name).
 * @throws {Error} saying why each way failed, when none works
 */
export async function mountSmallDisk(
  root: string,
  ways = Object.keys(MOUNTS),
): Promise<SmallDisk> {
  const dir = join(root, "small");
  await Deno.mkdir(dir, { recursive: true });
  const failures: string[] = [];
  for (const kind of ways) {
    try {
      return await MOUNTS[kind](dir, root);
    } catch (error) {
      failures.push(`${kind}: ${(error as Error).message}`);
    }
  }
  throw new Error(failures.join("; "));
}

const MOUNTS: Record<string, (dir: string, root: string) => Promise<SmallDisk>> = {
  "tmpfs": async (dir) => {
    await run("mount", ["-t", "tmpfs", "-o", `size=${DISK_BYTES}`, "tmpfs", dir]);
    return {
      kind: "tmpfs",
      dir,
      here: (path) => path,
      command: (args) => appCommand([], args),
      free: () => freeBytes([], dir),
      close: () => unmount(dir),
    };
  },
  "user namespace": async (dir) => {
    // A process that holds a user and mount namespace with the tmpfs; the app joins it.
    const holder = new Deno.Command("unshare", {
      args: [
        "--user",
        "--map-root-user",
        "--mount",
        "sh",
        "-c",
        `mount -t tmpfs -o size=${DISK_BYTES} tmpfs '${dir}' && echo ready && exec sleep 86400`,
      ],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const reader = holder.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let said = "";
    while (!said.includes("ready")) {
      const { value, done } = await reader.read();
      if (done) {
        await holder.status;
        throw new Error((await new Response(holder.stderr).text()).trim() || "unshare failed");
      }
      said += value;
    }
    await reader.cancel();
    await holder.stderr.cancel();
    const enter = ["nsenter", "-t", String(holder.pid), "-U", "-m", "--preserve-credentials"];
    return {
      kind: "tmpfs in a user namespace",
      dir,
      here: (path) => `/proc/${holder.pid}/root${path}`,
      command: (args) => appCommand(enter, args),
      free: () => freeBytes(enter, dir),
      close: async () => {
        holder.kill("SIGKILL");
        await holder.status;
      },
    };
  },
  "loop-mounted ext4": async (dir, root) => {
    const image = join(root, "small.ext4");
    await Deno.writeFile(image, new Uint8Array(0));
    await Deno.truncate(image, DISK_BYTES);
    await run("mkfs.ext4", ["-q", "-F", "-m", "0", image]);
    await run("mount", ["-o", "loop", image, dir]);
    return {
      kind: "loop-mounted ext4 image",
      dir,
      here: (path) => path,
      command: (args) => appCommand([], args),
      free: () => freeBytes([], dir),
      close: () => unmount(dir),
    };
  },
};

export interface DiskFullOptions {
  files: number;
  recordings: number;
  /** Room left for the vault, as fractions of what an uninterrupted run leaves in it. */
  levels: number[];
}

export interface DiskFullReport {
  files: number;
  recordings: number;
  levels: number[];
  /** Levels whose batch fitted after all: nothing to stop. */
  fitted: number;
  /** Levels whose first run stopped with the disk-full error. */
  stopped: number;
  /** Of those, how many stopped the same way when run again before space was freed. */
  stoppedAgain: number;
  /** What failed when the disk filled: "a note", "the job store", "scratch files". */
  failedAt: Record<string, number>;
  torn: number;
  /** Temp files of cut-short writes left by the stopped runs (the next run must sweep them). */
  tempLeft: number;
  /** Runs that ended with an uncaught error or a stack trace instead of the message. */
  crashes: number;
  redone: number;
  differing: number;
  problems: string[];
}

const FULL_MESSAGE =
  /the disk holding the vault (\S+) is full .*free some space on it, then resume/;

export async function diskFull(
  root: string,
  disk: SmallDisk,
  o: DiskFullOptions,
): Promise<DiskFullReport> {
  const input = join(root, "input");
  const corpus = await makeMixedCorpus(input, o.files, o.recordings);
  const problems: string[] = [];
  const reference = join(root, "reference");
  const ref = await runApp(["--batch", input, "--out", reference, "--json"]);
  if (ref.code !== 0) {
    problems.push(`the uninterrupted run exited ${ref.code}: ${lastLines(ref.stderr)}`);
  }
  const want = await snapshotVault(reference, { maps: true });
  const need = await allocated(reference);

  const report: DiskFullReport = {
    ...corpus,
    levels: o.levels,
    fitted: 0,
    stopped: 0,
    stoppedAgain: 0,
    failedAt: {},
    torn: 0,
    tempLeft: 0,
    crashes: 0,
    redone: 0,
    differing: 0,
    problems,
  };
  for (const [i, level] of o.levels.entries()) {
    const say = (p: string) => problems.push(`room for ${level} of the vault: ${p}`);
    const vault = join(disk.dir, `vault-${i}`);
    const args = ["--batch", input, "--out", vault, "--json"];
    const filler = join(disk.dir, `filler-${i}`);
    const room = Math.round(level * need);
    await Deno.writeFile(disk.here(filler), new Uint8Array(Math.max(0, await disk.free() - room)));

    const finished = new Set<string>();
    const first = await runOn(disk, args);
    for (const e of ofType(first.events, "file_done")) finished.add(e.path);
    if (first.code === 0) report.fitted++;
    else if (judgeStop(first, vault, say, report)) {
      report.stopped++;
      const where = failedAt(first.events);
      report.failedAt[where] = (report.failedAt[where] ?? 0) + 1;
    }
    await checkNotTorn(disk.here(vault), want, say, report);

    // Still full: it must stop the same way, and redo nothing it finished.
    const again = await runOn(disk, args);
    report.redone += countRedone(again.events, finished, say);
    for (const e of ofType(again.events, "file_done")) finished.add(e.path);
    if (again.code !== 0 && judgeStop(again, vault, say, report)) report.stoppedAgain++;
    await checkNotTorn(disk.here(vault), want, say, report);

    await Deno.remove(disk.here(filler));
    const resumed = await runOn(disk, args);
    report.redone += countRedone(resumed.events, finished, say);
    if (resumed.code !== 0) {
      say(`the run after space was freed exited ${resumed.code}: ${lastLines(resumed.stderr)}`);
    }
    const crashed = ofType(resumed.events, "state_recovered").filter((e) => e.crashedRuns > 0);
    if (crashed.length > 0) say("a stopped run was not closed: its resume took it for a crash");
    for (const e of ofType(resumed.events, "file_quarantined")) say(`${e.path} was quarantined`);
    for (const e of ofType(resumed.events, "file_failed")) say(`${e.path} failed: ${e.error}`);

    const got = await snapshotVault(disk.here(vault), { maps: true });
    let differs = false;
    for (const [path, text] of want) {
      if (got.get(path) !== text) {
        differs = true;
        say(
          `${path} ${got.has(path) ? "differs from" : "is missing, unlike"} the uninterrupted run`,
        );
      }
    }
    for (const path of got.keys()) {
      if (!want.has(path)) {
        differs = true;
        say(`${path} is not in the uninterrupted run's vault`);
      }
    }
    if (differs) report.differing++;
    await Deno.remove(disk.here(vault), { recursive: true });
  }
  return report;
}

interface Run {
  code: number;
  events: EngineEvent[];
  stderr: string;
}

async function runOn(disk: SmallDisk, args: string[]): Promise<Run> {
  const out = await disk.command(args).output();
  const stdout = new TextDecoder().decode(out.stdout);
  return {
    code: out.code,
    events: parseEvents(stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

/** Whether a run stopped as it should on a full disk; says what was wrong otherwise. */
function judgeStop(run: Run, vault: string, say: (p: string) => void, report: DiskFullReport) {
  if (/Uncaught|^\s+at /m.test(run.stderr)) {
    report.crashes++;
    say(`a crash instead of a message: ${lastLines(run.stderr, 6)}`);
    return false;
  }
  let ok = true;
  if (run.code !== 2) {
    say(`exit code ${run.code}, not 2: ${lastLines(run.stderr)}`);
    ok = false;
  }
  const failed = ofType(run.events, "job_failed");
  const named = (text: string) => FULL_MESSAGE.exec(text)?.[1]?.startsWith(vault) ?? false;
  if (!failed.some((e) => named(e.error))) {
    say(`no job_failed event says the disk holding ${vault} is full`);
    ok = false;
  }
  if (!run.stderr.split("\n").some(named)) {
    say(`no line on stderr says the disk holding ${vault} is full: ${lastLines(run.stderr)}`);
    ok = false;
  }
  return ok;
}

function failedAt(events: EngineEvent[]): string {
  const error = ofType(events, "job_failed")[0]?.error ?? "";
  if (/cannot write the note/.test(error)) return "a note";
  if (/scratch files/.test(error)) return "scratch files";
  return "the job store";
}

/**
 * Every note in the stopped vault is whole: read back and rendered with the uninterrupted run's
 * related notes, it is that run's note byte for byte (its own related notes come after the batch).
 */
async function checkNotTorn(
  vault: string,
  want: Map<string, string>,
  say: (p: string) => void,
  report: DiskFullReport,
) {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(join(vault, "Sources")));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw error;
  }
  for (const entry of entries) {
    const path = `Sources/${entry.name}`;
    if (entry.name.startsWith(".gleaner-tmp-")) {
      report.tempLeft++;
      continue;
    }
    const text = await Deno.readTextFile(join(vault, path));
    const reference = want.get(path);
    const back = readNote(text);
    const source = parseFrontmatter(text).data?.source;
    const whole = reference !== undefined && back !== undefined && typeof source === "string" &&
      renderNote(back.draft, { source, related: readNote(reference)?.related ?? [] }) ===
        reference;
    if (!whole) {
      report.torn++;
      say(`${path} is torn or not the note an uninterrupted run writes`);
    }
  }
}

function countRedone(events: EngineEvent[], finished: Set<string>, say: (p: string) => void) {
  const again = new Set(
    ofType(events, "file_started").map((e) => e.path).filter((p) => finished.has(p)),
  );
  for (const path of again) say(`${path} was finished, then processed again`);
  return again.size;
}

/** Bytes the vault takes on disk, state included. */
async function allocated(dir: string): Promise<number> {
  const out = await run("du", ["-s", "-B1", dir]);
  return Number(out.split(/\s/)[0]);
}

function appCommand(prefix: string[], args: string[]): Deno.Command {
  const [program, ...rest] = [...prefix, Deno.execPath()];
  return new Deno.Command(program, {
    args: [...rest, ...runArgs(), ...args],
    cwd: "/",
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  });
}

async function freeBytes(prefix: string[], dir: string): Promise<number> {
  const [program, ...rest] = [...prefix, "df"];
  const out = await run(program, [...rest, "-B1", "--output=avail", dir]);
  return Number(out.trim().split("\n").pop());
}

async function unmount(dir: string): Promise<void> {
  // A process that still has a file open there keeps it busy: detach it all the same.
  await run("umount", [dir]).catch(() => run("umount", ["-l", dir]));
}

/** Runs a command; its stdout, or an error with its stderr. */
async function run(program: string, args: string[]): Promise<string> {
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command(program, { args, stdin: "null" }).output();
  } catch (error) {
    throw new Error(`${program}: ${(error as Error).message}`);
  }
  if (!out.success) {
    throw new Error(`${program} ${args[0]}: ${new TextDecoder().decode(out.stderr).trim()}`);
  }
  return new TextDecoder().decode(out.stdout);
}
