/**
 * @module
 * What a torture section is: something that tries hard to make gleaner lose work, then says what
 * it tried and what it found. `scripts/torture.ts` runs the sections and prints their reports as
 * one table.
 */

export type ProfileName = "short" | "long";

export interface SectionContext {
  /** An empty folder of the section's own; the runner removes it afterwards. */
  root: string;
  /** `short` runs in CI on every change; `long` before a release. */
  profile: ProfileName;
  /** Every random choice derives from it, so a failing run can be repeated exactly. */
  seed: number;
}

export interface SectionReport {
  /** What was done, with its sizes: "20 x SIGKILL at random points of a 500-file batch". */
  tried: string;
  /** What came of it, as figures: "0 lost, 0 processed twice". */
  found: string;
  /** Each broken promise, one line each; empty when the section passed. */
  problems: string[];
  /** Set when the machine cannot run the section (say, mounts are forbidden): why. */
  skipped?: string;
}

export interface Section {
  /** Short and lower-case: the table's first column and the value of `--only`. */
  name: string;
  run(context: SectionContext): Promise<SectionReport>;
}

/** The last lines of a process's stderr, on one line: enough to say why it failed. */
export function lastLines(text: string, count = 3): string {
  return text.trim().split("\n").slice(-count).join(" / ");
}
