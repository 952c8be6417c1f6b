import assert from "node:assert/strict";
import { join } from "node:path";
import { FAULT_APP, ofType, runApp, watchApp, withTempDir } from "./support/app.ts";
import { makeCorpus, snapshotVault, writeText } from "./support/corpus.ts";

/** Runs the batch and kills it with SIGKILL once `after` more files are done. */
function killAfter(args: string[], after: number, entry?: string) {
  let done = 0;
  let killed = false;
  return watchApp(args, (event, child) => {
    if (event.type === "file_done" && ++done === after && !killed) {
      killed = true;
      child.kill("SIGKILL");
    }
  }, { entry });
}

Deno.test("kill -9 at several points, then plain re-runs, end byte-identical to an uninterrupted run", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 60);
    const reference = join(root, "reference");
    const ref = await runApp(["--batch", input, "--out", reference]);
    assert.equal(ref.code, 0, ref.stderr);

    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json"];
    const committed = new Set<string>();
    for (const after of [5, 12, 9]) {
      const run = await killAfter(args, after);
      assert.equal(run.code, 137, `expected SIGKILL, got ${run.code}: ${run.stderr}`);
      for (const e of ofType(run.events, "file_started")) {
        assert.ok(!committed.has(e.path), `${e.path} was committed and then processed again`);
      }
      for (const e of ofType(run.events, "file_done")) committed.add(e.path);
    }
    const last = await runApp(args);
    assert.equal(last.code, 0, last.stderr);
    for (const e of ofType(last.events, "file_started")) {
      assert.ok(!committed.has(e.path), `${e.path} was committed and then processed again`);
    }
    const recovered = ofType(last.events, "state_recovered");
    assert.equal(recovered.length, 1);
    assert.equal(recovered[0].crashedRuns, 1);
    assert.equal(ofType(last.events, "file_quarantined").length, 0);
    assert.deepEqual(await snapshotVault(vault), await snapshotVault(reference));
  });
});

Deno.test("a poison file that kills the process every time is quarantined and the rest finish", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 6);
    // Hangs forever: the process is killed while it is in flight, as a crash would.
    await writeText(join(input, "poison__hang__.md"), "# Poison\n");
    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json", "--workers", "1"];
    for (let death = 1; death <= 3; death++) {
      const run = await watchApp(args, (event, child) => {
        if (event.type === "file_started" && event.path === "poison__hang__.md") {
          child.kill("SIGKILL");
        }
      }, { entry: FAULT_APP });
      assert.equal(run.code, 137);
      if (death > 1) {
        // A suspect runs first and alone, so the next death points at it.
        const firstStart = ofType(run.events, "file_started")[0];
        assert.equal(firstStart.path, "poison__hang__.md");
      }
    }
    const last = await runApp(args, { entry: FAULT_APP });
    assert.equal(last.code, 1, last.stderr);
    const [quarantined] = ofType(last.events, "file_quarantined");
    assert.equal(quarantined.path, "poison__hang__.md");
    assert.match(quarantined.error, /suspected poison file: gleaner died 3 times in a row/);
    assert.equal(
      ofType(last.events, "file_started").filter((e) => e.path === "poison__hang__.md").length,
      0,
    );
    assert.equal((await snapshotVault(vault)).size, 6);
  });
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.test(`${signal} stops with exit 130, is not counted as a crash, and a re-run finishes`, async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      await makeCorpus(input, 30);
      const vault = join(root, "vault");
      const args = ["--batch", input, "--out", vault, "--json"];
      let sent = false;
      const run = await watchApp(args, (event, child) => {
        if (event.type === "file_done" && !sent) {
          sent = true;
          child.kill(signal);
        }
      });
      assert.equal(run.code, 130, run.stderr);
      const [finished] = ofType(run.events, "job_finished");
      assert.equal(finished.outcome, "interrupted");

      const again = await runApp(args);
      assert.equal(again.code, 0, again.stderr);
      const [recovered] = ofType(again.events, "state_recovered");
      assert.equal(recovered?.crashedRuns ?? 0, 0);
      assert.equal((await snapshotVault(vault)).size, 30);
    });
  });
}

