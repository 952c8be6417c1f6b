/**
 * @module
 * How alike two notes are, for related notes and topic maps: each note is a vector of its stems
 * (the analysis's term counts) and of its keyphrases as whole phrases, weighted BM25 style (a
 * saturating term frequency times the inverse document frequency across the vault), and two
 * notes are compared by cosine similarity through an inverted index, so only notes that share
 * something are ever compared. Notes are taken in the order of their keys, whatever order
 * they come in, so the result depends only on what the notes are.
 */
import { stemWeight } from "../analyse/commonness.ts";
import { stem, words } from "../analyse/terms.ts";

export interface NoteFeatures {
  /** What identifies the note (its vault path): sorts the notes and breaks ties. */
  key: string;
  terms: [string, number][];
  keyphrases: string[];
}

export interface Neighbour {
  /** Index of the other note in {@link SimilarityGraph.keys}. */
  index: number;
  score: number;
}

export interface SimilarityGraph {
  /** The notes' keys, sorted. */
  keys: string[];
  /** Each note's most similar others, most similar first (ties by key). */
  neighbours: Neighbour[][];
  /**
   * Each note's mean similarity to the others but its five closest (those sharing nothing count
   * as 0): what it shares with the vault by chance...
   */
  mean: Float64Array;
  /** ...and its standard deviation: what a note's chance similarity looks like. */
  sd: Float64Array;
}

/** Whether a neighbour with `score` at `index` ranks before `other`: higher score, then key. */
function before(score: number, index: number, other: Neighbour): boolean {
  return score > other.score || (score === other.score && index < other.index);
}

/** BM25's saturation: the tenth use of a stem says less than the second. */
const K1 = 1.2;
/** A keyphrase or tag shared says more than one stem shared: it is a whole idea of the note. */
const PHRASE_WEIGHT = 2;
/** The closest notes left out of a note's chance similarity, at most a quarter of the others. */
const BACKGROUND_FROM = 5;
/**
 * Features a note needs before its similarity is taken at face value. A note of a dozen words
 * (a short clip's transcript) has a handful, and two common stems shared with anything made it
 * look like a close match (cosine 0.29 between a 15-word clip and a volcano interview); below
 * this its similarities are scaled down in proportion.
 */
const FULL_EVIDENCE = 20;
/** Neighbours kept per note: more than any list or map needs. */
const KEEP = 30;

/** Each feature of a note and its count: stems as `t:stem`, phrases as `p:stem stem`. */
export function features(note: NoteFeatures): Map<string, number> {
  const out = new Map<string, number>();
  for (const [term, count] of note.terms) out.set(`t:${term}`, count);
  // Not the tags: they are the keyphrases again, and the subjects ("python", "sqlite") which
  // many notes share. As features those pulled notes together by the program they name over
  // what they say (maps bench, one folder: purity and completeness 0.85 / 0.73 without them,
  // 0.81 / 0.69 with them; the Socket HOWTO left the Python map).
  for (const phrase of note.keyphrases) {
    const key = phraseKey(phrase);
    if (key !== "") out.set(`p:${key}`, 1);
  }
  return out;
}

/** A phrase as its stems, so that "merge commits" and "merge commit" are one phrase. */
export function phraseKey(phrase: string): string {
  return words(phrase.toLowerCase()).map(stem).join(" ");
}

