/**
 * @module
 * The function words of a text written in a language other than English ("de", "los", "la" of
 * a Spanish manual), which the English lists do not hold: no term starts or ends with one. The
 * language is franc's guess from trigrams, taken only where few of the text's words are English
 * function words: code and tables in an English manual make franc guess wrong, prose does not.
 */
import { franc } from "franc-min";
// @ts-types="./stopword.d.ts"
import lists from "stopword";
import { STOPWORDS, words } from "./terms.ts";

/** Characters franc reads: a page of text tells a language as well as a book does. */
const SAMPLE = 4000;
/** Share of English function words below which a text is not English (English prose has 40%,
 * the sparsest English reference page of the reading vaults 9%, a Spanish manual 1%). */
const ENGLISH_SHARE = 0.05;

/** The text's function words when it is written in another language that has a list of them. */
export function foreignStopwords(text: string): ReadonlySet<string> | undefined {
  const sample = text.slice(0, SAMPLE);
  const tokens = words(sample);
  const english = tokens.filter((w) => STOPWORDS.has(w)).length;
  if (tokens.length === 0 || english >= ENGLISH_SHARE * tokens.length) return undefined;
  const list = lists[franc(sample)];
  return Array.isArray(list) ? new Set(list as string[]) : undefined;
}
