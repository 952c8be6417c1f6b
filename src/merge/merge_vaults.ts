/**
 * @module
 * `gleaner merge SHARD_VAULT... --out VAULT`: brings the vaults of a sharded batch together into
 * the vault one machine would have made from all the inputs. Each merge records the shards it is
 * given (merge_store.ts), then rebuilds the vault from everything merged so far: notes named in
 * the walk's order (discover/walk_order.ts, vault/collision_names.ts), related notes and maps by the same code as after a batch,
 * state.db as a batch would have left it. Holding the vault's lock, checking every shard before
 * writing anything, and writing only notes whose bytes change make it safe to run again, late, in
 * any order, or after a kill.
 */
import { sha256, sha256Hex } from "../fs/sha256.ts";
import { join } from "node:path";
import { planLinks } from "../knowledge/plan_links.ts";
import { openState } from "../job/open_state.ts";
import type { NoteDraft } from "../protocol/messages.ts";
import { formatShard } from "../shard/shard_spec.ts";
import type { JobStore } from "../store/job_store.ts";
import { nameKey, sanitizeNoteName } from "../markdown/note_name.ts";
import { parseFrontmatter } from "../markdown/frontmatter.ts";
import { renderNote } from "../vault/render_note.ts";
import { VaultWriter } from "../vault/vault_writer.ts";
import { statePath } from "../vault/layout.ts";
import { type MergedShard, MergeStore } from "./merge_store.ts";
import { compareWalkOrder } from "../discover/walk_order.ts";
import { nameInRankOrder } from "../vault/collision_names.ts";
import { openShardVault, type ShardVault } from "./read_shard.ts";
import { exists } from "../fs/maybe_missing.ts";
import { readRegularFile } from "../fs/open_regular.ts";

/** Shards that cannot go together, or a vault that is not a merge's to write. */
export class MergeConflictError extends Error {
  override name = "MergeConflictError";
}

export type MergeEvent =
  | { type: "shard_merged"; shard: string; vault: string; done: number; failed: number }
  /** Notes rendered and written so far, every {@link PROGRESS_EVERY} and after the last. */
  | { type: "notes_written"; done: number; total: number }
  | ({ type: "merge_finished" } & MergeSummary);

export interface MergeSummary {
  vault: string;
  /** Shards in the vault so far, and those of the same batch not merged yet. */
  merged: string[];
  missing: string[];
  notes: number;
  /** Files that failed or were quarantined in their shard. */
  failed: number;
  /** Notes whose bytes changed, and notes of an earlier merge no longer wanted. */
  written: number;
  removed: number;
  topics: number;
  mapsWritten: number;
}

/** How often a merge says how far it got: it writes thousands of notes. */
const PROGRESS_EVERY = 25;

/** Merges `shards` (folders) into `vaultDir` (an existing, absolute folder). */
export async function mergeVaults(
  shards: string[],
  vaultDir: string,
  emit: (event: MergeEvent) => void,
): Promise<MergeSummary> {
  const state = await openState(vaultDir, () => {});
  const opened: ShardVault[] = [];
  let merge: MergeStore | undefined;
  try {
    const store = state.store;
    if (store.shardJobs().length > 0) {
      throw new MergeConflictError(
        `${vaultDir} is a shard vault: merge into a folder of its own`,
      );
    }
    checkOwnVault(store, vaultDir);
    const staged = merge = MergeStore.open(statePath(vaultDir, "merge.db"));

    // Every shard is read and checked before anything is written: a conflict changes nothing.
    const given = new Map<number, ShardVault>();
    for (const dir of shards) {
      const shard = await openShardVault(dir);
      opened.push(shard);
      const twin = given.get(shard.shard.index);
      if (twin && twin.shard.vault !== shard.shard.vault) {
        throw new MergeConflictError(
          `shard ${formatShard(shard.shard)} is given twice: ${twin.shard.vault} and ` +
            `${shard.shard.vault}; merge one of them`,
        );
      }
      given.set(shard.shard.index, shard);
    }
    const earlier = staged.shards().filter((s) => !given.has(s.index));
    checkCompatible([...[...given.values()].map((s) => s.shard), ...earlier]);
    checkClaims(given, earlier, staged);

    staged.transaction(() => {
      for (const s of given.values()) {
        staged.replaceShard(s.shard);
        for (const f of s.files) {
          staged.addFile(f, f.status === "done" ? s.draft(f.path) : undefined);
        }
      }
    });
    for (const s of given.values()) {
      const done = s.files.filter((f) => f.status === "done").length;
      emit({
        type: "shard_merged",
        shard: formatShard(s.shard),
        vault: s.shard.vault,
        done,
        failed: s.files.length - done,
      });
    }
    for (const s of opened.splice(0)) s.close();

    const summary = await rebuild(store, staged, vaultDir, emit);
    emit({ type: "merge_finished", ...summary });
    return summary;
  } finally {
    for (const s of opened) s.close();
    merge?.close();
    state.release();
  }
}

