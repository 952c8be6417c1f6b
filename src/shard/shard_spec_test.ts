import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import denoConfig from "../../deno.json" with { type: "json" };
import {
  formatShard,
  parseShardFlag,
  resolveShard,
  SHARD_VARIABLES,
  shardOf,
} from "./shard_spec.ts";
import { UsageError } from "../common/errors.ts";

const env = (vars: Record<string, string>) => (name: string) => vars[name];

/** Asserts a one-line UsageError whose message matches every pattern. */
function refused(fn: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof UsageError, `got ${error}`);
    assert.ok(!error.message.includes("\n"));
    assert.ok(!error.message.endsWith("."), `trailing period: ${error.message}`);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

Deno.test("parseShardFlag() reads K/N counted from 0, auto and auto/N", () => {
  assert.deepEqual(parseShardFlag("0/3"), { kind: "fixed", index: 0, count: 3 });
  assert.deepEqual(parseShardFlag("2/3"), { kind: "fixed", index: 2, count: 3 });
  assert.deepEqual(parseShardFlag("0/1"), { kind: "fixed", index: 0, count: 1 });
  assert.deepEqual(parseShardFlag("auto"), { kind: "auto" });
  assert.deepEqual(parseShardFlag("auto/12"), { kind: "auto", count: 12 });
});

Deno.test("parseShardFlag() refuses what is not a shard, naming the flag", () => {
  refused(() => parseShardFlag("3/3"), /--shard 3\/3/, /0 to 2/, /count from 0/);
  refused(() => parseShardFlag("1/0"), /--shard 1\/0/, /number of shards/);
  refused(() => parseShardFlag("-1/3"), /--shard/);
  refused(() => parseShardFlag("1.5/3"), /--shard/);
  refused(() => parseShardFlag("1"), /--shard needs K\/N/, /"1"/);
  refused(() => parseShardFlag("1/2/3"), /--shard needs K\/N/);
  refused(() => parseShardFlag("auto/x"), /--shard auto\/x/);
  refused(() => parseShardFlag("auto/0"), /--shard auto\/0/);
  refused(() => parseShardFlag("0/100001"), /1 to 100000/);
});

Deno.test("resolveShard() keeps a fixed K/N whatever the environment says", () => {
  const shard = resolveShard(
    { kind: "fixed", index: 1, count: 4 },
    env({ JOB_COMPLETION_INDEX: "3", GLEANER_SHARD_COUNT: "9" }),
  );
  assert.deepEqual(shard, { index: 1, count: 4 });
});

Deno.test("resolveShard() takes a Kubernetes Indexed Job's index and the count it is given", () => {
  const vars = { JOB_COMPLETION_INDEX: "2", GLEANER_SHARD_COUNT: "5" };
  assert.deepEqual(resolveShard({ kind: "auto" }, env(vars)), { index: 2, count: 5 });
  assert.deepEqual(
    resolveShard({ kind: "auto", count: 5 }, env({ JOB_COMPLETION_INDEX: "4" })),
    { index: 4, count: 5 },
  );
  refused(
    () => resolveShard({ kind: "auto" }, env({ JOB_COMPLETION_INDEX: "2" })),
    /JOB_COMPLETION_INDEX=2/,
    /--shard auto\/N/,
    /GLEANER_SHARD_COUNT/,
  );
  refused(
    () => resolveShard({ kind: "auto", count: 4 }, env(vars)),
    /--shard auto\/4/,
    /GLEANER_SHARD_COUNT=5/,
  );
  refused(
    () => resolveShard({ kind: "auto" }, env({ ...vars, JOB_COMPLETION_INDEX: "5" })),
    /JOB_COMPLETION_INDEX=5/,
    /count is 5/,
    /0 to 4/,
  );
  refused(
    () => resolveShard({ kind: "auto" }, env({ ...vars, JOB_COMPLETION_INDEX: "two" })),
    /JOB_COMPLETION_INDEX=two is not a whole number/,
  );
  refused(
    () => resolveShard({ kind: "auto" }, env({ ...vars, GLEANER_SHARD_COUNT: "0" })),
    /GLEANER_SHARD_COUNT/,
    /"0"/,
  );
});

