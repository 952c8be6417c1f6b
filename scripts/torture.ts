/**
 * @module
 * `deno task torture [--profile short|long] [--seed N] [--only SECTION]`: tries hard to make
 * gleaner lose work and prints what it tried and what it found, in one table. `short` is what CI
 * runs on every change; `long` is for releases. Exits 1 when any section found a problem.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { hardKillsSection } from "./torture/hard_kills.ts";
import { diskFullSection } from "./torture/disk_full.ts";
import { hostileInputsSection } from "./torture/hostile_inputs.ts";
import { sandboxEscapesSection } from "./torture/sandbox_escapes.ts";
import { soakSection } from "./torture/soak.ts";
import { stageFaultsSection } from "./torture/stage_faults.ts";
import { tornStateSection } from "./torture/torn_state.ts";
import type { ProfileName, Section, SectionReport } from "./torture/section.ts";

const SECTIONS: Section[] = [
  hardKillsSection,
  tornStateSection,
  diskFullSection,
  stageFaultsSection,
  hostileInputsSection,
  sandboxEscapesSection,
  soakSection,
];

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    profile: { type: "string", default: "short" },
    seed: { type: "string" },
    only: { type: "string", multiple: true },
  },
});
if (flags.profile !== "short" && flags.profile !== "long") {
  throw new Error(`--profile: short or long, not ${flags.profile}`);
}
const profile: ProfileName = flags.profile;
const seed = Number(flags.seed ?? 20261122);
const chosen = flags.only
  ? flags.only.map((name) => {
    const section = SECTIONS.find((s) => s.name === name);
    if (!section) {
      throw new Error(`--only: one of ${SECTIONS.map((s) => s.name).join(", ")}; not ${name}`);
    }
    return section;
  })
  : SECTIONS;

interface Row extends SectionReport {
  section: string;
  seconds: number;
}

const rows: Row[] = [];
const root = await Deno.makeTempDir({ prefix: "gleaner-torture-" });
try {
  for (const [i, section] of chosen.entries()) {
    const dir = join(root, String(i));
    await Deno.mkdir(dir);
    const started = performance.now();
    console.error(`torture: ${section.name}…`);
    let report: SectionReport;
    try {
      report = await section.run({ root: dir, profile, seed });
    } catch (error) {
      // A section that cannot finish is a finding too; the other sections still run.
      report = { tried: "(did not finish)", found: "", problems: [String(error)] };
    }
    rows.push({
      section: section.name,
      seconds: Math.round((performance.now() - started) / 1000),
      ...report,
    });
  }
} finally {
  await Deno.remove(root, { recursive: true });
}

console.log(`gleaner torture, profile ${profile}, seed ${seed}\n`);
console.log("| section | tried | found | time | verdict |");
console.log("| --- | --- | --- | --- | --- |");
for (const r of rows) {
  const verdict = r.problems.length ? "FAILED" : r.skipped ? `skipped: ${r.skipped}` : "ok";
  console.log(`| ${r.section} | ${r.tried} | ${r.found} | ${r.seconds} s | ${verdict} |`);
}
for (const r of rows) for (const p of r.problems) console.error(`${r.section}: ${p}`);
Deno.exit(rows.some((r) => r.problems.length > 0) ? 1 : 0);
