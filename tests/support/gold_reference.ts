/**
 * @module
 * What every gold set's references share (tests/fixtures/gold-*): the reference file's shape and
 * the checks that one reference per manifest entry exists, is well formed, and follows the split
 * rule its README states (every third entry held out).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const words = (text: string) => text.trim().split(/\s+/).length;

const Name = z.union([
  z.string().min(2),
  z.object({ name: z.string().min(2), aliases: z.array(z.string().min(2)).min(1) }).strict(),
]);

/** A reference for one source, its `kind` one of the set's kinds. */
export function referenceSchema<K extends readonly [string, ...string[]]>(kinds: K) {
  return z.object({
    summary: z.string().refine((s) => words(s) >= 60 && words(s) <= 120, {
      message: "summary must be 60 to 120 words",
    }),
    keyphrases: z.array(z.string().min(3)).min(8).max(12),
    people: z.array(Name),
    organizations: z.array(Name),
    places: z.array(Name),
    kind: z.enum(kinds),
    license: z.literal("CC0-1.0, written for gleaner"),
  }).strict();
}

/**
 * The installed paths of gold-debian's held-out documents: what no other bench may read, since
 * tuning against its figures would show the analysis of what the held-out part keeps unseen.
 */
export async function heldOutPaths(): Promise<Set<string>> {
  const manifest = await readJson(
    fileURLToPath(new URL("../fixtures/gold-debian/", import.meta.url)),
    "manifest.json",
  ) as { path: string; split: string }[];
  return new Set(manifest.filter((e) => e.split === "heldout").map((e) => e.path));
}

export async function readJson(dir: string, name: string): Promise<unknown> {
  const text = await Deno.readTextFile(dir + name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${name} is not valid JSON: fix the file`, { cause: error });
  }
}

/** Every third manifest entry is held out, the others are for tuning; ids are unique. */
export function checkSplit(manifest: { id: string; split: string }[]): void {
  assert.equal(new Set(manifest.map((e) => e.id)).size, manifest.length, "duplicate id");
  manifest.forEach((entry, i) => {
    assert.equal(entry.split, (i + 1) % 3 === 0 ? "heldout" : "tune", `split of ${entry.id}`);
  });
}

/** One well-formed reference per entry, of the entry's kind, no name or keyphrase twice. */
export async function checkReferences(
  dir: string,
  manifest: { id: string; kind: string }[],
  kinds: readonly [string, ...string[]],
): Promise<void> {
  const Reference = referenceSchema(kinds);
  const refFiles = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) =>
    n.endsWith(".ref.json")
  );
  assert.deepEqual(refFiles.sort(), manifest.map((e) => `${e.id}.ref.json`).sort());
  for (const entry of manifest) {
    const parsed = Reference.safeParse(await readJson(dir, `${entry.id}.ref.json`));
    assert.ok(parsed.success, `${entry.id}.ref.json: ${parsed.error?.message}`);
    assert.equal(parsed.data.kind, entry.kind, `${entry.id}: kind differs from the manifest`);
    const names = [...parsed.data.people, ...parsed.data.organizations, ...parsed.data.places]
      .flatMap((n) => typeof n === "string" ? [n] : [n.name, ...n.aliases]);
    assert.equal(new Set(names).size, names.length, `${entry.id}: a name is listed twice`);
    const phrases = parsed.data.keyphrases.map((k) => k.toLowerCase());
    assert.equal(new Set(phrases).size, phrases.length, `${entry.id}: repeated keyphrase`);
  }
}
