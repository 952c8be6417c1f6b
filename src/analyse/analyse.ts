/**
 * @module
 * Offline analysis of one note's text: summary, key points (linked to their place in a
 * transcript), keyphrases and tags, the people, organisations and places named, and the term
 * counts that related notes are found by. Deterministic and pure: the same body gives the same
 * analysis, and the body comes back with the block ids that key points link to.
 */
import type { Analysis, KeyPoint, PropertyValue } from "../protocol/messages.ts";
import { stamp } from "../markdown/transcript.ts";
import { type Block, type BodyText, readBody } from "./blocks.ts";
import { englishRank, GENERIC_RANK, NAME_RANK, stemWeight } from "./commonness.ts";
import { cleanName, rankNames } from "./entities.ts";
import { rankKeyphrases, tagsFor } from "./keyphrases.ts";
import { isPersonTitle } from "./titles.ts";
import { isGivenName } from "./given_names.ts";
import { subjectsOf } from "./subjects.ts";
import { askedQuestions, questionsLine, replies } from "./questions.ts";
import {
  isFirstName,
  isOrganization,
  type Language,
  lexiconTag,
  namesBody,
  readLanguage,
  upperBound,
  verbCounts,
} from "./language.ts";
import {
  apparatus,
  definesSubject,
  instructs,
  introducesItself,
  lacksSubject,
  leansBack,
  listsAddresses,
  namedAsInCode,
  namesManPage,
  namesThingBefore,
  opensWithDefinition,
  pointsAhead,
  pointsBack,
  speaksAsAuthor,
  speaksOfOccasion,
  statesPurpose,
  subjectInTitle,
  titleWords,
  trimOpeners,
  turnsFromBefore,
  unfitReason,
  unresolved,
  withoutAddresses,
} from "./sentences.ts";
import {
  keyPointCount,
  paragraphs,
  pickKeyPoints,
  pickUnits,
  scoreUnits,
  similarity,
  summaryLength,
  type Unit,
} from "./summarise.ts";
import { isContentWord, terms, words } from "./terms.ts";
import { foreignStopwords } from "./text_language.ts";
import { namedBeside, sourceNames, writtenNames } from "./written_names.ts";
import { thingUses, wordUses } from "./word_uses.ts";

/** What {@link analyse} reads. */
export interface AnalysisInput {
  title: string;
  /** Markdown body of the note. */
  body: string;
  wordCount: number;
  /** What the extractor read about the source beyond its body: a web page's `copyright` holder,
   * from a footer the body leaves out, is a name it gives. */
  properties?: Record<string, PropertyValue>;
}

export interface Analysed {
  analysis: Analysis;
  /** The body, with a block id after each transcript paragraph a key point links to. */
  body: string;
}

/**
 * The weight a sentence that states its purpose (see {@link statesPurpose}) gains in the
 * summary. Measured on the tune part of the speeches gold set, ROUGE-2
 * against the best baseline: 0 0.95x, 0.15 0.94x, 0.3 0.87x, 0.5 1.13x, 0.6 1.22x, 0.75 1.22x,
 * 1.0 1.25x; on the gold-debian tune part 1.52x at 0 and 1.51x from 0.3 to 1.0.
 */
const PURPOSE_BONUS = 0.75;

/** The weight in the summary of a sentence from an entry of API documentation. */
const ENTRY = 0.5;
/** The weight in the summary of a sentence from a callout. */
const ASIDE = 0.5;
/** The weight in the summary of a sentence listing addresses or versions (gold sets unchanged). */
const ADDRESSES = 0.5;

/** Stems kept per note for similarity. */
const TERM_VECTOR = 64;
/** A "sentence" longer than this (unpunctuated speech) is cut into pieces of about half. */
const LONGEST_UNIT = 60;
const KEYPHRASES = 10;
/** People a note lists, unless a credits table or signatures name more: a "What's New" page
 * thanks thirty-odd (gold-debian tune recall 158 -> 159 of 182 from 30, precision unchanged). */
const PEOPLE = 50;
/** Organisations and places a note lists: a long address names forty places, the last of them
 * once each ("Sudan", "Cuba", "Zimbabwe"); at 30, four tuning addresses of gold-speeches lost
 * theirs. */
const NAMES = 50;

