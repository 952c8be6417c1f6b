/**
 * @module
 * What a test needs beyond Deno (programs and data from Debian packages), and the `ignore` flag
 * that skips it, with a one-line reason naming the package, on a machine that lacks them.
 *
 * With `GLEANER_REQUIRE_ALL=1` (set by `.ci/run`, where everything is installed) a missing
 * requirement fails the test module instead, so CI cannot pass by skipping.
 */
import { delimiter, join } from "node:path";

/** Something a test may need, and the Debian package that provides it. */
export type Requirement =
  | "ffmpeg"
  | "pocketsphinx"
  | "pocketsphinx-testdata"
  | "chromium"
  | "whisper-cli"
  | "strace";

/** Debian's pocketsphinx-testdata; `GLEANER_TESTDATA` moves it (tests of a machine without it). */
export const TESTDATA = Deno.env.get("GLEANER_TESTDATA") ?? "/usr/share/pocketsphinx/test/data";
/** Real human speech with reference transcriptions, from pocketsphinx-testdata. */
export const LIBRIVOX = join(TESTDATA, "librivox");
/** PocketSphinx's English model, from pocketsphinx-en-us. */
const EN_US_MODEL = "/usr/share/pocketsphinx/model/en-us";

/** Where the program is on PATH, or undefined. */
export function findProgram(name: string): string | undefined {
  for (const dir of (Deno.env.get("PATH") ?? "").split(delimiter)) {
    if (dir === "") continue;
    const path = join(dir, name);
    try {
      const info = Deno.statSync(path);
      if (info.isFile && (info.mode === null || (info.mode & 0o111) !== 0)) return path;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function present(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Why the requirement is not met (what is missing, what to install), or undefined. */
export function missing(need: Requirement): string | undefined {
  switch (need) {
    case "ffmpeg":
      if (!findProgram("ffmpeg")) return "ffmpeg is not on PATH (apt-get install ffmpeg)";
      if (!findProgram("ffprobe")) return "ffprobe is not on PATH (apt-get install ffmpeg)";
      return undefined;
    case "pocketsphinx":
      if (!findProgram("pocketsphinx_continuous")) {
        return "pocketsphinx_continuous is not on PATH (apt-get install pocketsphinx)";
      }
      if (!present(EN_US_MODEL)) {
        return `no English model in ${EN_US_MODEL} (apt-get install pocketsphinx-en-us)`;
      }
      return undefined;
    case "pocketsphinx-testdata":
      return present(join(LIBRIVOX, "transcription"))
        ? undefined
        : `no speech clips in ${LIBRIVOX} (apt-get install pocketsphinx-testdata)`;
    case "chromium":
      return chromiumPath() ? undefined : "chromium is not on PATH (apt-get install chromium)";
    case "strace":
      return findProgram("strace") ? undefined : "strace is not on PATH (apt-get install strace)";
    case "whisper-cli":
      return findProgram("whisper-cli")
        ? undefined
        : "whisper-cli is not on PATH (build whisper.cpp: see README, Development)";
  }
}

/** Headless Chromium for the browser tests: `GLEANER_CHROMIUM`, else `chromium` on PATH. */
export function chromiumPath(): string | undefined {
  const chosen = Deno.env.get("GLEANER_CHROMIUM");
  if (chosen) return present(chosen) ? chosen : undefined;
  return findProgram("chromium");
}

const said = new Set<string>();

/**
 * Whether tests that need all of `needs` must be skipped here: pass the result as `ignore`.
 * Prints the reason once per test module and reason, on stderr.
 * @throws {Error} when `GLEANER_REQUIRE_ALL=1` and something is missing
 */
export function requires(module: string, ...needs: Requirement[]): boolean {
  const reasons = needs.map(missing).filter((r): r is string => r !== undefined);
  return requiresThat(module, reasons.length > 0 ? reasons.join("; ") : undefined);
}

/**
 * Like `requires`, for a condition of the machine rather than a package (the right to mount):
 * `reason` says what is missing, undefined when nothing is.
 */
export function requiresThat(module: string, reason: string | undefined): boolean {
  if (reason === undefined) return false;
  const line = `${module}: skipped, ${reason}`;
  if (Deno.env.get("GLEANER_REQUIRE_ALL") === "1") {
    throw new Error(`${line}; GLEANER_REQUIRE_ALL=1 asks for every requirement: install it`);
  }
  if (!said.has(line)) {
    said.add(line);
    console.error(line);
  }
  return true;
}
