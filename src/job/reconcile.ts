/**
 * @module
 * Brings the job store in line with the input folder: new files are hashed and recorded in
 * discovery order, changed ones are reset, unchanged done ones are skipped without being
 * touched, vanished ones are reported. Files that need work are handed to `enqueue` as found.
 */
import { sha256Hex } from "../fs/sha256.ts";
import { type EngineEventInput, FOUND_EARLIER } from "../protocol/messages.ts";
import { type Adoptable, type FileRow, type JobStore, jobTotal } from "../store/job_store.ts";
import { hashFile } from "../discover/hash.ts";
import { walkInputs, type WalkOptions } from "../discover/walk.ts";
import { isRecordingName } from "../pipeline/detect.ts";
import { shardOf, type ShardSpec } from "../shard/shard_spec.ts";
import { nameKey } from "../markdown/note_name.ts";
import { noteExists } from "../vault/vault_writer.ts";
import { errorMessage } from "../common/errors.ts";

export interface ReconcileDeps {
  store: JobStore;
  jobId: number;
  inputDir: string;
  vaultDir: string;
  optionsHash: string;
  walk: WalkOptions;
  enqueue(file: FileRow): void;
  /** Files this run queued before the walk: they are seen, but already in hand. */
  queued?: ReadonlySet<number>;
  emit(event: EngineEventInput): void;
  signal: AbortSignal;
  /** A shard of a sharded batch takes only the files whose content hash falls in it. */
  shard?: ShardSpec;
  /** `--max-size`: the pipeline refuses a larger document unread, so it is not hashed either. */
  maxDocumentBytes?: number;
}

export interface ReconcileResult {
  skipped: number;
  total: number;
}

/** Why an empty input is passed over. */
export const EMPTY_FILE = "empty file: nothing to make a note from";

/** Rows are written in batches: one transaction per file would cost an fsync each. */
const BATCH = 256;

export async function reconcile(deps: ReconcileDeps): Promise<ReconcileResult> {
  const { store, jobId, optionsHash, emit } = deps;
  const seen = new Set<string>();
  let skipped = 0;
  let batch: (() => FileRow | undefined)[] = [];

  const flush = () => {
    if (batch.length === 0) return;
    const work = batch;
    batch = [];
    const ready = store.transaction(() => work.map((f) => f()));
    for (const file of ready) if (file) deps.enqueue(file);
  };

  for await (const entry of walkInputs(deps.inputDir, deps.walk)) {
    if (deps.signal.aborted) break;
    seen.add(entry.path);
    if (entry.kind === "skipped") {
      skipped++;
      emit({ type: "file_skipped", path: entry.path, reason: entry.reason });
      continue;
    }
    const row = store.getFile(jobId, entry.path);
    if (entry.size === 0) {
      // Nothing to read is no work: skipped, never failed, or every run of the batch would exit 1.
      skipped++;
      emit({ type: "file_skipped", path: entry.path, reason: EMPTY_FILE });
      if (row && row.status !== "removed") {
        // Out of the job's total; a later non-empty version is new content and is processed.
        batch.push(() => {
          store.setFileStatus(row.id, "removed");
          return undefined;
        });
      }
      if (batch.length >= BATCH) flush();
      continue;
    }
    const statSame = row !== undefined && row.size === entry.size &&
      row.mtimeMs === entry.mtimeMs;
    const other = row === undefined && deps.shard
      ? store.otherShardFile(jobId, entry.path)
      : undefined;
    const otherSame = other !== undefined && other.size === entry.size &&
      other.mtimeMs === entry.mtimeMs;
    let hash: string;
    try {
      hash = statSame
        ? row.hash
        : otherSame
        ? other.hash
        : isTooLarge(entry, deps.maxDocumentBytes)
        ? unreadKey(entry)
        : await hashFile(entry.absPath, {
          root: deps.inputDir,
          signal: deps.signal,
          sizeHint: entry.size,
        });
    } catch (error) {
      if (deps.signal.aborted) break;
      skipped++;
      emit({
        type: "file_skipped",
        path: entry.path,
        reason: `cannot read: ${errorMessage(error)}`,
      });
      continue;
    }

    if (deps.shard && shardOf(hash, deps.shard.count) !== deps.shard.index) {
      // Another shard's file. Unseen here, so one of this shard's that changed into it is
      // reported removed; its hash is kept so a re-run need not read it again.
      seen.delete(entry.path);
      if (!otherSame) {
        batch.push(() => {
          store.rememberOtherShardFile(jobId, { ...entry, hash });
          return undefined;
        });
        if (batch.length >= BATCH) flush();
      }
      continue;
    }

    if (row === undefined) {
      batch.push(() => {
        const adopted = store.takeAdoptable(entry.path, hash);
        const file = store.insertFile(jobId, {
          path: entry.path,
          size: entry.size,
          mtimeMs: entry.mtimeMs,
          hash,
          status: adopted ? "done" : "pending",
        });
        if (!adopted) return file;
        adopt(store, file.id, adopted, optionsHash);
        return undefined;
      });
    } else if (deps.queued?.has(row.id) && hash === row.hash) {
      // Its outcome belongs to this run: reporting it as skipped would count it twice.
      continue;
    } else {
      const changed = hash !== row.hash;
      const decision = await decide(store, row, changed, optionsHash, deps.vaultDir);
      if (decision.skip) {
        skipped += decision.countSkipped ? 1 : 0;
        emit({ type: "file_skipped", path: entry.path, reason: decision.skip, inTotal: true });
      }
      batch.push(() => {
        if (!statSame || changed) {
          store.updateFileContent(row.id, { ...entry, hash, reset: changed });
        }
        if (decision.skip) return undefined;
        if (row.status !== "pending" && !changed) store.setFileStatus(row.id, "pending");
        return store.fileById(row.id);
      });
    }
    if (batch.length >= BATCH) flush();
  }
  flush();

  if (!deps.signal.aborted) {
    store.transaction(() => {
      for (const file of store.filesNotIn(jobId, seen)) {
        store.setFileStatus(file.id, "removed");
        emit({ type: "file_removed", path: file.path, note: store.noteForFile(file.id)?.path });
      }
    });
  }
  return { skipped, total: jobTotal(store.countByStatus(jobId)) };
}

