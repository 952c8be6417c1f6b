/**
 * @module
 * The web UI's list of jobs: which input folder goes into which vault, with the choices they
 * were started with, so that a job can be resumed after the app (or the machine) went down.
 * Everything else about a job lives in its vault's own store. SQLite through node:sqlite.
 */
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { JobRequest } from "../protocol/api.ts";

export interface RegisteredJob {
  id: number;
  inputDir: string;
  vaultDir: string;
  /** The choices the job runs with, as the UI's form sent them, without one-off switches. */
  request: JobRequest;
  createdAt: number;
}

export class JobRegistry {
  readonly #db: DatabaseSync;

  private constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Opens (creating) the registry in `dir`. */
  static open(dir: string): JobRegistry {
    Deno.mkdirSync(dir, { recursive: true });
    const db = new DatabaseSync(join(dir, "jobs.db"));
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    db.exec(`CREATE TABLE IF NOT EXISTS jobs(
      id INTEGER PRIMARY KEY,
      input_dir TEXT NOT NULL,
      vault_dir TEXT NOT NULL,
      -- The job's request as JSON; in a jobs.db of gleaner 0.1, the batch command line it was
      -- turned into (see legacyRequest).
      argv TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE(input_dir, vault_dir)
    )`);
    return new JobRegistry(db);
  }

  close(): void {
    this.#db.close();
  }

  /** Registers a job, or updates the request of the one for the same folders. */
  put(inputDir: string, vaultDir: string, request: JobRequest): RegisteredJob {
    const row = this.#db.prepare(
      `INSERT INTO jobs(input_dir, vault_dir, argv, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(input_dir, vault_dir) DO UPDATE SET argv = excluded.argv RETURNING *`,
    ).get(inputDir, vaultDir, JSON.stringify(request), Date.now())!;
    return fromRow(row);
  }

  list(): RegisteredJob[] {
    return this.#db.prepare("SELECT * FROM jobs ORDER BY id DESC").all().map(fromRow);
  }

  get(id: number): RegisteredJob | undefined {
    const row = this.#db.prepare("SELECT * FROM jobs WHERE id = ?").get(id);
    return row && fromRow(row);
  }

  remove(id: number): void {
    this.#db.prepare("DELETE FROM jobs WHERE id = ?").run(id);
  }
}

function fromRow(r: Record<string, unknown>): RegisteredJob {
  const stored: unknown = JSON.parse(String(r.argv));
  return {
    id: Number(r.id),
    inputDir: String(r.input_dir),
    vaultDir: String(r.vault_dir),
    request: Array.isArray(stored) ? legacyRequest(stored) : JobRequest.parse(stored),
    createdAt: Number(r.created_at),
  };
}

/**
 * The request a job of gleaner 0.1 was started with, from the command line it was stored as:
 * the flags that version wrote for a request, and no others.
 */
function legacyRequest(argv: string[]): JobRequest {
  const { values: v } = parseArgs({
    args: argv,
    strict: false,
    options: {
      batch: { type: "string" },
      out: { type: "string" },
      workers: { type: "string" },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      "whisper-model": { type: "string" },
      llm: { type: "boolean" },
      "llm-url": { type: "string" },
      "llm-model": { type: "string" },
    },
  });
  // Only the flags given, as the request had only the fields given.
  const given = (key: string, value: unknown) => value === undefined ? {} : { [key]: value };
  return JobRequest.parse({
    ...given("input", v.batch),
    ...given("out", v.out),
    ...given("workers", v.workers === undefined ? undefined : Number(v.workers)),
    ...given("include", v.include),
    ...given("exclude", v.exclude),
    ...given("whisperModel", v["whisper-model"]),
    ...given(
      "llm",
      v.llm ? { ...given("url", v["llm-url"]), ...given("model", v["llm-model"]) } : undefined,
    ),
  });
}
