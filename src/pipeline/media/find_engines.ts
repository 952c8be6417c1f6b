/**
 * @module
 * Finds the external engines (ffmpeg, the speech engines, the URL opener) on the PATH, as main
 * sees it, before any sandbox may start one, and refuses any that is the app's own executable.
 *
 * Deno's `run` permission names a program, not what it is: with `ffmpeg` on the PATH being a
 * link to (or a copy of) the gleaner binary, `new Deno.Command("ffmpeg")` would start gleaner
 * itself, and a batch that starts itself can multiply without end. So main resolves each name
 * to one file, compares that file with its own executable (same file, or same bytes), and grants
 * the sandboxes the resolved paths alone.
 */
import { delimiter, join } from "node:path";

/** Where an engine was found, or why it may not be used. */
export type EnginePath = { path: string } | { refused: string };

export interface FindOptions {
  /** The search path; default the PATH environment variable. */
  searchPath?: string;
  /** The app's own executable; default `Deno.execPath()`. */
  self?: string;
}

/** Each name found on the search path; a name found nowhere is left out. */
export function findEngines(
  names: readonly string[],
  options: FindOptions = {},
): Record<string, EnginePath> {
  const searchPath = options.searchPath ?? Deno.env.get("PATH") ?? "";
  const self = identify(options.self ?? Deno.execPath());
  const found: Record<string, EnginePath> = {};
  for (const name of names) {
    const path = onSearchPath(name, searchPath);
    if (path === undefined) continue;
    found[name] = self && isSelf(path, self)
      ? { refused: `${name} on the PATH (${path}) is gleaner's own executable; it is not started` }
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

interface Identity {
  real: string;
  size: number;
  path: string;
}

function identify(path: string): Identity | undefined {
  try {
    const real = Deno.realPathSync(path);
    return { real, size: Deno.statSync(real).size, path: real };
  } catch {
    return undefined;
  }
}

/** The same file as the app's executable, through any link, or a copy of its bytes. */
function isSelf(path: string, self: Identity): boolean {
  const other = identify(path);
  if (!other) return false;
  if (other.real === self.real) return true;
  return other.size === self.size && sameBytes(other.path, self.path);
}

function sameBytes(a: string, b: string): boolean {
  const [x, y] = [Deno.openSync(a), Deno.openSync(b)];
  try {
    const bufX = new Uint8Array(1 << 20);
    const bufY = new Uint8Array(1 << 20);
    for (;;) {
      const n = readFull(x, bufX);
      const m = readFull(y, bufY);
      if (n !== m) return false;
      if (n === 0) return true;
      for (let i = 0; i < n; i++) if (bufX[i] !== bufY[i]) return false;
    }
  } finally {
    x.close();
    y.close();
  }
}

function readFull(file: Deno.FsFile, buffer: Uint8Array): number {
  let filled = 0;
  while (filled < buffer.length) {
    const n = file.readSync(buffer.subarray(filled));
    if (n === null) break;
    filled += n;
  }
  return filled;
}
