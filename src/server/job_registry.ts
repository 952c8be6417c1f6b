/**
 * @module
 * The web UI's list of jobs: which input folder goes into which vault, with the command line
 * they were started with, so that a job can be resumed after the app (or the machine) went down.
 * Everything else about a job lives in its vault's own store. SQLite through node:sqlite.
 */
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";

export interface RegisteredJob {
  id: number;
  inputDir: string;
  vaultDir: string;
  /** The batch command line the job runs with, as parsed by the CLI's parser. */
  argv: string[];
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
      argv TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE(input_dir, vault_dir)
    )`);
    return new JobRegistry(db);
  }

  close(): void {
    this.#db.close();
  }

  /** Registers a job, or updates the command line of the one for the same folders. */
  put(inputDir: string, vaultDir: string, argv: string[]): RegisteredJob {
    const row = this.#db.prepare(
      `INSERT INTO jobs(input_dir, vault_dir, argv, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(input_dir, vault_dir) DO UPDATE SET argv = excluded.argv RETURNING *`,
    ).get(inputDir, vaultDir, JSON.stringify(argv), Date.now())!;
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
  return {
    id: Number(r.id),
    inputDir: String(r.input_dir),
    vaultDir: String(r.vault_dir),
    argv: JSON.parse(String(r.argv)),
    createdAt: Number(r.created_at),
  };
}

/** The user's state folder for gleaner, by platform convention. */
export function defaultStateDir(): string {
  const env = (name: string) => Deno.env.get(name) || undefined;
  if (Deno.build.os === "windows") {
    return join(
      env("LOCALAPPDATA") ?? join(env("USERPROFILE") ?? ".", "AppData", "Local"),
      "gleaner",
    );
  }
  if (Deno.build.os === "darwin") {
    return join(env("HOME") ?? ".", "Library", "Application Support", "gleaner");
  }
  return join(env("XDG_STATE_HOME") ?? join(env("HOME") ?? ".", ".local", "state"), "gleaner");
}
