/**
 * @module
 * The Maps of Content as text: `Home.md` linking every map, one map per topic with a line of
 * context for each note, the notes in no topic listed on Home itself, and "People" listing who
 * is mentioned where. Pure: notes and named topics in, the generated part of each map out; the
 * vault writer merges it into the file around whatever the user wrote.
 */
import { canonicalNames } from "../analyse/name_variants.ts";
import { isQuestionsLine } from "../analyse/questions.ts";
import {
  codeNameWords,
  definesSubject,
  instructs,
  introducesItself,
  isNameLine,
  leansBack,
  manPageDoes,
  namesManPage,
  namesThingBefore,
  opensWithFiller,
  ordersOrPlans,
  pointsAhead,
  pointsBack,
  speaksAsAuthor,
  speaksOfOccasion,
  statesPurpose,
  titleWords,
  trimOpeners,
  unresolved,
} from "../analyse/sentences.ts";
import { STOPWORDS, terms } from "../analyse/terms.ts";
import { escapeMarkdown } from "../markdown/transcript.ts";
import { sanitizeNoteName, wikilink } from "../markdown/note_name.ts";
import type { MapFile } from "../vault/vault_writer.ts";
import { compareNames, HOME_NOTE, MAPS_DIR } from "../vault/layout.ts";
import type { NamedTopic } from "./topic_names.ts";

/** A topic as its map shows it. */
export type MapTopic = Omit<NamedTopic, "phraseKeys">;

const PEOPLE = "People";
/** Names no topic map may take: Home, the people map, and the old catch-all map. */
export const RESERVED_MAPS = ["Home", PEOPLE, "Other notes"];

export interface MapNote {
  /** Vault path of the note: what topics list as their members. */
  path: string;
  /** Shown on the links to it. */
  title: string;
  /** One sentence saying what the note is about. */
  context: string;
  people: string[];
  /** The summary's paragraphs and the key points: where a map finds what the note says of the
   * map's topic. */
  summary?: string[];
  keyPoints?: string[];
  /** The folder of its input ("" at the top), when known: a folder's map lists the notes from
   * elsewhere apart. */
  folder?: string;
}

