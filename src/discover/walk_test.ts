import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { dirname, join } from "node:path";
import { type WalkEntry, walkInputs, type WalkOptions } from "./walk.ts";

const DEFAULTS: WalkOptions = {
  include: [],
  exclude: [],
  skipDirs: [],
  extensions: [".txt", ".md", ".markdown"],
};

/** Runs `fn` on a fresh, symlink-resolved temp folder and removes it afterwards. */
async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "gleaner_walk_" }));
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Writes each relative path as a file whose content is its own path. */
async function writeFiles(root: string, ...paths: string[]): Promise<void> {
  for (const path of paths) {
    await Deno.mkdir(dirname(join(root, path)), { recursive: true });
    await Deno.writeTextFile(join(root, path), path);
  }
}

async function walk(root: string, options: Partial<WalkOptions> = {}): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkInputs(root, { ...DEFAULTS, ...options })) entries.push(entry);
  return entries;
}

/** Each entry as one readable line: a file's path, or a skipped path with its reason. */
async function summary(root: string, options: Partial<WalkOptions> = {}): Promise<string[]> {
  const entries = await walk(root, options);
  return entries.map((entry) =>
    entry.kind === "file" ? entry.path : `${entry.path} (skipped: ${entry.reason})`
  );
}

async function makeFifo(path: string): Promise<boolean> {
  try {
    const { success } = await new Deno.Command("mkfifo", { args: [path] }).output();
    return success;
  } catch {
    return false;
  }
}

Deno.test("walkInputs() yields depth first with each folder sorted by code unit", async () => {
  await withTempDir(async (root) => {
    await writeFiles(
      root,
      "b.txt",
      "a.txt",
      "ab.txt",
      "B.txt",
      "a/z.md",
      "a/b.md",
      "a/m/deep.md",
      "10.txt",
      "9.txt",
      "é.txt",
      // An astral character sorts by its surrogates, before U+FF46, unlike code-point order.
      "ｆ.md",
      "🎉.md",
    );
    deepStrictEqual(await summary(root), [
      "10.txt",
      "9.txt",
      "B.txt",
      "a/b.md",
      "a/m/deep.md",
      "a/z.md",
      "a.txt",
      "ab.txt",
      "b.txt",
      "é.txt",
      "🎉.md",
      "ｆ.md",
    ]);
  });
});

Deno.test("walkInputs() yields the same sequence on every walk of a tree", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "x/2.md", "x/1.md", "y.txt", "x/y/z.markdown", "w.pdf");
    deepStrictEqual(await walk(root), await walk(root));
  });
});

Deno.test("walkInputs() gives a file's absolute path, size and modification time", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "notes/hello.md");
    const stat = await Deno.stat(join(root, "notes/hello.md"));
    deepStrictEqual(await walk(root), [{
      kind: "file",
      path: "notes/hello.md",
      absPath: join(root, "notes", "hello.md"),
      size: "notes/hello.md".length,
      mtimeMs: stat.mtime?.getTime(),
    }]);
  });
});

Deno.test("walkInputs() passes over hidden files and folders silently", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, ".hidden.md", ".git/config.md", "a/.b.md", "a/seen.md", "..two.md");
    deepStrictEqual(await summary(root), ["a/seen.md"]);
  });
});

Deno.test("walkInputs() never enters skipDirs, nor takes what a symlink reaches inside them", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "vault/note.md", "vault/sub/deep.md", "input.md");
    await Deno.symlink(join(root, "vault"), join(root, "vault-link"));
    await Deno.symlink("vault/sub", join(root, "sub-link"));
    await Deno.symlink("vault/note.md", join(root, "note-link.md"));
    deepStrictEqual(await summary(root, { skipDirs: [join(root, "vault")] }), ["input.md"]);
  });
});

Deno.test("walkInputs() with include yields only matching files", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "notes/a.md", "notes/deep/b.md", "notes/c.txt", "notes/d.pdf", "x.md");
    deepStrictEqual(await summary(root, { include: ["notes/**/*.md", "notes/*.pdf"] }), [
      "notes/a.md",
      "notes/d.pdf (skipped: unsupported file type .pdf)",
      "notes/deep/b.md",
    ]);
  });
});

Deno.test("walkInputs() with exclude drops matching files and whole folders", async () => {
  await withTempDir(async (root) => {
    await writeFiles(
      root,
      "keep.md",
      "plan.draft.md",
      "drafts/a.md",
      "archive/old.md",
      "sub/node_modules/x.md",
      "sub/kept.md",
      "skip.pdf",
    );
    const exclude = ["**/*.draft.md", "drafts", "archive/", "**/node_modules", "*.pdf"];
    deepStrictEqual(await summary(root, { exclude, include: ["**/*.md"] }), [
      "keep.md",
      "sub/kept.md",
    ]);
  });
});

