import assert from "node:assert/strict";
import { RELATED_DEFAULTS, relatedNotes, stableRelated } from "./related.ts";
import { type NoteFeatures, type SimilarityGraph, similarityGraph } from "./similarity.ts";

const note = (key: string, terms: Record<string, number>, keyphrases: string[] = []) =>
  ({ key, terms: Object.entries(terms), keyphrases }) as NoteFeatures;

/** Four notes on beekeeping, four on railways, one on both, and one on neither. */
function vault(): NoteFeatures[] {
  const bees = ["hive", "queen", "honey", "swarm", "varroa", "brood"];
  const rail = ["locomot", "track", "signal", "timet", "station", "gaug"];
  const notes: NoteFeatures[] = [];
  for (let i = 0; i < 4; i++) {
    notes.push(note(`bees-${i}`, Object.fromEntries(bees.map((t, k) => [t, 1 + ((i + k) % 3)])), [
      "honey bees",
    ]));
    notes.push(note(`rail-${i}`, Object.fromEntries(rail.map((t, k) => [t, 1 + ((i * k) % 3)]))));
  }
  notes.push(note("bees-by-rail", { hive: 2, queen: 1, locomot: 2, station: 1 }));
  notes.push(note("quasar", { quasar: 4, pulsar: 2, redshift: 1 }));
  return notes;
}

Deno.test("relatedNotes() gives every note an entry, empty when nothing is related", () => {
  const related = relatedNotes(similarityGraph(vault()));
  assert.equal(related.size, 10);
  assert.deepEqual(related.get("quasar"), []);
});

Deno.test("relatedNotes() keeps a note's related notes on its own subject", () => {
  const related = relatedNotes(similarityGraph(vault()));
  for (let i = 0; i < 4; i++) {
    const bees = related.get(`bees-${i}`)!;
    assert.ok(bees.length >= 3, `bees-${i}: ${bees}`);
    assert.ok(bees.every((k) => k.startsWith("bees")), `bees-${i}: ${bees}`);
    assert.ok(related.get(`rail-${i}`)!.every((k) => k.startsWith("rail") || k === "bees-by-rail"));
  }
});

Deno.test("relatedNotes() lists at most `limit` notes, most similar first", () => {
  const related = relatedNotes(similarityGraph(vault()), { ...RELATED_DEFAULTS, limit: 2 });
  for (const list of related.values()) assert.ok(list.length <= 2);
});

Deno.test("relatedNotes() adapts its cut-off: a vault of one subject still relates notes", () => {
  // Every note shares most stems: a fixed cosine threshold tuned on mixed material would either
  // list everything or, past the vault's mean, nothing; the cut-off follows each note's spread.
  const one = vault().filter((n) => n.key.startsWith("bees-") && n.key !== "bees-by-rail");
  const related = relatedNotes(similarityGraph(one));
  for (const list of related.values()) assert.ok(list.length >= 1);
});

Deno.test("stableRelated() keeps an unchanged note's list when only global weights moved", () => {
  const previous = new Map([["a", ["b", "c"]], ["b", ["a"]], ["c", ["a"]], ["d", []]]);
  // d changed; a's fresh list swaps b and c (weights drifted), without d in it.
  const fresh = new Map([["a", ["c", "b"]], ["b", ["a"]], ["c", ["a", "b"]], ["d", ["c"]]]);
  const out = stableRelated(fresh, previous, new Set(["d"]));
  assert.deepEqual(out.get("a"), ["b", "c"]);
  assert.deepEqual(out.get("c"), ["a"], "c keeps its list: d is not in its fresh list");
  assert.deepEqual(out.get("d"), ["c"], "a changed note takes its fresh list");
});

Deno.test("stableRelated() takes the fresh list when a changed or new note enters or leaves", () => {
  const previous = new Map([["a", ["b", "d"]], ["b", ["a"]], ["c", ["a"]], ["d", ["a"]]]);
  const fresh = new Map([
    ["a", ["b", "c"]],
    ["b", ["a", "e"]],
    ["c", ["a"]],
    ["d", ["c"]],
    ["e", ["b"]],
  ]);
  const out = stableRelated(fresh, previous, new Set(["d", "e"]));
  assert.deepEqual(out.get("a"), ["b", "c"], "d left a's list");
  assert.deepEqual(out.get("b"), ["a", "e"], "new note e entered b's list");
  assert.deepEqual(out.get("e"), ["b"]);
});

Deno.test("stableRelated() drops a note that is gone from every list", () => {
  const previous = new Map([["a", ["gone", "b"]], ["b", ["a"]]]);
  const fresh = new Map([["a", ["b"]], ["b", ["a"]]]);
  assert.deepEqual(stableRelated(fresh, previous, new Set()).get("a"), ["b"]);
});

Deno.test("relatedNotes() ripples nowhere: a changed note's neighbours keep unrelated lists", () => {
  const notes = vault();
  const before = relatedNotes(similarityGraph(notes));
  // One railway note gains a sentence: a stem no other note has and one more "track".
  const changed = notes.map((n) =>
    n.key === "rail-0" ? { ...n, terms: [...n.terms, ["viaduct", 1]] as [string, number][] } : n
  );
  const fresh = relatedNotes(similarityGraph(changed));
  const out = stableRelated(fresh, before, new Set(["rail-0"]));
  for (const [key, list] of out) {
    if (!list.includes("rail-0") && !(before.get(key) ?? []).includes("rail-0")) {
      assert.deepEqual(list, before.get(key), key);
    }
  }
});

Deno.test("relatedNotes() relates a note to one its text links to, though below the cut-off", () => {
  const graph = similarityGraph(vault());
  assert.ok(!relatedNotes(graph).get("bees-0")!.includes("bees-by-rail"));
  const linked = new Map([["bees-0", new Set(["bees-by-rail"])]]);
  assert.ok(relatedNotes(graph, RELATED_DEFAULTS, linked).get("bees-0")!.includes("bees-by-rail"));
  // A linked note that shares nothing is still no related note.
  const stars = new Map([["bees-0", new Set(["quasar"])]]);
  assert.ok(!relatedNotes(graph, RELATED_DEFAULTS, stars).get("bees-0")!.includes("quasar"));
});

Deno.test("relatedNotes() takes a weak match below the floor when it stands far out from chance", () => {
  // Three notes of one Git howto folder in a mixed vault: each shares little with anything (0.05
  // at best), but a tenth of that with the rest; a note whose 0.05 is within its spread does not.
  const graph: SimilarityGraph = {
    keys: ["bisect", "signed-tag", "mime-spec", "faint"],
    neighbours: [
      [{ index: 1, score: 0.05 }, { index: 2, score: 0.02 }],
      [{ index: 0, score: 0.05 }],
      [{ index: 0, score: 0.05 }],
      [{ index: 0, score: 0.035 }],
    ],
    mean: Float64Array.from([0.01, 0.005, 0.02, 0]),
    sd: Float64Array.from([0.005, 0.005, 0.01, 0.001]),
  };
  const related = relatedNotes(graph);
  assert.deepEqual(related.get("bisect"), ["signed-tag"]);
  assert.deepEqual(related.get("signed-tag"), ["bisect"]);
  assert.deepEqual(related.get("mime-spec"), [], "0.05 is 3 deviations above its chance");
  assert.deepEqual(related.get("faint"), [], "below the least similarity that ever counts");
});
