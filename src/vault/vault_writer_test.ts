import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import type { NoteDraft } from "../protocol/messages.ts";
import { type FileRow, JobStore } from "../store/job_store.ts";
import { TEMP_PREFIX } from "./atomic_write.ts";
import { renderNote } from "./render_note.ts";
import { VaultWriter } from "./vault_writer.ts";
import { NOTES_DIR } from "./layout.ts";
import { NO_ANALYSIS } from "../../tests/support/drafts.ts";

const OPTIONS_HASH = "0".repeat(64);
const OLD_TIME = new Date("2001-02-03T04:05:06Z");

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A vault in a temp folder with a real store, one job and one run. */
class Vault {
  readonly dir: string;
  readonly dbPath: string;
  store: JobStore;
  writer: VaultWriter;
  jobId: number;
  runId: number;

  constructor(dir: string, dbPath: string) {
    this.dir = dir;
    this.dbPath = dbPath;
    this.store = JobStore.open(dbPath);
    this.jobId = this.store.createJob("/input", "{}", OPTIONS_HASH).id;
    this.runId = this.store.beginRun(this.jobId, 1);
    this.writer = new VaultWriter(dir, this.store);
  }

  /** Files are inserted in the order given, so their ids follow it. */
  addFile(path: string): FileRow {
    return this.store.insertFile(this.jobId, {
      path,
      size: 1,
      mtimeMs: 1,
      hash: sha256(path),
      status: "pending",
    });
  }

  commit(file: FileRow, draft: NoteDraft): Promise<string> {
    const attemptId = this.store.startAttempt(file.id, this.runId);
    return this.writer.commit({ file, attemptId, draft, optionsHash: OPTIONS_HASH });
  }

  abs(vaultPath: string): string {
    return join(this.dir, ...vaultPath.split("/"));
  }

  /** Every file in the notes folder with its text, by name. */
  async notes(): Promise<Record<string, string>> {
    const names: string[] = [];
    for await (const entry of Deno.readDir(join(this.dir, NOTES_DIR))) names.push(entry.name);
    const out: Record<string, string> = {};
    for (const name of names.sort()) {
      out[name] = await Deno.readTextFile(join(this.dir, NOTES_DIR, name));
    }
    return out;
  }

  /** Forgets everything: a fresh state database over the same vault. */
  resetState(dbPath: string): void {
    this.store.close();
    this.store = JobStore.open(dbPath);
    this.jobId = this.store.createJob("/input", "{}", OPTIONS_HASH).id;
    this.runId = this.store.beginRun(this.jobId, 2);
    this.writer = new VaultWriter(this.dir, this.store);
  }
}

/** Runs `fn` on a prepared vault in a fresh temp folder and removes it afterwards. */
async function withVault(fn: (vault: Vault) => Promise<void>): Promise<void> {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "gleaner-vault-" }));
  await Deno.mkdir(join(dir, ".gleaner"));
  const vault = new Vault(dir, join(dir, ".gleaner", "state.db"));
  try {
    await vault.writer.prepare();
    await fn(vault);
  } finally {
    vault.store.close();
    await Deno.remove(dir, { recursive: true });
  }
}

function draftFor(title: string, source: string, body = `Body of ${source}.`): NoteDraft {
  return {
    title,
    type: "text",
    sourceHash: sha256(source),
    sourceBytes: 100,
    wordCount: 3,
    body,
    analysis: NO_ANALYSIS,
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
  );
}

Deno.test("commit() writes Sources/<Title>.md with the rendered note and marks the file done", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("talks/first.txt");
    const draft = draftFor("First Talk", file.path);

    const path = await vault.commit(file, draft);

    assert.equal(path, "Sources/First Talk.md");
    assert.equal(
      await Deno.readTextFile(vault.abs(path)),
      renderNote(draft, { source: "talks/first.txt" }),
    );
    const row = vault.store.fileById(file.id)!;
    assert.deepEqual([row.status, row.hash, row.optionsHash], [
      "done",
      draft.sourceHash,
      OPTIONS_HASH,
    ]);
    assert.deepEqual(vault.store.noteForFile(file.id), {
      fileId: file.id,
      baseKey: "first talk",
      base: "First Talk",
      path: "Sources/First Talk.md",
      contentHash: sha256(renderNote(draft, { source: file.path })),
    });
    assert.deepEqual(Object.keys(await vault.notes()), ["First Talk.md"]);
  });
});

