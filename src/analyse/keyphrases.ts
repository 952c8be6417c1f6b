/**
 * @module
 * Keyphrases and the Obsidian tags made from them. Candidates are the noun phrases the language
 * pass found and the shorter terms inside them, the title's own phrase, and the runs of content
 * words in the section headings that the text also uses; a phrase scores by how often it and its
 * words occur, how early it first appears and whether the title or a heading names it. Names of
 * people are left to the People list, and a phrase that repeats one already chosen is skipped.
 */
import { isBodyWord } from "./body_words.ts";
import { englishRank, formRank, GENERIC_RANK, NAME_RANK, specificity } from "./commonness.ts";
import { isFirstName, isRegion, lexiconTag, type Phrase, wordClasses } from "./language.ts";
import { isContentWord, stem, terms, words } from "./terms.ts";
import { isTitle } from "./titles.ts";
import { isUpkeep } from "./upkeep.ts";
import { wordUses } from "./word_uses.ts";

export interface Keyphrase {
  /** As shown: lower case, single spaces. */
  text: string;
  /** Stems of its words, split at hyphens and slashes, joined by spaces: the identity of the
   * phrase ("key-functions" and "key function" are one). */
  key: string;
}

/** What {@link rankKeyphrases} weighs the noun phrases of a text by. */
export interface KeyphraseContext {
  /** How often each stem occurs in the whole text. */
  termCounts: ReadonlyMap<string, number>;
  /** The stems of each sentence's content words, in order: where a heading's phrase is counted. */
  sentenceTerms?: string[][];
  title: string;
  /** The headings of the text's sections. */
  headings?: string[];
  /** Length of the text, for the position of first use. */
  textLength: number;
  limit: number;
  /** Lower-cased words of the people named: "lovelace" alone is a name, not a topic. */
  nameWords?: ReadonlySet<string>;
  /** Lower-cased names of the places named: "united states" is where, not what. */
  places?: ReadonlySet<string>;
  /** The text types its dashes as hyphens ("this year-others by the time"). */
  dashesAsHyphens?: boolean;
  /** The stems of each sentence that says what the text asks or is for ("I propose a Family
   * Savings Plan"). */
  purposeTerms?: string[][];
  /** The function words of the text's language where it is not English ("de", "los"): no term
   * starts or ends with one. */
  stopwords?: ReadonlySet<string>;
  /** Lower-cased names in camel case the text's code gives ("pinmemory" of `pInMemory`). */
  identifiers?: ReadonlySet<string>;
  /** The text the phrases' offsets point into. */
  text?: string;
  /** The text of its code spans, one to a line: a phrase said only there is an example's. */
  code?: string;
}

const MAX_WORDS = 3;
/**
 * Noun phrases of up to this many words give their runs of two and three words as candidates:
 * "SQLite Archive files" and "an SQLite archive features" both use "sqlite archive". A longer
 * run is more often a list or a title the tagger read as one phrase.
 */
const MAX_CHUNK = 6;
/** Keyphrases of one word among a note's: terms of a field are mostly two or three words. */
const MAX_SINGLE = 3;
/** How much a term of two or three words is preferred to one word: terms of a field are
 * (measured on the gold-debian tune part: 2 gave F1@10 0.150, 4 with at most three single words
 * 0.164; two single words scored the same and left a note too few topic words to share). */
const MULTI_WORD = 4;
/**
 * How much more a phrase of two or more words counts when the title or a section heading says it
 * whole: the author's own names for what the text is about ("Static Analysis", "Key Functions").
 * Measured on the gold-debian tune part with headings as candidates: a heading 1 gave F1@10
 * 0.199, 2 0.213, 3 0.227, 4 and 6 the same; the title 0 or 1 the same (its words already weigh).
 * Lifting one-word headings too cost 0.019 (0.246 without).
 */
const TITLE_RUN = 1;
const HEADING_RUN = 3;
/**
 * The power of the words' own use in a phrase's score. The phrase's count already says how
 * much the text uses it; at full weight, the text's most used word ("sqlite", "python") lifted
 * every phrase it opens ("sqlite website", "python values") above the terms of the field
 * (gold-debian tune F1@10 0.198 at 1, 0.213 at 0.5).
 */
const WORD_USE = 0.5;
/**
 * How much more a term counts when a sentence that says what the text asks or is for holds it
 * ("I propose a Family Savings Plan"). Gold-speeches tune F1@10 exact 0.141 -> 0.152, partial
 * 0.177 -> 0.202 (1: 0.157 / 0.192; 2: 0.136 / 0.172); gold-debian tune 0.279 -> 0.282, partial
 * 0.338 -> 0.341; the older gold set unchanged (0.349).
 */
const PURPOSE = 0.5;

/** Below this rank in spoken English, words said together may be an idiom ("real life"). */
const IDIOM_RANK = 500;
const RECENT = /^(?:last|past|next|this|coming|current|recent)$/u;
/** A year by what it is counted for ("fiscal year", "election year"): when, not what. */
const COUNTED = /^(?:fiscal|election|calendar|budget|school|academic|financial)$/u;
const SPAN =
  /^(?:years?|months?|weeks?|days?|decades?|century|centuries|sessions?|summer|fall|autumn|winter|spring|congress|parliament|administration)$/u;
/** Which sitting of a legislature or term of a government: "seventh congress". */
const SITTING = /^(?:congress|sessions?|parliament|administration)$/u;
/** "seventh", "seventy-seventh", "eighteenth", "77th": which of a series, as "last" is. */
const TENS = "(?:twen|thir|for|fif|six|seven|eigh|nine)";
const ORDINAL = new RegExp(
  `^(?:\\d+(?:st|nd|rd|th)|${TENS}tieth|(?:${TENS}ty-)?(?:first|second|third|` +
    "(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf|(?:thir|four|fif|six|seven|eigh|nine)teen)th))$",
  "u",
);

/** "gzip-1", "libffi-3", "bzip2-0" (of "bzip2-0.1"): a program's name and the first number of
 * its version; "sha-256" and "utf-8" are an algorithm and an encoding, "x86-64" an architecture. */
const VERSIONED =
  /^(?!(?:utf|ucs|iso|latin|cp|win|ecma|rfc|mp|sha|md|aes|x)-)(?:\p{L}{2,}-\d+|\p{L}[\p{L}\p{N}]*\p{N}-\d)$/iu;

/** A modifier key, alone or held with another key ("ctrl-y", "ctrl-w w", "alt-f4"); not a word
 * the modifier's name opens ("meta-analysis", "shift-reduce"). */
const KEY = new RegExp(
  "^(?:ctrl|alt|shift|meta|cmd|esc)" +
    "(?:-(?:[^\\s-]|f\\d{1,2}|tab|enter|space|home|end|up|down|left|right)(?: [^\\s])?)?$",
  "u",
);

/**
 * The best `limit` keyphrases of a text.
 * @param phrases noun phrases in text order
 */