Deno.test("walkInputs() skips unsupported extensions, compared without case", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "Notes.MD", "photo.JPG", "README", "trailing.", "archive.tar.gz");
    deepStrictEqual(await summary(root), [
      "Notes.MD",
      "README (skipped: unsupported file type (no extension))",
      "archive.tar.gz (skipped: unsupported file type .gz)",
      "photo.JPG (skipped: unsupported file type .jpg)",
      "trailing. (skipped: unsupported file type (no extension))",
    ]);
  });
});

Deno.test("walkInputs() takes files of no known extension only by the names it is given", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "NEWS", "gzip-README", "Makefile", "README.Debian");
    deepStrictEqual(await summary(root, { names: /(?:^|-)(?:news|readme)(?:\.debian)?$/i }), [
      "Makefile (skipped: unsupported file type (no extension))",
      "NEWS",
      "README.Debian",
      "gzip-README",
    ]);
  });
});

Deno.test("walkInputs() follows a symlink to a file inside the root", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "real/doc.md");
    await Deno.symlink(join(root, "real/doc.md"), join(root, "link.md"));
    const entries = await walk(root);
    deepStrictEqual(entries.map((entry) => entry.path), ["link.md", "real/doc.md"]);
    const link = entries[0];
    ok(link.kind === "file");
    strictEqual(link.absPath, join(root, "link.md"));
    strictEqual(link.size, "real/doc.md".length);
  });
});

Deno.test("walkInputs() walks a folder reached twice only the first time", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "real/doc.md");
    await Deno.symlink("real", join(root, "alias"));
    deepStrictEqual(await summary(root), [
      "alias/doc.md",
      "real (skipped: folder already walked as alias)",
    ]);
  });
});

Deno.test("walkInputs() skips symlinks that lead outside the root", async () => {
  await withTempDir(async (dir) => {
    const root = join(dir, "root");
    await writeFiles(dir, "root/in.md", "outside/secret.md");
    await Deno.symlink(join(dir, "outside/secret.md"), join(root, "file-out.md"));
    await Deno.symlink(join(dir, "outside"), join(root, "folder-out"));
    // A sibling whose name starts with the root's name is still outside.
    await writeFiles(dir, "root-other/x.md");
    await Deno.symlink(join(dir, "root-other"), join(root, "prefix-out"));
    deepStrictEqual(await summary(root), [
      "file-out.md (skipped: symlink leads outside the input folder)",
      "folder-out (skipped: symlink leads outside the input folder)",
      "in.md",
      "prefix-out (skipped: symlink leads outside the input folder)",
    ]);
  });
});

Deno.test("walkInputs() ends on symlink loops and reports them", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "a/note.md");
    await Deno.symlink("..", join(root, "a/link"));
    await Deno.symlink(".", join(root, "self"));
    await Deno.symlink("ping", join(root, "pong"));
    await Deno.symlink("pong", join(root, "ping"));
    deepStrictEqual(await summary(root), [
      "a/link (skipped: symlink loop)",
      "a/note.md",
      "ping (skipped: symlink loop)",
      "pong (skipped: symlink loop)",
      "self (skipped: symlink loop)",
    ]);
  });
});

Deno.test("walkInputs() reports a broken symlink", async () => {
  await withTempDir(async (root) => {
    await Deno.symlink("missing.md", join(root, "dangling.md"));
    deepStrictEqual(await summary(root), ["dangling.md (skipped: broken symlink)"]);
  });
});

Deno.test("walkInputs() skips a FIFO without opening it", async () => {
  await withTempDir(async (root) => {
    if (!(await makeFifo(join(root, "pipe.md")))) {
      // No mkfifo on this machine: nothing to walk, so there is nothing to assert.
      return;
    }
    await Deno.symlink("pipe.md", join(root, "pipe-link.md"));
    // Opening either would block forever, so finishing at all is half the assertion.
    deepStrictEqual(await summary(root), [
      "pipe-link.md (skipped: not a regular file)",
      "pipe.md (skipped: not a regular file)",
    ]);
  });
});