/** Topics' names must be unique and none of {@link RESERVED_MAPS} (see nameTopics). */
export function buildMaps(
  notes: MapNote[],
  topics: MapTopic[],
  alone: string[] = [],
): MapFile[] {
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const line = (path: string, topic?: MapTopic) => {
    const n = byPath.get(path)!;
    // Under a topic the text names ("Middle East"), the line says what the note says of it: a
    // speech's summary opens with its greeting more often than with what it is about.
    const subject = topic ? subjectOf(topic) : [];
    const context = subject.length > 0 && n.summary
      ? contextLine(n.summary, n.title, { topic: subject, keyPoints: n.keyPoints })
      : n.context;
    return `- ${wikilink(n.path, n.title)}${context ? `: ${escapeMarkdown(context)}` : ""}`;
  };

  /** A map's name as its notes write it inside a sentence: "minimum wage", though the map is
   * "Minimum wage"; "Git" and "United Nations" as they are. A name no summary says is written
   * as its phrase would be. */
  const asWritten = (name: string, topic: MapTopic) => {
    const lower = name.charAt(0).toLowerCase() + name.slice(1);
    if (lower === name) return name;
    const said = topic.members.map((p) => byPath.get(p)!)
      .flatMap((n) => [...n.summary ?? [], ...n.keyPoints ?? []]).join("\n");
    const count = (form: string) =>
      said.match(new RegExp(`(?<![\\p{L}\\p{N}])${RegExp.escape(form)}(?![\\p{L}\\p{N}])`, "gu"))
        ?.length ?? 0;
    const [small, capital] = [count(lower), count(name)];
    // Said neither way: a phrase of everyday words in small letters after the first.
    if (small + capital === 0) return /^\p{Lu}\p{Ll}*(?: \p{Ll}+)+$/u.test(name) ? lower : name;
    return small > capital ? lower : name;
  };
  const maps: MapFile[] = [];
  const home: string[] = [];
  for (const topic of [...topics].sort((a, b) => compareNames(a.name, b.name))) {
    const title = sanitizeNoteName(topic.name);
    const path = `${MAPS_DIR}/${title}.md`;
    // Terms of two words or more: a word alone ("module", "static") reads as keyword soup.
    // Without any, the map's own name ("Notes on one subject" left the reader to guess which).
    const multiWord = topic.phrases.filter((p) => /\s/u.test(p));
    const [first, last] = topic.years ?? [];
    const about = topic.years
      ? `Notes from ${first}${last === first ? "" : ` to ${last}`}`
      : topic.kind
      ? `Notes about ${escapeMarkdown(topic.kind)} (${
        topic.phrases.map(escapeMarkdown).join(", ")
      })`
      : multiWord.length > 0
      ? `Notes about ${multiWord.map(escapeMarkdown).join(", ")}`
      : topic.folder
      ? "Notes"
      : `Notes about ${escapeMarkdown(asWritten(topic.name.replace(/ \(\d+\)$/u, ""), topic))}`;
    // A folder's map lists the notes that joined it from elsewhere apart: libcbor's README, at
    // the top of a vault, read as one of Node.js's contributing guides.
    const outside = (p: string) => {
      const folder = byPath.get(p)!.folder;
      return folder !== undefined && folder !== topic.folder &&
        !folder.startsWith(`${topic.folder}/`);
    };
    const apart = topic.folder !== "" && topic.members.some(outside);
    const from = !topic.folder
      ? ""
      : topic.elsewhere && !apart
      ? ` (most from the folder \`${topic.folder}\`)`
      : multiWord.length > 0
      ? ` (from the folder \`${topic.folder}\`)`
      : ` from the folder \`${topic.folder}\``;
    // Under a topic the text names, the notes whose summary never names it come last, as such:
    // a "United Nations" map listed Roosevelt's address of 1934 as one of its notes.
    const members = [...topic.members].sort(compareNames);
    const subject = subjectOf(topic);
    const naming = members.filter((p) =>
      apart ? !outside(p) : subject.length === 0 || namesTopic(byPath.get(p)!, subject)
    );
    const near = members.filter((p) => !naming.includes(p));
    const rest = naming.length > 0 && near.length > 0
      ? `\n\n${
        apart
          ? "Close to these, from elsewhere"
          : "Close to these, though their summaries do not name it"
      }:\n\n${near.map((path) => line(path, topic)).join("\n")}`
      : "";
    maps.push({
      path,
      title,
      generated: `${about}${from}:\n\n${
        (rest === "" ? members : naming).map((path) => line(path, topic)).join("\n")
      }${rest}`,
    });
    // What the map is about, where its name alone may not say: "SQLite (6 notes): rollback
    // journal, write-ahead log".
    const more = multiWord.filter((t) => t.toLowerCase() !== title.toLowerCase());
    home.push(
      `- ${wikilink(path)} (${count(topic.members.length, "note")})${
        more.length > 0 ? `: ${more.map(escapeMarkdown).join(", ")}` : ""
      }`,
    );
  }

  const people = peopleIndex(notes);
  const peoplePath = `${MAPS_DIR}/${PEOPLE}.md`;
  if (people.length > 0) {
    maps.push({
      path: peoplePath,
      title: PEOPLE,
      generated: people.map(({ name, paths }) =>
        `- **${escapeMarkdown(name)}**: ${
          paths.map((path) => wikilink(path, byPath.get(path)!.title)).join(", ")
        }`
      ).join("\n"),
    });
  }

  const homeText = [
    "## Topics",
    home.length > 0 ? home.join("\n") : alone.length > 0 ? "_No topics yet._" : "_No notes yet._",
    // Notes that share a subject with no other note: linked here, not gathered into a map
    // named after nothing they have in common.
    ...(alone.length > 0
      ? [
        "## Notes on subjects of their own",
        [...alone].sort(compareNames).map((path) => line(path)).join("\n"),
      ]
      : []),
    ...(people.length > 0
      ? ["## People", `- ${wikilink(peoplePath)} (${count(people.length, "person", "people")})`]
      : []),
  ].join("\n\n");
  maps.unshift({ path: HOME_NOTE, title: "Home", generated: homeText });
  return maps;
}