/** Recorded in the merged job's events, in the transaction that writes its state. */
const MERGED_EVENT = "vault_merged";

/** The vault must be new or a merge's own, unchanged since: a rebuild replaces its state. */
function checkOwnVault(store: JobStore, vaultDir: string): void {
  for (const job of store.jobs()) {
    const merged = store.eventsOf(job.id, MERGED_EVENT).at(-1)?.data as
      | { fingerprint: string }
      | undefined;
    if (!merged) {
      throw new MergeConflictError(
        `${vaultDir} holds a batch of its own (of ${job.inputDir}), not a merge: merge into a ` +
          "new folder",
      );
    }
    if (fingerprint(store, job.id) !== merged.fingerprint) {
      throw new MergeConflictError(
        `${vaultDir} was changed by a gleaner --batch run since it was merged, and merging ` +
          "again would undo that: merge into a new folder",
      );
    }
  }
}

function checkCompatible(shards: MergedShard[]): void {
  const [first] = shards;
  const label = (s: MergedShard) => `shard ${formatShard(s)} (${s.vault})`;
  for (const s of shards) {
    if (s.count !== first.count) {
      throw new MergeConflictError(
        `${label(first)} and ${label(s)} split the inputs into different numbers of shards: ` +
          "merge shards of one run",
      );
    }
    if (s.optionsHash !== first.optionsHash) {
      throw new MergeConflictError(
        `${label(first)} ran with options ${first.options} and ${label(s)} with ${s.options}: ` +
          "merge shards of one run, or the shards of a new run into a new folder",
      );
    }
    if (s.walk !== first.walk) {
      throw new MergeConflictError(
        `${label(first)} ran with --include/--exclude ${first.walk} and ${label(s)} with ` +
          `${s.walk}: merge shards of one run`,
      );
    }
  }
}

/** Every input belongs to one shard: two shards that both claim one changed in between. */
function checkClaims(
  given: Map<number, ShardVault>,
  earlier: MergedShard[],
  merge: MergeStore,
): void {
  const shardOf = new Map<number, MergedShard>(earlier.map((s) => [s.index, s]));
  const owner = new Map<string, { shard: MergedShard; hash: string }>();
  for (const f of merge.files()) {
    const shard = shardOf.get(f.shard);
    if (shard) owner.set(f.path, { shard, hash: f.hash });
  }
  for (const s of given.values()) {
    for (const f of s.files) {
      const other = owner.get(f.path);
      if (other) {
        throw new MergeConflictError(
          `conflict: the input "${f.path}" is claimed by shard ${formatShard(other.shard)} ` +
            `(${other.shard.vault}) with content hash ${other.hash} and by shard ` +
            `${formatShard(s.shard)} (${s.shard.vault}) with content hash ${f.hash}: it changed ` +
            "between the two shard runs; run both shards again over the same inputs, then merge",
        );
      }
      owner.set(f.path, { shard: s.shard, hash: f.hash });
    }
  }
}

