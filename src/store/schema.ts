/**
 * @module
 * The job store's SQLite schema. Run metadata lives here, never in notes.
 */

export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One job per input folder and vault.
CREATE TABLE IF NOT EXISTS jobs(
  id INTEGER PRIMARY KEY,
  input_dir TEXT NOT NULL UNIQUE,
  options TEXT NOT NULL,
  options_hash TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One row per process that worked on a job. ended_at NULL after the process is gone means it
-- died without a word, unless it had recorded an interrupt request first.
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  pid INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  interrupt_requested INTEGER NOT NULL DEFAULT 0,
  ended_at INTEGER,
  end_reason TEXT
);

-- Files in discovery order: id is the tie-break rank for note names, so it must follow the
-- sorted walk.
CREATE TABLE IF NOT EXISTS files(
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL,
  status TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  options_hash TEXT,
  error TEXT,
  UNIQUE(job_id, path)
);
CREATE INDEX IF NOT EXISTS files_by_status ON files(job_id, status);

-- Written before a file is dispatched, so an attempt that was in flight when the process
-- died is known at the next start.
CREATE TABLE IF NOT EXISTS attempts(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  outcome TEXT,
  error TEXT
);
CREATE INDEX IF NOT EXISTS attempts_by_file ON attempts(file_id, id);
CREATE INDEX IF NOT EXISTS attempts_open ON attempts(run_id) WHERE outcome IS NULL;

-- The notes gleaner wrote. base_key groups notes whose titles collide.
CREATE TABLE IF NOT EXISTS notes(
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  base_key TEXT NOT NULL,
  base TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_by_base ON notes(base_key);

-- Vault renames announced before they happen, replayed at start after a crash.
CREATE TABLE IF NOT EXISTS vault_intents(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL,
  from_path TEXT NOT NULL,
  to_path TEXT NOT NULL,
  base_key TEXT NOT NULL,
  base TEXT NOT NULL
);

-- Notes found in the vault when the state had to be rebuilt; adopted by path and hash.
CREATE TABLE IF NOT EXISTS adoptable(
  source TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  path TEXT NOT NULL,
  base TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  -- What the note was rendered from, read back from it (JSON), when it is in gleaner's layout.
  draft TEXT,
  related TEXT,
  PRIMARY KEY(source, source_hash)
);

-- Finished chunks of a recording still being transcribed; dropped when its note is written.
CREATE TABLE IF NOT EXISTS chunks(
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  chunk_ms INTEGER NOT NULL,
  source_hash TEXT NOT NULL,
  engine TEXT NOT NULL,
  segments TEXT NOT NULL,
  PRIMARY KEY(file_id, idx)
);

-- What a note was rendered from, kept so notes can be rendered again when their related notes
-- change and so Maps of Content are built from the store: the draft without its body (JSON),
-- the body, and the related notes the note currently links to (JSON list of vault paths).
CREATE TABLE IF NOT EXISTS drafts(
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  meta TEXT NOT NULL,
  body TEXT NOT NULL,
  related TEXT NOT NULL
);

-- What each note's related notes were last found from (a hash of its place, terms, keyphrases
-- and tags): a note whose inputs did not change since keeps its list unless a changed note
-- enters or leaves it (see src/knowledge/related.ts). Added without a schema version: a store
-- without it has simply never linked with it, and every note counts as changed once.
CREATE TABLE IF NOT EXISTS link_inputs(
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  hash TEXT NOT NULL
);

-- Maps of Content gleaner wrote, with the hash of what it wrote.
CREATE TABLE IF NOT EXISTS maps(
  path TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL
);

-- Tokens a language model used, per finished file (LLM mode).
CREATE TABLE IF NOT EXISTS llm_usage(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  attempt_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  model TEXT NOT NULL,
  requests INTEGER NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL
);

-- The shard a job of a sharded batch does (--shard K/N), with the walk's filters (JSON), so that
-- a merge can check that every shard ran over the same inputs.
CREATE TABLE IF NOT EXISTS shards(
  job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  count INTEGER NOT NULL,
  walk TEXT NOT NULL
);

-- Content hashes of the inputs that belong to other shards, so a shard run again after a crash
-- does not read every other shard's files once more to find out they are not its own.
CREATE TABLE IF NOT EXISTS other_shard_files(
  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY(job_id, path)
);

CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  run_id INTEGER,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL
);
`;
