/**
 * @module
 * The step after a batch: related notes and Maps of Content, from what the job store holds.
 * A note is written again only when its related notes changed, a map only when its text did.
 */
import { sha256Hex } from "../fs/sha256.ts";
import type { JobStore, LinkedNote } from "../store/job_store.ts";
import { renderNote } from "../vault/render_note.ts";
import { targetsInStore } from "../vault/source_links.ts";
import { type MapFile, noteExists, type VaultWriter } from "../vault/vault_writer.ts";
import { buildMaps, contextLine } from "./maps.ts";
import { relatedDocs } from "./related.ts";
import { clusterTopics } from "./topics.ts";

export interface Linked {
  notes: number;
  relinked: number;
  topics: number;
  mapsWritten: number;
}

/** What links are made from: a note's place, its terms, tags, people and summary's lead. */
export type LinkSource = Pick<LinkedNote, "fileId" | "path" | "terms" | "tags" | "people" | "lead">;

/** Each note's related notes (vault paths, by file id) and the Maps of Content. */
export interface LinkPlan {
  related: Map<number, string[]>;
  topics: number;
  maps: MapFile[];
}

/**
 * The related notes and maps of a set of notes, given in file order: what the step after a batch
 * writes, and what a merge of shard vaults writes for all their notes together.
 */
export function planLinks(notes: LinkSource[]): LinkPlan {
  const pathOf = new Map(notes.map((n) => [n.fileId, n.path]));
  const ids = relatedDocs(notes.map((n) => ({ id: n.fileId, terms: n.terms })));
  const related = new Map(
    notes.map((n) => [n.fileId, (ids.get(n.fileId) ?? []).map((id) => pathOf.get(id)!)]),
  );
  const topics = clusterTopics(notes.map((n) => ({ id: n.fileId, tags: n.tags })));
  const maps = buildMaps(
    notes.map((n) => ({
      id: n.fileId,
      path: n.path,
      context: contextLine([n.lead]),
      people: n.people,
    })),
    topics,
  );
  return { related, topics: topics.topics.length, maps };
}

export async function linkVault(store: JobStore, vault: VaultWriter): Promise<Linked> {
  // Only notes that are on disk: a link to one the user deleted would dangle.
  const notes: LinkedNote[] = [];
  for (const note of store.linkedNotes()) {
    if (await noteExists(vault.vaultDir, note.path)) notes.push(note);
  }
  const plan = planLinks(notes);

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
    if (sha256Hex(content) !== note.contentHash) {
      await vault.relink(note.fileId, note.path, content, links);
      relinked++;
    }
  }

  const mapsWritten = await vault.writeMaps(plan.maps);
  return { notes: notes.length, relinked, topics: plan.topics, mapsWritten };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
