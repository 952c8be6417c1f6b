/**
 * @module
 * The step after a batch: related notes and Maps of Content, from what the job store holds.
 * A note is written again only when its related notes changed because notes it lists (or now
 * should list) changed, never through the vault's weights alone; a map only when its text did.
 */
import { sha256Hex } from "../fs/sha256.ts";
import type { JobStore, LinkedNote } from "../store/job_store.ts";
import { renderNote } from "../vault/render_note.ts";
import { targetsInStore } from "../vault/source_links.ts";
import { noteExists, type VaultWriter } from "../vault/vault_writer.ts";
import type { LinkSource } from "./plan_links.ts";

export interface Linked {
  notes: number;
  relinked: number;
  topics: number;
  mapsWritten: number;
}

/** What a note's related notes are found from, as a hash: when it changes, the note changed. */
export function linkInputs(note: LinkSource): string {
  return sha256Hex(JSON.stringify([note.path, note.terms, note.keyphrases, note.tags]));
}

export async function linkVault(store: JobStore, vault: VaultWriter): Promise<Linked> {
  // Only notes that are on disk: a link to one the user deleted would dangle.
  const notes: LinkedNote[] = [];
  for (const note of store.linkedNotes()) {
    if (await noteExists(vault.vaultDir, note.path)) notes.push(note);
  }
  const before = store.linkInputs();
  const inputs = new Map(notes.map((n) => [n.fileId, linkInputs(n)]));
  const changed = new Set(
    notes.filter((n) => before.get(n.fileId) !== inputs.get(n.fileId)).map((n) => n.path),
  );
  // Loaded here, not with main: see plan_links.ts.
  const { planLinks } = await import("./plan_links.ts");
  const plan = planLinks(notes, {
    related: new Map(notes.map((n) => [n.path, n.related])),
    changed,
  });

  let relinked = 0;
  const findTarget = targetsInStore(store);
  const titles = new Map(notes.map((n) => [n.path, n.title]));
  for (const note of notes) {
    const links = plan.related.get(note.fileId)!;
    // A note that links to other inputs is rendered again too: their notes may have been
    // written (or renamed) after it; and so is one that lists a changed note, whose title the
    // link shows.
    if (
      sameList(links, note.related) && !note.hasLinks && !links.some((l) => changed.has(l))
    ) continue;
    const content = renderNote(store.draftOf(note.fileId), {
      source: note.source,
      related: links,
      findTarget,
      titleOf: (path) => titles.get(path),
    });
    if (sha256Hex(content) !== note.contentHash) {
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

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