export function similarityGraph(notes: NoteFeatures[], keep = KEEP): SimilarityGraph {
  keep = Math.max(keep, BACKGROUND_FROM);
  const sorted = [...notes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const n = sorted.length;
  const featureIds = new Map<string, number>();
  const docs = sorted.map((note) => {
    const f = features(note);
    const ids = new Int32Array(f.size);
    const counts = new Float64Array(f.size);
    let k = 0;
    for (const [name, count] of [...f].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let id = featureIds.get(name);
      if (id === undefined) featureIds.set(name, id = featureIds.size);
      ids[k] = id;
      counts[k++] = count;
    }
    return { ids, counts };
  });
  const df = new Int32Array(featureIds.size);
  for (const d of docs) for (const id of d.ids) df[id]++;
  // Phrases weigh PHRASE_WEIGHT, stems by how much they say (see stemWeight).
  const kind = new Float64Array(featureIds.size);
  for (const [name, id] of featureIds) {
    kind[id] = name.startsWith("p:") ? PHRASE_WEIGHT : stemWeight(name.slice(2));
  }
  // A feature of one note matches nothing; one in many notes says little about which two belong
  // together and compares every pair of them: in half the notes of a small vault, a tenth of a
  // large one (30,000 notes sharing phrases by tenths took 22 s, 9 s without them).
  const most = Math.max(n / 10, Math.min(n / 2, 50));
  const bm25 = (id: number) => Math.log(1 + (n - df[id] + 0.5) / (df[id] + 0.5)) * kind[id];
  const idf = (id: number) => df[id] < 2 || (n >= 6 && df[id] > most) ? 0 : bm25(id);
  const weights = docs.map(({ ids, counts }) => {
    const tf = (k: number) => ((K1 + 1) * counts[k]) / (K1 + counts[k]);
    const w = Float64Array.from(ids, (id, k) => tf(k) * idf(id));
    // The length counts what only this note says too: measured over the stems it shares alone,
    // two notes of a small vault sharing "water" and "gravity" looked alike (cosine 0.45).
    let squares = 0;
    ids.forEach((id, k) => squares += (df[id] < 2 ? tf(k) * bm25(id) : w[k]) ** 2);
    const norm = Math.sqrt(squares) || 1;
    return w.map((x) => x / norm);
  });
  const evidence = docs.map(({ ids }) => Math.min(1, ids.length / FULL_EVIDENCE));

  // Postings grouped by feature (compressed sparse rows).
  const size = featureIds.size;
  const start = new Int32Array(size + 1);
  for (let id = 0; id < size; id++) start[id + 1] = start[id] + (idf(id) > 0 ? df[id] : 0);
  const fill = start.slice(0, size);
  const postDoc = new Int32Array(start[size]);
  const postWeight = new Float64Array(start[size]);
  docs.forEach(({ ids }, doc) => {
    ids.forEach((id, k) => {
      if (weights[doc][k] <= 0) return;
      postDoc[fill[id]] = doc;
      postWeight[fill[id]++] = weights[doc][k];
    });
  });

  const neighbours: Neighbour[][] = [];
  const mean = new Float64Array(n);
  const sd = new Float64Array(n);
  const dots = new Float64Array(n);
  const touched: number[] = [];
  docs.forEach(({ ids }, doc) => {
    ids.forEach((id, k) => {
      const w = weights[doc][k];
      if (w <= 0) return;
      for (let p = start[id]; p < start[id + 1]; p++) {
        const other = postDoc[p];
        if (other === doc) continue;
        if (dots[other] === 0) touched.push(other);
        dots[other] += w * postWeight[p];
      }
    });
    // The closest `keep` by insertion into a short sorted list: sorting every note that shares
    // a word with this one cost 15 s for 10,000 notes. Scores are rounded, so that sums taken
    // in another order cannot reorder two equal neighbours.
    const top: Neighbour[] = [];
    let sum = 0, squares = 0;
    let least = -1;
    for (const other of touched) {
      const dot = dots[other] * Math.min(evidence[doc], evidence[other]);
      sum += dot;
      squares += dot * dot;
      if (dot < least) continue; // most notes: well below the closest few
      const score = Math.round(dot * 1e9) / 1e9;
      if (top.length === keep && !before(score, other, top[keep - 1])) continue;
      let at = top.length;
      while (at > 0 && before(score, other, top[at - 1])) at--;
      top.splice(at, 0, { index: other, score });
      if (top.length > keep) top.pop();
      if (top.length === keep) least = top[keep - 1].score - 1e-9;
    }
    // Chance similarity is measured without the closest few, which are the candidates: with
    // them, two close notes in a small vault raise the spread above their own distance.
    const skip = Math.min(BACKGROUND_FROM, Math.floor((n - 1) / 4), top.length);
    for (const { score } of top.slice(0, skip)) {
      sum -= score;
      squares -= score * score;
    }
    const others = Math.max(1, n - 1 - skip);
    mean[doc] = Math.max(0, sum / others);
    sd[doc] = Math.sqrt(Math.max(0, squares / others - mean[doc] * mean[doc]));
    neighbours.push(top);
    for (const other of touched) dots[other] = 0;
    touched.length = 0;
  });
  return { keys: sorted.map((note) => note.key), neighbours, mean, sd };
}