/**
 * What a topic's notes are said to be about, when the text names it: not a folder's or a stretch
 * of years, nor a kind of thing ("Servers"), of which what a note says in general is not what it
 * is about.
 */
function subjectOf(topic: MapTopic): string[] {
  return topic.folder || topic.years || topic.kind ? [] : [topic.name, ...topic.phrases];
}

/**
 * Each person and the notes that mention them, in name order; one person named differently in
 * different notes ("Roosevelt", "Franklin Delano Roosevelt") is one entry under the fuller name.
 */
function peopleIndex(notes: MapNote[]): { name: string; paths: string[] }[] {
  const named = new Map<string, number>();
  for (const note of notes) {
    for (const name of note.people) named.set(name, (named.get(name) ?? 0) + 1);
  }
  // A person a note's title names ("1992 George Bush") is written there as the archive writes
  // them each time: two such are two people.
  const titled = new Set(notes.flatMap((n) => n.people.filter((name) => n.title.includes(name))));
  const canonical = canonicalNames(named, titled);
  const byKey = new Map<string, { name: string; paths: string[] }>();
  for (const note of notes) {
    for (const mentioned of note.people) {
      const name = canonical.get(mentioned) ?? mentioned;
      const key = name.toLowerCase();
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, entry = { name, paths: [] });
      if (!entry.paths.includes(note.path)) entry.paths.push(note.path);
    }
  }
  return [...byKey].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/** A sentence's end: not after a title ("Dr."), an initial ("J.") or "e.g.", nor after "etc."
 * unless a capital follows ("...canonical(5), etc. Postfix no longer..."); not a "!" or "?" a
 * word in small letters follows ("the println! expression", a Rust macro's name). */
const SENTENCE_ENDS = new RegExp(
  String.raw`(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Mt|vs|etc|e\.g|i\.e|Inc|Ltd|No|\p{Lu}))` +
    String.raw`(?:\.["”’)]?\s|[!?]["”’)]?\s(?!\p{Ll}))|(?<=\betc)\.\s(?=\p{Lu})`,
  "gu",
);

/** Longest context line: about two lines on a phone. */
const LONGEST = 200;
/** Longest context line that is the summary's opener: a little over two lines on a phone. */
const LONGEST_OPENER = 240;

/**
 * One whole sentence from a summary that says on its own what the note is about: one in which
 * the note (titled `title`) says what it is for ("This tutorial is intended to..."), else one of
 * the summary, else of the key points, that names the `topic` of the map it is on (its name or
 * phrases), else one with its spoken opener trimmed ("So the point is" -> "The point is"), not a
 * question, not leaning on words it lacks ("they", "this"), telling the reader what to do,
 * announcing what follows or speaking of the occasion ("We meet here tonight"), and short enough
 * to read in a list. Never a sentence cut mid-clause: a long opener may
 * lose the asides after its main clause, and when no sentence fits, the shortest of the first few
 * stands.
 */