/** The vault from everything merged so far, as one machine's batch would have left it. */
async function rebuild(
  store: JobStore,
  merge: MergeStore,
  vaultDir: string,
  emit: (event: MergeEvent) => void,
): Promise<MergeSummary> {
  const abs = (path: string) => join(vaultDir, ...path.split("/"));
  const shards = merge.shards();
  const [first] = shards;
  const byWalk = <T extends { path: string }>(a: T, b: T) => compareWalkOrder(a.path, b.path);
  const files = merge.files().sort(byWalk);
  const notes = merge.notes().sort(byWalk);

  const vault = new VaultWriter(vaultDir, store);
  await vault.prepare();
  // Ours to overwrite or remove: the notes the last merge recorded, and whatever a merge cut
  // short may have written before recording it.
  const previous = [...new Set([...store.linkedNotes().map((n) => n.path), ...merge.written()])];
  const ours = new Set(previous.map(nameKey));
  const paths = await nameInRankOrder(
    notes.map((n) => ({ source: n.path, base: sanitizeNoteName(n.title) })),
    async (path, { source }) =>
      ours.has(nameKey(path)) || !(await exists(abs(path))) ||
      await noteSource(abs(path)) === source,
  );
  merge.addWritten(paths);

  // Ranks stand for file ids: only their order matters to related notes and maps.
  const plan = planLinks(notes.map((n, i) => ({
    fileId: i + 1,
    path: paths[i],
    title: n.title,
    source: n.path,
    sourceHash: n.hash,
    terms: n.terms,
    keyphrases: n.keyphrases,
    tags: n.tags,
    people: n.people,
    names: n.names,
    summary: n.summary,
    keyPoints: n.keyPoints,
    linksTo: n.linksTo,
  })));
  const wanted = new Map(paths.map((path) => [nameKey(path), path]));
  for (const old of previous) {
    // On a case-insensitive disk a change of case names the same file: rename, never remove.
    const now = wanted.get(nameKey(old));
    if (now !== undefined && now !== old) await vault.moveNote(old, now);
  }
  const draftOf = (path: string): NoteDraft => {
    const { meta, body } = merge.draft(path);
    return { ...JSON.parse(meta), body };
  };
  const hashes: string[] = [];
  let written = 0;
  const rank = new Map(notes.map((n, i) => [n.path, i]));
  const findTarget = (source: string) => {
    const i = rank.get(source);
    return i === undefined ? undefined : { path: paths[i], anchors: draftOf(source).anchors ?? {} };
  };
  const titles = new Map(notes.map((n, i) => [paths[i], n.title]));
  for (const [i, note] of notes.entries()) {
    const content = renderNote(draftOf(note.path), {
      source: note.path,
      related: plan.related.get(i + 1)!,
      findTarget,
      titleOf: (path) => titles.get(path),
    });
    if (await vault.writeNote(paths[i], content)) written++;
    hashes.push(sha256Hex(content));
    if ((i + 1) % PROGRESS_EVERY === 0 || i === notes.length - 1) {
      emit({ type: "notes_written", done: i + 1, total: notes.length });
    }
  }
  let removed = 0;
  for (const old of previous) {
    if (wanted.has(nameKey(old))) continue;
    if (await vault.removeNote(old)) removed++;
  }
  await vault.syncNotes();

  const inputDir = shards.map((s) => s.inputDir).sort()[0];
  const index = new Map(notes.map((n, i) => [n.path, i]));
  store.transaction(() => {
    for (const job of store.jobs()) store.deleteJob(job.id);
    const job = store.createJob(inputDir, first.options, first.optionsHash);
    store.setJobState(job.id, "finished");
    for (const f of files) {
      const row = store.insertFile(job.id, f);
      const i = index.get(f.path);
      if (i === undefined) {
        store.setFileStatus(row.id, f.status, f.error);
        continue;
      }
      const base = sanitizeNoteName(notes[i].title);
      store.commitAdopted(row.id, first.optionsHash);
      store.upsertNote({
        fileId: row.id,
        base,
        baseKey: nameKey(base),
        path: paths[i],
        contentHash: hashes[i],
      });
      store.saveDraft(row.id, draftOf(f.path), plan.related.get(i + 1)!);
    }
    store.recordEvent(job.id, null, MERGED_EVENT, {
      fingerprint: fingerprint(store, job.id),
      shards: shards.map(formatShard),
    });
  });
  // After the commit: until then these paths are still only in the record of what was written.
  merge.clearWritten();
  const mapsWritten = await vault.writeMaps(plan.maps);

  const count = first.count;
  const merged = new Set(shards.map((s) => s.index));
  const name = (index: number) => formatShard({ index, count });
  return {
    vault: vaultDir,
    merged: [...merged].map(name),
    missing: Array.from({ length: count }, (_, i) => i).filter((i) => !merged.has(i)).map(name),
    notes: notes.length,
    failed: files.length - notes.length,
    written,
    removed,
    topics: plan.topics,
    mapsWritten,
  };
}

/** What a merge last left in state.db, so a batch's changes since are noticed. */
function fingerprint(store: JobStore, jobId: number): string {
  const hash = sha256();
  for (const f of store.allFiles(jobId)) hash.update(`${f.path}\0${f.hash}\0${f.status}\n`);
  return hash.digest("hex");
}

/** The `source` a note in gleaner's layout names, or undefined for any other file. */
async function noteSource(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegularFile(path));
  } catch {
    return undefined;
  }
  const { data } = parseFrontmatter(text);
  return typeof data?.source === "string" && typeof data.source_hash === "string"
    ? data.source
    : undefined;
}
