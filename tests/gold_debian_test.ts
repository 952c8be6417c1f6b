/**
 * @module Checks the gold-debian reference set (tests/fixtures/gold-debian): the manifest and each
 * reference are well formed, the split follows the rule stated in its README, and every listed
 * document is where its Debian package installs it.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { z } from "zod";
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
}).strict();
const Manifest = z.array(Entry).min(1);

const words = (text: string) => text.trim().split(/\s+/).length;
const Name = z.union([
  z.string().min(2),
  z.object({ name: z.string().min(2), aliases: z.array(z.string().min(2)).min(1) }).strict(),
]);
const Reference = z.object({
  summary: z.string().refine((s) => words(s) >= 60 && words(s) <= 120, {
    message: "summary must be 60 to 120 words",
  }),
  keyphrases: z.array(z.string().min(3)).min(8).max(12),
  people: z.array(Name),
  organizations: z.array(Name),
  places: z.array(Name),
  kind: z.enum(KINDS),
  license: z.literal("CC0-1.0, written for gleaner"),
}).strict();

async function readJson(name: string): Promise<unknown> {
  const text = await Deno.readTextFile(DIR + name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${name} is not valid JSON: fix the file`, { cause: error });
  }
}

const manifest = Manifest.parse(await readJson("manifest.json"));

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
  assert.equal(new Set(manifest.map((e) => e.id)).size, manifest.length, "duplicate id");
  assert.equal(new Set(manifest.map((e) => e.path)).size, manifest.length, "duplicate path");
  manifest.forEach((entry, i) => {
    assert.equal(entry.split, (i + 1) % 3 === 0 ? "heldout" : "tune", `split of ${entry.id}`);
    assert.equal(
      entry.compression === "gzip",
      entry.path.endsWith(".gz"),
      `${entry.id} compression`,
    );
  });
});

Deno.test("gold-debian has exactly one well-formed reference per manifest entry", async () => {
  const refFiles = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) =>
    n.endsWith(".ref.json")
  );
  assert.deepEqual(refFiles.sort(), manifest.map((e) => `${e.id}.ref.json`).sort());
  for (const entry of manifest) {
    const parsed = Reference.safeParse(await readJson(`${entry.id}.ref.json`));
    assert.ok(parsed.success, `${entry.id}.ref.json: ${parsed.error?.message}`);
    assert.equal(parsed.data.kind, entry.kind, `${entry.id}: kind differs from the manifest`);
    const names = [...parsed.data.people, ...parsed.data.organizations, ...parsed.data.places]
      .flatMap((n) => typeof n === "string" ? [n] : [n.name, ...n.aliases]);
    assert.equal(new Set(names).size, names.length, `${entry.id}: a name is listed twice`);
    const phrases = parsed.data.keyphrases.map((k) => k.toLowerCase());
    assert.equal(new Set(phrases).size, phrases.length, `${entry.id}: repeated keyphrase`);
  }
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
