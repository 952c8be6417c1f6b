/**
 * @module
 * Stage faults: throws, endless loops, awaits that never end, heap blow-ups, protocol garbage
 * and one-off failures, injected into 1% of a mixed batch through the fault-injecting stage
 * thread. The app must survive each one, stop hung stages within their budget, quarantine poison
 * files after the configured attempts and finish every other file exactly as a clean run does.
 */
import { join } from "node:path";
import type { EngineEvent } from "../../src/protocol/messages.ts";
import { FAULT_APP, ofType, runApp } from "../../tests/support/app.ts";
import { snapshotVault, writeText } from "../../tests/support/corpus.ts";
import { seeded } from "../seeded.ts";
import { makeMixedCorpus } from "./mixed_corpus.ts";
import { lastLines, type Section } from "./section.ts";

/** No recordings: hard kills covers them, and the short budget here is for the faults. */
const SIZES = { short: 600, long: 3000 };

/** What each injected fault must end as. */
const FAULTS = {
  throw: { poison: true, error: /injected stage fault/ },
  loop: { poison: true, error: /time budget|showed no activity/ },
  hang: { poison: true, error: /time budget|showed no activity/ },
  // The budget (and its grace) may end an out-of-memory thread before the stall limit does.
  oom: { poison: true, error: /out of memory|showed no activity|time budget/ },
  garbage: { poison: true, error: /invalid message from the stage/ },
  flaky: { poison: false, error: /injected one-time fault/ },
} as const;
type Fault = keyof typeof FAULTS;

const MAX_ATTEMPTS = 2;
/** A file's budget counts its thread's loading: past the 3 to 4 s a fresh thread took there. */
const TIMEOUT_SEC = 5;
/** Past a fresh stage thread's loading: on a 2-core machine that took over 3 s, and a 3 s limit
 * failed the file it was given as stuck. */
const STALL_SEC = 6;
/** Ending a hung thread and reporting it takes a moment past the budget itself. */
const GRACE_MS = 3000;

export const stageFaultsSection: Section = {
  name: "stage faults",
  async run({ root, profile, seed }) {
    const input = join(root, "input");
    const corpus = await makeMixedCorpus(input, SIZES[profile], 0);
    const random = seeded(seed);
    const kinds = Object.keys(FAULTS) as Fault[];
    const count = Math.max(kinds.length, Math.round(corpus.files / 100));
    const injected = new Map<string, Fault>();
    const folders = ["text", "html", "pdf", "docx", "subtitles"];
    for (let i = 0; i < count; i++) {
      const fault = kinds[i % kinds.length];
      const folder = folders[Math.floor(random() * folders.length)];
      const path = `${folder}/fault-${i}__${fault}__.md`;
      injected.set(path, fault);
    }
    const problems: string[] = [];
    const options = [
      "--json",
      "--retry-delay",
      "0",
      "--max-attempts",
      String(MAX_ATTEMPTS),
      "--timeout",
      String(TIMEOUT_SEC),
      "--stall-timeout",
      String(STALL_SEC),
      "--max-memory",
      "128",
    ];

    // The clean run sees the files that must end as notes: the one-off failures included.
    const write = async (dir: string, poison: boolean) => {
      for (const [path, fault] of injected) {
        if (FAULTS[fault].poison && !poison) continue;
        await writeText(join(dir, path), `# Fault ${path}\n\nA ${fault} file, for the suite.\n`);
      }
    };
    await write(input, false);
    const clean = await runApp(["--batch", input, "--out", join(root, "clean"), ...options]);
    if (clean.code !== 0) {
      problems.push(`the clean run exited ${clean.code}: ${lastLines(clean.stderr)}`);
    }
    await write(input, true);
    const faulty = await runApp(["--batch", input, "--out", join(root, "faulty"), ...options], {
      entry: FAULT_APP,
    });
    if (faulty.code !== 1) {
      problems.push(`the faulty run exited ${faulty.code}, not 1: ${lastLines(faulty.stderr)}`);
    }
    if (ofType(faulty.events, "job_finished").length !== 1) problems.push("the job did not finish");

    let quarantined = 0;
    let overshootMs = 0;
    for (const [path, fault] of injected) {
      const { poison, error } = FAULTS[fault];
      const failures = ofType(faulty.events, "file_failed").filter((e) => e.path === path);
      const q = ofType(faulty.events, "file_quarantined").find((e) => e.path === path);
      const done = ofType(faulty.events, "file_done").some((e) => e.path === path);
      if (poison) {
        // The last attempt's failure is reported as the quarantine itself.
        if (q) quarantined++;
        else problems.push(`${path} (${fault}) was not quarantined`);
        if (failures.length !== MAX_ATTEMPTS - 1) {
          problems.push(
            `${path} (${fault}) was retried ${failures.length} times, not ${MAX_ATTEMPTS - 1}`,
          );
        }
        if (q && !error.test(q.error)) problems.push(`${path} (${fault}): "${q.error}"`);
      } else if (!done || failures.length !== 1) {
        problems.push(`${path} (${fault}) should fail once, then succeed`);
      }
      for (const f of failures) {
        if (!error.test(f.error)) problems.push(`${path} (${fault}) failed with "${f.error}"`);
      }
      if (fault === "loop" || fault === "hang") {
        overshootMs = Math.max(overshootMs, ...pastLimit(faulty.events, path));
      }
    }
    if (overshootMs > GRACE_MS) {
      problems.push(`a hung stage ran ${overshootMs} ms past its limit`);
    }

    const [want, got] = await Promise.all([
      snapshotVault(join(root, "clean"), { maps: true }),
      snapshotVault(join(root, "faulty"), { maps: true }),
    ]);
    let differing = 0;
    for (const [path, text] of want) {
      if (got.get(path) !== text) {
        differing++;
        problems.push(`${path} is missing or differs from the clean run`);
      }
    }
    for (const path of got.keys()) {
      if (!want.has(path)) problems.push(`${path} is not in the clean run's vault`);
    }
    const restarts = ofType(faulty.events, "worker_restarted").length;
    return {
      tried: `${injected.size} faults (${kinds.join(", ")}) in 1% of a ` +
        `${corpus.files + injected.size}-file mixed batch; ${MAX_ATTEMPTS} attempts, ` +
        `${TIMEOUT_SEC} s budget, ${STALL_SEC} s stall limit`,
      found: `${quarantined} poison files quarantined, ${restarts} sandboxes replaced, hung ` +
        `stages stopped at most ${Math.max(0, overshootMs)} ms past their limit, ${differing} of ` +
        `${want.size} notes and maps differing from a clean run`,
      problems,
    };
  },
};

/**
 * For each attempt at `path` that a limit ended, ms past that limit: the time budget or, when the
 * stage went silent, the stall limit.
 */
function pastLimit(events: EngineEvent[], path: string): number[] {
  const overshoots: number[] = [];
  let started: number | undefined;
  for (const e of events) {
    if (e.type === "file_started" && e.path === path) started = e.at;
    const ended = e.type === "file_failed" || e.type === "file_quarantined";
    if (ended && e.path === path && started !== undefined) {
      const limitSec = /time budget/.test(e.error) ? TIMEOUT_SEC : STALL_SEC;
      overshoots.push(e.at - started - limitSec * 1000);
      started = undefined;
    }
  }
  return overshoots;
}
