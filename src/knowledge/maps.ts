/**
 * @module
 * The Maps of Content as text: `Home.md` linking every map, one map per topic with a line of
 * context for each note, "Other notes" for notes in no topic, and "People" listing who is
 * mentioned where. Pure: notes and topics in, the generated part of each map out; the vault
 * writer merges it into the file around whatever the user wrote.
 */
import { leansBack } from "../analyse/sentences.ts";
import { escapeMarkdown } from "../markdown/transcript.ts";
import { nameKey, sanitizeNoteName, suffixedName, wikilink } from "../markdown/note_name.ts";
import type { MapFile } from "../vault/vault_writer.ts";
import { HOME_NOTE, MAPS_DIR } from "../vault/layout.ts";
import type { Topics } from "./topics.ts";
import { topicName } from "./topics.ts";

const PEOPLE = "People";
const OTHER = "Other notes";

export interface MapNote {
  id: number;
  /** Vault path of the note. */
  path: string;
  /** First sentence of its summary. */
  context: string;
  people: string[];
}

export function buildMaps(notes: MapNote[], topics: Topics): MapFile[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const list = (ids: number[]) =>
    ids.map((id) => byId.get(id)!).map((n) =>
      `- ${wikilink(n.path)}${n.context ? `: ${escapeMarkdown(n.context)}` : ""}`
    ).join("\n");

  const taken = new Set([nameKey(PEOPLE), nameKey(OTHER), nameKey("Home")]);
  const maps: MapFile[] = [];
  const home: string[] = [];
  for (const topic of topics.topics) {
    const title = uniqueName(sanitizeNoteName(topicName(topic.tag)), taken);
    const path = `${MAPS_DIR}/${title}.md`;
    maps.push({
      path,
      title,
      generated: `Notes tagged #${topic.tag}:\n\n${list(topic.members)}`,
    });
    home.push(`- ${wikilink(path)} (${count(topic.members.length, "note")})`);
  }
  if (topics.other.length > 0) {
    const path = `${MAPS_DIR}/${OTHER}.md`;
    maps.push({ path, title: OTHER, generated: `Notes in no topic yet:\n\n${list(topics.other)}` });
    home.push(`- ${wikilink(path)} (${count(topics.other.length, "note")})`);
  }

  const people = peopleIndex(notes);
  const peoplePath = `${MAPS_DIR}/${PEOPLE}.md`;
  if (people.length > 0) {
    maps.push({
      path: peoplePath,
      title: PEOPLE,
      generated: people.map(({ name, paths }) =>
        `- **${escapeMarkdown(name)}**: ${paths.map(wikilink).join(", ")}`
      ).join("\n"),
    });
  }

  const homeText = [
    "## Topics",
    home.length > 0 ? home.join("\n") : "_No notes yet._",
    ...(people.length > 0
      ? ["## People", `- ${wikilink(peoplePath)} (${count(people.length, "person", "people")})`]
      : []),
  ].join("\n\n");
  maps.unshift({ path: HOME_NOTE, title: "Home", generated: homeText });
  return maps;
}

/** Each person and the notes that mention them, in name order. */
function peopleIndex(notes: MapNote[]): { name: string; paths: string[] }[] {
  const byKey = new Map<string, { name: string; paths: string[] }>();
  for (const note of notes) {
    for (const name of note.people) {
      const key = name.toLowerCase();
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, entry = { name, paths: [] });
      entry.paths.push(note.path);
    }
  }
  return [...byKey].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/** A sentence's end: not after a title ("Dr."), an initial ("J.") or "e.g.". */
const SENTENCE_END =
  /(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Mt|vs|etc|e\.g|i\.e|Inc|Ltd|No|\p{Lu}))[.!?]["”’)]?\s/u;

/** The first sentence of a summary, at most about 160 characters. */
export function contextLine(summary: string[]): string {
  const sentences = summary.flatMap(splitSentences);
  // The first sentence that says something on its own: not "You'll need to know how they work".
  const sentence =
    sentences.find((s) =>
      s.split(" ").length >= 6 && !leansBack(s) && !/\b(?:they|it|this)\b/iu.test(s)
    ) ?? sentences[0] ?? "";
  if (sentence.length <= 160) return sentence;
  const cut = sentence.lastIndexOf(" ", 160);
  return sentence.slice(0, cut > 80 ? cut : 160).trimEnd() + "…";
}

/** The sentences of a summary paragraph, in order. */
function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let rest = paragraph.trim();
  while (rest !== "") {
    const end = SENTENCE_END.exec(rest);
    const cut = end ? end.index + end[0].trimEnd().length : rest.length;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  return out;
}

function uniqueName(base: string, taken: Set<string>): string {
  for (let n = 1;; n++) {
    const name = suffixedName(base, n);
    if (!taken.has(nameKey(name))) {
      taken.add(nameKey(name));
      return name;
    }
  }
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
