/**
 * @module
 * Hard kills: SIGKILL of the whole app at random points of a mixed batch, each followed by a
 * plain re-run, as after a power cut. The final vault must equal, byte for byte, the vault of an
 * uninterrupted run, and no file committed before a kill may be processed again after it.
 */
import { join } from "node:path";
import type { EngineEvent } from "../../src/protocol/messages.ts";
import { ofType, runApp, watchApp } from "../../tests/support/app.ts";
import { snapshotVault } from "../../tests/support/corpus.ts";
import { makeMixedCorpus } from "./mixed_corpus.ts";
import { seeded } from "../seeded.ts";
import { lastLines, type Section } from "./section.ts";

const SIZES = {
  short: { files: 60, kills: 5, recordings: 1 },
  long: { files: 500, kills: 20, recordings: 4 },
};

export const hardKillsSection: Section = {
  name: "hard kills",
  async run({ root, profile, seed }) {
    const kills = await hardKills(root, { ...SIZES[profile], seed });
    return {
      tried: `${kills.kills} x SIGKILL at random points of a ${kills.files}-file mixed batch ` +
        `(${kills.recordings} recordings), a plain re-run after each`,
      found: `${kills.lost} lost, ${kills.twice} processed twice after commit, ` +
        `${kills.differing} differing from an uninterrupted run`,
      problems: kills.problems,
    };
  },
};

export interface HardKillOptions {
  files: number;
  kills: number;
  recordings: number;
  seed: number;
}

export interface HardKillReport {
  files: number;
  recordings: number;
  /** Kills that landed while the batch was working. */
  kills: number;
  /** Notes of the uninterrupted run missing from the killed one. */
  lost: number;
  /** Files started again after their note was committed. */
  twice: number;
  /** Files whose note differs from the uninterrupted run's, maps included. */
  differing: number;
  problems: string[];
}

/** Events that mark work in progress: the kill points are spread over them. */
const WORK = new Set<EngineEvent["type"]>([
  "file_started",
  "file_progress",
  "chunk_done",
  "file_done",
]);

export async function hardKills(root: string, o: HardKillOptions): Promise<HardKillReport> {
  const input = join(root, "input");
  const corpus = await makeMixedCorpus(input, o.files, o.recordings);
  const problems: string[] = [];

  const reference = join(root, "reference");
  const ref = await runApp(["--batch", input, "--out", reference, "--json"]);
  if (ref.code !== 0) {
    problems.push(`the uninterrupted run exited ${ref.code}: ${lastLines(ref.stderr)}`);
  }
  const workEvents = ref.events.filter((e) => WORK.has(e.type)).length;

  // Kill points over the work of the whole batch, counted across runs.
  const random = seeded(o.seed);
  const points = Array.from({ length: o.kills }, () => 1 + Math.floor(random() * (workEvents - 1)))
    .sort((a, b) => a - b);

  const vault = join(root, "vault");
  const args = ["--batch", input, "--out", vault, "--json"];
  const committed = new Set<string>();
  let twice = 0;
  let kills = 0;
  let worked = 0;
  const account = (events: EngineEvent[]) => {
    for (const e of events) {
      if (e.type === "file_started" && committed.has(e.path)) {
        twice++;
        problems.push(`${e.path} was committed, then started again`);
      }
      if (e.type === "file_done") committed.add(e.path);
    }
  };
  for (const point of points) {
    let killed = false;
    const run = await watchApp(args, (event, child) => {
      if (!WORK.has(event.type) || killed) return;
      if (++worked >= point) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    account(run.events);
    if (run.code === 137) kills++;
    else if (run.code !== 0) problems.push(`a run exited ${run.code}: ${lastLines(run.stderr)}`);
  }
  const last = await runApp(args);
  account(last.events);
  if (last.code !== 0) problems.push(`the last run exited ${last.code}: ${lastLines(last.stderr)}`);

  const [want, got] = await Promise.all([
    snapshotVault(reference, { maps: true }),
    snapshotVault(vault, { maps: true }),
  ]);
  let lost = 0;
  let differing = 0;
  for (const [path, text] of want) {
    if (!got.has(path)) {
      lost++;
      problems.push(`${path} is missing`);
    } else if (got.get(path) !== text) {
      differing++;
      problems.push(`${path} differs from the uninterrupted run`);
    }
  }
  for (const path of got.keys()) {
    if (!want.has(path)) problems.push(`${path} was not written by the uninterrupted run`);
  }
  if (ofType(last.events, "file_quarantined").length > 0) problems.push("a file was quarantined");
  return { ...corpus, kills, lost, twice, differing, problems };
}
