/**
 * @module
 * What the step after a batch (and a merge of shard vaults) links: each note's related notes and
 * the Maps of Content, planned from the notes' terms, phrases, places and summaries. Pure, and
 * loaded only when a batch links: the similarity graph, Louvain and the word list it reads cost
 * main about 0.2 s and 30 MB it does not need to start.
 */
import type { LinkedNote } from "../store/job_store.ts";
import type { MapFile } from "../vault/vault_writer.ts";
import { buildMaps, contextLine, RESERVED_MAPS } from "./maps.ts";
import { RELATED_DEFAULTS, relatedNotes, stableRelated } from "./related.ts";
import { similarityGraph } from "./similarity.ts";
import { nameTopics } from "./topic_names.ts";
import { clusterTopics } from "./topics.ts";

/**
 * What links are made from: a note's place and source, its terms, phrases, people, summary, and
 * the other inputs its text links to.
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
  >
  & Partial<Pick<LinkedNote, "linksTo">>;

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
  const graph = similarityGraph(notes.map((n) => ({
    key: n.path,
    terms: n.terms,
    keyphrases: n.keyphrases,
  })));
  const fresh = relatedNotes(graph, RELATED_DEFAULTS, linkedPairs(notes));
  const lists = previous ? stableRelated(fresh, previous.related, previous.changed) : fresh;
  const related = new Map(notes.map((n) => [n.fileId, lists.get(n.path) ?? []]));

  const folderOf = new Map(notes.map((n) => [n.path, folderOfSource(n.source)]));
  const clustered = clusterTopics(graph, (path) => folderOf.get(path)!);
  const { named: topics, unnamed } = nameTopics(
    clustered.topics,
    notes.map((n) => ({
      key: n.path,
      keyphrases: n.keyphrases,
      tags: n.tags,
      names: [...n.people, ...n.names],
      folder: folderOf.get(n.path)!,
      summary: n.summary.join(" "),
    })),
    RESERVED_MAPS,
  );
  const maps = buildMaps(
    notes.map((n) => ({
      path: n.path,
      title: n.title,
      context: contextLine(n.summary),
      people: n.people,
    })),
    topics,
    [...clustered.alone, ...unnamed.flatMap((t) => t.members)],
  );
  return { related, topics: topics.length, maps };
}

/** Each note (by vault path) and the notes its text links to or is linked from. */
function linkedPairs(notes: LinkSource[]): Map<string, Set<string>> {
  const pathOf = new Map(notes.map((n) => [n.source, n.path]));
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set<string>()).add(b));
  for (const note of notes) {
    for (const source of note.linksTo ?? []) {
      const target = pathOf.get(source);
      if (target === undefined || target === note.path) continue;
      add(note.path, target);
      add(target, note.path);
    }
  }
  return out;
}

/** The folder of an input's path relative to its job's folder, "" at the top. */
function folderOfSource(source: string): string {
  const cut = source.lastIndexOf("/");
  return cut < 0 ? "" : source.slice(0, cut);
}
