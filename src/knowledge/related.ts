/**
 * @module
 * Related notes: from the similarity graph, each note's closest others that stand out from what
 * that note shares with the vault by chance. The cut-off adapts to the vault and to the note: a
 * neighbour counts when it is well above the note's mean similarity to all others (in standard
 * deviations), not far below the note's best match, and above a small floor. A fixed cosine
 * threshold was either too strict for transcripts of one course or too loose for a mixed folder.
 *
 * Stability: when some notes change, a note that did not change keeps the list it has unless a
 * changed, new or removed note enters or leaves it. Global weights (how rare a stem is in the
 * vault) move a little with every note added, and would otherwise reorder lists all through the
 * vault: each such rewrite is a sync conflict for a vault kept in Dropbox, iCloud or git.
 */
import type { SimilarityGraph } from "./similarity.ts";

export interface RelatedOptions {
  /** Most related notes per note. */
  limit: number;
  /** Least similarity that counts unless the match stands out (`standsOut`). */
  floor: number;
  /** Least share of the note's best match. */
  ofBest: number;
  /** Least standard deviations above the note's mean similarity to all the others. */
  aboveMean: number;
  /** Deviations above the mean at which a match counts below `floor`, down to `lowFloor`. */
  standsOut: number;
  /** Least similarity that counts in any vault. */
  lowFloor: number;
}

/**
 * Chosen on the mixed vault of Debian documentation that bench_maps.ts builds (52 notes from 8
 * documentation sets), counting a link right when both notes come from one set: at 3 deviations
 * above chance and half the best match, 84% of 178 links were right and every note had some,
 * where the top-64 cosine above 0.2 had 83% of 131 and left 3 notes with none. Chance is measured
 * without a note's closest few (see similarityGraph), or two close notes in a small vault would
 * raise the spread above their own distance. The floor was 0.1 until a note's length counted the
 * stems it alone has, which lowered every similarity; at 0.04, 84% of 144 links are right and one
 * note has none, and six unrelated talks (tides, sewers, theremins...) link to none of the others.
 * Readers of a vault of 35 mixed documents found links at 0.05 to 0.07 random (the Cgraph tutorial
 * to SQLite's virtual tables); on the maps bench 0.06 makes 90% of 148 links right and leaves 3 of
 * 52 notes with none, 0.08 93% of 110 and 8 with none, 0.04 85% of 176 and none.
 *
 * The floor gives way, down to `lowFloor`, to a match `standsOut` deviations above the note's
 * chance: in a vault of 21 mixed Debian documents the four Git howtos (0.04 to 0.05 to each other,
 * 0.006 to 0.011 by chance) and the compression notes had no related notes at all. With it those
 * link up, and so do the Debian base READMEs and Cscope's README and AUTHORS in a vault of 32;
 * at 0.03 a credits file also took a README it shares only names with. On the maps bench 129 of
 * 142 links were right, 132 of 146 with it.
 */
export const RELATED_DEFAULTS: RelatedOptions = {
  limit: 5,
  floor: 0.06,
  ofBest: 0.5,
  aboveMean: 3,
  standsOut: 6,
  lowFloor: 0.04,
};

/**
 * For every note (by key), the keys of its related notes, most similar first. A note its text
 * links to, or that links to it (`linked`), is related whenever the two share anything: the
 * author said so (the Git User Manual names git-rebase(1), which the cut-off left out).
 */
export function relatedNotes(
  graph: SimilarityGraph,
  options: RelatedOptions = RELATED_DEFAULTS,
  linked: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  graph.keys.forEach((key, i) => {
    const list = graph.neighbours[i];
    const cut = relatedCut(graph, i, options);
    const links = linked.get(key);
    out.set(
      key,
      list.filter((nb) => nb.score >= cut || links?.has(graph.keys[nb.index]))
        .slice(0, options.limit).map((nb) => graph.keys[nb.index]),
    );
  });
  return out;
}

/**
 * The least similarity a related note of note `i` has: above the floor (lower for a match that
 * stands far out from the note's chance), not far below the best match, and above chance for
 * this note unless it is nearly as close as the best match (in a vault of one subject every note
 * is close to every other, and the spread is small).
 */
export function relatedCut(
  graph: SimilarityGraph,
  i: number,
  options: RelatedOptions = RELATED_DEFAULTS,
): number {
  const best = graph.neighbours[i][0]?.score ?? 0;
  const floor = Math.min(
    options.floor,
    Math.max(options.lowFloor, graph.mean[i] + options.standsOut * graph.sd[i]),
  );
  return Math.max(
    floor,
    options.ofBest * best,
    Math.min(graph.mean[i] + options.aboveMean * graph.sd[i], NEAR_BEST * best),
  );
}

/** A match this close to the best is never below chance. */
const NEAR_BEST = 0.85;

/**
 * The lists to write, given the lists computed now (`fresh`), the lists the notes have
 * (`previous`, by key; absent for a new note) and the notes whose content changed since those
 * were computed. A note keeps its previous list unless it changed itself, or a changed note or
 * one that is gone enters or leaves its list; then it takes the fresh one.
 */
export function stableRelated(
  fresh: Map<string, string[]>,
  previous: Map<string, string[]>,
  changed: Set<string>,
): Map<string, string[]> {
  const moved = (key: string) => changed.has(key) || !fresh.has(key);
  const out = new Map<string, string[]>();
  for (const [key, list] of fresh) {
    const old = previous.get(key);
    if (old === undefined || changed.has(key)) {
      out.set(key, list);
      continue;
    }
    const before = old.filter(moved).sort();
    const now = list.filter(moved).sort();
    const same = before.length === now.length && before.every((k, i) => k === now[i]);
    out.set(key, same ? old : list);
  }
  return out;
}
