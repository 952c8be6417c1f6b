/**
 * @module
 * Reads one shard vault for a merge, without writing to it: which shard it is, with which
 * options and filters it ran, and the files it finished with the drafts of their notes. A shard
 * that has not finished, or that holds files of another shard, is refused with what to do.
 */
import { STATE_DIR, statePath } from "../vault/layout.ts";
import { formatShard, shardOf } from "../shard/shard_spec.ts";
import { type FileRow, JobStore } from "../store/job_store.ts";
import type { MergedFile, MergedShard } from "./merge_store.ts";
import { errorMessage } from "../common/errors.ts";

/** A shard vault that cannot be merged as it is. */
export class ShardVaultError extends Error {
  override name = "ShardVaultError";
}

export interface ShardVault {
  shard: MergedShard;
  /** The files the shard finished: done, failed, quarantined or skipped. */
  files: MergedFile[];
  /** The draft of a done file's note, as the merge stores it. */
  draft(path: string): { meta: string; body: string };
  close(): void;
}

const FINISHED = new Set(["done", "failed", "quarantined", "skipped"]);

/** @throws {ShardVaultError} naming the folder, what is wrong and what to do */
export async function openShardVault(dir: string): Promise<ShardVault> {
  let vault: string;
  try {
    vault = await Deno.realPath(dir);
  } catch {
    throw new ShardVaultError(`shard vault not found: ${dir}`);
  }
  const dbPath = statePath(vault, "state.db");
  try {
    await Deno.stat(dbPath);
  } catch {
    throw new ShardVaultError(
      `${dir} is not a shard vault: it has no ${STATE_DIR}/state.db (copy the shard's whole ` +
        `folder, ${STATE_DIR} included)`,
    );
  }
  let store: JobStore;
  try {
    store = JobStore.openReadOnly(dbPath);
  } catch (error) {
    throw new ShardVaultError(`cannot read the shard vault ${dir}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  try {
    const shards = store.shardJobs();
    if (shards.length === 0) {
      throw new ShardVaultError(`${dir} is not a shard vault: its batch ran without --shard`);
    }
    if (shards.length > 1) {
      throw new ShardVaultError(
        `${dir} holds ${shards.length} sharded jobs, a shard vault holds one: run each shard ` +
          "into its own --out",
      );
    }
    const [held] = shards;
    const name = formatShard(held);
    const job = store.getJob(held.jobId)!;
    if (job.state !== "finished") {
      throw new ShardVaultError(
        `shard ${name} in ${dir} has not finished (its job is ${job.state}): run its ` +
          "gleaner --batch command again until it ends, then merge",
      );
    }
    const ids = new Map<string, number>();
    const files: MergedFile[] = [];
    for (const file of store.allFiles(held.jobId)) {
      if (!FINISHED.has(file.status)) continue;
      checkMember(file, held, dir);
      ids.set(file.path, file.id);
      files.push({
        path: file.path,
        shard: held.index,
        size: file.size,
        mtimeMs: file.mtimeMs,
        hash: file.hash,
        status: file.status,
        error: file.error,
      });
    }
    return {
      shard: {
        index: held.index,
        count: held.count,
        vault,
        inputDir: job.inputDir,
        options: job.options,
        optionsHash: job.optionsHash,
        walk: held.walk,
      },
      files,
      draft(path) {
        const { body, ...meta } = store.draftOf(ids.get(path)!);
        return { meta: JSON.stringify(meta), body };
      },
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

function checkMember(file: FileRow, held: { index: number; count: number }, dir: string): void {
  const belongs = shardOf(file.hash, held.count);
  if (belongs === held.index) return;
  throw new ShardVaultError(
    `${file.path} in the shard vault ${dir} has content hash ${file.hash}, which belongs to ` +
      `shard ${belongs}/${held.count}, not ${formatShard(held)}: the input changed while the ` +
      "shard ran; run the shard again, then merge",
  );
}
