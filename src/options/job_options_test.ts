import assert from "node:assert/strict";
import { UsageError } from "../common/errors.ts";
import {
  defaultWorkers,
  jobOptions,
  LIMITS,
  LLM_DEFAULTS,
  outputOptions,
  parseJobSettings,
  PIPELINE_VERSION,
} from "./job_options.ts";

const THREAD = new URL("file:///thread.ts");
const noEnv = () => undefined;

Deno.test("parseJobSettings() fills every choice that is not given with its default", () => {
  assert.deepEqual(parseJobSettings({ input: "talks" }), {
    input: "talks",
    workers: defaultWorkers(),
    restart: false,
    retryFailed: false,
    include: [],
    exclude: [],
    maxAttempts: LIMITS.maxAttempts.default,
    timeoutSec: LIMITS.timeoutSec.default,
    stallSec: LIMITS.stallSec.default,
    retryDelaySec: LIMITS.retryDelaySec.default,
    maxSizeMb: LIMITS.maxSizeMb.default,
    maxMemoryMb: LIMITS.maxMemoryMb.default,
    maxDurationMin: LIMITS.maxDurationMin.default,
    chunkMinutes: LIMITS.chunkMinutes.default,
  });
});

Deno.test("parseJobSettings() reads numbers given as text and as numbers alike", () => {
  const asText = parseJobSettings({ input: "in", workers: "3", timeoutSec: "30.5" });
  const asNumbers = parseJobSettings({ input: "in", workers: 3, timeoutSec: 30.5 });
  assert.deepEqual(asText, asNumbers);
  assert.equal(asText.workers, 3);
  assert.equal(asText.timeoutSec, 30.5);
});

Deno.test("parseJobSettings() refuses a bad number with the same message from text or a number", () => {
  for (const workers of ["300", 300]) {
    assert.throws(
      () => parseJobSettings({ input: "in", workers }),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message === '--workers needs a whole number from 1 to 256, got "300"',
    );
  }
  assert.throws(
    () => parseJobSettings({ input: "in", stallSec: 0 }),
    /^UsageError: --stall-timeout needs a number of at least 0.1, got "0"$/,
  );
  assert.throws(() => parseJobSettings({ input: "in", workers: 1.5 }), /--workers/);
});

Deno.test("parseJobSettings() refuses blank folders and names, and a URL that is not http(s)", () => {
  assert.throws(() => parseJobSettings({ input: " " }), /^UsageError: --batch needs a folder$/);
  assert.throws(() => parseJobSettings({ input: "in", out: "" }), /--out needs a folder/);
  assert.throws(() => parseJobSettings({ input: "in", whisperModel: " " }), /--whisper needs/);
  assert.throws(
    () => parseJobSettings({ input: "in", llm: { url: "ftp://host" } }),
    /--llm-url needs an http:\/\/ or https:\/\/ URL, got "ftp:\/\/host"/,
  );
  assert.throws(() => parseJobSettings({ input: "in", llm: { model: "" } }), /--llm-model/);
});

Deno.test("jobOptions() converts the settings into the engine's units", () => {
  const settings = parseJobSettings({
    input: "in",
    workers: 2,
    timeoutSec: 30,
    stallSec: 10,
    retryDelaySec: 0.5,
    maxSizeMb: 1,
    maxDurationMin: 2,
    chunkMinutes: 0.5,
    shard: { kind: "fixed", index: 1, count: 4 },
  });
  const options = jobOptions(settings, {
    inputDir: "/in",
    vaultDir: "/vault",
    shard: { index: 1, count: 4 },
    threadUrl: THREAD,
    env: noEnv,
  });
  assert.equal(options.budgetBaseMs, 30_000);
  assert.equal(options.stallMs, 10_000);
  assert.equal(options.retryBaseMs, 500);
  assert.deepEqual(options.pipeline, {
    maxBytes: 1024 * 1024,
    maxDurationMs: 120_000,
    chunkMs: 30_000,
  });
  assert.deepEqual(options.shard, { index: 1, count: 4 });
  assert.equal(options.threadUrl, THREAD);
});

Deno.test("jobOptions() takes LLM mode's endpoint and model from the job, then the environment, then the defaults", () => {
  const found = { inputDir: "/in", vaultDir: "/vault", threadUrl: THREAD };
  const env = (name: string) =>
    ({ GLEANER_LLM_MODEL: "from-env", GLEANER_LLM_API_KEY: " key " } as Record<string, string>)[
      name
    ];
  const llm = jobOptions(parseJobSettings({ input: "in", llm: {} }), { ...found, env }).pipeline
    .llm;
  assert.deepEqual(llm, {
    url: LLM_DEFAULTS.url,
    model: "from-env",
    apiKey: "key",
    timeoutMs: LIMITS.llmTimeoutSec.default * 1000,
    retries: LIMITS.llmRetries.default,
    retryDelayMs: 1000,
  });
  const own = parseJobSettings({ input: "in", llm: { url: "http://h/v1", model: "m" } });
  const chosen = jobOptions(own, { ...found, env }).pipeline.llm;
  assert.equal(chosen?.url, "http://h/v1");
  assert.equal(chosen?.model, "m");
});

Deno.test("outputOptions() changes with what writes the notes, never with the API key", () => {
  const plain = outputOptions();
  assert.equal(plain.json, JSON.stringify({ version: PIPELINE_VERSION }));
  const llm = { url: "http://h/v1", model: "m", timeoutMs: 1, retries: 0, retryDelayMs: 0 };
  const withLlm = outputOptions({ llm });
  assert.notEqual(withLlm.hash, plain.hash);
  assert.equal(outputOptions({ llm: { ...llm, apiKey: "secret" } }).hash, withLlm.hash);
  assert.notEqual(outputOptions({ whisperModel: "/m/ggml-base.en.bin" }).hash, plain.hash);
});
