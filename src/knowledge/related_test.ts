import assert from "node:assert/strict";
import { RELATED_DEFAULTS, relatedDocs, type TermDoc } from "./related.ts";

const doc = (id: number, terms: Record<string, number>): TermDoc => ({
  id,
  terms: Object.entries(terms),
});

const ALL = { limit: 100, minSimilarity: 0 };

/** Two notes on steam engines, one on railways between them, three on bread and prices. */
const VAULT = [
  doc(1, { engin: 5, steam: 3, boiler: 2 }),
  doc(2, { engin: 2, steam: 4, rail: 2 }),
  doc(3, { rail: 3, ticket: 2 }),
  doc(4, { ticket: 3, price: 2 }),
  doc(5, { bread: 3, price: 2 }),
  doc(6, { bread: 1, flour: 2 }),
];

/** 30 notes over 12 terms, mixed by a fixed rule: a vault with many overlaps. */
function mixedVault(): TermDoc[] {
  const docs: TermDoc[] = [];
  for (let id = 0; id < 30; id++) {
    const terms: Record<string, number> = {};
    for (let k = 0; k < 12; k++) {
      if ((id * 7 + k * 5) % 11 < 3) terms[`t${k}`] = 1 + ((id + k) % 4);
    }
    docs.push(doc(100 + id, terms));
  }
  return docs;
}

Deno.test("relatedDocs() gives nothing for no documents", () => {
  assert.deepEqual(relatedDocs([]), new Map());
});

Deno.test("relatedDocs() gives every document an entry, empty when nothing is related", () => {
  const related = relatedDocs([...VAULT, doc(7, { quasar: 4, pulsar: 1 })]);
  assert.deepEqual([...related.keys()], [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(related.get(7), []);
});

Deno.test("relatedDocs() links documents that share terms, most similar first", () => {
  assert.deepEqual(
    relatedDocs(VAULT, ALL),
    new Map([[1, [2]], [2, [1, 3]], [3, [4, 2]], [4, [3, 5]], [5, [6, 4]], [6, [5]]]),
  );
});

Deno.test("relatedDocs() never relates a document to itself", () => {
  const twins = [
    doc(1, { a: 2, b: 1 }),
    doc(2, { a: 2, b: 1 }),
    doc(3, { c: 1 }),
    doc(4, { c: 1 }),
  ];
  const related = relatedDocs(twins, ALL);
  assert.deepEqual(related.get(1), [2]);
  assert.deepEqual(related.get(2), [1]);
  for (const [id, others] of relatedDocs(mixedVault(), ALL)) assert.ok(!others.includes(id));
});

Deno.test("relatedDocs() breaks ties in similarity by id, whatever the input order", () => {
  const docs = [
    doc(1, { x: 1, y: 1 }),
    doc(9, { x: 1 }),
    doc(3, { y: 1 }),
    doc(20, { p: 1 }),
    doc(21, { p: 1 }),
  ];
  assert.deepEqual(relatedDocs(docs, ALL).get(1), [3, 9]);
  assert.deepEqual(relatedDocs(docs.toReversed(), ALL).get(1), [3, 9]);
});

Deno.test("relatedDocs() keeps at most `limit` documents, the most similar ones", () => {
  const docs = mixedVault();
  const all = relatedDocs(docs, ALL);
  const two = relatedDocs(docs, { limit: 2, minSimilarity: 0 });
  assert.ok([...all.values()].some((others) => others.length > 2));
  for (const [id, others] of two) assert.deepEqual(others, all.get(id)!.slice(0, 2));
});

Deno.test("relatedDocs() leaves out documents less similar than the minimum", () => {
  const docs = [
    doc(1, { x: 1, y: 1 }),
    doc(2, { x: 1 }),
    doc(3, { y: 1 }),
    doc(4, { p: 1 }),
    doc(5, { p: 1 }),
  ];
  // Cosine of (1, 1) and (1, 0) is 1/√2, about 0.707.
  assert.deepEqual(relatedDocs(docs, { limit: 5, minSimilarity: 0.7 }).get(1), [2, 3]);
  assert.deepEqual(relatedDocs(docs, { limit: 5, minSimilarity: 0.71 }).get(1), []);
  assert.deepEqual(relatedDocs(docs, { limit: 5, minSimilarity: 0.71 }).get(4), [5]);
});

Deno.test("relatedDocs() ignores a term that more than half of the documents have", () => {
  const docs = [
    doc(1, { common: 5 }),
    doc(2, { common: 5 }),
    doc(3, { common: 1, pair: 1 }),
    doc(4, { pair: 1 }),
  ];
  const related = relatedDocs(docs, ALL);
  assert.deepEqual(related.get(1), []);
  assert.deepEqual(related.get(2), []);
  // A term in exactly half of them still counts.
  assert.deepEqual(related.get(3), [4]);
  assert.deepEqual(related.get(4), [3]);
});

Deno.test("relatedDocs() ignores a term only one document has", () => {
  const docs = [doc(1, { solo: 9, a: 1 }), doc(2, { a: 1 }), doc(3, { b: 1 }), doc(4, { b: 1 })];
  // Counted, "solo" would pull the similarity of 1 and 2 far below 1.
  const related = relatedDocs(docs, { limit: 5, minSimilarity: 0.999 });
  assert.deepEqual(related.get(1), [2]);
  assert.deepEqual(related.get(2), [1]);
});

Deno.test("relatedDocs() relates two documents both ways when no limit cuts the list", () => {
  const related = relatedDocs(mixedVault(), ALL);
  let pairs = 0;
  for (const [id, others] of related) {
    for (const other of others) {
      assert.ok(related.get(other)!.includes(id), `${id} -> ${other} but not back`);
      pairs++;
    }
  }
  assert.ok(pairs > 0);
});

Deno.test("relatedDocs() gives the same lists for the documents in any order", () => {
  const docs = mixedVault();
  const forward = relatedDocs(docs);
  const backward = relatedDocs(docs.toReversed());
  for (const [id, others] of forward) assert.deepEqual(backward.get(id), others);
});

Deno.test("relatedDocs() keeps five links at most by default", () => {
  const docs = mixedVault();
  assert.equal(RELATED_DEFAULTS.limit, 5);
  assert.deepEqual(relatedDocs(docs), relatedDocs(docs, RELATED_DEFAULTS));
  for (const others of relatedDocs(docs).values()) assert.ok(others.length <= 5);
});
