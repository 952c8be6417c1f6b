/**
 * @module
 * Torn state: the state database, its write-ahead log and its shared-memory index, and notes, are
 * damaged the way a crash, a bad disk or another tool leaves them, each on a fresh copy of a vault,
 * and the batch is then run again plainly. The run must say what it found (an event on stdout and
 * a line on stderr naming the file), lose no finished note, redo no finished file, and end with
 * the vault of an uninterrupted run, byte for byte, maps included, with a state that agrees with it.
 */
import { sha256Hex } from "../../src/fs/sha256.ts";
import { DatabaseSync } from "node:sqlite";
import { dirname, join } from "node:path";
import type { EngineEvent } from "../../src/protocol/messages.ts";
import { ofType, runApp, watchApp } from "../../tests/support/app.ts";
import { snapshotVault } from "../../tests/support/corpus.ts";
import { makeMixedCorpus } from "./mixed_corpus.ts";
import { seeded } from "../seeded.ts";
import { lastLines, type Section } from "./section.ts";

const SIZES = {
  short: { files: 30, recordings: 0, variants: 1 },
  long: { files: 200, recordings: 2, variants: 4 },
};

export const tornStateSection: Section = {
  name: "torn state",
  async run({ root, profile, seed }) {
    const r = await tornState(root, { ...SIZES[profile], seed });
    const silent = r.cases.filter((c) => c.verdict === "silently recovered").length;
    const said = r.cases.filter((c) => c.verdict === "detected and said").length;
    const kinds = new Set(r.cases.map((c) => c.name)).size;
    return {
      tried: `${kinds} kinds of damage (${r.cases.length} cases) to state.db, its WAL and -shm, ` +
        `notes and maps of a ${r.files}-file mixed batch (${r.recordings} recordings), finished ` +
        "or killed part-way, each followed by a plain re-run",
      found: `${said} detected and said, ${silent} undone by SQLite itself with nothing lost, ` +
        `${r.lost} finished notes lost, ${r.redone} finished files redone, ` +
        `${r.differing} vaults differing from an uninterrupted run`,
      problems: r.problems,
    };
  },
};

export interface TornStateOptions {
  files: number;
  recordings: number;
  /** How many positions each kind of damage at a random place is tried at. */
  variants: number;
  seed: number;
}

export interface CaseResult {
  name: string;
  /** What was done to the vault, with the figures: "state.db-wal truncated to 123 of 456 bytes". */
  damage: string;
  verdict: "detected and said" | "silently recovered" | "undetected";
  /** Files finished before the damage that were processed again. */
  redone: number;
  /** Notes of the uninterrupted run missing after the re-run. */
  lost: number;
  /** Whether the final vault differs from the uninterrupted run's. */
  differs: boolean;
  /** What the run said: its events' and stderr lines about damage. */
  said: string[];
  /** How long the re-run took. */
  ms: number;
}

export interface TornStateReport {
  files: number;
  recordings: number;
  cases: CaseResult[];
  lost: number;
  redone: number;
  differing: number;
  problems: string[];
}

type Base = "finished" | "killed";

interface Damage {
  name: string;
  base: Base;
  /**
   * What is damaged. Damage to notes and maps must always be said (an event and a stderr line
   * naming `names`); damage to the state only when it lost records (SQLite may recover from it
   * on its own, legitimately: a WAL cut in frames that a checkpoint had already made stale).
   */
  target: "state" | "vault";
  /** Damages the vault; returns what it did. `names` is the file the run must name. */
  apply(vault: string, random: () => number, facts: Facts): Promise<{ did: string; names: string }>;
}

/** What the damage needs to know about the vaults. */
interface Facts {
  reference: Map<string, string>;
  /** Notes the killed run had finished (committed), vault paths. */
  killedNotes: Set<string>;
  /** Notes the killed run had not finished. */
  unfinishedNotes: string[];
}

const STATE = ".gleaner/state.db";
const WAL = ".gleaner/state.db-wal";
const SHM = ".gleaner/state.db-shm";
const PAGE = 4096;
/** A WAL frame: a 24-byte header and one page, after the 32-byte file header. */
const FRAME = 24 + PAGE;

