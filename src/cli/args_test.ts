import assert from "node:assert/strict";
import { type BatchArgs, DEFAULT_PORT, HELP, parseCommandLine } from "./args.ts";
import { defaultWorkers } from "../options/job_options.ts";
import { UsageError } from "../common/errors.ts";

/** Parses a command line that must be a batch command. */
function batch(...argv: string[]): BatchArgs {
  const command = parseCommandLine(argv);
  assert.equal(command.mode, "batch");
  return command as BatchArgs;
}

/** Asserts that `argv` is refused with a one-line UsageError whose message matches `pattern`. */
function refused(argv: string[], pattern: RegExp): void {
  assert.throws(() => parseCommandLine(argv), (error: unknown) => {
    assert.ok(error instanceof UsageError, `${argv.join(" ")}: got ${error}`);
    assert.equal(error.name, "UsageError");
    assert.ok(!error.message.includes("\n"), `not one line: ${JSON.stringify(error.message)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

Deno.test("parseCommandLine() with no arguments serves the UI", () => {
  assert.deepEqual(parseCommandLine([]), { mode: "ui", port: DEFAULT_PORT, open: false });
  assert.deepEqual(parseCommandLine(["--port", "0", "--open", "--state", "s"]), {
    mode: "ui",
    port: 0,
    open: true,
    state: "s",
  });
  assert.throws(
    () => parseCommandLine(["--batch", "d", "--port", "1"]),
    /--port is for the web UI/,
  );
});

Deno.test("parseCommandLine() fills every batch option with its default", () => {
  assert.deepEqual(batch("--batch", "talks"), {
    mode: "batch",
    input: "talks",
    out: undefined,
    workers: defaultWorkers(),
    json: false,
    restart: false,
    retryFailed: false,
    include: [],
    exclude: [],
    maxAttempts: 3,
    timeoutSec: 120,
    stallSec: 60,
    retryDelaySec: 1,
    maxSizeMb: 64,
    maxMemoryMb: 1024,
    maxDurationMin: 720,
    chunkMinutes: 5,
  });
});

Deno.test("parseCommandLine() reads every flag", () => {
  assert.deepEqual(
    batch(
      "--batch",
      "in dir",
      "--out",
      "vault",
      "--workers",
      "3",
      "--json",
      "--restart",
      "--retry-failed",
      "--include",
      "**/*.md",
      "--exclude",
      "drafts/",
      "--max-attempts",
      "5",
      "--timeout",
      "30.5",
      "--stall-timeout",
      "10",
      "--retry-delay",
      "0",
      "--max-size",
      "0.5",
      "--max-memory",
      "256",
      "--max-duration",
      "90",
      "--chunk-minutes",
      "2.5",
      "--whisper-model",
      "models/ggml-base.en.bin",
    ),
    {
      mode: "batch",
      input: "in dir",
      out: "vault",
      workers: 3,
      json: true,
      restart: true,
      retryFailed: true,
      include: ["**/*.md"],
      exclude: ["drafts/"],
      maxAttempts: 5,
      timeoutSec: 30.5,
      stallSec: 10,
      retryDelaySec: 0,
      maxSizeMb: 0.5,
      maxMemoryMb: 256,
      maxDurationMin: 90,
      chunkMinutes: 2.5,
      whisperModel: "models/ggml-base.en.bin",
    },
  );
});

Deno.test("parseCommandLine() accepts --flag=value as well as --flag value", () => {
  const args = batch("--batch=in", "--out=vault", "--workers=2", "--timeout=1");
  assert.deepEqual([args.input, args.out, args.workers, args.timeoutSec], ["in", "vault", 2, 1]);
});

Deno.test("parseCommandLine() collects a repeated --include and --exclude in order", () => {
  const args = batch(
    "--include",
    "*.md",
    "--batch",
    "in",
    "--exclude",
    "old/",
    "--include",
    "talks/**",
    "--exclude",
    "*.tmp.txt",
  );
  assert.deepEqual(args.include, ["*.md", "talks/**"]);
  assert.deepEqual(args.exclude, ["old/", "*.tmp.txt"]);
});

Deno.test("parseCommandLine() refuses an unknown flag with a one-line message naming it", () => {
  refused(["--batch", "in", "--bogus"], /--bogus/);
  refused(["--bogus"], /--bogus/);
  refused(["-x"], /-x/);
});

Deno.test("parseCommandLine() refuses positional arguments", () => {
  refused(["talks"], /talks/);
  refused(["--batch", "in", "extra"], /extra/);
});

Deno.test("parseCommandLine() refuses bad numbers with a message naming the flag", () => {
  refused(["--batch", "in", "--workers", "0"], /--workers/);
  refused(["--batch", "in", "--workers", "x"], /--workers/);
  refused(["--batch", "in", "--workers", "1.5"], /--workers/);
  refused(["--batch", "in", "--workers", "257"], /--workers/);
  refused(["--batch", "in", "--workers", ""], /--workers/);
  refused(["--batch", "in", "--timeout", "-1"], /--timeout/);
  refused(["--batch", "in", "--timeout=-1"], /--timeout/);
  refused(["--batch", "in", "--timeout", "0"], /--timeout/);
  refused(["--batch", "in", "--timeout", "Infinity"], /--timeout/);
  refused(["--batch", "in", "--stall-timeout", "soon"], /--stall-timeout/);
  refused(["--batch", "in", "--retry-delay=-1"], /--retry-delay/);
  refused(["--batch", "in", "--max-attempts", "0"], /--max-attempts/);
  refused(["--batch", "in", "--max-size", "0"], /--max-size/);
  refused(["--batch", "in", "--max-memory", "8"], /--max-memory/);
});

Deno.test("parseCommandLine() refuses a flag that lacks its value", () => {
  refused(["--batch", "in", "--workers"], /--workers/);
  refused(["--batch"], /--batch/);
});

Deno.test("parseCommandLine() refuses empty folder names", () => {
  refused(["--batch", ""], /--batch/);
  refused(["--batch", "in", "--out", " "], /--out/);
});

Deno.test("parseCommandLine() refuses batch options without --batch", () => {
  refused(["--json"], /^--json needs --batch DIR$/);
  refused(["--out", "vault"], /^--out needs --batch DIR$/);
  refused(["--workers", "2"], /^--workers needs --batch DIR$/);
});

Deno.test("parseCommandLine() refuses a value given to a boolean flag", () => {
  refused(["--batch", "in", "--json=yes"], /--json/);
});

Deno.test("parseCommandLine() answers -h and --help with help, even beside other flags", () => {
  assert.deepEqual(parseCommandLine(["-h"]), { mode: "help" });
  assert.deepEqual(parseCommandLine(["--help"]), { mode: "help" });
  assert.deepEqual(parseCommandLine(["--batch", "in", "-h"]), { mode: "help" });
});

Deno.test("parseCommandLine() answers -V and --version with the version", () => {
  assert.deepEqual(parseCommandLine(["-V"]), { mode: "version" });
  assert.deepEqual(parseCommandLine(["--version"]), { mode: "version" });
});

Deno.test("parseCommandLine() reads --shard K/N and --shard auto[/N] for a batch", () => {
  assert.deepEqual(batch("--batch", "in", "--shard", "1/3").shard, {
    kind: "fixed",
    index: 1,
    count: 3,
  });
  assert.deepEqual(batch("--batch", "in", "--shard=auto").shard, { kind: "auto" });
  assert.deepEqual(batch("--batch", "in", "--shard", "auto/4").shard, { kind: "auto", count: 4 });
  assert.equal(batch("--batch", "in").shard, undefined);
  refused(["--batch", "in", "--shard", "3/3"], /--shard 3\/3/);
  refused(["--batch", "in", "--shard", "half"], /--shard needs K\/N/);
  refused(["--shard", "0/2"], /^--shard needs --batch DIR$/);
});

Deno.test("parseCommandLine() reads merge with its shard vaults and --out", () => {
  assert.deepEqual(parseCommandLine(["merge", "s0", "s 1", "--out", "vault"]), {
    mode: "merge",
    shards: ["s0", "s 1"],
    out: "vault",
    json: false,
  });
  assert.deepEqual(parseCommandLine(["merge", "--json", "--out=v", "s2"]), {
    mode: "merge",
    shards: ["s2"],
    out: "v",
    json: true,
  });
  assert.deepEqual(parseCommandLine(["merge", "--help"]), { mode: "help" });
  refused(["merge", "s0"], /^merge needs --out VAULT/);
  refused(["merge", "--out", "v"], /^merge needs at least one shard vault$/);
  refused(["merge", "s0", "--out", "v", "--workers", "2"], /^merge: .*--workers/);
  refused(["merge", "s0", "--out", " "], /^merge needs --out VAULT/);
  // Only as the first word: elsewhere it is a stray positional argument.
  refused(["--batch", "in", "merge"], /merge/);
});

Deno.test("the help names merge and --shard, and says shards count from 0", () => {
  assert.match(HELP, /gleaner merge SHARD_VAULT\.\.\. --out VAULT/);
  assert.match(HELP, /--shard K\/N .*K counts from 0/s);
  for (const name of ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"]) {
    assert.ok(HELP.includes(name), name);
  }
  for (const line of HELP.split("\n")) assert.ok(line.length <= 100, `too long: ${line}`);
});

Deno.test("--whisper takes a model name or file; --whisper-model is its older spelling", () => {
  const batch = (...more: string[]) => parseCommandLine(["--batch", "in", ...more]);
  assert.equal((batch("--whisper", "base.en") as BatchArgs).whisperModel, "base.en");
  assert.equal((batch("--whisper-model", "m.bin") as BatchArgs).whisperModel, "m.bin");
  assert.throws(() => batch("--whisper", "a", "--whisper-model", "b"), /give one/);
});

Deno.test("models lists, models pull NAME downloads, from a mirror with --from", () => {
  assert.deepEqual(parseCommandLine(["models"]), { mode: "models" });
  assert.deepEqual(parseCommandLine(["models", "pull", "base.en"]), {
    mode: "models",
    pull: "base.en",
  });
  assert.deepEqual(
    parseCommandLine(["models", "pull", "tiny", "--from", "http://127.0.0.1:9/m"]),
    { mode: "models", pull: "tiny", from: "http://127.0.0.1:9/m" },
  );
  assert.throws(() => parseCommandLine(["models", "pull"]), /needs one model name/);
  assert.throws(() => parseCommandLine(["models", "drop", "x"]), /unknown command drop/);
  assert.throws(() => parseCommandLine(["models", "pull", "x", "--from", "file:///x"]), /http/);
});
