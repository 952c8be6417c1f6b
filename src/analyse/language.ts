/**
 * @module
 * What the language pass reads in a text: sentence boundaries, noun phrases (keyphrase
 * candidates) and the people, organisations and places named.
 *
 * Two libraries, each where it is good and fast enough. `wink-nlp` (with its English light model)
 * splits sentences and tags every word's part of speech, at about 1.5 MB/s. `compromise` knows
 * names far better (thousands of first names, surnames, famous people, organisations and places,
 * and patterns such as "Dr. X"), but tags at about 0.15 MB/s: it reads only a short window around
 * the first use of each distinct capitalised run, and its verdict is applied to every use.
 *
 * compromise reads DEBUG_TAGS, DEBUG_CHUNKS and DEBUG_MATCH through `process.env` as it tags:
 * see LIBRARY_SWITCHES in the sandbox slot.
 */
import nlp from "compromise";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { englishRank, GENERIC_RANK, NAME_RANK } from "./commonness.ts";
import { isGivenName } from "./given_names.ts";
import { isProgrammingLanguage } from "./programming_languages.ts";
import { isPersonTitle, isTitle } from "./titles.ts";
import { namedUses } from "./word_uses.ts";

/** A span of the text passed to {@link readLanguage}. */
export interface Span {
  text: string;
  /** Offset of its first character (UTF-16 code units). */
  start: number;
}

/**
 * A person named. `sure`: a lone word that is a person's name though the text names it once, as
 * it opens a clause and acts ("Lincoln could have accepted peace") or a plural title names it
 * ("Senators McCain and Feingold").
 */
export interface Person extends Span {
  sure?: true;
}

export interface Sentence extends Span {
  /** wink found no verb in it: "The maximum number of listeners per event." (see
   * {@link verbCounts}). */
  verbless?: true;
  /** Its verbs are only a gerund that opens it and infinitives: "Walking the entire graph to
   * satisfy topological order constraints." (see {@link onlyNonFinite}). */
  nonFinite?: true;
  /** It is a thing and a relative clause, and no clause of its own if the clause's verb is its
   * only one: "A Readable Stream that represents the child process's stderr." (see
   * {@link describedOnly}). */
  described?: true;
  /** It opens with an infinitive and has no comma or colon a main clause might follow: "To
   * check that a module's docstrings are up-to-date.", an item of a list of purposes. */
  infinitive?: true;
}

/** A noun phrase: its words lower-cased, whether it names a person, whether an adjective
 * opens it ("strong colony"). */
export interface Phrase extends Span {
  words: string[];
  person: boolean;
  adjective: boolean;
  /** Two noun phrases an "of" or "on" joins ("balance of payments", "war on terror"); its
   * words are both's, the joining word between. */
  linked?: true;
}

export interface Language {
  sentences: Sentence[];
  phrases: Phrase[];
  people: Person[];
  organizations: Span[];
  places: Span[];
}

/**
 * The words wink has met beyond its lexicon, in the text it reads now. wink adds each such word to
 * its model's lexicon, and what it added changes how it splits and tags the texts after (wink-nlp
 * issue #143): "Alice's" was two words in the first text a worker read and one after, and Trump's
 * address of 2019 named "America" as a place or not by which addresses its worker had read
 * before: notes hung on the order files were handed out. So the lexicon's table of words reads
 * through to the words wink ships with and to these alone, which each text starts afresh; wink
 * numbers each word again where a text meets it again, which costs a few bytes a word. A reader
 * per text is no way out: wink builds its automata anew for each, and twenty ran V8 out of memory.
 */
const met = new Map<string, number>();
/** The words wink ships with: the everyday words of English and some names ("Peck", "Warner"). */
let shippedWords: Record<string, number> = {};

/** wink's model with the table of words {@link met} extends. */
function forgetful<T>(theModel: T): T {
  const { core } = theModel as unknown as { core(): WinkCore };
  return {
    ...theModel,
    core: () => {
      const decoded = core();
      const lexeme = decoded.features.lexeme;
      const shipped = lexeme.hash;
      shippedWords = shipped;
      lexeme.hash = new Proxy(Object.create(null), {
        get: (_, word: string) => met.get(word) ?? shipped[word],
        set: (_, word: string, index: number) => (met.set(word, index), true),
      });
      return decoded;
    },
  };
}

interface WinkCore {
  features: { lexeme: { hash: Record<string, number> } };
}

/** Only sentence boundaries and parts of speech: wink's other steps cost time for nothing. */
const wink = winkNLP(forgetful(model), ["sbd", "pos"]);

/**
 * wink's reading of a text, as if it were the first it read. A name's "::" is read as ": ", of
 * the same length: wink takes ":D" and ":P" for emoticons, and "APT::Periodic::Download-..."
 * gave the tag "ownload-upgradeable-packages" (the Debian Handbook).
 */
function readFresh(text: string) {
  met.clear();
  return wink.readDoc(text.replaceAll("::", ": "));
}

/**
 * Names compromise's lexicon files under the wrong kind (found reading 25 State of the Union
 * addresses: "Soviet Union" an organisation in 14 notes, "Al Qaida" a person in 5). Taught to
 * compromise, and judged from this table where a run is the whole name.
 */
const KNOWN_KIND = new Map<string, Kind>([
  ["soviet union", "places"],
  ["west bank", "places"],
  ["gaza strip", "places"],
  // "the greatest nation on Earth", "a man on the Moon": where, as gold-speeches' references
  // list them (11 of its 34 tuning addresses name the Earth), which compromise reads as nouns.
  ["earth", "places"],
  ["moon", "places"],
  ["al qaida", "organizations"],
  ["al qaeda", "organizations"],
  ["al-qaida", "organizations"],
  ["al-qaeda", "organizations"],
  // Companies named as people are: "Fannie Mae and Freddie Mac" were two persons in Bush 2008.
  ["fannie mae", "organizations"],
  ["freddie mac", "organizations"],
  ["sallie mae", "organizations"],
  // A party by its members, as a noun: "not as Republicans, not as Democrats".
  ["republicans", "organizations"],
  ["democrats", "organizations"],
  // A troupe named as a person is, as NER files bands: Python's FAQ names it for its name.
  ["monty python", "organizations"],
  // Publishers named after their founders, as reference lists cite them ("The LaTeX Companion,
  // Addison Wesley, 1994").
  ...[
    "addison wesley",
    "prentice hall",
    "mcgraw hill",
    "morgan kaufmann",
    "springer verlag",
    "john wiley",
    "houghton mifflin",
  ].map((name): [string, Kind] => [name, "organizations"]),
]);
/** A chamber of a parliament, called by its word alone. */
const CHAMBER = /^(?:House|Senate)$/u;
const COMPROMISE_TAG: Record<Kind, string> = {
  people: "Person",
  organizations: "Organization",
  places: "Place",
};
nlp.addWords(
  Object.fromEntries(
    [...KNOWN_KIND].map(([name, kind]) => [name, COMPROMISE_TAG[kind]]),
  ),
);
const its = wink.its;

/** A word as the passes below see it: wink's tokens, with "Merleau - Ponty" glued back. */
interface Word {
  value: string;
  pos: string;
  start: number;
  end: number;
  /** Index of its sentence. */
  sentence: number;
  /** First word of its sentence. */
  first: boolean;
}

export function readLanguage(text: string): Language {
  const { words, sentences } = tokenize(text);
  const phrases = nounPhrases(text, words);
  const names = findNames(text, words);
  // Spans come in text order: a phrase names a person when a person's span starts inside it.
  const starts = names.people.map((s) => s.start);
  for (const p of phrases) {
    const at = upperBound(starts, p.start - 1);
    p.person = at < starts.length && starts[at] < p.start + p.text.length;
  }
  return { sentences, phrases, ...names };
}

/**
 * wink's part of speech ("NOUN", "VERB"...) of each word, lower-cased, of a short text such as
 * a heading, read in context; the last reading of a word used twice.
 */
export function wordClasses(text: string): Map<string, string> {
  const tokens = readFresh(text).tokens();
  const tags = tokens.out(its.pos) as string[];
  return new Map((tokens.out() as string[]).map((w, i) => [w.toLowerCase(), tags[i]]));
}

/** Abbreviations after which wink ends a sentence that goes on ("See Fig. 3 for details", "St.
 * Jude"). */
const ABBREVIATION =
  /^(?:fig|figs|no|nos|vol|eq|eqs|sec|ch|chap|pp|ref|refs|cf|vs|approx|ex|st|mt|ft)$/iu;

/** A heading as a PDF's text shows it, a paragraph of its own: a section's number and a few
 * words of title ("2.2.1 Data Structures"), or up to four capitalised words ("Abstract"). */
const HEADING =
  /^(?:(?:\d+\.)*\d+\.?\s+\p{Lu}[^.!?]{0,60}|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})$/u;

/** A name of code in small letters, its parts joined by "_" or ".": "mod_ssl", "os.path". */
const IDENTIFIER = /^\p{Ll}[\p{L}\p{N}]*(?:[_.][\p{L}\p{N}]+)+(?=[\s,;:()])/u;