const DAMAGES: Damage[] = [
  {
    name: "state.db truncated to 0 bytes",
    base: "finished",
    target: "state",
    async apply(vault) {
      await Deno.truncate(join(vault, STATE), 0);
      return { did: "state.db truncated to 0 bytes", names: "state.db" };
    },
  },
  {
    name: "state.db truncated mid-page",
    base: "finished",
    target: "state",
    async apply(vault, random) {
      const path = join(vault, STATE);
      const size = (await Deno.stat(path)).size;
      const pages = size / PAGE;
      const page = Math.floor(pages / 4 + random() * pages / 2);
      const at = page * PAGE + 1 + Math.floor(random() * (PAGE - 2));
      await Deno.truncate(path, at);
      return { did: `state.db truncated to ${at} of ${size} bytes`, names: "state.db" };
    },
  },
  {
    name: "random bytes in the middle of state.db",
    base: "finished",
    // SQLite keeps no page checksums: bytes in a row's payload can only be found where the app
    // checks the state against the vault. Whatever happens, nothing may be lost.
    target: "state",
    async apply(vault, random) {
      const path = join(vault, STATE);
      const bytes = await Deno.readFile(path);
      const at = Math.floor(bytes.length / 4 + random() * bytes.length / 2);
      const length = 256;
      bytes.set(randomBytes(random, length), at);
      await Deno.writeFile(path, bytes);
      return {
        did: `${length} random bytes at ${at} of ${bytes.length} in state.db`,
        names: "state.db",
      };
    },
  },
  {
    name: "state.db header overwritten",
    base: "finished",
    target: "state",
    async apply(vault, random) {
      const path = join(vault, STATE);
      const bytes = await Deno.readFile(path);
      bytes.set(randomBytes(random, 100), 0);
      await Deno.writeFile(path, bytes);
      return { did: "state.db's first 100 bytes overwritten", names: "state.db" };
    },
  },
  {
    name: "state.db deleted",
    base: "finished",
    target: "state",
    async apply(vault) {
      await Deno.remove(join(vault, STATE));
      return { did: "state.db deleted", names: "state.db" };
    },
  },
  {
    name: "WAL truncated mid-frame",
    base: "killed",
    target: "state",
    async apply(vault, random) {
      const path = join(vault, WAL);
      const size = (await Deno.stat(path)).size;
      const frames = Math.floor((size - 32) / FRAME);
      const frame = Math.floor(frames / 4 + random() * frames / 2);
      const at = 32 + frame * FRAME + 1 + Math.floor(random() * (FRAME - 2));
      await Deno.truncate(path, at);
      return { did: `state.db-wal truncated to ${at} of ${size} bytes`, names: "state.db" };
    },
  },
  {
    name: "WAL with garbage appended",
    base: "killed",
    target: "state",
    async apply(vault, random) {
      const file = await Deno.open(join(vault, WAL), { append: true });
      try {
        await file.write(randomBytes(random, 3 * FRAME));
      } finally {
        file.close();
      }
      return { did: `${3 * FRAME} random bytes appended to state.db-wal`, names: "state.db" };
    },
  },
  {
    name: "WAL with random bytes flipped",
    base: "killed",
    target: "state",
    async apply(vault, random) {
      const path = join(vault, WAL);
      const bytes = await Deno.readFile(path);
      const at = Math.floor(bytes.length / 4 + random() * bytes.length / 2);
      for (let i = at; i < at + 64 && i < bytes.length; i++) bytes[i] ^= 1 + (i % 255);
      await Deno.writeFile(path, bytes);
      return {
        did: `64 bytes flipped at ${at} of ${bytes.length} in state.db-wal`,
        names: "state.db",
      };
    },
  },
  {
    name: "WAL header overwritten",
    base: "killed",
    target: "state",
    async apply(vault, random) {
      const path = join(vault, WAL);
      const bytes = await Deno.readFile(path);
      bytes.set(randomBytes(random, 32), 0);
      await Deno.writeFile(path, bytes);
      return { did: "state.db-wal's 32-byte header overwritten", names: "state.db" };
    },
  },
  {
    name: "-shm corrupted",
    base: "killed",
    target: "state",
    async apply(vault, random) {
      const path = join(vault, SHM);
      const size = (await Deno.stat(path)).size;
      await Deno.writeFile(path, randomBytes(random, size));
      return { did: `state.db-shm overwritten with ${size} random bytes`, names: "state.db" };
    },
  },
  {
    name: "state.db deleted, WAL left",
    base: "killed",
    target: "state",
    async apply(vault) {
      await Deno.remove(join(vault, STATE));
      return { did: "state.db deleted, state.db-wal and -shm left", names: "state.db" };
    },
  },
  {
    name: "note torn before its rename, no note yet",
    base: "killed",
    target: "vault",
    async apply(vault, random, facts) {
      const note = pick(facts.unfinishedNotes, random);
      const temp = await tornTemp(vault, note, facts.reference.get(note)!);
      return { did: `half of ${note} in ${temp}, no note`, names: temp };
    },
  },
  {
    name: "note torn before its rename, older note beside it",
    base: "killed",
    target: "vault",
    async apply(vault, random, facts) {
      // The killed run's notes have no related notes yet: the reference's version is the one a
      // relink after the batch writes, cut short here before its rename.
      const older = [...facts.killedNotes].filter((n) =>
        facts.reference.get(n) !== Deno.readTextFileSync(join(vault, n))
      );
      const note = pick(older.length > 0 ? older : [...facts.killedNotes], random);
      const temp = await tornTemp(vault, note, facts.reference.get(note)!);
      return { did: `half of the new ${note} in ${temp}, the older note beside it`, names: temp };
    },
  },
  {
    name: "note truncated in place",
    base: "finished",
    target: "vault",
    async apply(vault, random, facts) {
      const notes = [...facts.reference.keys()].filter((p) => p.startsWith("Sources/"));
      const note = pick(notes, random);
      const size = (await Deno.stat(join(vault, note))).size;
      const at = Math.floor(random() * size);
      await Deno.truncate(join(vault, note), at);
      return { did: `${note} truncated to ${at} of ${size} bytes`, names: note };
    },
  },
  {
    name: "note zeroed from the middle",
    base: "finished",
    target: "vault",
    async apply(vault, random, facts) {
      // A disk that lost a write: the file keeps its size, its end reads as zeros.
      const notes = [...facts.reference.keys()].filter((p) => p.startsWith("Sources/"));
      const note = pick(notes, random);
      const bytes = await Deno.readFile(join(vault, note));
      const at = Math.floor(random() * bytes.length);
      bytes.fill(0, at);
      await Deno.writeFile(join(vault, note), bytes);
      return { did: `${note} zeroed from byte ${at} of ${bytes.length}`, names: note };
    },
  },
  {
    name: "map truncated in place",
    base: "finished",
    target: "vault",
    async apply(vault, random, facts) {
      const maps = [...facts.reference.keys()].filter((p) => p.startsWith("Maps/"));
      const map = pick(maps, random);
      const size = (await Deno.stat(join(vault, map))).size;
      const at = Math.floor(random() * size);
      await Deno.truncate(join(vault, map), at);
      return { did: `${map} truncated to ${at} of ${size} bytes`, names: map };
    },
  },
];

