import { UsageError } from "../common/errors.ts";
/**
 * @module
 * Which part of a sharded batch a process does: `--shard K/N`, K counted from 0, or
 * `--shard auto[/N]`, read from the variables a cluster engine sets in each task of an array job
 * (Kubernetes Indexed Jobs, Slurm job arrays, AWS Batch array jobs). A file belongs to shard K of
 * N when the first 52 bits of its SHA-256 content hash, as a number, leave K when divided by N:
 * the same on every machine and run, and every file in exactly one shard.
 */

/** Shard `index` of `count`, 0 <= index < count. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** What `--shard` asked for, before the environment is read. */
export type ShardRequest =
  | { kind: "fixed"; index: number; count: number }
  | { kind: "auto"; count?: number };

/** Kubernetes allows 100,000 indexes in an Indexed Job, AWS Batch 10,000 children. */
const MAX_SHARDS = 100_000;

/** Count of shards, for every engine; the manifest sets it beside the engine's index. */
const COUNT_VARIABLE = "GLEANER_SHARD_COUNT";

/** Every variable `--shard auto` reads (deno.json's release permission set must allow them). */
export const SHARD_VARIABLES = [
  "JOB_COMPLETION_INDEX",
  "SLURM_ARRAY_TASK_ID",
  "SLURM_ARRAY_TASK_COUNT",
  "SLURM_ARRAY_TASK_MIN",
  "SLURM_ARRAY_TASK_MAX",
  "SLURM_ARRAY_TASK_STEP",
  "AWS_BATCH_JOB_ARRAY_INDEX",
  "AWS_BATCH_JOB_ARRAY_SIZE",
  COUNT_VARIABLE,
] as const;

type Env = (name: string) => string | undefined;

/** The engines, by the variable that holds a task's index. */
const ENGINES = [
  { variable: "JOB_COMPLETION_INDEX", engine: "a Kubernetes Indexed Job" },
  { variable: "SLURM_ARRAY_TASK_ID", engine: "a Slurm job array" },
  { variable: "AWS_BATCH_JOB_ARRAY_INDEX", engine: "an AWS Batch array job" },
] as const;

/**
 * Parses the value of `--shard`: `K/N`, `auto` or `auto/N`.
 * @throws {UsageError} naming what is wrong
 */
export function parseShardFlag(raw: string): ShardRequest {
  const value = raw.trim();
  const auto = /^auto(?:\/(.*))?$/i.exec(value);
  if (auto) {
    if (auto[1] === undefined) return { kind: "auto" };
    return { kind: "auto", count: count(`--shard ${value}`, auto[1]) };
  }
  const fixed = /^([^/]*)\/([^/]*)$/.exec(value);
  if (!fixed) {
    throw new UsageError(
      `--shard needs K/N (shard K of N, K from 0 to N-1), auto or auto/N, got "${raw}"`,
    );
  }
  const n = count(`--shard ${value}`, fixed[2]);
  const k = whole(fixed[1]);
  if (k === undefined || k >= n) {
    throw new UsageError(
      `--shard ${value}: K must be a whole number from 0 to ${n - 1} (shards count from 0)`,
    );
  }
  return { kind: "fixed", index: k, count: n };
}

/**
 * The shard this process does. `auto` takes the index from the one engine whose variable is set
 * and the count from `auto/N`, GLEANER_SHARD_COUNT or the engine's own count variable; when more
 * than one of those is given they must agree.
 * @throws {UsageError} naming the variable and its value when they are missing or inconsistent
 */
