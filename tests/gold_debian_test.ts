/**
 * @module Checks the gold-debian reference set (tests/fixtures/gold-debian): the manifest and each
 * reference are well formed, the split follows the rule stated in its README, and every listed
 * document is where its Debian package installs it.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PDFS } from "../scripts/bench_fidelity.ts";
import { TREE } from "../scripts/bench_maps.ts";
import { checkReferences, checkSplit, heldOutPaths, readJson } from "./support/gold_reference.ts";
import { requiresThat } from "./support/requires.ts";

const DIR = fileURLToPath(new URL("./fixtures/gold-debian/", import.meta.url));
const KINDS = [
  "howto",
  "reference",
  "manual",
  "specification",
  "article",
  "policy",
  "changelog-or-readme",
] as const;

const Entry = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  package: z.string().regex(/^[a-z0-9][a-z0-9.+-]+$/),
  packageVersion: z.string().min(1),
  path: z.string().startsWith("/usr/share/"),
  compression: z.enum(["none", "gzip"]),
  kind: z.enum(KINDS),
  format: z.enum(["html", "pdf", "text", "markdown"]),
  split: z.enum(["tune", "heldout"]),
  /** Where a held-out document was seen before: its figures are reported apart. */
  seen: z.string().min(10).optional(),
}).strict();
const Manifest = z.array(Entry).min(1);

const manifest = Manifest.parse(await readJson(DIR, "manifest.json"));

/** Installed Debian packages, or null where dpkg-query is not available. */
async function installedPackages(): Promise<Set<string> | null> {
  try {
    const out = await new Deno.Command("dpkg-query", {
      args: ["-W", "-f=${binary:Package} ${db:Status-Status}\\n"],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (!out.success) return null;
    const lines = new TextDecoder().decode(out.stdout).split("\n");
    return new Set(
      lines.filter((l) => l.endsWith(" installed")).map((l) => l.split(" ")[0].split(":")[0]),
    );
  } catch {
    return null;
  }
}

Deno.test("gold-debian manifest has unique ids and paths, and every third entry is held out", () => {
  checkSplit(manifest);
  assert.equal(new Set(manifest.map((e) => e.path)).size, manifest.length, "duplicate path");
  for (const entry of manifest) {
    assert.equal(
      entry.compression === "gzip",
      entry.path.endsWith(".gz"),
      `${entry.id} compression`,
    );
  }
});

Deno.test("gold-debian has exactly one well-formed reference per manifest entry", async () => {
  await checkReferences(DIR, manifest, KINDS);
});

const installed = await installedPackages();
for (const entry of manifest) {
  const reason = installed === null
    ? "dpkg-query is not available"
    : installed.has(entry.package)
    ? null
    : `Debian package ${entry.package} is not installed`;
  Deno.test({
    name: `gold-debian document ${entry.id} is installed at ${entry.path}`,
    ignore: requiresThat("gold_debian_test", reason ?? undefined),
    fn: async () => {
      const info = await Deno.stat(entry.path);
      assert.ok(info.isFile && info.size > 0, `${entry.path} is empty or not a file`);
      const head = new Uint8Array(4);
      using file = await Deno.open(entry.path);
      await file.read(head);
      const gzip = head[0] === 0x1f && head[1] === 0x8b;
      assert.equal(gzip, entry.compression === "gzip", `${entry.path}: compression mismatch`);
    },
  });
}

Deno.test("no other bench reads a gold-debian held-out document", async () => {
  const heldOut = await heldOutPaths();
  assert.ok(heldOut.size > 0);
  const read = [...Object.values(TREE).flat(), ...PDFS].filter((path) => heldOut.has(path));
  assert.deepEqual(read, [], "a bench tuned against would show the held-out part");
});

Deno.test("only held-out documents say where they were seen, and some were never seen", () => {
  for (const entry of manifest.filter((e) => e.seen !== undefined)) {
    assert.equal(entry.split, "heldout", entry.id);
  }
  assert.ok(manifest.some((e) => e.split === "heldout" && e.seen === undefined));
});