/** Damages placed at random positions, tried `variants` times in the long profile. */
const RANDOM_PLACES = new Set([
  "state.db truncated mid-page",
  "random bytes in the middle of state.db",
  "WAL truncated mid-frame",
  "WAL with random bytes flipped",
  "note truncated in place",
  "note zeroed from the middle",
  "map truncated in place",
]);

export async function tornState(root: string, o: TornStateOptions): Promise<TornStateReport> {
  const input = join(root, "input");
  const corpus = await makeMixedCorpus(input, o.files, o.recordings);
  const problems: string[] = [];
  const random = seeded(o.seed);

  const reference = join(root, "reference");
  const ref = await runApp(["--batch", input, "--out", reference, "--json"]);
  if (ref.code !== 0) {
    problems.push(`the uninterrupted run exited ${ref.code}: ${lastLines(ref.stderr)}`);
  }
  const want = await snapshotVault(reference, { maps: true });

  // Killed part-way, so the WAL and -shm are there as a crash leaves them.
  const killed = join(root, "killed");
  const killAfter = Math.max(1, Math.floor(o.files * (0.6 + 0.25 * random())));
  let done = 0;
  const kill = await watchApp(["--batch", input, "--out", killed, "--json"], (event, child) => {
    if (event.type === "file_done" && ++done === killAfter) child.kill("SIGKILL");
  });
  if (kill.code !== 137) problems.push(`the run to be killed exited ${kill.code}`);
  const killedNotes = new Set(ofType(kill.events, "file_done").map((e) => e.note));
  const facts: Facts = {
    reference: want,
    killedNotes,
    unfinishedNotes: [...want.keys()].filter((p) =>
      p.startsWith("Sources/") && !killedNotes.has(p)
    ),
  };
  const finishedSources = {
    finished: new Set(ofType(ref.events, "file_done").map((e) => e.path)),
    killed: new Set(ofType(kill.events, "file_done").map((e) => e.path)),
  };

  // What each base's state records, to tell damage that lost records from damage SQLite undoes.
  const recorded = {
    finished: await recordedNotes(reference, join(root, "probe")),
    killed: await recordedNotes(killed, join(root, "probe")),
  };
  if (recorded.finished === undefined || recorded.killed === undefined) {
    problems.push("the undamaged state cannot be read");
  }
  const cases: CaseResult[] = [];
  let n = 0;
  for (const damage of DAMAGES) {
    const times = RANDOM_PLACES.has(damage.name) ? o.variants : 1;
    for (let t = 0; t < times; t++) {
      const vault = join(root, `case-${++n}`);
      await copyDir(damage.base === "finished" ? reference : killed, vault);
      const { did, names } = await damage.apply(vault, random, facts);
      const mustSay = damage.target === "vault" ||
        ((await recordedNotes(vault, join(root, "probe"))) ?? -1) < recorded[damage.base]!;
      const started = performance.now();
      const run = await runApp(["--batch", input, "--out", vault, "--json"]);
      const ms = Math.round(performance.now() - started);
      const result = await judge(
        { ...damage, mustSay },
        did,
        names,
        run,
        vault,
        want,
        finishedSources[damage.base],
      );
      cases.push({ ...result.result, ms });
      problems.push(...result.problems.map((p) => `${damage.name} (${did}): ${p}`));
      if (run.code !== 0) {
        problems.push(
          `${damage.name} (${did}): the re-run exited ${run.code}: ${lastLines(run.stderr)}`,
        );
      }
      await Deno.remove(vault, { recursive: true });
    }
  }
  return {
    ...corpus,
    cases,
    lost: cases.reduce((sum, c) => sum + c.lost, 0),
    redone: cases.reduce((sum, c) => sum + c.redone, 0),
    differing: cases.filter((c) => c.differs).length,
    problems,
  };
}