export function rankKeyphrases(phrases: Phrase[], context: KeyphraseContext): Keyphrase[] {
  const { termCounts, textLength, limit } = context;
  const nameWords = context.nameWords ?? new Set<string>();
  const foreign = context.stopwords ?? NONE;
  const found = new Map<string, Candidate>();
  // An adjective and the word it qualifies, as stems: "balanced budget" in "a balanced budget"
  // and in "the balanced budget amendment" is one pair said twice.
  const pair = (words: string[]) => words.slice(0, 2).map(stem).join(" ");
  const adjectival = new Map<string, number>();
  // A pair said again in the same words after it is one formula said again, rhetoric's not the
  // text's subject: "by an impressive expression of the public will" thrice in one address.
  const formulas = new Set<string>();
  for (const p of phrases) {
    if (!p.adjective) continue;
    const after = context.text === undefined ? `${p.start}` : wordsAfter(context.text, p);
    if (formulas.has(`${pair(p.words)}|${after}`)) continue;
    formulas.add(`${pair(p.words)}|${after}`);
    adjectival.set(pair(p.words), (adjectival.get(pair(p.words)) ?? 0) + 1);
  }
  // A phrase with a person's name in it is about the person ("Councillor Hadley", "crater
  // Leavitt"), unless the text also writes the name as a word ("theremin kits", after Leon
  // Theremin). Older gold set F1@10 0.344 -> 0.348; gold-debian tune part unchanged.
  const personal = new Set(nameWords);
  for (const p of phrases) {
    if (personal.size === 0) break;
    if (!p.words.some((w) => personal.has(w))) continue;
    for (const [word] of p.text.matchAll(/(?<!\p{L})\p{Ll}[\p{L}'’-]*/gu)) personal.delete(word);
  }
  const nullsInCode = wordUses(context.code ?? "", "NULL");
  const nullAsCode = nullsInCode > 0 && 2 * nullsInCode >= wordUses(context.text ?? "", "NULL");
  /** Phrases written with a capital to each word: a named thing ("Family Savings Plan"). */
  const capitalised = new Set<string>();
  const inside = new Map<string, Candidate>();
  /** The word after each run inside a longer phrase; where it ends the phrase, the word before. */
  const holding = new Map<string, Set<string>>();
  const linked = new Map<string, Candidate>();
  /** The words after each linked run where it is said, "" where it ends the phrase. */
  const ending = new Map<string, Set<string>>();
  for (const phrase of phrases.flatMap(atPossessives).flatMap(beforeNames)) {
    if (phrase.person) continue;
    if (phrase.linked) {
      // Each run from its start: "balance of payments" is said in "balance of payments
      // deficit" too.
      // "House of Representatives", "Republic of Korea" are names, which the lists of
      // organisations and places have; "areas of Iraq", "security of Israel" are about where.
      // Nor is a name on somewhere ("Postfix on hosts", "Python on Windows"): where it runs.
      const term = /^\p{Lu}.* \p{Lu}/u.test(phrase.text) ||
          /^\p{Lu}\S* on /u.test(phrase.text) && englishRank(phrase.words[0]) > NAME_RANK
        ? undefined
        : linkedTerm(phrase.words);
      if (term && context.places?.has(term.tail.join(" "))) continue;
      for (let k = 1; term && k <= term.tail.length && term.head.length + k <= MAX_WORDS; k++) {
        const key = add(linked, [...term.head, term.link, ...term.tail.slice(0, k)], phrase.start);
        ending.set(key, (ending.get(key) ?? new Set<string>()).add(term.tail[k] ?? ""));
      }
      continue;
    }
    let raw = phrase.words.map((w) => w.replace(/['’]s$/u, ""));
    // An adjective makes a keyphrase only when the text repeats the pair ("varroa mites" yes,
    // "strong colony" once: just "colony"), alone or in a longer phrase (gold-speeches tune
    // F1@10 exact 0.152 -> 0.162, older gold set 0.353 -> 0.362, gold-debian tune unchanged).
    if (phrase.adjective && raw.length > 1 && (adjectival.get(pair(phrase.words)) ?? 0) < 2) {
      raw = raw.slice(1);
    }
    const kept = trimToContent(raw, foreign);
    // "Return True" of "Return True if path is an existing directory": an entry's verb and a
    // value of code, no term, nor are its pieces; "INDESCRIBABLE HORRORS THAT SHATTER YOUR
    // PSYCHE": everyday words in capitals are a shout, no name.
    if (
      kept.length === 0 || LITERAL.test(phrase.text) || nullAsCode && NULL.test(phrase.text) ||
      shouted(phrase, context.text)
    ) continue;
    // Two letters are a word of the field only in capitals ("IP", "OS"); "gt" and "fa" in lower
    // case are the remains of markup or of a word a PDF split.
    const bare = (w: string) =>
      w.length <= 2 && /^\p{L}+$/u.test(w) && isContentWord(w) &&
      !new RegExp(`\\b${w.toUpperCase()}\\b`, "u").test(phrase.text);
    // "marco-ippolito", a handle made of a named person's name, is the person too.
    const usable = (run: string[]) =>
      !run.some((w) => personal.has(w)) &&
      !run.every((w) => w.split("-").every((part) => nameWords.has(part))) &&
      run.every((w) => /^\p{L}[\p{L}\p{N}-]*(?:\/\p{L}[\p{L}\p{N}-]*)*$/u.test(w)) &&
      !run.some(bare) && !run.some((w) => PREPOSITIONAL.has(w)) && !enumerates(run);
    // "National Industrial Recovery Act": a law is named whole, however many words its name has.
    const law = /^(?:\p{Lu}\S* )+Acts?$/u.test(phrase.text) && kept.length <= MAX_CHUNK;
    if ((kept.length <= MAX_WORDS || law) && usable(kept)) {
      const key = add(found, kept, phrase.start);
      const written = phrase.text.split(/\s+/u).slice(-kept.length);
      if (kept.length > 1 && written.every((w) => /^\p{Lu}/u.test(w))) capitalised.add(key);
    }
    if (kept.length < 3 || kept.length > MAX_CHUNK) continue;
    // "Finance Corporation" of the "War Finance Corporation" and the "Reconstruction Finance
    // Corporation": the end of two bodies' names is no term ("range jet bomber" of two bombers'
    // names is). Gold-speeches tune F1@10 exact 0.136 -> 0.140, partial 0.189 -> 0.185.
    const named = phrase.text.split(/\s+/u).slice(-kept.length).every((w) => /^\p{Lu}/u.test(w));
    for (let from = 0; from < kept.length; from++) {
      for (let to = from + 2; to <= Math.min(kept.length, from + MAX_WORDS); to++) {
        if (to - from === kept.length) continue;
        const part = trimToContent(kept.slice(from, to), foreign);
        if (part.length < to - from || !usable(part)) continue;
        if (named && from > 0 && to === kept.length && isBodyWord(part.at(-1)!)) continue;
        const key = add(inside, part, phrase.start);
        const next = to < kept.length ? stem(kept[to]) : `${stem(kept[from - 1])} at the end`;
        holding.set(key, (holding.get(key) ?? new Set<string>()).add(next));
      }
    }
  }
  // A run inside longer phrases counts those uses too. One the text never writes alone is a
  // term only when different words follow it ("sqlite archive" in "SQLite archive files" and
  // "SQLite archive features") or it ends phrases that differ before it ("tax credit" of
  // "investment tax credit" and "earned income tax credit"). Always before the same word
  // ("hallowmere dark" in "Hallowmere Dark Skies" and "Hallowmere Dark Skies plans"), it is a
  // piece of a phrase, whatever comes before it ("range jet" of "Medium Range Jet Bomber" and
  // "Long Range Jet Bombers"). Measured on the gold-debian tune part: F1@10 partial 0.305
  // without the runs, 0.315 with.
  for (const [key, e] of inside) {
    const entry = found.get(key);
    if (entry) entry.count += e.count;
    else if (holding.get(key)!.size >= 2) found.set(key, e);
  }
  // A linked term said once is more often a phrase of the sentence ("point of view"); one
  // never said alone is a piece of a longer one ("weapons of mass").
  for (const [key, e] of linked) {
    if (e.count >= 2 && ending.get(key)!.has("") && !found.has(key)) found.set(key, e);
  }
  if (context.sentenceTerms) {
    const labels = [context.title, ...(context.headings ?? [])];
    addLabelPhrases(found, labels, context.sentenceTerms, nameWords, foreign);
  }
  // Words the text uses in the plural: kinds of thing. A word that the English list lacks, and
  // that the text never uses so, is a name ("libxcrypt", "iso"), not a kind ("worktrees"),
  // unless English made it ("simplification").
  const plurals = new Set(phrases.flatMap((p) => p.words).filter((w) => /[^s]s$/u.test(w)));
  const nameLike = (w: string) =>
    englishRank(w) === Infinity && !/s$/u.test(w) && !plurals.has(`${w}s`) &&
    !plurals.has(`${w}es`) && !DERIVED.test(w);
  const title = new Set(terms(context.title));
  const titleRun = stemRuns([context.title]);
  const purposeRun = (context.purposeTerms ?? []).map((t) => ` ${t.join(" ")} `).join("|");
  const headingRun = stemRuns(context.headings ?? []);
  const scored = [...found].flatMap(([key, e]) => {
    const text = mostUsed(e.text);
    // The word that links two phrases ("of", "on") is weighed as no word of the term.
    const stems = key.split(" ").filter((s) => !LINK.test(s));
    const shown = text.split(" ").filter((w) => !LINK.test(w));
    // Three words said once are more often a clause the tagger misread ("volcanoes show
    // unrest", "magma forces rock") than a term of the field, unless they are a name ("Family
    // Savings Plan"; older gold set F1@10 0.349 -> 0.353, both tune parts unchanged).
    if (shown.length === 3 && shown.every(isContentWord) && e.count < 2 && !capitalised.has(key)) {
      if (!stems.some((s) => title.has(s))) return [];
    }
    // "mailing list", "home page", "free software foundation": how a project is run, said in
    // most READMEs, unless the title names it; and after a name ("zlib home page", "zlib faq").
    const upkeep = shown.findIndex((_, i) => isUpkeep(shown.slice(i).join(" ")));
    const ofName = shown.slice(0, Math.max(0, upkeep))
      .every((w, i) => title.has(stems[i]) || englishRank(w) === Infinity);
    if (upkeep >= 0 && ofName && !stems.every((s) => title.has(s))) return [];
    // A generic word alone ("file", "value", "changes") tells nothing about the text, unless
    // its title names it ("honey" in "Keeping honey bees through winter").
    if (shown.length === 1 && formRank(shown[0]) < GENERIC_RANK && !title.has(stems[0])) {
      return [];
    }
    // A hyphenated word said once with a function word or a number in it ("that-america",
    // "two-democracy", "nation-finland-has") is more often two words either side of a dash
    // typed as a hyphen than a compound.
    if (e.count < 2 && shown.some((w) => w.includes("-") && w.split("-").some(notCompoundPart))) {
      return [];
    }
    // In a text that types its dashes as hyphens, any hyphenated word said once may be two
    // words either side of a dash ("year-others", "partisanship-programs", "out-work").
    if (context.dashesAsHyphens && e.count < 2 && shown.some((w) => w.includes("-"))) return [];
    // "database pInMemory", "xGeom callback": a name the code gives is no term of the field,
    // unless the title says it.
    if (shown.some((w) => context.identifiers?.has(w) && !title.has(stem(w)))) return [];
    // A name with the first number of its version ("gzip-1" of "gzip-1.3.10", "libffi-3") is
    // the release, not a term.
    if (shown.some((w) => VERSIONED.test(w))) return [];
    // "ctrl", "ctrl-o", "ctrl-w w": a key on the keyboard, which a text about a program presses
    // everywhere, is no subject of it.
    if (KEY.test(shown[0])) return [];
    // "Postfix version" of "Postfix version 2.2 and later": which release, not a subject.
    if (/^versions?$/u.test(shown.at(-1)!) && context.text && numbered(context.text, shown)) {
      return [];
    }
    // "york-based" (of "New York-based"), "bug-ridden", "grouping-related": a compound that
    // describes a thing is no thing a text is about.
    if (DESCRIBING.test(shown.at(-1)!)) return [];
    // "concurrency chapter", "section documents" (of "This section documents..."): a part of the
    // book, not what it is about ("critical section" is a term).
    if (/^chapters?$/u.test(shown.at(-1)!) || /^(?:chapters?|sections?)$/u.test(shown[0])) {
      return [];
    }
    // "miss-tash-kin": a name's pronunciation in syllables, short and not all words.
    if (shown.some(syllables)) return [];
    // "git-foo", "frotz-for-xyzzy-tag", "blah-branches": an example's placeholder names.
    if (shown.some((w) => w.split("-").some((part) => PLACEHOLDER.has(part)))) return [];
    // An everyday word before a name ("official ISO", "in case libxcrypt...") is no term of
    // the field; before a kind of thing it may be ("main worktree").
    if (shown.length === 2 && englishRank(shown[0]) < GENERIC_RANK && nameLike(shown[1])) return [];
    // A phrase ending in a day or a month ("last january", "congress today", "objective
    // tonight") says when.
    const last = shown[shown.length - 1];
    if (last === "tonight" || /^(?:Date|Month|WeekDay)$/u.test(lexiconTag(last))) return [];
    // ... or a span of time from now ("last year", "past decade", "last fall"), or a year by
    // what it is counted for ("fiscal year", which six addresses' keyphrases had).
    // So is one of a series of congresses or sessions ("seventh congress", "last congress"); "our
    // third century" is the nation's, a subject of the Bicentennial's addresses.
    if (
      shown.length === 2 && (RECENT.test(shown[0]) && SPAN.test(shown[1]) ||
        COUNTED.test(shown[0]) && /^years?$/u.test(shown[1]) ||
        ORDINAL.test(shown[0]) && SITTING.test(shown[1]))
    ) {
      return [];
    }
    // An adjective before a noun that says nothing alone ("brave people", "deeper purpose").
    if (shown.length === 2 && adjectival.has(key) && GENERIC_HEAD.test(shown[1])) return [];
    if (
      shown.length === 2 && adjectival.has(key) && EVALUATIVE.test(shown[0]) &&
      englishRank(shown[1]) < GENERIC_RANK
    ) return [];
    // Whom a speech addresses ("fellow americans", "madam speaker") is no subject of it.
    if (shown.length === 2 && shown[0] === "fellow" && /(?:s|men)$/u.test(shown[1])) return [];
    if (shown.length === 2 && /^(?:madam|mister|mr)$/u.test(shown[0])) return [];
    // A nation's people ("american people", "afghan people", "young americans") are who, as a
    // place is where: the subject is what is said about them.
    if (shown.length === 2 && isPeopleOf(shown[0], shown[1])) return [];
    // "vice president", "secretary general", "senate majority leader": an office, named for
    // whoever holds it.
    if (
      shown.length > 1 && isTitle(shown.at(-1)!) &&
      shown.every((w) => isTitle(w) || /^(?:senate|house|cabinet|party)$/u.test(w))
    ) return [];
    // "federal government", "local governments": a level of government, no subject of its own.
    if (
      shown.length === 2 && /^governments?$/u.test(shown[1]) &&
      /^(?:federal|national|state|local|central)$/u.test(shown[0])
    ) return [];
    // A place is where, not what ("united states", "west indies"): the Places list has it; so
    // is one with a word of praise ("a strong America", "a free Iraq"), not a region ("latin
    // america", whose first word makes another place).
    if (context.places?.has(text)) return [];
    if (
      shown.length === 2 && adjectival.has(key) && context.places?.has(shown[1]) &&
      !isRegion(shown.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" "))
    ) return [];
    // A verb alone ("use", "reverting", "sorts", "re-written") is an action the text mentions,
    // not a topic.
    if (
      shown.length === 1 && !title.has(stems[0]) &&
      [shown[0], shown[0].replaceAll("-", "")].some((w) => VERB.test(lexiconTag(w)))
    ) return [];
    // Words of C's grammar alone ("const char", "typedef struct", "unsigned int") are code, and
    // so is a phrase ending in a word that is nothing but C's ("synopsis int"); "char pointer"
    // is a term. "Synopsis" heads an entry of a reference manual ("graph synopsis").
    if (
      shown.every((w) => w.split("-").every((part) => C_KEYWORDS.has(part))) ||
      C_ONLY.has(shown[shown.length - 1].split("-").at(-1)!) || shown.includes("synopsis")
    ) return [];
    // A type before a parameter's name or an everyday noun is a declaration ("str filename",
    // "int lineno" of CPython's DTrace probes; "int value" of argparse's tutorial).
    if (
      shown.length === 2 && DECLARED_TYPE.has(shown[0]) &&
      (englishRank(shown[1]) < GENERIC_RANK || englishRank(shown[1]) === Infinity)
    ) return [];
    const specific = shown.map(specificity);
    // Words of the title are what the author says the text is about, everyday or not.
    const distinct = stems.every((s) => title.has(s))
      ? 1
      : 0.5 * Math.max(...specific) + 0.5 * specific.reduce((sum, x) => sum + x, 0) /
          specific.length;
    // Everyday words the text says together more often than apart are its term ("clean energy",
    // "civil rights", "tax relief" in a speech): the share of the rarer word's uses that are in
    // the phrase stands in for rarity. Gold-speeches tune F1@10 partial 0.091 -> 0.136, exact
    // 0.073 -> 0.082; gold-debian tune unchanged (0.277 exact, 0.341 partial). Not words of
    // the few hundred most used alone: "in real life", "hard work" are idioms.
    const idiom = shown.every((w) => englishRank(w) < IDIOM_RANK);
    const bound = stems.length > 1 && e.count >= 2 && !idiom
      ? e.count / rarestUse(stems, termCounts, e.count)
      : 0;
    const wordWeight = shown.reduce((sum, w) => sum + usage(w, termCounts), 0) / shown.length;
    const early = 1 - Math.min(1, e.first / Math.max(1, textLength));
    const inTitle = stems.some((s) => title.has(s)) ? 1 : 0;
    const run = ` ${key} `;
    // A heading of one word is more often a label ("Introduction", "Encodings", "Winter") than
    // the name of a term.
    const named = stems.length < 2 ? 0 : (titleRun.includes(run) ? TITLE_RUN : 0) +
      (headingRun.includes(run) ? HEADING_RUN : 0);
    // A hyphenated word ("super-journal", "utf-8") is a compound term as two words are.
    const multi = stems.length > 1 ? MULTI_WORD : 1;
    const asked = stems.length > 1 && purposeRun.includes(` ${stems.join(" ")} `) ? PURPOSE : 0;
    const score = Math.log(1 + e.count) * wordWeight ** WORD_USE * multi *
      Math.max(distinct, bound) *
      (1 + 0.5 * early + 0.5 * inTitle + named + asked);
    return [{ key, text, score, named: named > 0 }];
  });
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  const out: Keyphrase[] = [];
  let singles = 0;
  const uses = (key: string) => found.get(key)!.count;
  /** A phrase chosen before that is a piece of `key` with most of its uses in it. */
  const pieceOf = (chosen: string, key: string) =>
    chosen.includes(" ") && ` ${key} `.includes(` ${chosen} `) && uses(chosen) < 2 * uses(key);
  // "quo vadis", only ever in `escape('//?/c:/Quo vadis?.txt')`, "module import" of `from
  // module import name` and "examples/sample" of the path `examples/sample?/build`: an
  // example's words. Not a name of one word the text writes as code ("systemd-nspawn"), which
  // is a program's.
  const coded = context.code?.toLowerCase() ?? "";
  const written = context.text?.toLowerCase() ?? "";
  const codeOnly = (text: string) =>
    coded !== "" && /[\s/]/u.test(text) && wordUses(coded, text) > 0 &&
    wordUses(written, text) <= wordUses(coded, text);
  const parameters = parameterNames(coded);
  for (const s of scored) {
    if (out.length >= limit) break;
    if (codeOnly(s.text.toLowerCase()) || namesParameter(s.text.toLowerCase(), parameters)) {
      continue;
    }
    // A phrase the title or a heading names takes the place of the pieces of it chosen before
    // ("application file" before "application file format"): tune part F1@10 exact unchanged,
    // partial 0.326 -> 0.321 (it dropped "satisfiability problem", a partial match), older gold
    // set unchanged. So does a term of three words said twice or more ("investment tax credit"
    // for "tax credit"): gold-debian tune exact 0.276 -> 0.279, gold-speeches tune unchanged.
    const replaces = s.named ||
      s.key.split(" ").length === 3 && uses(s.key) >= 2 && out.some((o) => pieceOf(o.key, s.key));
    if (out.some((o) => nested(o.key, s.key, replaces))) continue;
    // An everyday word the title names says nothing a term chosen before says with it: "option"
    // after "compile-time option" of "Compile-time Options". (Dropping one chosen before the
    // term too cost gold-debian tune F1@10 exact 0.286 -> 0.282.)
    if (
      !s.key.includes(" ") && englishRank(s.text) < GENERIC_RANK &&
      out.some((o) => o.key.split(/[\s-]+/u).includes(s.key))
    ) continue;
    if (!s.key.includes(" ") && ++singles > MAX_SINGLE) continue;
    if (replaces) {
      for (let i = out.length - 1; i >= 0; i--) if (pieceOf(out[i].key, s.key)) out.splice(i, 1);
    }
    out.push({ text: s.text, key: s.key });
  }
  return out;
}

const LINK = /^(?:of|on)$/u;
/**
 * Two words or more in capitals, most of them everyday words of English ("UNKNOWABLY INFINITE
 * COSMOS"), not acronyms ("HTTP SERVER"), in a run of capitals as long as a sentence: a shout,
 * not a heading set in capitals ("THE ATLANTIC COMMUNITY" of an address).
 */
function shouted(phrase: Phrase, text: string | undefined): boolean {
  const words = phrase.text.split(/\s+/u);
  if (
    text === undefined || words.length < 2 || !words.every((w) => /^\p{Lu}{2,}$/u.test(w)) ||
    2 * words.filter((w) => englishRank(w.toLowerCase()) < Infinity).length <= words.length
  ) return false;
  const before = /(?:\p{Lu}{2,}[ \t]+)*$/u.exec(
    text.slice(Math.max(0, phrase.start - 200), phrase.start),
  )!;
  const after = /^(?:[ \t]+\p{Lu}{2,})*/u.exec(
    text.slice(phrase.start + phrase.text.length, phrase.start + phrase.text.length + 200),
  )!;
  const run = `${before[0]}${phrase.text}${after[0]}`.trim().split(/\s+/u).length;
  return run >= SHOUT_WORDS;
}

/** Words in capitals in a row from which they are a shout. */
const SHOUT_WORDS = 8;

/** The ends of compounds that are adjectives ("web-based", "function-like"). */
const DESCRIBING =
  /-(?:based|ridden|like|driven|related|specific|friendly|aware|compatible|dependent|independent)$/u;

/** A value of code as a program writes it, no word of a phrase: "True", "False", "None"; not
 * the word a sentence opens with ("True reform means..."). */
const LITERAL = /(?<![\p{L}\p{N}_])(?:True|False|None)(?![\p{L}\p{N}_]| \p{Ll})/u;
/**
 * C's "NULL", as a value of code where the text writes it as code ("return `NULL`", "non-`NULL`":
 * tags of 25 of Python's 64 C API pages); SQL's NULL, which SQLite's pages write as a word, is a
 * subject of theirs ("NULL handling").
 */
const NULL = /(?<![\p{L}\p{N}_])NULL(?![\p{L}\p{N}_]| \p{Ll})/u;

/** No words: an English text's function words beyond those of {@link isContentWord}. */
const NONE: ReadonlySet<string> = new Set();
/**
 * Nouns so general that an adjective before them makes no term ("brave people", "deeper
 * purpose", "common sense"); "local time", "spare parts" and "normal form" are terms.
 */
const GENERIC_HEAD = /^(?:people|purposes?|sense)$/u;
/**
 * Adjectives that praise, blame or measure rather than name a kind: before an everyday noun they
 * make rhetoric ("imperfect world", "selfish power", "mere absence", "great crises"), not a term
 * (gold-speeches tune F1@10 exact 0.140 -> 0.143, partial 0.192 -> 0.196; gold-debian tune
 * unchanged). Before a rarer noun they may ("full employment").
 */
const EVALUATIVE =
  /^(?:great|greater|greatest|mere|complete|imperfect|selfish|civilized|friendly|longstanding|tremendous|enormous|vast|noble|splendid|wonderful|terrible|grave|serious|real|true|genuine|sincere|deep|deeper|utmost|supreme|whole|entire|full|fullest|particular|certain|various)$/u;

/**
 * The term two linked noun phrases make ("weapons of mass destruction", "war on terror"), split
 * at its linking word, or undefined: the head one or two content words and no quantity or kind
 * of something ("millions of americans", "kind of work", "members of congress"), the tail words
 * of letters with no word of no meaning at either end. rankKeyphrases takes the tail's runs from
 * its start, as long as the term stays within {@link MAX_WORDS} content words.
 */
function linkedTerm(
  words: string[],
): { head: string[]; link: string; tail: string[] } | undefined {
  const at = words.findIndex((w) => LINK.test(w));
  const head = trimToContent(words.slice(0, at));
  const tail = words.slice(at + 1);
  if (head.length === 0 || head.length > 2 || trimToContent(tail).length !== tail.length) {
    return undefined;
  }
  if (QUANTITY.test(head.at(-1)!) || !head.every(isContentWord)) return undefined;
  if (!tail.every((w) => /^\p{L}[\p{L}-]*$/u.test(w))) return undefined;
  return { head, link: words[at], tail };
}

/** Words that count, sort or measure what follows "of" ("millions of", "kind of", "cost of"). */
const QUANTITY = new RegExp(
  "^(?:lots?|numbers?|millions|thousands|billions|hundreds|dozens|tens|kinds?|sorts?|types?|" +
    "parts?|percent|rest|amounts?|levels?|series|variety|couple|pairs?|sets?|groups?|shares?|" +
    "half|thirds?|quarters?|majority|minority|members?|times?|years?|months?|weeks?|days?|" +
    "decades?|centuries|century|generations?|sums?|piles?|bits?|pieces?|lines?|lists?|" +
    "examples?|cases?|uses?|means|ways?|forms?|points?|sides?|ends?|tops?|bottoms?|heads?|" +
    "versions?|editions?|releases?|costs?|prices?|rates?|growth|sizes?|values?|speeds?)$",
  "u",
);

/**
 * A phrase split where a plural in small letters runs into a name: "what lookup tables Postfix
 * supports" holds "lookup tables", then the subject of a clause; no term ends "tables Postfix".
 */
function beforeNames(phrase: Phrase): Phrase[] {
  const written = phrase.text.split(/\s+/u);
  if (written.length !== phrase.words.length) return [phrase];
  const at = written.findIndex((w, i) =>
    i < written.length - 1 && /^\p{Ll}[\p{Ll}-]*[^siu\W]s$/u.test(w) &&
    /^\p{Lu}/u.test(written[i + 1])
  );
  if (at < 0) return [phrase];
  const cut = written.slice(0, at + 1).join(" ").length;
  return [
    { ...phrase, words: phrase.words.slice(0, at + 1), text: phrase.text.slice(0, cut) },
    ...beforeNames({
      ...phrase,
      start: phrase.start + phrase.text.indexOf(written[at + 1], cut),
      words: phrase.words.slice(at + 1),
      text: phrase.text.slice(cut).trimStart(),
      adjective: false,
    }),
  ];
}

/**
 * A phrase split after a possessive that a name follows: "the Free Software Foundation's GNU
 * project" names two things, not "foundation gnu"; "SQLite's query planner" is one.
 */
function atPossessives(phrase: Phrase): Phrase[] {
  const cut = phrase.text.search(/['’]s\s+\p{Lu}/u) + 2;
  if (cut < 2) return [phrase];
  const at = phrase.text.slice(0, cut).split(/\s+/u).length - 1;
  if (!/['’]s$/u.test(phrase.words[at] ?? "") || at === phrase.words.length - 1) return [phrase];
  return [
    { ...phrase, words: phrase.words.slice(0, at + 1), text: phrase.text.slice(0, cut) },
    ...atPossessives({
      ...phrase,
      words: phrase.words.slice(at + 1),
      text: phrase.text.slice(cut).trimStart(),
      adjective: false,
    }),
  ];
}

/** How many words after a phrase make a formula said again. */
const FORMULA_WORDS = 4;

/** The words after a phrase in the text, lower-cased. */
function wordsAfter(text: string, phrase: Phrase): string {
  const rest = text.slice(
    phrase.start + phrase.text.length,
    phrase.start + phrase.text.length + 80,
  );
  return rest.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "")
    .slice(0, FORMULA_WORDS).join(" ");
}

/** Whether the text says the words before a number ("version 2.2") twice, or most times. */
function numbered(text: string, words: string[]): boolean {
  const said = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(RegExp.escape).join("\\s+")}(?![\\p{L}\\p{N}])(\\s+v?\\d)?`,
    "giu",
  );
  let all = 0;
  let followed = 0;
  for (const m of text.matchAll(said)) {
    all++;
    if (m[1]) followed++;
  }
  return followed >= 2 || followed * 2 >= all && followed > 0;
}

/** Counts one use of a candidate, in the form the text writes it. */
function add(found: Map<string, Candidate>, words: string[], start: number): string {
  const text = words.join(" ");
  const key = keyOf(text);
  const entry = found.get(key) ?? { text: new Map(), count: 0, first: start };
  entry.count++;
  entry.text.set(text, (entry.text.get(text) ?? 0) + 1);
  found.set(key, entry);
  return key;
}

/**
 * Whether a phrase repeats one already chosen: a run of it ("curses module" after "python
 * curses module"), or a longer phrase around it ("python curses module" after "curses module"),
 * unless the longer one takes the place of the piece: the title or a heading names it
 * ("application file format" after "file format": gold-debian tune F1@10 exact 0.252 -> 0.257),
 * or it is a term said twice that holds most of the piece's uses. A word alone and its phrases
 * are both topics ("tides" and "neap tides"; skipping the word cost the older gold set 0.013
 * F1@10 and gained the gold-debian tune part 0.004).
 */
function nested(chosen: string, key: string, replaces: boolean): boolean {
  if (key.includes(" ") && ` ${chosen} `.includes(` ${key} `)) return true;
  return !replaces && chosen.includes(" ") && ` ${key} `.includes(` ${chosen} `);
}

interface Candidate {
  /** Each form the text writes it in, with its count. */
  text: Map<string, number>;
  count: number;
  /** Offset of its first use. */
  first: number;
}

/** The identity of a phrase: the stems of its words, split where the text's tokens split. */
function keyOf(text: string): string {
  // Words of letters alone split at the spaces, as the word segmenter would, and much faster.
  if (PLAIN.test(text)) return text.split(" ").map(stem).join(" ");
  return words(text).map(stem).join(" ");
}

/** Lower-case words of letters, one space between. */
const PLAIN = /^\p{Ll}+(?: \p{Ll}+)*$/u;

/**
 * Adds the phrases of the title and the headings as candidates, counted where the sentences use
 * them. A heading names a section's topic in a few words ("Static Analysis", "Application File
 * Format"), and the tagger misses many of them in running text, where it reads "file" in "file
 * format" or "merge" in "merge conflict" as a verb. A phrase the body never uses is left out: a
 * heading may be a label of the page ("Executive Summary"). Part of a longer heading phrase is a
 * term of its own when the text uses it more often than the whole ("operator module" in
 * "Operator Module Functions"); used as often, it is only a piece of the whole.
 */
function addLabelPhrases(
  found: Map<string, Candidate>,
  labels: string[],
  sentenceTerms: string[][],
  nameWords: ReadonlySet<string>,
  foreign: ReadonlySet<string>,
): void {
  const corpus = sentenceTerms.map((t) => ` ${t.join(" ")} `).join("|");
  const uses = (run: string[]) => {
    const needle = ` ${terms(run.join(" ")).join(" ")} `;
    let n = 0;
    for (let at = corpus.indexOf(needle); at >= 0; at = corpus.indexOf(needle, at + 1)) n++;
    return n;
  };
  for (const [i, label] of labels.entries()) {
    const runs = labelPhrases(label, foreign);
    for (const run of runs) {
      const whole = run.length <= MAX_WORDS ? uses(run) : 0;
      for (let from = 0; from < run.length; from++) {
        for (let to = from + 2; to <= Math.min(run.length, from + MAX_WORDS); to++) {
          const part = run.slice(from, to);
          if (part.every((w) => nameWords.has(w)) || personIn(label, part)) continue;
          let n = part.length === run.length ? whole : uses(part);
          // A part the body never says but inside the label's longer phrase is a piece of it:
          // "recursive common table" and "enabling foreign" of the headings "Recursive Common
          // Table Expressions" and "Enabling Foreign Key Support".
          if (part.length < run.length && n > 0 && saidOnlyWithin(run, from, to, n, uses)) continue;
          // A title that is one noun phrase names what the text is about, even when the body
          // does not repeat it ("Socket Programming HOWTO"), if the body uses one of its words
          // and every word with a digit: "G04 tides lecture" is a file's name. A title of
          // several phrases is a headline or a list ("Calverley Medical recalls 84,000 glucose
          // monitor receivers over delayed low-sugar alarms"): only what the body says counts.
          const stems = terms(part.join(" "));
          const used = (t: string) => corpus.includes(` ${t} `);
          if (
            n === 0 && i === 0 && runs.length === 1 && part.length === run.length &&
            stems.some(used) && stems.every((t) => !/\d/u.test(t) || used(t))
          ) n = 1;
          if (n === 0 || (part.length < run.length && n <= whole)) continue;
          const text = part.join(" ");
          const key = keyOf(text);
          const entry = found.get(key);
          if (entry) entry.count = Math.max(entry.count, n);
          else found.set(key, { text: new Map([[text, 1]]), count: n, first: 0 });
        }
      }
    }
  }
}

/**
 * Whether every one of the `n` uses of `run`'s words `from`..`to` has the label's word before or
 * after them: the uses, less those with the word before, less those with the word after, plus
 * those with both (counted twice in the two), are none.
 */
function saidOnlyWithin(
  run: string[],
  from: number,
  to: number,
  n: number,
  uses: (words: string[]) => number,
): boolean {
  const before = from > 0 ? uses(run.slice(from - 1, to)) : 0;
  const after = to < run.length ? uses(run.slice(from, to + 1)) : 0;
  const both = from > 0 && to < run.length ? uses(run.slice(from - 1, to + 1)) : 0;
  return n - before - after + both <= 0;
}

/** Names programmers give what an example leaves open ("foo", "xyzzy"); "bar" and "spam" are
 * words of their own too. */
const PLACEHOLDER = new Set(
  ("foo baz qux quux quuz corge grault garply waldo plugh xyzzy thud frotz nitfol blah hoge " +
    "fuga piyo").split(" "),
);

/**
 * Whether the label writes the words as a person's name: a first name and capitalised words
 * ("1987 Ronald Reagan R", a file named after the speaker, gave the tag "ronald-reagan").
 */
function personIn(label: string, part: string[]): boolean {
  if (!isFirstName(part[0])) return false;
  const written = part
    .map((w) => (w.charAt(0).toUpperCase() + w.slice(1)).replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"))
    .join("\\s+");
  return new RegExp(`(?<![\\p{L}])${written}(?![\\p{L}])`, "u").test(label);
}

/**
 * The runs of content words of a title or heading, split at punctuation and at words that open
 * or join no noun phrase: "Static Analysis and Continuous Integration" gives "static analysis"
 * and "continuous integration". A leading "-ing" form is a verb ("Creating Address objects"), and
 * so are a trailing verb ending in -s or -ed ("instance creation fails") unless wink reads it as
 * a noun ("unit tests"), the verb of a clause "how" or "when" opens ("When sockets die"), a verb
 * after its subject in a question ("Can I use Debian...") and a word after "to".
 */
export function labelPhrases(label: string, foreign: ReadonlySet<string> = NONE): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  // As wink's tagger reads the words in the label, lower-cased: in capitals every word is a name.
  let read: Map<string, string> | undefined;
  const classOf = (w: string) => (read ??= wordClasses(label.toLowerCase())).get(w);
  const close = () => {
    while (
      run.length > 0 && LABEL_VERB.test(lexiconTag(run.at(-1)!)) && classOf(run.at(-1)!) !== "NOUN"
    ) run.pop();
    if (run.length > 0) out.push(run);
    run = [];
  };
  // "GNU/Linux" is one word, as in running text; so is "Node.js", not to be read as "js".
  const tokens = [
    ...label.toLowerCase().matchAll(
      /[\p{L}\p{N}][\p{L}\p{N}'’_-]*(?:\.\p{L}{2}[\p{L}\p{N}_-]*)*(?:\/\p{L}[\p{L}\p{N}'’_-]*)?|[^\s\p{L}\p{N}]+/gu,
    ),
  ].map(([token]) => token.replace(/['’]s$/u, ""));
  const verbAt = clauseVerb(tokens, classOf);
  // "Use xmlsec on Windows", "Install Python": a heading that tells the reader to do something
  // with a name opens with its verb; "Use cases", "Build options" are things.
  const ordersAt = lexiconTag(tokens[0] ?? "") === "Infinitive" &&
      englishRank(tokens[1] ?? "") > NAME_RANK
    ? 0
    : -1;
  // After "does", "can" or "should" a question's verb follows its subject ("What tools does
  // Debian provide", "Can I use Debian").
  let asking = false;
  let previous = "";
  let howTo = false;
  for (const [i, w] of tokens.entries()) {
    const tag = lexiconTag(w);
    const auxiliary = /^(?:does|do|did)$/u.test(w) || /^(?:Modal|Auxiliary)$/u.test(tag);
    if (
      !/^\p{L}[\p{L}\p{N}-]*(?:\/\p{L}[\p{L}\p{N}-]*)?$/u.test(w) || !isContentWord(w) ||
      foreign.has(w) ||
      DETERMINERS.has(w) || VAGUE.has(w) || GENRE.has(w) || PREPOSITIONAL.has(w) ||
      LABEL_BREAK.test(tag) ||
      /ly$/u.test(w) || auxiliary || i === verbAt || i === ordersAt
    ) close();
    else if (run.length === 0 && tag === "Gerund") close();
    // ... and "to" opens a verb ("to build custom kernels"), whatever else the word may be after
    // "how to" ("How to convert SQLite values").
    else if (
      tag === "Infinitive" && (asking || previous === "to") || previous === "to" && howTo
    ) {
      close();
      asking = false;
    } else run.push(w);
    asking ||= auxiliary;
    howTo = previous === "how" && w === "to";
    previous = w;
  }
  close();
  return out;
}

/**
 * Where the verb stands in a clause that "how", "why", "when" or "where" opens ("How WAL Works",
 * "Why Functional Programming Matters", "When sockets die"), -1 for none: the first word after
 * the subject's first that wink's tagger reads as a verb in the heading ("How Python Handles
 * Unicode Strings"). It misses many ("How Git Stores Objects"), and the lexicon reads "works"
 * and "matters" as nouns; then the verb is the last word that agrees with the one before: in -s
 * after a singular ("Git Stores"), plain after a plural ("Indexes Work", "Data Types Work").
 */
function clauseVerb(tokens: string[], classOf: (w: string) => string | undefined): number {
  const opens = tokens.findIndex((t) => /^(?:how|why|when|where)$/u.test(t));
  // "How to build...": no subject.
  if (opens < 0 || tokens[opens + 1] === "to") return -1;
  const word = (t: string | undefined) => t !== undefined && /^\p{L}/u.test(t) && isContentWord(t);
  let start = opens + 1;
  // "How the Query Planner...".
  while (/^\p{L}/u.test(tokens[start] ?? "") && !word(tokens[start])) start++;
  if (!word(tokens[start])) return -1;
  let end = start + 1;
  while (word(tokens[end])) end++;
  for (let i = start + 1; i < end; i++) if (classOf(tokens[i]) === "VERB") return i;
  const plural = (t: string) => /[^su]s$/u.test(t);
  let at = -1;
  for (let i = start + 1; i < end; i++) {
    const w = tokens[i];
    const tag = lexiconTag(w);
    const agrees = plural(tokens[i - 1])
      ? !/s$/u.test(w) && /^(?:Infinitive|Singular)$/u.test(tag)
      : plural(w);
    if (agrees) at = i;
  }
  return at;
}

/** compromise's tags of words that are no part of a noun phrase. */
const LABEL_BREAK =
  /^(?:QuestionWord|Expression|Adverb|Preposition|Conjunction|Determiner|Pronoun|Copula|Modal|Auxiliary|Negative)$/u;
const LABEL_VERB = /^(?:PresentTense|PastTense)$/u;

/** Endings of words English derives from others: "simplification", "locking", "iterator". */
const DERIVED =
  /(?:tion|sion|ment|ness|ity|ism|ance|ence|ing|ship|ure|age|ery|ics|ful|less|able|or|er)$/u;

const VERB = /^(?:Infinitive|PresentTense|PastTense|Gerund|Participle|Verb)$/u;

/** Words that name the kind of document, not its topic: "Socket Programming HOWTO". */
const GENRE = new Set(
  ("howto introduction guide tutorial manual handbook readme faq overview primer notes " +
    "cheatsheet documentation").split(" "),
);

/** stdint.h's types, as the tagger splits "uint8_t": "uint8". */
const STDINT = ["8", "16", "32", "64"].flatMap((bits) => [`int${bits}`, `uint${bits}`]);
/** C's type names and declaration keywords, which reference manuals print in every synopsis. */
const C_KEYWORDS = new Set([
  ..."auto bool char const double enum extern float int long register short signed size_t static struct typedef union unsigned void volatile"
    .split(" "),
  ...STDINT,
]);
/** Those of them that are no English words ("node-const" is code too). */
const C_ONLY = new Set([
  "char",
  "const",
  "enum",
  "int",
  "size_t",
  "struct",
  "typedef",
  "unsigned",
  ...STDINT,
]);
/** Types of C and Python that no English word spells: "enum members" is a term of Python's. */
const DECLARED_TYPE = new Set([
  "bool",
  "char",
  "const",
  "int",
  "size_t",
  "str",
  "unsigned",
  ...STDINT,
]);
/** Words that point at something else: "its annotations" is the topic "annotations". */
const DETERMINERS = new Set(["its", "their", "his", "her", "our", "your", "my", "whose", "own"]);
/**
 * Adjectives that say nothing of the topic: "new iterator" and "different understanding" are the
 * topics "iterator" and "understanding". Besides those, whole classes of adjectives that grade or
 * point rather than classify: size ("small queries"), order in time ("original database"),
 * selection ("selected node", "corresponding values"), number ("separate files", "individual
 * developer"), ease and degree ("complex queries", "significant byte"). Measured on the
 * gold-debian tune part: F1@10 exact 0.257 -> 0.266, partial 0.326 -> 0.330. Participles that
 * only say a thing is at hand ("used arguments", "specified problem", tags of Python's argparse
 * page and GLPK's CNF-SAT manual) left that part unchanged, and so did praise and weight
 * ("greatest war", "gravest danger", "overwhelming majority", tags of speeches). Nor how much a
 * text says of a thing: "few examples", "rigorous discussion", tags of Rust by Example (neither
 * gold set, nor any of the wide check's 1,109 pages, changes).
 */
const VAGUE = new Set(
  ("new old different same similar various several certain particular specific whole important " +
    "good bad little previous following given usual typical possible actual entire " +
    "small large big tiny huge current original initial final prior subsequent selected " +
    "corresponding relevant appropriate respective single multiple additional extra separate " +
    "individual numerous complex simple easy empty significant relative major minor used " +
    "specified existing required desired defined provided supplied " +
    "greatest gravest worst biggest warmest overwhelming substantial detailed historic tough " +
    "talented few comprehensive rigorous brief")
    .split(" "),
);

/**
 * Verbs' forms that work as prepositions: "Web applications using Gunicorn", "Using X509
 * certificate" (headings of Python's logging cookbook and XMLSec's examples) hold the terms
 * "web applications" and "X509 certificate", never a term with the word.
 */
const PREPOSITIONAL = new Set(
  ("using including regarding concerning involving containing according excluding " +
    // And prepositions the function-word list lacks: "Running Postfix behind a firewall" holds
    // no "postfix behind". Not "inside", "past", "near": "past tense" is a term.
    "behind beyond beneath underneath despite toward towards via versus within without " +
    "across along among amongst amid amidst beside besides except unlike upon onto throughout")
    .split(" "),
);

/** Drops leading and trailing words that carry no meaning ("the", "very", "other"). */
function trimToContent(words: string[], foreign: ReadonlySet<string> = NONE): string[] {
  const empty = (w: string) => !isContentWord(w) || PREPOSITIONAL.has(w) || foreign.has(w);
  let start = 0;
  let end = words.length;
  while (
    start < end && (empty(words[start]) || DETERMINERS.has(words[start]) || VAGUE.has(words[start]))
  ) {
    start++;
  }
  while (end > start && empty(words[end - 1])) end--;
  return words.slice(start, end);
}

/** Uses of the least used of a phrase's stems that the text counts (at least the phrase's own). */
function rarestUse(stems: string[], counts: ReadonlyMap<string, number>, uses: number): number {
  const known = stems.flatMap((s) => counts.get(s) ?? []);
  return Math.max(uses, ...known.length > 0 ? [Math.min(...known)] : []);
}

/**
 * How much a text uses a word: log(1 + count). The counts are of the text's word tokens, which
 * split a word at a hyphen or slash, so "super-journal" counts as its parts do ("super",
 * "journal"), not as nothing.
 */
function usage(word: string, counts: ReadonlyMap<string, number>): number {
  const parts = PLAIN.test(word) ? (isContentWord(word) ? [stem(word)] : []) : terms(word);
  if (parts.length === 0) return Math.log(1 + (counts.get(stem(word)) ?? 0));
  return parts.reduce((sum, p) => sum + Math.log(1 + (counts.get(p) ?? 0)), 0) / parts.length;
}

/** Texts as their stems, stopwords kept and spaces around each, for finding a run of stems. */
function stemRuns(texts: string[]): string {
  return texts.map((t) => ` ${keyOf(t)} `).join("|");
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
    .replace(/[\s_/]+/gu, "-") // "gnu/linux" is one word; a slash would nest the tag
    // "c++" is no "c", nor "c#"; a file's name keeps its parts apart: "manifest.in", "os.path".
    .replace(/(?<![\p{L}\p{N}])([cg])\+\+/gu, "$1pp")
    .replace(/(?<![\p{L}\p{N}])([cf])#/gu, "$1sharp")
    .replace(/(?<=\p{L}{2})\.(?=\p{L}{2})/gu, "-")
    .replace(/[^\p{L}\p{M}\p{N}-]/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  // Cut by code points, so a character outside the BMP is never split in half.
  const cut = Array.from(tag).slice(0, 60).join("").replace(/-+$/g, "");
  if (cut === "" || !/\p{L}/u.test(cut)) return undefined;
  return cut;
}

/**
 * The names of parameters the text's code gives in a signature's brackets: "src" and "dst" of
 * `shutil.copy(src, dst, *, follow_symlinks=True)`. Only after a name, and each the first word
 * of its item: not the words of a link in code ("`<[admin@lists.example](mailto:admin@...)>`").
 */
function parameterNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const [, list] of code.matchAll(/[\p{L}_][\p{L}\p{N}_.]*\(([^()]*)\)/gu)) {
    for (const item of list.split(",")) {
      const name = /^\s*\**([\p{Ll}_][\p{Ll}\p{N}_]*)\s*(?:[=:\[]|$)/u.exec(item)?.[1];
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * Whether a phrase names a parameter of the text's code, which says how to call a function, not
 * what the text is about: "flag parameter", "dir argument", "policy keyword" (tags of Python's
 * shelve, tempfile and email pages); and a name that is no English word alone or before another
 * word ("dst", "unixfrom defaults", "maxsize items").
 */
function namesParameter(phrase: string, parameters: ReadonlySet<string>): boolean {
  const words = phrase.split(/\s+/u);
  if (words.length > 2 || !parameters.has(words[0])) return false;
  return englishRank(words[0]) === Infinity ||
    /^(?:parameter|argument|keyword|option)s?$/u.test(words[1] ?? "");
}

/**
 * Tags for a note: its subjects first (see subjects.ts), which other notes share, then its
 * keyphrases, nested where the text makes it natural: a phrase whose last word is itself one of
 * the keyphrases goes under it ("engine/analytical-engine"), unless that word is an everyday one
 * ("system/debian-system") or the phrase one of the `names` the text gives (the comedians "Monty
 * Python" are no kind of Python).
 */
export function tagsFor(
  keyphrases: Keyphrase[],
  subjects: string[] = [],
  title = "",
  names: string[] = [],
): string[] {
  const singles = new Map(
    keyphrases.filter((k) => !k.key.includes(" ") && englishRank(k.text) >= GENERIC_RANK)
      .map((k) => [k.key, toTag(k.text)]),
  );
  const tags: string[] = subjects.flatMap((s) => toTag(s) ?? []);
  // "git-reset" of the page "git-reset(1)": the text's own subject, no kind of "reset".
  const titled = new Set(
    [...title.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu)].map(([word]) => word),
  );
  const named = new Set(names.map((name) => name.toLowerCase()));
  for (const k of keyphrases) {
    const tag = toTag(k.text);
    if (!tag) continue;
    const head = k.key.split(" ").at(-1)!;
    // A term of words is a kind of its last ("linux kernel" of "kernel"); a hyphenated word need
    // not be: "git-reset" is Git's command, "re-tag" tagging again, no kinds of "reset" or "tag".
    const kind = k.text.includes(" ") && !titled.has(tag) && !named.has(k.text);
    const parent = kind ? singles.get(head) : undefined;
    const full = parent ? `${parent}/${tag}` : tag;
    if (!tags.includes(full)) tags.push(full);
  }
  return tags;
}

/**
 * Words that name one thing twice, numbered or not: the placeholders "dir pat1 pat2" of
 * "recursive-include dir pat1 pat2 ...", "lamp lamp".
 */
function enumerates(run: string[]): boolean {
  const bases = run.map((word) => word.replace(/\d+$/u, ""));
  return new Set(bases).size < bases.length;
}

/** A word spelt out in three or more short syllables, one of them no English word. */
function syllables(word: string): boolean {
  const parts = word.split("-");
  return parts.length >= 3 && parts.every((p) => p.length <= 4) &&
    parts.some((p) => englishRank(p) === Infinity);
}

/** A part of a hyphenated word that a compound seldom has: a determiner, pronoun, conjunction,
 * form of "be" or "have", or number word ("utf-8" has a number, not a number word; "re-do",
 * "babel-like" and "decorate-sort-undecorate" are compounds). */
function notCompoundPart(part: string): boolean {
  return /^(?:has|have|had)$/u.test(part) ||
    /Determiner|Pronoun|Conjunction|Copula|Possessive|QuestionWord|Cardinal/u.test(
      lexiconTag(part),
    );
}

/** "american people", "iraqi citizens", "young americans", "the south vietnamese": persons named
 * by their nation; "north korean" of "the North Korean regime", its adjective cut from its noun. */
function isPeopleOf(first: string, second: string): boolean {
  const tag = lexiconTag(second);
  if (/Demonym/u.test(tag)) {
    return /Plural/u.test(tag) || /^(?:north|south|east|west)$/u.test(first);
  }
  return /Demonym/u.test(lexiconTag(first)) && /Actor/u.test(tag);
}
