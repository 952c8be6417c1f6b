import assert from "node:assert/strict";
import type { EngineEvent } from "../protocol/messages.ts";
import { terminalProgress } from "./terminal.ts";

Deno.test("files the walk passes over do not count toward the total: progress ends at 100%", () => {
  const lines: string[] = [];
  let clock = 0;
  const { handle } = terminalProgress({
    tty: false,
    color: false,
    write: (line) => lines.push(line),
    now: () => clock,
  });
  const at = 0;
  const events: EngineEvent[] = [
    { type: "job_started", at, jobId: 1, total: 4 },
    { type: "file_skipped", at, path: "a.xyz", reason: "unsupported file type (.xyz)" },
    { type: "file_skipped", at, path: "dir", reason: "cannot read folder: denied" },
    { type: "file_skipped", at, path: "same.md", reason: "unchanged" },
    {
      type: "file_skipped",
      at,
      path: "bad.md",
      reason: "failed earlier: empty file; use --retry-failed",
    },
    { type: "file_done", at, path: "n1.md", note: "Sources/N1.md" },
    { type: "file_done", at, path: "n2.md", note: "Sources/N2.md" },
  ];
  for (const e of events) {
    clock += 6000; // past the plain mode's line interval, so every event may print
    handle(e);
  }
  const progress = lines.filter((l) => /^gleaner: \d+\/\d+ files/.test(l));
  assert.match(progress.at(-1)!, /^gleaner: 4\/4 files \(100%\)/);
  for (const line of progress) assert.ok(Number(/\((\d+)%\)/.exec(line)![1]) <= 100, line);
});
