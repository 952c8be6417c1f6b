/**
 * @module
 * The web UI's HTTP routes (Hono): JSON under `/api/`, the engine's events as server-sent
 * events, a folder browser for picking inputs, and a vault reader that serves only files inside
 * a job's vault. Every route sits behind {@link accessControl}.
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { VERSION } from "../common/version.ts";
import {
  Done,
  FolderListing,
  Health,
  Hello,
  type JobEvent,
  JobRequest,
  ResumeRequest,
  SessionGranted,
  SessionRequest,
  Started,
} from "../protocol/api.ts";
import { inside, openRegularFile } from "../fs/open_regular.ts";
import type { JobManager } from "./job_manager.ts";
import { searchVault } from "./search_vault.ts";
import { accessControl, limitBody, type OneTimeCodes, SESSION_PATH } from "./security.ts";
import { installedModels } from "../models/catalogue.ts";
import { defaultStateDir } from "../fs/state_folder.ts";
import { compareNames, HOME_NOTE, MAPS_DIR, NOTES_DIR, STATE_DIR } from "../vault/layout.ts";
// Built by `deno task build:ui` (a dependency of every task that runs the app).
import APP_JS from "../../ui/dist/app.js" with { type: "text" };
import APP_CSS from "../../ui/dist/app.css" with { type: "text" };
import FAVICON from "../../ui/favicon.svg" with { type: "text" };
import { errorMessage, NotFound, UnsafeFileError, UsageError } from "../common/errors.ts";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gleaner</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/app.js"></script>
</body>
</html>`;

export interface AppDeps {
  manager: JobManager;
  token: string;
  /** Codes that `--open` hands the browser, each traded once for the token. */
  codes: OneTimeCodes;
  /** The port actually bound, known once the server listens. */
  port: () => number;
  /** Where the folder browser starts. */
  home: string;
  /** Aborted when the server shuts down: open event streams end. */
  closing: AbortSignal;
}

/** The answer of an action that only says it was done. */
const DONE = Done.parse({ ok: true });

export function createApp(deps: AppDeps): Hono {
  const { manager } = deps;
  const app = new Hono();
  app.use("*", accessControl(deps.token, deps.port));
  app.use("*", limitBody);
  app.onError((error, c) => {
    if (error instanceof NotFound) return c.json({ error: error.message }, 404);
    if (error instanceof UsageError) return c.json({ error: error.message }, 400);
    console.error(`gleaner: ${error.stack ?? error}`);
    return c.json({ error: "internal error" }, 500);
  });

  app.get("/api/health", (c) => c.json(Health.parse({ ok: true, version: VERSION })));

  // The one API route open without the token: it trades a one-time code for it.
  app.post(SESSION_PATH, async (c) => {
    const parsed = SessionRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success || !deps.codes.redeem(parsed.data.code)) {
      return c.json({
        error: "this link was used already or has expired: open the URL gleaner printed",
      }, 401);
    }
    return c.json(SessionGranted.parse({ token: deps.token }));
  });

  app.get("/api/jobs", (c) => c.json(manager.list()));
  // The whisper models `gleaner models pull` installed, for the New job form.
  app.get("/api/models", async (c) => c.json(await installedModels(defaultStateDir())));
  app.post("/api/jobs", async (c) => {
    const parsed = JobRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: message(parsed.error) }, 400);
    const entry = await manager.start(parsed.data);
    return c.json(Started.parse({ id: entry.id }), 201);
  });
  app.get("/api/jobs/:id", (c) => c.json(manager.detail(id(c.req.param("id")))));
  app.get("/api/jobs/:id/metrics", (c) => c.json(manager.metrics(id(c.req.param("id")))));
  app.post(
    "/api/jobs/:id/pause",
    (c) => (manager.pause(id(c.req.param("id"))), c.json(DONE)),
  );
  app.post("/api/jobs/:id/resume", async (c) => {
    const jobId = id(c.req.param("id"));
    // A running job that is paused continues; a stopped one runs again.
    if (manager.isRunning(jobId)) {
      manager.unpause(jobId);
      return c.json(Started.parse({ id: jobId }));
    }
    const body = await c.req.json().catch(() => ({}));
    const parsed = ResumeRequest.safeParse(body);
    if (!parsed.success) return c.json({ error: message(parsed.error) }, 400);
    return c.json(Started.parse({ id: (await manager.rerun(jobId, parsed.data)).id }));
  });
  app.post(
    "/api/jobs/:id/cancel",
    (c) => (manager.cancel(id(c.req.param("id"))), c.json(DONE)),
  );
  app.delete("/api/jobs/:id", (c) => (manager.remove(id(c.req.param("id"))), c.json(DONE)));

  app.get("/api/jobs/:id/note", async (c) => {
    const vaultDir = manager.vaultOf(id(c.req.param("id")));
    return c.text(await readNote(vaultDir, c.req.query("path") ?? ""), 200, {
      "content-type": "text/markdown; charset=utf-8",
    });
  });

  app.get("/api/folders", async (c) => {
    const wanted = resolve(c.req.query("path") || deps.home);
    const folders: string[] = [];
    try {
      for await (const e of Deno.readDir(wanted)) {
        if (e.isDirectory && !e.name.startsWith(".")) folders.push(e.name);
      }
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) throw new NotFound(`no folder ${wanted}`);
      // Not a folder, not readable, a loop: the user picked a path that cannot be listed.
      throw new UsageError(`cannot list ${wanted}: ${errorMessage(error)}`, { cause: error });
    }
    folders.sort((a, b) => a.localeCompare(b));
    const parent = dirname(wanted) === wanted ? null : dirname(wanted);
    return c.json(FolderListing.parse({ path: wanted, parent, folders }));
  });

  app.get("/api/events", (c) =>
    streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = manager.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      const closed = new Promise<void>((done) => {
        stream.onAbort(done);
        deps.closing.addEventListener("abort", () => done(), { once: true });
      });
      try {
        await stream.writeSSE({
          event: "hello",
          data: JSON.stringify(Hello.parse({ version: VERSION })),
        });
        for (;;) {
          while (queue.length > 0) {
            const e = queue.shift()!;
            await stream.writeSSE({ event: "job", data: JSON.stringify(e) });
          }
          const more = new Promise<void>((resolve) => (wake = resolve));
          if (await Promise.race([more.then(() => false), closed.then(() => true)])) break;
        }
      } finally {
        unsubscribe();
      }
    }));

  app.get("/api/jobs/:id/notes", async (c) => {
    return c.json(await vaultNotes(manager.vaultOf(id(c.req.param("id")))));
  });
  app.get("/api/jobs/:id/search", async (c) => {
    const vaultDir = manager.vaultOf(id(c.req.param("id")));
    const query = (c.req.query("q") ?? "").slice(0, 200);
    return c.json(await searchVault(vaultDir, await vaultNotes(vaultDir), query));
  });

  // The UI: one page, its script and its stylesheet, all embedded in the app.
  app.get("/", (c) => c.html(PAGE));
  app.get(
    "/app.js",
    (c) => c.body(APP_JS, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/app.css", (c) => c.body(APP_CSS, 200, { "content-type": "text/css; charset=utf-8" }));
  // Browsers ask for it on their own; an SVG, which they draw by its content type.
  app.get("/favicon.ico", (c) => c.body(FAVICON, 200, { "content-type": "image/svg+xml" }));
  return app;
}

function id(raw: string): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new NotFound(`no job ${raw}`);
  return n;
}

