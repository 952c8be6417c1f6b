/**
 * @module
 * UI mode: the HTTP server on 127.0.0.1 (the preferred port, or a free one when it is taken),
 * one line on stdout with the URL and its session token, and an orderly shutdown on Ctrl-C:
 * running jobs save their state, event streams end, then the server closes.
 */
import { defaultStateDir } from "../fs/state_folder.ts";
import type { JobOverrides } from "../options/prepare_job.ts";
import { createApp } from "./app.ts";
import { JobRegistry } from "./job_registry.ts";
import { JobManager } from "./job_manager.ts";
import { findEngines } from "../pipeline/media/find_engines.ts";
import { newToken, OneTimeCodes } from "./security.ts";

export interface RunningServer {
  /** The address to print: it carries the session token, so only the terminal shows it. */
  url: string;
  /**
   * A fresh address for a browser opener, whose arguments every local user can read: it carries
   * a one-time code that the page trades for the token, good once and for two minutes.
   */
  openUrl(): string;
  port: number;
  token: string;
  manager: JobManager;
  /** Ends running jobs (their state saved), event streams and the server. */
  close(): Promise<void>;
  finished: Promise<void>;
}

/** Where the server listens and keeps its list of jobs. */
export interface ServeOptions {
  /** Preferred port; a free one is taken when it is busy. */
  port: number;
  /** Where the list of jobs is kept; default the user's state folder. */
  state?: string;
}

export function startServer(args: ServeOptions, overrides: JobOverrides = {}): RunningServer {
  const registry = JobRegistry.open(args.state ?? defaultStateDir());
  const manager = new JobManager(registry, overrides);
  const token = newToken();
  const codes = new OneTimeCodes();
  const closing = new AbortController();
  let port = 0;
  const app = createApp({
    manager,
    token,
    codes,
    port: () => port,
    home: Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE") ?? Deno.cwd(),
    closing: closing.signal,
  });
  const serve = (wanted: number) =>
    Deno.serve({ hostname: "127.0.0.1", port: wanted, onListen: () => {} }, app.fetch);
  let server: Deno.HttpServer<Deno.NetAddr>;
  try {
    server = serve(args.port);
  } catch (error) {
    if (!(error instanceof Deno.errors.AddrInUse) || args.port === 0) throw error;
    server = serve(0);
  }
  port = server.addr.port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    openUrl: () => `http://127.0.0.1:${port}/?code=${codes.issue()}`,
    port,
    token,
    manager,
    finished: server.finished,
    close() {
      closed ??= (async () => {
        await manager.shutdown();
        closing.abort();
        await server.shutdown();
        registry.close();
      })();
      return closed;
    },
  };
}

/** Opens a URL in the user's default browser; failing that, the printed URL is enough. */
export async function openBrowser(url: string): Promise<void> {
  const [cmd, ...args] = Deno.build.os === "windows"
    ? ["explorer.exe", url]
    : Deno.build.os === "darwin"
    ? ["open", url]
    : ["xdg-open", url];
  // Resolved and checked like the engines: an opener that is gleaner itself is not started.
  const found = findEngines([cmd])[cmd];
  if (!found || "refused" in found) return;
  try {
    await new Deno.Command(found.path, { args, stdout: "null", stderr: "null" }).output();
  } catch {
    // No permission to start it: the URL is on the terminal.
  }
}
