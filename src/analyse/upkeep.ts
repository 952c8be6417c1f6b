/**
 * @module
 * Phrases about how a project is run and licensed, not what it is about: its mailing list, bug
 * tracker and home page, its licence and the licence's holder. Most READMEs name them, so as a
 * tag or a map's name they tell nothing apart: the READMEs of Git, Wget and MPFR and Python's
 * general FAQ, four notes on four subjects, were a map "Mailing list", then "Free Software
 * Foundation", and "mailing-list" was the first tag of two of them.
 */
/** The project's own notes on itself: "zlib-faq" tagged zlib's FAQ. */
const OWN_NOTES = "faqs?|(?:frequently )?asked questions|read ?me";

const UPKEEP = new RegExp(
  "^(?:(?:e-?)?mail(?:ing)? lists?|bug (?:reports?|trackers?)|issue trackers?|" +
    "home ?pages?|web ?(?:sites?|pages?)|free software foundation|covered works?|" +
    // Who stewards the code, where it is kept and how it ships: the READMEs of findutils, gzip
    // and GTK were a map "GNU Project", FreeType's, groff's and jq's a map "Git repository", and
    // "e-mail" was a tag of three READMEs in thirty.
    "gnu project|e ?mail(?: address(?:es)?)?|git (?:repositor(?:y|ies)|tree)|" +
    "(?:source |release |snapshot )?tarballs?|" +
    `(?:gnu )?(?:(?:lesser|library) )?general public licen[cs]es?|${OWN_NOTES})$`,
  "iu",
);

/** Whether a phrase, as a whole, is about a project's upkeep ("mailing list", "home page"). */
export function isUpkeep(phrase: string): boolean {
  return UPKEEP.test(phrase.replace(/[\s-]+/gu, " ").trim());
}

const OWN_NOTES_IN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${OWN_NOTES})(?![\\p{L}\\p{N}])`, "giu");

/** `text` with each name of a project's notes on itself ("FAQ", "Frequently Asked Questions")
 * replaced by `by`. */
export function withoutOwnNotes(text: string, by: string): string {
  return text.replace(OWN_NOTES_IN, by);
}