Deno.test("an exit right after Ctrl-C, before the state is saved, is not taken for a crash", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 10);
    await writeText(join(input, "slow__hang__.md"), "# Slow\n");
    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json", "--workers", "1"];
    // The hard kill stands for the second Ctrl-C's immediate exit: it lands after the
    // interrupt is on record but before the run is closed.
    const run = await watchApp(args, (event, child) => {
      if (event.type === "file_started" && event.path === "slow__hang__.md") child.kill("SIGINT");
      if (event.type === "job_stopping") child.kill("SIGKILL");
    }, { entry: FAULT_APP });
    // 137 almost always; 130 if the orderly stop won the race against the kill.
    assert.ok([130, 137].includes(run.code), `${run.code}: ${run.stderr}`);

    // The hanging file was in flight, yet its attempt counts as interrupted, not as a death.
    const again = await runApp([...args, "--timeout", "8", "--max-attempts", "1"], {
      entry: FAULT_APP,
    });
    const [recovered] = ofType(again.events, "state_recovered");
    if (run.code === 137) {
      assert.deepEqual(
        [recovered.interruptedRuns, recovered.crashedRuns, recovered.suspects],
        [1, 0, []],
      );
    } else assert.equal(recovered, undefined);
    assert.equal(again.code, 1, again.stderr); // the hanging file times out, the rest are done
    assert.equal((await snapshotVault(vault)).size, 10);
  });
});

Deno.test("a second Ctrl-C exits with 130 at once", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 4);
    await writeText(join(input, "slow__hang__.md"), "# Slow\n");
    const args = ["--batch", input, "--out", join(root, "vault"), "--json", "--workers", "1"];
    const run = await watchApp(args, (event, child) => {
      if (event.type === "file_started" && event.path === "slow__hang__.md") child.kill("SIGINT");
      if (event.type === "job_stopping") child.kill("SIGINT");
    }, { entry: FAULT_APP });
    assert.equal(run.code, 130, run.stderr);
  });
});

Deno.test("a damaged state database is moved aside and rebuilt from the vault without redoing work", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 15);
    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json"];
    assert.equal((await runApp(args)).code, 0);
    const before = await snapshotVault(vault, { maps: true });
    const db = join(vault, ".gleaner", "state.db");
    const bytes = await Deno.readFile(db);
    bytes.fill(0x5a, 0, 100); // the header, and more
    await Deno.writeFile(db, bytes);

    const run = await runApp(args);
    assert.equal(run.code, 0, run.stderr);
    const [rebuilt] = ofType(run.events, "state_rebuilt");
    assert.ok(rebuilt, "expected a state_rebuilt event");
    assert.equal(rebuilt.notes, 15);
    assert.match(rebuilt.movedTo, /state\.db\.corrupt-\d+$/);
    assert.equal(ofType(run.events, "file_started").length, 0);
    // Read back, the notes keep their related notes and their places in the maps, byte for byte.
    assert.deepEqual(await snapshotVault(vault, { maps: true }), before);
    assert.match(run.stderr, /state database was damaged/);
  });
});

for (
  const [how, damage] of [
    ["emptied to 0 bytes", (db: string) => Deno.truncate(db, 0)],
    ["deleted", (db: string) => Deno.remove(db)],
  ] as const
) {
  Deno.test(`a state database ${how} is said, and the notes in the vault are taken as finished`, async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      await makeCorpus(input, 12);
      const vault = join(root, "vault");
      const args = ["--batch", input, "--out", vault, "--json"];
      assert.equal((await runApp(args)).code, 0);
      const before = await snapshotVault(vault, { maps: true });
      await damage(join(vault, ".gleaner", "state.db"));

      const run = await runApp(args);
      assert.equal(run.code, 0, run.stderr);
      const [said] = ofType(run.events, "damage_repaired");
      assert.equal(said?.path, ".gleaner/state.db");
      assert.match(
        said.problem,
        /state\.db was (empty \(0 bytes\)|missing): 12 notes in the vault/,
      );
      assert.match(
        run.stderr,
        /damaged \.gleaner\/state\.db: .*12 notes in the vault are not recorded/,
      );
      assert.equal(ofType(run.events, "file_started").length, 0, "nothing processed again");
      assert.deepEqual(await snapshotVault(vault, { maps: true }), before);
    });
  });
}

