/**
 * @module
 * Words as the analysis compares them: ICU word segmentation (`Intl.Segmenter`), lower case,
 * English stopwords (the `stopword` package's list plus the fillers of speech) removed, and
 * Porter stems (`stemmer`), so "networks" and "network" count as one term.
 */
import { stemmer } from "stemmer";
// @ts-types="./stopword.d.ts"
import { eng } from "stopword";

/** Fillers of spoken English and words too vague to say what a text is about. */
const EXTRA_STOPWORDS = [
  "um",
  "uh",
  "erm",
  "hmm",
  "mm",
  "yeah",
  "okay",
  "ok",
  "gonna",
  "wanna",
  "gotta",
  "kinda",
  "sorta",
  "yes",
  "oh",
  "ah",
  "right",
  "really",
  "actually",
  "basically",
  "literally",
  "just",
  "like",
  "thing",
  "things",
  "lot",
  "lots",
  "way",
  "ways",
  "something",
  "anything",
  "everything",
  "nothing",
  "someone",
  "everyone",
  "also",
  "well",
  "even",
  "still",
  "much",
  "many",
  "us",
  "can",
  "could",
  "would",
  "should",
  "will",
  "may",
  "might",
  "must",
  "one",
  "two",
  "get",
  "got",
  "say",
  "said",
  "says",
  "go",
  "goes",
  "going",
  "went",
  "know",
  "think",
  "mean",
  "make",
  "made",
  "see",
  "come",
  "take",
  "want",
  "let",
  "put",
  "kind",
  "sort",
  "bit",
  "let's",
  "i'm",
  "it's",
  "that's",
  "there's",
  "don't",
  "didn't",
  "you're",
  "we're",
  "they're",
  "i've",
  "we've",
  "can't",
  "won't",
];

export const STOPWORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA_STOPWORDS]);

const wordSegmenter = new Intl.Segmenter("en", { granularity: "word" });
const LETTER = /\p{L}/u;

/**
 * The words of ASCII text as the segmenter finds them (ICU's Unicode word rules for English):
 * runs of letters, digits and underscores, joined by an apostrophe between letters ("don't") and
 * by `.`, `,`, `;` or `'` between digits ("3.14", "1,000"); a lone underscore is no word. The
 * segmenter took a tenth of the analysis; this gives the same tokens (checked on 1.8 million
 * words of addresses and a million random strings, and by terms_test.ts) in a fraction of it.
 */
const ASCII_WORD =
  /[A-Za-z0-9_]+(?:(?:(?<=[A-Za-z])'(?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9_]+)*/g;
// deno-lint-ignore no-control-regex -- all of ASCII, control characters too
const ASCII = /^[\x00-\x7f]*$/;

/** The word tokens of a text, lower-cased, in order (punctuation and spaces dropped). */
export function words(text: string): string[] {
  const out: string[] = [];
  if (ASCII.test(text)) {
    for (const w of text.match(ASCII_WORD) ?? []) if (w !== "_") out.push(w.toLowerCase());
    return out;
  }
  for (const s of wordSegmenter.segment(text)) {
    if (s.isWordLike) out.push(s.segment.toLowerCase().replace(/’/g, "'"));
  }
  return out;
}

/** Whether a lower-cased word carries meaning: has a letter and is no stopword. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && LETTER.test(word) && !STOPWORDS.has(word);
}

const stems = new Map<string, string>();

/** The Porter stem of a lower-cased word, cached: the same words recur all through a text. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word.replace(/'s$/, ""));
    if (stems.size > 200_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** The stems of a text's content words, in order; `tokens` are its words when known. */
export function terms(text: string, tokens = words(text)): string[] {
  const out: string[] = [];
  for (const w of tokens) if (isContentWord(w)) out.push(stem(w));
  return out;
}
