/**
 * @module
 * What the step after a batch (and a merge of shard vaults) links: each note's related notes and
 * the Maps of Content, planned from the notes' terms, phrases, places and summaries. Pure, and
 * loaded only when a batch links: the similarity graph, Louvain and the word list it reads cost
 * main about 0.2 s and 30 MB it does not need to start.
 */
import { sha256Hex } from "../fs/sha256.ts";
import { withoutOwner } from "../pipeline/readable_name.ts";
import type { LinkedNote } from "../store/job_store.ts";
import type { MapFile } from "../vault/vault_writer.ts";
import { buildMaps, contextLine, RESERVED_MAPS } from "./maps.ts";
import { RELATED_DEFAULTS, relatedNotes, stableRelated } from "./related.ts";
import { similarityGraph } from "./similarity.ts";
import {
  byOwnPhrases,
  type NamedTopic,
  nameTopics,
  sharedPhraseParts,
  withoutStrangers,
} from "./topic_names.ts";
import { clusterTopics, joinRelated, leastMembers, relatedParts, topicLimit } from "./topics.ts";

/**
 * What links are made from: a note's place and source, its terms, phrases, people, summary, key
 * points (a map's line may be one), and the other inputs its text links to.
 */
export type LinkSource =
  & Pick<
    LinkedNote,
    | "fileId"
    | "path"
    | "title"
    | "source"
    | "terms"
    | "keyphrases"
    | "tags"
    | "people"
    | "names"
    | "summary"
    | "keyPoints"
  >
  & Partial<Pick<LinkedNote, "linksTo" | "sourceHash">>;

/** Each note's related notes (vault paths, by file id) and the Maps of Content. */
export interface LinkPlan {
  related: Map<number, string[]>;
  topics: number;
  maps: MapFile[];
}

/** The lists notes link to now (by vault path), and the notes changed since they were made. */
export interface PreviousLinks {
  related: Map<string, string[]>;
  changed: Set<string>;
}

/**
 * The related notes and maps of a set of notes: what the step after a batch writes, and what a
 * merge of shard vaults writes for all their notes together. The result depends on the notes,
 * not on their order; with `previous`, unchanged notes keep their lists where they can.
 */
export function planLinks(notes: LinkSource[], previous?: PreviousLinks): LinkPlan {
  // Inputs that say the same (Debian ships one upstream README in several packages) would be two
  // notes saying the same thing in every map and twice in People: the first in rank order stands
  // for them all, and it and its copies list each other as related.
  const { firsts, copies } = sameContent(notes);
  const graph = similarityGraph(firsts.map((n) => ({
    key: n.path,
    terms: n.terms,
    keyphrases: n.keyphrases,
  })));
  const fresh = relatedNotes(graph, RELATED_DEFAULTS, linkedPairs(notes, copies));
  for (const [first, same] of copies) {
    fresh.set(first, [...same, ...fresh.get(first)!]);
    for (const copy of same) fresh.set(copy, [first]);
  }
  const lists = previous ? stableRelated(fresh, previous.related, previous.changed) : fresh;
  const related = new Map(notes.map((n) => [n.fileId, lists.get(n.path) ?? []]));

  const folderOf = new Map(firsts.map((n) => [n.path, folderOfSource(n.source)]));
  const sourceOf = new Map(notes.map((n) => [n.path, n.source]));
  const clustered = clusterTopics(graph, (path) => folderOf.get(path)!);
  const phraseNotes = firsts.map((n) => ({
    key: n.path,
    keyphrases: n.keyphrases,
    tags: n.tags,
    names: [...n.people, ...n.names],
    bodies: n.names,
    folder: folderOf.get(n.path)!,
    summary: [...n.summary, ...n.keyPoints].join(" "),
    sources: [n.source, ...(copies.get(n.path) ?? []).map((path) => sourceOf.get(path)!)],
    title: n.title,
  }));
  const first = nameTopics(clustered.topics, phraseNotes, RESERVED_MAPS);
  // A group no phrase names may be subjects Louvain ran together: its parts are named apart.
  const { parts, rest } = relatedParts(graph, first.unnamed.map((t) => t.members));
  const second = nameTopics(parts, phraseNotes, [
    ...RESERVED_MAPS,
    ...first.named.map((t) => t.name),
  ], first.named);
  const named = withoutStrangers(
    [...joined(first.named, second.joins), ...second.named],
    phraseNotes,
  );
  const strangers = new Set(named.strangers);
  // Notes still in no topic that share a phrase may be a subject all the same.
  const least = leastMembers(firsts.length);
  const shared = sharedPhraseParts(
    [
      ...clustered.alone,
      ...rest,
      ...second.unnamed.flatMap((t) => t.members),
      ...named.strangers,
    ].sort(),
    phraseNotes,
    least,
    topicLimit(firsts.length) - named.topics.length,
  );
  const third = nameTopics(shared.parts, phraseNotes, [
    ...RESERVED_MAPS,
    ...named.topics.map((t) => t.name),
  ], named.topics);
  const topics = byOwnPhrases(
    [...joined(named.topics, third.joins), ...third.named],
    phraseNotes,
    least,
  );
  // A stranger to the map Louvain gave it is not drawn back to it by the same faint likeness.
  const left = [...shared.rest, ...third.unnamed.flatMap((t) => t.members)].sort();
  // A stretch of years takes no note from outside it: its name would no longer hold.
  const placed = joinRelated(
    graph,
    topics.filter((t) => !t.years),
    left.filter((key) => !strangers.has(key)),
    (path) => folderOf.get(path)!,
  );
  placed.topics.push(...topics.filter((t) => t.years));
  const alone = [...placed.alone, ...left.filter((key) => strangers.has(key))].sort();
  const maps = buildMaps(
    firsts.map((n) => ({
      path: n.path,
      title: n.title,
      context: contextLine(n.summary, n.title),
      people: n.people,
      summary: n.summary,
      keyPoints: n.keyPoints,
      folder: folderOf.get(n.path)!,
    })),
    placed.topics,
    alone,
  );
  return { related, topics: topics.length, maps };
}

