/**
 * @module
 * Extractive summaries and key points. Each sentence is scored by centrality (how much it
 * shares with the text's centroid: its most weighty terms, tf-idf over the text's sentences),
 * by position (documents put their point early; transcripts less so) and by overlap with the
 * title. Sentences are then picked by maximal marginal relevance, so a summary does not say the
 * same thing twice.
 */

/** A sentence as the scorer sees it. */
export interface Unit {
  text: string;
  /** Index of its block (paragraph) and section. */
  block: number;
  section: number;
  startMs?: number;
  /** Stems of its content words, in order. */
  terms: string[];
  /** Number of words. */
  words: number;
  /** First sentence of its block. */
  leads: boolean;
  /** A piece of a sentence too long to read as one, cut between words. */
  piece?: boolean;
  /** Runs on into the next paragraph, past what lay between (a code block, a list). */
  runsOn?: boolean;
  /** Of a sentence wink found no verb in: maybe a label or a field's description. */
  verbless?: true;
  /** Of a sentence whose only verbs are a gerund opening it and infinitives. */
  nonFinite?: true;
  /** Of a sentence that is a thing and a relative clause on it. */
  described?: true;
  /** Of a sentence that opens with an infinitive, no clause after it. */
  infinitive?: true;
}

export interface ScoreOptions {
  titleTerms: string[];
  /** Timed speech: position matters less, and chit-chat is common. */
  transcript: boolean;
}

/** Terms in the centroid. */
const CENTROID_TERMS = 40;
/** Two sentences sharing this much of their terms (cosine) say the same thing. */
const SAME_IDEA = 0.5;
/** How much a picked sentence's similarity to those already picked counts against it. */
const REDUNDANCY = 0.7;