Deno.test("commit() of the same draft again leaves the note file untouched and the file done", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("a.txt");
    const draft = draftFor("Same", file.path);
    const path = await vault.commit(file, draft);
    // An old mtime makes any rewrite visible without waiting for the clock to move.
    await Deno.utime(vault.abs(path), OLD_TIME, OLD_TIME);
    vault.store.setFileStatus(file.id, "pending");

    assert.equal(await vault.commit(file, draft), path);

    assert.equal((await Deno.stat(vault.abs(path))).mtime?.getTime(), OLD_TIME.getTime());
    assert.equal(vault.store.fileById(file.id)?.status, "done");
    assert.deepEqual(Object.keys(await vault.notes()), ["Same.md"]);
  });
});

Deno.test("commit() gives a colliding title's bare name to the lower file id even when it commits last", async () => {
  await withVault(async (vault) => {
    const low = vault.addFile("a.txt");
    const high = vault.addFile("b.txt");
    const highDraft = draftFor("Title", high.path);
    const lowDraft = draftFor("Title", low.path);

    assert.equal(await vault.commit(high, highDraft), "Sources/Title.md");
    assert.equal(await vault.commit(low, lowDraft), "Sources/Title.md");

    assert.deepEqual(await vault.notes(), {
      "Title (2).md": renderNote(highDraft, { source: "b.txt" }),
      "Title.md": renderNote(lowDraft, { source: "a.txt" }),
    });
    assert.equal(vault.store.noteForFile(high.id)?.path, "Sources/Title (2).md");
    assert.equal(vault.store.noteForFile(low.id)?.path, "Sources/Title.md");
    assert.deepEqual(vault.store.intents(), []);
  });
});

Deno.test("commit() in the lower-id-first order gives the same names as the other order", async () => {
  await withVault(async (vault) => {
    const low = vault.addFile("a.txt");
    const high = vault.addFile("b.txt");
    assert.equal(await vault.commit(low, draftFor("Title", low.path)), "Sources/Title.md");
    assert.equal(await vault.commit(high, draftFor("Title", high.path)), "Sources/Title (2).md");
  });
});

Deno.test("commit() names a three-way collision the same way in every commit order", async () => {
  const snapshots: string[] = [];
  for (const order of permutations([0, 1, 2])) {
    await withVault(async (vault) => {
      const files = ["a.txt", "b.txt", "c.txt"].map((path) => vault.addFile(path));
      for (const i of order) await vault.commit(files[i], draftFor("Title", files[i].path));

      const notes = await vault.notes();
      assert.deepEqual(notes, {
        "Title (2).md": renderNote(draftFor("Title", "b.txt"), { source: "b.txt" }),
        "Title (3).md": renderNote(draftFor("Title", "c.txt"), { source: "c.txt" }),
        "Title.md": renderNote(draftFor("Title", "a.txt"), { source: "a.txt" }),
      }, `commit order ${order.join(",")}`);
      const rows = files.map((f) => vault.store.noteForFile(f.id)!.path);
      assert.deepEqual(rows, ["Sources/Title.md", "Sources/Title (2).md", "Sources/Title (3).md"]);
      assert.deepEqual(vault.store.intents(), []);
      snapshots.push(JSON.stringify({ notes, rows }));
    });
  }
  assert.equal(snapshots.length, 6);
  assert.equal(new Set(snapshots).size, 1);
});

Deno.test("commit() names titles that differ only in case the same way in either commit order", async () => {
  const snapshots: string[] = [];
  for (const order of [[0, 1], [1, 0]]) {
    await withVault(async (vault) => {
      const files = [vault.addFile("a.txt"), vault.addFile("b.txt")];
      const drafts = [draftFor("Title", "a.txt"), draftFor("title", "b.txt")];
      for (const i of order) await vault.commit(files[i], drafts[i]);
      const notes = await vault.notes();
      assert.deepEqual(notes, {
        "Title.md": renderNote(drafts[0], { source: "a.txt" }),
        "title (2).md": renderNote(drafts[1], { source: "b.txt" }),
      }, `commit order ${order.join(",")}`);
      snapshots.push(JSON.stringify(notes));
    });
  }
  assert.equal(new Set(snapshots).size, 1);
});

Deno.test("commit() never overwrites a user's own note that holds the name", async () => {
  await withVault(async (vault) => {
    const mine = "# Title\n\nMy own notes, no frontmatter.\n";
    await Deno.writeTextFile(vault.abs("Sources/Title.md"), mine);
    const file = vault.addFile("a.txt");

    assert.equal(await vault.commit(file, draftFor("Title", file.path)), "Sources/Title (2).md");

    assert.equal(await Deno.readTextFile(vault.abs("Sources/Title.md")), mine);
    assert.deepEqual(Object.keys(await vault.notes()), ["Title (2).md", "Title.md"]);
  });
});

