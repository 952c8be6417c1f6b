/**
 * @module
 * Keyphrases and the Obsidian tags made from them. Candidates are the noun phrases the language
 * pass found; a phrase scores by how often it and its words occur, how early it first appears
 * and whether the title uses it. Names of people are left to the People list.
 */
import { englishRank, GENERIC_RANK, specificity } from "./commonness.ts";
import { lexiconTag, type Phrase } from "./language.ts";
import { isContentWord, stem } from "./terms.ts";

export interface Keyphrase {
  /** As shown: lower case, single spaces. */
  text: string;
  /** Stems joined by spaces: the identity of the phrase. */
  key: string;
}

const MAX_WORDS = 3;
/** Keyphrases of one word among a note's: terms of a field are mostly two or three words. */
const MAX_SINGLE = 3;
/** How much a term of two or three words is preferred to one word: terms of a field are
 * (measured on the gold-debian tune part: 2 gave F1@10 0.150, 4 with at most three single words
 * 0.164; two single words scored the same and left a note too few topic words to share). */
const MULTI_WORD = 4;

/**
 * The best `limit` keyphrases of a text.
 * @param phrases noun phrases in text order
 * @param termCounts how often each stem occurs in the whole text
 * @param textLength length of the text, for the position of first use
 */
export function rankKeyphrases(
  phrases: Phrase[],
  termCounts: ReadonlyMap<string, number>,
  titleTerms: string[],
  textLength: number,
  limit: number,
  /** Lower-cased words of the people named: "lovelace" alone is a name, not a topic. */
  nameWords: ReadonlySet<string> = new Set(),
): Keyphrase[] {
  const found = new Map<string, { text: Map<string, number>; count: number; first: number }>();
  const count = (words: string[]) => words.map(stem).join(" ");
  const adjectival = new Map<string, number>();
  for (const p of phrases) {
    if (p.adjective) adjectival.set(count(p.words), (adjectival.get(count(p.words)) ?? 0) + 1);
  }
  for (const phrase of phrases) {
    if (phrase.person) continue;
    let raw = phrase.words.map((w) => w.replace(/['’]s$/u, ""));
    // An adjective makes a keyphrase only when the text repeats the pair ("varroa mites" yes,
    // "strong colony" once: just "colony").
    if (phrase.adjective && raw.length > 1 && (adjectival.get(count(phrase.words)) ?? 0) < 2) {
      raw = raw.slice(1);
    }
    const words = trimToContent(raw);
    if (words.length === 0 || words.length > MAX_WORDS) continue;
    if (words.every((w) => nameWords.has(w))) continue;
    if (!words.every((w) => /^\p{L}[\p{L}\p{N}-]*$/u.test(w))) continue;
    // Two letters are a word of the field only in capitals ("IP", "OS"); "gt" and "fa" in lower
    // case are the remains of markup or of a word a PDF split.
    const bare = (w: string) =>
      w.length <= 2 && /^\p{L}+$/u.test(w) && isContentWord(w) &&
      !new RegExp(`\\b${w.toUpperCase()}\\b`, "u").test(phrase.text);
    if (words.some(bare)) continue;
    const key = words.map(stem).join(" ");
    const text = words.join(" ");
    const entry = found.get(key) ?? { text: new Map(), count: 0, first: phrase.start };
    entry.count++;
    entry.text.set(text, (entry.text.get(text) ?? 0) + 1);
    found.set(key, entry);
  }
  const title = new Set(titleTerms);
  const scored = [...found].flatMap(([key, e]) => {
    const stems = key.split(" ");
    const text = mostUsed(e.text);
    const shown = text.split(" ");
    // Three words said once are more often a clause the tagger misread ("volcanoes show
    // unrest", "magma forces rock") than a term of the field.
    if (shown.length === 3 && shown.every(isContentWord) && e.count < 2) {
      if (!stems.some((s) => title.has(s))) return [];
    }
    // A generic word alone ("file", "value", "changes") tells nothing about the text, unless
    // its title names it ("honey" in "Keeping honey bees through winter").
    if (shown.length === 1 && englishRank(shown[0]) < GENERIC_RANK && !title.has(stems[0])) {
      return [];
    }
    // A verb alone ("use", "reverting", "sorts") is an action the text mentions, not a topic.
    if (shown.length === 1 && VERB.test(lexiconTag(shown[0])) && !title.has(stems[0])) return [];
    const specific = shown.map(specificity);
    // Words of the title are what the author says the text is about, everyday or not.
    const distinct = stems.every((s) => title.has(s))
      ? 1
      : 0.5 * Math.max(...specific) + 0.5 * specific.reduce((sum, x) => sum + x, 0) /
          specific.length;
    const wordWeight = stems.reduce((sum, s) => sum + Math.log(1 + (termCounts.get(s) ?? 0)), 0) /
      stems.length;
    const early = 1 - Math.min(1, e.first / Math.max(1, textLength));
    const inTitle = stems.some((s) => title.has(s)) ? 1 : 0;
    const multi = stems.length > 1 ? MULTI_WORD : 1;
    const score = Math.log(1 + e.count) * wordWeight * multi * distinct *
      (1 + 0.5 * early + 0.5 * inTitle);
    return [{ key, text, score }];
  });
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  const out: Keyphrase[] = [];
  let singles = 0;
  for (const s of scored) {
    if (out.length >= limit) break;
    if (out.some((k) => k.key === s.key)) continue;
    if (!s.key.includes(" ") && ++singles > MAX_SINGLE) continue;
    out.push({ text: s.text, key: s.key });
  }
  return out;
}

const VERB = /^(?:Infinitive|PresentTense|PastTense|Gerund|Participle|Verb)$/u;

/** Words that point at something else: "its annotations" is the topic "annotations". */
const DETERMINERS = new Set(["its", "their", "his", "her", "our", "your", "my", "whose", "own"]);
/** Adjectives that say nothing of the topic: "new iterator" and "different understanding" are the
 * topics "iterator" and "understanding". */
const VAGUE = new Set(
  ("new old different same similar various several certain particular specific whole important " +
    "good bad little previous following given usual typical possible actual entire")
    .split(" "),
);

/** Drops leading and trailing words that carry no meaning ("the", "very", "other"). */
function trimToContent(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (
    start < end &&
    (!isContentWord(words[start]) || DETERMINERS.has(words[start]) || VAGUE.has(words[start]))
  ) start++;
  while (end > start && !isContentWord(words[end - 1])) end--;
  return words.slice(start, end);
}

function mostUsed(texts: Map<string, number>): string {
  return [...texts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/**
 * A keyphrase as an Obsidian tag: letters, digits, `_`, `-` and `/` only, words joined by `-`,
 * never purely numeric. Undefined when nothing usable is left.
 */
export function toTag(phrase: string): string | undefined {
  const tag = phrase
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_]+/gu, "-")
    .replace(/[^\p{L}\p{M}\p{N}-]/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  // Cut by code points, so a character outside the BMP is never split in half.
  const cut = Array.from(tag).slice(0, 60).join("").replace(/-+$/g, "");
  if (cut === "" || !/\p{L}/u.test(cut)) return undefined;
  return cut;
}

/**
 * Tags for a note's keyphrases, nested where the text makes it natural: a phrase whose last
 * word is itself one of the keyphrases goes under it ("engine/analytical-engine").
 */
export function tagsFor(keyphrases: Keyphrase[]): string[] {
  const singles = new Map(
    keyphrases.filter((k) => !k.key.includes(" ")).map((k) => [k.key, toTag(k.text)]),
  );
  const tags: string[] = [];
  for (const k of keyphrases) {
    const tag = toTag(k.text);
    if (!tag) continue;
    const head = k.key.split(" ").at(-1)!;
    const parent = k.key.includes(" ") ? singles.get(head) : undefined;
    const full = parent ? `${parent}/${tag}` : tag;
    if (!tags.includes(full)) tags.push(full);
  }
  return tags;
}
