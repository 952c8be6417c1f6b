import assert from "node:assert/strict";
import { features, type NoteFeatures, phraseKey, similarityGraph } from "./similarity.ts";

const note = (
  key: string,
  terms: Record<string, number>,
  keyphrases: string[] = [],
  tags: string[] = [],
): NoteFeatures => ({ key, terms: Object.entries(terms), keyphrases, tags });

const VAULT = [
  note("a", { engin: 5, steam: 3, boiler: 2 }, ["steam engines"]),
  note("b", { engin: 2, steam: 4, rail: 2 }, ["steam engine"]),
  note("c", { rail: 3, ticket: 2 }),
  note("d", { ticket: 3, price: 2 }),
  note("e", { bread: 3, price: 2 }, [], ["baking/sourdough-bread"]),
  note("f", { bread: 1, flour: 2 }, ["sourdough bread"]),
];

Deno.test("phraseKey() makes one key of a phrase's spellings", () => {
  assert.equal(phraseKey("Steam Engines"), phraseKey("steam engine"));
});

Deno.test("features() counts stems and whole phrases, tags by their last part", () => {
  const f = features(VAULT[4]);
  assert.equal(f.get("t:bread"), 3);
  assert.equal(f.get(`p:${phraseKey("sourdough bread")}`), 1);
});

Deno.test("similarityGraph() ranks the notes sharing most first and never a note itself", () => {
  const graph = similarityGraph(VAULT);
  const a = graph.neighbours[graph.keys.indexOf("a")];
  assert.equal(graph.keys[a[0].index], "b");
  for (const [i, list] of graph.neighbours.entries()) {
    assert.ok(list.every((nb) => nb.index !== i));
  }
});

Deno.test("similarityGraph() counts a shared phrase on top of shared stems", () => {
  const withPhrase = similarityGraph(VAULT);
  const without = similarityGraph(VAULT.map((n) => ({ ...n, keyphrases: [], tags: [] })));
  const score = (g: ReturnType<typeof similarityGraph>, x: string, y: string) =>
    g.neighbours[g.keys.indexOf(x)].find((nb) => g.keys[nb.index] === y)?.score ?? 0;
  assert.ok(score(withPhrase, "e", "f") > score(without, "e", "f"));
});

Deno.test("similarityGraph() gives the same graph for the notes in any order", () => {
  const one = similarityGraph(VAULT);
  const other = similarityGraph([...VAULT].reverse());
  assert.deepEqual(other, one);
});