/** A score per unit, higher is more worth including. */
export function scoreUnits(units: Unit[], options: ScoreOptions): number[] {
  const n = units.length;
  if (n === 0) return [];
  const tf = new Map<string, number>();
  const sf = new Map<string, number>();
  for (const u of units) {
    for (const t of u.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of new Set(u.terms)) sf.set(t, (sf.get(t) ?? 0) + 1);
  }
  const weight = (t: string) => (tf.get(t) ?? 0) * Math.log(1 + n / (sf.get(t) ?? 1));
  const centroid = new Map(
    [...tf.keys()]
      .map((t) => [t, weight(t)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CENTROID_TERMS),
  );
  const top = Math.max(...centroid.values(), 1e-9);
  const title = new Set(options.titleTerms);

  const centrality = units.map((u) => {
    let sum = 0;
    for (const t of new Set(u.terms)) sum += (centroid.get(t) ?? 0) / top;
    return sum / Math.sqrt(Math.max(8, u.terms.length));
  });
  const best = Math.max(...centrality, 1e-9);
  return units.map((u, i) => {
    const position = options.transcript ? 0.15 * (1 - i / n) : 1 / (1 + (4 * i) / Math.max(n, 4));
    const lead = u.leads && !options.transcript ? 0.15 : 0;
    const inTitle = title.size === 0
      ? 0
      : u.terms.filter((t, j) => title.has(t) && u.terms.indexOf(t) === j).length / title.size;
    let score = (centrality[i] / best) * (1 + 0.5 * position + lead) + 0.25 * inTitle;
    if (u.words < 6) score *= 0.3;
    else if (u.words > 60) score *= 0.6;
    return score;
  });
}

/** Picks up to `count` units by maximal marginal relevance; indices in text order. */
export function pickUnits(
  units: Unit[],
  scores: number[],
  count: number,
  exclude: ReadonlySet<number> = new Set(),
): number[] {
  const sets = units.map(termSet);
  const picked: number[] = [];
  // A sentence the text repeats (a chorus, a refrain) is a candidate once.
  const seen = new Set<string>();
  const candidates = units.map((_, i) => i).filter((i) => {
    if (exclude.has(i) || sets[i].size === 0) return false;
    const key = sameText(units[i]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Each candidate's greatest similarity to the picks so far, brought up to date after each
  // pick: one comparison per candidate and pick, not one per candidate, pick and round.
  const overlap = new Map(candidates.map((i) => [i, 0]));
  while (picked.length < count && candidates.length > 0) {
    let bestAt = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k];
      const o = overlap.get(i)!;
      const value = scores[i] - REDUNDANCY * o * scores[i] - 0.3 * o;
      if (value > bestValue) {
        bestValue = value;
        bestAt = k;
      }
    }
    const pick = candidates[bestAt];
    picked.push(pick);
    candidates.splice(bestAt, 1);
    for (const i of candidates) {
      const s = similarity(sets[i], sets[pick]);
      if (s > overlap.get(i)!) overlap.set(i, s);
    }
  }
  return picked.sort((a, b) => a - b);
}

/** A unit's terms as a set and its text as {@link sameText} compares it, made once per unit: the
 * summary and key points are picked several times over the same units. */
const compared = new WeakMap<Unit, { terms: Set<string>; text: string }>();

function comparedOf(unit: Unit): { terms: Set<string>; text: string } {
  let found = compared.get(unit);
  if (found === undefined) {
    found = {
      terms: new Set(unit.terms),
      text: unit.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim(),
    };
    compared.set(unit, found);
  }
  return found;
}

function termSet(unit: Unit): Set<string> {
  return comparedOf(unit).terms;
}

/** Two sentences say the same when they match ignoring case, spacing and punctuation. */
function sameText(unit: Unit): string {
  return comparedOf(unit).text;
}

/** Cosine similarity of two term sets. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * Sentences in a summary: about three for a page, growing with the square root of length up to
 * ten, which a reader takes in at a glance. The Git User Manual had 25 (650 words); on the
 * gold-debian set ten cost nothing (ROUGE-2 0.096 and 0.085 either way).
 */
export function summaryLength(words: number): number {
  return Math.min(10, Math.max(1, Math.round(3 * Math.sqrt(words / 500))));
}

/** Key points: one per 250 words, 3 to 10. */
export function keyPointCount(words: number): number {
  return Math.min(10, Math.max(3, Math.round(words / 250)));
}

/**
 * One key point per stretch of the text, so they follow it from start to end: the text cut into
 * `count` runs of sentences, and the best sentence of each not already in the summary. Where a
 * stretch has nothing else, a summary sentence only when `repeat` allows: a transcript's key
 * points lead to their times, a written text's would say the summary again (a note of three
 * sentences listed its summary's one among its key points).
 */
export function pickKeyPoints(
  units: Unit[],
  scores: number[],
  count: number,
  summary: ReadonlySet<number>,
  /** Units that must not be picked (they cannot stand alone). */
  unfit: ReadonlySet<number> = new Set(),
  repeat = true,
): number[] {
  const usable = units.map((_, i) => i).filter((i) => units[i].terms.length > 0 && !unfit.has(i));
  const k = Math.min(count, usable.length);
  const picked: number[] = [];
  const said = new Set([...summary].map((i) => sameText(units[i])));
  for (let w = 0; w < k; w++) {
    const run = usable.slice(
      Math.floor((w * usable.length) / k),
      Math.floor(((w + 1) * usable.length) / k),
    );
    // Not what the summary or another key point already says; failing that, anything new.
    const taken = new Set(picked.map((i) => sameText(units[i])));
    const fresh = run.filter((i) =>
      !said.has(sameText(units[i])) && !taken.has(sameText(units[i]))
    );
    // One key point per idea: not one that mostly repeats the words of another or of the summary.
    const sets = (i: number) => termSet(units[i]);
    const others = [...picked, ...summary].map(sets);
    const distinct = fresh.filter((i) => others.every((o) => similarity(sets(i), o) < SAME_IDEA));
    const pool = distinct.length > 0
      ? distinct
      : fresh.length > 0
      ? fresh
      : run.filter((i) =>
        !taken.has(sameText(units[i])) && (repeat || !said.has(sameText(units[i])))
      );
    if (pool.length === 0) continue;
    let best = pool[0];
    for (const i of pool) if (scores[i] > scores[best]) best = i;
    picked.push(best);
  }
  return picked;
}

/** Groups summary sentences (in text order) into paragraphs of at most four. */
export function paragraphs(texts: string[]): string[] {
  const out: string[] = [];
  const per = texts.length <= 5 ? 5 : 4;
  for (let i = 0; i < texts.length; i += per) out.push(texts.slice(i, i + per).join(" "));
  return out;
}
