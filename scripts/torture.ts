/**
 * @module
 * `deno task torture [--profile short|long] [--seed N]`: tries hard to make gleaner lose work and
 * prints what it tried and what it found, in one table. `short` is what CI runs on every change;
 * `long` is for releases. Exits 1 when any section found a problem.
 *
 * Sections so far: hard kills (SIGKILL at random points of a mixed batch, then plain re-runs).
 */
import { parseArgs } from "node:util";
import { hardKills } from "./torture/hard_kills.ts";

const PROFILES = {
  short: { files: 60, kills: 5, recordings: 1 },
  long: { files: 500, kills: 20, recordings: 4 },
};

const { values: flags } = parseArgs({
  args: Deno.args,
  options: { profile: { type: "string", default: "short" }, seed: { type: "string" } },
});
const profile = PROFILES[flags.profile as keyof typeof PROFILES];
if (!profile) throw new Error(`--profile: short or long, not ${flags.profile}`);
const seed = Number(flags.seed ?? 20261122);

interface Row {
  section: string;
  tried: string;
  found: string;
  problems: string[];
}

const rows: Row[] = [];
const root = await Deno.makeTempDir({ prefix: "gleaner-torture-" });
try {
  const started = performance.now();
  const kills = await hardKills(`${root}/kills`, { ...profile, seed });
  rows.push({
    section: "hard kills",
    tried: `${kills.kills} x SIGKILL at random points of a ${kills.files}-file mixed batch ` +
      `(${kills.recordings} recordings), a plain re-run after each`,
    found: `${kills.lost} lost, ${kills.twice} processed twice after commit, ` +
      `${kills.differing} differing from an uninterrupted run (${seconds(started)})`,
    problems: kills.problems,
  });
} finally {
  await Deno.remove(root, { recursive: true });
}

console.log(`gleaner torture, profile ${flags.profile}, seed ${seed}\n`);
console.log("| section | tried | found | verdict |");
console.log("| --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.section} | ${r.tried} | ${r.found} | ${r.problems.length ? "FAILED" : "ok"} |`,
  );
}
for (const r of rows) for (const p of r.problems) console.error(`${r.section}: ${p}`);
Deno.exit(rows.some((r) => r.problems.length > 0) ? 1 : 0);

function seconds(since: number): string {
  return `${Math.round((performance.now() - since) / 1000)} s`;
}
