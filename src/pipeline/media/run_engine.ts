/**
 * @module
 * Runs one external engine (ffmpeg, ffprobe, pocketsphinx, whisper-cli) for a stage: no
 * inherited environment, output collected, the stage kept visibly alive while it runs, and a
 * missing program turned into a clear error that says how to install it.
 */
import { type EnginePath, findEngines } from "./find_engines.ts";
import { InputError } from "../../common/errors.ts";

const INSTALL_HINTS: Record<string, string> = {
  ffmpeg: "install ffmpeg (Debian/Ubuntu: apt install ffmpeg; macOS: brew install ffmpeg)",
  ffprobe: "install ffmpeg, which brings ffprobe (Debian/Ubuntu: apt install ffmpeg; " +
    "macOS: brew install ffmpeg)",
  pocketsphinx_continuous: "install PocketSphinx and its English model (Debian/Ubuntu: " +
    "apt install pocketsphinx pocketsphinx-en-us)",
  "whisper-cli": "install whisper.cpp and put whisper-cli on the PATH",
};

/** The engines a media sandbox may start; nothing else, and never gleaner itself. */
export const ENGINES = Object.keys(INSTALL_HINTS);

/**
 * Where this thread's engines are: main finds them (find_engines.ts) and sends them with every
 * task, since a sandbox may neither read the PATH nor start anything else. Code that runs outside
 * a sandbox (tests, the benchmark) finds them itself on first use.
 */
let enginePaths: Record<string, EnginePath> | undefined;

export function useEngines(paths: Record<string, EnginePath>): void {
  enginePaths = paths;
}

/** The path to start for `program`, or the reason it cannot be. */
function locate(program: string): string {
  const found = (enginePaths ??= findEngines(ENGINES))[program];
  if (found === undefined) {
    throw new InputError(`${program} is not installed: ${INSTALL_HINTS[program] ?? "install it"}`);
  }
  if ("refused" in found) throw new InputError(found.refused);
  return found.path;
}

/** How often a running engine counts as a sign of life for the stall watch. */
const ALIVE_MS = 5000;

export interface EngineRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runEngine(
  program: string,
  args: string[],
  alive: () => void,
): Promise<EngineRun> {
  const path = locate(program);
  const timer = setInterval(alive, ALIVE_MS);
  try {
    const out = await new Deno.Command(path, {
      args,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      clearEnv: true,
      env: { LC_ALL: "C" },
    }).output();
    const decoder = new TextDecoder();
    return {
      code: out.code,
      stdout: decoder.decode(out.stdout),
      stderr: decoder.decode(out.stderr),
    };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(
        `${program} is not installed: ${INSTALL_HINTS[program] ?? "install it"}`,
      );
    }
    throw error;
  } finally {
    clearInterval(timer);
  }
}

/** The last meaningful line of an engine's error output, for messages. */
export function lastLine(stderr: string): string {
  const lines = stderr.trim().split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.at(-1) ?? "").slice(0, 300);
}