function tokenize(text: string): { words: Word[]; sentences: Sentence[] } {
  const doc = readFresh(text);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const tags = tokens.out(its.pos) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    starts.push(at);
    at += values[i].length;
  }
  // Sentences as token ranges, joined where wink broke inside one: at an abbreviation, or
  // before a part with no space in front ("os." "path") or opening in lower case.
  // Unpunctuated speech (PocketSphinx) is cut at its cues, its only boundaries.
  const punctuated = /\p{L}[.!?]["”’)]?\s/u.test(text);
  const ranges: [number, number][] = [];
  for (let [from, to] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    // Line breaks wink keeps as tokens at the ends are no part of the sentence.
    while (from <= to && tags[from] === "SPACE") from++;
    while (to >= from && tags[to] === "SPACE") to--;
    if (from > to) continue;
    const last = ranges.at(-1);
    let joins = false;
    if (last !== undefined && last[1] + 1 === from) {
      // Not before a digit: "...a Delegate. 4. Appoint..." is a list going on. Nor before a
      // word in small letters two spaces after a full stop, as typewriters ended sentences:
      // "...and locate programs.  find and xargs comply with POSIX" (a command's name).
      const spaced = values[last[1]] === "." && /^ {2,}$/u.test(spaces[from]);
      // Nor before a name of code, written in small letters wherever it stands: "...between
      // mod_ssl and other SSL solutions. mod_ssl is not the only SSL solution for Apache".
      const named = IDENTIFIER.test(text.slice(starts[from], starts[from] + 80));
      joins = spaces[from] === "" || /^\p{Ll}/u.test(values[from]) && !spaced && !named ||
        (values[last[1]] === "." && ABBREVIATION.test(values[last[1] - 1] ?? ""));
    } else if (last !== undefined && punctuated) {
      // Across a line break only when the sentence had no end and the next part goes on in
      // lower case: a subtitle cue or a PDF page that breaks a sentence in two.
      // Never after a heading ("2.2.1 Data Structures" above "dotty provides..."), nor after a
      // note in brackets that closes a paragraph ("[bug introduced in gzip-1.3.10]").
      joins = !/^[.!?:;"”’)\]]$/u.test(values[last[1]]) && /^\p{Ll}/u.test(values[from]) &&
        !HEADING.test(
          text.slice(starts[last[0]], starts[last[1]] + values[last[1]].length),
        );
    }
    if (joins && last) last[1] = to;
    else ranges.push([from, to]);
  }
  // wink reads "written in C. New features..." as one sentence, its "C." an initial, and
  // "...codenamed Bookworm… There is no official list..." as one, past its ellipsis.
  for (let r = 0; r < ranges.length; r++) {
    const [from, to] = ranges[r];
    for (let i = from + 1; i < to; i++) {
      if (endsAtLetter(values, i) || endsAtEllipsis(values, i)) {
        ranges.splice(r, 1, [from, i], [i + 1, to]);
        break;
      }
    }
  }
  const sentences: Sentence[] = [];
  const words: Word[] = [];
  ranges.forEach(([from, to]) => {
    const index = sentences.length;
    sentences.push({
      // One line: a sentence joined across a break holds it.
      text: text.slice(starts[from], starts[to] + values[to].length).replace(/\s*\n\s*/gu, " "),
      start: starts[from],
      ...(mayHaveVerb(values, tags, from, to) ? {} : { verbless: true as const }),
      ...(onlyNonFinite(values, tags, from, to) ? { nonFinite: true as const } : {}),
      ...(describedOnly(values, tags, from, to) ? { described: true as const } : {}),
      ...(infinitiveOnly(values, tags, from, to) ? { infinitive: true as const } : {}),
    });
    let first = true;
    for (let i = from; i <= to; i++) {
      // A block of a list whose items end in commas is capitalised as a block opens ("Appending
      // Postfix's own domain..."), though wink reads the list as one sentence.
      const before = tags[i] === "SPACE" ? values[i] : spaces[i];
      first ||= before.includes("\n") && /\n\s*\n/u.test(before);
      if (tags[i] === "SPACE") continue;
      const word: Word = {
        value: values[i],
        pos: tags[i],
        start: starts[i],
        end: starts[i] + values[i].length,
        sentence: index,
        first,
      };
      first = false;
      const prev = words.at(-1);
      // wink cuts words at some letters past ASCII: "Micha" "ł", "Ł" "ukasz".
      const glued = prev !== undefined && prev.sentence === index && prev.end === word.start &&
        (/-$/u.test(prev.value) && /^\p{L}/u.test(word.value) ||
          word.value === "-" && /\p{L}$/u.test(prev.value) && spaces[i + 1] === "" &&
            /^\p{L}/u.test(values[i + 1] ?? "") ||
          /\p{L}$/u.test(prev.value) && /^\p{L}/u.test(word.value) &&
            (/[^\p{ASCII}]$/u.test(prev.value) || /^[^\p{ASCII}]/u.test(word.value)));
      if (glued) {
        prev.value += word.value;
        prev.end = word.end;
        if (word.pos === "PROPN" || prev.pos !== "PROPN") {
          prev.pos = word.pos === "PUNCT" ? prev.pos : word.pos;
        }
      } else words.push(word);
    }
  });
  return { words, sentences };
}

/**
 * Whether token `i`, a capital letter and a full stop, ends a sentence: after a word in small
 * letters ("written in C."), before an everyday word that is no name ("New features appear").
 * Not "by H. G. Wells", nor "in C. Wright Mills": an initial before a name, or another initial.
 */
function endsAtLetter(values: string[], i: number): boolean {
  const next = values[i + 1] ?? "";
  return /^\p{Lu}\.$/u.test(values[i]) && /^\p{Ll}+$/u.test(values[i - 1]) &&
    /^\p{Lu}\p{Ll}+$/u.test(next) && englishRank(next.toLowerCase()) <= GENERIC_RANK &&
    !isFirstName(next.toLowerCase()) && !/Name|Person/u.test(lexiconTag(next.toLowerCase()));
}

/** An ellipsis that ends a sentence: an everyday word in capitals after it, not a name. */
function endsAtEllipsis(values: string[], i: number): boolean {
  const next = values[i + 1] ?? "";
  return /^(?:…|\.\.\.)$/u.test(values[i]) && /^\p{Lu}\p{Ll}+$/u.test(next) &&
    englishRank(next.toLowerCase()) <= GENERIC_RANK && !isFirstName(next.toLowerCase()) &&
    !/Name|Person/u.test(lexiconTag(next.toLowerCase()));
}

/**
 * Whether tokens `from`..`to` hold a finite verb, or a word in -s after a noun that may be one:
 * wink and compromise both take "defaults" in "the option defaults to 16 bytes" for a plural
 * noun. Not "class" of "the Event class", nor "status" or "analysis": no verb's -s form ends so.
 * Nor an infinitive after a noun, and one joined to it: a list's item says what a thing is for
 * ("git-add(1) to manage the index file.", "Credential helpers to cache or store passwords").
 */
function mayHaveVerb(values: string[], tags: string[], from: number, to: number): boolean {
  const opensWithNoun = /^(?:DET|ADJ|NOUN|PROPN)$/u.test(tags[from]);
  const noun = (i: number) => /^(?:NOUN|PROPN)$/u.test(tags[i]);
  for (let i = from; i <= to; i++) {
    const before = values[i - 1]?.toLowerCase() ?? "";
    if (tags[i] === "VERB" && opensWithNoun) {
      // "add" of "git-add", a name's part; "file" of "file:///x.js", an address's.
      if (i > from + 1 && before === "-" && /\p{L}$/u.test(values[i - 2])) continue;
      if (/^:\//u.test(values[i + 1] ?? "")) continue;
      // "modules provided by Node.js": a participle after its noun, or a past tense; and
      // compromise, which reads verbs better, is asked (see unfitUnits).
      if (i > from && noun(i - 1) && /ed$/u.test(values[i]) && values[i + 1] === "by") continue;
      if (before === "to") return false;
    }
    if (tags[i] === "VERB" || tags[i] === "AUX") return true;
    if (
      i > from && noun(i - 1) && /^\p{Ll}+$/u.test(values[i]) && PLURAL.test(values[i]) &&
      !(values[i + 1] === "to" && tags[i + 2] === "VERB") &&
      // "An independent resolver for DNS requests.": a plural that ends a preposition's noun
      // phrase, and the sentence, is no verb.
      !(opensWithNoun && tags[i - 2] === "ADP" && /^[.!]$/u.test(values[i + 1] ?? ""))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a sentence is an article, a noun phrase of six words at most and a relative clause on
 * it to the end, no comma after: "A Readable Stream that represents the child process's stderr.",
 * "The timestamp at which the platform was initialized." Not "The directive sets which provider
 * is used": "which" of a question, after a verb. Whether the clause's verb is the sentence's only
 * one is compromise's to say (see unfitUnits).
 */
function describedOnly(values: string[], tags: string[], from: number, to: number): boolean {
  if (!/^(?:a|an|the)$/iu.test(values[from] ?? "")) return false;
  for (let i = from + 1; i <= Math.min(to, from + 7); i++) {
    if (tags[i] === "VERB" || tags[i] === "AUX" || /^[,;:]$/u.test(values[i])) return false;
    if (!/^(?:that|which|who|whom)$/iu.test(values[i])) continue;
    // "The timestamp at which the platform was initialized.": a preposition before it.
    const on = tags[i - 1] === "ADP" && /^wh/iu.test(values[i]) ? i - 2 : i - 1;
    if (tags[i] !== "PRON" || !/^(?:NOUN|PROPN)$/u.test(tags[on])) return false;
    for (let j = i + 1; j <= to; j++) if (/^[,;:]$/u.test(values[j])) return false;
    return true;
  }
  return false;
}

/**
 * Whether a sentence opens with a gerund and has no verb but it and infinitives ("Walking the
 * entire graph to satisfy topological order constraints."): a list's item, no clause of its
 * own. So does one that opens with a noun and has no verb but participles in -ing, one in -ed
 * after a comma before its preposition, and infinitives: a reference entry's description ("Type
 * flags, used to set tp_flags.", "Structure defining optional functionality of a type"). A plural
 * after a noun, before its object, may be a verb wink took for a noun ("Running the tool returns
 * a list", "This module constructs higher-level threading interfaces").
 */
function onlyNonFinite(values: string[], tags: string[], from: number, to: number): boolean {
  while (from <= to && tags[from] === "SPACE") from++;
  const gerund = tags[from] === "VERB" && /^\p{Lu}\p{Ll}+ing$/u.test(values[from]);
  if (!gerund && !/^(?:DET|ADJ|NOUN|PROPN)$/u.test(tags[from])) return false;
  let participles = 0;
  for (let i = from + 1; i <= to; i++) {
    if (tags[i] === "AUX") return false;
    // "..., used to set" and "..., created by", not "The keeper, tired, trimmed the lamp".
    const participle = /ing$/u.test(values[i]) ||
      /ed$/u.test(values[i]) && values[i - 1] === "," && /^(?:ADP|PART)$/u.test(tags[i + 1]);
    // wink reads "concerned" of "Preemptive scheduling, concerned with..." as an adjective.
    if ((tags[i] === "VERB" || tags[i] === "ADJ" && !/ing$/u.test(values[i])) && participle) {
      participles++;
    }
    if (tags[i] === "VERB" && !participle && values[i - 1]?.toLowerCase() !== "to") {
      return false;
    }
    if (
      /^(?:NOUN|PROPN)$/u.test(tags[i - 1]) && /^\p{Ll}+$/u.test(values[i]) &&
      PLURAL.test(values[i]) && (OBJECT_START.has(tags[i + 1]) || tags[i + 1] === "ADJ")
    ) {
      return false;
    }
  }
  // A sentence with no verb at all is for the check of verbless ones (see unfitUnits).
  return gerund || participles > 0;
}

/** Whether a sentence opens with an infinitive and no comma, semicolon or colon follows it
 * (see {@link Sentence.infinitive}). */
function infinitiveOnly(values: string[], tags: string[], from: number, to: number): boolean {
  while (from <= to && tags[from] === "SPACE") from++;
  // wink takes many a verb after "To" for a noun ("To/PART check/NOUN that..."); "to date" is
  // no infinitive.
  if (values[from] !== "To" || !/^(?:VERB|NOUN)$/u.test(tags[from + 1])) return false;
  if (!/^\p{Ll}+$/u.test(values[from + 1]) || values[from + 1] === "date") return false;
  return !values.slice(from, to + 1).some((v) => /^[,;:]$/u.test(v));
}

/**
 * How many verbs (a verb with its auxiliaries is one: "will record") compromise finds in each
 * of `texts`: it knows "returns" in "The function returns a list" for a verb where wink took it
 * for a plural noun. Both miss a past tense that is also a noun ("The mill ground wheat"). One
 * pass over them all: compromise's start-up per text is most of its cost.
 */
export function verbCounts(texts: string[]): number[] {
  const out = texts.map(() => 0);
  if (texts.length === 0) return out;
  let joined = "";
  const ats: number[] = [];
  for (const text of texts) {
    if (joined !== "") joined += "\n\n";
    ats.push(joined.length);
    joined += /[.!?]$/u.test(text) ? text : `${text}.`;
  }
  // As a plain view: the verbs' own JSON adds each verb's conjugations and grammar, a third of
  // the cost, none of it read here.
  const view = nlp(joined).verbs().toView(null) as unknown as { json(o: object): unknown };
  for (const verb of view.json({ offset: true, text: true, terms: true }) as FoundVerb[]) {
    if (!finite(verb, joined)) continue;
    out[Math.max(0, upperBound(ats, verb.offset.start) - 1)]++;
  }
  return out;
}

/** A verb as compromise finds it, with its words' tags. */
interface FoundVerb extends Found {
  terms: { tags: string[] }[];
}

/**
 * Whether a verb can carry a clause: not a participle or infinitive alone, which describe a noun
 * ("Kent Beck's original paper on testing frameworks using the pattern shared by unittest", "A
 * duration expressing the difference...", "Decorator to wrap a function...").
 */
function finite(verb: FoundVerb, text: string): boolean {
  if (verb.terms.length !== 1) return true;
  const tags = verb.terms[0].tags;
  const end = verb.offset.start + verb.offset.length;
  return !tags.includes("Gerund") &&
    !(tags.includes("Infinitive") && /\bto\s+$/iu.test(text.slice(0, verb.offset.start))) &&
    !(tags.includes("PastTense") && /^\s+by\b/u.test(text.slice(end)));
}

/** Parts of speech that never begin or continue a noun phrase or a name. */
const CLOSED = new Set([
  "DET",
  "PRON",
  "ADP",
  "CCONJ",
  "SCONJ",
  "AUX",
  "PART",
  "NUM",
  "PUNCT",
  "SYM",
  "INTJ",
  "SPACE",
]);

/** Parts of speech that open the object of a verb ("returns a", "supplies 0", "uses them"). */
const OBJECT_START = new Set(["DET", "PRON", "NUM"]);
/** Pronouns that open a relative clause after a noun ("sockets that", "users who"). */
const RELATIVE = /^(?:that|which|who|whom|whose|what)$/iu;

/** A plural noun: "-s", not "-ss", "-is", "-us" or "-ics" ("class", "analysis", "status"). */
const PLURAL = /\p{Ll}(?<![siu]|ic)s$/u;
/**
 * Plurals English uses to modify a noun ("arms control", "savings plan", "sales tax"), where
 * the word after is the compound's head, though the lexicon knows it for a verb too.
 */
const PLURAL_MODIFIER = new Set([
  "arms",
  "savings",
  "sales",
  "goods",
  "customs",
  "sports",
  "earnings",
  "securities",
  "futures",
  "jobs",
]);

/** The word that ends a law's name, capitalised: "the Recovery Act". */
const LAW = /^Acts?$/u;

/** Runs of an optional adjective and nouns ("strong colony", "socket programming"). */
function nounPhrases(text: string, words: Word[]): Phrase[] {
  const phrases: Phrase[] = [];
  let run: Word[] = [];
  const close = () => {
    if (run.some((w) => w.pos !== "ADJ")) {
      const first = run[0];
      phrases.push({
        text: text.slice(first.start, run[run.length - 1].end),
        start: first.start,
        words: run.map((w) => w.value.toLowerCase()),
        person: false,
        adjective: first.pos === "ADJ",
      });
    }
    run = [];
  };
  for (const [at, w] of words.entries()) {
    // Nor across a blank line: "...together with their dependencies" ends a list's item, and
    // "apt-cache for querying..." opens the next, though wink reads no sentence's end.
    if (run.length > 0 && /\n[ \t]*\n/u.test(text.slice(run.at(-1)!.end, w.start))) close();
    if (run.length > 0 && run[0].sentence !== w.sentence) close();
    // "GNU/Linux", "client/server": two words a slash joins without spaces are one word of the
    // phrase, not the ends of two ("debian gnu").
    const last = run.at(-1);
    const joins = (a: Word | undefined, b: Word | undefined) =>
      a !== undefined && b !== undefined && b.start === a.end + 1 && text[a.end] === "/" &&
      (b.pos === "NOUN" || b.pos === "PROPN" || b.pos === "ADJ") && slashPair(text, a, b);
    if (joins(last, w)) {
      run[run.length - 1] = { ...last!, value: `${last!.value}/${w.value}`, end: w.end };
      continue;
    }
    if (w.value === "/" && joins(last, words[at + 1])) continue;
    // "recv returns 0", "the library supplies a window": a word in -s after a noun and before
    // an object is the verb of a clause, not the head of a compound; so is one before a name and
    // an infinitive ("This option causes SQLite to omit...").
    const [then, after] = [words[at + 1], words[at + 2]];
    const toVerb = (w.pos === "NOUN" || w.pos === "PROPN") && then?.sentence === w.sentence &&
      then.value.toLowerCase() === "to" && after?.sentence === w.sentence && after.pos === "VERB";
    if (
      run.length > 1 && last!.pos === "NOUN" && /\p{Ll}s$/u.test(last!.value) &&
      !PLURAL_MODIFIER.has(last!.value.toLowerCase()) &&
      (OBJECT_START.has(w.pos) && !RELATIVE.test(w.value) || toVerb)
    ) {
      run.pop();
      close();
    }
    // "doesn't support iteration", "to use SQLite", "applications use SQLite": a word the
    // lexicon knows as a verb's base form, after an auxiliary, "to" or a plural noun, is a verb
    // the tagger read as a noun.
    const before = words[at - 1];
    // "(use xmlsec on Windows)", "Use Python for scripts": so is one that opens an aside or a
    // sentence before a name ("Tax simplification" is a thing).
    const next = words[at + 1];
    const opens = before?.value === "(" ||
      (before === undefined || before.sentence !== w.sentence) &&
        /^\p{Lu}/u.test(next?.value ?? "");
    if (
      (w.pos === "NOUN" || w.pos === "PROPN" && opens) &&
      lexiconTag(w.value.toLowerCase()) === "Infinitive" &&
      (before !== undefined && before.sentence === w.sentence &&
          (before.pos === "AUX" ||
            before.pos === "PART" && /^(?:to|not|n['’]t)$/iu.test(before.value) ||
            run.length > 0 && last!.pos === "NOUN" && PLURAL.test(last!.value) &&
              !PLURAL_MODIFIER.has(last!.value.toLowerCase())) ||
        opens && next?.sentence === w.sentence &&
          englishRank(next.value.toLowerCase()) > NAME_RANK)
    ) close();
    else if (identifier(text, w)) close();
    // "Dr." and "e.g." are no part of a topic. "the Recovery Act": the tagger's verb "Act" after
    // a capitalised noun ends the name of a law.
    else if (
      (w.pos === "NOUN" || w.pos === "PROPN" ||
        LAW.test(w.value) && /^\p{Lu}/u.test(last?.value ?? "")) &&
      !/\.$/u.test(w.value)
    ) run.push(w);
    else if (w.pos === "ADJ") {
      // One adjective opens a phrase; after nouns it starts the next one. A compound alone
      // before it modifies it ("the long-term unemployed", "an all-time low"): no phrase.
      if (run.length === 1 && run[0].value.includes("-")) run = [];
      close();
      run = [w];
    } else close();
  }
  close();
  return [...phrases, ...linkedPhrases(text, phrases)];
}

/** Each two noun phrases in a row that "of" or "on" joins, as one ("weapons of mass destruction"). */
function linkedPhrases(text: string, phrases: Phrase[]): Phrase[] {
  const out: Phrase[] = [];
  for (let i = 1; i < phrases.length; i++) {
    const [a, b] = [phrases[i - 1], phrases[i]];
    const end = a.start + a.text.length;
    const link = /^ (of|on) $/u.exec(text.slice(end, b.start));
    if (!link) continue;
    out.push({
      text: text.slice(a.start, b.start + b.text.length),
      start: a.start,
      words: [...a.words, link[1], ...b.words],
      person: false,
      adjective: a.adjective,
      linked: true,
    });
  }
  return out;
}

/**
 * Whether a word is part of a name in code: joined without a space to an underscore, a call's
 * bracket or a member's dot ("glp_read_cnfsat", "sqlite3_step()", "os.path"). Such a piece
 * ("glp", "step") is no term of the field, and neither is a run it would join ("routine glp").
 */
/**
 * Whether two words a slash joins are a pair of names ("GNU/Linux") or of words ("client/server",
 * "input/output"), not a path ("foo/bar/makefile"), a media type ("text/asciidoc") or a unit
 * ("MB/s").
 */
function slashPair(text: string, a: Word, b: Word): boolean {
  if (text[a.start - 1] === "/" || text[b.end] === "/") return false;
  const parts = [a.value, b.value];
  return parts.every((p) => /^\p{L}{2,}$/u.test(p)) &&
    (parts.every((p) => /^\p{Lu}/u.test(p)) ||
      parts.every((p) => englishRank(p.toLowerCase()) < Infinity));
}

function identifier(text: string, w: Word): boolean {
  // Most words touch a space or punctuation that is none of these: no slicing for them.
  if (!CODE_AFTER.has(text[w.end]) && !CODE_BEFORE.has(text[w.start - 1])) return false;
  const after = text.slice(w.end, w.end + 3);
  const before = text.slice(Math.max(0, w.start - 3), w.start);
  // An underscore between letters only: "_emphasis_" in plain text is no code.
  return /^(?:\\?_[\p{L}\p{N}]|\(|[.:]\p{L})/u.test(after) ||
    /[\p{L}\p{N}](?:\\?_|\.)$/u.test(before);
}

const CODE_AFTER = new Set(["_", "\\", "(", ".", ":"]);
const CODE_BEFORE = new Set(["_", "."]);

/** A name with its father's: "Usama bin Laden", "Ahmad ibn Hanbal". */
const PATRONYMIC = /^(?:\p{Lu}\p{Ll}+ )?(?:bin|ibn) \p{Lu}\p{Ll}+$/u;
const OFFICES = "Secretary|Secretaries|Minister|Ministers";
/** A minister's office, named by its department ("Secretary of Health and Human Services"). */
const OFFICE = new RegExp(`^(?:${OFFICES})$`, "u");
/** An office and a department of two words or more: the department is the organisation. */
const DEPARTMENT_OF = new RegExp(`^(?:${OFFICES}) of \\p{Lu}\\S* (?:and )?\\p{Lu}`, "u");
/** Departments and chambers that name an office: "Secretary of State", "Speaker of the House". */
const DEPARTMENTS = "State|Defense|War|Navy|Labor|Commerce|Agriculture|Energy|Education|" +
  "Transportation|Treasury|Interior|Justice|Homeland Security|Veterans Affairs|" +
  "Health and Human Services|Housing and Urban Development|House|Commons|Exchequer";
/**
 * An office and the name of the one who holds it: "Secretary of State Rice", "Speaker of the
 * House O'Neill", "Secretary of Health and Human Services Kathleen Sebelius".
 */
const HELD_OFFICE = new RegExp(
  `(?:${OFFICES}|Speaker|Chancellor) of (?:the )?(?:${DEPARTMENTS}) ` +
    "(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}\\.)?(?: \\p{Lu}[\\p{L}'’-]+){0,2})$",
  "u",
);

/** The word before "of" in the name of a body that may run on with "and"; in French, German,
 * Italian, Spanish and Portuguese too ("Facultad de Ciencias Agrarias"). */
const BODY = new RegExp(
  "^(?:Department|Institutes?|Ministry|Office|Bureau|Council|Commission|Board|Agency|Academy|" +
    "School|College|University|Society|Association|Museum|Library|Committee|Cent(?:er|re)|" +
    "Foundation|Fund|Facultad|Faculdade|Faculté|Fakultät|Facoltà|Universidad|Universidade|" +
    "Université|Universität|Università|Instituto|Institut|Istituto|Departamento|Ministerio|" +
    "Ministère|Ministero|Escuela|Escola|École|Scuola)$",
  "u",
);
/** Whether a word names a kind of body ("University", "Institut"), as it stands before "of". */
export function namesBody(word: string): boolean {
  return BODY.test(word);
}

/** The word after a body's word that says what the body is of or for. */
const BODY_OF = / (?:of|for|de|del|des|du|da|do|di|della|für) \p{Lu}/u;

/** Small words inside a name ("Guido van Rossum", "University of Tokyo"). */
const CONNECTOR = /^(?:de|da|di|del|della|van|von|der|den|la|le|du|bin|ibn|of)$/u;
/** Words that make a part of a place a region of its own ("Latin America", "Southeast Asia"). */
const REGION =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Middle|Far|Near|Latin|Upper|Lower|(?:North|South)(?:east|west))$/u;
/** A place named as a region of a larger one, or by the compass: "Middle East", "Latin America". */
export function isRegion(place: string): boolean {
  const words = place.split(" ");
  return words.length > 1 && REGION.test(words[0]);
}

/** Regions named by the compass alone: "Middle East", "Western Hemisphere". */
const REGION_OF_COMPASS =
  /^(?:(?:Middle|Far|Near) East|(?:Western|Eastern|Northern|Southern) Hemisphere)$/u;
/** The last word of a natural feature's or a waterway's name ("South China Sea", "Panama
 * Canal", "Strait of Hormuz" is compromise's already). */
const FEATURE_END =
  /\b(?:Sea|Ocean|Gulf|Bay|River|Lake|Canal|Straits?|Mountains|Islands|Peninsula|Desert|Coast|Shelf|Basin|Delta|Waterway|Shoals)$/u;
/** Last words of a programme's or an event's name: "Caribbean Basin Initiative" is no place. */
const EVENT_END = /\b(?:Initiative|Conference|Summit|Program|Programme|Act|Plan)$/u;
/** The last word of an organisation's name ("Unicode Consortium", "Allen Brothers": no one
 * person; "Supreme Court", "Red Army", "Sun Microsystems"), or the word before "of" in one
 * ("Chalmers University of Technology", "Library of Congress"); not a role ("Project Leader"). */
const ORGANIZATION_END = new RegExp(
  "\\b(?:Consortium|Foundation|Universit(?:y|ät|é)|Institute|Project|Society|Association|" +
    "Brothers|Bros|" +
    "Company|Corporation|Corp|Inc|Ltd|LLC|GmbH|Committee|Council|Agency|Laborator(?:y|ies)|Labs|" +
    "Hospital|Microsystems|Publishing|Publishers|Verlag|Press|Magazine|Journal|Gazette|" +
    "Technologies|Industries|" +
    "Electronics|Airlines|Pharmaceuticals|" +
    "Ministry|Department|Commission|Commissioners|Administration|Authority|Board|Corps|" +
    "Organi[sz]ation|College|School|Academy|Bank|Court|Party|Army|Navy|Guard|" +
    // "Air Force", "Border Patrol", "Federal Reserve System", "Selective Service System"; not
    // "Naval Petroleum Reserve", a store.
    "(?<!Labou?r |Work |\\p{Lu}{2,} )Force|Patrol|Federal Reserve(?: System)?|Service System|" +
    // The President's staff, as addresses speak of it ("the White House will send...").
    "White House)(?:$| (?:of|on) )|" +
    "\\b(?:Library|Museum|Office|Bureau|Court|House) of \\p{Lu}",
  "u",
);

/** "the Roman Catholic Church", "Church of England": a church, not "Alonzo Church". */
function church(key: string): boolean {
  const words = key.split(" ");
  return /\bChurch(?:$| of )/u.test(key) &&
    !(words.length === 2 && isFirstName(words[0].toLowerCase()));
}

/** The last word of a name for a project's people together ("Valgrind Developers"). */
const GROUP_END = /^(?:Developers|Authors|Contributors|Maintainers|Team|Community|Hackers)$/u;

/**
 * Institutions named by one word, which compromise's lexicon does not know as organisations:
 * written with a capital inside a sentence they name the body ("the Congress", "the Senate"),
 * not the thing ("a congress of historians"). In State of the Union addresses, "Congress" was the
 * organisation named most and found in none. Buildings that stand for a body ("the Pentagon",
 * "the Kremlin") are left out: as often the place.
 */
const INSTITUTION = new Set([
  "congress",
  "senate",
  "parliament",
  "bundestag",
  "knesset",
  "duma",
  "army",
  "navy",
  "treasury",
  "politburo",
  "judiciary",
]);

/** Words of the window compromise reads on each side of a capitalised run. */
const CONTEXT = 3;
/** Verbs whose subject is a person: "Heidegger argues", "Kant wrote". */
const PERSON_VERB =
  /^(?:says?|said|argues?|argued|thinks?|thought|writes?|wrote|written|claims?|claimed|believes?|believed|describes?|described|tells?|told|asks?|asked|suggests?|suggested|proposes?|proposed|insists?|insisted|rejects?|rejected|denies|denied|contributes|contributed|agrees?|agreed|disagrees?|disagreed|observes?|observed|explains?|explained|calls?|called|wants?|wanted|speaks?|spoke|talks?|talked|famously|himself|herself)$/iu;

/** What a person is, said before the name: "the terrorist Zarqawi", "the poet Keats". */
const ROLE =
  /^(?:terrorist|dictator|tyrant|philosopher|poet|novelist|writer|author|playwright|composer|painter|sculptor|scientist|physicist|chemist|mathematician|economist|historian|inventor|explorer|prophet|apostle|theologian|psychologist|sociologist|astronomer|biologist|singer|songwriter|actor|actress)$/u;

/** Who is introduced by name: "a woman named Rosa Parks". */
const PERSON_NOUN =
  /^(?:man|woman|boy|girl|lady|gentleman|person|child|son|daughter|wife|husband|friend|officer|soldier|teacher|student|doctor|nurse|worker|mother|father|colleague|survivor|astronaut|veteran|hero|agent|pilot|volunteer|neighbor|neighbour)$/iu;

/** A person's gifts and works, before "of" and the person: "the eloquence of Churchill". */
const PERSONAL_QUALITY =
  "eloquence|idealism|wisdom|courage|genius|leadership|integrity|compassion|humility|statesmanship|teachings|writings|sermons|speeches|prophecies|prophecy";

const OWNER_FOLLOWS = new RegExp(`(?<!\\p{L})(?:${PERSONAL_QUALITY})\\s+of\\s+$`, "iu");
/** "In the spirit of Jefferson": a person's only where the name is read as one already; "in
 * the spirit of Linux and GNU" is a program's. */
const SPIRIT_FOLLOWS = /(?<!\p{L})(?:spirit|legacy)\s+of\s+$/iu;

/**
 * Whether `before` ends in a person's gift and "of": the name after it is the person's. Where
 * the name is `read` as a person's already, a spirit or a legacy is a person's too.
 */
export function ownerFollows(before: string, read = false): boolean {
  return OWNER_FOLLOWS.test(before) || read && SPIRIT_FOLLOWS.test(before);
}

interface Run {
  key: string;
  start: number;
  end: number;
  /** Index of its first and last word. */
  from: number;
  to: number;
}

type Kind = "people" | "organizations" | "places";
interface Verdict {
  kind: Kind;
  /** The part of the run that is the name, as offsets into the run. */
  from: number;
  to: number;
  /** A person though named once and by one word ("Secretary of State Rice"). */
  sure?: true;
}

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } })
  .model().one.lexicon;

/** compromise's tag for a lower-cased word ("Infinitive", "MaleName"...), "" when none. */
export function lexiconTag(word: string): string {
  const tag = lexicon[word];
  return typeof tag === "string" ? tag : Array.isArray(tag) ? tag.join(",") : "";
}
const PERSON_TAG = /^(?:Person|LastName|MaleName|FemaleName|FirstName)$/u;
/** What opens an example in quotes: "for example “", "e.g. '". */
const EXAMPLE_QUOTED = /(?:for example|for instance|e\.g\.),?\s*["“‘']$/iu;

/**
 * The people, organisations and places named: each distinct run of capitalised words is judged
 * once, by compromise reading a few words around its first use; a surname used alone is a person
 * when the text makes it the subject of "says", "argues", "wrote"... (see {@link PERSON_VERB}).
 */
function findNames(text: string, words: Word[]): Pick<Language, Kind> {
  const runs = capitalisedRuns(text, words);
  /** The words the text writes in small letters. */
  const lower = new Set<string>();
  for (const w of words) if (/^\p{Ll}/u.test(w.value)) lower.add(w.value);
  const firsts = new Map<string, Run>();
  const verdicts = new Map<string, Verdict>();
  for (const run of runs) {
    if (firsts.has(run.key) || verdicts.has(run.key)) continue;
    // "the person's display name (for example “Com M Itter”)": a name made up to show a form.
    if (EXAMPLE_QUOTED.test(text.slice(Math.max(0, run.start - 20), run.start))) continue;
    // A Map: an object's "Constructor" or "ToString" would find its prototype's functions.
    const known = KNOWN_KIND.get(run.key.toLowerCase());
    const holder = HELD_OFFICE.exec(text.slice(Math.max(0, run.start - 60), run.end))?.[1];
    const titledAt = run.from === run.to ? 0 : titledAfter(run.key);
    if (known) {
      verdicts.set(run.key, { kind: known, from: 0, to: run.end - run.start });
    } else if (holder && holder.length <= run.end - run.start && !BODY.test(holder)) {
      const to = run.end - run.start;
      verdicts.set(run.key, { kind: "people", from: to - holder.length, to, sure: true });
    } else if (run.from === run.to) {
      // "the House and the Senate": a chamber of a parliament, capitalised inside a sentence.
      if (
        CHAMBER.test(run.key) &&
        /(?:^|[^\p{L}])the\s$/iu.test(text.slice(Math.max(0, run.start - 5), run.start))
      ) {
        verdicts.set(run.key, { kind: "organizations", from: 0, to: run.end - run.start });
        continue;
      }
      // A word alone is judged by compromise's lexicon: its patterns need two words.
      const kind = lexiconKind(run.key);
      if (kind) verdicts.set(run.key, { kind, from: 0, to: run.end - run.start });
    } else if (knownPerson(run.key) || titledName(run.key) || PATRONYMIC.test(run.key)) {
      verdicts.set(run.key, { kind: "people", from: 0, to: run.end - run.start });
    } else if (titledWord(run.key, lower)) {
      verdicts.set(run.key, { kind: "people", from: 0, to: run.end - run.start });
    } else if (titledAt > 0) {
      // "Senate Majority Leader Baker", "Texas Governor Greg Abbott": what the office is of
      // comes before its title, and is no part of the name.
      const from = text.slice(run.start, run.end).split(/(\s+)/u).slice(0, 2 * titledAt).join("")
        .length;
      verdicts.set(run.key, { kind: "people", from, to: run.end - run.start });
    } else if (DEPARTMENT_OF.test(run.key)) {
      // "Secretary of Health and Human Services": the office is named by its department.
      const of = /\sof\s+/u.exec(text.slice(run.start, run.end))!;
      const from = of.index + of[0].length;
      verdicts.set(run.key, { kind: "organizations", from, to: run.end - run.start });
    } else if (plausibleName(run.key)) firsts.set(run.key, run);
  }

  // One window per distinct run, each made a sentence of its own.
  let joined = "";
  const windows: { at: number; run: Run; offset: number }[] = [];
  for (const run of firsts.values()) {
    let a = run.from;
    let b = run.to;
    for (let k = 0; k < CONTEXT && a > 0 && words[a - 1].sentence === words[a].sentence; k++) a--;
    for (
      let k = 0;
      k < CONTEXT && b + 1 < words.length && words[b + 1].sentence === words[b].sentence;
      k++
    ) b++;
    const window = text.slice(words[a].start, words[b].end);
    if (joined !== "") joined += "\n\n";
    windows.push({ at: joined.length, run, offset: run.start - words[a].start });
    joined += /[.!?]$/u.test(window) ? window : window + ".";
  }
  if (joined !== "") {
    const doc = nlp(joined);
    const ats = windows.map((x) => x.at);
    const found: [Kind, { json(o: object): unknown }][] = [
      ["people", doc.people().not("#Honorific")],
      ["organizations", doc.organizations()],
      ["places", doc.places()],
    ];
    // Runs found to be products: no place or organisation either.
    const products = new Set<string>();
    for (const [kind, view] of found) {
      for (const f of view.json({ offset: true, text: true, terms: false }) as Found[]) {
        const w = windows[Math.max(0, upperBound(ats, f.offset.start) - 1)];
        const runStart = w.at + w.offset;
        const runEnd = runStart + (w.run.end - w.run.start);
        const from = Math.max(f.offset.start, runStart);
        const to = Math.min(f.offset.start + f.offset.length, runEnd);
        if (to <= from || verdicts.has(w.run.key) || products.has(w.run.key)) continue;
        // One word of the run: compromise's text may carry the punctuation after it ("Cole --").
        const word = !/\s/u.test(joined.slice(from, to).trim());
        if (
          // "MS Windows": a word found a person beside a word in capitals is a product's name.
          kind === "people" && (from > runStart || to < runEnd) && word &&
            w.run.key.split(" ").some((word) => /^\p{Lu}{2,}$/u.test(word)) ||
          // "Microsoft Excel", "Google Maps": a company's name before a product's is the product.
          kind === "organizations" && from === runStart && to < runEnd && word ||
          // "Urban Development Action Grant": a person found at the end of a longer name, all
          // everyday words and the first no first name, is the thing's name.
          kind === "people" && from > runStart && everydayWords(joined.slice(from, to))
        ) {
          products.add(w.run.key);
          continue;
        }
        verdicts.set(w.run.key, { kind, from: from - runStart, to: to - runStart });
      }
    }
  }
  for (const run of runs) {
    if (run.from === run.to || KNOWN_KIND.has(run.key.toLowerCase())) continue;
    const v = verdicts.get(run.key);
    // "the island of Porto Rico": compromise's person "Rico" after words its lexicon knows as a
    // place's (not "Texas Governor Greg Abbott"); "the Sierra Nevada": a person seldom follows
    // "the". The run is a place's name.
    if (
      v?.kind === "people" &&
      (v.from > 0 && run.key.slice(0, v.from).trim().split(" ").every(placeWord) &&
          !/\s/u.test(run.key.slice(v.from, v.to).trim()) ||
        /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, run.start - 5), run.start)) &&
          run.key.split(" ").some(placeWord))
    ) {
      verdicts.set(run.key, { kind: "places", from: 0, to: run.end - run.start });
      continue;
    }
    // "Latin America", "Southeast Asia": compromise finds the place without its region's word;
    // "RailCorp of New South Wales" without its "New".
    if (
      v?.kind === "places" && v.from > 0 && run.key.slice(0, v.from).trim().split(" ").every(
        (w) => REGION.test(w),
      )
    ) verdicts.set(run.key, { ...v, from: 0 });
    else if (v?.kind === "places" && /(?:^| )New $/u.test(run.key.slice(0, v.from))) {
      verdicts.set(run.key, { ...v, from: v.from - "New ".length });
    }
    // "National Institutes of Health": compromise's organisation stops at the "of" of its name.
    if (
      v?.kind === "organizations" && v.from === 0 && v.to < run.end - run.start &&
      /^ (?:of|for) \p{Lu}\p{L}*(?: (?:and|of) \p{Lu}\p{L}*| \p{Lu}\p{L}*)*$/u.test(
        run.key.slice(v.to),
      )
    ) verdicts.set(run.key, { ...v, to: run.end - run.start });
    // "Agency for International Development", "Center for Disease Control": a body's word, then
    // what the body is of or for, is the body's whole name.
    const body = BODY.test(run.key.slice(0, run.key.indexOf(" "))) && BODY_OF.test(run.key);
    if (ORGANIZATION_END.test(run.key) || body || church(run.key)) {
      verdicts.set(run.key, { kind: "organizations", from: 0, to: run.end - run.start });
    } else if (EVENT_END.test(run.key)) verdicts.delete(run.key);
    else if (
      (!v || v.kind === "places") && (FEATURE_END.test(run.key) || REGION_OF_COMPASS.test(run.key))
    ) {
      verdicts.set(run.key, { kind: "places", from: 0, to: run.end - run.start });
    }
  }
  // Once for both: "Debian" of "Debian Linux" and "the Debian Linux Association".
  const things = thingOpeners(runs);
  fullNames(runs, verdicts, things);
  creditedNames(text, runs, verdicts);
  for (const run of runs) {
    const v = verdicts.get(run.key);
    if (v?.kind !== "people" || v.from !== 0) continue;
    const rest = run.key.slice(v.to);
    // "Barry A. Warsaw": a middle initial after a first name goes on to the surname, a town's
    // name or not.
    if (/^ \p{Lu}\. \p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?$/u.test(rest)) {
      verdicts.set(run.key, { ...v, to: run.key.length });
    } else if (
      v.to - v.from > run.key.indexOf(" ") && /^ \p{Lu}\p{Ll}+$/u.test(rest) &&
      !/^ (?:Jr|Sr)$/u.test(rest) && englishRank(rest.trim().toLowerCase()) <= GENERIC_RANK
    ) {
      // "Gerrit Code Review": a name whose words go on in capitals to an everyday word names a
      // thing, a product or a building, not the person.
      verdicts.delete(run.key);
    }
  }
  // "Sharon's granddaughter, Heather": a first name that is an everyday word too ("heather",
  // "jack") is a person where the text names one of the family by it or speaks to it, and so is
  // any word the family goes by ("her husband, Tip,").
  for (const run of runs) {
    if (
      run.from === run.to && !verdicts.has(run.key) &&
      (isFirstName(run.key.toLowerCase()) && addressed(text, run.start, run.key) ||
        kinNamed(text, run))
    ) verdicts.set(run.key, { kind: "people", from: 0, to: run.key.length });
  }
  listedNames(text, runs, verdicts);
  for (const key of agents(words, runs, verdicts, lower, things)) {
    verdicts.set(key, { kind: "people", from: 0, to: key.length });
  }
  placesByFirstNames(text, runs, verdicts);
  placesBeforeRegions(text, runs, verdicts);
  // Whether a first name stands alone at least twice, not before a surname or another name.
  const alone = new Map<string, boolean>();
  const aloneOften = (first: string) => {
    let often = alone.get(first);
    if (often === undefined) {
      const uses = text.matchAll(
        new RegExp(`\\b${first}\\b(?!\\s+(?:\\p{Lu}|and\\s+\\p{Lu}\\p{Ll}))`, "gu"),
      );
      alone.set(first, often = uses.take(2).toArray().length === 2);
    }
    return often;
  };
  const out: Pick<Language, Kind> = { people: [], organizations: [], places: [] };
  /** Each run by the index of its last word. */
  const endsAt = new Map(runs.map((r) => [r.to, r]));
  // Once per name, not per mention: each looks through the whole text.
  const terms = new Map<string, boolean>();
  const termInCapitals = (name: string, kind: Kind) => {
    const key = `${kind}:${name}`;
    let known = terms.get(key);
    if (known === undefined) {
      const parts = name.split(" ");
      known = kind === "people"
        ? wordAndName(name, text)
        : termInSmall(parts, text) && (kind === "places" || namesAKind(parts, text)) ||
          mostlyInSmall(parts, text);
      terms.set(key, known);
    }
    return known;
  };
  // "the release following Lenny", "Ubuntu's Hardy release": a release's code name, in all
  // its uses ("the compiler versions in Lenny").
  const codeNames = new Set(
    runs.filter((run) =>
      run.from === run.to &&
      (RELEASE_BEFORE.test(text.slice(Math.max(0, run.start - 30), run.start)) ||
        /^\s+releases?\b/u.test(text.slice(run.end, run.end + 12)))
    ).map((run) => run.key),
  );
  // "languages such as Object Pascal, Delphi, and C++", "the default compiler for Ada": a
  // programming language where the text speaks of programming, in all its uses, is no person,
  // nor the organisation "Python" or the island "Java".
  const languages = new Set(runs.flatMap((run) => {
    const v = verdicts.get(run.key);
    const name = v ? text.slice(run.start + v.from, run.start + v.to) : run.key;
    return isProgrammingLanguage(name) &&
        PROGRAMMING.test(text.slice(Math.max(0, run.start - 60), run.end + 60))
      ? [name]
      : [];
  }));
  for (const run of runs) {
    const v = verdicts.get(run.key);
    if (!v) continue;
    if (v.kind === "people" && codeNames.has(run.key)) continue;
    const name = text.slice(run.start, run.end);
    if (languages.has(name.slice(v.from, v.to))) continue;
    if (termInCapitals(name.slice(v.from, v.to), v.kind)) continue;
    // "Greenwich Mean Time", "Georgia Tech", "Calgary Text Compression Corpus", "A Universal
    // Algorithm for Sequential Data Compression": a place or an organisation read in a longer
    // capitalised name is a part of that name.
    // compromise's span may hold the space after it: "Using Data " of "Using Data Tables".
    const after = name.slice(v.to);
    const spaced = /^[ \t]/u.test(after) || /[ \t]$/u.test(name.slice(v.from, v.to));
    if (v.kind !== "people" && spaced && /^[ \t]*\p{Lu}/u.test(after)) continue;
    // "TZ=Europe/Paris", "America/New_York": a time zone's identifier names no place of the text.
    if (TIME_ZONE.test(text.slice(Math.max(0, run.start - 12), run.end + 2))) continue;
    // "the Forrest–Tomlin update", "Floyd–Warshall": names joined by a dash name a method.
    if (
      v.kind === "people" && (/^[–-]\p{Lu}\p{Ll}/u.test(text.slice(run.end, run.end + 3)) ||
        /\p{Lu}\p{Ll}+[–-]$/u.test(text.slice(Math.max(0, run.start - 20), run.start)))
    ) continue;
    // "Jim Crow laws", "Pell grants": a name before the law or programme it names.
    if (v.kind === "people" && NAMES_A_THING.test(text.slice(run.end, run.end + 16))) continue;
    // "Skip Go testcase on AArch64...": a line that opens with an order, its first word a verb
    // that is a first name too, before the thing it acts on.
    if (v.kind === "people" && ordersThing(words, run)) continue;
    // "Inflation is not a Robin Hood": a name after "a" is a figure of speech, not the person.
    if (
      v.kind === "people" &&
      /(?<!\p{L})[Aa]n? $/u.test(text.slice(Math.max(0, run.start - 4), run.start))
    ) {
      continue;
    }
    // "President Truman" found as "Truman": the title stays, as the name's evidence; "H. Peter
    // Anvin" found as "Peter Anvin": so do the initials before the first name, but not before a
    // title ("islands A, C, and E. Admiral Nimitz").
    const initials = v.kind === "people" && !isTitle(name.slice(v.from).split(" ")[0])
      ? /(?<![\p{L}\p{N}.])(?:\p{Lu}\.[ \t]+)+$/u.exec(name.slice(0, v.from))
      : null;
    const from = v.kind === "people" && name.slice(0, v.from).trim().split(/\s+/u).every(isTitle)
      ? 0
      : initials
      ? initials.index
      : v.from;
    // compromise cuts "Chiang Kai-shek" at its hyphen: the name runs on to the word's end;
    // "Markus F X J Oberhumer" after an initial: it runs on through the initials to the
    // surname; and "Congressman Frank Tejeda" before a surname no dictionary has.
    const rest = name.slice(v.to);
    const to = name[v.to - 1] === "-"
      ? v.to + (/^\p{L}*/u.exec(rest)![0].length)
      : v.kind === "people" && /(?:^|\s)\p{Lu}\.?$/u.test(name.slice(0, v.to))
      ? v.to + (/^(?:\s+\p{Lu}\.?)*\s+\p{Lu}\p{Ll}+(?=\s|$)/u.exec(rest)?.[0].length ?? 0)
      : v.kind === "people"
      ? v.to + surnameAfter(rest)
      : v.to;
    // "Fred L. Drake, Jr.": the suffix is the name's, past the comma that ends the run.
    const suffix = v.kind === "people" && to === name.length
      ? SUFFIX.exec(text.slice(run.end, run.end + 6))?.[0] ?? ""
      : "";
    const found = name.slice(from, to) + suffix;
    if (v.kind === "people" && to === name.length && !suffix && abbreviated(words, run.to)) {
      continue;
    }
    if (v.kind !== "people") {
      out[v.kind].push({ text: found, start: run.start + from });
      continue;
    }
    // The words just before the name: slicing the whole text before each of thousands of
    // names made a long text's reading quadratic.
    const at = run.start + from;
    const afterPlace = verdicts.get(endsAt.get(run.from - 2)?.key ?? "")?.kind === "places";
    const sure = v.sure || run.from === run.to &&
        (opensAndActs(words, run, afterPlace) || afterRole(words, run) || kinNamed(text, run))
      ? { sure: true as const }
      : {};
    for (const person of sharingSurname(found, text.slice(Math.max(0, at - 80), at), aloneOften)) {
      out.people.push({ text: person, start: run.start + from, ...sure });
    }
    // "Senators McCain and Feingold", "Secretaries of State Dulles and Herter": the title is
    // both's.
    const title = name.slice(0, name.indexOf(" "));
    const second = /^,? and (\p{Lu}\p{Ll}+(?:['’-]\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])(?! \p{Lu})/u
      .exec(text.slice(run.end, run.end + 40));
    if (second && /\p{L}{3}s\.?$/u.test(title) && (isTitle(title) || OFFICE.test(title))) {
      out.people.push({
        text: second[1],
        start: run.end + second[0].indexOf(second[1]),
        sure: true,
      });
    }
  }
  out.organizations = joinedAtAnd(text, out.organizations, out.people);
  return out;
}

/**
 * Whether the word at `i` is cut short: a point after it that ends no sentence ("General Conf. on
 * Social Graphics", "Proc. of"), which no surname has. An initial ("W. de Leeuw") is one letter.
 */
function abbreviated(words: Word[], i: number): boolean {
  const [word, point, next] = [words[i], words[i + 1], words[i + 2]];
  return /^\p{Lu}\p{Ll}{2,}$/u.test(word.value) && point?.value === "." &&
    point.start === word.end &&
    next?.sentence === word.sentence && /^\p{Ll}/u.test(next.value);
}

/**
 * The organisations with a company's name that compromise parted at its "and" made whole again:
 * "Nippon Telegraph and Telephone Corporation" had been "Nippon Telegraph" and "Telephone
 * Corporation", "American Telephone and Telegraph Company" only "Telegraph Company".
 */
function joinedAtAnd(text: string, organizations: Span[], people: Span[]): Span[] {
  const out: Span[] = [];
  for (const org of organizations) {
    const before = COMPANY_BEFORE_AND.exec(text.slice(Math.max(0, org.start - 60), org.start));
    // "The American Telephone and...": the article is no part of the name.
    const start = before ? org.start - before[0].replace(/^(?:The|An?) /u, "").length : -1;
    // "Bruce Barnett and General Electric Company": a person and a company.
    const person = before &&
      (isFirstName(before[0].split(" ")[0]) || people.some((p) => p.start === start));
    if (!before || person || !COMPANY_END.test(org.text)) {
      out.push(org);
      continue;
    }
    // The first part, found as an organisation of its own, is the same company.
    const first = out.findLastIndex((o) => o.start === start);
    if (first >= 0) out.splice(first, 1);
    out.push({ ...org, text: text.slice(start, org.start + org.text.length), start });
  }
  return out;
}

/** Capitalised words and "and" just before a company's name ("Nippon Telegraph and "). */
const COMPANY_BEFORE_AND = /(?<![\p{L}\p{N}-])(?:\p{Lu}\p{L}+ ){0,2}\p{Lu}\p{L}+ and $/u;
/** The word that ends a company's name, or a public body's ("National Aeronautics and Space
 * Administration"). */
const COMPANY_END =
  /(?:^|\s)(?:Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|LLC|GmbH|Administration|Agency|Commission|Bureau|Authority|Organization|Institute|Foundation)$/u;

/** An IANA time zone's identifier: an area, a slash, a location ("Europe/Paris"). */
const TIME_ZONE =
  /(?<![\p{L}/])(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/\p{Lu}/u;

/**
 * Whether a lone word is the name one of the family goes by: "her husband, Tip, was there", "his
 * mom and dad, Sara Jo and Bud, are here", though "tip" and "bud" are everyday words.
 */
function kinNamed(text: string, run: Run): boolean {
  return run.from === run.to && /^[,.;]/u.test(text[run.end] ?? "") &&
    KIN.test(text.slice(Math.max(0, run.start - 60), run.start)) && !everydayPlural(run.key);
}

/** "our sister Republics": the plural of an everyday word, no first name's ("Williams"), is
 * what the kin word describes. */
function everydayPlural(word: string): boolean {
  const one = word.slice(0, -1).toLowerCase();
  return /^\p{Lu}\p{Ll}+s$/u.test(word) && englishRank(one) <= NAME_RANK && !isFirstName(one);
}

/** Whether a lone name follows what the person is: "the terrorist Zarqawi", "the poet Keats". */
function afterRole(words: Word[], run: Run): boolean {
  const [before, twoBefore] = [words[run.from - 1], words[run.from - 2]];
  return run.from === run.to && twoBefore?.sentence === words[run.from].sentence &&
    ROLE.test(before.value) && /^(?:the|late|famous|great)$/iu.test(twoBefore.value) &&
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(words[run.from].value);
}

/**
 * Whether the run opens a clause and a verb follows it: "Lincoln could have...", "Marx is...".
 * After a place and "and" it ends a list of places ("programs in New York and Houston provide").
 */
function opensAndActs(words: Word[], run: Run, afterPlace: boolean): boolean {
  const next = words[run.to + 1];
  const before = words[run.from - 1];
  return next?.sentence === words[run.to].sentence && (next.pos === "AUX" || next.pos === "VERB") &&
    (before?.sentence !== words[run.from].sentence ||
      /^(?:[,;:—–]|but)$/u.test(before.value) || before.value === "and" && !afterPlace);
}

/**
 * How much of what follows a person's name found short is its surname, which no dictionary has:
 * "Lee" + " Metcalf of Montana", "Justice Sandra" + " Day O'Connor" (compromise reads "Day" as a
 * duration). 0 when an everyday word ends it ("Ada Lovelace" + " Street").
 */
function surnameAfter(rest: string): number {
  // "O'Connor", "McCain", "DeMars", "LaGuardia": a capital may follow a prefix.
  const m = /^(?: \p{Lu}\p{Ll}+)?? \p{Lu}(?:['’]\p{Lu}|\p{Ll}{1,2}\p{Lu})?\p{Ll}+(?= of |$)/u
    .exec(rest);
  const last = m?.[0].trim().split(" ").at(-1)?.toLowerCase();
  return last !== undefined && englishRank(last) === Infinity ? m![0].length : 0;
}

/**
 * "my wife Michelle", "Hadiya's parents, Nate and Cleo", "their first child, Jack", "a second
 * son, Henry", "Sharon's granddaughter, Heather": one of the family, named.
 */
const KIN = new RegExp(
  "(?:\\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our|[Aa]n?)|['’]s) " +
    "(?:(?:first|second|third|only|eldest|oldest|youngest|younger|older|little|baby|late) )?" +
    "(?:great-)?(?:mom and dad|mother and father|wife|husband|son|daughter|mother|father|mom|" +
    "dad|brother|sister|grandmother|grandfather|grandson|granddaughter|parents|child|children|" +
    "kids|friend),?" +
    "(?: \\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?(?:,| and))? $",
  "u",
);
/** "Thank you, Hillary.", "I want to thank Hillary.": spoken to, or thanked before all. */
const SPOKEN_TO = /\b(?:thank(?: you)?|thanks(?: to)?|congratulations|congratulate|welcome),? $/iu;

/**
 * A first name alone is a person, even named once, where the text names one of the family by it
 * or speaks to someone by it: thanks them, or opens a sentence with it and a comma and says
 * "you" ("Nancy, much credit belongs to you").
 */
export function addressed(text: string, at: number, name: string): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const after = text.slice(at + name.length, at + name.length + 200);
  return KIN.test(before) || SPOKEN_TO.test(before) && /^[.!,]/u.test(after) ||
    SENTENCE_START.test(before) && CALLED.test(after);
}

/** Where a sentence opens: the text's start, or after a stop and a space. */
const SENTENCE_START = /(?:^|[.!?]["”’]?\s+)$/u;
/** "Nancy, much credit belongs to you": a name and a comma, then "you" in the same sentence. */
const CALLED = /^,[^.!?]*\b(?:you|your|yours)\b/iu;

/** Words before a place, not before a person: "in Chad", "from Georgia". */
const AT_PLACE = /(?<!\p{L})(?:in|at|from|near|across|throughout|outside)\s+$/iu;

/**
 * A first name alone that the text puts where places go at least half the times it names it
 * ("in Chad", "from Virginia", "Norfolk, Virginia") is a place: "Chad", "Virginia", "Charlotte"
 * are places too.
 */
function placesByFirstNames(text: string, runs: Run[], verdicts: Map<string, Verdict>): void {
  const uses = new Map<string, { all: number; placed: number }>();
  /** Runs read as places here, by their index: the next of a list may follow them. */
  const placed = new Set<number>();
  const place = (i: number) => placed.has(i) || verdicts.get(runs[i]?.key)?.kind === "places";
  const readAsPlace = new Map<string, boolean>();
  /** Whether compromise reads the name as a place where a place is expected. */
  const placeName = (name: string) => {
    let known = readAsPlace.get(name);
    if (known === undefined) {
      readAsPlace.set(name, known = nlp(`They live in ${name}.`).places().found as boolean);
    }
    return known;
  };
  runs.forEach((run, i) => {
    if (run.from !== run.to || verdicts.get(run.key)?.kind !== "people") return;
    // A given name, or one compromise keeps as a person's only ("Virginia", "Jordan").
    const low = run.key.toLowerCase();
    if (!isFirstName(low) && lexiconTag(low) !== "Person") return;
    const use = uses.get(run.key) ?? { all: 0, placed: 0 };
    use.all++;
    const between = text.slice(runs[i - 1]?.end ?? 0, run.start);
    // "Norfolk, Virginia, and…", not "In the Dominican Republic, Hillary helped…".
    const inPlace = i > 0 && place(i - 1) && /^,\s+$/u.test(between) &&
      /^[,.;]/u.test(text[run.end] ?? "");
    // "in Texas and Virginia", "New York and Houston": a list of places, where the name is a
    // place's to compromise too (not "Georgia and Jack"), or the list has two places before it
    // ("Georgia, Virginia and Carolina").
    const listing = (k: number) =>
      /^(?:,\s+|,?\s+(?:and|or)\s+)$/u.test(text.slice(runs[k - 1]?.end ?? 0, runs[k].start));
    const listed = i > 0 && place(i - 1) && listing(i) &&
      (placeName(run.key) || i > 1 && place(i - 2) && listing(i - 1));
    // "The Virginia Assembly met", "the Virginia delegates": a person is seldom "the Virginia".
    const before = text.slice(Math.max(0, run.start - 12), run.start);
    const modifies = /(?<!\p{L})the\s+$/iu.test(before) && placeName(run.key);
    if (
      (inPlace || listed || modifies || AT_PLACE.test(before)) &&
      !/^['’]s\b/u.test(text.slice(run.end, run.end + 3))
    ) {
      use.placed++;
      placed.add(i);
    }
    uses.set(run.key, use);
  });
  for (const [key, use] of uses) {
    if (use.placed * 2 >= use.all) verdicts.set(key, { kind: "places", from: 0, to: key.length });
  }
}

/**
 * A name the text writes before its state or country ("Elkhart, Indiana;", "Tampa, Florida,") is
 * a town: compromise knows the state, not the town. Not a person's name ("Senator Brown, Ohio")
 * nor an organisation's.
 */
function placesBeforeRegions(text: string, runs: Run[], verdicts: Map<string, Verdict>): void {
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    const kind = verdicts.get(run.key)?.kind;
    if (next === undefined || kind === "people" || kind === "organizations") return;
    if (next.from !== next.to || !/^,[ \t]+$/u.test(text.slice(run.end, next.start))) return;
    if (!/Region|Country/u.test(lexiconTag(next.key.toLowerCase()))) return;
    if (!/^(?:[,.;:)]|$)/u.test(text.slice(next.end, next.end + 1))) return;
    const words = run.key.split(" ");
    if (words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return;
    if (words.some((w) => englishRank(w.toLowerCase()) <= GENERIC_RANK)) return;
    verdicts.set(run.key, { kind: "places", from: 0, to: run.end - run.start });
  });
}

/** A generational suffix after a name. */
const SUFFIX = /^,?[ \t](?:Jr|Sr)\.|^,?[ \t](?:II|III|IV)\b/u;

/**
 * "Robert and Gary Allen" names two Allens: the first name before "and" shares the surname, if
 * it stands alone ("Michael Jordan and Scottie Pippen" is two full names). A family named in the
 * plural ("the Richard and Judy Andersons") is each of them by the surname.
 */
function sharingSurname(
  name: string,
  before: string,
  aloneOften: (first: string) => boolean,
): string[] {
  const parts = name.split(" ");
  const shared = /(?:^|[^\p{L}\s,]\s*|\b\p{Ll}+\s+)(\p{Lu}\p{Ll}+) and $/u.exec(before);
  if (parts.length !== 2 || !shared || !isFirstName(shared[1].toLowerCase())) return [name];
  // "Michelle and Jill Biden" where the text calls Michelle by her first name alone elsewhere:
  // she goes by it, and the surname is Jill's.
  if (aloneOften(shared[1])) return [`${parts[0]} ${parts[1]}`];
  let surname = parts[1];
  if (/\bthe \p{Lu}\p{Ll}+ and $/u.test(before) && /[^s]s$/u.test(surname)) {
    surname = surname.slice(0, -1);
  }
  return [`${shared[1]} ${surname}`, `${parts[0]} ${surname}`];
}

/** Words after a name that make it the name of a law, a treaty or a programme. */
const NAMES_A_THING = new RegExp(
  "^\\s+(?:laws?|acts?|bills?|amendments?|doctrines?|treat(?:y|ies)|grants?|programs?|programmes?|" +
    // "Montgomery curves", "a Montgomery ladder", "a Bloom filter", "Huffman coding": a method
    // or object of mathematics named after whoever found it.
    "curves?|ladders?|multiplication|reduction|transforms?|algorithms?|theorems?|conjectures?|" +
    "lemmas?|equations?|inequalit(?:y|ies)|distributions?|filters?|coding|trees?|ciphers?|" +
    "signatures?|machines?|type|form)\\b",
  "u",
);

/**
 * "Roman Numeral One", when the text also writes "Roman numerals": a first name that is an
 * everyday word ("Roman", "Grant", "Mark") that the text also writes before the last word in
 * lower case is a term in capitals, no person. So is a name made only of English words that the
 * text also writes in lower case ("Application Defined Page Cache" beside "the page cache").
 */
function wordAndName(name: string, text: string): boolean {
  const parts = name.split(" ");
  if (parts.length < 2) return false;
  if (termInSmall(parts, text)) return true;
  const first = parts[0].toLowerCase();
  if (!isFirstName(first) || englishRank(first) >= GENERIC_RANK) return false;
  const term = `${parts[0]} ${parts[parts.length - 1].toLowerCase()}`;
  return text.includes(term + " ") || text.includes(term + "s") || text.includes(term + ".");
}

/**
 * Whether a name of two words or more, all English words, is a term the text also writes in
 * small letters, joined by a space or a hyphen, or as a plural: "Floating Point" beside
 * "floating point", "Certification Authority" beside "certification authorities".
 */
function termInSmall(parts: string[], text: string): boolean {
  if (parts.length < 2 || !parts.every((w) => englishRank(w.toLowerCase()) < Infinity)) {
    return false;
  }
  const low = parts.map((w) => w.toLowerCase());
  const last = low.at(-1)!;
  const lasts = [last, pluralOf(last)];
  return [" ", "-"].some((gap) => {
    const head = ` ${low.slice(0, -1).join(gap)}${gap}`;
    return lasts.some((l) => writesWord(text, head + l));
  });
}

/** Whether `text` holds `phrase` with no letter after it; by index, once per name of a text. */
function writesWord(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!/\p{L}/u.test(text.charAt(at + phrase.length))) return true;
  }
  return false;
}

/**
 * Whether the text writes a name of English words more often with all but its first word in
 * small letters: "Active development" ten times in Node.js's stability notes, "Active
 * Development" twice.
 */
function mostlyInSmall(parts: string[], text: string): boolean {
  if (parts.length < 2 || !parts.every((w) => englishRank(w.toLowerCase()) < Infinity)) {
    return false;
  }
  // Most names' later words are never written in small letters: no need to count.
  if (!text.includes(` ${parts.slice(1).map((w) => w.toLowerCase()).join(" ")}`)) return false;
  const rest = parts.slice(1).join(" ");
  return namedUses(text, parts[0], ` ${rest.toLowerCase()}`) >
    namedUses(text, parts[0], ` ${rest}`);
}

/** "authority": "authorities", "point": "points". */
function pluralOf(word: string): string {
  return /[^aeiou]y$/iu.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/**
 * Whether the text uses a name as a kind's: after "a" or "no", or in the plural ("a trusted
 * Certification Authority", "Certification Authorities"), unlike a body's own name ("the
 * Technical Committee", though the text writes "the technical committee" too).
 */
function namesAKind(parts: string[], text: string): boolean {
  const plural = [...parts.slice(0, -1), pluralOf(parts.at(-1)!)].join(" ");
  const name = RegExp.escape(parts.join(" "));
  return new RegExp(`(?<!\\p{L})(?:[Aa]n?|[Nn]o|[Aa]ny) (?:\\p{Ll}+ )?${name}(?!\\p{L})`, "u")
    .test(text) ||
    new RegExp(`${RegExp.escape(plural)}(?!\\p{L})`, "u").test(text);
}

/**
 * Whether a run opening a sentence, a line or what a label's colon introduces ("go-testsuite:
 * Skip Go testcase...") is a verb's base form and a name before a noun.
 */
function ordersThing(words: Word[], run: Run): boolean {
  const first = words[run.from];
  const next = words[run.to + 1];
  const opens = first.first || words[run.from - 1]?.value === ":";
  return opens &&
    (first.pos === "VERB" || lexiconTag(first.value.toLowerCase()) === "Infinitive") &&
    next !== undefined && next.sentence === first.sentence && next.pos === "NOUN" &&
    /^\p{Ll}/u.test(next.value);
}

/** Words of programming near a language's name. */
const PROGRAMMING =
  /(?<!\p{L})(?:programming|programmers?|(?:programming )?languages?|compil(?:ers?|ed|ing)|interpret(?:ers?|ed)|(?:source )?code)(?!\p{L})/iu;

/** What comes before a release's code name: "the release of", "the release following". */
const RELEASE_BEFORE = /\breleases?\s+(?:of|following|after|before|since|until|called|named)\s+$/u;

interface Found {
  text: string;
  offset: { start: number; length: number };
}

const FIRST_NAME = /^(?:MaleName|FemaleName|FirstName)$/u;

/** A lower-cased word compromise knows as a first name ("ada", "truman"). */
export function isFirstName(word: string): boolean {
  return FIRST_NAME.test(lexiconTag(word));
}

/** Whether the lexicon knows a word for an organisation's name ("microsoft", "ibm"). */
export function isOrganization(word: string): boolean {
  return lexiconTag(word) === "Organization";
}

/** Not an everyday word, or a surname compromise knows ("Mertz", "Smith"). */
function nameLike(word: string): boolean {
  const low = word.toLowerCase();
  return /^\p{Lu}\p{Ll}/u.test(word) &&
    (englishRank(low) > GENERIC_RANK || /LastName|Person/u.test(lexiconTag(low)));
}

/**
 * A first name compromise knows and one or two more capitalised words that are no everyday
 * words make a person, however compromise read the window ("David Mertz’s book" gave "David");
 * so do two words no word list has that compromise called nothing ("Vaclav Havel"), named
 * twice, the first none of the `things`' words (see {@link thingOpeners}).
 */
function fullNames(
  runs: Run[],
  verdicts: Map<string, Verdict>,
  things: ReadonlySet<string>,
): void {
  const uses = new Map<string, number>();
  for (const run of runs) uses.set(run.key, (uses.get(run.key) ?? 0) + 1);
  for (const run of runs) {
    const v = verdicts.get(run.key);
    if (v && (v.kind !== "people" || v.to - v.from === run.key.length)) continue;
    if (
      knownPerson(run.key) || eastAsianName(run.key) ||
      !v && uses.get(run.key)! >= 2 && unlistedName(run.key) && !things.has(firstWord(run.key))
    ) {
      verdicts.set(run.key, { kind: "people", from: 0, to: run.key.length });
    }
  }
}

/**
 * A Chinese, Korean or Vietnamese name as English writes it, surname first: a common surname,
 * then a given name no dictionary has, in one or two words ("Deng Xiaoping", "Mao Tse-tung",
 * "Kim Jong Il", "Lee Kuan Yew"); not "Park Avenue".
 */
function eastAsianName(key: string): boolean {
  const words = key.split(" ");
  return words.length >= 2 && words.length <= 3 && EAST_ASIAN_SURNAMES.has(words[0]) &&
    /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(words[1]) &&
    englishRank(words[1].toLowerCase()) === Infinity &&
    words.slice(2).every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

/** Surnames common in China, Korea and Vietnam, in the romanisations English texts use. */
const EAST_ASIAN_SURNAMES = new Set(
  ("Mao Deng Zhou Chou Chiang Sun Li Wang Zhang Liu Chen Yang Huang Zhao Wu Xi Hu Jiang Wen " +
    "Zhu Lin Kim Park Lee Rhee Chun Roh Moon Yoon Ho Ngo Nguyen Tran Le Pham Vo Lon")
    .split(" "),
);

/** A word compromise's lexicon knows as a place's name ("Porto", "Nevada"). */
function placeWord(word: string): boolean {
  return /\b(?:City|Country|Region|Place)\b/u.test(lexiconTag(word.toLowerCase()));
}

/**
 * The words that open the names of two things or more: "Debian" of "Debian Linux" and "the
 * Debian Linux Association", a thing's name and no one's given name ("Debian Linux is a new kind
 * of distribution" is no person's doing).
 */
function thingOpeners(runs: Run[]): Set<string> {
  const names = new Map<string, Set<string>>();
  for (const run of runs) {
    if (run.from === run.to) continue;
    const first = firstWord(run.key);
    names.set(first, (names.get(first) ?? new Set()).add(run.key));
  }
  return new Set([...names].filter(([, keys]) => keys.size >= 2).map(([first]) => first));
}

function firstWord(key: string): string {
  return key.slice(0, key.indexOf(" "));
}

/** Two capitalised words that neither the everyday list nor compromise's lexicon has. */
function unlistedName(key: string): boolean {
  const parts = key.split(" ");
  return parts.length === 2 && parts.every((w) => {
    const low = w.toLowerCase();
    return /^\p{Lu}\p{Ll}+$/u.test(w) && englishRank(low) === Infinity && lexiconTag(low) === "";
  });
}

/** A first name compromise knows, then a surname it knows or no dictionary has ("Ada Lovelace"). */
function knownPerson(key: string): boolean {
  // Connecting words and middle initials apart ("Thomas M. J. Fruchterman").
  const parts = key.split(" ").filter((w, i, all) =>
    !CONNECTOR.test(w) && (i === 0 || i === all.length - 1 || !/^\p{Lu}\.$/u.test(w))
  );
  if (parts.length < 2 || parts.length > 3) return false;
  if (!isFirstName(parts[0].toLowerCase())) return false;
  // "Roman Numeral": a first name before a word of the dictionary is the word's adjective.
  const last = parts[parts.length - 1];
  if (!/^\p{Lu}\p{Ll}/u.test(last)) return false;
  const low = last.toLowerCase();
  return englishRank(low) === Infinity || /LastName/u.test(lexiconTag(low)) ||
    rareName(low) && !FEATURE_END.test(key);
}

/**
 * A word that film subtitles say seldom and wink's dictionary lacks: a name ("Tubman", "Eisenhower",
 * "Welk"), where "Numeral" of "Roman Numeral" and "Islands" of "Caroline Islands" are words.
 */
function rareName(low: string): boolean {
  return englishRank(low) > GENERIC_RANK && !Object.hasOwn(shippedWords, low);
}

/**
 * "Vice President Cheney", "Governor Branstad", "Private First Class James Markwell": titles,
 * then one to three capitalised words that are no everyday words, make a person. `strict`: a
 * word alone after one title must be in no word list at all.
 */
function titledName(key: string, strict = false): boolean {
  const parts = key.split(" ");
  let at = 0;
  while (at < parts.length && isTitle(parts[at])) at++;
  const name = parts.slice(at);
  // "General Westmoreland", "General Marshall", "Commander in Chief Eisenhower"; "General
  // Motors" and "General Assembly" are everyday words after it, as is a programming language
  // (Python's heading "General Python terminology").
  const general = /^(?:Gen(?:eral|\.)?|Chief|Commander)$/u.test(parts[at - 1]) &&
    name.length === 1 &&
    /^\p{Lu}\p{L}+$/u.test(name[0]) && !isProgrammingLanguage(name[0]) &&
    (englishRank(name[0].toLowerCase()) === Infinity || rareName(name[0].toLowerCase()) ||
      /LastName|MaleName/u.test(lexiconTag(name[0].toLowerCase())));
  // "the Reverend Dr. Martin Luther King", "Senator Orrin Hatch", "Prime Minister MacKenzie
  // King": after a first name, or a word no dictionary has, a surname may be an everyday word.
  const named = name.length >= 2 &&
    (isFirstName(name[0].toLowerCase()) || englishRank(name[0].toLowerCase()) === Infinity) &&
    name.every((w) => /^(?:\p{Lu}\p{Ll}+){1,2}$/u.test(w));
  // "Majority Leader Baker", "Vice President Bush": after an office of two words, any one.
  const office = at >= 2 && name.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(name[0]);
  // "Sergeant First Class Townsend Williams": the person's title may come first.
  return at > 0 && (parts.slice(0, at).some(isPersonTitle) || general) && name.length >= 1 &&
    name.length <= 3 &&
    (named || office ||
      name.every((w) =>
        /^\p{Lu}\.$/u.test(w) ||
        nameLike(w) && (!strict || englishRank(w.toLowerCase()) === Infinity)
      ));
}

/** Whether a name is words of everyday English, the first no first name or title. */
function everydayWords(name: string): boolean {
  const words = name.trim().split(/\s+/u);
  return words.every((w) => englishRank(w.toLowerCase()) <= GENERIC_RANK) &&
    !isFirstName(words[0].toLowerCase()) && !isTitle(words[0]);
}

/**
 * "President Bush", "Admiral King": a person's title, then one capitalised word that the text
 * never writes in small letters (`lower`) and that names no body or place ("Justice Department",
 * "Republican Party", "Lady Liberty" is a statue, but "liberty" is said in small letters too).
 */
function titledWord(key: string, lower: ReadonlySet<string>): boolean {
  const [title, word, more] = key.split(" ");
  // "MS Windows": a title in capitals is an abbreviation.
  if (
    more !== undefined || word === undefined || !isPersonTitle(title) ||
    !/^\p{Lu}\p{Ll}+\.?$/u.test(title) || isTitle(word)
  ) return false;
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || BODY.test(word) || ORGANIZATION_END.test(word)) {
    return false;
  }
  if (FEATURE_END.test(word) || EVENT_END.test(word) || INSTITUTION.has(word.toLowerCase())) {
    return false;
  }
  return !lower.has(word.toLowerCase());
}

/**
 * The index of the word that opens a titled name at the end of a run after other words
 * ("Senate Majority Leader Baker": 1), or 0 when there is none. A surname alone after such a
 * title must be no word at all: "Criminal Justice Reform" is a law.
 */
function titledAfter(key: string): number {
  const parts = key.split(" ");
  for (let k = 1; k < parts.length - 1; k++) {
    if (isTitle(parts[k]) && titledName(parts.slice(k).join(" "), true)) return k;
  }
  return 0;
}

/** What opens a credit: "Author:", "Written by", "Copyright (C) 2003", "Reviewed-by:"... */
const CREDIT = new RegExp(
  "(?:^|[^\\p{L}])(?:(?:authors?|maintainers?|contributors?|credits?|editors?|translators?|" +
    "(?:signed-off|reviewed|acked|helped|reported|tested|suggested|co-authored|mentored)-by)" +
    "\\s*:|(?:thanks\\s+to|(?:written|contributed|maintained|edited|reviewed|translated|" +
    "created|developed|designed|revised|authored|compiled|implemented|invented|proposed|" +
    "reported|suggested|ported|rewritten|patched)\\s+by|courtesy\\s+of)(?:\\s*:)?|" +
    "(?:copyright|\\(c\\)|©)(?:\\s*(?:\\(c\\)|©))?" +
    "(?:\\s*\\d{4}(?:\\s*[-–,]\\s*\\d{2,4})*\\s*,?)?)\\s*$",
  "iu",
);
/** Years of a life right after a name: "(1889–1976)", "(born 1950)", "(b. 1950)". */
const LIFE = /^\s*\((?:(?:born|b\.)\s*\d{3,4}|(?:c\.\s*)?\d{3,4}\s*[-–—]\s*(?:c\.\s*)?\d{2,4})\)/u;
/** An e-mail address right after a name, as credits, trailers and mail headers write one
 * ("Ana Lopez <ana@example.org>", "(ana at example dot org)"). */
const ADDRESS =
  /^\s*[<(\[]?\s*[\p{L}\p{N}._%+-]+(?:@|\s+at\s+)[\p{L}\p{N}-]+(?:\.|\s+dot\s+)\p{L}/u;

/**
 * Names a credit gives are people: after "Author:", "Written by", "Thanks to", a copyright's
 * year, a commit trailer ("Reviewed-by:"), or before the person's e-mail address ("Alan
 * <alan@example.org> said") or years of a life ("Søren Kierkegaard (1813–1855)"). One to four
 * words, each capitalised or an initial, the first a first name compromise knows or no everyday
 * word ("Copyright 2003 Python Software Foundation" is an organisation's credit), a word alone
 * only before an address or years of a life.
 */
function creditedNames(text: string, runs: Run[], verdicts: Map<string, Verdict>): void {
  for (const run of runs) {
    const v = verdicts.get(run.key);
    if (v?.kind === "people" && v.to - v.from === run.key.length) continue;
    // "AUTHOR Ana Lopez": a manual page's heading run into the name.
    const heading = /^(?:AUTHORS?|Authors?|MAINTAINERS?|Maintainers?|CREDITS|Credits) /u.exec(
      run.key,
    );
    const skip = heading ? heading[0].length : 0;
    const key = run.key.slice(skip);
    const parts = key.split(" ").filter((w) => !CONNECTOR.test(w));
    if (parts.length > 4) continue;
    // "Seung-hoon Park": a given name's second syllable after a hyphen may be in small letters.
    if (!parts.every((w) => /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{L}\p{Ll}+)?|\p{Lu}\.?)$/u.test(w))) {
      continue;
    }
    if (!/\p{Ll}/u.test(parts[parts.length - 1]) || ORGANIZATION_END.test(key)) continue;
    // "Copyright © 2000-2022 Valgrind Developers": a project's people together, no one person.
    if (GROUP_END.test(parts[parts.length - 1])) continue;
    const low = parts[0].toLowerCase();
    // "proposed by Councillor Hadley": a title, which the person's full name elsewhere has not.
    if (/Actor|Honorific/u.test(lexiconTag(low))) continue;
    const after = text.slice(run.end, run.end + 80);
    // "Guy Bedford <guy@example.org>", "Chengzhong Wu <...>": two words or more before an
    // address are a person however compromise files the words (a city, an everyday word), if
    // one of them is no everyday word ("Contact Support <help@...>" is a mailbox).
    if (
      parts.length > 1 && ADDRESS.test(after) &&
      parts.some((w) => englishRank(w.toLowerCase()) > GENERIC_RANK)
    ) {
      verdicts.set(run.key, { kind: "people", from: skip, to: run.key.length });
      continue;
    }
    if (!isFirstName(low) && !isGivenName(low) && englishRank(low) < GENERIC_RANK) continue;
    // A town's name may be a surname after a first name ("Gawain Bolton", "Barry A. Warsaw"),
    // not before it or alone.
    const place = (w: string) =>
      /Organization|Place|Country|City/u.test(lexiconTag(w.toLowerCase()));
    const surnamed = parts.length > 1 && !/Organization/u.test(lexiconTag(last(parts)));
    if ((surnamed ? parts.slice(0, -1) : parts).some(place)) continue;
    // Years of a life follow periods and dynasties too ("Weimar Republic (1918–1933)"): only
    // after a first name compromise knows or a word no list has, and before a surname
    // compromise knows or one no list has.
    const surname = last(parts);
    const lived = LIFE.test(after) && givenName(parts[0]) &&
      (englishRank(surname) === Infinity || PERSON_TAG.test(lexiconTag(surname)));
    const addressed = ADDRESS.test(after) || lived;
    const credited = parts.length > 1 &&
      (skip > 0 || CREDIT.test(text.slice(Math.max(0, run.start - 40), run.start)));
    if (addressed || credited) {
      verdicts.set(run.key, { kind: "people", from: skip, to: run.key.length });
    }
  }
}

/** The last of a name's words, lower-cased. */
function last(parts: string[]): string {
  return parts[parts.length - 1].toLowerCase();
}

/**
 * Names in a list with a person are people ("revised by Georg Brandl, Andrew Kuchling, and Ezio
 * Melotti"): a first name alone, or a run of two or three words, the first no everyday word,
 * next to a person's name with only a comma or "and" between. A role after a name ("Ana Lopez,
 * Engineering Manager") ends in an everyday word: such a last word is a surname only after a
 * first name compromise knows or one no word list has ("Eryk Sun").
 */
function listedNames(text: string, runs: Run[], verdicts: Map<string, Verdict>): void {
  const person = (r: Run) => verdicts.get(r.key)?.kind === "people";
  const candidate = (r: Run) => {
    // Middle initials apart: "Emden R. Gansner"; a word before initials is a first name
    // only if it may be one ("References I. S. Duff" is a heading run into a name).
    const all = r.key.split(" ");
    const parts = all.filter((w, i) => i === 0 || i === all.length - 1 || !/^\p{Lu}\.$/u.test(w));
    if (parts.length < all.length && !givenName(parts[0])) return false;
    // "Gerald and Sharon": a first name alone, beside a person's.
    if (all.length === 1) return !verdicts.has(r.key) && isFirstName(r.key.toLowerCase());
    // "Gawain Bolton, Mark Dickinson": a surname that is a town's, after a first name.
    const v = verdicts.get(r.key);
    const townSurname = v?.kind === "places" && v.from > 0 && nameLike(parts[0]);
    return (!v || townSurname) && parts.length >= 2 && parts.length <= 3 &&
      nameLike(parts[0]) && (nameLike(parts[parts.length - 1]) || givenName(parts[0])) &&
      parts.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  };
  const listed = (a: Run, b: Run) => /^(?:,\s*|,?\s+and\s+)$/u.test(text.slice(a.end, b.start));
  // Forward and back, so that a name reaches along the whole list.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 1; i < runs.length; i++) {
      const [a, b] = pass === 0
        ? [runs[i - 1], runs[i]]
        : [runs[runs.length - i], runs[runs.length - i - 1]];
      const [first, second] = pass === 0 ? [a, b] : [b, a];
      // A first name alone before a full name shares its surname ("Robert and Gary Allen"):
      // sharingSurname's to name.
      const shares = !b.key.includes(" ") && a.key.includes(" ") && second === a;
      if (person(a) && candidate(b) && listed(first, second) && !shares) {
        verdicts.set(b.key, { kind: "people", from: 0, to: b.key.length });
      }
    }
  }
}

/** A first name compromise knows, or a capitalised word that no everyday list has. */
function givenName(word: string): boolean {
  const low = word.toLowerCase();
  return isFirstName(low) || englishRank(low) === Infinity;
}

/** What compromise's lexicon calls a word alone, if a name. */
function lexiconKind(word: string): Kind | undefined {
  const low = word.toLowerCase();
  if (INSTITUTION.has(low)) return "organizations";
  const tag = lexiconTag(low);
  // A first name alone that is also an everyday word ("Roman", "Troy", "Will") is the word.
  if (FIRST_NAME.test(tag)) {
    return englishRank(low) > GENERIC_RANK ? "people" : undefined;
  }
  if (PERSON_TAG.test(tag)) return "people";
  if (/Organization/u.test(tag)) return "organizations";
  if (/Place|City|Country|Region/u.test(tag)) return "places";
  return undefined;
}

/** Runs of words in capitals, with code or digits, are no names: not worth compromise's time. */
function plausibleName(key: string): boolean {
  return !/[\d_/\\@#=()<>]/u.test(key) &&
    key.split(" ").some((w) => /^\p{Lu}\p{Ll}/u.test(w) && !/\p{Ll}\p{Lu}/u.test(w));
}

/** Characters of a block short enough to be a list's line (a paragraph's lines wrap at 70 to 80). */
const SHORT_LINE = 40;

/** Runs of capitalised words in one sentence, small connecting words allowed inside. */
function capitalisedRuns(text: string, words: Word[]): Run[] {
  const runs: Run[] = [];
  // "Later" or "Thanks" opening a sentence is capitalised for that alone.
  const capital = (w: Word) =>
    /^\p{Lu}/u.test(w.value) && !CLOSED.has(w.pos) && w.pos !== "ADV" &&
    (!w.first || w.pos === "PROPN") && !inIdentifier(text, w);
  // The text is blocks, each one line, "\n\n" between them. A name does not run on from a
  // short block into the next: the lines of a list are blocks ("Clark Cooper" / "Fred L.
  // Drake"). From a long one it may, where a page or a column broke it.
  const apart = (a: Word, b: Word) =>
    text.slice(a.end, b.start).includes("\n") &&
    a.end - text.lastIndexOf("\n", a.end - 1) <= SHORT_LINE;
  // "like bin Laden": a surname may open with its particle in small letters.
  const particle = (i: number) =>
    /^(?:bin|ibn)$/u.test(words[i].value) && words[i + 1]?.sentence === words[i].sentence &&
    capital(words[i + 1]) &&
    !(words[i - 1]?.sentence === words[i].sentence && capital(words[i - 1]));
  // "Estiven Rodriguez couldn't speak", "President Carter tried": a word no dictionary has, or
  // a person's title, opening a sentence before a capitalised word, is the name's first; not
  // one wink reads as a verb ("Appending Postfix's own domain...").
  const opensName = (i: number) =>
    words[i].first && words[i].pos !== "VERB" && /^\p{Lu}\p{Ll}+\.?$/u.test(words[i].value) &&
    words[i + 1]?.sentence === words[i].sentence && capital(words[i + 1]) &&
    (englishRank(words[i].value.toLowerCase()) === Infinity &&
        lexiconTag(words[i].value.toLowerCase()) === "" || isPersonTitle(words[i].value));
  // "Author: Donald Ervin Knuth Glyph slots used: 0x00–0x7F": among labels and their values, a
  // capitalised word before small words and a colon opens the next label.
  const opensLabel = (first: Word, next: Word) =>
    LABEL_AFTER.test(text.slice(next.end, next.end + 40)) &&
    LABEL_BEFORE.test(text.slice(Math.max(0, first.start - 60), first.start));
  for (let i = 0; i < words.length; i++) {
    if (!capital(words[i]) && !particle(i) && !opensName(i)) continue;
    let j = i;
    while (j + 1 < words.length && words[j + 1].sentence === words[i].sentence && j - i < 7) {
      const next = words[j + 1];
      if (apart(words[j], next) || opensLabel(words[i], next)) break;
      if (capital(next)) j++;
      else if (
        // "Department of Health and Human Services", "National Center for Missing and
        // Exploited Children": "and" after a body's "of" or "for" joins the name's last parts;
        // but "Legislatures of Alabama and Tennessee" are two places, "Secretaries of State
        // Dulles and Herter" two people (an office's department is one word before the "and")
        // and "City University of New York and IBM" two bodies.
        (CONNECTOR.test(next.value) ||
          next.value === "and" && !/^\p{Lu}{2,}$/u.test(words[j + 2]?.value ?? "") &&
            words.slice(i + 1, j).some((w, k) =>
              /^(?:of|for)$/u.test(w.value) &&
              (BODY.test(words[i + k].value) ||
                w.value === "of" && OFFICE.test(words[i + k].value) && i + k + 2 === j)
            ) ||
          // "Agency for International Development", "Commission on Civil Rights"; not "The Free
          // Software Foundation on CD-ROM", where a medium in capitals follows.
          /^(?:for|on)$/u.test(next.value) && BODY.test(words[j].value) &&
            !(next.value === "on" && /^\p{Lu}{2,}\b/u.test(words[j + 2]?.value ?? ""))) &&
        j + 2 < words.length &&
        words[j + 2].sentence === words[i].sentence && capital(words[j + 2]) &&
        !apart(next, words[j + 2])
      ) j += 2;
      else break;
    }
    // "St. Jude Children's Research Hospital", "McDonald's Corporation": a body's name may hold
    // a possessive; "the Department of Commerce's National Institute of Standards" names two.
    if (
      /^['’]s$/u.test(words[j + 1]?.value ?? "") && words[j + 1].sentence === words[i].sentence &&
      !ORGANIZATION_END.test(text.slice(words[i].start, words[j].end))
    ) {
      let k = j + 1;
      while (
        k - j <= 4 && words[k + 1]?.sentence === words[i].sentence && capital(words[k + 1])
      ) k++;
      if (k > j + 1 && ORGANIZATION_END.test(text.slice(words[j + 2].start, words[k].end))) j = k;
    }
    const start = words[i].start;
    const end = words[j].end;
    runs.push({ key: text.slice(start, end).replace(/\s+/gu, " "), start, end, from: i, to: j });
    i = j;
  }
  return runs;
}

/** What follows the word that opens a label: small words and a colon ("Glyph slots used:"). */
const LABEL_AFTER = /^(?:[ \t]+\p{Ll}[\p{L}-]*){1,3}:[ \t]/u;
/** What comes before a label's value: a label ("Author: ", "Public name: "), maybe with the
 * value's first names ("Author: Werner Lemberg and "). */
const LABEL_BEFORE =
  /(?:^|\s)\p{Lu}[\p{L}-]*(?:[ \t]+\p{Ll}[\p{L}-]*){0,3}:[ \t]+(?:(?:\p{Lu}[\p{L}.'’-]*,?[ \t]+){1,4}(?:and|&)[ \t]+)?$/u;

/** Part of a name in code: "ST" of "stat.ST_SIZE", "Path" of "os.Path"; not an initial ("E.R."). */
function inIdentifier(text: string, w: Word): boolean {
  return text[w.end] === "_" ||
    /[\p{Ll}\p{N}_][._]$/u.test(text.slice(Math.max(0, w.start - 2), w.start)) ||
    /^\.[\p{Ll}_]/u.test(text.slice(w.end, w.end + 2));
}

/**
 * Single capitalised words compromise did not call anything that the text treats as persons:
 * the subject of a verb people do ("Heidegger argues") or the one "who" stands for, never
 * written in lower case, and either a name compromise's lexicon knows or a word no everyday list
 * has, used so at least twice. A newcomer's two words presented so open with none of the
 * `things`' words (see {@link thingOpeners}).
 */
function agents(
  words: Word[],
  runs: Run[],
  verdicts: Map<string, Verdict>,
  lower: Set<string>,
  things: ReadonlySet<string>,
): string[] {
  const uses = new Map<string, { acts: number; owns: boolean }>();
  const found: string[] = [];
  // "watched Yitzhak Rabin and Yasser Arafat": two strangers' names paired, nothing else found.
  const byFirst = new Map(runs.map((r) => [r.from, r]));
  const stray = (r: Run | undefined) =>
    r !== undefined && r.from !== r.to && !verdicts.has(r.key) && stranger(r.key);
  for (const run of runs) {
    const partner = byFirst.get(run.to + 2);
    if (words[run.to + 1]?.value === "and" && stray(run) && stray(partner)) {
      found.push(run.key, partner!.key);
    }
  }
  for (const run of runs) {
    // "Quanah Gibson-Mount contributed…": compromise's place for the "Mount" in a stranger's
    // name gives way to what the name does, and so does a person it cut short ("Rodriguez" of
    // "Estiven Rodriguez").
    const verdict = verdicts.get(run.key);
    const reopened = run.from !== run.to && (verdict?.kind === "places" || verdict?.from !== 0);
    if (verdict && !reopened) continue;
    // "has written", "also said": the verb may come after an auxiliary or an adverb.
    let at = run.to + 1;
    while (at < run.to + 3 && /^(?:has|had|have|also|then|later|once)$/u.test(words[at]?.value)) {
      at++;
    }
    const next = words[at];
    // "Kiem Vo, who wrote the layout": "who" stands for a person.
    const relative = words[run.to + 1]?.value === "," ? words[run.to + 2] : words[run.to + 1];
    const before = words[run.from - 1];
    // Not "a ruler sprang up in Santo Domingo, who...": after "in", the place compromise found
    // is where the one "who" stands for was.
    const whereabouts = verdict?.kind === "places" &&
      /^(?:in|at|from|into|throughout|across|near|within)$/u.test(before?.value ?? "");
    const acts = next !== undefined && next.sentence === words[run.to].sentence &&
        PERSON_VERB.test(next.value) ||
      relative !== undefined && relative.sentence === words[run.to].sentence &&
        /^(?:who|whom|whose)$/u.test(relative.value) && !whereabouts;
    // "a young physicist called Lev Termen": introduced by name.
    const called = before !== undefined && before.sentence === words[run.from].sentence &&
      /^(?:called|named)$/u.test(before.value) && run.from !== run.to;
    const twoBefore = words[run.from - 2];
    const owns = before?.value === "of" && twoBefore !== undefined &&
      twoBefore.sentence === words[run.from].sentence && ownerFollows(`${twoBefore.value} of `);
    // "a woman named Rosa Parks": a person introduced by name, whatever compromise took it for.
    const introduced = called && PERSON_NOUN.test(twoBefore?.value ?? "") &&
      isFirstName(run.key.slice(0, run.key.indexOf(" ")).toLowerCase());
    if (afterRole(words, run) && !lower.has(run.key.toLowerCase())) {
      found.push(run.key);
      continue;
    }
    // "Gabby Giffords deserves a vote", "survivor Judah Samet": a name that acts or follows
    // what the person is; "the President of the Iraqi Governing Council, Adnan Pachachi.": a
    // stranger's name set beside what the person is.
    const after = words[run.to + 1];
    const apposed = before?.value === "," && stranger(run.key) &&
      (after?.sentence !== words[run.to].sentence || /^[.,;!?]$/u.test(after.value)) &&
      words.slice(Math.max(0, run.from - 9), run.from - 1).some((w) =>
        w.sentence === words[run.from].sentence &&
        (isPersonTitle(w.value) || PERSON_NOUN.test(w.value) || ROLE.test(w.value))
      );
    // "Python Enums can have behavior added": a surname is no word the text writes in small
    // letters ("enum", "enums").
    const last = run.key.slice(run.key.lastIndexOf(" ") + 1).toLowerCase();
    const common = lower.has(last) || lower.has(last.replace(/s$/u, ""));
    const presented = run.from !== run.to && newcomer(run.key) && !common &&
      !things.has(firstWord(run.key)) &&
      (opensAndActs(words, run, false) || PERSON_NOUN.test(before?.value ?? "") ||
        ROLE.test(before?.value ?? "") || apposed);
    // "Bdale Garbee led Debian": compromise's place for a first name no list has, which it
    // guessed a town's by its ending ("-dale"), gives way to the name opening a clause and
    // acting (not "Mount Kosciuszko is...", "Port Moresby").
    const opener = run.key.slice(0, run.key.indexOf(" "));
    const partPlace = verdict?.kind === "places" && verdict.from === 0 &&
      verdict.to === opener.length && englishRank(opener.toLowerCase()) === Infinity &&
      lexiconTag(opener.toLowerCase()) === "";
    if (verdict) {
      if (
        acts && stranger(run.key) || introduced ||
        (verdict.kind === "people" || partPlace) && presented
      ) {
        found.push(run.key);
      }
    } else if (run.from === run.to) {
      const use = uses.get(run.key) ?? { acts: 0, owns: false };
      uses.set(run.key, { acts: use.acts + (acts ? 1 : 0), owns: use.owns || owns });
    } else if ((acts || called) && stranger(run.key) || presented) found.push(run.key);
  }
  return [...uses].filter(([key, { acts, owns }]) => {
    if (acts === 0 && !owns || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(key)) return false;
    const low = key.toLowerCase();
    if (lower.has(low)) return false;
    if (PERSON_TAG.test(lexiconTag(low))) return true;
    // Owning a person's gift is surer than a verb ("the eloquence of Churchill"), and a
    // surname may be a rarer word of English than a stranger's must ("churchill" is 9,739th).
    const rank = englishRank(low);
    return lexiconTag(low) === "" && (owns && rank > 5_000 || acts >= 2 && rank > 10_000);
  }).map(([key]) => key).concat(found);
}

/** Two or three capitalised words no everyday list has ("Jukka Korpela", "Lev Termen",
 * "Quanah Gibson-Mount"); a first name compromise knows may be one. */
function stranger(key: string): boolean {
  const parts = key.split(" ");
  return parts.length <= 3 &&
    parts.every((w) =>
      /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w) &&
      (englishRank(w.toLowerCase()) > 20_000 || isFirstName(w.toLowerCase()))
    ) && englishRank(parts[parts.length - 1].toLowerCase()) === Infinity;
}

/** Below this rank a capitalised word opening a run is more often a word than a first name. */
const NEWCOMER_RANK = 2_000;

/**
 * Two or three capitalised words, the last a surname no dictionary has and the first a first
 * name or no everyday word: "Gabby Giffords", "Judah Samet", "Estiven Rodriguez". A person where
 * the name acts or what the person is comes before it (see {@link agents}).
 */
function newcomer(key: string): boolean {
  const parts = key.split(" ");
  const last = parts[parts.length - 1].toLowerCase();
  const first = parts[0].toLowerCase();
  return parts.length <= 3 && parts.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w)) &&
    (englishRank(last) === Infinity && lexiconTag(last) === "" ||
      /LastName/u.test(lexiconTag(last))) &&
    (isFirstName(first) || englishRank(first) > NEWCOMER_RANK);
}

/** How many of the sorted numbers are at most `value`. */
export function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