Deno.test("commit() does not move a note onto a user's file when a lower id arrives later", async () => {
  await withVault(async (vault) => {
    const mine = "---\ntitle: Title\n---\nmine\n";
    await Deno.writeTextFile(vault.abs("Sources/Title.md"), mine);
    const low = vault.addFile("a.txt");
    const high = vault.addFile("b.txt");
    assert.equal(await vault.commit(high, draftFor("Title", high.path)), "Sources/Title (2).md");
    assert.equal(await vault.commit(low, draftFor("Title", low.path)), "Sources/Title (2).md");
    assert.equal(vault.store.noteForFile(high.id)?.path, "Sources/Title (3).md");
    assert.equal(await Deno.readTextFile(vault.abs("Sources/Title.md")), mine);
  });
});

Deno.test("commit() reuses its own earlier note for the same source after the state was reset", async () => {
  await withVault(async (vault) => {
    const first = vault.addFile("a.txt");
    const draft = draftFor("Title", first.path, "Old body.");
    await vault.commit(first, draft);
    vault.resetState(join(vault.dir, ".gleaner", "fresh.db"));

    const again = vault.addFile("a.txt");
    const newer = draftFor("Title", again.path, "New body.");
    assert.equal(await vault.commit(again, newer), "Sources/Title.md");

    assert.deepEqual(await vault.notes(), {
      "Title.md": renderNote(newer, { source: "a.txt" }),
    });
  });
});

Deno.test("commit() does not take over an earlier gleaner note of another source after a reset", async () => {
  await withVault(async (vault) => {
    const first = vault.addFile("a.txt");
    await vault.commit(first, draftFor("Title", first.path));
    vault.resetState(join(vault.dir, ".gleaner", "fresh.db"));

    const other = vault.addFile("b.txt");
    assert.equal(await vault.commit(other, draftFor("Title", other.path)), "Sources/Title (2).md");
    const notes = await vault.notes();
    assert.equal(notes["Title.md"], renderNote(draftFor("Title", "a.txt"), { source: "a.txt" }));
  });
});

Deno.test("commit() moves a note whose title changed and removes the old file", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("a.txt");
    await vault.commit(file, draftFor("Old Name", file.path));
    const renamed = draftFor("New Name", file.path);

    assert.equal(await vault.commit(file, renamed), "Sources/New Name.md");

    assert.deepEqual(await vault.notes(), {
      "New Name.md": renderNote(renamed, { source: "a.txt" }),
    });
    assert.equal(vault.store.noteForFile(file.id)?.path, "Sources/New Name.md");
    assert.equal(vault.store.noteAtPath("Sources/Old Name.md"), undefined);
  });
});

Deno.test("prepare() finishes a rename a crash cut short and updates the note's row", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("a.txt");
    const text = "---\ntitle: T\n---\n";
    await Deno.writeTextFile(vault.abs("Sources/T.md"), text);
    vault.store.upsertNote({
      fileId: file.id,
      baseKey: "t",
      base: "T",
      path: "Sources/T.md",
      contentHash: sha256(text),
    });
    vault.store.addIntents([
      {
        fileId: file.id,
        fromPath: "Sources/T.md",
        toPath: "Sources/T (2).md",
        baseKey: "t",
        base: "T",
      },
    ]);

    await vault.writer.prepare();

    assert.deepEqual(await vault.notes(), { "T (2).md": text });
    assert.equal(vault.store.noteForFile(file.id)?.path, "Sources/T (2).md");
    assert.deepEqual(vault.store.intents(), []);
  });
});

Deno.test("prepare() records a rename that reached the disk before the crash", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("a.txt");
    await Deno.writeTextFile(vault.abs("Sources/T (2).md"), "moved\n");
    vault.store.upsertNote({
      fileId: file.id,
      baseKey: "t",
      base: "T",
      path: "Sources/T.md",
      contentHash: sha256("moved\n"),
    });
    vault.store.addIntents([
      {
        fileId: file.id,
        fromPath: "Sources/T.md",
        toPath: "Sources/T (2).md",
        baseKey: "t",
        base: "T",
      },
    ]);

    await vault.writer.prepare();

    assert.deepEqual(await vault.notes(), { "T (2).md": "moved\n" });
    assert.equal(vault.store.noteForFile(file.id)?.path, "Sources/T (2).md");
    assert.deepEqual(vault.store.intents(), []);
  });
});

