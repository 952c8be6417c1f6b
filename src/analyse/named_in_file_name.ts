/**
 * @module
 * People named in a file name, which a file name writes in lower case ("interview-john-smith",
 * "1953_dwight_d_eisenhower_r"): a title made from it writes them as a reader would, "1953
 * Dwight D. Eisenhower".
 */
import { englishRank, GENERIC_RANK } from "./commonness.ts";
import { isFirstName, lexiconTag } from "./language.ts";

/**
 * `title` with the people it names written as names, and those people: a run of two or more
 * words that holds a name compromise knows (a first name or a surname) and is otherwise made of
 * words too rare to be everyday ones, with single-letter initials inside ("Dwight D. Eisenhower",
 * "John Smith", "Barack Obama"). The word after a first name and an initial is the surname,
 * however common ("George W. Bush"), and so is the word after a first name that follows a number
 * ("1991 George Bush"). A lone name is left as it is: "mark", "bill" and "rose" are words too.
 * Letters that end the title after a person's name are an archive's label, no part of the
 * title: the party of "1823_james_monroe_dr" and "2016_barack_obama_d". Between a year and
 * such a label, rare words are a name though compromise knows none ("1850 millard fillmore w").
 */
export function namedInTitle(title: string): { title: string; people: string[] } {
  const tokens = title.split(/(\s+)/u); // words at even places, spaces between
  const words = tokens.filter((_, i) => i % 2 === 0);
  const capital = new Set<number>();
  const runs: [number, number][] = [];
  for (let i = 0; i < words.length;) {
    if (!isFirstName(words[i].toLowerCase()) && !nameWord(words[i])) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < words.length) {
      const word = words[end];
      const initial = isInitial(word);
      if (initial && end + 1 < words.length && isWord(words[end + 1])) end++;
      else if (!initial && nameWord(word)) end++;
      else if (
        !initial && isWord(word) && isInitial(words[end - 1]) && isFirstName(words[i].toLowerCase())
      ) {
        end++;
        break;
      } else break;
    }
    // "1991 george bush": a first name after a number, as archives name files by year and
    // person, and the word after it are a name, however common the word ("bush").
    if (
      end === i + 1 && i > 0 && /^\d+$/u.test(words[i - 1]) &&
      isFirstName(words[i].toLowerCase()) &&
      end < words.length && isWord(words[end])
    ) end++;
    const run = words.slice(i, end);
    if (run.length >= 2 && (run.some(known) || archived(words, i, end))) {
      for (let k = i; k < end; k++) capital.add(k);
      runs.push([i, end]);
      // "Jr" and "III" are the person's; "D", "dr" after the surname are not.
      if (end < words.length && words.slice(end).every((w) => LABEL.test(w) && !SUFFIX.test(w))) {
        tokens.length = 2 * end - 1;
        break;
      }
    }
    i = end;
  }
  const written = tokens.map((token, i) => i % 2 === 1 ? token : writtenAs(token, i / 2, capital));
  const people = runs.map(([from, to]) => written.slice(2 * from, 2 * to - 1).join(""));
  return { title: written.join(""), people };
}

/**
 * Whether words `from` to `to` are a person's name as an archive writes one, year first and label
 * last, though compromise knows neither word: "1850_millard_fillmore_w".
 */
function archived(words: string[], from: number, to: number): boolean {
  return from > 0 && /^\d{4}$/u.test(words[from - 1]) && to - from <= 3 &&
    to === words.length - 1 && LABEL.test(words[to]) && !SUFFIX.test(words[to]);
}

/** A label of one or two letters: a party, a take, a copy ("r", "dr", "b"). */
const LABEL = /^\p{L}{1,2}$/u;
/** What follows a person's name as part of it. */
const SUFFIX = /^(?:jr|sr|ii|iv|vi)$/iu;

/** The word at place `at` capitalised if a name's, an initial with a full stop ("D."). */
function writtenAs(word: string, at: number, capital: Set<number>): string {
  if (!capital.has(at)) return word;
  return word.charAt(0).toUpperCase() + word.slice(1) + (isInitial(word) ? "." : "");
}

function isWord(word: string): boolean {
  return /^\p{Ll}{2,}$/u.test(word);
}

function isInitial(word: string): boolean {
  return /^\p{Ll}$/u.test(word) && word !== "a";
}

/** A first name or surname compromise knows. */
function known(word: string): boolean {
  const lower = word.toLowerCase();
  return isFirstName(lower) || /LastName|Person/u.test(lexiconTag(lower));
}

/** A lower-case word that can be part of a person's name: one compromise knows, or a rare one. */
function nameWord(word: string): boolean {
  return isWord(word) && (known(word) || englishRank(word) > GENERIC_RANK);
}