/** The topics with the members of each topic that `joins` one of them. */
function joined(
  topics: NamedTopic[],
  joins: { into: string; members: string[] }[],
): NamedTopic[] {
  return topics.map((t) => {
    const more = joins.filter((j) => j.into === t.name).flatMap((j) => j.members);
    return more.length === 0 ? t : { ...t, members: [...t.members, ...more].sort() };
  });
}

/**
 * The notes of distinct content, and for each that has copies (by vault path) the paths of the
 * notes of inputs that say the same, in rank order: byte-identical, or read to the same title,
 * summary, key points and words. mdBook writes a book's first chapter twice, as `index.html` and
 * under its own name, the two told apart only by their menus ("The Rustonomicon" and "(2)"; the
 * Embedded Rust Book's "Introduction" and "intro – Introduction", one titled by its folder). The
 * Unstable Book's 110 stubs ("This feature is internal to the Rust compiler...") differ only in
 * their titles, the features they are of, and stay apart. Notes without a hash or a summary are
 * distinct from all others.
 */
function sameContent(notes: LinkSource[]) {
  const byRank = [...notes].sort((a, b) => a.fileId - b.fileId);
  const first = new Map<string, string>();
  const firsts: LinkSource[] = [];
  const copies = new Map<string, string[]>();
  for (const note of byRank) {
    const keys = [
      ...note.sourceHash === undefined ? [] : [`bytes:${note.sourceHash}`],
      ...note.summary.length === 0 ? [] : [
        `text:${
          sha256Hex(
            JSON.stringify([withoutOwner(note.title), note.summary, note.keyPoints, note.terms]),
          )
        }`,
      ],
    ];
    const standsFor = keys.map((key) => first.get(key)).find((path) => path !== undefined);
    if (standsFor === undefined) {
      for (const key of keys) first.set(key, note.path);
      firsts.push(note);
    } else {
      copies.set(standsFor, [...copies.get(standsFor) ?? [], note.path]);
    }
  }
  return { firsts, copies };
}

/**
 * Each note (by vault path) and the notes its text links to or is linked from; a copy of another
 * input's content links as the note that stands for it.
 */
function linkedPairs(
  notes: LinkSource[],
  copies: ReadonlyMap<string, string[]>,
): Map<string, Set<string>> {
  const firstOf = new Map([...copies].flatMap(([first, same]) => same.map((c) => [c, first])));
  const standing = (path: string) => firstOf.get(path) ?? path;
  const pathOf = new Map(notes.map((n) => [n.source, standing(n.path)]));
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set<string>()).add(b));
  for (const note of notes) {
    const from = standing(note.path);
    for (const source of note.linksTo ?? []) {
      const target = pathOf.get(source);
      if (target === undefined || target === from) continue;
      add(from, target);
      add(target, from);
    }
  }
  return out;
}

/**
 * The folder of an input's path relative to its job's folder, "" at the top. A folder for what
 * has no folder ("misc", "other", "unsorted"...) holds no topic: its notes are grouped by what
 * they say, as the top's are, and no map is named after it.
 */
function folderOfSource(source: string): string {
  const parts = source.split("/").slice(0, -1);
  const at = parts.findIndex((part) => CATCH_ALL.test(part));
  return (at < 0 ? parts : parts.slice(0, at)).join("/");
}

const CATCH_ALL =
  /^(?:misc|miscellan(?:y|ea|eous)|others?|various|unsorted|uncategori[sz]ed|to[ _-]?sort|inbox|stuff|temp|tmp|new folder|untitled folder)$/iu;