Deno.test("prepare() removes temp files left by interrupted writes, and says which", async () => {
  await withVault(async (vault) => {
    await Deno.writeTextFile(vault.abs(`Sources/${TEMP_PREFIX}torn`), "half a no");
    await Deno.writeTextFile(vault.abs(`${TEMP_PREFIX}home`), "half a ma");
    await Deno.writeTextFile(vault.abs("Sources/Keep.md"), "kept\n");
    const repairs = await vault.writer.prepare();
    assert.deepEqual(await vault.notes(), { "Keep.md": "kept\n" });
    assert.deepEqual(repairs.map((r) => r.path).sort(), [
      `${TEMP_PREFIX}home`,
      `Sources/${TEMP_PREFIX}torn`,
    ]);
    assert.match(repairs[0].problem, /cut short before its rename/);
  });
});

Deno.test("checkNotes() writes a done file's note again when it was cut short or holds NUL bytes", async () => {
  await withVault(async (vault) => {
    const cut = vault.addFile("cut.txt");
    const zeroed = vault.addFile("zeroed.txt");
    const pathCut = await vault.commit(cut, draftFor("Cut", cut.path));
    const pathZeroed = await vault.commit(zeroed, draftFor("Zeroed", zeroed.path));
    const wantCut = await Deno.readTextFile(vault.abs(pathCut));
    const wantZeroed = await Deno.readTextFile(vault.abs(pathZeroed));
    await Deno.truncate(vault.abs(pathCut), 40);
    // As a disk that lost a write shows it: the right size, zeros from some point on.
    const bytes = new TextEncoder().encode(wantZeroed);
    bytes.fill(0, 60);
    await Deno.writeFile(vault.abs(pathZeroed), bytes);

    const ids = vault.store.doneNoteIds();
    assert.deepEqual(await vault.writer.prepare(), [], "notes are not prepare()'s business");
    const repairs = await vault.writer.checkNotes(ids);

    assert.equal(await Deno.readTextFile(vault.abs(pathCut)), wantCut);
    assert.equal(await Deno.readTextFile(vault.abs(pathZeroed)), wantZeroed);
    assert.deepEqual(repairs.map((r) => [r.path, r.action]), [
      [pathCut, "written again from the job store"],
      [pathZeroed, "written again from the job store"],
    ]);
    assert.match(repairs[0].problem, new RegExp(`cut short: 40 of its ${wantCut.length} bytes`));
    assert.match(repairs[1].problem, /NUL bytes/);
    assert.deepEqual(await vault.writer.checkNotes(ids), [], "nothing left to repair");
  });
});

Deno.test("checkNotes() leaves a note the user edited as it is", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("mine.txt");
    const path = await vault.commit(file, draftFor("Mine", file.path));
    const edited = (await Deno.readTextFile(vault.abs(path))) + "\nMy own thoughts.\n";
    await Deno.writeTextFile(vault.abs(path), edited);
    // Shortened by hand, not cut short: no longer a prefix of what gleaner wrote.
    const other = vault.addFile("other.txt");
    const otherPath = await vault.commit(other, draftFor("Other", other.path));
    const shortened = (await Deno.readTextFile(vault.abs(otherPath))).replace(/## People[^]*$/, "");
    await Deno.writeTextFile(vault.abs(otherPath), shortened + "Trimmed by me.\n");

    assert.deepEqual(await vault.writer.checkNotes(vault.store.doneNoteIds()), []);
    assert.equal(await Deno.readTextFile(vault.abs(path)), edited);
    assert.equal(await Deno.readTextFile(vault.abs(otherPath)), shortened + "Trimmed by me.\n");
  });
});