Deno.test("walkInputs() reports an unreadable folder and walks on", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "locked/inside.md", "z.md");
    await Deno.chmod(join(root, "locked"), 0o000);
    try {
      // root (or CAP_DAC_OVERRIDE) reads through mode 000; then only "no throw" holds here,
      // and the denied case is covered by the unprivileged test below.
      const privileged = await canList(join(root, "locked"));
      deepStrictEqual(
        await summary(root),
        privileged
          ? ["locked/inside.md", "z.md"]
          : ["locked (skipped: cannot read folder: Permission denied)", "z.md"],
      );
    } finally {
      await Deno.chmod(join(root, "locked"), 0o755);
    }
  });
});

Deno.test({
  name: "walkInputs() without read permission reports unreadable folders and lists files",
  // Drops the capabilities that let root read through mode 000, in a child process.
  ignore: Deno.build.os !== "linux" || Deno.uid() !== 0 || !hasSetpriv(),
  fn: async () => {
    await withTempDir(async (root) => {
      await writeFiles(root, "locked/inside.md", "secret.md", "z.md");
      await Deno.chmod(join(root, "locked"), 0o000);
      await Deno.chmod(join(root, "secret.md"), 0o000);
      try {
        const code = `
          import { walkInputs } from "./src/discover/walk.ts";
          const options = { include: [], exclude: [], skipDirs: [], extensions: [".md"] };
          for await (const entry of walkInputs(${JSON.stringify(root)}, options)) {
            console.log(entry.kind === "file" ? entry.path : entry.path + " (" + entry.reason + ")");
          }`;
        const { success, stdout, stderr } = await new Deno.Command("setpriv", {
          args: [
            "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search",
            "--",
            "deno", // by name: gleaner's own code never refers to its executable
            "eval",
            "--ext=ts",
            code,
          ],
          cwd: new URL("../..", import.meta.url),
        }).output();
        ok(success, new TextDecoder().decode(stderr));
        deepStrictEqual(new TextDecoder().decode(stdout).trimEnd().split("\n"), [
          "locked (cannot read folder: Permission denied)",
          // An unreadable file is listed: the worker that opens it reports the file's error.
          "secret.md",
          "z.md",
        ]);
      } finally {
        await Deno.chmod(join(root, "locked"), 0o755);
      }
    });
  },
});

Deno.test("walkInputs() handles hostile file names", async () => {
  await withTempDir(async (root) => {
    const names = [
      " leading space.md",
      "a..md",
      "back\\slash.md",
      "co:lon.md",
      "glob [*?].md",
      "new\nline.md",
      "party 🎉.md",
      "…..md",
      "עברית\u202Ereversed.md",
    ];
    for (const name of names) await Deno.writeTextFile(join(root, name), name);
    await writeFiles(root, "dir:with\nnewline/inner.md");
    const entries = await walk(root, { include: ["**/*.md"] });
    const expected = [...names, "dir:with\nnewline/inner.md"].sort();
    deepStrictEqual(entries.map((entry) => entry.path), expected);
    for (const entry of entries) {
      ok(entry.kind === "file");
      const content = await Deno.readTextFile(entry.absPath);
      strictEqual(content, entry.path);
    }
  });
});

Deno.test("walkInputs() reports names that are not UTF-8 as such, not as missing", async () => {
  await withTempDir(async (root) => {
    await writeFiles(root, "fine.md");
    // Deno names files with strings, so the raw 0xFF byte comes from the shell.
    const made = await new Deno.Command("sh", {
      args: ["-c", 'b=$(printf "\\377"); echo x > "$1/bad$b.md"; mkdir "$1/dir$b"', "sh", root],
    }).output();
    ok(made.success);
    deepStrictEqual(await summary(root), [
      "bad\uFFFD.md (skipped: its name is not valid UTF-8, so it cannot be opened: rename it " +
      "(for example with convmv) and run again)",
      "dir\uFFFD (skipped: its name is not valid UTF-8, so it cannot be opened: rename it " +
      "(for example with convmv) and run again)",
      "fine.md",
    ]);
  });
});

Deno.test("walkInputs() throws when the root itself cannot be read", async () => {
  await withTempDir(async (dir) => {
    const missing = join(dir, "missing");
    await rejects(walk(missing), {
      name: "Error",
      message: `cannot read input folder ${missing}: No such file or directory`,
    });
  });
});

async function canList(path: string): Promise<boolean> {
  try {
    for await (const _ of Deno.readDir(path)) break;
    return true;
  } catch {
    return false;
  }
}

function hasSetpriv(): boolean {
  try {
    return new Deno.Command("setpriv", { args: ["--version"] }).outputSync().success;
  } catch {
    return false;
  }
}