Deno.test("a write-ahead log that lost its header after kill -9 is noticed: its notes are adopted, not redone", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 30);
    const reference = join(root, "reference");
    assert.equal((await runApp(["--batch", input, "--out", reference])).code, 0);
    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json"];
    const killed = await killAfter(args, 10);
    assert.equal(killed.code, 137);
    const finished = new Set(ofType(killed.events, "file_done").map((e) => e.path));
    // SQLite then ignores the whole log, as it must: the state falls back to before the batch.
    const wal = join(vault, ".gleaner", "state.db-wal");
    const bytes = await Deno.readFile(wal);
    bytes.fill(0xa5, 0, 32);
    await Deno.writeFile(wal, bytes);

    const run = await runApp(args);
    assert.equal(run.code, 0, run.stderr);
    // The kill may also have cut a note's write short: that temp file is said too, on its own.
    const said = ofType(run.events, "damage_repaired").find((e) => e.path === ".gleaner/state.db");
    assert.ok(said, "the state database's damage was not said");
    assert.match(
      said.problem,
      /the last run did not close .*: \d+ notes in the vault are not recorded/,
    );
    const again = ofType(run.events, "file_started").filter((e) => finished.has(e.path));
    assert.deepEqual(again, [], "finished files processed again");
    assert.deepEqual(
      await snapshotVault(vault, { maps: true }),
      await snapshotVault(reference, { maps: true }),
    );
  });
});

Deno.test("a note cut short in place, a map's torn part and a cut-short write's temp file are said and repaired", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 12);
    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json"];
    assert.equal((await runApp(args)).code, 0);
    const before = await snapshotVault(vault, { maps: true });
    const note = [...before.keys()].find((p) => p.startsWith("Sources/"))!;
    const map = [...before.keys()].find((p) => p.startsWith("Maps/"))!;
    await Deno.truncate(join(vault, note), Math.floor(before.get(note)!.length / 2));
    await Deno.truncate(join(vault, map), before.get(map)!.length - 20);
    const temp = "Sources/.gleaner-tmp-0123";
    await writeText(join(vault, temp), before.get(note)!.slice(0, 50));

    const run = await runApp(args);
    assert.equal(run.code, 0, run.stderr);
    const said = ofType(run.events, "damage_repaired");
    assert.deepEqual(said.map((e) => e.path).sort(), [map, note, temp].sort());
    assert.match(said.find((e) => e.path === note)!.problem, /cut short: \d+ of its \d+ bytes/);
    for (const path of [map, note, temp]) assert.match(run.stderr, new RegExp(`damaged ${path}`));
    assert.equal(ofType(run.events, "file_started").length, 0, "nothing processed again");
    assert.deepEqual(await snapshotVault(vault, { maps: true }), before);
  });
});

Deno.test("a second gleaner on the same vault is refused while the first runs", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await makeCorpus(input, 3);
    await writeText(join(input, "slow__hang__.md"), "# Slow\n");
    const vault = join(root, "vault");
    const args = ["--batch", input, "--out", vault, "--json", "--workers", "1"];
    let second: Promise<{ code: number; stderr: string }> | undefined;
    const first = await watchApp(args, (event, child) => {
      if (event.type === "file_started" && event.path === "slow__hang__.md" && !second) {
        second = runApp(args).then((r) => {
          child.kill("SIGKILL");
          return r;
        });
      }
    }, { entry: FAULT_APP });
    assert.equal(first.code, 137);
    const refused = await second!;
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /another gleaner is already working on the vault/);
    // The lock died with the first process: a resume is not blocked by it.
    const resumed = await runApp([...args, "--timeout", "1", "--max-attempts", "1"], {
      entry: FAULT_APP,
    });
    assert.equal(resumed.code, 1, resumed.stderr);
  });
});
