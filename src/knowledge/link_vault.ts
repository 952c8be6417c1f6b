/**
 * @module
 * The step after a batch: related notes and Maps of Content, from what the job store holds.
 * A note is written again only when its related notes changed because notes it lists (or now
 * should list) changed, never through the vault's weights alone; a map only when its text did.
 */
import { createHash } from "node:crypto";
import type { JobStore, LinkedNote } from "../store/job_store.ts";
import { renderNote } from "../vault/render_note.ts";
import { targetsInStore } from "../vault/source_links.ts";
import { noteExists, type VaultWriter } from "../vault/vault_writer.ts";
import { buildMaps, contextLine, type MapFile, RESERVED_MAPS } from "./maps.ts";
import { relatedNotes, stableRelated } from "./related.ts";
import { similarityGraph } from "./similarity.ts";
import { nameTopics } from "./topic_names.ts";
import { clusterTopics } from "./topics.ts";

export interface Linked {
  notes: number;
  relinked: number;
  topics: number;
  mapsWritten: number;
}

/** What links are made from: a note's place and source, its terms, phrases, people, summary. */
export type LinkSource = Pick<
  LinkedNote,
  "fileId" | "path" | "source" | "terms" | "keyphrases" | "tags" | "people" | "summary"
>;

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
    tags: n.tags,
  })));
  const fresh = relatedNotes(graph);
  const lists = previous ? stableRelated(fresh, previous.related, previous.changed) : fresh;
  const related = new Map(notes.map((n) => [n.fileId, lists.get(n.path) ?? []]));

  const folderOf = new Map(notes.map((n) => [n.path, folderOfSource(n.source)]));
  const clustered = clusterTopics(graph, (path) => folderOf.get(path)!);
  const { named: topics, unnamed } = nameTopics(
    clustered.topics,
    notes.map((n) => ({ key: n.path, keyphrases: n.keyphrases, tags: n.tags })),
    RESERVED_MAPS,
  );
  const maps = buildMaps(
    notes.map((n) => ({ path: n.path, context: contextLine(n.summary), people: n.people })),
    topics,
    [...clustered.alone, ...unnamed.flatMap((t) => t.members)],
  );
  return { related, topics: topics.length, maps };
}

/** What a note's related notes are found from, as a hash: when it changes, the note changed. */
export function linkInputs(note: LinkSource): string {
  return createHash("sha256")
    .update(JSON.stringify([note.path, note.terms, note.keyphrases, note.tags]))
    .digest("hex");
}

export async function linkVault(store: JobStore, vault: VaultWriter): Promise<Linked> {
  // Only notes that are on disk: a link to one the user deleted would dangle.
  const notes: LinkedNote[] = [];
  for (const note of store.linkedNotes()) {
    if (await noteExists(vault.vaultDir, note.path)) notes.push(note);
  }
  const before = store.linkInputs();
  const inputs = new Map(notes.map((n) => [n.fileId, linkInputs(n)]));
  const plan = planLinks(notes, {
    related: new Map(notes.map((n) => [n.path, n.related])),
    changed: new Set(
      notes.filter((n) => before.get(n.fileId) !== inputs.get(n.fileId))
        .map((n) => n.path),
    ),
  });

  let relinked = 0;
  const findTarget = targetsInStore(store);
  for (const note of notes) {
    const links = plan.related.get(note.fileId)!;
    // A note that links to other inputs is rendered again too: their notes may have been
    // written (or renamed) after it.
    if (sameList(links, note.related) && !note.hasLinks) continue;
    const content = renderNote(store.draftOf(note.fileId), {
      source: note.source,
      related: links,
      findTarget,
    });
    if (sha256(content) !== note.contentHash) {
      await vault.relink(note.fileId, note.path, content, links);
      relinked++;
    }
  }
  // Recorded after the notes are written: a crash before leaves them counted as changed, and
  // the next run finds their lists afresh, as an uninterrupted run would have.
  store.saveLinkInputs(new Map([...inputs].filter(([id, hash]) => before.get(id) !== hash)));

  const mapsWritten = await vault.writeMaps(plan.maps);
  return { notes: notes.length, relinked, topics: plan.topics, mapsWritten };
}

/** The folder of an input's path relative to its job's folder, "" at the top. */
function folderOfSource(source: string): string {
  const cut = source.lastIndexOf("/");
  return cut < 0 ? "" : source.slice(0, cut);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
