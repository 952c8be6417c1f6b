/**
 * @module
 * What makes a sentence fit to stand alone in a summary or a key point. Table rows, code, figure
 * captions, mail headers, navigation and licence lines, headings, fragments ending in ":" and
 * sentences that lean on their neighbours ("the previous paragraph", "see above") never qualify;
 * spoken openers ("So", "And", "I mean") are trimmed from the sentences that are kept.
 */

import { englishRank, GENERIC_RANK } from "./commonness.ts";
import { isGivenName } from "./given_names.ts";
import { STOPWORDS } from "./terms.ts";

/**
 * Openers of speech that carry no meaning at the start of a sentence. "So long as", "so many",
 * "so far" and "like many other nations" (a comparison) are kept: there they carry the sentence.
 */
const FILLER =
  /^(?:so(?! (?:long|far|much|many|few|little)\b)|and|but|or|well|okay|ok|um+|uh+|erm|yeah|now|then|like(?=,)|anyway|right|i mean|you know|you see|of course|i guess|i think)\b[,\s]/iu;

/** A writer's aside to the reader before the sentence's point: "As you can see, the finally
 * clause is executed in any event." */
const ASIDE =
  /^(?:as (?:you can see|you may have guessed|we (?:have|'ve) seen|(?:noted|mentioned) (?:above|before|earlier)|we (?:meet|gather)(?: here)?(?: tonight| this evening)?)|needless to say),\s*/iu;

/** Whether the sentence opens with spoken filler ("So", "And", "But", "I mean", "you know"). */
export function opensWithFiller(sentence: string): boolean {
  return FILLER.test(sentence.trimStart().replace(/^["'“‘(]+/u, ""));
}

/**
 * A speech's opening address before a colon: "Mr. Speaker, Mr. Vice President, Members of the
 * Congress, my fellow Americans:", "Ladies and gentlemen:", "Friends:". Its parts are titles,
 * groups addressed and their epithets, so no clause with a verb is cut by mistake.
 */
const ADDRESSED =
  "(?:(?:and|my|our|to)\\s+)?(?:(?:mr|mrs|ms|madam|madame)\\.?(?:\\s+[\\p{L}.]+){1,3}?|" +
  "(?:vice\\s+)?president(?:\\s+[\\p{L}.]+){0,2}?|(?:the\\s+)?(?:congress|senate|house)" +
  "(?:\\s+of\\s+[\\p{L}\\s]+?)?|" +
  // "Fellow-Citizens of the Senate...", as the early addresses write it.
  "ladies and gentlemen|(?:(?:distinguished|honou?red|fellow|dear|esteemed)[\\s-]+)*" +
  "(?:members|guests|citizens|americans|friends|colleagues|delegates|senators|representatives|" +
  "justices|governors|visitors|countrymen|ladies|gentlemen)(?:\\s+(?:of|in)\\s+[\\p{L}\\p{N}\\s]+?)?)";
const NEXT_ADDRESSED = `(?:\\s*,\\s*|\\s+and\\s+)${ADDRESSED}`;
/** An opening address before a colon, or of two or more set off with dashes: one alone
 * ("President Lincoln -- the great emancipator -- signed...") is the sentence's subject. */
const SALUTATION = new RegExp(
  `^${ADDRESSED}(?:(?:${NEXT_ADDRESSED})*\\s*:\\s+|(?:${NEXT_ADDRESSED})+\\s*(?:—\\s*—?|--)\\s*)`,
  "iu",
);
/**
 * An address that names someone between its titles and groups: "Mr. Vice President, my old
 * colleague from Massachusetts and your new Speaker, John McCormack, Members of the 87th Congress,
 * ladies and gentlemen:". It must open and end with words of an address.
 */
const NAMING_SALUTATION = new RegExp(
  `^${ADDRESSED}(?:\\s*,\\s*[^,:;!?]{1,60}?){1,8}\\s*,\\s*(?:and\\s+)?${ADDRESSED}\\s*:\\s+`,
  "iu",
);

/**
 * What a transcriber notes of the room, not the speaker's words: "[Laughter]", "[Applause]",
 * "(Inaudible)", and an editor's page mark ("[p.7]"). Not a link's text ("[Docs](…)") or a
 * reference ("[3]", "[sic]").
 */
const STAGE_DIRECTION =
  /\s*[[(](?:laughter|laughs|applause|music|inaudible|crosstalk|silence|cheers|cheering|booing|pause|coughs?|sighs?|indistinct|unintelligible|p\.\s?\d{1,4}|page\s\d{1,4})(?: [\p{L} ]{0,20})?[\])](?![[(])\s*/giu;

/** The longest opening address looked for: its parts can be read more than one way ("Members
 * of the House and the Senate"), so the pattern only ever sees a sentence's first characters. */
const LONGEST_SALUTATION = 240;

function withoutSalutation(text: string): string {
  const opening = text.slice(0, LONGEST_SALUTATION);
  const found = SALUTATION.exec(opening) ?? NAMING_SALUTATION.exec(opening);
  return found ? text.slice(found[0].length) : text;
}

/** Words in capitals before a capitalised word (or "I") that opens the sentence proper. */
const CAPS_RUN = /^((?:[\p{Lu}'’-]+\s+){1,12})(?=\p{Lu}\p{Ll}|I\s)/u;

/**
 * The sentence without a heading in capitals that a plain text runs into it ("THE NEW AND
 * DEVELOPING NATIONS Our efforts to help...", "AGRICULTURE Despite the difficulties..."): at
 * least two of its words are words of the dictionary, or its one word is a long one, so
 * acronyms ("US GDP Growth", "NASA Administrator") stay.
 */
function withoutCapsHeading(text: string): string {
  const run = CAPS_RUN.exec(text)?.[1];
  if (!run) return text;
  const words = run.trim().split(/\s+/u).map((w) => w.toLowerCase());
  const known = words.filter((w) => w.length >= 3 && englishRank(w) < Infinity);
  return known.length >= 2 || words.length === 1 && known.length === 1 && words[0].length >= 6
    ? text.slice(run.length)
    : text;
}

/** A label and its value run into the sentence on them: "Package Option: obeyspaces Ordinarily,
 * all spaces are ignored...". */
const LABELLED_VALUE =
  /^(?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+: [\p{Ll}\p{N}_.-]+ (?=\p{Lu}\p{Ll}+[ ,])/u;

/** Who speaks in a chat's log: "<linus> The packing heuristic is actually simple." */
const CHAT_NICK = /^<[\p{L}\p{N}_.|^-]{1,30}>\s+/u;

/** The label of an article or section of a law a text quotes, its number lost or kept: "ART.-",
 * "Article 2.", "SEC. 3." ("ART.-Congress may appropriate money..."). */
const ARTICLE_LABEL =
  /^(?:ART(?:ICLE)?|Art(?:icle)?|SEC(?:TION)?|Sec(?:tion)?)(?:\.\s*|\s+(?=[IVXLC\d]))(?:[IVXLC\d]+\.?)?\s*[-—–.]*\s*(?=\p{Lu})/u;

/** A reference manual's heading run into its first sentence ("Returns The routine returns
 * zero", "Description The routine reads..."): only before a word that opens sentences, so
 * "Returns True if..." stays. */
const RUN_IN_HEADING = new RegExp(
  "^(?:Synopsis|Description|Returns|Parameters|Arguments|Examples?|Comments|Remarks|Usage|" +
    "Abstract|Overview|Introduction|Background|Purpose)\\s+(?=(?:The|A|An|This|These|Those|If|" +
    "In|It|Its|When|For|Each|All|Any|On|To|Otherwise|Unless|Given)\\s)",
  "u",
);

/**
 * A manual page's section head in capitals, run into its first sentence where a PDF set it in the
 * body's type ("DESCRIPTION Cdt manages run-time dictionaries"), after the synopsis's last
 * bracket ("[ sourcenode file ] DESCRIPTION dijkstra reads...").
 */
const MAN_SECTION_HEAD = new RegExp(
  String.raw`^(?:\[[^\]]{0,80}\]\s+)*(?:DESCRIPTION|OPTIONS|RETURN VALUE|EXIT STATUS|` +
    String.raw`ENVIRONMENT|FILES|EXAMPLES?|NOTES|BUGS|AUTHORS?|SEE ALSO)\s+(?=\S)`,
  "u",
);

/** The label of a manual's admonition box, run into its text ("Tip You can undelete..."), or of
 * an entry's field ("Description : Support for Debian users that speak Russian."). */
const ADMONITION = new RegExp(
  String.raw`^(?:Note|Tip|Hint|Warning|Caution|Important|Danger|NOTE|TIP|HINT|WARNING|CAUTION|` +
    String.raw`IMPORTANT|DANGER)(?:\s+\d{1,2})?(?::\s*(?=\p{L})|\s+(?=\p{Lu}\p{Ll}))|` +
    String.raw`^(?:Description|Summary|Purpose)\s*:\s+(?=\p{Lu})`,
  "u",
);

/** "Note that", "Please note", "Keep in mind that": the sentence after it is the point. */
const NOTE_THAT =
  /^(?:(?:please\s+)?note,?\s+that|please\s+note,?|it should be noted that|keep in mind that|remember that|be aware that)\s+/iu;

/**
 * The sentence without what `label` matches at its start ("Note that relative imports are based
 * on...", "NOTE: The Git build..."), its first letter capitalised unless it opens with code
 * ("m.start(group) will equal..."); as it was when fewer than four words would be left.
 */
function without(sentence: string, label: RegExp): string {
  const text = sentence.replace(label, "");
  if (text === sentence || text.split(/\s+/u).length < 4) return sentence;
  return /^\p{Ll}+(?![\p{L}\p{N}._(\[])/u.test(text)
    ? text.charAt(0).toUpperCase() + text.slice(1)
    : text;
}

/** The place of an item in a list the sentence is one of: "Second, I will ask the Congress...". */
const ORDINAL =
  /^(?:first(?:ly| of all)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|lastly),\s+(?=\p{L})/iu;

/** A FAQ's "A." before its answer: "A. If you are running testing...", not "A. Lincoln". */
const ANSWER_LABEL =
  /^A[.:]\s+(?=(?:If|Yes|No|The|This|That|These|It|You|We|There|In|On|For|As|When|Because|Since|Not)\b)/u;

/**
 * A change's credit or tracking note in brackets, which release notes add to each item:
 * "(Contributed by Gideon Mitchell in bpo-45917.)", "(merge ff7a1c6 km/avoid-bs later to maint)",
 * "(gh-9312)".
 */
const CREDIT =
  /\s*\((?:(?:contributed|written|patch(?:ed)?|reported|suggested|implemented|fixed|reviewed) by\b|thanks to\b|merge [0-9a-f]{7,40}\b|(?:bpo|gh|issue|closes|fixes)[- ]?#?\d+\b)[^()]*(?:\([^()]*\)[^()]*)*\)/giu;

/**
 * The sentence without its spoken openers ("So, and I mean the point is" → "The point is"), list
 * numbering ("3. Make" → "Make") and credits ({@link CREDIT}), its first letter capitalised. A
 * sentence that would be left with fewer than four words stays as it was.
 */
export function trimOpeners(sentence: string): string {
  let found = trimmed.get(sentence);
  if (found === undefined) {
    if (trimmed.size >= TRIMMED_KEPT) trimmed.clear();
    found = trimmedOnce(sentence);
    trimmed.set(sentence, found);
  }
  return found;
}

/** Sentences trimmed already: the analysis asks again of each sentence for every use it weighs
 * it for. Cleared as it fills, so a long batch keeps about a file's worth. */
const trimmed = new Map<string, string>();
const TRIMMED_KEPT = 20_000;

function trimmedOnce(sentence: string): string {
  const labelled = sentence.trim().replace(MAN_SECTION_HEAD, "").replace(RUN_IN_HEADING, "")
    .replace(ARTICLE_LABEL, "").replace(CHAT_NICK, "").replace(LABELLED_VALUE, "");
  const own = without(without(without(labelled, ADMONITION), NOTE_THAT), ORDINAL);
  const numbered = own.replace(STAGE_DIRECTION, " ").replace(CREDIT, "").trim()
    .replace(/^(?:\(?\d{1,2}[.)]|[-*•]|(?:[IVX]{2,5}|V)\.)\s+(?=\p{L})/u, "")
    .replace(ANSWER_LABEL, "");
  const greeted = withoutCapsHeading(withoutSalutation(numbered)).replace(ASIDE, "");
  let text = greeted;
  for (let i = 0; i < 4 && opensWithFiller(text); i++) {
    text = text.replace(/^["'“‘(]*\p{L}+(?: (?:mean|know|see|course|guess|think))?[,\s]+/u, "");
  }
  // "Now that Python sorting provides..." trimmed to "That Python sorting..." is a fragment; "Mr.
  // Speaker, ...: As we gather tonight, ..." without its salutation is a sentence.
  if (text !== greeted && /^(?:that|as|than|if)\s(?!is\b|was\b)/iu.test(text)) text = greeted;
  // "Now is the time to act" trimmed to "Is the time to act": the opener was the subject.
  if (text !== greeted && /^(?:is|was|are|were|comes|came)\s/iu.test(text)) text = greeted;
  if (text === own || text.split(/\s+/u).length < 4) return own;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What an API entry is, said as its description opens without the name it describes. */
const DESCRIBES_ENTRY = new RegExp(
  "^(?:(?:Abstract )?base class|Decorator|Function|Class|Method|Helper(?: function)?|Wrapper|" +
    "Shortcut|Alias|Constructor|Factory|Callable|Context manager|Special (?:form|type)|" +
    "Subclass|Mixin|Protocol) (?:to|for|that|which|used|with|of|indicating|representing|" +
    "returning)\\b",
  "u",
);

/**
 * Why a sentence cannot stand alone in a summary or as a key point, or undefined when it can.
 * In `speech` (a transcript), lower case, missing stops and run-on pieces are how it was
 * written down, not signs of a fragment or a heading.
 */
export function unfitReason(
  sentence: string,
  options: { speech?: boolean } = {},
): string | undefined {
  const text = sentence.trim();
  if (tableRow(text)) return "table row";
  // Before the length: "Copyright © 2000-2022 Valgrind Developers" is never a key point, even
  // where short lines are all a page has.
  const notice = apparatus(text);
  if (notice) return notice;
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 6) return "too short";
  if (isNumeric(words)) return "table row";
  // "5.3 Choice of interleave level . . . . . 23": the dot leaders of a table of contents.
  if (/(?:\.\s+){3}\.|\.{4}|…{2}/u.test(text) || /^[.…]/u.test(text)) return "table of contents";
  // "60001…60513 → UIDs for home directories": a row of a range table.
  if (/^[\p{N}.,…–-]+\s*(?:→|->|=>|:)\s/u.test(text)) return "table row";
  if (isCode(text)) return "code";
  // "Q. After upgrading my system, I noticed that...": a FAQ's question, which asks, and whose
  // answer is what the text says.
  if (/^Q[.:]\s/u.test(text)) return "question";
  // "[5] https://lore.kernel.org/... A discussion of...": an entry of a list of references.
  if (/^\[\d{1,3}\]\s/u.test(text)) return "reference";
  if (CAPTION.test(text)) return "caption";
  if (HEADER.test(text)) return "mail header";
  if (SMALL_TALK.test(text)) return "small talk";
  if (/:\s*$/u.test(text)) return "fragment";
  if (!options.speech) {
    if (/[;,(\-–—]\s*$/u.test(text)) return "fragment";
    // "len: number of bytes of *value to use", "max ider len: pointer to an integer": a
    // parameter's entry in an API reference, its name in lower case before a colon (a PDF may
    // have lost the name's underscores).
    if (/^\p{Ll}[\p{L}\p{N}_.]*(?: \p{Ll}[\p{L}\p{N}_.]*){0,2}:\s/u.test(text)) return "entry";
    // "Returns: ASN1_SUCCESS if successful", "Default: verbatim": the same entry's labelled parts.
    // "Line 2: Send mail as \"user@example.com\".": what a line of the listing above does.
    if (/^Lines? \d+(?:\s*(?:[-–,]|and)\s*\d+)*:\s/u.test(text)) return "entry";
    if (
      /^(?:Returns?|Return values?|Parameters?|Arguments?|Since|Deprecated|Default):\s/u.test(text)
    ) {
      return "entry";
    }
    // "bundle.heuristic:: If this string-valued key exists...": an AsciiDoc list's term and
    // what is said of it, which leans on the term.
    if (/^[^\s:]+::\s/u.test(text)) return "entry";
    // "func (str | None) – The name of the function...": Sphinx's entry for a parameter, its
    // name and type before a dash.
    if (/^[\p{L}_][\p{L}\p{N}_.]*\s+\([^()]{1,60}\)\s+[–—-]\s/u.test(text)) return "entry";
    // "Decorator to indicate that annotations are not type hints.": what an entry's name is,
    // said without the name.
    if (DESCRIBES_ENTRY.test(text)) return "entry";
    if (cutShort(text)) return "fragment";
    // An aside in brackets, or the end of one a sentence split began (") , may be computed"):
    // it needs its sentence.
    if (/^[(),;:]/u.test(text)) return "fragment";
    // "PyThreadState_DeleteCurrent() (Contributed by Joannah Nanjekye in bpo-37878.)": a list's
    // item, a name and who gave it, no sentence.
    if (/^\S+\s*\(.*\)[.!]?$/u.test(text) && !/\s/u.test(withoutAsides(text).trim())) {
      return "fragment";
    }
    // "...type the path to the .git directory!)": the rest of an aside whose start is in the
    // sentence before.
    if (closesUnopened(text)) return "fragment";
    if (isHeading(text, words)) return "heading";
    // "2.1 glp read cnfsat — read CNF-SAT problem data": a numbered heading without its `#`.
    if (/^\d+(?:\.\d+)+\.?\s/u.test(text) && !/[.!?]["”’)]*$/u.test(text)) return "heading";
    // A list item such as "Send messages of severity DEBUG to app.log": an instruction or a
    // label, which runs into the next sentence of a summary.
    if (!/[.!?…]["”’)\]]*$/u.test(text)) return "unterminated";
    // "Writer objects have the following public methods.": the list it announces is not there
    // (one after a colon is, but not an aside: "...the following files: (This does not...)").
    if (pointsAhead(text) && !/:\s+[^\s(]/u.test(text)) return "announces";
    // "Once you have started such a window, you are well on the way...": the window was
    // described before. Not "such a way that...", nor a speech's "such a privilege".
    if (SUCH_A.test(text)) return "refers elsewhere";
    if (RELEASE_NEEDED.test(text)) return "release needed";
    if (CONVENTION.test(text)) return "convention";
  }
  if (REFERS_BACK.test(text)) return "refers elsewhere";
  return undefined;
}

/** A text without its asides in brackets, nested or not. */
function withoutAsides(text: string): string {
  let out = text;
  for (let last = ""; last !== out;) [last, out] = [out, out.replace(/\([^()]*\)/gu, "")];
  return out;
}

/** A table's row: cells between bars, or mappings ("34to35.html → 34to35", "lang_with.html#sudoku
 * → {solve Sudoku puzzles} lemon.html →..."), a row or rows run together. */
function tableRow(text: string): boolean {
  if (text.indexOf("|") !== text.lastIndexOf("|")) return true;
  if (!text.includes("→")) return false;
  return /^[^\s→]+\s*→\s/u.test(text) || text.indexOf("→") !== text.lastIndexOf("→");
}

/**
 * Whether a sentence is a document's apparatus, a notice or a credit, and which ({@link
 * unfitReason}'s "boilerplate" or "signature"): what no summary, key point or keyphrase comes
 * from. A table's row is neither.
 */
export function apparatus(sentence: string): "boilerplate" | "signature" | undefined {
  const text = sentence.trim();
  if (tableRow(text)) return undefined;
  // The patterns are in small letters: matching them against the sentence in small letters is
  // several times faster than V8's case-insensitive Unicode matching.
  const small = text.toLowerCase();
  if (BOILERPLATE.test(small) || LICENCE_TERMS.test(text)) return "boilerplate";
  // "TODO Cover memory mapped I/O using registers.": the author's note of what is still to write.
  if (/^(?:TODO|FIXME|TBD)\b/u.test(text)) return "boilerplate";
  if (isSignature(text)) return "signature";
  return undefined;
}

/**
 * A sentence opening in lower case with an everyday word ("and then", "which means") is the end
 * of one cut in two. A name its makers write in lower case ("gleaner turns a folder...", "git
 * stores", "iPhone") opens a sentence of its own: such words are rare in everyday English.
 */
function cutShort(text: string): boolean {
  const first = /^(\p{Ll}[\p{L}\p{N}]*)/u.exec(text)?.[1];
  if (first === undefined || /\p{Lu}/u.test(first)) return false;
  return englishRank(first) <= GENERIC_RANK;
}

/** "Figure 3: ...", "Table 2. ...", "Listing 1 - ...". */
const CAPTION =
  /^(?:figure|fig\.|table|listing|image|plate|chart|diagram)\s+\d+(?:\.\d+)*\s*[.:—–-]/iu;

const HEADER = /^(?:from|date|subject|to|cc|message-id|reply-to|sent):\s/iu;

/** Navigation and licence lines that web pages and manuals repeat on every page, in small letters
 * (see {@link apparatus}). */
const BOILERPLATE = new RegExp(
  [
    "©",
    "\\ball rights reserved\\b",
    "\\bcopyright\\s+(?:\\(c\\)\\s*)?\\d{4}",
    "\\bpermission is (?:hereby )?granted\\b",
    // The GNU licences' notices, which manuals print in their front matter.
    "\\bcopy of the licen[cs]e is included\\b",
    "\\bgnu (?:free documentation|general public|lesser general public) licen[cs]e\\b",
    "\\b(?:invariant sections|front-cover texts?|back-cover texts?)\\b",
    // "The GLPK package is part of the GNU Project released under the aegis of GNU.": the
    // notice every GNU manual's copyright page prints.
    "\\bunder the aegis of gnu\\b",
    // "This file is part of the GNU MPFR Library.", "If not, see https://www.gnu.org/licenses/
    // or write to the Free Software Foundation, Inc., 51 Franklin St...": a licence's header.
    "^this (?:file|program|library) is part of\\b",
    "\\bgnu\\.org/licenses\\b",
    "\\bwrite to the free software foundation\\b",
    "\\bwithout any warranty\\b",
    "\\b(?:is|are) (?:free software|licensed under)\\b",
    // "Licensed under the Apache License, Version 2.0.": the Apache manual's every footer.
    "^licensed under\\b",
    // A manual's cover: "Email: valgrind@valgrind.org", "Release 3.19.0 11 Apr 2022".
    "^(?:e-?mail|web ?(?:site|page)?|home ?page|url|irc|contact)\\s*:\\s*\\S+$",
    "^(?:release|version)\\s+v?\\d+(?:\\.\\d+)+\\b.{0,20}$",
    "\\bskip to (?:main )?content\\b",
    "\\b(?:previous|next) (?:topic|page|chapter)\\b\\s*$",
    "\\bshow source\\b",
    "\\blast (?:updated|modified) on\\b",
    "\\bedit (?:this page|on github)\\b",
    "\\bfound a bug\\b",
    "\\breport bugs to\\b",
    "\\bverbatim copies\\b",
    // The GNU all-permissive licence a README opens with: "Copying and distribution of this
    // file, with or without modification, are permitted in any medium without royalty...".
    "\\bcopying and distribution of this file\\b",
    // "This document may be freely redistributed or modified in any form provided...": a free
    // book's permission.
    "\\bthis (?:document|manual|guide|book|file|text|work|faq|howto) may be (?:freely )?" +
    "(?:re)?(?:distributed|copied|modified|reproduced)\\b",
    // Python's reference: the audit hook of a call, and the notes of each version.
    "^raises an auditing event\\b",
    "^(?:changed|new) in version \\d",
    "^deprecated since version \\d",
    // "Please file bug reports on the debian-reference package using reportbug(1)".
    "\\bplease (?:file|report|send|submit|open) (?:any )?(?:bugs?|issues?)\\b",
    "\\bplease (?:file|send|submit) (?:a |any )?bug reports?\\b",
    "\\bcreated using sphinx\\b",
    "\\bcookie (?:policy|settings)\\b",
    "\\bprivacy policy\\b",
    "\\bterms of (?:use|service)\\b",
    // Node.js's API docs mark each entry's stability ("Stability: 3 - Legacy: Use...").
    "^stability: \\d\\b",
  ].join("|"),
  "u",
);

/**
 * The defined terms of a licence's own text ("under this License", "any Modified Version"), as
 * manuals append it: capitalised as the licence writes them, so prose about licences stays.
 */
const LICENCE_TERMS = /\b(?:this|the) Licen[cs]e\b|\bModified Versions?\b|\bCover Texts\b/u;

/**
 * The greetings and thanks of a show or a lecture ("Ruth, thanks for coming in so early."): part
 * of the conversation, never of what it is about. Spoken first, after a name at most.
 */
const SMALL_TALK = new RegExp(
  "^(?:(?:\\p{Lu}[\\p{L}'’-]*\\s*){1,2},\\s*)?(?:(?:and|so|well|okay|ok),?\\s+)?(?:" + [
    "thanks?(?: you)?(?: (?:so|very) much)?(?:,? \\p{Lu}[\\p{L}'’-]*)? for (?:coming|having|joining|listening|watching|being|tuning)",
    "welcome (?:back )?(?:to|everyone|everybody|all)\\b",
    "good (?:morning|afternoon|evening)\\b",
    "(?:hi|hello|hey),? (?:everyone|everybody|all|there|folks)\\b",
    "(?:see|talk to) you (?:all )?(?:next|soon|later|again)\\b",
    "(?:it'?s )?(?:great|good|nice|lovely) to (?:be here|have you|see you)\\b",
    "(?:don'?t forget to|remember to) (?:subscribe|like|follow)\\b",
  ].join("|") + ")",
  "iu",
);

/** Sentences that only make sense next to a part of the text they point at. */
const REFERS_BACK = new RegExp(
  [
    "\\b(?:the|this|that) (?:previous|preceding|next|following) (?:paragraph|section|chapter|example|figure|table|listing|subsection)s?\\b",
    "\\b(?:section|chapter|figure|table|step|appendix)\\s+\\d+(?:\\.\\d+)*\\s+(?:above|below)\\b",
    "\\b(?:as|is|are|was|were) (?:mentioned|described|shown|noted|discussed|explained|listed|outlined|defined|seen|stated|given) (?:above|below|earlier|previously|before)\\b",
    "\\b(?:described|explained|discussed|shown|covered|listed) (?:in (?:more )?detail )?below\\b",
    "\\b(?:see|cf\\.) (?:above|below)\\b",
    // "('unstable' in the above example)", "the packages listed above".
    "\\bthe above\\b",
    "\\b(?:shown|listed|given|mentioned|described) above\\b",
    "\\b(?:the|this) (?:example|code|table|figure|diagram|picture|image|chart|list|output|command|listing|program|snippet|query|queries|statement|schema)s? (?:above|below)\\b",
    "\\blike this\\s*[.:]?$",
    // "It turns out that cargo supports this.": what it supports was told before.
    "\\s(?:this|that|these|those)\\s*[.!]$",
    // "SQLite does not work this way.": the way was told before.
    "\\b(?:this|that) (?:way|manner|fashion)\\s*[.!]?$",
    // "The C function to the right demonstrates...": the page's layout, which a note lacks; not
    // "moved to the right place", a right one.
    "\\b(?:to|on|at) the (?:right|left)\\b(?! (?:of|to|and|or|place|places|way|ways|thing|things|" +
    "time|moment|answer|one|ones|word|words|choice|decision|people|person|track|direction|" +
    "tool|tools|path|question|questions|balance|amount|kind|level|size|spot)\\b)",
    // "The Online Backup API was created to address these concerns.": what they were came before.
    "\\b(?:these|those|such) (?:concerns|problems|issues|limitations|shortcomings|drawbacks|difficulties|challenges|questions|objections|complaints)\\b",
    // "This document strives to break that pattern by being concise.": SQLite's page on quality
    // told the pattern before.
    "\\bthat (?:concern|limitation|shortcoming|drawback|pattern|trend)\\b",
    // "No President has ever said those words from this podium.": they were said just before.
    "\\bthose words\\b",
    // "For an example, see ecc7c8841d (...)", "See the lamp keeper's guide for more.": a
    // pointer to where the point is made, not the point.
    "^(?:for (?:an? |more )?(?:examples?|details?|instance|information|more)[^,]{0,80},\\s*)?see\\s",
    // "Look at Section 2.7.1 for information on how to load...": where it is told.
    "^(?:look at|refer to|consult|turn to|read) (?:section|chapter|appendix|part)\\s+[\\dIVX]",
    // "We need to add to the code in Listing 9-3", "...does not look like Figure 4-3": a
    // book's numbered listing or figure, which a summary or key point is read without.
    "\\b(?:listing|figure|fig\\.)\\s+\\d+(?:[-.–]\\d+)*\\b",
    // "...in two aspects: (a) We use zero-based indexing.": an enumeration cut after its first.
    ":\\s*\\((?:a|i|1)\\)(?!.*\\((?:b|ii|2)\\))",
  ].join("|"),
  "iu",
);

/**
 * "This feature is available in Postfix version 2.1 and later.", "This document describes
 * features that are available in Postfix 3.6 and later.": which release a reader needs, said of
 * something the sentence does not name. Postfix's guides open so, and its postscreen guide's map
 * line said it; "SQLite support was added with Postfix version 2.8." Not "This document
 * describes the Postfix connection cache implementation, which is available with Postfix
 * version 2.2 and later.": that one names what it describes.
 */
const RELEASE_NEEDED = new RegExp(
  "^(?:(?:this|these|it|they)(?: (?:features?|approach|options?|settings?|examples?|" +
    "functionality|commands?|changes?|methods?|parameters?))? (?:is|are|was|were|requires?|" +
    "needs?|has been|have been)(?: (?:only|also|now|first))?(?: (?:available|supported|" +
    "enabled|required|needed|added|introduced|new|default settings|the default))?" +
    "(?: by default)?|" +
    "(?:this|the present) (?:document|page|section|text|guide|chapter) (?:describes|covers|" +
    "documents|explains) (?:the )?features? (?:that|which) (?:require|need|are (?:only )?" +
    "(?:available|supported))|" +
    // "SQLite support was added with Postfix version 2.8."
    "[\\p{L}\\p{N}/+-]+(?: [\\p{L}\\p{N}/+-]+)? support (?:was|has been|is)(?: first)? " +
    "(?:added|introduced|available))" +
    " (?:(?:in|with|since|for|from) )?(?:[\\p{L}.-]+ ){0,2}" +
    // A release, not a year: "It was founded in 1990." is no such note.
    "(?:(?:(?:version|release) v?\\d+(?:\\.\\d+)*|v?\\d+(?:\\.\\d+)+)" +
    "(?: (?:and|or) (?:later|newer|above|higher|up))?|\\d+ (?:and|or) (?:later|newer|above|higher))\\.$",
  "iu",
);

/**
 * "In the examples we will use \"example.com\" as the domain...", "The examples use Perl
 * Compatible Regular Expressions...", "In the examples below, user input is shown in bold
 * font": how the examples are written, which says nothing of the subject. Postfix's guide to
 * virtual domains was summed up so.
 */
const CONVENTION = new RegExp(
  "^(?:in )?(?:the|these|all|our) examples(?: below| that follow| in this (?:document|section|" +
    "chapter|guide|page))?,? (?:we(?:'ll|’ll| will)? use|use|assume|show only|are (?:written|" +
    "shown|given)|user input)\\b|" +
    // "In the following, “file object” refers to any object with a fileno() method": a word's
    // meaning in what follows.
    "^in (?:the following|what follows|this (?:document|section|page|chapter)),? [^.;]{1,60}? " +
    "(?:refers to|means|denotes|stands for)\\b",
  "iu",
);

const SUCH_A = /\bsuch an? (?![\p{L}-]+(?: [\p{L}-]+){0,2} (?:as|that)\b)/iu;

/** Whether a bracket closes that the text never opened (a smiley's ":-)" and a list's "1)"
 * are none). */
function closesUnopened(text: string): boolean {
  if (!text.includes(")") && !text.includes("]")) return false;
  let depth = 0;
  const own = text.replace(/^(?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s/iu, "").replace(/[:;]-?[()]/gu, "");
  for (const c of own) {
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * Whether the sentence names a thing by the one-letter name code gave it ("When the connect
 * completes, the socket s can be used to send...", "the list x"): it leans on the code, which a
 * summary leaves out.
 */
export function namedAsInCode(sentence: string): boolean {
  return /\b(?:the|this|that|your|our|its) \p{Ll}{3,} [b-hj-z](?![\p{L}\p{N}'’.-])/u.test(sentence);
}

/**
 * Four numbers or more written with dots or colons: addresses or versions listed ("1.1.1.1,
 * 8.8.8.8, 2606:4700:4700::1111", "3.9, 3.10, 3.11, 3.12"), data more than what is said of it.
 */
export function listsAddresses(text: string): boolean {
  let found = 0;
  for (const w of text.split(/\s+/u)) if (NUMBER.test(w) && /[.:]\p{N}/u.test(w)) found++;
  return found >= 4;
}

/** An e-mail address, maybe in brackets, a Markdown mail link or code: "<ana@example.org>",
 * "`<[ana@example.org](mailto:ana@example.org)>`". */
const ADDRESS =
  /`?[<(]?\[?[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\]?(?:\(mailto:[^)\s]*\))?[>)]?`?/gu;

/** The text without its e-mail addresses: "Bdale Garbee <bdale@debian.org>" names the person. */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, "").replace(/\s+/gu, " ").trim();
}

/** A line that is an e-mail address and at most the name it is for ("Ana Lopez <ana@...>"):
 * a credit's or a signature's, which says nothing. */
function isSignature(text: string): boolean {
  if (!text.includes("@") || text.search(ADDRESS) < 0) return false;
  const rest = withoutAddresses(text).replace(/[\s,;.:-]+$/u, "");
  return /^(?:\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|van|von|der|la|le)){0,4})?$/u
    .test(rest);
}

/** A word that is a number, however written ("12", "3.5%", "1.1.1.1", "(2001:4860::8888)"). */
const NUMBER = /^[^\p{L}]*\p{N}[\p{N}.,%x/:-]*[^\p{L}]*$/u;

/** Most of the words are numbers: a row of a table or of a listing. */
function isNumeric(words: string[]): boolean {
  const numbers = words.filter((w) => NUMBER.test(w)).length;
  return numbers >= 4 && numbers / words.length > 0.35;
}

/**
 * Code and commands: brackets, operators and identifiers (`a_b`, `x.y(`, `->`) make up much of
 * the line. Prose that mentions `sorted()` once stays prose.
 */
const DECLARATION =
  /(?:^|[.!?]\s+)(?:const\s+)?(?:(?:unsigned|signed)\s+)?(?:char|int|double|float|void|long|short|size_t|bool|struct\s+\w+)\s*(?:\\?\*\s*)*[\p{L}_][\p{L}\p{N}_\\]*\s*(?:\[[^\]]*\]\s*)?;/u;

/** A call's signature opening the sentence, as an API reference heads each entry: a name in
 * lower case, maybe dotted, and names of arguments in brackets, maybe with their types ("isSubg(g
 * : graph_t, s : string) : graph_t returns...", gvpr's manual); not a manual section ("ls(1)"),
 * nor a command's aside ("gvpr (previously known as gpr) is..."): apart from its name, a list. */
const ARGUMENT = String.raw`[\p{L}\p{N}_*.]+(?:\s*:\s*[\p{L}\p{N}_*]+)?`;
const SIGNATURE = new RegExp(
  String.raw`^[\p{Ll}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*` +
    String.raw`(?:\((?!\d+\))\s*(?:${ARGUMENT}(?:\s*,\s*${ARGUMENT})*)?\s*\)|` +
    String.raw`\s\(\s*${ARGUMENT}(?:\s*,\s*${ARGUMENT})+\s*\))`,
  "u",
);

/** A function's or a variable's name with its types opening a sentence or a paragraph, maybe
 * after the few words of a heading a PDF ran into it: "isSubg(g : graph_t, s : string) : graph_t
 * returns...", "Edges edge(t : node_t, h : node_t) : edge_t creates...", "$tvedge : edge_t For
 * BFS and DFS traversals..." (gvpr's manual). */
const TYPED_NAME = new RegExp(
  String.raw`^(?:\p{Lu}\p{Ll}+(?: \p{Ll}+){0,2} )?` +
    String.raw`(?:[\p{L}_][\p{L}\p{N}_\\]*\([^()]*\)|\\?\$[\p{L}\p{N}_\\]*)` +
    String.raw` : [\p{L}_][\p{L}\p{N}_\\]*(?:\[\])?(?: |$)`,
  "u",
);

/** Whether a text opens with a name and its types (see {@link TYPED_NAME}): an entry of a
 * reference, not prose. */
export function opensWithTypedName(text: string): boolean {
  return TYPED_NAME.test(text);
}

/** A parameter's or a return value's line in an API reference: a name, then its type in
 * braces, as Node.js's docs write them ("localPort {number} Local port...", "{boolean}
 * Indicates whether...", "Returns: {net.Socket} The socket"). */
const TYPED_PARAMETER = /^(?:[\p{L}_$][\w$.]*\s+|Returns:\s*)?\{[\w$.|<>\[\]\s]+\}(?:\s|$)/u;

function isCode(text: string): boolean {
  // A manual page or a function named in prose ("aliases(5), virtual(5)", "the functions
  // uuid1(), uuid3()") is a reference, not a call.
  const visible = (text.includes("(") ? text.replace(MAN_PAGE, "$1") : text).replace(/\s+/gu, "");
  const symbols = (visible.match(/[{}()[\];=<>$\\|`]/g) ?? []).length;
  // Linear patterns only: nested quantifiers over \w (which holds "_") backtrack exponentially.
  const identifiers =
    (text.match(/[\p{L}\p{N}]\.[\p{L}_]+\(|[\p{L}\p{N}]_[\p{L}\p{N}]|->|=>|:=|==|!=|&&|\|\|/gu) ??
      []).length;
  if (/[{};]\s*$/u.test(text) || /\bfunction\s*\(|\breturn\b.*;/u.test(text)) return true;
  // A block of code opened and not closed: "For each input graph G { For each block { Set G as
  // the current graph" (gvpr's manual sketches its loop so).
  if (text.includes("{") && text.split("{").length !== text.split("}").length) return true;
  // A C type's definition, or a comment in C's brackets ("typedef struct { /* arc data */").
  if (/\btypedef\s+(?:struct|union|enum)\b|\/\*.*\*\//u.test(text)) return true;
  // A manual's definition line ("[Function] int f (char * s)") or a command's synopsis.
  if (
    /\[(?:function|macro|variable|data type|type|command|constant|(?:context |meta )?struct)\]/iu
      .test(text)
  ) return true;
  if (/^(?:usage|synopsis):\s/iu.test(text)) return true;
  // A shell session: "$ touch addme $ git add addme...". Prose writes "$5", not "$ touch".
  if (/^\$\s+[\p{Ll}.\/]/u.test(text)) return true;
  // A synopsis run into its C prototype: "Synopsis void glp_set_col_bnds(glp_prob *P, ...".
  if (
    /^synopsis:?\s+(?:#include|(?:void|int|double|char|long|float|const|unsigned|struct|size_t|bool)\b)/iu
      .test(text)
  ) return true;
  // C declarations: "const char * file, unsigned int * len".
  const pointers = text.match(
    /\b(?:char|int|void|long|short|size_t|unsigned|struct \w+)\s*\*+\s*\w/gu,
  );
  if ((pointers ?? []).length >= 2) return true;
  // A declaration opening the sentence (or what the splitter took for its second half), as a
  // reference manual lists a struct's fields ("char \*name; Symbolic name assigned to the
  // graph.", "If none, it is NULL. int na; The number of arcs").
  if (DECLARATION.test(text)) return true;
  // A reference entry's signature ("gt.findnode (gt, vt) asks for a node name"), or a
  // parameter's line with its type in braces ("ip {string} The IP...", "Returns: {net.Socket}").
  if (SIGNATURE.test(text) || TYPED_PARAMETER.test(text) || TYPED_NAME.test(text)) return true;
  // A call's result named before it, as lefty's guide heads its entries: "reply = ask (prompt
  // [, type, args]) Prompts the user...".
  if (/^[\p{Ll}_][\p{L}\p{N}_]* = [\p{L}_][\p{L}\p{N}_.]*\s?\([^()]*\)/u.test(text)) return true;
  // An event's entry, whose name is its heading: "Emitted when a new connection is made."
  if (/^Emitted (?:when|if|after|before|once|whenever)\b/u.test(text)) return true;
  // XML or HTML markup: a declaration, a comment, or an element with attributes.
  if (/<\?xml\b|<!--|<[\p{L}][\w:-]*(?:\s+[\w:-]+="[^"]*")+\s*\/?>/u.test(text)) return true;
  return symbols / Math.max(1, visible.length) > 0.06 || identifiers >= 4;
}

/** A manual page or a function named with its brackets: "aliases(5)", "uuid1()". */
const MAN_PAGE = /\b([\p{L}\p{N}_.-]+)\((?:\d[a-z]*)?\)/gu;

/** Title Case words without an ending stop: a heading that lost its `#`. */
function isHeading(text: string, words: string[]): boolean {
  if (/[.!?]["”’)]*$/u.test(text)) return false;
  const capitalised = words.filter((w) => /^["'“(]*\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/** Openers that lean on the sentence before ("However", "This", "He", "Another example",
 * "For example"): fine in a key point, a weaker opening for a summary. */
const LEANS_BACK = new RegExp(
  "^(?:" + [
    "however|therefore|thus|hence|also|moreover|further|furthermore|nevertheless|instead|otherwise",
    "this|that|these|those|it|he|she|they|his|her|their|its|such|here|there",
    "another|other|similarly|likewise|additionally|again|still|secondly|finally|luckily|which|whereas",
    "fortunately|unfortunately|in addition|for (?:example|instance)|in other words|vice versa",
    "in (?:this|that|such a|either) (?:case|situation|scenario|event)|as a result|as such",
    "the (?:same|latter|former)",
    // "In such cases it can be confusing", "To cope with such a situation, ...", "To do this,
    // run...", "As an example, consider...", "Recall that...", "Any other exit code...", "In
    // prior discussion, it was assumed...": the cases, the situation, the example's point, the
    // others and the discussion were told before.
    "in (?:such|these|those) (?:cases|situations)|as an example|recall that|any other",
    "in (?:the )?(?:prior|previous|earlier) (?:discussion|section|chapter|example)s?",
    "you (?:may|might) recall|as (?:we|you) (?:saw|have seen)",
    // "As mentioned at the beginning of the section, ...", "As noted above, ...".
    "as (?:mentioned|noted|said|stated|discussed|explained|described|shown|seen)" +
    "(?= (?:above|earlier|before|previously|at the (?:beginning|start)|" +
    "in the (?:previous|preceding|last|earlier|above)|in (?:section|chapter))\\b)",
    "to [\\p{L}-]+(?: with| for| around)? (?:such(?: an?)? [\\p{L}-]+|this|that|these|those)(?=,)",
    // "In that same decade the American people paid the bill": the decade was named before.
    "in (?:that|this|the) same|in like (?:fashion|manner)",
    // "In this field, through carefully planned flood control...", "In that spirit, I ask...":
    // the field and the spirit were named before; not the text's own part ("In this document"),
    // nor where and when its speaker is ("In this country", "In this century").
    "in (?:this|that) (?!(?:paper|document|article|chapter|guide|section|report|note|howto|" +
    "tutorial|manual|book|page|appendix|release|version|country|nation|land|city|state|" +
    "chamber|house|hall|room|capital|world|hemisphere|century|age|era|year|decade|session|" +
    "congress|administration|time|day|hour|moment|generation)\\b)[\\p{L}-]+(?=,)",
    // "The third is freedom from want": the third of a list whose first came before.
    "the (?:second|third|fourth|fifth|sixth|last|latter|former) (?:is|was|are|were)",
    "the (?:first|second|third|next|last|other|previous) ones?|the above|both",
    // "Each one corresponds to a different phase": each of the things told before.
    "each (?:one|of (?:them|these|those))\\b",
    // "The solution is to use raw strings", "The rest of this guide...", "The problem is that
    // the indexes are not of equal quality": of what came before.
    "the (?:solution|answer|remedy|workaround|rest|remainder)",
    "the (?:problem|trouble|difficulty|reason|catch|point) (?:is|was) that",
    // "A third thread comes along...", "Failing that, it is safe to...", "Because of this, query
    // planning issues...": the first two threads, what failed, what this is were told before.
    "an? (?:second|third|fourth|fifth|sixth)",
    "failing (?:that|this)|because (?:of|if) (?:this|that)",
    // "If that also is NULL, ...", "If so, ...", "If not, ...": the condition was told before.
    "if (?:this|that|these|those)|if (?:so|not)(?=\\s*,)",
    // "If true, the port keeps the loop active", "If exceeded, the child is terminated": an
    // option's value or limit, of the entry it is part of.
    "if (?:not )?(?:true|false|set|unset|omitted|exceeded|given|specified|provided|present|" +
    "enabled|disabled|null|undefined|zero|empty)(?=\\s*,)",
    // "Second, we must...", "Next, I found that...": one of a list, or a step of a story, whose
    // first is elsewhere.
    "(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?(?=\\s*[,:])",
    "next(?=\\s*,| (?:we|I|you|they)\\b)",
    // "For we are not developing the Nation's wealth for its own sake": "for" as "because".
    "for(?= (?:we|they|he|she|it|i)\\b)",
    // "All of this was made possible by...", "Each day since, we have...": since what was told.
    "all (?:of )?(?:this|that|these|those)|(?:each|every) (?:day|week|month|year) since|ever since",
    // "In fact, this is the recommended notation": it bears out or outdoes what was said before.
    "(?:in fact|indeed)(?=\\s*(?:,|--|—))",
    // "Specifically, I propose that...", "In particular, ...", "Most notably, make sure...": of
    // what was said before.
    "(?:specifically|in particular|in short|namely|(?:most )?notably)(?=\\s*,)",
    // "Actually, you may have guessed the answer": the question was asked before.
    "actually(?=\\s*,)",
    // "Essentially, they eliminate the need...": who they are was told before ("Usually, it
    // does not matter if..." says "it" of nothing).
    "\\p{L}+ly,\\s*(?:they|he|she|this|these|those|their|his|her|its)\\b",
    // "To this is to be added 33,762 cast...", "To that end, ...": added to, or the aim, told
    // before.
    "to (?:this|that)(?: end)?(?=\\s*,| (?:is|are|was|were|must|may|should|will|we|I)\\b)",
    // "As an exception, r is typically used...", "Related to this: when you define...": an
    // exception to, or a rule beside, the one before (systemd's coding style).
    "as an exception(?=\\s*,)|(?:related|closely related|in relation) to (?:this|that)",
    // "In both cases, APT will install...", "On the other hand, an automated installation...",
    // "As we have already mentioned, dpkg...", "In our case, installing dahdi-dkms is all...",
    // "By default it downloads...": the cases, the one hand, what was mentioned, our case and
    // "it" were told before (the Debian Handbook).
    "in (?:both|all (?:these|those|three|such)) cases|on the other hand|by contrast|in contrast",
    "on the contrary|as (?:we|I|you) (?:have )?(?:already )?(?:mentioned|said|stated|noted|saw|" +
    "seen|explained|discussed|described)|in (?:our|my|your) (?:case|example|setup)",
    "by default,? (?:it|they|he|she)(?= )",
    // "The kernel is then initialized", "From then on, the BIOS is usually not involved",
    // "Since then, we have released...": after what was told before. Not the "then" of "If the
    // input is empty then...".
    "(?!(?:if|when|whenever|once|unless|whether)\\b)(?:[\\p{L}\\p{N}_./'’-]+ ){1,4}then",
    // "The variables are also used as a mechanism to...", "The module also provides a filter
    // for...", "Debian's official blog (bits.debian.org) is also a good source of information":
    // also, beside what was said before. Not "also known as".
    "(?:[^\\s,;:]+ (?:\\([^()]*\\) )?){1,5}(?:(?:is|are|was|were|can|may|will|has|have|must|" +
    "should|could|would|do|does|did) )?also(?! (?:known|called|referred|named|spelled)\\b)",
    // "From there on the daily invocation of dirvish-runall will...": from the step told before.
    "from (?:there|here) on",
    // "As already mentioned, the Debian project evolves...", "The laboratory, for its part,
    // uses...": what was mentioned, and the others' part, were told before.
    "as (?:already|previously|earlier) (?:mentioned|noted|said|stated|discussed|explained|" +
    "described|shown|seen)",
    "(?:[^,;:.]{1,60}, )?for (?:its|his|her|their|our|my|your) part",
    // "More alternatives exist and can be found by...": more than those told before.
    "more (?:alternatives|options|examples|details|tools|choices|possibilities|solutions|ways|" +
    "methods|programs|packages|features)(?= (?:exist|are|can|may|will|is)\\b)",
    // "In interactive mode, it then returns to the primary prompt", "Unlike C, they have no
    // pointers": after a prepositional phrase, which names nothing a subject's pronoun could
    // mean, who or what it is was told before. Not the empty "it" of "In Python, it is easy to",
    // nor after a clause ("In order for the server to work, it needs...").
    "(?:in|on|at|for|with|during|under|within|without|by|through|throughout|unlike|like|" +
    "despite|besides|beyond|upon) (?!order\\b)(?:(?! to )[^,;:.]){1,60}, " +
    "(?:they|he|she|it(?! (?:is|was|seems|seemed|" +
    "may|might|can|could|would|will|should|must|appears|appeared|turns|turned|follows|becomes|" +
    "became|makes|made|helps|pays|takes|took|remains|matters|goes|went)\\b|['’]s\\b))",
    // "When invoked with no argument, this command lists all open connections", "When you
    // include operating systems based on Debian, this number is closer to 20%": the command and
    // the number were named before the sentence, past its opening clause. Not "In the years
    // ahead, this Nation must...", a speaker's own nation, time or house.
    "[^,;:.]{3,100}, (?:this|these|those) (?!(?:is|are|was|were|means?|way|time|times|days?|" +
    "weeks?|months?|years?|decades?|century|generation|moment|hour|morning|evening|afternoon|" +
    "nation|country|land|congress|house|chamber|government|administration|session|world|" +
    "people|republic|union|city|state)\\b)\\p{L}+",
  ].join("|") + ")\\b",
  "iu",
);

/** Words of the room a speech is given in ("We meet here tonight", "from this podium"), which a
 * reader was not in. */
const THE_ROOM =
  /\bthis (?:podium|chamber|rostrum)\b|\b(?:stand|meet|met|gather|sitting|seated) here\b|\bhere tonight\b|\bwe (?:meet|gather) tonight\b/iu;
/** ... and of its hour, or of the address itself ("I present to the Congress my assessment of
 * the State of the Union"). */
const THE_HOUR = /\b(?:tonight|this evening|state of (?:the|our) union)\b/iu;

/** Whether a sentence speaks of the room a speech is given in, or with `hour` of its hour and
 * the address too ("Tonight I ask you..."). */
export function speaksOfOccasion(sentence: string, { hour = false } = {}): boolean {
  return THE_ROOM.test(sentence) || hour && THE_HOUR.test(sentence);
}

/** Whether the sentence opens leaning on what came before it, or ends so: "Use the new
 * Signature.from_callable() method instead." says instead of what before it. */
export function leansBack(sentence: string): boolean {
  const text = sentence.trim().replace(/^["'“‘(]+/u, "");
  return LEANS_BACK.test(text) || endsInstead(text);
}

/** "...instead." with nothing in the sentence it is instead of ("no longer", "deprecated"). */
function endsInstead(text: string): boolean {
  const end = text.slice(-12).replace(/[.!"”’)]+$/u, "");
  return /(?:^|\P{L})instead$/iu.test(end) && !INSTEAD_OF.test(text);
}

const INSTEAD_OF = /\b(?:no longer|deprecated|removed|not|rather than|never)\b|n['’]t\b/iu;

/**
 * Openers of an instruction to the reader: "Please read...", "Check the web page...", "If you're
 * interested mainly in usage, skip to chapter 8".
 */
const INSTRUCTS = new RegExp(
  "^(?:if you[^,]{0,120}, |for [^;]{0,120}?,? )?(?:just |simply )?(?:please|check|read|see|run|install|download|visit|make sure|remember|" +
    // "Suppose you want to design a collection of modules": the reader asked to imagine a case.
    "suppose|imagine|assume|" +
    // "Try to make your program so clean that Memcheck reports no errors." (Valgrind's manual)
    "try (?:not )?to|" +
    "note that|refer to|go to|click|type|skip|consult|start with|do not|don['’]t|never|avoid|" +
    // "Send bug reports, questions, comments, etc. to bug-coreutils@gnu.org."
    "send|contact|e-?mail|report (?:bugs|problems|issues|any))\\b|" +
    // "If you can reproduce a test failure, search for it...": after "if you", any order.
    "^if you[^,]{0,120}, (?!(?:it|this|that|these|those|they|you|we|he|she|the|a|an|there|your|" +
    "its|their|our|my|his|her|one|some|all|each|every|no|then|only)\\b|\\p{L}+ing\\b)\\p{Ll}",
  "iu",
);

/**
 * Whether the sentence tells the reader what to do ("Please read the man-db manual...", "Check the
 * libffi web page for updates"): a README's instruction, which says nothing of what the text is
 * about and opens no summary.
 */
export function instructs(sentence: string): boolean {
  return INSTRUCTS.test(sentence.trim().replace(/^["'“‘(]+/u, ""));
}

/** What a verb in -s is followed by when it opens a sentence: its object ("Returns the..."). */
const OBJECT_OPENS = "the|a|an|to|if|whether|all|any|no|one|only|true|false|none|zero|its|their|" +
  "this|that|these|those";

/**
 * A sentence with no subject, as reference entries go on after their name: "Can be used to
 * continue after resolving conflicts", "Matches the empty string, but only...", "Attempts to
 * match...". Alone, it does not say what can or what matches.
 */
const NO_SUBJECT = new RegExp(
  "^(?:(?:Can|May|Must|Should|Will|Could|Might)(?: not| also| only)? be\\b|" +
    // A verb in -s before its object: "Returns the...", "Specifies a...".
    `\\p{Lu}\\p{Ll}*[^s\\P{L}]s (?:${OBJECT_OPENS})\\b)`,
  "u",
);
/** The same after an adverb: "Always returns a value greater than zero." */
const ADVERB_NO_SUBJECT = new RegExp(
  "^(?:Always|Never|Only|Also|Usually|Normally|Often|Simply|Merely|Just) " +
    `\\p{Ll}+[^s\\P{L}]s (?:${OBJECT_OPENS})\\b`,
  "u",
);
/** Words in -s that open a sentence with its subject after them: "Sometimes the value...". */
const NOT_VERBS = new Set(
  ("sometimes perhaps besides unless always nevertheless regardless whereas thus nowadays " +
    "afterwards towards as is was has its this his yes news").split(" "),
);

/**
 * Whether the sentence opens with its verb, its subject left to the entry it is part of; or a
 * label's does, after its colon ("Starts with /, per-directory context: Always treated as a
 * URL-path.", the label saying of what).
 */
export function lacksSubject(sentence: string): boolean {
  const text = sentence.trim().replace(/^["'“‘(]+/u, "");
  const entry = LABELLED.exec(text)?.[1];
  return opensWithoutSubject(text) || entry !== undefined && opensWithoutSubject(entry);
}

/** Whether a sentence opens with its verb or a participle, no subject before. */
function opensWithoutSubject(text: string): boolean {
  return NO_SUBJECT.test(text) && !NOT_VERBS.has(/^\p{L}+/u.exec(text)![0].toLowerCase()) ||
    ADVERB_NO_SUBJECT.test(text) || PARTICIPLE_ONLY.test(text);
}

/** A label of a few words, a colon, and what is said under it. */
const LABELLED = /^[^:.!?]{3,80}:\s+(\p{Lu}.*)$/u;

/**
 * A past participle (an adverb before it or not) and what it was done by or with, to the end, no
 * clause after a comma: "Created by sqlite3_open() and destroyed by sqlite3_close().", "Always
 * treated as a URL-path.", an entry's description whose subject is its name. Not "Based on the
 * tests, we chose...".
 */
const PARTICIPLE_ONLY = new RegExp(
  "^(?:(?:Always|Never|Only|Also|Usually|Normally|\\p{Lu}\\p{Ll}+ly) \\p{Ll}+ed|\\p{Lu}\\p{Ll}+ed) " +
    "(?:by|with|in|for|from|to|as|when|if|on|at|via|through|only)\\b[^,;:]*[.!]$",
  "u",
);

/**
 * "Most users are unaware of this implementation detail": a thing named in the sentences before.
 * Not the text itself ("this document"), nor the time or place a speech is given in ("this
 * year", "this new century").
 */
export function namesThingBefore(sentence: string): boolean {
  return THIS_THING.test(sentence);
}

const THIS_THING = new RegExp(
  String.raw`(?<!^\s*)\bthis (?!(?:is|was|will|can|may|must|should|would)\b)` +
    // Two words may stand between: "this new century", "this historic session".
    String.raw`(?!(?:[\p{L}\p{N}]+\s){0,2}(?:` +
    String.raw`document|page|file|guide|manual|chapter|section|article|tutorial|howto|how-to|` +
    String.raw`book|paper|note|readme|text|specification|site|website|` +
    String.raw`year|week|month|morning|evening|afternoon|night|day|century|decade|session|` +
    String.raw`congress|country|nation|land|house|chamber|hall|city|world|generation|` +
    String.raw`administration|government|union|republic|continent|planet|earth|time|moment|` +
    String.raw`way)\b)\p{Ll}+\b`,
  "u",
);

/** "...by solving these two issues", "describes those alternatives", "In the last war such
 * discussions did not even begin", "The frontier in that quarter": things named in the
 * sentences before (not "such measures as are needed", nor "in that it...", "so that"). */
export function pointsBack(sentence: string): boolean {
  return thoseBefore(sentence) ||
    /^(?:\S+\s+){0,4}such (?!as\b)\p{L}+s\b(?! as\b| that\b)/iu.test(sentence.trim()) ||
    // "describes problems of such per-process state": the state told of before.
    /\b(?:of|in|with|for|by|from|on|about) such (?!(?:as|an?|that)\b)[\p{L}-]+\b(?!(?: [\p{L}-]+){0,3} (?:as|that)\b)/iu
      .test(sentence) ||
    THAT_ONE.test(sentence);
}

/**
 * "these two", "those alternatives": things named before the sentence; not "executes those
 * sessions" after "pieces of text that look like interactive Python sessions", named in it.
 */
function thoseBefore(sentence: string): boolean {
  for (const match of sentence.matchAll(/\b(?:these|those)\s+(two|three|\p{L}+s)\b/giu)) {
    const named = new RegExp(`\\b${RegExp.escape(match[1])}\\b`, "iu");
    if (!named.test(sentence.slice(0, match.index))) return true;
  }
  return false;
}

/** "in that quarter", "of that treaty", "of that sequence of merges": "that" after a
 * preposition, before its noun; not "similar to that of Java", "an API similar to that in other
 * languages", which stand for a thing the sentence names. */
const THAT_ONE =
  /\b(?:in|of|from|to|with|by|on|at|for|into|upon|under) that (?!(?:it|they|he|she|we|you|i|the|an?|there|this|these|those|is|was|are|were|way|time|day|year|end|of|in|on|at|for|from|with|by|to|into|used|found|given|described|provided)\b)\p{Ll}+\b(?! (?:which|who|whom|of (?:which|whom))\b)/u;

/** "The following list of options...", "as follows", "The module defines the following
 * user-callable items.": the sentence announces what comes next. */
const POINTS_AHEAD = new RegExp(
  String.raw`^(?:the|these) following\b|\b(?:as follows|listed below)\b|` +
    // "Below is an example of a logging configuration dictionary": of a block a note leaves out.
    String.raw`^(?:below|above|following) (?:is|are)\b|\b(?:shown|given) below\b|` +
    // "The C code below implements a simple window aggregate function": of a block a note
    // leaves out.
    String.raw`\bthe (?:[\p{L}-]+ ){0,2}(?:code|example|program|script|listing|snippet|query|` +
    String.raw`queries|table|figure|diagram)s? below\b|` +
    String.raw`\bthe following(?: [\p{L}-]+){0,3}[.:]$|` +
    // "In short, you can use the following code to initialize the Python interpreter...".
    String
      .raw`\bthe following (?:code|commands?|examples?|snippets?|programs?|scripts?|lines?)\b|` +
    // "The uuid module defines the following namespace identifiers for use with uuid3()".
    String.raw`\b(?:defines|lists|provides|offers|contains|includes|supports|has) ` +
    String.raw`the following\b|` +
    // "I now turn to a subject which...": a speaker announcing the next part.
    String.raw`^(?:I (?:now )?turn(?: now)? to|let me (?:now )?turn to)\b|` +
    // "Later we will see more functions...", "Before introducing classes, I first have to tell
    // you...", "The next two patterns combine...": a tutorial announcing what comes, or an
    // example the note leaves out.
    String.raw`^later,? (?:we|you)(?:'ll|’ll| will| shall)? (?:see|learn|look|discuss|cover)\b|` +
    String.raw`^before [^,]{0,60}, (?:I|we) (?:first )?(?:have|need|want|must) to\b|` +
    String.raw`^the next (?:two |three |four |few )?(?:patterns?|examples?|lines?|snippets?|` +
    String.raw`programs?|commands?|functions?|statements?)\b`,
  "iu",
);

/** Whether the sentence announces what follows it, which a summary does not hold. */
export function pointsAhead(sentence: string): boolean {
  return POINTS_AHEAD.test(sentence.trim());
}

/** Openers that answer or turn from the sentence before: "On the other hand", "If so". */
const TURNS =
  /^(?:on the other hand|conversely|if (?:this|that|so) is (?:the case|so)|if so|if not)\b/iu;

/**
 * Whether the sentence opens answering or turning from the one before ("On the other hand, the
 * testing distribution...", "If this is the case, you might..."): no key point, which is read
 * alone. Counted against a summary sentence too, it cost the gold-debian tune part ROUGE-2
 * (1.46x -> 1.45x), so the summary's weights leave it be.
 */
export function turnsFromBefore(sentence: string): boolean {
  return TURNS.test(sentence.trim().replace(/^["'“‘(]+/u, ""));
}

/** A person or thing met earlier, named by a pronoun near the start ("how they work", "we held
 * to these principles"); not "those who". */
const EARLY_PRONOUN = new RegExp(
  String.raw`^(?:[^\s]+\s+){0,7}?(?:he|she|they|them|him|his|her|their|theirs|` +
    String.raw`(?:these|those)(?! (?:who|whom|that|which|of|days)\b))\b`,
  "iu",
);

/**
 * Whether the sentence names someone or something only by a pronoun before it names anything
 * else: "You'll need to know how they work" leaves a reader asking who "they" are. A pronoun
 * after a capitalised name in the same sentence ("Linus says he...") is resolved.
 */
export function unresolved(sentence: string): boolean {
  const match = EARLY_PRONOUN.exec(sentence.trim());
  if (!match) return false;
  const before = match[0].split(/\s+/u).slice(0, -1).map((w) => w.replace(/^["'“‘(]+/u, ""));
  // "bcomps decomposes graphs into their biconnected components": "their" of the plural before.
  const plural = /^(?:they|them|their|theirs)$/iu.test(match[0].split(/\s+/u).at(-1)!) &&
    before.slice(1).some((w) => /^\p{Ll}{2,}[^s\W]s$/u.test(w) && !STOPWORDS.has(w));
  if (plural) return false;
  // The first word's capital says nothing of a name: "Together, they form..." names no one.
  return !before.some((w, i) => {
    const word = w.toLowerCase().replace(/['’].*$|\p{P}+$/gu, "");
    return /^\p{Lu}\p{Ll}/u.test(w) && !STOPWORDS.has(word) &&
      (i > 0 || englishRank(word) >= GENERIC_RANK);
  });
}

const STATES_PURPOSE = new RegExp(
  "\\b(?:I|we)\\s+(?:(?:am|are|will|shall|must|do|also|now|again|therefore|strongly|hereby|" +
    "would|should)\\s+){0,2}(?:propos|recommend|ask|urg|request|call(?:ing)? (?:on|upon)|" +
    "present|introduc|describ|seek|submit|send|sent|challeng|pledg)\\w*\\b|" +
    // Not "The remainder of this page contains two C language examples": a part of it.
    "\\b(?<!\\b(?:rest|remainder|end|top|bottom) of )" +
    "(?:this|the present) (?:paper|document|article|chapter|guide|section|report|note|" +
    "message|address|howto|how-to|tutorial|manual|book|specification|page|folder|directory|" +
    "repository|package|collection|archive|glossary|faq|primer|handbook|cookbook|appendix|" +
    "overview|walkthrough|text) (?:describes|presents|" +
    "explains|introduces|shows|proposes|covers|discusses|gives|provides|outlines|summari[sz]es|" +
    // "This section details the public API for set and frozenset objects." (Python's C API);
    // not "lists", which a page's part does of its entries ("This section lists the differences
    // between the API and xml.dom.minidom." took the map's line from the page's definition).
    "details|" +
    // "This folder contains XML Security Library examples."
    "contains|holds|supplies|gathers|collects|" +
    "defines|specifies|documents|is about|touches on|deals with|looks at|walks through|" +
    "is (?:intended|meant|designed) to|aims to|" +
    // "This document strives to highlight the principal differences..." (SQLite's quirks),
    // "This document tries to describe the building of a Debian package".
    "(?:strives|tries|attempts|seeks|sets out|hopes) to|" +
    // "This page is a \"brief\" summary of some of the huge number of improvements in GCC 12".
    'is (?:an?|the) (?:["“”]?[\\w-]+["“”]? ){0,2}(?:introduction|tutorial|guide|overview|' +
    "summary))\\b|" +
    // "In this document, we explore the various techniques for sorting data using Python"; "In
    // this article, JC describes how to separate topic branches", as Git's how-tos open.
    "^in this (?:how-?to )?(?:paper|document|article|chapter|guide|section|report|note|howto|tutorial|" +
    "manual|book|page),? (?:(?:I|we)(?:'ll|’ll| will| shall)? (?:explore|describe|discuss|" +
    "present|show|look at|cover|introduce|explain|walk through|examine|review|outline)|" +
    "[\\p{L}.'’-]+(?: [\\p{L}.'’-]+){0,2} (?:explores|describes|discusses|presents|shows|" +
    "introduces|explains|demonstrates|gives|reviews|outlines|talks about))\\b|" +
    // "The purpose of this document is to provide an overview of the recommended procedures"
    // (Debian's Developer's Reference).
    "^the (?:main |primary )?(?:purpose|aim|goal|intent|object|objective) of this (?:paper|" +
    "document|article|guide|report|note|howto|tutorial|manual|book|specification|reference|" +
    "handbook) is to\\b|" +
    // "Here's a summary of the requirements...": what follows, announced.
    "^here(?:'s|’s| is) (?:a|an) (?:[\\w-]+ ){0,2}(?:summary|overview|introduction|description)\\b|" +
    // "Here are some guidelines for people who want to contribute their code to this software."
    "^here are (?:some|a few|the) (?:[\\w-]+ )?(?:guidelines|tips|instructions|rules|" +
    "recommendations|hints|suggestions) (?:for|on|about)\\b|" +
    // "The node:net module provides...", "This module implements...", as API references open
    // each module's page, and "This repository contains..." as a README opens.
    "^(?:(?:the|this) (?:[\\w:.-]+ )?(?:module|package|library|extension|api)|" +
    // Not "the program": "The program defines what arguments it requires" is the reader's.
    "this (?:repository|project|program|tool|utility|suite)) (?:provides|implements|defines|" +
    "offers|contains|lets|allows|enables|is for)\\b|" +
    // "This module constructs higher-level threading interfaces...", "This module creates
    // temporary files and directories", as Python's library pages open; not of another module
    // the page names ("The curses.ascii module supplies...", in the curses HOWTO).
    "^this (?:module|package|library|extension) (?:supports|exports|supplies|exposes|helps|" +
    "converts|adds|wraps|simplifies|constructs|creates|performs)\\b|" +
    // "This package supplies the master copies of /etc/passwd": a Debian README's opening.
    "^this package supplies\\b|" +
    // "This is Poppler, a library for rendering PDF files": a README introducing its program.
    "^this is [^\\s,.;:]+(?: [^\\s,.;:]+)?(?:,| -| —|:) (?:an?|the)\\b|" +
    // "This is a tutorial demonstrating the end-to-end workflow of…": Git's how-tos open so.
    "^this is (?:an?|the) (?:[\\w-]+ ){0,2}(?:tutorial|guide|introduction|overview|howto|" +
    "how-to|manual|walkthrough|primer)\\b|^this is how-?to documentation\\b",
  "iu",
);

/** Whether the author speaks in the sentence as "I" or "we": not the "I" of "I/O". */
export function speaksAsAuthor(sentence: string): boolean {
  return /\b(?:I|we|We)\b(?!\/)/u.test(sentence);
}

/**
 * A sentence in which the author says what they propose, ask or set out ("I recommend that the
 * Congress...", "We propose...", "This paper describes...", "The node:net module provides..."):
 * what a reader of a summary, or of a map's line, wants first (Edmundson's cue words).
 */
export function statesPurpose(sentence: string): boolean {
  return STATES_PURPOSE.test(sentence);
}

/** "This is GNU Make.", "These are the GNU core utilities.": not "This is why...". */
const SELF_INTRODUCTION =
  /^(?:This|These) (?:is|are) (?!(?:why|because|how|what|where|when|not|also|just|only|so|a list)\b)[^;:]{3,80}\.$/u;

/**
 * Whether a sentence says what the text is in its own words, as a README's first line does
 * ("These are the GNU core utilities."): its "this" is the text, when nothing comes before it.
 */
export function introducesItself(sentence: string): boolean {
  return SELF_INTRODUCTION.test(sentence.trim());
}

/** A verb by which a sentence that opens with its subject says what the subject is or does. */
const DEFINING_VERB = new RegExp(
  "^(?:is|are|was|were|does|do|can|has|have|will|may|must|should|uses|implements|introduced|" +
    "introduces|provides|lets|allows|offers|defines|contains|enables|supports|gives|describes|" +
    "performs|converts|handles|manages|creates|reads|writes|consists|works|runs|stores|keeps|" +
    "makes|comes|" +
    // What a program does, as its manual page says it: "bcomps decomposes graphs into...".
    "decomposes|draws|computes|prints|generates|displays|filters|transforms|produces|adjusts|" +
    "inserts|lists|finds|searches|sorts|parses|renders|formats|compresses|builds|checks)$",
  "iu",
);

/** Verbs by which a subject the title names in everyday words says what it is: "Compound
 * statements contain...", "Access control refers to..."; not what it does for the text ("Use
 * declarations support a number of shortcuts", "Policy objects give the email package..."). */
const TITLE_VERB =
  /^(?:is|are|refers?|means?|denotes?|contains?|consists?|represents?|defines?|describes?)$/iu;
/** After "is" or "are": an adverb, a participle or "not", which say how, not what. */
const HOW_USED = /^(?:not|\p{L}+ly|\p{L}+ed|\p{L}+en|\p{L}+ing)$/iu;

/**
 * Whether a sentence that {@link definesSubject} names by its subject no more than the title
 * does: "The Debian Project is..." under "Constitution for the Debian Project", not "The Git
 * development community is..." under "Reviewing Patches in the Git Project", whose subject is
 * another thing the title's word belongs to.
 */
export function subjectInTitle(sentence: string, titleWords: ReadonlySet<string>): boolean {
  const words = sentence.trim().split(/\s+/u);
  const start = /^(?:the|an?)$/iu.test(words[0] ?? "") ? 1 : 0;
  for (let i = start; i < words.length; i++) {
    const w = word(words[i]);
    if (DEFINING_VERB.test(w)) return true;
    // "SQLite Version 3.0.0 introduced..." under "... In SQLite Version 3": a release's number.
    if (!titleWords.has(w) && !STOPWORDS.has(w) && !/\d/u.test(w)) return false;
  }
  return false;
}

/**
 * Whether the sentence opens by saying what the text's subject is or does: the subject, a word
 * of the title, then a verb ("GnuTLS implements the TLS/SSL protocol", "Git is a fast
 * distributed revision control system", "The SELECT statement is used to query the
 * database"). What a reader wants first of a reference page or a README.
 */
export function definesSubject(sentence: string, titleWords: ReadonlySet<string>): boolean {
  // "GLPK (GNU Linear Programming Kit) is a set of routines...": the name spelled out in
  // brackets is the subject's too.
  const spelled = SPELLED_OUT.exec(sentence.trim());
  const text = (spelled ? `${spelled[1]} ${sentence.trim().slice(spelled[0].length)}` : sentence)
    // "JSON, specified by RFC 7159 and by ECMA-404, is a lightweight...", "A Virtual Private
    // Network (VPN for short) is a way...": an aside between the subject and its verb.
    .replace(APPOSITIVE, "$1 ").replace(BRACKETED, "$1 ");
  const words = text.trim().split(/\s+/u);
  // The subject's words, one of them the title's, then the verb: "The SELECT statement is",
  // not "In a SELECT statement, ..." nor "SELECT in a subquery is".
  // After "a" or "an" the subject is one of a kind: the title's name for it says which ("An
  // SQLite database file is..."); a title's words as words define a kind of thing ("A file
  // format is used..." under "SQLite As An Application File Format").
  const start = /^(?:the|an?)$/iu.test(words[0] ?? "") ? 1 : 0;
  const ofAKind = /^an?$/iu.test(words[0] ?? "");
  let named = spelled !== null &&
    spelled[2].split(/\s+/u).some((w) => titleWords.has(word(w)) && /^\p{Lu}/u.test(w));
  /** The title's words in a row from the start: two of them are its name for the subject,
   * everyday words or not ("Compound statements contain..." under "Compound statements"), but
   * not one of a kind ("A select lamp is..." under "The SELECT lamp"). */
  let ofTitle = 0;
  for (let i = start; i < Math.min(words.length - 2, start + 4); i++) {
    const w = word(words[i]);
    if (named && DEFINING_VERB.test(w)) return true;
    // The title's words, then a verb of what the subject is (see TITLE_VERB), not a modal
    // ("Access control can be done by several different modules."), nor "is" or "are" before
    // how it is used or written ("Slice types are generally used through pointer types").
    const saysIs = !/^(?:is|are)$/u.test(w) || !HOW_USED.test(words[i + 1] ?? "");
    if (!ofAKind && ofTitle >= 2 && ofTitle === i - start && TITLE_VERB.test(w) && saysIs) {
      return true;
    }
    // "DTrace and SystemTap are monitoring tools": two of the title's names as one subject.
    if (w === "and" && named && titleWords.has(word(words[i + 1] ?? ""))) continue;
    // "The node:child_process module provides...": a code name, its words the title's.
    const parts = codeNameWords(w);
    if (parts?.every((p) => titleWords.has(p))) {
      named = true;
      continue;
    }
    if (STOPWORDS.has(w) || w === "") return false;
    // An everyday word of the title names the subject only when written as a name: "The
    // SELECT statement is", not "the select is".
    const asName = i > 0 && /\p{Lu}/u.test(words[i]);
    // A name the title lacks makes the subject another thing: "END TRANSACTION is an alias for
    // COMMIT" under "Transaction".
    const spelledName = spelled !== null && i === start;
    if ((asName || /^\p{Lu}{2,}$/u.test(words[i])) && !titleWords.has(w) && !spelledName) {
      return false;
    }
    named ||= titleWords.has(w) && (asName || !ofAKind && englishRank(w) >= GENERIC_RANK);
    if (titleWords.has(w)) ofTitle++;
    // A stop or comma ends the subject; quotation marks around a word of the title do not
    // ("“Cell” objects" under "Cell Objects"; not "\"Future-incompatible\" lints" under "Lints").
    const unquoted = words[i].replace(/["”’]+$/u, "");
    if (/\p{P}$/u.test(unquoted) || unquoted !== words[i] && !titleWords.has(w)) return false;
  }
  return false;
}

/**
 * The words of a code name that joins them with "_", after the namespace a ":" closes:
 * "node:child_process" (as Markdown escapes it, "node:child\_process") gives "child" and
 * "process", "node:os" gives "os". Undefined for a word that is no such name.
 */
export function codeNameWords(name: string): string[] | undefined {
  const bare = name.toLowerCase().replaceAll("\\", "");
  if (!/^[\p{L}\p{N}_:]+$/u.test(bare) || !/[_:]/u.test(bare)) return undefined;
  const parts = bare.slice(bare.lastIndexOf(":") + 1).split("_").filter((p) => p !== "");
  return parts.length > 0 ? parts : undefined;
}

/** An aside in commas after a subject of a word or two, or a name of up to four capitalised
 * words, before a verb: "The Document Object Model, or “DOM,” is a cross-language API". */
const APPOSITIVE =
  /^(\S+(?: \S+)?|(?:The )?\p{Lu}\S*(?: \p{Lu}\S*){1,3}) ?, [^,;:]{3,150},["”’]? (?=\p{Ll})/u;

/** An aside in brackets after a subject of five words at most, before a verb. */
const BRACKETED = /^((?:\S+ ){0,4}\S+) \([^()]{1,80}\) (?=\p{Ll})/u;

/** A name and, in brackets, what it stands for: "GLPK (GNU Linear Programming Kit)". */
const SPELLED_OUT = /^(\p{Lu}[\p{L}\p{N}+-]*) \(([^()]{3,80})\)/u;

/** The shape of a manual page's NAME line: a command, " - " (or groff's minus sign, " − "),
 * then what it does. */
const NAME_LINE = /^([\p{L}\p{N}._+-]+) [-−–—] \p{L}\S* \S/u;

/** Whether the sentence has the shape of a manual page's NAME line ("git-reflog - Manage
 * reflog information"). */
export function isNameLine(sentence: string): boolean {
  return NAME_LINE.test(sentence.trim());
}

/** A manual page's NAME line for the page's own command: "git-rebase - Reapply commits on top
 * of another base tip" under "git-rebase(1)". */
export function namesManPage(sentence: string, titleWords: ReadonlySet<string>): boolean {
  const name = NAME_LINE.exec(sentence.trim())?.[1];
  return name !== undefined && titleWords.has(word(name));
}

/** What a NAME line says its command does, as a sentence: "Reapply commits on top of another
 * base tip" of "git-rebase - reapply commits on top of another base tip". */
export function manPageDoes(nameLine: string): string {
  const does = nameLine.trim().replace(/^\S+ [-−–—] /u, "");
  return does.charAt(0).toUpperCase() + does.slice(1);
}

/** A word lower-cased, without the punctuation around it. */
function word(w: string): string {
  return w.toLowerCase().replace(/^\p{P}+|\p{P}+$/gu, "");
}

/** The words of a title that may name its subject: "git-rebase(1)" gives "git-rebase", "git"
 * and "rebase". */
export function titleWords(title: string): Set<string> {
  const out = new Set<string>();
  // "Node.js" is a word of its own as well as its parts.
  const found = title.toLowerCase().matchAll(
    /\p{L}[\p{L}\p{N}+-]*(?:\.\p{L}{2}[\p{L}\p{N}+-]*)*/gu,
  );
  const words: string[] = [];
  for (const [w] of found) {
    for (const part of [w, ...w.split(/[.-]/u)]) if (part && !STOPWORDS.has(part)) out.add(part);
    if (!STOPWORDS.has(w)) words.push(w);
  }
  for (const short of abbreviations(words)) out.add(short);
  return out;
}

/**
 * The names that run together the starts of two to four words in a row, as "zsh" does "Z Shell"
 * and "glpk" "GNU Linear Programming Kit", a letter to three of each: "Zsh is a UNIX command
 * interpreter" says what "The Z Shell Manual" is about. Only those that are no English word
 * and no first name ("Hal" of "Harbour Lamps").
 */
function abbreviations(words: string[]): Set<string> {
  const out = new Set<string>();
  const grow = (from: number, at: number, built: string) => {
    if (
      at - from >= 2 && built.length >= 3 && englishRank(built) === Infinity && !isGivenName(built)
    ) out.add(built);
    if (at - from === 4 || at === words.length) return;
    const word = words[at];
    for (let n = 1; n <= Math.min(3, word.length); n++) {
      grow(from, at + 1, built + word.slice(0, n));
    }
  };
  for (let from = 0; from < words.length - 1; from++) grow(from, from, "");
  return out;
}

/** "The X ... is a Y", "Xs are the Y": a definition, its subject a noun phrase, not a pronoun. */
export function opensWithDefinition(text: string): boolean {
  return DEFINITION.test(text) && !leansBack(text) && !unresolved(text) && !pointsAhead(text);
}

const DEFINITION =
  /^(?:(?:The|An?)\s+)?(?!(?:It|This|That|These|Those|There|Here|He|She|They|We|You|I)\b)[\p{L}\p{N}][^.,;:!?]{1,80}?\s(?:is|are)\s(?:a|an|the|one of)\s/u;

/**
 * Whether a sentence opens with a verb's bare form, as an order or an item of a to-do list does:
 * "Add functions for a C code file generation...", "Use the sorted() function". It says what to
 * do, not what the text is about.
 */
export function ordersOrPlans(sentence: string): boolean {
  return IMPERATIVE.test(sentence.trim().replace(/^["'“‘(]+/u, ""));
}

const IMPERATIVE = new RegExp(
  "^(?:add|use|create|make|fix|remove|implement|write|build|set up|ensure|update|change|" +
    "replace|rewrite|move|rename|call|pass|define|declare|allow|support|provide|improve|" +
    "consider|try|let|keep|put|open|close|compile|configure|enable|disable|specify|select|" +
    "choose|edit|delete|insert|append|copy)\\s+(?!(?:is|are|was|were|of|for|and|or)\\b)",
  "iu",
);