/**
 * Whether a document is past the size limit. Recordings have no byte limit (their duration is
 * checked instead), so they are always hashed.
 */
function isTooLarge(entry: { path: string; size: number }, maxBytes: number | undefined): boolean {
  if (maxBytes === undefined || entry.size <= maxBytes) return false;
  return !isRecordingName(entry.path);
}

/**
 * What stands for the content hash of a document too large to read: hashing it would hold the
 * walk, and every file queued behind it, for as long as reading it takes (hours for a sparse
 * 1 TB file) only for the pipeline to refuse it by its size. Size and mtime change when the
 * content does, so a changed file is still tried again.
 */
function unreadKey(entry: { size: number; mtimeMs: number }): string {
  return sha256Hex(`unread: ${entry.size} bytes, mtime ${entry.mtimeMs}`);
}

/**
 * Pending files of the job whose note is already in the vault, found by
 * the vault writer's scanForAdoption for exactly their content: the store lost the record of
 * their commit (the process died between the note and the checkpoint, or the database lost its
 * last writes). They are done without being processed again; returns their paths.
 */
export function adoptPending(store: JobStore, jobId: number, optionsHash: string): string[] {
  return store.transaction(() => {
    const adopted: string[] = [];
    for (const file of store.filesWithStatus(jobId, "pending")) {
      const found = store.takeAdoptable(file.path, file.hash);
      if (!found) continue;
      adopt(store, file.id, found, optionsHash);
      adopted.push(file.path);
    }
    return adopted;
  });
}

/** Records a note found in the vault as the file's, and the file as done. */
function adopt(store: JobStore, fileId: number, found: Adoptable, optionsHash: string): void {
  store.upsertNote({
    fileId,
    base: found.base,
    baseKey: nameKey(found.base),
    path: found.path,
    contentHash: found.contentHash,
  });
  store.commitAdopted(fileId, optionsHash);
  if (found.draft) store.saveDraft(fileId, found.draft, found.related ?? []);
}

type Decision = { skip?: string; countSkipped?: boolean };

async function decide(
  store: JobStore,
  row: FileRow,
  changed: boolean,
  optionsHash: string,
  vaultDir: string,
): Promise<Decision> {
  if (changed) return {};
  switch (row.status) {
    case "done": {
      const note = store.noteForFile(row.id);
      if (row.optionsHash !== optionsHash || !note) return {};
      if (!await noteExists(vaultDir, note.path)) return {};
      return { skip: "unchanged", countSkipped: true };
    }
    case "skipped":
      // Read before and found to hold nothing to note: the same bytes hold the same nothing.
      return { skip: `${row.error ?? "nothing to note"}${FOUND_EARLIER}`, countSkipped: true };
    case "failed":
    case "quarantined":
      return {
        skip: `${row.status} earlier: ${row.error ?? "unknown error"}; ` +
          "run with --retry-failed to try again",
        countSkipped: false,
      };
    default:
      return {};
  }
}
