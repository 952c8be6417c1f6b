/**
 * @module
 * The job store: SQLite (node:sqlite) at `VAULT/.gleaner/state.db`, WAL, synchronous=FULL.
 * Only main touches it. Every state change that must survive a crash is one transaction.
 */
import { DatabaseSync } from "node:sqlite";
import { type Chunk, linkedFiles, type LlmUsage, type NoteDraft } from "../protocol/messages.ts";
import { SCHEMA, SCHEMA_VERSION } from "./schema.ts";
import { isDiskFull } from "./disk_full.ts";
import { tornJson } from "./torn_json.ts";
import { openDatabase } from "./open_database.ts";
import { fileColumns, type Row, SqliteStore } from "./sqlite_store.ts";
import type {
  Adoptable,
  FileRow,
  FileStatus,
  JobRow,
  JobState,
  LinkedNote,
  NoteRow,
  RecoveredRuns,
  RunEnd,
  RunRow,
  VaultIntent,
} from "./rows.ts";
import { CorruptStateError, errorMessage } from "../common/errors.ts";

// The row types come with the store: callers import both from here.
export type * from "./rows.ts";

const fileFromRow = (r: Row): FileRow => ({
  id: Number(r.id),
  jobId: Number(r.job_id),
  ...fileColumns(r),
  failures: Number(r.failures),
  optionsHash: r.options_hash === null ? null : String(r.options_hash),
});

const noteFromRow = (r: Row): NoteRow => ({
  fileId: Number(r.file_id),
  baseKey: String(r.base_key),
  base: String(r.base),
  path: String(r.path),
  contentHash: String(r.content_hash),
});

/** The files a job's progress counts out of: all but those gone from the input folder. */
export function jobTotal(counts: Record<FileStatus, number>): number {
  return counts.pending + counts.done + counts.failed + counts.quarantined + counts.skipped;
}
export class JobStore extends SqliteStore {
  readonly #clock: () => number;

  private constructor(db: DatabaseSync, clock: () => number) {
    super(db);
    this.#clock = clock;
  }

