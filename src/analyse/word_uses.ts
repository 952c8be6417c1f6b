/**
 * @module
 * How often a text writes a word or a name as a whole word, counted with `indexOf`: with a
 * regular expression with look-arounds over the whole text, once per name, the analysis of forty
 * addresses took 11,184 of V8's profiler ticks, 9,376 without.
 */

/** A letter, a digit or "_": what may not touch a word on either side. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function wordCharAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  // At the second half of a surrogate pair the whole character is tested.
  const unit = text.charCodeAt(at);
  const start = unit >= 0xdc00 && unit <= 0xdfff && at > 0 ? at - 1 : at;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/**
 * How many times `text` holds `word` (exactly as written) with no letter, digit or "_" just
 * before or after it.
 */
export function wordUses(text: string, word: string): number {
  if (word === "") return 0;
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    if (!wordCharAt(text, at - 1) && !wordCharAt(text, at + word.length)) count++;
  }
  return count;
}

/**
 * How many times `text` holds a name of two words or more whose first word is `first` in any
 * case and whose `rest` (from the space after it) is exactly as written, as whole words:
 * "Active development" and "active development", not "Active Development".
 */
export function namedUses(text: string, first: string, rest: string): number {
  let count = 0;
  const lower = first.toLowerCase();
  for (let at = text.indexOf(rest); at >= 0; at = text.indexOf(rest, at + 1)) {
    const start = at - first.length;
    if (
      start >= 0 && text.slice(start, at).toLowerCase() === lower &&
      !wordCharAt(text, start - 1) && !wordCharAt(text, at + rest.length)
    ) count++;
  }
  return count;
}

/**
 * How many times `text` writes `word` as a thing's name: after "the" and before a word in small
 * letters ("the Darwin linker"), or before a number ("Ada 2022"). Counted with `indexOf` as
 * {@link wordUses} is: in V8's profile of forty addresses, compiling the two regular expressions
 * per name this took before was 116 of 9,142 ticks, and running each over the whole text more.
 */
export function thingUses(text: string, word: string): number {
  if (word === "") return 0;
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const end = at + word.length;
    if (wordCharAt(text, at - 1) || wordCharAt(text, end) || text[end] !== " ") continue;
    const next = text.charAt(end + 1);
    if (/\d/u.test(next)) count++;
    else if (
      /\p{Ll}/u.test(next) && /^[Tt]he $/u.test(text.slice(at - 4, at)) &&
      !wordCharAt(text, at - 5)
    ) count++;
  }
  return count;
}