export function resolveShard(request: ShardRequest, env: Env): ShardSpec {
  if (request.kind === "fixed") return { index: request.index, count: request.count };
  const get = (name: string) => {
    const value = env(name)?.trim();
    return value === "" ? undefined : value;
  };
  const found = ENGINES.filter((e) => get(e.variable) !== undefined);
  if (found.length === 0) {
    throw new UsageError(
      "--shard auto found no task index: none of " +
        ENGINES.map((e) => `${e.variable} (${e.engine})`).join(", ") +
        " is set; elsewhere give --shard K/N",
    );
  }
  if (found.length > 1) {
    throw new UsageError(
      "--shard auto found the indexes of more than one engine: " +
        found.map((e) => `${e.variable}=${get(e.variable)}`).join(", ") + "; give --shard K/N",
    );
  }
  const { variable } = found[0];
  const raw = get(variable)!;

  // Every stated count, so two that disagree are caught rather than one silently winning.
  const counts: { source: string; value: number }[] = [];
  if (request.count !== undefined) {
    counts.push({ source: `--shard auto/${request.count}`, value: request.count });
  }
  const stated = (name: string) => {
    const value = get(name);
    if (value !== undefined) counts.push({ source: `${name}=${value}`, value: count(name, value) });
  };
  stated(COUNT_VARIABLE);

  let index: number;
  if (variable === "SLURM_ARRAY_TASK_ID") {
    index = slurmIndex(get, counts, stated);
  } else {
    if (variable === "AWS_BATCH_JOB_ARRAY_INDEX") stated("AWS_BATCH_JOB_ARRAY_SIZE");
    const n = whole(raw);
    if (n === undefined) {
      throw new UsageError(`${variable}=${raw} is not a whole number: it must be the task's index`);
    }
    index = n;
  }

  if (counts.length === 0) {
    throw new UsageError(
      `--shard auto needs the number of shards: ${variable}=${raw} gives only this task's ` +
        `index; give --shard auto/N or set ${COUNT_VARIABLE}`,
    );
  }
  const differing = counts.find((c) => c.value !== counts[0].value);
  if (differing) {
    throw new UsageError(
      `--shard auto found two different shard counts: ${counts[0].source} and ` +
        differing.source,
    );
  }
  const total = counts[0].value;
  if (index >= total) {
    throw new UsageError(
      `${variable}=${raw} makes shard ${index}, but the count is ${total} (${counts[0].source}): ` +
        `shards are numbered 0 to ${total - 1}`,
    );
  }
  return { index, count: total };
}

/**
 * A Slurm task's shard: its ID less the array's first ID, so `--array=1-8` and `--array=0-7`
 * both give shards 0 to 7. A stepped or gapped array would leave shards no task does: refused.
 */
function slurmIndex(
  get: (name: string) => string | undefined,
  counts: { source: string; value: number }[],
  stated: (name: string) => void,
): number {
  const read = (name: string) => {
    const value = get(name);
    if (value === undefined) return undefined;
    const n = whole(value);
    if (n === undefined) throw new UsageError(`${name}=${value} is not a whole number`);
    return { value, n };
  };
  const id = read("SLURM_ARRAY_TASK_ID")!;
  const min = read("SLURM_ARRAY_TASK_MIN");
  if (!min) {
    throw new UsageError(
      `SLURM_ARRAY_TASK_ID=${id.value} is set without SLURM_ARRAY_TASK_MIN, so where the array ` +
        "starts is unknown: give --shard K/N",
    );
  }
  const step = read("SLURM_ARRAY_TASK_STEP");
  if (step && step.n !== 1) {
    throw new UsageError(
      `SLURM_ARRAY_TASK_STEP=${step.value}: a stepped array leaves shards that no task does; ` +
        "submit a plain range such as --array=0-N-1",
    );
  }
  const before = counts.length;
  stated("SLURM_ARRAY_TASK_COUNT");
  const max = read("SLURM_ARRAY_TASK_MAX");
  if (max) {
    const span = max.n - min.n + 1;
    const listed = counts.slice(before)[0];
    if (listed && listed.value !== span) {
      throw new UsageError(
        `the Slurm array has gaps: SLURM_ARRAY_TASK_MIN=${min.value} to ` +
          `SLURM_ARRAY_TASK_MAX=${max.value} but ${listed.source}; submit a plain range such ` +
          "as --array=0-N-1",
      );
    }
    if (!listed) {
      counts.push({
        source: `SLURM_ARRAY_TASK_MIN=${min.value} to SLURM_ARRAY_TASK_MAX=${max.value}`,
        value: span,
      });
    }
  }
  if (id.n < min.n) {
    throw new UsageError(
      `SLURM_ARRAY_TASK_ID=${id.value} is below SLURM_ARRAY_TASK_MIN=${min.value}`,
    );
  }
  return id.n - min.n;
}

/** The shard a file with this content hash (SHA-256, hex) belongs to. */
export function shardOf(hash: string, count: number): number {
  if (!/^[0-9a-f]{13}/.test(hash)) throw new RangeError(`not a hex content hash: ${hash}`);
  // 52 bits: the most a double holds exactly.
  return parseInt(hash.slice(0, 13), 16) % count;
}

/** "K/N", as the command line takes it. */
export function formatShard(spec: ShardSpec): string {
  return `${spec.index}/${spec.count}`;
}

function count(source: string, raw: string): number {
  const n = whole(raw);
  if (n === undefined || n < 1 || n > MAX_SHARDS) {
    throw new UsageError(
      `${source}: the number of shards must be a whole number from 1 to ${MAX_SHARDS}, got "${raw}"`,
    );
  }
  return n;
}

function whole(raw: string): number | undefined {
  const value = raw.trim();
  if (!/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}