/** Event types in which a run says it found damage. */
const SAYING = new Set<EngineEvent["type"]>(["state_rebuilt", "damage_repaired"]);

async function judge(
  damage: Damage & { mustSay: boolean },
  did: string,
  names: string,
  run: { events: EngineEvent[]; stderr: string },
  vault: string,
  want: Map<string, string>,
  finished: Set<string>,
): Promise<{ result: Omit<CaseResult, "ms">; problems: string[] }> {
  const problems: string[] = [];
  const events = run.events.filter((e) => SAYING.has(e.type));
  const lines = run.stderr.split("\n").filter((l) =>
    /damaged|repaired|rebuilt|not record/i.test(l)
  );
  const named = (text: string) => names !== "" && text.includes(names);
  const saidInEvents = events.some((e) => named(JSON.stringify(e)));
  const saidOnStderr = lines.some(named);
  if (damage.mustSay && !saidInEvents) problems.push(`no event names ${names}`);
  if (damage.mustSay && !saidOnStderr) problems.push(`no line on stderr names ${names}`);
  if (events.length > 0 && lines.length === 0) problems.push("an event says it, stderr does not");

  const redoneFiles = ofType(run.events, "file_started").map((e) => e.path)
    .filter((p) => finished.has(p));
  const redone = new Set(redoneFiles).size;
  if (redone > 0) {
    problems.push(
      `${redone} finished files processed again: ${redoneFiles.slice(0, 3).join(", ")}`,
    );
  }

  const got = await snapshotVault(vault, { maps: true });
  let lost = 0;
  let differs = false;
  for (const [path, text] of want) {
    if (!got.has(path)) {
      lost++;
      differs = true;
      problems.push(`${path} is missing`);
    } else if (got.get(path) !== text) {
      differs = true;
      problems.push(`${path} differs from the uninterrupted run`);
    }
  }
  for (const path of got.keys()) {
    if (!want.has(path)) {
      differs = true;
      problems.push(`${path} was not written by the uninterrupted run`);
    }
  }
  problems.push(...stateDisagreements(vault, got));

  const said = [
    ...events.map((e) => JSON.stringify(e)),
    ...lines,
  ];
  const verdict = saidInEvents && saidOnStderr
    ? "detected and said"
    : lost === 0 && redone === 0 && !differs
    ? "silently recovered"
    : "undetected";
  return {
    result: { name: damage.name, damage: did, verdict, redone, lost, differs, said },
    problems,
  };
}

