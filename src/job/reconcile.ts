/**
 * @module
 * Brings the job store in line with the input folder: new files are hashed and recorded in
 * discovery order, changed ones are reset, unchanged done ones are skipped without being
 * touched, vanished ones are reported. Files that need work are handed to `enqueue` as found.
 */
import type { EngineEventInput } from "../protocol/messages.ts";
import type { FileRow, JobStore } from "../store/job_store.ts";
import { hashFile } from "../discover/hash.ts";
import { walkInputs, type WalkOptions } from "../discover/walk.ts";
import { nameKey } from "../vault/note_name.ts";
import { noteExists } from "../vault/vault_writer.ts";

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
}

export interface ReconcileResult {
  skipped: number;
  total: number;
}

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
    const statSame = row !== undefined && row.size === entry.size &&
      row.mtimeMs === entry.mtimeMs;
    let hash: string;
    try {
      hash = statSame ? row.hash : await hashFile(entry.absPath, deps.signal, entry.size);
    } catch (error) {
      if (deps.signal.aborted) break;
      skipped++;
      emit({
        type: "file_skipped",
        path: entry.path,
        reason: `cannot read: ${(error as Error).message}`,
      });
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
        store.upsertNote({
          fileId: file.id,
          base: adopted.base,
          baseKey: nameKey(adopted.base),
          path: adopted.path,
          contentHash: adopted.contentHash,
        });
        store.commitAdopted(file.id, optionsHash);
        if (adopted.draft) store.saveDraft(file.id, adopted.draft, adopted.related ?? []);
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
        emit({ type: "file_skipped", path: entry.path, reason: decision.skip });
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
  const counts = store.countByStatus(jobId);
  return { skipped, total: counts.pending + counts.done + counts.failed + counts.quarantined };
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
