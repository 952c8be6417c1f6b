/**
 * LLM mode end to end: the app as a user runs it, against a fake OpenAI-compatible endpoint on
 * loopback that answers from the text, rate-limits one file once and garbles another.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { ofType, runApp, withTempDir } from "./support/app.ts";
import { writeText } from "./support/corpus.ts";
import { MADE_UP_QUOTE, startFakeLlm, SUMMARY_PREFIX } from "./support/fake_llm.ts";

const API_KEY = "sk-gleaner-test-5f0c9e2a7b1d";

const DOCUMENTS = {
  "normal.md":
    "# Tide mills\n\nTide mills used the sea to grind grain along the coast of Brittany. " +
    "Water filled a pond at high tide and turned the wheel as it flowed back out. " +
    "Most of the mills stopped working when steam engines became cheap.\n",
  "rate.md": "# Salt marshes\n\nSalt marshes protect the shore from storms by slowing the waves. " +
    "Their plants trap mud and slowly raise the ground. FAKE-LLM-RATE-LIMIT " +
    "Birds rest there on long journeys between north and south.\n",
  "garbage.md": "# Lighthouses\n\nLighthouse keepers trimmed the lamp wicks every night. " +
    "FAKE-LLM-GARBAGE Automatic lamps replaced the keepers during the last century.\n",
};

/** Every file under `dir`, recursively, as bytes. */
async function allFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const walk = async (folder: string) => {
    for await (const entry of Deno.readDir(folder)) {
      const path = join(folder, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile) files.set(relative(dir, path), await Deno.readFile(path));
    }
  };
  await walk(dir);
  return files;
}

function contains(haystack: Uint8Array, needle: string): boolean {
  // latin1 keeps one char per byte, so an ASCII needle is found wherever its bytes are.
  return new TextDecoder("latin1").decode(haystack).includes(needle);
}

/** The lines of a note's section, between its heading and the next one. */
function section(note: string, name: string): string {
  const start = note.indexOf(`\n## ${name}\n`);
  assert.notEqual(start, -1, `no ${name} section in:\n${note}`);
  const body = note.slice(start + name.length + 5);
  const end = body.indexOf("\n## ");
  return (end === -1 ? body : body.slice(0, end)).trim();
}

Deno.test("LLM mode writes the model's notes, survives a rate limit and quarantines garbage", async () => {
  const server = startFakeLlm();
  try {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      const vault = join(root, "vault");
      for (const [name, text] of Object.entries(DOCUMENTS)) {
        await writeText(join(input, name), text);
      }
      // --retry-delay 0 retries the garbled file at once; --llm-retries 1 still allows the
      // one retry the rate-limited request needs.
      const run = await runApp([
        "--batch",
        input,
        "--out",
        vault,
        "--json",
        "--workers",
        "2",
        "--max-attempts",
        "2",
        "--retry-delay",
        "0",
        "--llm",
        "--llm-url",
        server.url,
        "--llm-model",
        "fake-model",
        "--llm-timeout",
        "30",
        "--llm-retries",
        "1",
      ], { env: { GLEANER_LLM_API_KEY: API_KEY } });
      assert.equal(run.code, 1, run.stderr);

      // The normal and the rate-limited file become notes written from the model's answer.
      const done = ofType(run.events, "file_done");
      assert.deepEqual(done.map((e) => e.path).sort(), ["normal.md", "rate.md"]);
      const expected = {
        "normal.md": "Tide mills used the sea to grind grain along the coast of Brittany.",
        "rate.md": "Salt marshes protect the shore from storms by slowing the waves.",
      };
      for (const event of done) {
        const first = expected[event.path as keyof typeof expected];
        assert.match(event.warning ?? "", /1 of the model's claims were left out/);
        const note = await Deno.readTextFile(join(vault, event.note));
        assert.equal(section(note, "Summary"), `${SUMMARY_PREFIX} ${first}`);
        assert.match(section(note, "Key points"), new RegExp(`^- ${first}$`, "m"));
        assert.equal(section(note, "Claims"), `- The source states: ${first}\n  > ${first}`);
        assert.ok(!note.includes(MADE_UP_QUOTE));
        assert.match(note, /\n## Full text\n/);
      }

      // The rate-limited text was asked twice, the second time after the Retry-After second.
      const asked = (marker: string) =>
        server.requests.filter((r) => JSON.stringify(r.body).includes(marker));
      const rate = asked("FAKE-LLM-RATE-LIMIT");
      assert.equal(rate.length, 2);
      assert.ok(rate[1].at - rate[0].at >= 1000, `${rate[1].at - rate[0].at} ms`);

      // The garbled file fails with what went wrong, is retried, then quarantined.
      const failed = ofType(run.events, "file_failed");
      assert.deepEqual(failed.map((e) => [e.path, e.code, e.willRetry]), [
        ["garbage.md", "stage_error", true],
      ]);
      assert.match(
        failed[0].error,
        /^LlmError: the model's answer is not valid JSON: "Sure! Here is the summary/,
      );
      const quarantined = ofType(run.events, "file_quarantined");
      assert.deepEqual(quarantined.map((e) => e.path), ["garbage.md"]);
      assert.match(
        quarantined[0].error,
        /the model's answer is not valid JSON: .*\(failed 2 attempts\)$/,
      );
      // Once per attempt: a garbled answer is not retried within an attempt.
      assert.equal(asked("FAKE-LLM-GARBAGE").length, 2);
      const [finished] = ofType(run.events, "job_finished");
      assert.deepEqual(
        { done: finished.done, failed: finished.failed, quarantined: finished.quarantined },
        { done: 2, failed: 0, quarantined: 1 },
      );

      // Usage is on record for each file that has a note.
      const db = new DatabaseSync(join(vault, ".gleaner", "state.db"), { readOnly: true });
      try {
        const rows = db.prepare(
          `SELECT f.path, u.model, u.requests, u.prompt_tokens, u.completion_tokens
           FROM llm_usage u JOIN files f ON f.id = u.file_id ORDER BY f.path`,
        ).all() as {
          path: string;
          model: string;
          requests: number;
          prompt_tokens: number;
          completion_tokens: number;
        }[];
        assert.deepEqual(rows.map((r) => [r.path, r.model, r.requests]), [
          ["normal.md", "fake-model", 1],
          ["rate.md", "fake-model", 1],
        ]);
        for (const row of rows) {
          const served = server.requests.filter((r) =>
            r.usage && JSON.stringify(r.body).includes(row.path === "rate.md" ? "Salt" : "Tide")
          );
          assert.equal(row.prompt_tokens, served[0].usage!.prompt_tokens);
          assert.equal(row.completion_tokens, served[0].usage!.completion_tokens);
          assert.ok(row.prompt_tokens > 0 && row.completion_tokens > 0);
        }
      } finally {
        db.close();
      }

      // The key reached the endpoint, and only the endpoint.
      assert.ok(server.requests.length > 0);
      for (const request of server.requests) {
        assert.equal(request.headers.get("authorization"), `Bearer ${API_KEY}`);
      }
      const files = await allFiles(vault);
      assert.ok(files.has(join(".gleaner", "state.db")), [...files.keys()].join(", "));
      for (const [path, bytes] of files) {
        assert.ok(!contains(bytes, API_KEY), `the API key is in ${path}`);
      }
      assert.ok(!run.stdout.includes(API_KEY) && !run.stderr.includes(API_KEY));
    });
  } finally {
    await server.close();
  }
});
