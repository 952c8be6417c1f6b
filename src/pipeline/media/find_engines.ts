/**
 * @module
 * Finds the external engines (ffmpeg, the speech engines, the URL opener) on the PATH, as main
 * sees it, before any sandbox may start one, and refuses any that is a Deno executable, as the
 * gleaner binary is.
 *
 * Deno's `run` permission names a program, not what it is: with `ffmpeg` on the PATH being a
 * link to (or a copy of) the gleaner binary, `new Deno.Command("ffmpeg")` would start gleaner
 * itself, and a batch that starts itself can multiply without end. So main resolves each name
 * to one file, looks inside it for the section marker every Deno executable carries (`deno`,
 * `denort` and every `deno compile` output hold it; no engine does), and grants the sandboxes
 * the resolved paths of the others alone. Judging the content catches a copy of any gleaner
 * version, not just links to this one.
 */
import { delimiter, join } from "node:path";

/** Where an engine was found, or why it may not be used. */
export type EnginePath = { path: string } | { refused: string };

export interface FindOptions {
  /** The search path; default the PATH environment variable. */
  searchPath?: string;
}

/** Each name found on the search path; a name found nowhere is left out. */
export function findEngines(
  names: readonly string[],
  options: FindOptions = {},
): Record<string, EnginePath> {
  const searchPath = options.searchPath ?? Deno.env.get("PATH") ?? "";
  const found: Record<string, EnginePath> = {};
  for (const name of names) {
    const path = onSearchPath(name, searchPath);
    if (path === undefined) continue;
    found[name] = isDenoExecutable(path)
      ? {
        refused: `${name} on the PATH (${path}) is a Deno executable, as gleaner's own ` +
          "executable is; it is not started",
      }
      : { path };
  }
  return found;
}

/** The first executable regular file called `name` (with `.exe` on Windows) on `searchPath`. */
function onSearchPath(name: string, searchPath: string): string | undefined {
  const windows = Deno.build.os === "windows";
  const file = windows && !name.toLowerCase().endsWith(".exe") ? `${name}.exe` : name;
  for (const folder of searchPath.split(delimiter)) {
    if (folder === "") continue; // an empty entry means the working folder: never searched
    const candidate = join(folder, file);
    try {
      const info = Deno.statSync(candidate);
      if (info.isFile && (windows || ((info.mode ?? 0) & 0o111) !== 0)) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The marker of the section that holds a Deno executable's program (libsui's name for it). */
const DENO_MARKER = new TextEncoder().encode("d3n0l4nd");

/** Whether the file holds Deno's section marker: read in chunks, overlapping by the marker. */
export function isDenoExecutable(path: string): boolean {
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path);
  } catch {
    return false;
  }
  try {
    const chunk = new Uint8Array(1 << 20);
    const keep = DENO_MARKER.length - 1;
    let carried = 0;
    for (;;) {
      const n = file.readSync(chunk.subarray(carried));
      if (n === null) return false;
      const filled = carried + n;
      if (indexOf(chunk.subarray(0, filled), DENO_MARKER) >= 0) return true;
      // The marker may straddle two reads: the tail of this one starts the next.
      carried = Math.min(keep, filled);
      chunk.copyWithin(0, filled - carried, filled);
    }
  } finally {
    file.close();
  }
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first); i >= 0; i = haystack.indexOf(first, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