export function analyse(input: AnalysisInput): Analysed {
  const units = sentenceUnits(input.body);
  const { list, language, text } = units;
  const transcript = list.some((u) => u.startMs !== undefined);
  const titleTerms = terms(input.title);
  const scores = scoreUnits(list, { titleTerms, transcript });
  /** Its function words, where the text is in another language than English. */
  const foreign = foreignStopwords(text);
  // A FAQ's summary says which questions it answers, and its answers' sentences follow: not the
  // questions themselves, nor an answer that leans on its question ("Yes. inflate() will...",
  // "This is because..."), which says nothing read apart from it.
  const asked = transcript ? undefined : askedQuestions(list, units, input.title);
  const answersOnly = asked
    ? list.flatMap((u, i) => {
      const text = trimOpeners(u.text);
      return leansBack(text) || replies(text) ? [i] : [];
    })
    : [];
  const unfit = new Set([
    ...unfitUnits(units, transcript, foreign),
    ...asked?.units ?? [],
    ...answersOnly,
  ]);
  // Trimmed of its opener a written sentence may still lean on the one before ("But this is
  // why"); in speech nearly every sentence does, and the opener is simply trimmed.
  // In either, a sentence that names someone only as "they" or "he" weighs less.
  /** The units that say what the text asks or is for: weightier here, their terms in keyphrases. */
  const purposes: Unit[] = [];
  list.forEach((u, i) => {
    const text = trimOpeners(u.text);
    // A purpose stated stands alone, "also" or not: "I also propose a school construction tax
    // cut" is one of a speech's asks.
    const purpose = purposeAt(list, i);
    if ((!transcript && leansBack(text) && !purpose) || unresolved(text)) scores[i] *= 0.8;
    if (purpose) {
      // What a section is for names a subject of the text, but says less of the whole.
      if (!ofOneSection(text, units.blocks[u.block].section)) scores[i] *= 1 + PURPOSE_BONUS;
      purposes.push(u);
    }
    // "We meet here tonight at a time of great challenge": the room, not what is said in it.
    // Gold-speeches tune ROUGE-2 1.38x -> 1.40x. Its hour ("Tonight I propose...") is often
    // where a speech asks for what it is about.
    if (speaksOfOccasion(text)) scores[i] *= 0.5;
  });
  // A summary of a reference page says what the page is about, as its prose around the entries
  // does, not what one of its functions does.
  // Nor is an aside the text sets apart in a callout ("> [!caution]") what it is about, nor a
  // list of addresses what a sentence around it is about (systemd's porting notes were summed
  // up with "...DNS servers 1.1.1.1, 8.8.8.8, 1.0.0.1, 8.8.4.4, 2606:4700:4700::1111...").
  const summaryScores = scores.map((s, i) => {
    const block = units.blocks[list[i].block];
    return (block.entry ? ENTRY : 1) * (block.aside ? ASIDE : 1) *
      (listsAddresses(list[i].text) ? ADDRESSES : 1) * s;
  });

  // An AUTHORS file credits more people than a note lists otherwise: each of them is its point.
  const signed = sourceNames(input.body, text);
  const counts = termCounts(list);
  const owner = ownerNames(input.properties?.copyright, text.length);
  const speakers = [...new Set(units.blocks.map((b) => b.speaker).filter((s) => s !== undefined))]
    .filter((s) => s.includes(" "));
  /** Names said only in code spans are an example's ("`Isaac (?=Asimov)`"), not the text's. */
  const inCode = units.code.join("\n");
  const named = withoutPlaceholders(rankNames(
    [
      ...language.people,
      ...namedBeside(text, language.people, [...language.places, ...language.organizations]),
      ...writtenNames(text),
      ...signed,
      ...owner.people,
    ]
      .sort((a, b) => a.start - b.start),
    {
      mergeParts: true,
      limit: Math.max(PEOPLE, new Set(signed.map((n) => n.text)).size),
      kind: "person",
      text,
    },
    speakers,
  ));
  // Each filter reads the text once for what the names are instead: words, code, sections,
  // another language's phrases, firms.
  const people = [
    (names: string[]) => withoutWords(names, input.body),
    (names: string[]) => withoutCodeOnly(names, text, inCode),
    (names: string[]) => withoutSections(names, text),
    (names: string[]) => withoutPhrases(names, text, foreign),
    (names: string[]) => withoutFirms(names, text),
    withoutLabels,
  ].reduce((names, filter) => filter(names), named);
  const organizations = withoutCodeOnly(
    withoutTermsOfArt(
      rankNames([...language.organizations, ...owner.organizations], {
        mergeParts: false,
        limit: NAMES,
        kind: "organization",
        text,
      }),
      text,
    ),
    text,
    inCode,
  );
  // "Las", "Para" opening Spanish sentences are no places; nor is "VA" of "the VA health care
  // system": two capitals are a state where an address writes them ("Richmond, VA").
  const places = withoutCodeOnly(
    withoutPlaceWords(
      rankNames(language.places, { mergeParts: false, limit: NAMES, kind: "place" }),
      input.body,
    ),
    text,
    inCode,
  )
    .filter((p) =>
      !foreign?.has(p.toLowerCase()) &&
      (!/^\p{Lu}{2}$/u.test(p) || new RegExp(`\\p{Lu}\\p{Ll}+, ${p}\\b`, "u").test(text))
    );
  const nameWords = new Set(people.flatMap((p) => p.toLowerCase().split(" ")));
  const placeWords = places.flatMap((p) => p.toLowerCase().split(" "));
  const surnames = new Set(people.filter((p) => p.includes(" ")).map((p) => p.split(" ").at(-1)));
  /** The names it keeps writing with a capital, not of its people or places ("SQLite"). */
  const subjects = subjectsOf(text, new Set([...nameWords, ...placeWords]));

  // The subject a text keeps naming is the subject of its opening definition as much as its
  // title's: "Node.js comes with a variety of CLI options" under "Command-line API".
  const lead = transcript ? undefined : openingSentence(
    list,
    units,
    unfit,
    `${subjectLine(input.title, units)} ${subjects.join(" ")}`,
  );
  /** A unit as a summary or key point says it: its opener trimmed, and in a FAQ its answer's
   * mark ("A. Achieving FHS compliance..."). */
  const said = (i: number) => {
    const text = trimOpeners(list[i].text);
    return asked ? text.replace(ANSWER_MARK, "") : text;
  };
  const summaryAt = openingAlone(
    list,
    lead,
    transcript ? unfit : unfitForWrittenSummary(list, unfit, lead),
    (left) =>
      pickSummary(
        list,
        summaryScores,
        summaryLength(input.wordCount) - (asked ? 1 : 0),
        left,
        { transcript, lead },
      ),
  );
  // A lead ending in ":" says its list's items; alone, or a NAME line unterminated, it would run
  // into the next sentence.
  const listed = new Map(summaryAt.map((i) => [i, listAfter(list, units.blocks, i)]));
  const itemised = new Set([...listed.values()].flat());
  // A page of links and nothing else, as a documentation set's index is, says what it links to:
  // Python's FAQ index was summed up by one of its links' titles, a question.
  const links = indexPage(units.blocks, transcript)
    ? units.blocks.flatMap((b) => b.link ?? [])
    : undefined;
  const summary = links ? [withList("Links to:", links, { titles: true })] : paragraphs(
    [
      ...asked ? [questionsLine(asked)] : [],
      ...creditsFirst(
        summaryAt.filter((i) => !itemised.has(i)),
        list,
        signed.toSorted((a, b) => a.start - b.start).map((n) => n.text),
        openingHeading(units) || openingLine(units),
      ),
    ].map((i) => {
      if (typeof i === "string") return i;
      const items = listed.get(i)!;
      const text = said(i);
      return items.length > 0
        ? withList(text, items.map((j) => list[j].text))
        : text.replace(/\s*:$/u, "").replace(/(?<![.!?…]["”’)\]]*)$/u, ".");
    }),
  );
  // A key point is one line: a sentence that would have to be cut short is a weaker one.
  // A key point is read alone, in speech too: "For example...", "Which is why..." need what
  // came before (written sentences have already lost a fifth for it above).
  // An instruction ("See INSTALL.md for building released versions", "Please rename...") tells
  // the reader what to do, not what the text says. An entry of a reference says a detail of one
  // function ("An existing file of the same name is overwritten."), the prose around the
  // entries what the page is about.
  const pointScores = scores.map((s, i) => {
    const text = trimOpeners(list[i].text);
    return (list[i].text.length > 240 ? 0.6 : 1) * (units.blocks[list[i].block].entry ? ENTRY : 1) *
      (leansBack(text) ? (transcript ? 0.8 : 0.75) : 1) * (instructs(text) ? 0.5 : 1) * s;
  });
  const pointCount = keyPointCount(input.wordCount);
  // An index's entries are other pages' titles: none is a point of its own, nor is a name read
  // in them a person, body or place the index speaks of (SQLite's site map had the people
  // "Clustered Indexes" and "Page Size", the place "Library Footprint").
  const pointAt = links ? [] : pickKeyPoints(
    list,
    pointScores,
    pointCount,
    new Set(summaryAt),
    // A lead that named its list, and the list's items, are said in the summary.
    new Set([
      ...(transcript ? unfit : withLeaning(list, unfit, pointCount)),
      ...[...listed].flatMap(([i, items]) => items.length > 0 ? [i, ...items] : []),
    ]),
    transcript,
  );

  const keyphrases = rankKeyphrases(withoutApparatus(language), {
    termCounts: counts,
    sentenceTerms: list.map((u) => u.terms),
    title: input.title,
    headings: units.headings,
    textLength: text.length,
    limit: KEYPHRASES,
    nameWords,
    // Every form a place is named by: "United States" is where, though "America" is shown. A
    // region too ("Latin America", "Southeast Asia"), which the Places list has: gold-speeches
    // tune F1@10 partial 0.185 -> 0.192 without them, exact 0.140 either way.
    places: new Set(
      [...places, ...language.places.map((p) => cleanName(p.text) ?? "")]
        .map((p) => p.toLowerCase()),
    ),
    dashesAsHyphens: dashesAsHyphens(input.body),
    purposeTerms: purposes.map((u) => u.terms),
    stopwords: foreign,
    identifiers: new Set(units.identifiers.map((w) => w.toLowerCase())),
    text,
    code: inCode,
  });

  const affiliated = withoutAffiliations(organizations, people);
  // Nor are an index's names its own (see pointAt).
  const names = links ? { people: [], organizations: [], places: [] } : {
    people: withoutCompanies([...people, ...affiliated.people], organizations),
    // "Ford" in "the Ford-Fulkerson algorithm" by "L. R. Ford": the person's surname.
    organizations: affiliated.organizations.filter((n) => n.includes(" ") || !surnames.has(n)),
    places,
  };
  const linked = linkUnits(
    units,
    pointAt.map((i) => ({ text: shorten(said(i)), unit: i })),
  );
  return {
    analysis: {
      summary,
      keyPoints: linked.keyPoints,
      keyphrases: keyphrases.map((k) => k.text),
      tags: tagsFor(keyphrases, subjects, input.title, [...people, ...organizations, ...places]),
      ...names,
      terms: topTerms(counts),
    },
    body: withAnchors(input.body, linked.anchors),
  };
}

/**
 * The person or body a source's copyright holder names, read as the language pass reads a
 * credit, placed after the text's own names (`from`).
 */
function ownerNames(
  holder: PropertyValue | undefined,
  from: number,
): Pick<Language, "people" | "organizations"> {
  if (typeof holder !== "string") return { people: [], organizations: [] };
  const { people, organizations } = readLanguage(`© ${holder}.`);
  return {
    people: people.map((p) => ({ ...p, start: from + p.start })),
    organizations: organizations.map((o) => ({ ...o, start: from + o.start })),
  };
}

/**
 * `unfit` and the written sentences that lean on the one before ("On the other hand, ...", "If
 * this is the case, ...", "But ...", "Installing a listener using this symbol..."), ask a question
 * or announce what follows, which a key point, read alone, cannot do: as long as enough others are
 * left for `count` key points.
 */
function withLeaning(list: Unit[], unfit: Set<number>, count: number): Set<number> {
  const out = new Set(unfit);
  list.forEach((u, i) => {
    const text = trimOpeners(u.text);
    // A question read alone asks and says nothing ("The aborted attempt to look at the
    // inflated output to see what was wrong?").
    const asks = ASKS.test(text);
    // "But as an institution, it should...": a conjunction the trimming kept, since the rest
    // opens like a clause ("As...").
    const joined = /^(?:but|and|yet|or|nor)\b/iu.test(text);
    const aside = leansBack(text) || turnsFromBefore(text) || pointsAhead(text) ||
      namesThingBefore(text) || asks || joined;
    // A purpose stated ("This module allows...") stands alone, unless what it is for was told
    // before ("This API allows... by solving these two issues").
    if (aside && !purposeAt(list, i) || pointsBack(text)) out.add(i);
  });
  return list.length - out.size >= count ? out : unfit;
}

/**
 * `unfit` and the written sentences that open naming someone as "he" or "they", unless they follow
 * the summary's lead, who they are: after another sentence of the summary "He holds a degree..."
 * would be said of the wrong person (Dan Kennedy's degree given to D. Richard Hipp). Nor those
 * naming a thing as the code before them did ("the socket s"), code a summary leaves out. Nor a
 * question: a written text's summary says what it answers ("How do I block backscatter mail to
 * random recipient addresses?" of Postfix's list of the questions it covers).
 */
function unfitForWrittenSummary(
  list: Unit[],
  unfit: Set<number>,
  lead: number | undefined,
): Set<number> {
  const out = new Set(unfit);
  list.forEach((u, i) => {
    const text = trimOpeners(u.text);
    if (i - 1 !== lead && PERSONAL.test(text) || namedAsInCode(u.text) || ASKS.test(text)) {
      out.add(i);
    }
  });
  return out;
}

/**
 * The summary `pick` makes from the units `unfit` leaves, its first sentence one that stands
 * alone: "And that program requires consideration in connection with the Budget" opened a
 * summary that never said which program. A first sentence that leans on the one before gives
 * way to the next best, up to {@link OPENING_TRIES} times.
 */
function openingAlone(
  list: Unit[],
  lead: number | undefined,
  unfit: Set<number>,
  pick: (unfit: Set<number>) => number[],
): number[] {
  let left = unfit;
  let picked = pick(left);
  for (let tries = 0; tries < OPENING_TRIES; tries++) {
    const first = picked[0];
    if (first === undefined || first === lead || !leansAtStart(list[first].text)) break;
    left = new Set([...left, first]);
    const next = pick(left);
    if (next.length === 0) break;
    picked = next;
  }
  return picked;
}

/** How many first sentences a summary tries before it keeps the one it has. */
const OPENING_TRIES = 3;

/** Whether a sentence opens leaning on the one before ("And that program...", "However, ..."),
 * or names a thing told of before it ("what lay back of this great movement"). */
function leansAtStart(text: string): boolean {
  const trimmed = trimOpeners(text);
  return leansBack(trimmed) || /^(?:and|but|or|nor|yet)\b/iu.test(trimmed) ||
    namesThingBefore(trimmed);
}

/** A sentence that ends asking. */
const ASKS = /\?["”’)\]]*$/u;

/** A sentence that opens naming someone by a pronoun. */
const PERSONAL = /^(?:He|She|They|His|Her|Their|Him|Them)\b/u;

/** People a text must credit by its form (table rows, signatures) to be read as a credits list. */
const CREDITS = 5;

/**
 * A credits file's summary: its rows ("Darrylo Okahata darrylo@... - code quality
 * improvements", "Paul Zimmermann — mpn/generic/mul_fft.c...") say what one person did, so the
 * summary opens instead with one sentence naming the first people it credits, under the heading
 * the text opens with: "Authors of GNU MP: Torbjörn Granlund, John Amanatides... and 40 more."
 * Its prose sentences stay ("XZ Utils is developed and maintained by...").
 */
function creditsFirst(
  summaryAt: number[],
  list: Unit[],
  credited: string[],
  heading: string,
): (number | string)[] {
  const names = [...new Set(credited)];
  const row = (i: number) =>
    names.some((n) =>
      list[i].text.startsWith(n) &&
      /^\s*(?:[—–-]\s|<|\(|,|[\p{L}\p{N}._+-]+@|$)/u.test(list[i].text.slice(n.length))
    );
  // The heading, which the sentence says, or a row.
  const said = (i: number) => row(i) || list[i].text.trim() === heading.trim();
  // Rows signed with an address are never summary sentences, so a summary may be left empty.
  if (names.length < CREDITS || summaryAt.length > 0 && !said(summaryAt[0])) return summaryAt;
  // A first line that is itself a row ("Joe Steffen - Creator of Cscope") is no heading.
  const titled = heading !== "" && !names.some((n) => heading.startsWith(n));
  const lead = titled
    ? heading.trim().replace(/[.:]$/u, "")
    : `${names.length} people are credited`;
  return [withList(`${lead}:`, names), ...summaryAt.filter((i) => !said(i))];
}

/** A text's first block when it is one short line without a stop, as a plain text's title is. */
function openingLine({ blocks }: Pick<BodyText, "blocks">): string {
  const first = blocks[0]?.text.trim() ?? "";
  return !first.includes("\n") && first.split(/\s+/u).length <= 12 && /^\p{Lu}/u.test(first) &&
      !/[.!?:;,]$/u.test(first)
    ? first
    : "";
}

/** Links a page of links and nothing else must list to be summed up by them. */
const LINKS = 3;
/** The share of an index's blocks that are its entries: SQLite's keyword index has a few long
 * ones ("reading and writing an rtree at the same time - rtree.html#readwrite"). */
const ENTRIES = 0.9;

/**
 * Whether blocks are an index's: its entries (see Block's `link`) and little else, none of it
 * prose standing apart from the list that could say what the page is about, as a page's opening
 * paragraph above its list of links does. A footer ("This page last modified on...") is none,
 * nor is the term a back-of-the-book index lists its entries under (libxslt's API index: "API",
 * then the functions that say it).
 */
function indexPage(blocks: Block[], speech: boolean): boolean {
  const entries = blocks.filter((b) => b.link).length;
  // Short blocks before a link, in a run ("basically", "been", then the entries under "been").
  const isTerm = new Array<boolean>(blocks.length).fill(false);
  for (let i = blocks.length - 2; i >= 0; i--) {
    const short = !blocks[i].link && blocks[i].text.trim().split(/\s+/u).length <= TERM_WORDS;
    isTerm[i] = short && (blocks[i + 1].link !== undefined || isTerm[i + 1]);
  }
  const terms = isTerm.filter(Boolean).length;
  return entries >= LINKS && entries >= ENTRIES * (blocks.length - terms) &&
    blocks.every((b, i) =>
      b.link || b.item || isTerm[i] || NEVER.has(unfitReason(b.text, { speech }) ?? "")
    );
}
/** Most words of an index's term. */
const TERM_WORDS = 3;
/** The most items of a list a summary's lead names before "and N more". */
const LISTED = 6;
/** A list's item a lead may name: a few words, like a name ("Fred L. Drake, Jr."). */
const ITEM_WORDS = 6;
/** Or an item of a bulleted list, a phrase ("A more compact format for database files."). */
const ITEM_PHRASE = 9;

/**
 * The units of the list right after a lead ending in ":" or in "by", when it is a list of short
 * items, each a block of its own: "Expat is brought to you by:" and "Clark Cooper", "Greg
 * Stein"...
 */
function listAfter(list: Unit[], blocks: Block[], at: number): number[] {
  if (!/\p{L}\s*:$|\sby$/u.test(list[at].text.trim())) return [];
  const items: number[] = [];
  for (let j = at + 1; j < list.length; j++) {
    const unit = list[j];
    const text = unit.text.trim();
    const whole = list[j + 1]?.block !== unit.block && blocks[unit.block].text.trim() === text;
    if (
      unit.block !== list[j - 1].block + 1 || !whole ||
      withoutAddresses(text).split(" ").length >
        (blocks[unit.block].item ? ITEM_PHRASE : ITEM_WORDS) ||
      // "A more compact format for database files.": an item of a list is a phrase with a stop.
      (/[.!?]$/u.test(text) && !blocks[unit.block].line && !blocks[unit.block].item)
    ) break;
    items.push(j);
  }
  return items.length >= 2 ? items : [];
}

/**
 * A lead and its list's items as one sentence: "Expat is brought to you by Clark Cooper, Greg
 * Stein and James Clark."; "Other authors: Jonathan Nieder and Joachim Henke.".
 */
function withList(lead: string, items: string[], { titles = false } = {}): string {
  // "Bdale Garbee <bdale@debian.org>": the person, not where to write to them. Other pages'
  // titles are as they are written.
  const shown = items.slice(0, LISTED).map((t) =>
    titles ? withoutAddresses(t).replace(/[,;.]$/u, "") : runningOn(withoutAddresses(t))
  );
  const more = items.length - shown.length;
  const named = more > 0
    ? `${shown.join(", ")} and ${more} more`
    : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  // The colon goes where the lead's last word asks for what follows: "by", "include".
  const open = /\b(?:by|to|from|with|for|of|include|includes|including|are|were|is|was)\s*:?$/iu
      .test(lead)
    ? lead.replace(/\s*:?$/u, " ")
    : `${lead} `;
  return `${open}${named}`.replace(/(?<![.!?…]["”’)\]]*)$/u, ".");
}

/**
 * A list's item as a part of the lead's sentence: without its closing mark, and a phrase ("A more
 * compact format for database files.", "The condition operand in if expressions") in small
 * letters where its first word is an everyday one; a name ("Clark Cooper", "Fred L. Drake, Jr.",
 * "The Beatles") as written. A phrase has a stop, or a second word in small letters.
 */
function runningOn(item: string): string {
  const bare = item.replace(/[,;.]$/u, "");
  const first = /^\p{Lu}\p{Ll}*(?=[\s-])/u.exec(bare)?.[0];
  // "Low-dependency" among "Performance" and "Stability" is a word, as written.
  const phrase = item.endsWith(".") || /^\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(bare);
  const everyday = first !== undefined && phrase && !isGivenName(first.toLowerCase()) &&
    englishRank(first.toLowerCase()) <= NAME_RANK;
  return everyday ? first.toLowerCase() + bare.slice(first.length) : bare;
}

/** Sentences a written summary may drop to find one that opens it standing alone. */
const OPENER_TRIES = 3;

/**
 * The summary's sentences: a written one opens with a sentence that stands alone, not one that
 * leans on what came before ("That list is public...", "Together, they form..."), which a reader
 * meets first and cannot place, nor an instruction ("Please read the manual..."). Such an opener
 * is left out and the summary picked again; so is a later sentence that leans on one the summary
 * leaves out ("This is equivalent to the Python expression hasattr(o, attr_name).").
 */
export function pickSummary(
  list: Unit[],
  scores: number[],
  count: number,
  unfit: Set<number>,
  { transcript, lead }: { transcript: boolean; lead?: number },
): number[] {
  const skipped = new Set(unfit);
  const pick = () => {
    const picked = pickUnits(list, scores, count, skipped);
    return lead === undefined ? picked : [lead, ...picked.filter((i) => i !== lead)];
  };
  let picked = pick();
  if (transcript) return picked;
  if (lead === undefined) {
    const standsAlone = (i: number) => {
      const text = trimOpeners(list[i].text);
      // "This document describes...": the text's own "this", which needs nothing before it.
      // A question opens no summary of a written text: its answer says what the text says.
      // Not "This article describes those alternatives": which ones was said before.
      return purposeAt(list, i) && !pointsBack(text) ||
        !leansBack(text) && !unresolved(text) && !instructs(text) && !pointsAhead(text) &&
          !pointsBack(text) && !ASKS.test(text) && !/^Q[.:]\s/u.test(text);
    };
    const firstTry = picked;
    for (let tries = 0; tries < OPENER_TRIES && picked.length > 0; tries++) {
      if (standsAlone(picked[0])) break;
      skipped.add(picked[0]);
      picked = pick();
    }
    // A text with no sentence fit to open a summary keeps what it has: "Here are the names of
    // the programs in this package..." over an AUTHORS file's list of names.
    if (picked.length === 0) return firstTry;
  }
  for (let tries = 0; tries < OPENER_TRIES; tries++) {
    const chosen = new Set(picked);
    // What it leans on is the sentence before, or one before it in its paragraph. (Only five
    // back, for addresses written as one paragraph, cost gold-speeches tune ROUGE-2 1.29x ->
    // 1.27x.)
    const placed = (i: number) =>
      chosen.has(i - 1) || picked.some((j) => j < i && list[j].block === list[i].block);
    const leaning = picked.find((i, k) => {
      const text = trimOpeners(list[i].text);
      return k > 0 && !placed(i) && leansBack(text) && !(purposeAt(list, i) && !pointsBack(text));
    });
    if (leaning === undefined) break;
    skipped.add(leaning);
    const next = pick();
    if (next.length === 0 || next[0] !== picked[0]) break;
    picked = next;
  }
  return picked;
}

/**
 * What names the text's subject: its title, and the heading it opens with, which is the author's
 * own when the title comes from a file name ("Authors of XZ Utils" in "liblzma5_AUTHORS.txt").
 */
function subjectLine(title: string, units: Pick<BodyText, "blocks" | "headings">): string {
  return `${title} ${openingHeading(units)}`.trim();
}

/** The heading the text opens with, "" when it opens with prose. */
function openingHeading({ blocks, headings }: Pick<BodyText, "blocks" | "headings">): string {
  return (blocks[0]?.section ?? 0) > 0 ? headings[0] : "";
}

/** How many sentences after a lead that says what the text's subject is a statement of the
 * text's purpose may come and lead instead. */
const PURPOSE_AFTER = 5;

/** How many fit sentences from the start a summary's lead may be found among. */
const LEAD_WINDOW = 15;

/**
 * The sentence near the start that says what the text is, when there is one: the author's own
 * "This chapter covers...", or the title's subject opening a sentence that says what it is or
 * does ("GnuTLS implements the TLS/SSL protocol"). It opens the summary whatever its score.
 */
function openingSentence(
  list: Unit[],
  { blocks, headings }: Pick<BodyText, "blocks" | "headings">,
  unfit: Set<number>,
  title: string,
): number | undefined {
  // An abstract the text opens with is its author's own summary: "\"git bisect\" enables
  // software users and developers to easily find the commit that introduced a regression".
  // Sphinx writes "Abstract" as a paragraph of its own ("Socket Programming HOWTO"). An abstract
  // may say what the text is without a verb: "A reference book presenting the Debian
  // distribution, from initial installation to configuration of services." (the Debian
  // Administrator's Handbook, whose summary was its plea for thanks).
  const abstract = list.findIndex((u, i) => {
    const section = blocks[u.block].section;
    const labelled = section > 0 && section <= 2 && ABSTRACT.test(headings[section - 1]) ||
      u.block > 0 && ABSTRACT.test(blocks[u.block - 1].text.trim());
    return labelled && (!unfit.has(i) || describesText(u));
  });
  if (abstract >= 0 && abstract < LEAD_WINDOW * 2) return abstract;
  const subject = titleWords(title);
  let seen = 0;
  let first: number | undefined;
  for (let i = 0; i < list.length && seen < LEAD_WINDOW; i++) {
    // A NAME line has no full stop, which leaves it unfit as a sentence; it is the page's own
    // line for what it is.
    if (seen === 0 && namesManPage(list[i].text, subject)) return i;
    // An entry's sentence has its subject in the signature, and an aside the text sets apart in
    // a callout says nothing of what the text is ("The xml.dom.minidom module is not secure
    // against maliciously constructed data.", a warning under its opening): neither leads, but
    // both are text read before a lead, which the window counts (shelve's summary opened with a
    // restriction from its last section, past a page of entries).
    if (blocks[list[i].block].entry || blocks[list[i].block].aside) {
      seen++;
      continue;
    }
    // "xmltodict is a Python module that makes XML feel like JSON, as in this spec:" says what
    // its subject is before it shows an example, which leaves it a fragment.
    const text = list[i].text;
    const beforeExample = /:$/u.test(text) && unfitReason(text.replace(/:$/u, ".")) === undefined;
    if (unfit.has(i) && !beforeExample) continue;
    seen++;
    first ??= i;
    if (
      saysWhat(text, subject) && !thingNamedBefore(list, i) &&
      !ofOneSection(text, blocks[list[i].block].section)
    ) {
      // What the text says it is for, later in the same paragraph, says more than what a thing
      // the title's word belongs to is: "This document contains some guiding principles..."
      // after "The Git development community is a widely distributed... group" (one of four
      // words of "Reviewing Patches in the Git Project"). Not after "The SQLite project provides
      // a simple command-line program..." under "Command Line Shell For SQLite": it says most
      // of the title.
      const opener = trimOpeners(text);
      if (statesPurpose(opener) || subjectInTitle(opener, subject) || saysTitle(opener, title)) {
        return i;
      }
      // Or in the next paragraphs of its section: "The SQL language is a \"standard\". Even so,
      // no two SQL database engines work exactly alike..." then "This document strives to
      // highlight the principal differences..." (SQLite's quirks).
      const section = blocks[list[i].block].section;
      const purpose = list.findIndex((u, j) =>
        j > i && j - i <= PURPOSE_AFTER && blocks[u.block].section === section &&
        !unfit.has(j) && purposeAt(list, j) && saysWhat(u.text, subject)
      );
      return purpose >= 0 ? purpose : i;
    }
  }
  // A page of entries says what its subject is in an entry, its "this" the entry's name:
  // "This subtype of PyObject represents a Python list object." under "List Objects" (Python's
  // C API).
  const represents = list.slice(0, LEAD_WINDOW).findIndex((u) => representsSubject(u.text, title));
  if (represents >= 0) return represents;
  // A text whose title its words do not use (a file's name, "algorithm.txt") may still open by
  // saying what its subject is: "The deflation algorithm used by gzip is a variation of LZ77".
  if (first !== undefined && opensWithDefinition(trimOpeners(list[first].text))) return first;
  // Or by saying what it is itself, with nothing before it to lean on but its copyright notice:
  // "These are the GNU core utilities." opens coreutils' README, "This is the GNU groff document
  // formatting system." groff's, after its notice.
  const notice = (j: number) => apparatus(list[j].text) === "boilerplate";
  if (
    first !== undefined && introducesItself(list[first].text) &&
    list.slice(0, first).every((_, j) => notice(j))
  ) return first;
  return undefined;
}

/** Whether a sentence says half the title's terms or more. */
function saysTitle(sentence: string, title: string): boolean {
  const said = new Set(terms(sentence));
  const named = terms(title);
  return named.filter((t) => said.has(t)).length * 2 >= named.length;
}

/** Whether a sentence says what stands for the title's subject, every word of the title in it:
 * "This instance of PyTypeObject represents the Python list type." */
function representsSubject(sentence: string, title: string): boolean {
  const said = new Set(terms(sentence));
  const named = terms(title);
  return /^This \p{L}+ (?:of \S+ )?represents\b/u.test(sentence) && named.length > 0 &&
    named.every((t) => said.has(t));
}

/**
 * Whether a sentence speaks for one section of the text, not all of it: "This section shows a
 * typical scenario..." under the fifth heading of Postfix's small-office hints, the one on SASL.
 * Under the first heading or before any, a section may be all there is to say.
 */
function ofOneSection(sentence: string, section: number): boolean {
  return section > 1 && /\b(?:this|the present) (?:sub)?section\b/iu.test(sentence);
}

/**
 * Whether a sentence says what the text or its subject is: a summary's best opener. A speaker's
 * "I urge a new Department of Urban Affairs" is one of a speech's asks, not what it is about;
 * "In this paper we propose..." says what the paper is.
 */
function saysWhat(sentence: string, subject: Set<string>): boolean {
  const text = trimOpeners(sentence);
  // "Why does SQLite have its own private built-in printf() implementation?": asked, not said.
  if (ASKS.test(text)) return false;
  // "This section covers...": the text's own "this", which needs nothing before it.
  if (statesPurpose(text)) {
    return (!speaksAsAuthor(text) || THIS_TEXT.test(text)) && !pointsAhead(text) &&
      !pointsBack(text);
  }
  // "The PostgreSQL client wrapper is designed to permit this.": what "this" is came before;
  // "Partial clone allows us to avoid downloading such unneeded objects": which ones too.
  // "This spellfix1 virtual table can be used to..." under "The Spellfix1 Virtual Table": the
  // text's own subject, which its title names, needs nothing before it.
  const own = text.replace(/^This(?=\s)/u, "The");
  return definesSubject(own, subject) && (own !== text || !leansBack(text)) &&
    !unresolved(text) && !/\b(?:this|that|these|those)[.!?]$/iu.test(text) &&
    !SUCH_ONES.test(text);
}

/** "such" before things, not "such as" nor "such... that" a few words on. */
const SUCH_ONES = /\bsuch (?!(?:as|an?|that)\b)[\p{L}-]+\b(?!(?: [\p{L}-]+){0,3} (?:as|that)\b)/iu;

/** A whole sentence that names a kind of thing and says what it is, without a verb of its own:
 * "A reference book presenting the Debian distribution...". */
function describesText(u: Unit): boolean {
  return (u.verbless === true || u.nonFinite === true) && !u.piece && !u.runsOn &&
    /^(?:An?|The) \p{Ll}/u.test(u.text) && unfitReason(u.text) === undefined;
}

/**
 * Whether a sentence says what the text is for ({@link statesPurpose}) and its "this" is the
 * text's: not "This tool allows users to sort their incoming email..." after "Local email can
 * also be delivered through procmail." (the Debian Handbook), where the thing is the one the
 * sentence before in its paragraph named. A README's "This tool allows..." opens its paragraph.
 */
function purposeAt(list: Unit[], i: number): boolean {
  return statesPurpose(trimOpeners(list[i].text)) && !thingNamedBefore(list, i);
}

/** Whether a sentence names as "this tool" (a program, a module...) what the sentence before it
 * in its paragraph named. */
function thingNamedBefore(list: Unit[], i: number): boolean {
  return i > 0 && list[i - 1].block === list[i].block && THIS_THING.test(trimOpeners(list[i].text));
}

const THIS_THING = new RegExp(
  "^this (?:[\\w:.-]+ )?(?:module|package|library|extension|api|repository|project|program|" +
    "tool|utility|suite)\\b",
  "iu",
);

/** The heading of an abstract, numbered or not. */
const ABSTRACT = /^(?:\d+\.?\s+)?(?:abstract|summary)\.?$/iu;

/** The text itself, named as the author names it. */
const THIS_TEXT =
  /\b(?:this|the present) (?:paper|article|report|document|chapter|section|work|note|book|thesis|essay|study)\b/iu;

/**
 * The term counts related notes are found by, as {@link analyse} counts them: over the body's
 * sentence units, so headings and a transcript's times and block ids count for nothing. A note
 * read back gets exactly the terms it was analysed with.
 */
export function termVector(body: string): [string, number][] {
  return topTerms(termCounts(sentenceUnits(body).list));
}

/**
 * The units that cannot stand alone (table rows, code, captions, fragments...): never a summary
 * sentence or a key point, unless nothing else is left in the text.
 */
function unfitUnits(
  { list, blocks, headings, code }: {
    list: Unit[];
    blocks: Block[];
    headings: string[];
    code: string[];
  },
  speech: boolean,
  foreign: ReadonlySet<string> = new Set(),
): Set<number> {
  const unfit = new Set<number>();
  const names = new Set(code);
  list.forEach((u, i) => {
    // "If `timeout` is greater than 0, ...": a condition on a parameter of the entry it is in.
    const parameter = PARAMETER_CONDITION.exec(u.text.trim())?.[1];
    if (!speech && parameter !== undefined && names.has(parameter)) unfit.add(i);
    // "donde i1, i2, ..., in son índices": the end of a sentence cut in two, in another language.
    if (foreign.has(/^\p{Ll}+/u.exec(u.text.trim())?.[0] ?? "")) unfit.add(i);
    // "Make an iterator that returns...": the subject is the signature above; and "Can be used
    // to continue...", "Matches the empty string...": the subject is the entry's name.
    if (u.leads && blocks[u.block].entry === "opens" || !speech && lacksSubject(u.text)) {
      unfit.add(i);
    }
    // "Walking the entire graph to satisfy topological order constraints.": a list's item.
    if (u.nonFinite && !speech) unfit.add(i);
    // "To check that a module's docstrings are up-to-date by verifying...": an item of a list of
    // what a thing is for, whose sentence is the list's lead.
    if (u.infinitive && blocks[u.block].item && !speech) unfit.add(i);
    // "BUGS<spaces>- bugs in MPFR - please read this file!": a row of a listing.
    if (blocks[u.block].columns) unfit.add(i);
    // "Kent Beck's original paper on testing frameworks...": what a "See also" box points to.
    if (blocks[u.block].refers) unfit.add(i);
    // A piece of a long written sentence starts or ends mid-sentence ("composed; where
    // government provides..."); unpunctuated speech has no other pieces to offer.
    if (unfitReason(u.text, { speech }) !== undefined || (u.piece || u.runsOn) && !speech) {
      unfit.add(i);
    }
    // A document's apparatus cites and thanks: "[KD91] Eleftherios Koutsofios and David
    // Dobkin. Lefty: A two-view editor..." says nothing of what the document says.
    if (u.section > 0 && BACK_MATTER.test(headings[u.section - 1])) unfit.add(i);
    // What is not done yet is no part of what the text says: Libtasn1's summary told of "Add
    // functions for a C code file generation...", its "Future developments".
    if (u.section > 0 && PLANS.test(headings[u.section - 1])) unfit.add(i);
  });
  // "The maximum number of listeners per EventTarget event.": a field's description in a
  // reference, which says nothing alone. Speech leaves out verbs as it goes. Checked only where
  // nothing else rules the unit out, and all in one pass: compromise is slow, and checking every
  // sentence wink marked (table rows and headings too) more than halved the Debian gold set's
  // throughput in one run.
  if (!speech) {
    const open = (i: number) => !unfit.has(i);
    const verbless = list.flatMap((u, i) => u.verbless && open(i) ? [i] : []);
    // "Logger.makeRecord(), which is called in the normal process of logging an event.": a
    // name and what is said of it in a relative clause, with no clause of its own.
    const relative = list.flatMap((u, i) => {
      const head = open(i) && RELATIVE_ONLY.exec(u.text.trim())?.[1];
      return head ? [{ i, head }] : [];
    });
    // "A Readable Stream that represents the child process's stderr.": a field's description,
    // a thing and what a relative clause says of it, the clause's verb the sentence's only one.
    const described = list.flatMap((u, i) => u.described && open(i) ? [i] : []);
    // "What the new enum class will record as its name.": a field's description that is a
    // clause "what" opens, with no verb after it for the clause to be the subject of.
    const what = list.flatMap((u, i) => open(i) && FREE_RELATIVE.test(u.text.trim()) ? [i] : []);
    // "If you want to manipulate Windows paths on a Unix machine (or vice versa).": a list's
    // item, a condition whose sentence is the list's lead.
    const condition = list.flatMap((u, i) =>
      open(i) && CONDITION_ONLY.test(u.text.trim()) ? [i] : []
    );
    const verbs = verbCounts([
      ...verbless.map((i) => list[i].text),
      ...relative.map((r) => r.head),
      ...what.map((i) => list[i].text),
      ...condition.map((i) => list[i].text),
      ...described.map((i) => list[i].text),
    ]);
    let at = 0;
    verbless.forEach((i) => verbs[at++] === 0 && unfit.add(i));
    relative.forEach((r) => verbs[at++] === 0 && unfit.add(r.i));
    what.forEach((i) => verbs[at++] <= 1 && unfit.add(i));
    condition.forEach((i) => verbs[at++] <= 1 && unfit.add(i));
    described.forEach((i) => verbs[at++] <= 1 && unfit.add(i));
  }
  if (unfit.size < list.length) return unfit;
  // Nothing fits (a page that is a table and a line or two): short lines and fragments will do,
  // but not the page's footer, its table's rows ("| Date | Version |. 334 releases over 22.4
  // years. This page last modified on 2022-12-28..."), nor lines run together; nor what it
  // points to elsewhere (Rust by Example's page on destructuring structs was "Structs.", its
  // "See also"), nor a lead whose clause the example after it ends (the Embedded Rust Book's
  // "...you may need to install the latest version using:" read "...using."), nor where to read
  // on ("Go to the next section.", its key point).
  const never = new Set(
    list.flatMap((u, i) =>
      blocks[u.block].columns || u.runsOn && !speech || blocks[u.block].refers ||
        DANGLING_LEAD.test(u.text.trim()) || NAVIGATES.test(u.text.trim()) ||
        NEVER.has(unfitReason(u.text, { speech }) ?? "")
        ? [i]
        : []
    ),
  );
  // A text of table rows, code and boilerplate only has no summary: "_None._" is honest, a
  // summary of its rows run together is not.
  return never;
}

/** A sentence opening on a condition of a name in small letters: "If options is a string". */
const PARAMETER_CONDITION = /^(?:If|When|Unless|Until)\s+([\p{Ll}_$][\p{L}\p{N}_$.]*)\s/u;

/** What marks an answer in a FAQ: "A. Achieving...", "A: No." */
const ANSWER_MARK = /^A[.:]\s+(?=\p{Lu})/u;

/**
 * The noun phrases of the text outside its notices and credits: a book's title page gave the tags
 * "copyright" and "translation" of its licence ("...including translation from one type of media
 * or file format to another...").
 */
function withoutApparatus({ sentences, phrases }: Pick<Language, "sentences" | "phrases">) {
  const spans = sentences.filter((s) => apparatus(s.text) !== undefined)
    .map((s) => [s.start, s.start + s.text.length]);
  if (spans.length === 0) return phrases;
  return phrases.filter((p) => !spans.some(([from, to]) => p.start >= from && p.start < to));
}

/** A sentence that "what" opens, no question. */
const FREE_RELATIVE = /^(?:What|Whatever)\s[^?]*$/u;
/** A sentence that is only a condition, unless a verb besides its own follows: "If you want
 * to manipulate Windows paths on a Unix machine." */
const CONDITION_ONLY = /^(?:If|Unless|Whether)\s[^,;:—]*[.!]$/u;

/** A sentence that is a phrase, a comma and a relative clause to its end; the phrase. */
const RELATIVE_ONLY =
  /^((?:[^\s,;:]+ ){0,5}[^\s,;:]+),\s+(?:which|who|whose|where)\s[^,;:]*[.!?]["”’)]*$/u;

/** A lead to an example or a list whose clause the example ends: "...using:", "...like this:";
 * not "...can be destructured as follows:", a clause of its own. */
const DANGLING_LEAD = /\b(?:using|with|via|by|from|into|to|like|this|these)\s*:$/iu;

/** An instruction to read on elsewhere in the text: "That's all! Go to the next section." */
const NAVIGATES =
  /^(?:(?:that['’]s all|done)!?\s+)?(?:now\s+)?(?:go|continue|proceed|move on|skip|jump|turn)(?: on| ahead)? to the (?:next|previous|following) (?:section|chapter|page|part|step)\b/iu;

/** Why a unit is unfit that no shortage of sentences excuses. */
const NEVER = new Set([
  "boilerplate",
  "signature",
  "table row",
  "table of contents",
  "code",
  "mail header",
  "reference",
]);

/** A heading's section number: "7 ", "A.2. ". */
const SECTION_NUMBER = "[\\dA-Z]{1,2}(?:\\.\\d+)*\\.?\\s+";

/**
 * The heading of a licence's whole text: "GNU Free Documentation License", "Copying". Not a
 * README's "License" section, which says in a line what the licence is (a reader wants that).
 */
const LICENCE = new RegExp(
  `^(?:${SECTION_NUMBER}|appendix [a-z][.:]?\\s+)?(?:(?:the )?gnu (?:free documentation|` +
    "(?:lesser |library )?general public) licen[cs]e(?: version [\\d.]+)?|gnu fdl|" +
    "copying(?: this manual)?|copying conditions)$",
  "iu",
);

/** The cast of cryptography's examples: where Alice writes to Bob, none of them is a person. */
const PLACEHOLDERS = new Set(["Alice", "Bob", "Carol", "Dave", "Eve", "Mallory", "Trent", "Peggy"]);

/** `people` without the cast of placeholder names when Alice and Bob are both in it. */
function withoutPlaceholders(people: string[]): string[] {
  if (!people.includes("Alice") || !people.includes("Bob")) return people;
  return people.filter((name) => !PLACEHOLDERS.has(name));
}

/** What ends a company's name. */
const COMPANY = /^(?:Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|LLC|Group|Foundation)$/u;

/**
 * `people` without the names of companies: "Baby Einstein" beside "The Baby Einstein Company",
 * and a company's product: "Microsoft Visio", where the text or the lexicon knows "Microsoft"
 * for a company. Not a name that opens with a first name ("Walt Disney" beside "Walt Disney
 * Company").
 */
/**
 * Organisations without a person and where they work read as one name ("Natalie Silvanovich of
 * Google Project", of "...detected by Natalie Silvanovich of Google Project Zero"): the person is
 * one of the people, the cut name of the firm no body.
 */
function withoutAffiliations(
  organizations: string[],
  people: string[],
): { organizations: string[]; people: string[] } {
  const found: string[] = [];
  const kept = organizations.filter((name) => {
    const person = AFFILIATION.exec(name)?.[1];
    // Not "Chalmers University of Technology", a body though "Chalmers" is a given name.
    const [given, surname] = person?.split(" ") ?? [];
    if (
      !person || !isGivenName(given.toLowerCase()) || namesBody(surname) || COMPANY.test(surname)
    ) {
      return true;
    }
    if (!people.includes(person)) found.push(person);
    return false;
  });
  return { organizations: kept, people: found };
}

/** A given name and a surname, then "of" and the body: "Natalie Silvanovich of Google...". */
const AFFILIATION = /^(\p{Lu}\p{Ll}+ \p{Lu}[\p{L}'’-]+) of \p{Lu}/u;

function withoutCompanies(people: string[], organizations: string[]): string[] {
  const companies = new Set(
    organizations.map((o) => o.split(" ")).filter((w) => w.length > 1 && COMPANY.test(w.at(-1)!))
      .map((w) => w.slice(0, -1).join(" ").replace(/^The /u, "")),
  );
  const named = new Set(organizations);
  return people.filter((p) => {
    const first = p.split(" ")[0];
    const company = companies.has(p) ||
      p.includes(" ") && (named.has(first) || isOrganization(first.toLowerCase()));
    return !company || isFirstName(first.toLowerCase());
  });
}

/**
 * `people` without a menu's or a table's words read as a name: three words or more, none a given
 * name or an initial, one before the last an everyday adjective ("Toggle Right Scrollbar" of
 * Vim's GUI menus). A surname that is one ("Little", "Young") follows a given name.
 */
function withoutLabels(people: string[]): string[] {
  return people.filter((name) => {
    const words = name.toLowerCase().split(" ");
    if (words.length < 3) return true;
    if (words.some((w) => isGivenName(w) || isFirstName(w) || /^\p{L}\.$/u.test(w))) return true;
    return !words.slice(0, -1).some((w) =>
      lexiconTag(w) === "Adjective" && englishRank(w) <= GENERIC_RANK
    );
  });
}

/**
 * `people` without the lone names the body also writes in small letters, as often or more:
 * those are words of the text, such as Debian's codenames ("Potato", "Sid" beside "potato" and
 * "unstable (sid)"), not people. Nor a lone name the body writes mostly as the name of a kind
 * of thing ("the Darwin linker") or of a version ("Ada 2022", "the Ada 2022 standard"): a
 * system, a language or a product named after someone, if anyone.
 */
function withoutWords(people: string[], body: string): string[] {
  /** How often the body writes `name` as a thing's: "the Darwin linker", "Ada 2022". */
  const asThing = (name: string) => thingUses(body, name);
  return people.filter((name) => {
    if (name.toLowerCase() === name) return true;
    if (name.includes(" ")) {
      // "Postfix Milter" of "the Postfix Milter implementation", beside "the Postfix mail
      // system" and "Postfix 2.7": a product's name before a word, where no first name is; so
      // is "Qualcomm Adreno" of "Qualcomm Adreno 3XX series".
      const first = name.split(" ")[0];
      return isFirstName(first.toLowerCase()) || /^\p{Lu}\.$/u.test(first) ||
        asThing(first) < Math.max(2, 2 * uses(body, name)) && asThing(name) * 2 < uses(body, name);
    }
    const all = uses(body, name);
    // "President Kennedy" beside "the Kennedy tax cuts", "Prime Minister Begin" beside "we
    // begin": a title says it is the person. Looked for only where needed: each look reads the
    // whole body.
    const titled = () =>
      body.matchAll(new RegExp(`([\\p{L}.]+) ${RegExp.escape(name)}(?![\\p{L}\\p{N}_])`, "gu"))
        .some((m) => isPersonTitle(m[1]));
    // "Metaprogramming", of the heading "General Metaprogramming" (no general's title), beside
    // "known as _metaprogramming_": a gerund the text also writes in small letters is a word.
    const word = () =>
      /\p{Ll}{4}ing$/u.test(name) && uses(body.replaceAll("_", " "), name.toLowerCase()) > 0;
    return !word() && (!writtenSmall(name, body, all) && asThing(name) * 2 < all || titled());
  });
}

/**
 * `people` without the firms named after one of them: "Thank you to Anthony Baldwin (of Baldwin
 * Linguas)": a name that opens with another's surname, after "of", is what the person works for.
 */
function withoutFirms(people: string[], text: string): string[] {
  const surnames = new Set(
    people.filter((p) => p.includes(" ")).map((p) => p.slice(p.lastIndexOf(" ") + 1)),
  );
  return people.filter((name) =>
    !name.includes(" ") || !surnames.has(name.slice(0, name.indexOf(" "))) ||
    !new RegExp(`\\bof ${RegExp.escape(name)}\\b`, "u").test(text)
  );
}

/**
 * `people` of a text in another language than English without its capitalised phrases, which
 * the English reading takes for names: "Guia de Cache", "Controle de Acesso" of a Portuguese
 * manual, whose words it also writes in small letters ("o guia", "controle"). A first name
 * opening the name keeps it.
 */
function withoutPhrases(
  people: string[],
  text: string,
  foreign: ReadonlySet<string> | undefined,
): string[] {
  if (!foreign) return people;
  return people.filter((name) => {
    const parts = name.split(" ");
    return isFirstName(parts[0].toLowerCase()) || isGivenName(parts[0].toLowerCase()) ||
      !parts.some((w) =>
        !foreign.has(w.toLowerCase()) && w.toLowerCase() !== w &&
        new RegExp(`(?<![\\p{L}\\p{N}])${RegExp.escape(w.toLowerCase())}(?![\\p{L}\\p{N}])`, "u")
          .test(text)
      );
  });
}

/**
 * `people` without the names the text refers to as its sections, with no first name in them:
 * "Precommand Modifiers" of the Z Shell Manual's "See Section 6.2 [Precommand Modifiers]". Not
 * a name over a section only ("Osamu Aoki" on a guide's title page), nor "Section 6.3 [Ada
 * Lovelace]", a person's.
 */
function withoutSections(people: string[], text: string): string[] {
  return people.filter((name) =>
    name.split(" ").some((w) => isFirstName(w.toLowerCase())) ||
    !new RegExp(
      `\\b(?:Section|Chapter|Appendix) [\\dA-Z]+(?:\\.\\d+)*,? [\\[“"]${
        RegExp.escape(name)
      }[\\]”"]`,
      "u",
    ).test(text)
  );
}

/**
 * `places` without the lone names the body also writes in small letters, as often or more:
 * Graphviz's "cairo" back end is no "Cairo". Not those in capitals: the Spanish "usa" ("uses")
 * says nothing of the "USA".
 */
function withoutPlaceWords(places: string[], body: string): string[] {
  return places.filter((name) =>
    (name.includes(" ") || !/\p{Ll}/u.test(name) || !writtenSmall(name, body)) &&
    !(/^\p{Lu}{3,}$/u.test(name) && modifiesNouns(body, name))
  );
}

/**
 * Whether the body writes a name in capitals before a noun in small letters as often as not:
 * "open the database in URI mode" names a kind of address, not the Swiss canton of Uri; "the
 * USA and Canada" does not.
 */
function modifiesNouns(body: string, name: string): boolean {
  let before = 0;
  const all = body.matchAll(
    new RegExp(`(?<![\\p{L}\\p{N}_])${RegExp.escape(name)} (\\p{Ll}+)?(?![\\p{L}\\p{N}_])`, "gu"),
  ).toArray();
  for (const m of all) if (m[1] && isContentWord(m[1])) before++;
  return before > 0 && before * 2 >= uses(body, name);
}

/**
 * `names` without those `text` says only inside its code spans (`code`, one after another):
 * "Isaac" of re's `Isaac (?=Asimov)`, "Steele, Jr." of `name=Guy Steele, Jr.` in an example.
 */
function withoutCodeOnly(names: string[], text: string, code: string): string[] {
  if (code === "") return names;
  return names.filter((name) => {
    const coded = uses(code, name);
    return coded === 0 || uses(text, name) > coded;
  });
}

/**
 * `organizations` without the names of two words or more that `text` (without its markup:
 * "_atomic group_") also writes in small letters, as often or more: re's "atomic group",
 * capitalised once, names no body of people.
 */
function withoutTermsOfArt(organizations: string[], text: string): string[] {
  return organizations.filter((name) =>
    !name.includes(" ") || name.toLowerCase() === name || !writtenSmall(name, text, undefined, 1)
  );
}

/** Whether `body` writes `name` in small letters `least` times or more, and as often as it is
 * written. */
function writtenSmall(name: string, body: string, all = uses(body, name), least = 2): boolean {
  const small = uses(body, name.toLowerCase());
  return small >= least && small >= all;
}

/** How many times `body` writes `word` as a word, with `before` and `after` around it. */
function uses(body: string, word: string, before = "", after = ""): number {
  if (before === "" && after === "") return wordUses(body, word);
  return body.match(
    new RegExp(
      `${before}(?<![\\p{L}\\p{N}_])${RegExp.escape(word)}(?![\\p{L}\\p{N}_])${after}`,
      "gu",
    ),
  )?.length ?? 0;
}

/** The sections (numbered as blocks number them) under a licence's heading, subsections too. */
function licenceSections(headings: string[], levels: number[]): Set<number> {
  const inside = new Set<number>();
  let under: number | undefined; // the level of the licence's heading while inside it
  headings.forEach((heading, i) => {
    if (under !== undefined && levels[i] <= under) under = undefined;
    if (under === undefined && LICENCE.test(heading)) under = levels[i];
    if (under !== undefined) inside.add(i + 1);
  });
  return inside;
}

/** The headings of a document's references, notes, thanks and index, numbered or not. */
const BACK_MATTER = new RegExp(
  `^(?:${SECTION_NUMBER})?(?:references|bibliography|works cited|literature cited|` +
    "acknowledge?ments?|notes|footnotes|index)$",
  "iu",
);

/** The headings of what a project has yet to do, numbered or not. */
const PLANS = new RegExp(
  `^(?:${SECTION_NUMBER})?(?:future (?:work|developments?|directions|plans|enhancements|` +
    "improvements)|to-?do(?: list)?|roadmap|wish ?list|planned features)$",
  "iu",
);

function termCounts(list: Unit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of list) for (const t of u.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * The stems that say most about the text: used often here and rarely in everyday English (count
 * times the square root of the stem's weight). By count alone a long speech's were "year",
 * "nation", "people", "not", and five State of the Union addresses shared too little else to be
 * each other's related notes. On bench_maps.ts's 52 Debian documents, related links within their
 * documentation set went from 81% to 83% (folders) and 80% to 83% (one folder); by the full
 * weight they reached 85%, but one-folder topic maps lost completeness (0.75 to 0.63).
 */
function topTerms(counts: Map<string, number>): [string, number][] {
  const say = (term: string, count: number) => count * Math.sqrt(stemWeight(term));
  return [...counts]
    .map(([term, count]) => ({ term, count, weight: say(term, count) }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, TERM_VECTOR)
    .map(({ term, count }) => [term, count]);
}

/**
 * Key points written elsewhere (by a language model) tied to the sentence of the text they are
 * closest to, so that in a transcript they link to where it is said.
 */
export function linkKeyPoints(
  body: string,
  points: string[],
): { keyPoints: KeyPoint[]; body: string } {
  const units = sentenceUnits(body);
  const sets = units.list.map((u) => new Set(u.terms));
  const picks = points.map((text) => {
    const own = new Set(terms(text));
    let unit: number | undefined;
    let best = 0;
    sets.forEach((set, i) => {
      const s = similarity(own, set);
      if (s > best) [best, unit] = [s, i];
    });
    return { text: shorten(text), unit };
  });
  const linked = linkUnits(units, picks);
  return { keyPoints: linked.keyPoints, body: withAnchors(body, linked.anchors) };
}

/** Key points with the time and block id of their unit, when it has them. */
function linkUnits(
  units: ReturnType<typeof sentenceUnits>,
  picks: { text: string; unit: number | undefined }[],
) {
  const anchors = new Map<number, string>();
  const used = new Set<string>();
  const keyPoints = picks.map(({ text, unit }): KeyPoint => {
    const u = unit === undefined ? undefined : units.list[unit];
    if (u?.startMs === undefined) return { text };
    const point: KeyPoint = { text, startMs: u.startMs };
    const anchorAt = units.blocks[u.block].anchorAt;
    if (anchorAt !== undefined) {
      let id = anchors.get(anchorAt);
      if (!id) {
        const base = "t-" + stamp(u.startMs).slice(1, -1).replaceAll(":", "");
        id = base;
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
        used.add(id);
        anchors.set(anchorAt, id);
      }
      point.anchor = id;
    }
    return point;
  });
  return { keyPoints, anchors };
}

/**
 * Runs the analysis once on a small text, so that a stage thread compiles compromise's lexicon
 * and the code paths before its first file's time budget starts, not during it.
 */
export function warmUp(): void {
  analyse({
    title: "Warm-up",
    body: "[00:00:01] Ada Lovelace wrote notes on the Analytical Engine in London. " +
      "The Royal Society published them.\n\n- A list item about engines.",
    wordCount: 22,
  });
}

/** Splits the body into sentence units, each knowing its block, section and time. */
function sentenceUnits(body: string) {
  const { blocks, headings, levels, code, identifiers } = readBody(body);
  const licensed = licenceSections(headings, levels);
  const starts: number[] = [];
  let text = "";
  for (const block of blocks) {
    // A licence a manual appends is read by nobody for the manual's subject: its sample names
    // ("Ty Coon") are no people, its terms ("invariant sections") no tags of the note.
    const licence = licensed.has(block.section);
    if (text !== "" && !licence) text += "\n\n";
    starts.push(text.length);
    if (!licence) text += breakLongRuns(hyphensAsDashes(block.text));
  }
  const language = readLanguage(text);
  const list: Unit[] = [];
  let lastBlock = -1;
  for (const sentence of language.sentences) {
    // The language pass reads on past a paragraph without a full stop: "you can use" and, after
    // a code block, "which will notice..." were one sentence without its code, which stands
    // nowhere. The lines of a list ("Joe Steffen - Creator of Cscope", "garp@digi.com - .cc
    // support") or paragraphs that each open with a capital were one sentence of thirty: each
    // is a unit of its own.
    const parts = blockParts(text, starts, sentence);
    // Nor does a sentence run on past a heading: "gitfaq - Frequently asked questions about
    // using Git", under NAME, had "gitfaq" of the SYNOPSIS below at its end.
    // Nor past a paragraph into one that opens with a name in code, which starts a sentence in
    // small letters: "Source code: Lib/dbm/__init__.py" and "dbm is a generic interface...".
    const entries = parts.length > 1 &&
      (parts.every((p) =>
        blocks[p.block].line || blocks[p.block].opensWithCode || /^[\p{Lu}\p{N}"“(]/u.test(p.text)
      ) ||
        parts.some((p) => blocks[p.block].section !== blocks[parts[0].block].section));
    const units = entries ? parts : [{ text: sentence.text.trim(), block: parts[0].block }];
    for (const unit of units) {
      const block = blocks[unit.block];
      const pieces = cut(unit.text);
      for (const piece of pieces) {
        const tokens = words(piece);
        list.push({
          ...(pieces.length > 1 ? { piece: true } : {}),
          ...(parts.length > 1 && !entries ? { runsOn: true } : {}),
          ...(sentence.verbless ? { verbless: true as const } : {}),
          ...(sentence.nonFinite ? { nonFinite: true as const } : {}),
          ...(sentence.infinitive ? { infinitive: true as const } : {}),
          ...(sentence.described ? { described: true as const } : {}),
          text: piece,
          block: unit.block,
          section: block.section,
          ...(block.startMs !== undefined ? { startMs: block.startMs } : {}),
          terms: terms(piece, tokens),
          words: tokens.length,
          leads: unit.block !== lastBlock,
        });
        lastBlock = unit.block;
      }
    }
  }
  return { list, language, text, blocks, headings, levels, code, identifiers };
}

/** A sentence's text in each block it spans (`starts`: where each block starts in `text`). */
function blockParts(
  text: string,
  starts: number[],
  sentence: { text: string; start: number },
): { text: string; block: number }[] {
  const first = Math.max(0, upperBound(starts, sentence.start) - 1);
  // Most sentences end well inside their block: the one-line text is never longer than the text.
  if (!(starts[first + 1] < sentence.start + sentence.text.length)) {
    return [{ text: sentence.text.trim(), block: first }];
  }
  const end = originalEnd(text, sentence.start, sentence.text);
  const parts: { text: string; block: number }[] = [];
  for (let at = first; at < starts.length; at++) {
    if (starts[at] >= end && parts.length > 0) break;
    const part = text.slice(
      Math.max(sentence.start, starts[at]),
      Math.min(end, starts[at + 1] ?? end),
    )
      .replace(/\s+/gu, " ").trim();
    if (part !== "") parts.push({ text: part, block: at });
  }
  return parts.length > 0 ? parts : [{ text: sentence.text.trim(), block: 0 }];
}

/**
 * Where in `text` a sentence that starts at `start` ends, given its text as the language pass
 * gives it, with its line breaks and the spaces around them made one space.
 */
function originalEnd(text: string, start: number, oneLine: string): number {
  let i = start;
  let j = 0;
  while (j < oneLine.length && i < text.length) {
    if (text[i] === oneLine[j]) {
      i++;
      j++;
    } else if (/\s/u.test(text[i])) i++;
    else if (/\s/u.test(oneLine[j])) j++;
    else break;
  }
  return i;
}

/** Words without a sentence end after which a run is broken for the language pass. */
const LONGEST_RUN = 100;
/** Characters of a "word" past which it is cut in pieces for the language pass. */
const LONGEST_WORD = 200;

/**
 * Words that never make a compound with a hyphen: "together-not as rivals", "Hammarskjold-or
 * Red China", "Baker-I have to get used to it" use the hyphen as a dash, as typed or converted
 * speech often does.
 */
const DASH_WORDS = "or|but|not|nor|yet|I|we|you|he|she|they|it's|which|who|whose|whom|this|" +
  "these|those|that's|there|here|when|where|while|if|because|though|although|unless";
/**
 * Words that do make compounds ("rock-and-roll", "up-to-date", "a-frame"), but in a text that
 * already uses hyphens as dashes stand beside one far more often ("sixties-and designed", "the
 * Congress-a program"). Whether the text does is judged without "in", "on" and "at": "built-in"
 * and "add-on" are common in manuals, and would make one "X-or" turn them into dashes.
 */
const DASH_TEXT_WORDS = "a|an|the|and|to|of|for|with|as|are|was|were|has|have|had";
const MORE_DASH_WORDS = `${DASH_TEXT_WORDS}|in|on|at|it|its|such|from|what`;
/** A text uses hyphens as dashes when this many stand beside a function word, one of them
 * beside a word that never makes a compound (Nixon's 1970 address: 1 and 14, of 25 hyphens). */
const DASH_TEXT = 4;

function hyphenAsDash(words: string): RegExp {
  const w = `(?:${words})`;
  return new RegExp(
    `(?<=(?<!-)\\b\\p{L}+)(?<!\\b${PARTICLE_COMPOUND})-(?=${w}\\b(?!-))|` +
      `(?<=(?<![\\p{L}-])${w})-(?=\\p{L}+\\b(?!-))`,
    "gu",
  );
}

/** Words that make a compound with "in" or "on" ("built-in", "check-in", "add-on"): no dash
 * stands after them. */
const PARTICLE_COMPOUND =
  "(?:built|check|log|sit|drive|break|walk|plug|lock|lead|phase|add|hands|head|carry|follow|" +
  "tie|bolt|clip|slip|roll|take|wrap|try|write|call|sign|turn|fill|opt)";
/**
 * In a text that writes dashes as hyphens, a hyphen between a word in lower case and a name
 * ("at war-Britain, Canada", "that-America's youth") or a name and a word in lower case
 * ("Kennedy to Reagan-rejected isolation"), prefixes aside ("anti-American", "Anti-war"), or
 * after a plural ("their neighbors-profits in money", "peoples-progress toward") is a dash too.
 */
const PREFIX = "anti|pro|non|mid|trans|post|pre|neo|pan|un|ex|inter|intra|sub|super|ultra|semi|" +
  "self|all|counter|cross|multi|pseudo|quasi|co|de|re|over|under|out|sino|euro|afro|indo";
/** The prefixes as a sentence opens with them: "Anti-war". */
const CAPITAL_PREFIX = PREFIX.split("|").map((p) => p[0].toUpperCase() + p.slice(1)).join("|");
const CASE_OR_PLURAL_DASH = new RegExp(
  `(?<=(?<![\\p{L}-])(?!(?:${PREFIX})-)\\p{Ll}{3,})-(?=\\p{Lu}\\p{Ll})|` +
    `(?<=(?<![\\p{L}-])(?!(?:${CAPITAL_PREFIX})-)\\p{Lu}\\p{Ll}{2,})-(?=\\p{Ll}{3,}\\b(?!-))|` +
    `(?<=(?<![\\p{L}-])\\p{Ll}{2,}[^\\Ws]s)-(?=\\p{Ll}{2,}\\b(?!-))`,
  "gu",
);
const HYPHEN_AS_DASH = hyphenAsDash(DASH_WORDS);
const DASH_TEXT_HYPHENS = hyphenAsDash(DASH_TEXT_WORDS);
const MORE_HYPHENS_AS_DASHES = hyphenAsDash(MORE_DASH_WORDS);

/** The text with a hyphen that stands for a dash written as one (same length, so offsets hold). */
export function hyphensAsDashes(text: string): string {
  if (!text.includes("-")) return text;
  const dashed = text.replace(HYPHEN_AS_DASH, "—");
  if (!dashesAsHyphens(text)) return dashed;
  // "Chiang Kai-shek": after a name, a part no dictionary has is the name's own.
  return dashed.replace(MORE_HYPHENS_AS_DASHES, "—").replace(
    CASE_OR_PLURAL_DASH,
    (dash, at: number, whole: string) => {
      const next = /^\p{Ll}+/u.exec(whole.slice(at + 1))?.[0];
      // "President-elect": a title to be, however a text writes its dashes.
      return next !== undefined && /\p{Lu}\p{Ll}*$/u.test(whole.slice(Math.max(0, at - 40), at)) &&
          (englishRank(next) === Infinity || /^(?:elect|designate)$/u.test(next))
        ? dash
        : "—";
    },
  );
}

/** Whether a text writes its dashes as hyphens: {@link DASH_TEXT} or more beside function words. */
function dashesAsHyphens(text: string): boolean {
  if (!text.includes("-")) return false;
  const sure = text.match(HYPHEN_AS_DASH)?.length ?? 0;
  const more = sure === 0 ? 0 : text.match(DASH_TEXT_HYPHENS)?.length ?? 0;
  return sure + more >= DASH_TEXT;
}

/**
 * Breaks runs of more than {@link LONGEST_RUN} words without a full stop with a line break:
 * compromise's time grows much faster than linearly with the length of a sentence (measured:
 * 10,000 unpunctuated words 2 s, 100,000 words 72 s), and no real sentence is that long.
 *
 * Words without a letter or digit ("&", "—") past {@link LONGEST_RUN} in a row are dropped:
 * compromise joins text without letters to the sentence around it whatever the breaks, so a
 * page of 500,000 "&nbsp;&amp;" was one sentence to it (measured: 40,000 "&" took 35 s).
 */
function breakLongRuns(text: string): string {
  if (text.length < LONGEST_RUN * 4) return text;
  let run = 0;
  let bare = 0;
  return text.replace(/(\S+)(\s*)/g, (_, whole: string, space: string) => {
    // wink's tokenizer takes time quadratic in a word's length (measured: one 40,000-letter word
    // 1 s, 160,000 letters 21 s); no real word, nor a URL, is longer than this.
    const word = whole.length > LONGEST_WORD
      ? whole.match(new RegExp(`[^]{1,${LONGEST_WORD}}`, "gu"))!.join(" ")
      : whole;
    bare = /[\p{L}\p{N}]/u.test(word) ? 0 : bare + 1;
    // With its whitespace: a letterless run followed by 100,000 spaces is as slow.
    if (bare > LONGEST_RUN) return "";
    run = /[.!?]["”’)]*$/.test(word) ? 0 : run + 1;
    if (run < LONGEST_RUN) return word + space;
    run = 0;
    return word + "\n\n" + space;
  });
}

/** Unpunctuated speech comes as one endless "sentence": cut it into readable pieces. */
function cut(sentence: string): string[] {
  const tokens = sentence.split(" ");
  if (tokens.length <= LONGEST_UNIT) return sentence === "" ? [] : [sentence];
  const pieces: string[] = [];
  const size = Math.ceil(tokens.length / Math.ceil(tokens.length / (LONGEST_UNIT / 2)));
  for (let i = 0; i < tokens.length; i += size) pieces.push(tokens.slice(i, i + size).join(" "));
  return pieces;
}

/**
 * A key point is one line: a long sentence is cut between words near 240 characters, never
 * inside a word (a word longer than that, a URL say, is kept whole).
 */
export function shorten(text: string): string {
  if (text.length <= 240) return text;
  let cutAt = text.lastIndexOf(" ", 240);
  if (cutAt <= 120) cutAt = text.indexOf(" ", 240);
  if (cutAt < 0) return text;
  return text.slice(0, cutAt).replace(/[\s,;:–—-]+$/u, "") + "…";
}

function withAnchors(body: string, anchors: Map<number, string>): string {
  if (anchors.size === 0) return body;
  let out = "";
  let from = 0;
  for (const at of [...anchors.keys()].sort((a, b) => a - b)) {
    out += body.slice(from, at) + ` ^${anchors.get(at)}`;
    from = at;
  }
  return out + body.slice(from);
}
