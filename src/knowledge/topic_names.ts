/**
 * @module
 * Names for topic maps: the phrases that set a topic's notes apart from the rest of the vault
 * (class-based TF-IDF over the notes' keyphrases and tags: a phrase many of the topic's notes
 * carry and few others do), two or three words preferred, never one everyday English word
 * ("File", "Time", "World") on its own. A topic that is one folder's notes is named after the
 * folder, which is what its owner called it.
 */
import { englishRank, GENERIC_RANK, specificity } from "../analyse/commonness.ts";
import { folderTitle } from "../pipeline/readable_name.ts";
import { phraseKey, tagPhrase } from "./similarity.ts";
import type { Topic } from "./topics.ts";

export interface PhraseNote {
  key: string;
  keyphrases: string[];
  tags: string[];
  /** The people, organisations and places it names, as written. */
  names?: string[];
}

export interface NamedTopic extends Topic {
  /** The map's name. */
  name: string;
  /** The phrases that best describe it, best first (at most three). */
  phrases: string[];
}

/** Least share of a topic's notes that carry a phrase naming it. */
const COVER = 0.25;

/**
 * Names each topic, unique among them and never one of `reserved` (compared case-blind).
 * `notes` are every note of the vault, so that a phrase common to all is worth nothing.
 */
export function nameTopics(
  topics: Topic[],
  notes: PhraseNote[],
  reserved: string[] = [],
): { named: NamedTopic[]; unnamed: Topic[] } {
  const phrasesOf = new Map(notes.map((n) => [n.key, notePhrases(n)]));
  const namesOf = new Map(notes.map((n) => [n.key, n.names ?? []]));
  const df = new Map<string, number>();
  for (const phrases of phrasesOf.values()) {
    for (const key of phrases.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  const named: NamedTopic[] = [];
  const unnamed: Topic[] = [];
  for (const topic of topics) {
    const ranked = rankPhrases(topic, phrasesOf, df, notes.length);
    const phrases = distinct(ranked).slice(0, 3).map((p) => spelledAsNamed(p, topic, namesOf));
    const candidates = [
      ...(topic.folder ? [spelledAsNotes(folderTitle(topic.folder.split("/")), topic)] : []),
      ...phrases.map(cap),
      ...(phrases.length >= 2 ? [`${cap(phrases[0])} and ${phrases[1]}`] : []),
    ].filter((c) => c !== "" && !isGenericWord(c));
    // Notes that share no subject a phrase can name, and no folder, are no topic: a map named
    // after nothing its notes have in common is the catch-all map a person would not make.
    if (candidates.length === 0) {
      unnamed.push(topic);
      continue;
    }
    let name = candidates.find((c) => !taken.has(c.toLowerCase()));
    for (let k = 2; name === undefined; k++) {
      const next = `${candidates[0]} (${k})`;
      if (!taken.has(next.toLowerCase())) name = next;
    }
    taken.add(name.toLowerCase());
    named.push({ ...topic, name, phrases });
  }
  return { named, unnamed };
}

/**
 * A folder's name with each word spelled as the topic's note names spell it: the folder
 * "sqlite" holds "Atomic Commit In SQLite", so the map is "SQLite".
 */
function spelledAsNotes(name: string, topic: Topic): string {
  const spellings = new Map<string, Map<string, number>>();
  for (const key of topic.members) {
    const base = key.slice(key.lastIndexOf("/") + 1).replace(/\.md$/, "");
    for (const word of base.split(/[\s,;:()–-]+/u)) {
      if (!/\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}/u.test(word)) continue; // only capitals of its own
      const lower = word.toLowerCase();
      let counts = spellings.get(lower);
      if (!counts) spellings.set(lower, counts = new Map());
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return name.split(" ").map((word) => {
    const counts = spellings.get(word.toLowerCase());
    return counts ? mostCommon([...counts].flatMap(([w, n]) => Array(n).fill(w))) : word;
  }).join(" ");
}

/**
 * A name with the words of a proper name spelled as the notes write that name: the phrase
 * "united nations" is the map "United Nations", "Soviet Union and arms control" keeps its capitals.
 */
function spelledAsNamed(name: string, topic: Topic, namesOf: Map<string, string[]>): string {
  const words = name.split(" ");
  const lower = words.map((w) => w.toLowerCase());
  for (const key of topic.members) {
    for (const named of namesOf.get(key) ?? []) {
      const parts = named.split(" ");
      // A name that is an everyday word ("Hope") would capitalise the word.
      if (parts.length === 1 && englishRank(named.toLowerCase()) <= GENERIC_RANK) continue;
      const low = parts.map((w) => w.toLowerCase());
      for (let at = 0; at + low.length <= lower.length; at++) {
        if (low.every((w, k) => lower[at + k] === w)) words.splice(at, parts.length, ...parts);
      }
    }
  }
  return words.join(" ");
}

/** A single word English uses every day: no name for a topic. */
export function isGenericWord(name: string): boolean {
  const words = name.toLowerCase().split(/[\s-]+/u).filter((w) => w !== "");
  return words.length === 1 && englishRank(words[0]) <= GENERIC_RANK;
}

/** A note's phrases by stem key, each with how the note spells it. */
function notePhrases(note: PhraseNote): Map<string, string> {
  const out = new Map<string, string>();
  for (const phrase of [...note.keyphrases, ...note.tags.map(tagPhrase)]) {
    const text = phrase.replace(/\s+/gu, " ").trim();
    const key = phraseKey(text);
    if (key !== "" && !out.has(key)) out.set(key, text);
  }
  // The words of its phrases too: "python lists" and "python version" are both about Python.
  for (const text of [...out.values()]) {
    for (const word of text.split(/\s+/u)) {
      const key = phraseKey(word);
      if (key !== "" && !out.has(key) && !isGenericWord(word)) out.set(key, word);
    }
  }
  return out;
}

/** The topic's phrases by class-based TF-IDF, best first, each as most of its notes spell it. */
function rankPhrases(
  topic: Topic,
  phrasesOf: Map<string, Map<string, string>>,
  df: Map<string, number>,
  total: number,
): string[] {
  const inTopic = new Map<string, string[]>();
  for (const key of topic.members) {
    for (const [phrase, text] of phrasesOf.get(key) ?? []) {
      let list = inTopic.get(phrase);
      if (!list) inTopic.set(phrase, list = []);
      list.push(text);
    }
  }
  const size = topic.members.length;
  const scored: { text: string; score: number }[] = [];
  for (const [phrase, spellings] of inTopic) {
    // A name speaks for the topic: a phrase of one note only speaks for that note, and one of
    // three notes in sixteen for those three.
    if (size >= 2 && spellings.length < Math.max(2, COVER * size)) continue;
    const words = phrase.split(" ");
    const text = mostCommon(spellings);
    if (words.length === 1 && isGenericWord(text)) continue;
    const length = words.length === 1 ? 0.8 : words.length <= 3 ? 1.2 : 0.7;
    const specific = Math.max(...text.toLowerCase().split(/[\s-]+/u).map(specificity));
    const score = (spellings.length / size) * Math.log(1 + total / df.get(phrase)!) * length *
      (0.3 + 0.7 * specific);
    scored.push({ text, score });
  }
  return scored.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1)).map((s) => s.text);
}

/** Phrases that do not repeat one another's words ("merge" after "faulty merge" adds nothing). */
function distinct(phrases: string[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const stems = phraseKey(phrase).split(" ");
    if (stems.every((s) => seen.has(s))) continue;
    kept.push(phrase);
    for (const s of stems) seen.add(s);
  }
  return kept;
}

function mostCommon(spellings: string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
