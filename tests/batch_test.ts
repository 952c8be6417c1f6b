import assert from "node:assert/strict";
import { join } from "node:path";
import { ofType, runApp, withTempDir } from "./support/app.ts";
import { makeCorpus, snapshotVault, writeText } from "./support/corpus.ts";

const withDirs = (fn: (input: string, vault: string) => Promise<void>) =>
  withTempDir((root) => fn(join(root, "input"), join(root, "vault")));

async function mtimes(vault: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for await (const e of Deno.readDir(join(vault, "Sources"))) {
    result.set(e.name, (await Deno.stat(join(vault, "Sources", e.name))).mtime!.getTime());
  }
  return result;
}

Deno.test("a batch turns every input into one note and reports it as NDJSON", async () => {
  await withDirs(async (input, vault) => {
    const paths = await makeCorpus(input, 40);
    await writeText(join(input, "cover.jpg"), "not really a picture");
    await writeText(join(input, ".hidden.md"), "# Hidden");
    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);

    const started = ofType(run.events, "job_started");
    assert.equal(started.length, 1);
    const done = ofType(run.events, "file_done");
    assert.deepEqual(done.map((e) => e.path).sort(), [...paths].sort());
    for (const e of done) assert.match(e.note, /^Sources\/[^/]+\.md$/);
    assert.deepEqual(
      ofType(run.events, "file_skipped").map((e) => [e.path, e.reason]),
      [["cover.jpg", "unsupported file type .jpg"]],
    );
    const [finished] = ofType(run.events, "job_finished");
    assert.deepEqual(
      { done: finished.done, failed: finished.failed, quarantined: finished.quarantined },
      { done: 40, failed: 0, quarantined: 0 },
    );

    const notes = await snapshotVault(vault);
    assert.equal(notes.size, 40);
    // Every seventh document shares a title: one bare name, the rest numbered by discovery order.
    assert.ok(notes.has("Sources/Shared title.md"));
    assert.ok(notes.has("Sources/Shared title (2).md"));
    assert.match(notes.get("Sources/Shared title.md")!, /source: "part-0\/doc-0000\.md"/);
  });
});

Deno.test("a Markdown title comes from its frontmatter, inside the sandbox", async () => {
  await withDirs(async (input, vault) => {
    await writeText(
      join(input, "talk.md"),
      "---\ntitle: From the frontmatter\ntags: [a, b]\n---\n\n# A heading\n\nBody text.\n",
    );
    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(ofType(run.events, "file_done").map((e) => e.note), [
      "Sources/From the frontmatter.md",
    ]);
  });
});

Deno.test("a re-run over an unchanged folder skips everything and rewrites nothing", async () => {
  await withDirs(async (input, vault) => {
    await makeCorpus(input, 12);
    assert.equal((await runApp(["--batch", input, "--out", vault])).code, 0);
    const before = await snapshotVault(vault);
    const times = await mtimes(vault);

    const again = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(ofType(again.events, "file_started").length, 0);
    assert.equal(
      ofType(again.events, "file_skipped").filter((e) => e.reason === "unchanged").length,
      12,
    );
    assert.deepEqual(await snapshotVault(vault), before);
    assert.deepEqual(await mtimes(vault), times);
  });
});

Deno.test("a re-run redoes changed files, reports removed ones and leaves the rest alone", async () => {
  await withDirs(async (input, vault) => {
    const paths = await makeCorpus(input, 8);
    assert.equal((await runApp(["--batch", input, "--out", vault])).code, 0);
    await writeText(join(input, paths[1]), "Entirely new words about beekeeping.\n");
    await Deno.remove(join(input, paths[2]));
    await writeText(join(input, "part-9/new.md"), "# A newcomer\n\nFresh text.\n");

    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      ofType(run.events, "file_done").map((e) => e.path).sort(),
      [paths[1], "part-9/new.md"].sort(),
    );
    assert.deepEqual(ofType(run.events, "file_removed").map((e) => e.path), [paths[2]]);
    const notes = await snapshotVault(vault);
    assert.ok([...notes.values()].some((t) => t.includes("beekeeping")));
    assert.ok(notes.has("Sources/A newcomer.md"));
  });
});