Deno.test("resolveShard() maps a Slurm array starting at 0 or 1 onto shards 0 to N-1", () => {
  const slurm = (id: number, min: number, count: number, extra: Record<string, string> = {}) =>
    env({
      SLURM_ARRAY_TASK_ID: String(id),
      SLURM_ARRAY_TASK_MIN: String(min),
      SLURM_ARRAY_TASK_MAX: String(min + count - 1),
      SLURM_ARRAY_TASK_COUNT: String(count),
      SLURM_ARRAY_TASK_STEP: "1",
      ...extra,
    });
  assert.deepEqual(resolveShard({ kind: "auto" }, slurm(0, 0, 3)), { index: 0, count: 3 });
  assert.deepEqual(resolveShard({ kind: "auto" }, slurm(1, 1, 3)), { index: 0, count: 3 });
  assert.deepEqual(resolveShard({ kind: "auto" }, slurm(3, 1, 3)), { index: 2, count: 3 });
  assert.deepEqual(resolveShard({ kind: "auto", count: 3 }, slurm(2, 1, 3)), {
    index: 1,
    count: 3,
  });
  // An old Slurm without SLURM_ARRAY_TASK_COUNT: the span of the array is the count.
  assert.deepEqual(
    resolveShard(
      { kind: "auto" },
      env({ SLURM_ARRAY_TASK_ID: "5", SLURM_ARRAY_TASK_MIN: "4", SLURM_ARRAY_TASK_MAX: "7" }),
    ),
    { index: 1, count: 4 },
  );
  refused(
    () => resolveShard({ kind: "auto" }, slurm(1, 1, 4, { SLURM_ARRAY_TASK_STEP: "2" })),
    /SLURM_ARRAY_TASK_STEP=2/,
    /stepped/,
  );
  // --array=0,2,5: three tasks over a span of six.
  refused(
    () =>
      resolveShard(
        { kind: "auto" },
        slurm(2, 0, 3, { SLURM_ARRAY_TASK_MAX: "5" }),
      ),
    /gaps/,
    /SLURM_ARRAY_TASK_MIN=0/,
    /SLURM_ARRAY_TASK_MAX=5/,
    /SLURM_ARRAY_TASK_COUNT=3/,
  );
  refused(
    () => resolveShard({ kind: "auto", count: 4 }, slurm(1, 1, 3)),
    /--shard auto\/4/,
    /SLURM_ARRAY_TASK_COUNT=3/,
  );
  refused(
    () => resolveShard({ kind: "auto" }, env({ SLURM_ARRAY_TASK_ID: "3" })),
    /SLURM_ARRAY_TASK_ID=3/,
    /SLURM_ARRAY_TASK_MIN/,
  );
});

Deno.test("resolveShard() takes an AWS Batch child's index and the array's size", () => {
  const vars = { AWS_BATCH_JOB_ARRAY_INDEX: "7", AWS_BATCH_JOB_ARRAY_SIZE: "10" };
  assert.deepEqual(resolveShard({ kind: "auto" }, env(vars)), { index: 7, count: 10 });
  assert.deepEqual(
    resolveShard(
      { kind: "auto" },
      env({ AWS_BATCH_JOB_ARRAY_INDEX: "0", GLEANER_SHARD_COUNT: "2" }),
    ),
    { index: 0, count: 2 },
  );
  refused(
    () => resolveShard({ kind: "auto" }, env({ ...vars, GLEANER_SHARD_COUNT: "8" })),
    /GLEANER_SHARD_COUNT=8/,
    /AWS_BATCH_JOB_ARRAY_SIZE=10/,
  );
});

Deno.test("resolveShard() refuses no engine, and two engines at once, by name", () => {
  refused(
    () => resolveShard({ kind: "auto", count: 3 }, env({})),
    /no task index/,
    /JOB_COMPLETION_INDEX/,
    /SLURM_ARRAY_TASK_ID/,
    /AWS_BATCH_JOB_ARRAY_INDEX/,
    /--shard K\/N/,
  );
  refused(
    () => resolveShard({ kind: "auto", count: 3 }, env({ JOB_COMPLETION_INDEX: " " })),
    /no task index/,
  );
  refused(
    () =>
      resolveShard(
        { kind: "auto", count: 3 },
        env({ JOB_COMPLETION_INDEX: "1", AWS_BATCH_JOB_ARRAY_INDEX: "2" }),
      ),
    /more than one engine/,
    /JOB_COMPLETION_INDEX=1/,
    /AWS_BATCH_JOB_ARRAY_INDEX=2/,
  );
});

Deno.test("shardOf() puts every hash in exactly one shard, from its first 52 bits", () => {
  const hash = (i: number) => createHash("sha256").update(`input ${i}`).digest("hex");
  const counts = new Array(3).fill(0);
  for (let i = 0; i < 3000; i++) counts[shardOf(hash(i), 3)]++;
  // Spread over all shards, none nearly empty.
  for (const n of counts) assert.ok(n > 800, `uneven shards: ${counts}`);
  const h = "000000000000a" + "f".repeat(51);
  assert.equal(shardOf(h, 1), 0);
  assert.equal(shardOf(h, 7), 10 % 7);
  assert.equal(shardOf("fffffffffffff" + "0".repeat(51), 2), (2 ** 52 - 1) % 2);
  assert.throws(() => shardOf("not a hash", 2), RangeError);
  assert.equal(formatShard({ index: 2, count: 5 }), "2/5");
});

Deno.test("the release permission set lets --shard auto read every variable it reads", () => {
  const allowed = new Set(denoConfig.permissions.release.env);
  for (const name of SHARD_VARIABLES) assert.ok(allowed.has(name), `${name} not in deno.json`);
});
