/**
 * @module
 * The function words of a text written in a language other than English ("de", "los", "la" of
 * a Spanish manual), which the English lists do not hold: no term starts or ends with one. The
 * language is franc's guess from trigrams, taken where few of the text's words are English
 * function words, or where its own function words outnumber English's: code and tables in an
 * English manual make franc guess wrong, prose does not, and a manual translated into Portuguese
 * keeps many English words ("a", "as", "do" are both languages').
 */
import { franc } from "franc-min";
import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
// @ts-types="./stopword.d.ts"
import lists from "stopword";
import isoLists from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { STOPWORDS, words } from "./terms.ts";

/** Characters franc reads: a page of text tells a language as well as a book does. */
const SAMPLE = 4000;
/** Share of English function words below which a text is not English (English prose has 40%,
 * the sparsest English reference page of the reading vaults 9%, a Spanish manual 1%). */
const ENGLISH_SHARE = 0.05;
/** Above that share, the text is another language's where its own function words (those that
 * are no English ones) are this many and this many times English's: a Portuguese page of the
 * Apache manual has 172 against 2, the most an English page of 1,109 Debian installs has 10
 * against 9 (franc guessing French for Rust's source). */
const FOREIGN_WORDS = 20;
const OUTNUMBER = 2;
/** Share of English function words from which a text is English without asking franc: the
 * translations read have at most 28% (an Indonesian page half in English), and none of those
 * over 20% is another language's by {@link OUTNUMBER}; English prose has 40%. franc costs a
 * few milliseconds a text. */
const SURELY_ENGLISH = 0.2;

/** The text's function words when it is written in another language that has a list of them. */
export function foreignStopwords(text: string): ReadonlySet<string> | undefined {
  const sample = text.slice(0, SAMPLE);
  const tokens = words(sample);
  if (tokens.length === 0) return undefined;
  const english = tokens.filter((w) => STOPWORDS.has(w)).length;
  if (english >= SURELY_ENGLISH * tokens.length) return undefined;
  const language = franc(sample);
  const theirs = functionWords(language);
  if (theirs.size === 0) return undefined;
  if (english < ENGLISH_SHARE * tokens.length) return theirs;
  if (language === "eng") return undefined;
  // Counted only where the lists differ: "de", "a" are function words of both.
  const onlyTheirs = tokens.filter((w) => theirs.has(w) && !STOPWORDS.has(w)).length;
  const onlyEnglish = tokens.filter((w) => STOPWORDS.has(w) && !theirs.has(w)).length;
  return onlyTheirs >= FOREIGN_WORDS && onlyTheirs > OUTNUMBER * onlyEnglish ? theirs : undefined;
}

/**
 * A language's function words by its ISO 639-3 code, as franc names it: stopword's list and
 * stopwords-iso's together. stopword's Portuguese has 106 words and lacks "ser", "são" and "pode",
 * which made "pode ser" ("can be") a tag of the Apache manual's Portuguese pages; stopwords-iso's
 * has 560.
 */
function functionWords(language: string): ReadonlySet<string> {
  let known = FUNCTION_WORDS.get(language);
  if (known === undefined) FUNCTION_WORDS.set(language, known = listedFunctionWords(language));
  return known;
}

/** Each language's function words, built once. */
const FUNCTION_WORDS = new Map<string, ReadonlySet<string>>();

function listedFunctionWords(language: string): ReadonlySet<string> {
  const own = lists[language];
  // stopwords-iso's English list holds words of content too ("information", "system").
  const code = language === "eng" ? undefined : (iso6393To1 as Record<string, string>)[language];
  const iso = code === undefined ? undefined : (isoLists as Record<string, string[]>)[code];
  return new Set([...(Array.isArray(own) ? own as string[] : []), ...(iso ?? [])]);
}
