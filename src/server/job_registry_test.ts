import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { JobRegistry } from "./job_registry.ts";

Deno.test("JobRegistry keeps a job's request and gives it back", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const registry = JobRegistry.open(dir);
    const request = { input: "/in", workers: 2, include: ["**/*.md"], llm: { model: "m" } };
    const entry = registry.put("/in", "/in-vault", request);
    assert.deepEqual(entry.request, request);
    registry.close();
    const again = JobRegistry.open(dir);
    assert.deepEqual(again.get(entry.id)?.request, request);
    again.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("JobRegistry reads a job that gleaner 0.1 stored as a command line", () => {
  const dir = Deno.makeTempDirSync();
  try {
    JobRegistry.open(dir).close();
    const db = new DatabaseSync(join(dir, "jobs.db"));
    const argv = [
      "--batch",
      "/in",
      "--out",
      "/vault",
      "--workers",
      "3",
      "--include",
      "a/**",
      "--include",
      "b/**",
      "--exclude",
      "drafts/",
      "--whisper-model",
      "base.en",
      "--llm",
      "--llm-url",
      "http://127.0.0.1:9/v1",
    ];
    db.prepare("INSERT INTO jobs(input_dir, vault_dir, argv, created_at) VALUES (?, ?, ?, ?)")
      .run("/in", "/vault", JSON.stringify(argv), 1);
    db.close();
    const registry = JobRegistry.open(dir);
    assert.deepEqual(registry.list()[0].request, {
      input: "/in",
      out: "/vault",
      workers: 3,
      include: ["a/**", "b/**"],
      exclude: ["drafts/"],
      whisperModel: "base.en",
      llm: { url: "http://127.0.0.1:9/v1" },
    });
    registry.close();
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