Deno.test("--restart reprocesses everything and ends with byte-identical notes", async () => {
  await withDirs(async (input, vault) => {
    await makeCorpus(input, 10);
    assert.equal((await runApp(["--batch", input, "--out", vault])).code, 0);
    const first = await snapshotVault(vault);
    const run = await runApp(["--batch", input, "--out", vault, "--json", "--restart"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(ofType(run.events, "file_done").length, 10);
    assert.deepEqual(await snapshotVault(vault), first);
  });
});

Deno.test("bad inputs fail one by one with clear errors while the rest of the batch completes", async () => {
  await withDirs(async (input, vault) => {
    await writeText(join(input, "good.md"), "# Good\n\nFine text.\n");
    // UTF-16 cut off in the middle of a code unit.
    await writeText(join(input, "torn.txt"), new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]));
    await writeText(join(input, "binary.txt"), new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x43]));
    await writeText(join(input, "empty.md"), "");
    await writeText(join(input, "huge.txt"), "x".repeat(300_000));
    const run = await runApp(["--batch", input, "--out", vault, "--json", "--max-size", "0.2"]);
    assert.equal(run.code, 1, run.stderr);
    const failed = new Map(ofType(run.events, "file_failed").map((e) => [e.path, e]));
    assert.match(failed.get("torn.txt")!.error, /not valid UTF-16LE text/);
    assert.match(failed.get("binary.txt")!.error, /binary content/);
    // Nothing to read is no failure: skipped with the reason, so it cannot fail every run.
    assert.equal(failed.has("empty.md"), false);
    assert.deepEqual(
      ofType(run.events, "file_skipped").filter((e) => e.path === "empty.md").map((e) => e.reason),
      ["empty file: nothing to make a note from"],
    );
    assert.match(failed.get("huge.txt")!.error, /file too large: 0\.3 MB, the limit is 0\.2 MB/);
    for (const e of failed.values()) assert.equal(e.willRetry, false);
    assert.deepEqual(ofType(run.events, "file_done").map((e) => e.path), ["good.md"]);

    // Failed files are not retried on their own, but are with --retry-failed.
    const again = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(again.code, 1);
    assert.equal(ofType(again.events, "file_started").length, 0);
    const retry = await runApp(["--batch", input, "--out", vault, "--json", "--retry-failed"]);
    assert.equal(ofType(retry.events, "file_started").length, 3);
  });
});

Deno.test("a page that only redirects is skipped with where it points, and again on a re-run", async () => {
  await withDirs(async (input, vault) => {
    await writeText(join(input, "good.md"), "# Good\n\nFine text.\n");
    await writeText(
      join(input, "old-chapter.html"),
      '<html><head><title>Redirecting...</title><meta http-equiv="refresh" ' +
        "content=\"0;URL='./book/chapter.html'\"></head><body><p>Redirecting to... " +
        '<a href="./book/chapter.html">./book/chapter.html</a>.</p></body></html>',
    );
    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(ofType(run.events, "file_failed"), []);
    assert.deepEqual(
      ofType(run.events, "file_skipped").map((e) => [e.path, e.reason, e.inTotal]),
      [["old-chapter.html", "only a redirect to ./book/chapter.html, no text of its own", true]],
    );
    const [finished] = ofType(run.events, "job_finished");
    assert.deepEqual([finished.done, finished.skipped, finished.failed], [1, 1, 0]);
    assert.deepEqual(
      [...(await snapshotVault(vault)).keys()].filter((p) => p.startsWith("Sources/")),
      [
        "Sources/Good.md",
      ],
    );

    // The same bytes are not read again.
    const again = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(ofType(again.events, "file_started").length, 0);
    assert.deepEqual(
      ofType(again.events, "file_skipped").map((e) => [e.path, e.reason]).sort(),
      [
        ["good.md", "unchanged"],
        [
          "old-chapter.html",
          "only a redirect to ./book/chapter.html, no text of its own (found earlier)",
        ],
      ],
    );
    assert.equal(ofType(again.events, "job_started")[0].total, 2);
  });
});

Deno.test("hostile file names become safe notes inside the vault and nothing is written elsewhere", async () => {
  await withDirs(async (input, vault) => {
    const names = [
      "new\nline.md",
      "co:lon.txt",
      "emoji 🎉.md",
      "rtl \u202Egnp.txt",
      "dots..md",
      "CON.txt",
      "sub/a..b.md",
    ];
    for (const name of names) await writeText(join(input, name), `text of ${name}\n`);
    await writeText(join(input, "traversal.md"), "---\ntitle: ../../../escaped\n---\nbody\n");
    const parent = join(input, "..");
    await Deno.mkdir(vault);
    const before = [...Deno.readDirSync(parent)].map((e) => e.name).sort();

    const run = await runApp(["--batch", input, "--out", vault, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(ofType(run.events, "file_done").length, names.length + 1);
    for (const e of ofType(run.events, "file_done")) {
      assert.match(e.note, /^Sources\/[^/\\\n:\u202E]+\.md$/);
    }
    assert.deepEqual([...Deno.readDirSync(parent)].map((e) => e.name).sort(), before);
    assert.equal((await snapshotVault(vault)).size, names.length + 1);
  });
});

Deno.test("usage errors give one line and exit 2", async () => {
  const unknown = await runApp(["--batch", ".", "--frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.trim().split("\n").length, 1);
  assert.match(unknown.stderr, /frobnicate/);

  const missing = await runApp(["--batch", "/nonexistent/folder/for/gleaner"]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /input folder not found: \/nonexistent\/folder\/for\/gleaner/);

  const version = await runApp(["--version"]);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^gleaner \d+\.\d+\.\d+\n$/);
});
