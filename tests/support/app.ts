/**
 * @module
 * Runs gleaner as a separate process, exactly as `deno task app` does (the release permission
 * set from deno.json), from a temporary working folder so nothing relies on the source tree as
 * cwd. Events come back parsed from `--json`.
 */
import { fileURLToPath as fromFileUrl } from "node:url";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import type { EngineEvent } from "../../src/protocol/messages.ts";
import { runArgs } from "../../scripts/release.ts";

/** Deno's and @types/node's web streams differ only in their typings. */
type WebStream = NodeWebStream<Uint8Array>;

export const REPO = fromFileUrl(new URL("../../", import.meta.url));
export const MAIN = fromFileUrl(new URL("../../main.ts", import.meta.url));
export const FAULT_APP = fromFileUrl(new URL("./fault_app.ts", import.meta.url));

export interface AppResult {
  code: number;
  stdout: string;
  events: EngineEvent[];
  stderr: string;
}

export interface AppCommandOptions {
  entry?: string;
  cwd?: string;
  env?: Record<string, string>;
  /** "null" for long runs whose diagnostics nobody reads, so the pipe never fills. */
  stderr?: "piped" | "null";
  /** A command that runs the app in its turn (`["setpriv", ..., "--"]`); the app's own command
   * line follows it. */
  wrap?: string[];
}

/** The app as its release binary runs it: the compile flags, the release permission set. */
export function appCommand(args: string[], options: AppCommandOptions = {}): Deno.Command {
  const [program, ...prefix] = [...(options.wrap ?? []), Deno.execPath()];
  return new Deno.Command(program, {
    args: [
      ...prefix,
      ...runArgs(options.entry),
      ...args,
    ],
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdin: "null",
    stdout: "piped",
    stderr: options.stderr ?? "piped",
    env: { NO_COLOR: "1", ...options.env },
  });
}

/** The app in UI mode, with what its one line on stdout says. */
export interface UiApp {
  child: Deno.ChildProcess;
  /** The URL as printed, token included. */
  url: string;
  base: string;
  token: string;
  /** Settles when stdout has ended; it is drained meanwhile so the app never blocks on it. */
  drained: Promise<void>;
}

/** Starts the app in UI mode on a free port and waits for its URL line. */
export async function startUi(
  state: string,
  options: Omit<AppCommandOptions, "stderr"> = {},
): Promise<UiApp> {
  const child = appCommand(["--port", "0", "--state", state], { ...options, stderr: "null" })
    .spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the app ended before printing its URL: ${text}`);
    text += value;
  }
  const found = /((http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+))/.exec(text);
  if (!found) throw new Error(`no URL in the app's first line: ${text}`);
  const drained = (async () => {
    while (!(await reader.read()).done) { /* discard */ }
  })();
  return { child, url: found[1], base: found[2], token: found[3], drained };
}

/** Runs the app to its end. */
export async function runApp(
  args: string[],
  options: Omit<AppCommandOptions, "stderr"> = {},
): Promise<AppResult> {
  const cwd = options.cwd ?? await Deno.makeTempDir({ prefix: "gleaner-cwd-" });
  const out = await appCommand(args, { ...options, cwd }).output();
  if (!options.cwd) await Deno.remove(cwd, { recursive: true });
  const stdout = new TextDecoder().decode(out.stdout);
  return {
    code: out.code,
    stdout,
    events: parseEvents(stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

/** The events of one type, typed. */
export function ofType<T extends EngineEvent["type"]>(events: EngineEvent[], type: T) {
  return events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}

/** Runs `fn` with a fresh temporary folder and removes it afterwards. */
export async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "gleaner-test-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

export function parseEvents(stdout: string): EngineEvent[] {
  return stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
}

/**
 * Starts the app and calls `onEvent` for each event as it arrives; `onEvent` may kill the
 * process (it gets the child). Resolves when the process has exited.
 */
export async function watchApp(
  args: string[],
  onEvent: (event: EngineEvent, child: Deno.ChildProcess) => void,
  options: Pick<AppCommandOptions, "entry" | "env" | "wrap"> = {},
): Promise<AppResult> {
  const cwd = await Deno.makeTempDir({ prefix: "gleaner-cwd-" });
  const child = appCommand(args, { ...options, cwd }).spawn();
  const events: EngineEvent[] = [];
  const stderr = new Response(child.stderr).text();
  const lines = createInterface({
    input: Readable.fromWeb(child.stdout as unknown as WebStream),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const event = JSON.parse(line) as EngineEvent;
    events.push(event);
    onEvent(event, child);
  }
  const status = await child.status;
  await Deno.remove(cwd, { recursive: true });
  return { code: status.code, stdout: "", events, stderr: await stderr };
}