/**
 * Where the state left by the re-run disagrees with the vault: a done file without its note on
 * disk or with another text than the state recorded, a note in Sources/ the state does not know.
 */
function stateDisagreements(vault: string, files: Map<string, string>): string[] {
  const problems: string[] = [];
  const db = new DatabaseSync(join(vault, STATE), { readOnly: true });
  try {
    const rows = db.prepare(
      `SELECT f.path AS source, n.path AS note, n.content_hash AS hash FROM files f
       LEFT JOIN notes n ON n.file_id = f.id WHERE f.status = 'done'`,
    ).all();
    const recorded = new Set<string>();
    for (const r of rows) {
      if (r.note === null) {
        problems.push(`the state has ${r.source} done without a note`);
        continue;
      }
      const note = String(r.note);
      recorded.add(note);
      const text = files.get(note);
      if (text === undefined) problems.push(`the state has ${r.source} done, ${note} is not there`);
      else if (sha256(text) !== r.hash) {
        problems.push(`the state's hash of ${note} is not the note's`);
      }
    }
    for (const path of files.keys()) {
      if (path.startsWith("Sources/") && !recorded.has(path)) {
        problems.push(`${path} is in the vault, not in the state`);
      }
    }
  } finally {
    db.close();
  }
  return problems;
}

/**
 * How many notes of done files the vault's state records, as SQLite reads it (a copy is opened
 * in `scratch`, so the vault itself is left exactly as damaged); undefined when it cannot be read.
 */
async function recordedNotes(vault: string, scratch: string): Promise<number | undefined> {
  await Deno.remove(scratch, { recursive: true }).catch(() => {});
  await Deno.mkdir(scratch, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) {
    await Deno.copyFile(join(vault, STATE + suffix), join(scratch, `state.db${suffix}`))
      .catch((error) => {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      });
  }
  try {
    const db = new DatabaseSync(join(scratch, "state.db"));
    try {
      const check = db.prepare("PRAGMA quick_check").get();
      if (check && Object.values(check)[0] !== "ok") return undefined;
      const known = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'notes'")
        .get();
      if (Number(known?.n) === 0) return 0;
      const r = db.prepare(
        "SELECT count(*) AS n FROM notes n JOIN files f ON f.id = n.file_id WHERE f.status = 'done'",
      ).get();
      return Number(r?.n);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  } finally {
    await Deno.remove(scratch, { recursive: true });
  }
}

/** What a crash between write and rename leaves: a temp file beside the note with half of it. */
async function tornTemp(vault: string, note: string, text: string): Promise<string> {
  // Beside the note: a temp file is written in its target's folder, so the rename stays atomic.
  const temp = `${dirname(note)}/.gleaner-tmp-${crypto.randomUUID()}`;
  const bytes = new TextEncoder().encode(text);
  await Deno.writeFile(join(vault, temp), bytes.subarray(0, Math.floor(bytes.length / 2)));
  return temp;
}

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory) await copyDir(source, target);
    else if (entry.isFile) await Deno.copyFile(source, target);
  }
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

function sha256(text: string): string {
  return sha256Hex(text);
}