Deno.test("prepare() drops a map's torn generated part and keeps the user's text before it", async () => {
  await withVault(async (vault) => {
    const maps = [
      { path: "Maps/Bees.md", title: "Bees", generated: "- [[Sources/A|A]]" },
      { path: "Maps/Hives.md", title: "Hives", generated: "- [[Sources/B|B]]" },
      { path: "Home.md", title: "Home", generated: "- [[Maps/Bees|Bees]]" },
    ];
    await vault.writer.writeMaps(maps);
    const bees = await Deno.readTextFile(vault.abs("Maps/Bees.md"));
    const mine = "# Hives\n\nMy notes on hives.\n\n";
    await Deno.writeTextFile(vault.abs("Maps/Hives.md"), mine);
    await vault.writer.writeMaps(maps);
    const hives = await Deno.readTextFile(vault.abs("Maps/Hives.md"));
    // Cut inside the generated part, inside the opening marker, and inside the heading.
    await Deno.truncate(vault.abs("Maps/Bees.md"), bees.length - 10);
    await Deno.truncate(vault.abs("Maps/Hives.md"), mine.length + 5);
    await Deno.truncate(vault.abs("Home.md"), 3);

    const repairs = await vault.writer.prepare();

    assert.deepEqual(repairs.map((r) => r.path), ["Home.md", "Maps/Bees.md", "Maps/Hives.md"]);
    assert.equal(await Deno.readTextFile(vault.abs("Maps/Hives.md")), mine);
    await assert.rejects(Deno.stat(vault.abs("Maps/Bees.md")), Deno.errors.NotFound);
    await assert.rejects(Deno.stat(vault.abs("Home.md")), Deno.errors.NotFound);
    // Written again after the batch, each map is what it was.
    await vault.writer.writeMaps(maps);
    assert.equal(await Deno.readTextFile(vault.abs("Maps/Bees.md")), bees);
    assert.equal(await Deno.readTextFile(vault.abs("Maps/Hives.md")), hives);
  });
});

Deno.test("commit() keeps notes with hostile titles inside VAULT/Sources", async () => {
  await withVault(async (vault) => {
    const titles = [
      "../../etc/passwd",
      "..",
      "CON",
      "a/b\\c",
      "first line\nsecond line",
      "x".repeat(300),
      "/absolute/path",
      "C:\\Windows\\evil",
    ];
    const notesDir = join(vault.dir, NOTES_DIR);
    for (const [i, title] of titles.entries()) {
      const file = vault.addFile(`hostile-${i}.txt`);
      const path = await vault.commit(file, draftFor(title, file.path));
      assert.match(path, /^Sources\/[^/\\]+\.md$/, `title ${JSON.stringify(title)}`);
      assert.equal(dirname(resolve(vault.abs(path))), notesDir);
      assert.ok((await Deno.stat(vault.abs(path))).isFile);
    }
    const top: string[] = [];
    for await (const entry of Deno.readDir(vault.dir)) top.push(entry.name);
    assert.deepEqual(top.sort(), [".gleaner", "Sources"]);
    assert.equal(Object.keys(await vault.notes()).length, titles.length);
  });
});

Deno.test("scanForAdoption() registers gleaner's notes and ignores the user's", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("talks/a.txt");
    const draft = draftFor("Talk", file.path);
    await vault.commit(file, draft);
    await Deno.writeTextFile(vault.abs("Sources/Plain.md"), "# Just mine\n");
    await Deno.writeTextFile(
      vault.abs("Sources/Partial.md"),
      "---\ntitle: Partial\nsource: talks/b.txt\n---\nno hash\n",
    );
    await Deno.writeTextFile(vault.abs("Sources/Broken.md"), "---\n: [\n---\n");
    await Deno.writeTextFile(vault.abs("Sources/data.txt"), "not a note");
    vault.resetState(join(vault.dir, ".gleaner", "fresh.db"));

    assert.equal(await vault.writer.scanForAdoption(), 1);

    const note = renderNote(draft, { source: "talks/a.txt" });
    const taken = vault.store.takeAdoptable("talks/a.txt", draft.sourceHash);
    assert.deepEqual(
      { path: taken?.path, base: taken?.base, contentHash: taken?.contentHash },
      { path: "Sources/Talk.md", base: "Talk", contentHash: sha256(note) },
    );
    // Read back from the note: rendered again, it is the same note.
    assert.ok(taken?.draft);
    assert.equal(renderNote(taken.draft, { source: "talks/a.txt", related: taken.related }), note);
    assert.equal(vault.store.takeAdoptable("talks/b.txt", draft.sourceHash), undefined);
  });
});

Deno.test("scanForAdoption() passes over the notes the store records", async () => {
  await withVault(async (vault) => {
    const file = vault.addFile("talks/a.txt");
    await vault.commit(file, draftFor("Talk", file.path));
    assert.equal(await vault.writer.scanForAdoption(), 0);
    // Forgotten by the store, as by a write-ahead log that lost its last frames: found.
    vault.store.deleteJob(vault.jobId);
    assert.equal(await vault.writer.scanForAdoption(), 1);
  });
});

Deno.test("scanForAdoption() finds nothing in a vault without a notes folder", async () => {
  await withVault(async (vault) => {
    await Deno.remove(join(vault.dir, NOTES_DIR), { recursive: true });
    assert.equal(await vault.writer.scanForAdoption(), 0);
  });
});
