/**
 * The release binary's guarantees, checked through `deno run` with exactly its compile flags
 * (`deno compile` cannot fetch its base runtime here): the app holds no right to start itself,
 * no code tries, and a batch or the UI run from any working folder without reading anything
 * from the source tree but their own modules.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { compileArgs, REPO, runArgs, TARGETS } from "../scripts/release.ts";
import denoConfig from "../deno.json" with { type: "json" };
import { appCommand, FAULT_APP, startUi, withTempDir } from "./support/app.ts";
import { appProcesses, descendantsOf, processTable } from "../scripts/smoke.ts";
import { writeText } from "./support/corpus.ts";
import { findProgram } from "./support/requires.ts";

const PROBE = join(REPO, "tests/support/respawn_probe.ts");

Deno.test("with the release permissions the app cannot start its own executable, nor any program but the engines", async () => {
  await withTempDir(async (cwd) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: runArgs(PROBE),
      cwd,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const seen = JSON.parse(new TextDecoder().decode(out.stdout));
    assert.deepEqual(seen, {
      selfAllowed: false,
      spawnSelf: "NotCapable",
      spawnDenoByName: "NotCapable",
      spawnShell: "NotCapable",
      nodeSpawnSelf: "NotCapable",
      // Deno resolves a run permission's name on PATH: an engine not installed is not allowed.
      ffmpegAllowed: findProgram("ffmpeg") !== undefined,
    });
  });
});

Deno.test("the release permission set and compile flags hold no blanket run right", () => {
  const release = denoConfig.permissions.release;
  assert.ok(Array.isArray(release.run), "run is a list of named programs");
  assert.deepEqual([...release.run].sort(), [
    "explorer.exe",
    "ffmpeg",
    "ffprobe",
    "open",
    "pocketsphinx_continuous",
    "whisper-cli",
    "xdg-open",
  ]);
  for (const target of TARGETS) {
    const args = compileArgs(target, "dist");
    assert.ok(args.includes("--no-prompt"), target);
    // Quiet as the tests run it: no "Info ..." lines from the runtime at every start.
    assert.ok(args.includes("--quiet") && runArgs().includes("--quiet"), target);
    assert.ok(args.includes("--permission-set=release"), target);
    for (const arg of args) assert.doesNotMatch(arg, /^(-A|--allow-all|--allow-run|-R|--allow-)/);
  }
});

Deno.test("no code of the app starts a process from its own executable's path", async () => {
  const offending: string[] = [];
  const roots = ["main.ts", "worker.ts", "src", "ui"].map((p) => join(REPO, p));
  for (const file of await sourceFiles(roots)) {
    const text = await Deno.readTextFile(file);
    for (const [i, line] of text.split("\n").entries()) {
      // execPath is the binary itself once compiled; argv0 and fork() lead back to it too.
      if (/\bexecPath\b|\bargv0\b|\bfork\s*\(|node:cluster/.test(line)) {
        offending.push(`${relative(REPO, file)}:${i + 1}: ${line.trim()}`);
      }
    }
  }
  assert.deepEqual(offending, []);
});

Deno.test("a batch under the release flags, from another folder, reads only its own modules from the source tree", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    await writeText(join(input, "a.md"), "# Bees\n\nBees keep hives warm in winter.\n");
    await writeText(
      join(input, "b.html"),
      "<html><body><main><h1>Hives</h1><p>Honey.</p></main></body></html>",
    );
    const audit = join(root, "audit.jsonl");
    const out = await new Deno.Command(Deno.execPath(), {
      args: [...runArgs(), "--batch", input, "--out", join(root, "vault")],
      cwd: root,
      env: { DENO_AUDIT_PERMISSIONS: audit },
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.equal([...Deno.readDirSync(join(root, "vault", "Sources"))].length, 2);
    assert.deepEqual(await sourceTreeReads(audit), []);
  });
});

Deno.test("the UI under the release flags, from another folder, serves its page from the binary's own files", async () => {
  await withTempDir(async (root) => {
    const audit = join(root, "audit.jsonl");
    const { child, base, token, drained } = await startUi(join(root, "state"), {
      cwd: root,
      env: { DENO_AUDIT_PERMISSIONS: audit },
    });
    try {
      for (const path of ["/", "/app.js", "/app.css", "/api/health"]) {
        const r = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(r.status, 200, path);
        assert.ok((await r.text()).length > 10, path);
      }
    } finally {
      child.kill("SIGINT");
      assert.equal((await child.status).code, 130);
      await drained;
    }
    assert.deepEqual(await sourceTreeReads(audit), []);
  });
});

Deno.test({
  name:
    "in the middle of a batch the app is a single process: its sandboxes are threads, never copies of it",
  ignore: Deno.build.os !== "linux",
  fn: async () => {
    await withTempDir(async (root) => {
      const input = join(root, "input");
      for (let i = 0; i < 3; i++) await writeText(join(input, `a-${i}.md`), `# A ${i}\n\nText.\n`);
      // Held until the test has looked: the batch is mid-way, with both sandboxes up.
      await writeText(join(input, "m__gate__.md"), "# Gate\n\nWaits for the test.\n");
      const child = appCommand(
        ["--batch", input, "--out", join(root, "vault"), "--workers", "2", "--json"],
        { entry: FAULT_APP, cwd: root, stderr: "null" },
      ).spawn();
      const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      while (!text.includes("waiting for the test")) {
        const { value, done } = await lines.read();
        assert.ok(!done, `the batch ended before the gate: ${text}`);
        text += value;
      }
      const table = await processTable();
      const app = await appProcesses(child.pid, table);
      assert.equal(app.length, 1, `app processes: ${JSON.stringify(app)}`);
      // Documents need no engine, so the app has no child process at all.
      assert.deepEqual(descendantsOf(table, child.pid), []);

      await Deno.writeTextFile(join(input, ".release"), "");
      while (!(await lines.read()).done) { /* drain to the end */ }
      assert.equal((await child.status).code, 0);
    });
  },
});

/** Reads inside the source tree that are not modules of the app (its code loaded by a worker). */
async function sourceTreeReads(audit: string): Promise<string[]> {
  const reads = new Set<string>();
  for (const line of (await Deno.readTextFile(audit)).split("\n")) {
    if (!line) continue;
    const { permission, value } = JSON.parse(line);
    if (permission !== "read" || typeof value !== "string") continue;
    const path = value.startsWith("file://") ? new URL(value).pathname : value;
    const inside = relative(REPO, path);
    if (inside.startsWith("..") || inside === path) continue;
    const module = /^(main|worker)\.ts$|^src\/.+\.ts$/.test(inside) && !inside.endsWith("_test.ts");
    if (!module) reads.add(inside || ".");
  }
  return [...reads];
}

async function sourceFiles(roots: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const root of roots) {
    const info = await Deno.stat(root);
    if (info.isFile) files.push(root);
    else {
      for await (const entry of Deno.readDir(root)) {
        if (entry.name === "dist") continue;
        files.push(...await sourceFiles([join(root, entry.name)]));
      }
    }
  }
  return files.filter((f) => /\.tsx?$/.test(f));
}