export function contextLine(
  summary: string[],
  title = "",
  { topic = [], keyPoints = [] }: { topic?: string[]; keyPoints?: string[] } = {},
): string {
  const sentences = summary.flatMap(splitSentences).map(trimOpeners).map(withoutCrossReference)
    .filter((s) => /\p{L}/u.test(s));
  const standsAlone = (s: string) =>
    s.split(" ").length >= 6 && words(s) && !opensWithFiller(s) && !leansBack(s) &&
    !instructs(s) && !ordersOrPlans(s) && !pointsAhead(s) &&
    // "I happen to know that": the author's story, not the note's subject; "I will send you a
    // proposal" is what a speech asks for.
    (!/^I\b/u.test(s) || statesPurpose(s)) &&
    // "We meet here tonight at a time of great challenge", "I present... my assessment of the
    // State of the Union": the occasion, not the subject.
    !speaksOfOccasion(s, { hour: true }) &&
    // "Q. I upgraded my system and now my /etc/issue says trixie/sid?": a question says nothing;
    // "...will slow down your Apache HTTP Server dramatically!": a warning, not the subject.
    !/[?!]["”’)]?$/u.test(s) && !/^Q[.:]\s/u.test(s) &&
    // "definitions: return the pointer to...": a parameter's entry in an API reference.
    !/^[^\s:]+:\s/u.test(s) &&
    // "The discussion list bug-bash@gnu.org often contains...", "To subscribe, send a mail to
    // ...": where to write, which says nothing of what the note is about.
    !WHERE_TO_WRITE.test(s) &&
    // "It is a container...", "This lets you...", "how they work": the subject is in the
    // sentence before; "makes it easy", "this library" later in a sentence point within it.
    !unresolved(s) && !/^(?:\S+\s+){0,3}(?:it|this|these)\b/iu.test(s) && !pointsBack(s) &&
    !namesThingBefore(s) &&
    /[.!?]["”’)]?$/u.test(s);
  const fits = (s: string) => s.length <= LONGEST;
  // "This tutorial is intended to be a gentle introduction to argparse": the note's own words
  // for what it is about, "this" or not; not an author's advice ("we recommend using...").
  // Not "The json.tool module provides..." under "json — JSON encoder and decoder": a part of
  // the subject, which the page goes on to.
  const subject = titleWords(title);
  const ofAnother = (s: string) => {
    const named = /^(?:the|this) ([\p{L}\p{N}_:.\\-]+) (?:module|package|library|extension)\b/iu
      .exec(s)?.[1].toLowerCase();
    if (title === "" || named === undefined) return false;
    return !(codeNameWords(named) ?? [named]).every((w) => subject.has(w));
  };
  // Not "This book provides..." under "Books About SQLite": one of the things the note lists.
  const ofOne = (s: string) => {
    const kind = /^(?:this|the present) (\p{L}+)/iu.exec(s)?.[1].toLowerCase();
    return kind !== undefined && subject.has(`${kind}s`);
  };
  const describes = (s: string) =>
    statesPurpose(s) && (!speaksAsAuthor(s) || /^In this \p{L}+,? (?:I|we)\b/u.test(s)) &&
    !pointsAhead(s) && !ofAnother(s) &&
    !ofOne(s) && !pointsBack(s);
  // A long sentence may fit without its asides in brackets: "This document describes the
  // Libtasn1 library that provides Abstract Syntax Notation One (ASN.1, as specified by the X.680
  // ITU-T recommendation) parsing..." (274 characters, 198 without them).
  const bare = (s: string, longest = LONGEST) =>
    s.length <= longest ? s : s.replace(/\s*\([^()]*\)/gu, "");
  // "These are the GNU core utilities.", opening the summary as it opens the text; "Answers 64
  // questions, such as ...", a FAQ's, and "git-add - Add file contents to the index", a manual
  // page's NAME line for its own command, which say what the note is better than a sentence
  // naming the map's topic ("The other file, git-add--interactive.perl, has 403 lines added...").
  if (sentences[0] && introducesItself(sentences[0]) && fits(sentences[0])) return sentences[0];
  if (sentences[0] && isQuestionsLine(sentences[0])) return sentences[0];
  // The line goes after the note's title, which names the command: it says what the command
  // does ("Add file contents to the index.").
  if (sentences[0] && namesManPage(sentences[0], subject)) {
    const does = manPageDoes(sentences[0]);
    // A title that is the NAME line already says it: the next sentence says more.
    const said = title.toLowerCase().includes(does.replace(/\.$/u, "").toLowerCase());
    if (!said || sentences.length === 1) return does;
    sentences.shift();
  }
  // The summary's opener may run as long as an opener does: "This document gives an overview of
  // how Postfix can be used for hosting multiple Internet domains, both for..." (206 characters)
  // gave way to a key point's "A total lack of separation: mail for info@my.host.name is...".
  const longest = (i: number) => i === 0 ? LONGEST_OPENER : LONGEST;
  // A longer one keeps its main clause: "This document strives to highlight the principal
  // differences between SQLite and other SQL implementations, as an aid to developers that are
  // porting to or from SQLite or..." (247 characters).
  const described = sentences.map((s, i) => {
    const shown = bare(s, longest(i));
    return shown.length <= longest(i) ? shown : mainClause(shown) ?? shown;
  }).find((s, i) => describes(s) && s.length <= longest(i) && words(s));
  if (described) return described;
  // An opener that says what the title's subject is or does says what the note is about better
  // than a sentence that names the map's topic: "The PRAGMA statement is an SQL extension
  // specific to SQLite...", not "When the temp_store_directory setting is changed, all existing
  // temporary tables... in the database connection..." under "Database connection".
  const opening = sentences[0] && bare(sentences[0], LONGEST_OPENER);
  if (
    opening && opening.length <= LONGEST_OPENER && standsAlone(opening) &&
    definesSubject(opening, subject)
  ) return opening;
  // "...peace in the Middle East" under "Middle East": why the note is on the topic's map. It
  // may run as long as an opener, or keep its main clause when that still names the topic.
  const naming = (s: string) => namesAny(s, topic);
  const onTopic = [...sentences, ...keyPoints.flatMap(splitSentences).map(trimOpeners)]
    .filter((s) => standsAlone(s) && naming(s))
    .map((s) => {
      const shown = bare(s, LONGEST_OPENER);
      if (shown.length <= LONGEST_OPENER) return shown;
      const clause = mainClause(shown);
      return clause && naming(clause) ? clause : undefined;
    })
    .find((s) => s !== undefined);
  if (onTopic) return onTopic;
  // The summary's opener, which the analysis chose to say what the text is, may run a little
  // longer: "SQLite is a C library that provides a lightweight disk-based database that..."
  // (215 characters) gave way to "The SQLite web page; the documentation describes...".
  const opener = sentences[0] && bare(sentences[0], LONGEST_OPENER);
  if (opener && standsAlone(opener) && opener.length <= LONGEST_OPENER) return opener;
  // A longer one keeps its main clause: "The CNF Satisfiability Problem (CNF-SAT) is a version of
  // the Satisfiability Problem, where the Boolean formula (1.1) is specified in the Conjunctive
  // Normal Form (CNF), that means that it is a conjunction of clauses, where..."
  const clause = opener && standsAlone(opener) ? mainClause(opener) : undefined;
  if (clause) return clause;
  // A manual page's NAME line, however short: "git-reflog - Manage reflog information."
  if (opener && isNameLine(opener)) return opener;
  return sentences.find((s) => standsAlone(s) && fits(s)) ??
    sentences.slice(0, 3).filter(standsAlone).sort((a, b) => a.length - b.length)[0] ??
    sentences.find((s) => fits(s) && words(s)) ?? sentences.find(fits) ?? sentences[0] ?? "";
}

/**
 * A sentence without the cross-reference it ends with, which points into a book the note is one
 * page of: "Debian already has very good support for non-English users, see Section 5.9, “How
 * does Debian support non-English languages?”." (the Debian FAQ).
 */
function withoutCrossReference(sentence: string): string {
  return sentence.replace(CROSS_REFERENCE, ".");
}

const CROSS_REFERENCE =
  /\s*(?:[,;]\s*|\(\s*)see (?:also )?(?:Section|Chapter|Appendix|Figure|Table|Example) [\dA-Z][^()]*?\)?\.$/u;

/**
 * Whether the note's title, summary or key points name the topic: a manual titled "GNU Linear
 * Programming Kit: Graph and Network Routines" is about the map of that name, whatever its
 * summary's sentences say.
 */
function namesTopic(note: MapNote, topic: string[]): boolean {
  return [note.title, ...note.summary ?? [], ...note.keyPoints ?? []]
    .some((text) => namesAny(text, topic));
}

/** Whether a text names one of the phrases, in any form of its words ("tax codes", "tax code"). */
function namesAny(text: string, phrases: string[]): boolean {
  const said = ` ${terms(text).join(" ")} `;
  return phrases.some((p) => {
    const stems = terms(p).join(" ");
    if (stems === "" || !said.includes(` ${stems} `)) return false;
    // A name is written with its capitals: "a strong and united nation" does not name the
    // "United Nations".
    const words = p.split(" ");
    if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return true;
    const name = RegExp.escape(p.replace(/s$/u, ""));
    return new RegExp(`(?<!\\p{L})${name}s?(?!\\p{L})`, "u").test(text);
  });
}

/**
 * A long sentence up to the last aside that fits a context line: a clause after a comma that
 * adds to what the sentence has said (", where", ", which", ", because", ", but"...), a phrase in
 * apposition ("Bash is the GNU Project's Bourne Again SHell, a complete implementation of...")
 * or what follows a semicolon. Undefined when no such cut leaves a sentence of six words.
 */
function mainClause(sentence: string): string | undefined {
  let cut: number | undefined;
  for (const m of sentence.matchAll(ASIDE)) {
    if (m.index > LONGEST_OPENER - 1) break;
    // "..., which not only provides customized header objects..., but also provides...": the cut
    // would leave "not only" without its pair.
    if (m[0].startsWith(", but") && /\bnot only\b/iu.test(sentence.slice(0, m.index))) continue;
    // "The meeting of the deputies..., which had for its object the purchase of their land,
    // broke up": an aside inside the subject, its verb still to come. No cut before the verb.
    // A cut made before it stands: "Bash is the GNU Project's Bourne Again SHell, a complete
    // implementation..., but also with..., job control..." is cut at its apposition.
    const resumes = /, (\p{Ll}+)/u.exec(sentence.slice(m.index + m[0].length))?.[1];
    if (resumes && resumesVerb(resumes)) break;
    if (sentence.slice(0, m.index).split(" ").length >= 6) cut = m.index;
  }
  return cut === undefined ? undefined : `${sentence.slice(0, cut)}.`;
}

/** Whether a word after an aside's comma may be the verb the aside kept waiting: no function
 * word, adverb in -ly or participle in -ing ("..., every wick", "..., especially", "...,
 * including"). */
function resumesVerb(word: string): boolean {
  return !STOPWORDS.has(word) && !LEADS_ON.test(word) && !/(?:ly|ing)$/u.test(word);
}

const LEADS_ON =
  /^(?:every|several|either|neither|no|nor|unlike|namely|unless|although|though|whereas|despite|except|plus|then|thus|hence|yet|etc)$/u;

/** A mail address, or a list to write or subscribe to. */
const WHERE_TO_WRITE = new RegExp(
  "[\\p{L}\\p{N}._-]@[\\p{L}\\p{N}-]+\\.\\p{L}|\\bdiscussion lists?\\b|\\bsubscribe\\b|" +
    // Not "VERP was popularized by the ezmlm mailing list manager", in Postfix's manual.
    "\\b(?:send|post|write|ask|report)\\b.{0,60}\\bmailing lists?\\b",
  "iu",
);

const ASIDE =
  /(?:, (?:where|which|whereas|while|although|though|because|since|so that|that means|that is|i\.e\.|e\.g\.|but|an?|as an?)\b|;) /gu;

/** Whether a sentence opens with a word, not code or a diagram ("*+ [master^2] Replace"). */
function words(sentence: string): boolean {
  return /^["'“‘(]?\p{L}/u.test(sentence);
}

/**
 * The sentences of a summary paragraph, in order. A sentence ends nowhere inside the curly
 * quotes it opened, nor at a quote's end that a small letter follows: "Answers 28 questions,
 * such as “Why is there no goto?” and “Why...?”." is one.
 */
function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let rest = paragraph.trim();
  while (rest !== "") {
    let cut = rest.length;
    for (const end of rest.matchAll(SENTENCE_ENDS)) {
      const at = end.index + end[0].trimEnd().length;
      const before = rest.slice(0, at);
      const goesOn = /["”’)]\s$/u.test(end[0]) &&
        /^\p{Ll}/u.test(rest.slice(end.index + end[0].length));
      if (times(before, "“") <= times(before, "”") && !goesOn) {
        cut = at;
        break;
      }
    }
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  return out;
}

/** How many times `mark` stands in `text`. */
function times(text: string, mark: string): number {
  return text.split(mark).length - 1;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
