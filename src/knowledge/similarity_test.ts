import assert from "node:assert/strict";
import { features, type NoteFeatures, phraseKey, similarityGraph } from "./similarity.ts";

const note = (
  key: string,
  terms: Record<string, number>,
  keyphrases: string[] = [],
): NoteFeatures => ({ key, terms: Object.entries(terms), keyphrases });

const VAULT = [
  note("a", { engin: 5, steam: 3, boiler: 2 }, ["steam engines"]),
  note("b", { engin: 2, steam: 4, rail: 2 }, ["steam engine"]),
  note("c", { rail: 3, ticket: 2 }),
  note("d", { ticket: 3, price: 2 }),
  note("e", { bread: 3, price: 2 }, ["sourdough breads"]),
  note("f", { bread: 1, flour: 2 }, ["sourdough bread"]),
];

Deno.test("phraseKey() makes one key of a phrase's spellings", () => {
  assert.equal(phraseKey("Steam Engines"), phraseKey("steam engine"));
});

Deno.test("features() counts stems and whole phrases", () => {
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
  const without = similarityGraph(VAULT.map((n) => ({ ...n, keyphrases: [] })));
  const score = (g: ReturnType<typeof similarityGraph>, x: string, y: string) =>
    g.neighbours[g.keys.indexOf(x)].find((nb) => g.keys[nb.index] === y)?.score ?? 0;
  assert.ok(score(withPhrase, "e", "f") > score(without, "e", "f"));
});

Deno.test("similarityGraph() gives the same graph for the notes in any order", () => {
  const one = similarityGraph(VAULT);
  const other = similarityGraph([...VAULT].reverse());
  assert.deepEqual(other, one);
});

Deno.test("similarityGraph() trusts a note of a few words less than a full one", () => {
  // Two long notes on tides share ten stems; a clip of three stems shares two of them.
  const tides = Object.fromEntries(
    ["tide", "moon", "bulg", "coast", "harbour", "spring", "neap", "orbit", "gravit", "ocean"]
      .map((t) => [t, 3]),
  );
  const long = (key: string, extra: string[]) =>
    note(key, { ...tides, ...Object.fromEntries(extra.map((t) => [t, 2])) });
  const filler = (k: number) => Array.from({ length: 12 }, (_, i) => `w${k}x${i}`);
  const graph = similarityGraph([
    long("lecture", filler(1)),
    long("notes", filler(2)),
    note("clip", { tide: 1, moon: 1, gull: 1 }),
    note("other", { gull: 2, sand: 2, ...Object.fromEntries(filler(3).map((t) => [t, 1])) }),
    note("more", { gull: 1, ...Object.fromEntries(filler(3).map((t) => [t, 1])) }),
  ]);
  const score = (x: string, y: string) =>
    graph.neighbours[graph.keys.indexOf(x)].find((nb) => graph.keys[nb.index] === y)?.score ?? 0;
  assert.ok(score("lecture", "notes") > 0.1, String(score("lecture", "notes")));
  // The clip's three stems make its cosine with the lecture 0.059; trusted at 3/20, it is 0.009.
  assert.ok(score("clip", "lecture") < 0.01, String(score("clip", "lecture")));
  assert.equal(score("clip", "lecture"), score("lecture", "clip"));
});

Deno.test("similarityGraph() measures a note's length over what it alone says too", () => {
  // Two long notes that share two everyday stems and nothing else: measured over the shared
  // stems alone, their cosine was 1.
  const own = (k: string) =>
    Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${k}${i}`, 2]));
  const graph = similarityGraph([
    note("tides", { water: 2, move: 2, ...own("tide") }),
    note("sewers", { water: 2, move: 2, ...own("sewer") }),
    note("third", { bread: 2, ...own("bread") }),
  ]);
  const [first] = graph.neighbours[graph.keys.indexOf("tides")];
  assert.equal(graph.keys[first.index], "sewers");
  assert.ok(first.score < 0.1, String(first.score));
});