  /** Opens (creating if needed) and verifies the state database. */
  /**
   * Opens a state database only to read it (the web UI looking at a job no run holds): no
   * integrity check over the whole file, no schema change, nothing written.
   * @throws {CorruptStateError} when it cannot be opened or is of another schema version
   */
  static openReadOnly(path: string): JobStore {
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(path, { readOnly: true });
      db.exec("PRAGMA busy_timeout = 5000");
      const version = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get();
      if (Number(version?.value) !== SCHEMA_VERSION) {
        throw new Error(`schema version ${version?.value}, this gleaner uses ${SCHEMA_VERSION}`);
      }
      return new JobStore(db, Date.now);
    } catch (error) {
      db?.close();
      throw new CorruptStateError(`state database ${path} cannot be read: ${errorMessage(error)}`, {
        cause: error,
      });
    }
  }

  static open(path: string, clock: () => number = Date.now): JobStore {
    try {
      const spec = { schema: SCHEMA, version: SCHEMA_VERSION, verify: tornJson };
      return new JobStore(openDatabase(path, spec), clock);
    } catch (error) {
      // A full disk says nothing about the database: moving it aside would lose it for nothing.
      if (isDiskFull(error)) throw error;
      throw new CorruptStateError(`state database ${path} cannot be used: ${errorMessage(error)}`, {
        cause: error,
      });
    }
  }

  // ---- jobs ----

  findJob(inputDir: string): JobRow | undefined {
    const r = this.sql("SELECT * FROM jobs WHERE input_dir = ?").get(inputDir);
    return r && this.#job(r);
  }

  /** Every job whose state this vault holds. */
  jobs(): JobRow[] {
    return this.sql("SELECT * FROM jobs ORDER BY id").all().map((r) => this.#job(r));
  }

  getJob(jobId: number): JobRow | undefined {
    const r = this.sql("SELECT * FROM jobs WHERE id = ?").get(jobId);
    return r && this.#job(r);
  }

  createJob(inputDir: string, options: string, optionsHash: string): JobRow {
    const now = this.#clock();
    const r = this.sql(
      `INSERT INTO jobs(input_dir, options, options_hash, state, created_at, updated_at)
       VALUES (?, ?, ?, 'running', ?, ?) RETURNING *`,
    ).get(inputDir, options, optionsHash, now, now)!;
    return this.#job(r);
  }

  updateJobOptions(jobId: number, options: string, optionsHash: string): void {
    this.sql("UPDATE jobs SET options = ?, options_hash = ?, updated_at = ? WHERE id = ?")
      .run(options, optionsHash, this.#clock(), jobId);
  }

  setJobState(jobId: number, state: JobState): void {
    this.sql("UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?")
      .run(state, this.#clock(), jobId);
  }

  /** Forgets a job and everything recorded for it; its notes stay in the vault. */
  deleteJob(jobId: number): void {
    this.sql("DELETE FROM jobs WHERE id = ?").run(jobId);
  }

  #job(r: Row): JobRow {
    return {
      id: Number(r.id),
      inputDir: String(r.input_dir),
      options: String(r.options),
      optionsHash: String(r.options_hash),
      state: String(r.state) as JobState,
    };
  }

  // ---- runs ----

  beginRun(jobId: number, pid: number): number {
    const r = this.sql(
      "INSERT INTO runs(job_id, pid, started_at) VALUES (?, ?, ?) RETURNING id",
    ).get(jobId, pid, this.#clock())!;
    return Number(r.id);
  }

  runsOf(jobId: number): RunRow[] {
    return this.sql(
      "SELECT id, started_at, ended_at, end_reason FROM runs WHERE job_id = ? ORDER BY id",
    ).all(jobId).map((r) => ({
      id: Number(r.id),
      startedAt: Number(r.started_at),
      endedAt: r.ended_at === null ? null : Number(r.ended_at),
      endReason: r.end_reason === null ? null : String(r.end_reason),
    }));
  }

  /** Recorded the moment an interrupt arrives, so even a second Ctrl-C is not a crash. */
  requestInterrupt(runId: number): void {
    this.sql("UPDATE runs SET interrupt_requested = 1 WHERE id = ?").run(runId);
  }

  endRun(runId: number, reason: RunEnd): void {
    this.transaction(() => {
      const now = this.#clock();
      this.sql(
        `UPDATE attempts SET outcome = 'interrupted', ended_at = ?
         WHERE run_id = ? AND (outcome IS NULL OR outcome = 'result')`,
      ).run(now, runId);
      this.sql("UPDATE runs SET ended_at = ?, end_reason = ? WHERE id = ?")
        .run(now, reason, runId);
    });
  }

  /**
   * Closes the books on earlier runs of a job whose process is gone: attempts left open by an
   * interrupted run are marked interrupted (never counted); those left by a run that died
   * unexplained are marked `process_died`.
   */
  recoverRuns(jobId: number): RecoveredRuns {
    return this.transaction(() => {
      const open = this.sql(
        "SELECT id, interrupt_requested FROM runs WHERE job_id = ? AND ended_at IS NULL",
      ).all(jobId);
      const result: RecoveredRuns = { interruptedRuns: 0, crashedRuns: 0, diedFileIds: [] };
      const now = this.#clock();
      for (const run of open) {
        const interrupted = Number(run.interrupt_requested) === 1;
        const outcome = interrupted ? "interrupted" : "process_died";
        // A result that was waiting for its note to be written was no longer in a worker: it
        // is lost work, not a suspect.
        this.sql(
          "UPDATE attempts SET outcome = 'lost', ended_at = ? WHERE run_id = ? AND outcome = 'result'",
        ).run(now, run.id);
        const files = this.sql(
          `UPDATE attempts SET outcome = ?, ended_at = ?
           WHERE run_id = ? AND outcome IS NULL RETURNING file_id`,
        ).all(outcome, now, run.id);
        if (!interrupted) result.diedFileIds.push(...files.map((f) => Number(f.file_id)));
        this.sql("UPDATE runs SET ended_at = ?, end_reason = ? WHERE id = ?")
          .run(now, interrupted ? "interrupted" : "died", run.id);
        if (interrupted) result.interruptedRuns++;
        else result.crashedRuns++;
      }
      return result;
    });
  }

  // ---- files ----

  getFile(jobId: number, path: string): FileRow | undefined {
    const r = this.sql("SELECT * FROM files WHERE job_id = ? AND path = ?").get(
      jobId,
      path,
    );
    return r && fileFromRow(r);
  }

  fileById(fileId: number): FileRow | undefined {
    const r = this.sql("SELECT * FROM files WHERE id = ?").get(fileId);
    return r && fileFromRow(r);
  }

  insertFile(
    jobId: number,
    f: { path: string; size: number; mtimeMs: number; hash: string; status: FileStatus },
  ): FileRow {
    const r = this.sql(
      `INSERT INTO files(job_id, path, size, mtime_ms, hash, status)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
    ).get(jobId, f.path, f.size, f.mtimeMs, f.hash, f.status)!;
    return fileFromRow(r);
  }

  /** Records a file's current stat and hash; a different hash starts it afresh. */
  updateFileContent(
    fileId: number,
    f: { size: number; mtimeMs: number; hash: string; reset: boolean },
  ): void {
    if (f.reset) {
      this.sql(
        `UPDATE files SET size = ?, mtime_ms = ?, hash = ?, status = 'pending', failures = 0,
         error = NULL WHERE id = ?`,
      ).run(f.size, f.mtimeMs, f.hash, fileId);
    } else {
      this.sql("UPDATE files SET size = ?, mtime_ms = ? WHERE id = ?")
        .run(f.size, f.mtimeMs, fileId);
    }
  }

  setFileStatus(fileId: number, status: FileStatus, error: string | null = null): void {
    this.sql("UPDATE files SET status = ?, error = ? WHERE id = ?").run(
      status,
      error,
      fileId,
    );
  }

  /** Gives failed and quarantined files a fresh set of attempts (`--retry-failed`). */
  resetFailed(jobId: number): number {
    return Number(
      this.sql(
        `UPDATE files SET status = 'pending', failures = 0, error = NULL
         WHERE job_id = ? AND status IN ('failed', 'quarantined')`,
      ).run(jobId).changes,
    );
  }

  /** The job's files in a status, in discovery order; a page of them: after an id, so many. */
  filesWithStatus(
    jobId: number,
    status: FileStatus,
    page: { afterId?: number; limit?: number } = {},
  ): FileRow[] {
    return this.sql(
      "SELECT * FROM files WHERE job_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?",
    ).all(jobId, status, page.afterId ?? 0, page.limit ?? -1).map(fileFromRow);
  }

  /** Total size of the job's files still to do, bytes. */
  pendingBytes(jobId: number): number {
    const row = this.sql(
      "SELECT coalesce(sum(size), 0) AS bytes FROM files WHERE job_id = ? AND status = 'pending'",
    ).get(jobId);
    return Number(row?.bytes ?? 0);
  }

  /** Failed and quarantined files, the first `limit` in discovery order. */
  problemFiles(jobId: number, limit: number): FileRow[] {
    return this.sql(
      "SELECT * FROM files WHERE job_id = ? AND status IN ('failed', 'quarantined') ORDER BY id LIMIT ?",
    ).all(jobId, limit).map(fileFromRow);
  }

  /** Every file of the job, in discovery order. */
  allFiles(jobId: number): FileRow[] {
    return this.sql("SELECT * FROM files WHERE job_id = ? ORDER BY id").all(jobId).map(
      fileFromRow,
    );
  }

  /** Files not seen by the latest walk (and not already marked removed). */
  filesNotIn(jobId: number, seen: Set<string>): FileRow[] {
    const missing: FileRow[] = [];
    const rows = this.sql(
      "SELECT * FROM files WHERE job_id = ? AND status != 'removed' ORDER BY id",
    ).iterate(jobId);
    for (const r of rows) if (!seen.has(String(r.path))) missing.push(fileFromRow(r));
    return missing;
  }

  /** A file whose note was found in the vault after a rebuild: done without running again. */
  commitAdopted(fileId: number, optionsHash: string): void {
    this.sql("UPDATE files SET status = 'done', options_hash = ? WHERE id = ?")
      .run(optionsHash, fileId);
  }

  countByStatus(jobId: number): Record<FileStatus, number> {
    const counts: Record<FileStatus, number> = {
      pending: 0,
      done: 0,
      failed: 0,
      quarantined: 0,
      removed: 0,
      skipped: 0,
    };
    for (
      const r of this.sql(
        "SELECT status, count(*) AS n FROM files WHERE job_id = ? GROUP BY status",
      ).all(jobId)
    ) counts[String(r.status) as FileStatus] = Number(r.n);
    return counts;
  }

  /** How many of the file's latest attempts in a row ended with the whole process dying. */
  consecutiveDeaths(fileId: number): number {
    const rows = this.sql(
      "SELECT outcome FROM attempts WHERE file_id = ? AND outcome IS NOT NULL ORDER BY id DESC LIMIT 16",
    ).all(fileId);
    let n = 0;
    for (const r of rows) {
      // An interrupt the app recorded, or a result lost while waiting for its note, says nothing.
      if (r.outcome === "interrupted" || r.outcome === "lost") continue;
      if (r.outcome !== "process_died") break;
      n++;
    }
    return n;
  }

  // ---- attempts ----

  /** Durable before the file is dispatched. */
  startAttempt(fileId: number, runId: number): number {
    const r = this.sql(
      "INSERT INTO attempts(file_id, run_id, started_at) VALUES (?, ?, ?) RETURNING id",
    ).get(fileId, runId, this.#clock())!;
    return Number(r.id);
  }

  /** The worker returned a result; only writing the note remains. */
  markResult(attemptId: number): void {
    this.sql("UPDATE attempts SET outcome = 'result' WHERE id = ?").run(attemptId);
  }

  /** Ends an attempt that did not produce a note; `counts` says whether it moves toward quarantine. */
  failAttempt(
    attemptId: number,
    fileId: number,
    outcome: string,
    error: string,
    next: { status: FileStatus; counts: boolean },
  ): FileRow {
    return this.transaction(() => {
      this.sql("UPDATE attempts SET outcome = ?, error = ?, ended_at = ? WHERE id = ?")
        .run(outcome, error, this.#clock(), attemptId);
      const r = this.sql(
        `UPDATE files SET status = ?, error = ?, failures = failures + ? WHERE id = ? RETURNING *`,
      ).get(next.status, error, next.counts ? 1 : 0, fileId)!;
      return fileFromRow(r);
    });
  }

  /** The checkpoint: the note is already durable on disk; this makes the file done. */
  commitDone(
    attemptId: number,
    fileId: number,
    done: {
      hash: string;
      optionsHash: string;
      note: NoteRow;
      draft: NoteDraft;
      related: string[];
    },
  ): void {
    this.sql("UPDATE attempts SET outcome = 'done', ended_at = ? WHERE id = ?")
      .run(this.#clock(), attemptId);
    this.sql(
      `UPDATE files SET status = 'done', hash = ?, options_hash = ?, error = NULL, failures = 0
       WHERE id = ?`,
    ).run(done.hash, done.optionsHash, fileId);
    this.sql("DELETE FROM chunks WHERE file_id = ?").run(fileId);
    this.upsertNote(done.note);
    this.saveDraft(fileId, done.draft, done.related);
    const usage = done.draft.analysis.llm;
    if (usage) this.#recordUsage(fileId, attemptId, usage);
  }

  #recordUsage(fileId: number, attemptId: number, usage: LlmUsage): void {
    this.sql(
      `INSERT INTO llm_usage(file_id, attempt_id, at, model, requests, prompt_tokens,
       completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      fileId,
      attemptId,
      this.#clock(),
      usage.model,
      usage.requests,
      usage.promptTokens,
      usage.completionTokens,
    );
  }

  /** Tokens used by a job's files so far (LLM mode). */
  llmUsage(jobId: number): { requests: number; promptTokens: number; completionTokens: number } {
    const r = this.sql(
      `SELECT COALESCE(SUM(requests), 0) AS requests, COALESCE(SUM(prompt_tokens), 0) AS prompt,
       COALESCE(SUM(completion_tokens), 0) AS completion FROM llm_usage u
       JOIN files f ON f.id = u.file_id WHERE f.job_id = ?`,
    ).get(jobId)!;
    return {
      requests: Number(r.requests),
      promptTokens: Number(r.prompt),
      completionTokens: Number(r.completion),
    };
  }

  // ---- drafts and maps ----

  /** Every done file's note with its links' material, in file order, across the vault's jobs. */
  linkedNotes(): LinkedNote[] {
    return this.sql(
      `SELECT n.file_id, n.path, n.content_hash, f.path AS source, f.hash AS source_hash,
       d.related,
       json_extract(d.meta, '$.title') AS title,
       json_extract(d.meta, '$.analysis.terms') AS terms,
       json_extract(d.meta, '$.analysis.tags') AS tags,
       json_extract(d.meta, '$.analysis.people') AS people,
       json_extract(d.meta, '$.analysis.organizations') AS organizations,
       json_extract(d.meta, '$.analysis.places') AS places,
       json_extract(d.meta, '$.analysis.keyphrases') AS keyphrases,
       json_extract(d.meta, '$.analysis.summary') AS summary,
       (SELECT json_group_array(json_extract(value, '$.text'))
        FROM json_each(d.meta, '$.analysis.keyPoints')) AS key_points,
       json_extract(d.meta, '$.links') AS links
       FROM notes n JOIN files f ON f.id = n.file_id JOIN drafts d ON d.file_id = n.file_id
       WHERE f.status = 'done' ORDER BY n.file_id`,
    ).all().map((r) => ({
      fileId: Number(r.file_id),
      source: String(r.source),
      sourceHash: String(r.source_hash),
      path: String(r.path),
      title: String(r.title),
      contentHash: String(r.content_hash),
      related: JSON.parse(String(r.related)),
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
      hasLinks: r.links !== null,
      linksTo: r.links === null ? [] : linkedFiles(JSON.parse(String(r.links)), String(r.source)),
    }));
  }

  /**
   * The note of a done input (by its path relative to its job's folder) and the headings its
   * anchors lead to: what a link to that input from another note becomes.
   */
  linkTarget(source: string): { path: string; anchors: Record<string, string> } | undefined {
    const r = this.sql(
      `SELECT n.path, json_extract(d.meta, '$.anchors') AS anchors
       FROM notes n JOIN files f ON f.id = n.file_id JOIN drafts d ON d.file_id = n.file_id
       WHERE f.path = ? AND f.status = 'done' ORDER BY n.file_id LIMIT 1`,
    ).get(source);
    if (!r) return undefined;
    return { path: String(r.path), anchors: r.anchors ? JSON.parse(String(r.anchors)) : {} };
  }

  /** The whole draft a note was rendered from. */
  draftOf(fileId: number): NoteDraft {
    const r = this.sql("SELECT meta, body FROM drafts WHERE file_id = ?").get(fileId);
    if (!r) throw new Error(`no draft for file ${fileId}`);
    return { ...JSON.parse(String(r.meta)), body: String(r.body) };
  }

  /** Keeps what a note was rendered from, and the related notes it links to. */
  saveDraft(fileId: number, draft: NoteDraft, related: string[]): void {
    const { body, ...meta } = draft;
    this.sql(
      `INSERT INTO drafts(file_id, meta, body, related) VALUES (?, ?, ?, ?)
       ON CONFLICT(file_id) DO UPDATE SET meta = excluded.meta, body = excluded.body,
       related = excluded.related`,
    ).run(fileId, JSON.stringify(meta), body, JSON.stringify(related));
  }

  /** The related notes a file's note links to, or undefined before it has a draft. */
  relatedOf(fileId: number): string[] | undefined {
    const r = this.sql("SELECT related FROM drafts WHERE file_id = ?").get(fileId);
    return r && JSON.parse(String(r.related));
  }

  /** Records a note rendered again with new related notes. */
  relinked(fileId: number, related: string[], contentHash: string): void {
    this.sql("UPDATE drafts SET related = ? WHERE file_id = ?")
      .run(JSON.stringify(related), fileId);
    this.sql("UPDATE notes SET content_hash = ? WHERE file_id = ?").run(contentHash, fileId);
  }

  /** What each note's related notes were last found from (see linkInputs in link_vault.ts). */
  linkInputs(): Map<number, string> {
    return new Map(
      this.sql("SELECT file_id, hash FROM link_inputs").all()
        .map((r) => [Number(r.file_id), String(r.hash)]),
    );
  }

  /** Records what notes' related notes were found from, in one transaction. */
  saveLinkInputs(hashes: Map<number, string>): void {
    this.transaction(() => {
      const upsert = this.sql(
        `INSERT INTO link_inputs(file_id, hash) VALUES (?, ?)
         ON CONFLICT(file_id) DO UPDATE SET hash = excluded.hash`,
      );
      for (const [fileId, hash] of hashes) upsert.run(fileId, hash);
    });
  }

  maps(): { path: string; contentHash: string }[] {
    return this.sql("SELECT * FROM maps ORDER BY path").all().map((r) => ({
      path: String(r.path),
      contentHash: String(r.content_hash),
    }));
  }

  savedMap(path: string, contentHash: string): void {
    this.sql(
      `INSERT INTO maps(path, content_hash) VALUES (?, ?)
       ON CONFLICT(path) DO UPDATE SET content_hash = excluded.content_hash`,
    ).run(path, contentHash);
  }

  forgetMap(path: string): void {
    this.sql("DELETE FROM maps WHERE path = ?").run(path);
  }

  // ---- chunks of recordings ----

  /** Checkpoints one transcribed chunk, durably, the moment it arrives. */
  saveChunk(fileId: number, chunk: Chunk): void {
    this.sql(
      `INSERT INTO chunks(file_id, idx, chunk_ms, source_hash, engine, segments)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(file_id, idx) DO UPDATE SET chunk_ms = excluded.chunk_ms,
       source_hash = excluded.source_hash, engine = excluded.engine, segments = excluded.segments`,
    ).run(
      fileId,
      chunk.index,
      chunk.chunkMs,
      chunk.sourceHash,
      chunk.engine,
      JSON.stringify(chunk.segments),
    );
  }

  chunksFor(fileId: number): Chunk[] {
    return this.sql("SELECT * FROM chunks WHERE file_id = ? ORDER BY idx").all(fileId).map((
      r,
    ) => ({
      index: Number(r.idx),
      chunkMs: Number(r.chunk_ms),
      sourceHash: String(r.source_hash),
      engine: String(r.engine),
      segments: JSON.parse(String(r.segments)),
    }));
  }

  // ---- notes ----

  noteForFile(fileId: number): NoteRow | undefined {
    const r = this.sql("SELECT * FROM notes WHERE file_id = ?").get(fileId);
    return r && noteFromRow(r);
  }

  /** The title of the note at a vault path, from the draft it was rendered from. */
  titleAt(path: string): string | undefined {
    const r = this.sql(
      `SELECT json_extract(d.meta, '$.title') AS title FROM notes n
       JOIN drafts d ON d.file_id = n.file_id WHERE n.path = ?`,
    ).get(path);
    return r ? String(r.title) : undefined;
  }

  noteAtPath(path: string): NoteRow | undefined {
    const r = this.sql("SELECT * FROM notes WHERE path = ?").get(path);
    return r && noteFromRow(r);
  }

  /** The notes of done files, with their sources: what a run checks against the vault. */
  doneNotes(): (NoteRow & { source: string })[] {
    return this.sql(
      `SELECT n.*, f.path AS source FROM notes n JOIN files f ON f.id = n.file_id
       WHERE f.status = 'done' ORDER BY n.file_id`,
    ).all().map((r) => ({ ...noteFromRow(r), source: String(r.source) }));
  }

  /** The file ids of done files' notes, in file order: what a run checks, a few at a time. */
  doneNoteIds(): number[] {
    return this.sql(
      `SELECT n.file_id FROM notes n JOIN files f ON f.id = n.file_id
       WHERE f.status = 'done' ORDER BY n.file_id`,
    ).all().map((r) => Number(r.file_id));
  }

  /** A done file's note with its source, as it is now; undefined once the file is not done. */
  doneNote(fileId: number): (NoteRow & { source: string }) | undefined {
    const r = this.sql(
      `SELECT n.*, f.path AS source FROM notes n JOIN files f ON f.id = n.file_id
       WHERE f.status = 'done' AND n.file_id = ?`,
    ).get(fileId);
    return r && { ...noteFromRow(r), source: String(r.source) };
  }

  notesWithBase(baseKey: string): NoteRow[] {
    return this.sql("SELECT * FROM notes WHERE base_key = ? ORDER BY file_id")
      .all(baseKey).map(noteFromRow);
  }

  upsertNote(n: NoteRow): void {
    this.sql(
      `INSERT INTO notes(file_id, base_key, base, path, content_hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(file_id) DO UPDATE SET base_key = excluded.base_key, base = excluded.base,
       path = excluded.path, content_hash = excluded.content_hash`,
    ).run(n.fileId, n.baseKey, n.base, n.path, n.contentHash);
  }

  movedNote(fileId: number, path: string, base: string, baseKey: string): void {
    this.sql("UPDATE notes SET path = ?, base = ?, base_key = ? WHERE file_id = ?")
      .run(path, base, baseKey, fileId);
  }

  // ---- vault intents ----

  addIntents(intents: Omit<VaultIntent, "id">[]): void {
    const stmt = this.sql(
      "INSERT INTO vault_intents(file_id, from_path, to_path, base_key, base) VALUES (?, ?, ?, ?, ?)",
    );
    for (const i of intents) stmt.run(i.fileId, i.fromPath, i.toPath, i.baseKey, i.base);
  }

  intents(): VaultIntent[] {
    return this.sql("SELECT * FROM vault_intents ORDER BY id").all().map((r) => ({
      id: Number(r.id),
      fileId: Number(r.file_id),
      fromPath: String(r.from_path),
      toPath: String(r.to_path),
      baseKey: String(r.base_key),
      base: String(r.base),
    }));
  }

  clearIntents(): void {
    this.sql("DELETE FROM vault_intents").run();
  }

  // ---- adoption after a rebuild ----

  /** Forgets notes found by an earlier scan: a new scan finds what is there now. */
  clearAdoptable(): void {
    this.sql("DELETE FROM adoptable").run();
  }

  addAdoptable(a: Adoptable & { source: string; sourceHash: string }): void {
    this.sql(
      `INSERT OR IGNORE INTO adoptable(source, source_hash, path, base, content_hash, draft,
       related) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.source,
      a.sourceHash,
      a.path,
      a.base,
      a.contentHash,
      a.draft ? JSON.stringify(a.draft) : null,
      a.draft ? JSON.stringify(a.related ?? []) : null,
    );
  }

  /** A note found in the vault for exactly this source and content, claimed once. */
  takeAdoptable(source: string, sourceHash: string): Adoptable | undefined {
    const r = this.sql(
      "DELETE FROM adoptable WHERE source = ? AND source_hash = ? RETURNING *",
    ).get(source, sourceHash);
    if (!r) return undefined;
    return {
      path: String(r.path),
      base: String(r.base),
      contentHash: String(r.content_hash),
      ...(r.draft === null ? {} : {
        draft: JSON.parse(String(r.draft)),
        related: JSON.parse(String(r.related)),
      }),
    };
  }

  // ---- shards of a sharded batch ----

  /** Every job that is one shard of a sharded batch, with its filters (JSON). */
  shardJobs(): { jobId: number; index: number; count: number; walk: string }[] {
    return this.sql("SELECT * FROM shards ORDER BY job_id").all().map((r) => ({
      jobId: Number(r.job_id),
      index: Number(r.idx),
      count: Number(r.count),
      walk: String(r.walk),
    }));
  }

  setShard(jobId: number, shard: { index: number; count: number }, walk: string): void {
    this.sql(
      `INSERT INTO shards(job_id, idx, count, walk) VALUES (?, ?, ?, ?)
       ON CONFLICT(job_id) DO UPDATE SET idx = excluded.idx, count = excluded.count,
       walk = excluded.walk`,
    ).run(jobId, shard.index, shard.count, walk);
  }

  /** What a shard last saw of an input that belongs to another shard. */
  otherShardFile(
    jobId: number,
    path: string,
  ): { size: number; mtimeMs: number; hash: string } | undefined {
    const r = this.sql("SELECT * FROM other_shard_files WHERE job_id = ? AND path = ?")
      .get(jobId, path);
    return r && { size: Number(r.size), mtimeMs: Number(r.mtime_ms), hash: String(r.hash) };
  }

  rememberOtherShardFile(
    jobId: number,
    f: { path: string; size: number; mtimeMs: number; hash: string },
  ): void {
    this.sql(
      `INSERT INTO other_shard_files(job_id, path, size, mtime_ms, hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(job_id, path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
       hash = excluded.hash`,
    ).run(jobId, f.path, f.size, f.mtimeMs, f.hash);
  }

  // ---- events ----

  recordEvent(jobId: number, runId: number | null, type: string, data: unknown): void {
    this.sql("INSERT INTO events(job_id, run_id, at, type, data) VALUES (?, ?, ?, ?, ?)")
      .run(jobId, runId, this.#clock(), type, JSON.stringify(data));
  }

  eventsOf(jobId: number, type?: string): { type: string; data: unknown }[] {
    const rows = type === undefined
      ? this.sql("SELECT type, data FROM events WHERE job_id = ? ORDER BY id").all(jobId)
      : this.sql("SELECT type, data FROM events WHERE job_id = ? AND type = ? ORDER BY id")
        .all(jobId, type);
    return rows.map((r) => ({ type: String(r.type), data: JSON.parse(String(r.data)) }));
  }

  /** Events of the given types with the run that recorded them and when, in order. */
  eventsByRun(
    jobId: number,
    types: string[],
  ): { runId: number | null; at: number; type: string; data: unknown }[] {
    return this.sql(
      "SELECT run_id, at, type, data FROM events WHERE job_id = ? AND type IN (SELECT value FROM json_each(?)) ORDER BY id",
    ).all(jobId, JSON.stringify(types)).map((r) => ({
      runId: r.run_id === null ? null : Number(r.run_id),
      at: Number(r.at),
      type: String(r.type),
      data: JSON.parse(String(r.data)),
    }));
  }
}
