/**
 * @module
 * What makes a sentence fit to stand alone in a summary or a key point. Spoken openers ("So",
 * "And", "I mean") are recognised here, so that the summary can trim or avoid them and the
 * bench can count them.
 */

/** Openers of speech that carry no meaning at the start of a sentence. */
const FILLER =
  /^(?:so|and|but|or|well|okay|ok|um+|uh+|erm|yeah|now|then|like|anyway|right|i mean|you know|you see|of course|i guess|i think)\b[,\s]/iu;

/** Whether the sentence opens with spoken filler ("So", "And", "But", "I mean", "you know"). */
export function opensWithFiller(sentence: string): boolean {
  return FILLER.test(sentence.trimStart().replace(/^["'“‘(]+/u, ""));
}