function message(error: import("zod").ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
}

/** Notes are text; a "note" this big is something else and is not loaded into memory. */
const MAX_NOTE_BYTES = 64 * 1024 * 1024;

/**
 * The text of a vault note named by a request. Only Markdown files below the vault, outside its
 * state folder, and regular files as they are when opened: `..`, absolute paths, symbolic links
 * that lead out or into `.gleaner/`, FIFOs and devices are all "no such note".
 */
async function readNote(vaultDir: string, wanted: string): Promise<string> {
  if (wanted === "" || isAbsolute(wanted) || wanted.includes("\0") || !wanted.endsWith(".md")) {
    throw new NotFound("no such note");
  }
  const root = await Deno.realPath(vaultDir);
  const allowed = (path: string) =>
    inside(path, root) && relative(root, path).split(sep)[0] !== STATE_DIR &&
    path.endsWith(".md");
  const joined = resolve(root, wanted);
  if (!allowed(joined)) throw new NotFound("no such note");
  let real: string;
  try {
    real = await Deno.realPath(joined);
  } catch {
    throw new NotFound("no such note");
  }
  if (!allowed(real)) throw new NotFound("no such note");
  let file;
  try {
    file = await openRegularFile(real, root);
  } catch (error) {
    if (error instanceof UnsafeFileError || error instanceof Deno.errors.NotFound) {
      throw new NotFound("no such note");
    }
    throw error;
  }
  try {
    const { size } = await file.stat();
    if (size > MAX_NOTE_BYTES) throw new NotFound("no such note");
    return new TextDecoder().decode(await file.readFile());
  } finally {
    await file.close();
  }
}

/** The Markdown files of a vault gleaner writes: Home, the maps and the source notes. */
async function vaultNotes(vaultDir: string): Promise<string[]> {
  const out: string[] = [];
  const list = async (sub: string) => {
    try {
      for await (const e of Deno.readDir(join(vaultDir, sub))) {
        if (e.isFile && e.name.endsWith(".md")) out.push(sub ? `${sub}/${e.name}` : e.name);
      }
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  };
  await list("");
  await list(MAPS_DIR);
  await list(NOTES_DIR);
  return out.sort((a, b) => a === HOME_NOTE ? -1 : b === HOME_NOTE ? 1 : compareNames(a, b));
}
