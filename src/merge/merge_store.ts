/**
 * @module
 * What a merged vault was made from: every shard merged into it so far, with its files and the
 * drafts of their notes, in `VAULT/.gleaner/merge.db` (SQLite, WAL, synchronous=FULL). The vault's
 * notes, maps and state.db are rebuilt from this at every merge, so merging a shard again, late,
 * or after a crash gives the same vault.
 */
import type { DatabaseSync } from "node:sqlite";
import type { FileStatus } from "../store/job_store.ts";
import { isDiskFull } from "../store/disk_full.ts";
import { openDatabase } from "../store/open_database.ts";
import { fileColumns, type Row, SqliteStore } from "../store/sqlite_store.ts";
import { CorruptStateError } from "../common/errors.ts";
import { linkedFiles } from "../protocol/messages.ts";

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per shard merged in; a shard merged again replaces its row and its files.
CREATE TABLE IF NOT EXISTS shards(
  idx INTEGER PRIMARY KEY,
  count INTEGER NOT NULL,
  vault TEXT NOT NULL,
  input_dir TEXT NOT NULL,
  options TEXT NOT NULL,
  options_hash TEXT NOT NULL,
  walk TEXT NOT NULL
);

-- The files a shard finished (done, failed or quarantined); meta and body are the note's draft.
CREATE TABLE IF NOT EXISTS files(
  path TEXT PRIMARY KEY,
  shard INTEGER NOT NULL REFERENCES shards(idx) ON DELETE CASCADE,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  meta TEXT,
  body TEXT
);
CREATE INDEX IF NOT EXISTS files_by_shard ON files(shard);

-- Note paths a merge is about to write, recorded first: until state.db lists them, a crash
-- could leave them in the vault, and the next merge must know they are its own.
CREATE TABLE IF NOT EXISTS written(path TEXT PRIMARY KEY);
`;

export interface MergedShard {
  index: number;
  count: number;
  vault: string;
  inputDir: string;
  options: string;
  optionsHash: string;
  walk: string;
}

export interface MergedFile {
  path: string;
  shard: number;
  size: number;
  mtimeMs: number;
  hash: string;
  status: FileStatus;
  error: string | null;
}

/** A done file with what its title, links and maps are made from (not its body). */
export interface MergedNote extends MergedFile {
  title: string;
  terms: [string, number][];
  tags: string[];
  people: string[];
  /** Organisations and places it names. */
  names: string[];
  keyphrases: string[];
  summary: string[];
  keyPoints: string[];
  /** The other inputs its body links to. */
  linksTo: string[];
}

const fileFromRow = (r: Row): MergedFile => ({ ...fileColumns(r), shard: Number(r.shard) });

export class MergeStore extends SqliteStore {
  private constructor(db: DatabaseSync) {
    super(db);
  }

  /** @throws {CorruptStateError} when the file cannot be used */
  static open(path: string): MergeStore {
    try {
      return new MergeStore(openDatabase(path, { schema: SCHEMA, version: SCHEMA_VERSION }));
    } catch (error) {
      if (isDiskFull(error)) throw error;
      throw new CorruptStateError(
        `merge database ${path} cannot be used: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  shards(): MergedShard[] {
    return this.sql("SELECT * FROM shards ORDER BY idx").all().map((r) => ({
      index: Number(r.idx),
      count: Number(r.count),
      vault: String(r.vault),
      inputDir: String(r.input_dir),
      options: String(r.options),
      optionsHash: String(r.options_hash),
      walk: String(r.walk),
    }));
  }

  /** Forgets what a shard brought before and records it afresh (call inside a transaction). */
  replaceShard(shard: MergedShard): void {
    this.sql("DELETE FROM files WHERE shard = ?").run(shard.index);
    this.sql(
      `INSERT INTO shards(idx, count, vault, input_dir, options, options_hash, walk)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(idx) DO UPDATE SET count = excluded.count, vault = excluded.vault,
       input_dir = excluded.input_dir, options = excluded.options,
       options_hash = excluded.options_hash, walk = excluded.walk`,
    ).run(
      shard.index,
      shard.count,
      shard.vault,
      shard.inputDir,
      shard.options,
      shard.optionsHash,
      shard.walk,
    );
  }

  addFile(file: MergedFile, draft?: { meta: string; body: string }): void {
    this.sql(
      `INSERT INTO files(path, shard, size, mtime_ms, hash, status, error, meta, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      file.path,
      file.shard,
      file.size,
      file.mtimeMs,
      file.hash,
      file.status,
      file.error,
      draft?.meta ?? null,
      draft?.body ?? null,
    );
  }

  /** Every merged file, in no particular order. */
  files(): MergedFile[] {
    return this.sql("SELECT path, shard, size, mtime_ms, hash, status, error FROM files")
      .all().map(fileFromRow);
  }

  /** Every done file with what its name, links and maps are made from. */
  notes(): MergedNote[] {
    return this.sql(
      `SELECT path, shard, size, mtime_ms, hash, status, error,
       json_extract(meta, '$.title') AS title,
       json_extract(meta, '$.analysis.terms') AS terms,
       json_extract(meta, '$.analysis.tags') AS tags,
       json_extract(meta, '$.analysis.people') AS people,
       json_extract(meta, '$.analysis.organizations') AS organizations,
       json_extract(meta, '$.analysis.places') AS places,
       json_extract(meta, '$.analysis.keyphrases') AS keyphrases,
       json_extract(meta, '$.analysis.summary') AS summary,
       (SELECT json_group_array(json_extract(value, '$.text'))
        FROM json_each(meta, '$.analysis.keyPoints')) AS key_points,
       json_extract(meta, '$.links') AS links
       FROM files WHERE status = 'done'`,
    ).all().map((r) => ({
      ...fileFromRow(r),
      title: String(r.title),
      terms: JSON.parse(String(r.terms)),
      tags: JSON.parse(String(r.tags)),
      people: JSON.parse(String(r.people)),
      names: [
        ...JSON.parse(String(r.organizations ?? "[]")),
        ...JSON.parse(String(r.places ?? "[]")),
      ],
      keyphrases: JSON.parse(String(r.keyphrases)),
      summary: JSON.parse(String(r.summary)),
      keyPoints: JSON.parse(String(r.key_points)),
      linksTo: r.links === null ? [] : linkedFiles(JSON.parse(String(r.links)), String(r.path)),
    }));
  }

  /** The draft of a done file: its JSON without the body, and the body. */
  draft(path: string): { meta: string; body: string } {
    const r = this.sql("SELECT meta, body FROM files WHERE path = ?").get(path);
    if (!r || r.meta === null) throw new Error(`no draft merged for ${path}`);
    return { meta: String(r.meta), body: String(r.body) };
  }

  written(): string[] {
    return this.sql("SELECT path FROM written ORDER BY path").all().map((r) => String(r.path));
  }

  addWritten(paths: string[]): void {
    this.transaction(() => {
      const insert = this.sql("INSERT OR IGNORE INTO written(path) VALUES (?)");
      for (const path of paths) insert.run(path);
    });
  }

  clearWritten(): void {
    this.sql("DELETE FROM written").run();
  }
}
