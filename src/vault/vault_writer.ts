/**
 * @module
 * The vault writer: the only code that writes notes and maps (a merge too writes through it). It
 * turns a draft into a note file, picks its name and commits the file's checkpoint right after
 * the note is durable.
 *
 * Names are a function of the inputs, not of the order in which workers finish: when titles
 * collide, the file discovered first (lowest file id) gets the bare name and the others
 * `Name (2)`, `Name (3)`... If a lower-ranked file arrives after a higher one already took the
 * name, the others move up; those renames are announced in the store first (vault_intents)
 * and replayed at the next start if a crash cuts them short.
 */
import { errorMessage, NoteContentError } from "../common/errors.ts";
import { sha256Hex } from "../fs/sha256.ts";
import { NOTES_DIR } from "./layout.ts";
import { dirname, join } from "node:path";
import type { NoteDraft } from "../protocol/messages.ts";
import type { FileRow, JobStore, NoteRow } from "../store/job_store.ts";
import { sweepTempFiles, syncDir, writeFileAtomic } from "./atomic_write.ts";
import { beforeTornPart, mergeGenerated, onlyGenerated } from "./generated_part.ts";
import { nameKey, sanitizeNoteName } from "../markdown/note_name.ts";
import { parseFrontmatter } from "../markdown/frontmatter.ts";
import { nameInRankOrder } from "./collision_names.ts";
import { renderNote } from "./render_note.ts";
import { targetsInStore } from "./source_links.ts";
import { exists, ignoreMissing, readBytesIfExists, readIfExists } from "../fs/maybe_missing.ts";
import { readRegularFile } from "../fs/open_regular.ts";

/** Damage {@link VaultWriter.prepare} found and what it did about it. */
export interface Repair {
  /** The damaged file, relative to the vault. */
  path: string;
  problem: string;
  action: string;
}

/**
 * One Map of Content as the knowledge step builds it: where it goes, its heading when the file is
 * new, and its generated part.
 */
export interface MapFile {
  path: string;
  title: string;
  generated: string;
}

export interface CommitInput {
  file: FileRow;
  attemptId: number;
  draft: NoteDraft;
  optionsHash: string;
}

/**
 * Times the steps of a commit: the durable note write and the checkpoint. The benchmark passes
 * one that measures; the product's runs {@link untimed}.
 */
export interface Stopwatch {
  time<T>(step: "note_write" | "checkpoint", work: () => T): T;
}

/** A stopwatch that only runs the work. */
export const untimed: Stopwatch = { time: (_step, work) => work() };

export class VaultWriter {
  readonly vaultDir: string;
  readonly #store: JobStore;
  readonly #stopwatch: Stopwatch;

  constructor(vaultDir: string, store: JobStore, stopwatch: Stopwatch = untimed) {
    this.vaultDir = vaultDir;
    this.#store = store;
    this.#stopwatch = stopwatch;
  }

  /**
   * Makes the notes folder, finishes renames a crash cut short, removes torn temp files, and
   * checks the maps the store says gleaner wrote: a map's torn generated part is dropped (the
   * map is rebuilt after the batch). A map the user edited is theirs and stays as it is. The
   * notes are checked by {@link checkNotes}, while files are processed.
   */
  async prepare(): Promise<Repair[]> {
    await Deno.mkdir(join(this.vaultDir, NOTES_DIR), { recursive: true });
    const intents = this.#store.intents();
    for (const intent of intents) {
      const from = this.#abs(intent.fromPath);
      const to = this.#abs(intent.toPath);
      if (await exists(from) && !await exists(to)) await Deno.rename(from, to);
    }
    if (intents.length > 0) {
      await syncDir(join(this.vaultDir, NOTES_DIR));
      this.#store.transaction(() => {
        for (const i of intents) this.#store.movedNote(i.fileId, i.toPath, i.base, i.baseKey);
        this.#store.clearIntents();
      });
    }
    const repairs: Repair[] = [];
    const folders = new Set(["", NOTES_DIR]);
    for (const map of this.#store.maps()) folders.add(map.path.split("/").slice(0, -1).join("/"));
    for (const folder of folders) {
      for (const name of await sweepTempFiles(this.#abs(folder))) {
        repairs.push({
          path: folder ? `${folder}/${name}` : name,
          problem: "a write that a crash cut short before its rename",
          action: "removed; the file it was for is checked and written again if needed",
        });
      }
    }
    repairs.push(...await this.#checkMaps());
    return repairs;
  }

  /**
   * Checks the notes of these done files (see {@link JobStore.doneNoteIds}) against what gleaner
   * wrote: a note cut short or garbled is written again from its draft; one the user edited is
   * theirs and stays as it is. Each note is looked up again, as a commit since may have moved
   * or redone it; so this runs in the single writer's turn, between commits.
   */
  async checkNotes(fileIds: number[]): Promise<Repair[]> {
    const repairs: Repair[] = [];
    for (const fileId of fileIds) {
      const note = this.#store.doneNote(fileId);
      if (!note) continue;
      const bytes = await readBytesIfExists(this.#abs(note.path));
      // A missing note is the walk's business: its file is processed again.
      if (bytes === undefined || sha256Hex(bytes) === note.contentHash) continue;
      const related = this.#store.relatedOf(note.fileId);
      if (related === undefined) continue;
      const text = renderNote(this.#store.draftOf(note.fileId), {
        source: note.source,
        related,
        findTarget: targetsInStore(this.#store),
        titleOf: (path) => this.#store.titleAt(path),
      });
      if (sha256Hex(text) !== note.contentHash) continue; // no longer known what was written
      const problem = damage(bytes, encoder.encode(text));
      if (!problem) continue; // edited by the user: theirs
      await writeFileAtomic(this.#abs(note.path), text);
      repairs.push({ path: note.path, problem, action: "written again from the job store" });
    }
    return repairs;
  }

  /** Maps gleaner wrote whose generated part was cut short: the torn part is dropped. */
  async #checkMaps(): Promise<Repair[]> {
    const repairs: Repair[] = [];
    for (const map of this.#store.maps()) {
      const path = this.#abs(map.path);
      const bytes = await readBytesIfExists(path);
      if (bytes === undefined || sha256Hex(bytes) === map.contentHash) continue;
      const text = new TextDecoder().decode(bytes);
      const kept = beforeTornPart(text, titleOf(map.path));
      if (kept === undefined) continue;
      if (kept.trim() === "") await Deno.remove(path);
      else await writeFileAtomic(path, kept);
      repairs.push({
        path: map.path,
        problem: `its generated part is cut short (${bytes.length} bytes left)`,
        action: kept.trim() === ""
          ? "removed; it is written again after the batch"
          : "the torn part is dropped, your text is kept; it is written again after the batch",
      });
    }
    return repairs;
  }

  /** Writes the note durably, then marks the file done in one transaction. Returns the note path. */
  async commit({ file, attemptId, draft, optionsHash }: CommitInput): Promise<string> {
    // Related notes are found across the vault after the batch; until then a redone note keeps
    // the links it had, to notes that are still there.
    const related = (this.#store.relatedOf(file.id) ?? [])
      .filter((path) => this.#store.noteAtPath(path) !== undefined);
    // Links to inputs whose notes are not written yet are their text until the batch's end,
    // when linkVault writes them again.
    let content: string;
    let base: string;
    try {
      content = renderNote(draft, {
        source: file.path,
        related,
        findTarget: targetsInStore(this.#store),
        titleOf: (path) => this.#store.titleAt(path),
      });
      base = sanitizeNoteName(draft.title);
    } catch (error) {
      throw new NoteContentError(errorMessage(error), { cause: error });
    }
    const contentHash = sha256Hex(content);
    const baseKey = nameKey(base);
    const previous = this.#store.noteForFile(file.id);

    const placement = await this.#place(file, base, baseKey);
    const moves = placement.moves;
    if (moves.length > 0) {
      this.#store.transaction(() => this.#store.addIntents(moves));
      for (const m of moves) await Deno.rename(this.#abs(m.fromPath), this.#abs(m.toPath));
    }
    const moved = previous !== undefined && previous.path !== placement.path;
    // On a case-insensitive disk a change of case only names the same file: rename, never delete.
    const caseOnly = moved && nameKey(previous.path) === nameKey(placement.path);
    if (caseOnly) {
      await ignoreMissing(Deno.rename(this.#abs(previous.path), this.#abs(placement.path)));
    }
    await this.#stopwatch.time(
      "note_write",
      () => writeFileAtomic(this.#abs(placement.path), content),
    );
    // The title changed: the old note is ours and now stale.
    if (moved && !caseOnly) await ignoreMissing(Deno.remove(this.#abs(previous.path)));
    if (moves.length > 0 || previous?.path !== placement.path) {
      await syncDir(join(this.vaultDir, NOTES_DIR));
    }
    const note: NoteRow = { fileId: file.id, baseKey, base, path: placement.path, contentHash };
    this.#stopwatch.time("checkpoint", () =>
      this.#store.transaction(() => {
        for (const m of moves) this.#store.movedNote(m.fileId, m.toPath, m.base, m.baseKey);
        this.#store.clearIntents();
        this.#store.commitDone(attemptId, file.id, {
          hash: draft.sourceHash,
          optionsHash,
          note,
          draft,
          related,
        });
      }));
    return placement.path;
  }

  /**
   * A merge's writes, which rebuild the notes of a whole vault from its shards: a note's text
   * (rendered by the merge) at a vault path; true when its bytes changed.
   */
  writeNote(path: string, content: string): Promise<boolean> {
    return writeFileAtomic(this.#abs(path), content);
  }

  /** A merge's move of a note it wrote before (a change of case, on a case-insensitive disk). */
  async moveNote(from: string, to: string): Promise<void> {
    await ignoreMissing(Deno.rename(this.#abs(from), this.#abs(to)));
  }

  /** A merge's removal of a note it wrote before and no longer wants; true when it was there. */
  removeNote(path: string): Promise<boolean> {
    return ignoreMissing(Deno.remove(this.#abs(path)));
  }

  /** Makes the notes folder's renames and removals durable. */
  syncNotes(): Promise<void> {
    return syncDir(join(this.vaultDir, NOTES_DIR));
  }

  /** Writes a note again with new related notes (the text is rendered by the caller). */
  async relink(fileId: number, path: string, content: string, related: string[]): Promise<void> {
    await writeFileAtomic(this.#abs(path), content);
    this.#store.transaction(() => this.#store.relinked(fileId, related, sha256Hex(content)));
  }

  /**
   * Writes the Maps of Content whose text changed, each merged around what the user wrote
   * outside its generated part. A map gleaner wrote before that is no longer wanted is removed
   * when it holds only what gleaner wrote, otherwise emptied of links. Returns maps written.
   */
  async writeMaps(maps: MapFile[]): Promise<number> {
    let written = 0;
    const wanted = new Set(maps.map((m) => m.path));
    for (const map of maps) {
      const path = this.#abs(map.path);
      await Deno.mkdir(dirname(path), { recursive: true });
      const existing = await readIfExists(path);
      const text = mergeGenerated(existing, map.title, map.generated);
      if (text !== existing) {
        await writeFileAtomic(path, text);
        written++;
      }
      this.#store.savedMap(map.path, sha256Hex(text));
    }
    for (const old of this.#store.maps()) {
      if (wanted.has(old.path)) continue;
      const path = this.#abs(old.path);
      const existing = await readIfExists(path);
      const title = titleOf(old.path);
      if (existing !== undefined && onlyGenerated(existing, title)) {
        await Deno.remove(path);
        written++;
      } else if (existing !== undefined) {
        // The user wrote in it: keep their text, drop the links.
        const text = mergeGenerated(existing, title, "_No notes here any more._");
        if (text !== existing) {
          await writeFileAtomic(path, text);
          written++;
        }
      }
      this.#store.forgetMap(old.path);
    }
    return written;
  }

  /**
   * Finds gleaner's notes in the vault that the store does not record (after the state database
   * was rebuilt, or lost its last writes) and offers them for adoption; returns how many.
   */
  async scanForAdoption(): Promise<number> {
    this.#store.clearAdoptable();
    let adopted = 0;
    const dir = join(this.vaultDir, NOTES_DIR);
    let entries: Deno.DirEntry[];
    try {
      entries = await Array.fromAsync(Deno.readDir(dir));
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return 0;
      throw error;
    }
    // Loaded only when there is something to adopt: reading a note back takes the analysis, which
    // costs main a quarter of a second and some 60 MB that it never needs otherwise.
    let readNote: typeof import("./read_note.ts").readNote | undefined;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isFile || !entry.name.endsWith(".md")) continue;
      if (this.#store.noteAtPath(`${NOTES_DIR}/${entry.name}`)) continue;
      const own = await this.#readOwnNote(`${NOTES_DIR}/${entry.name}`);
      if (!own) continue;
      const { text, ...found } = own;
      readNote ??= (await import("./read_note.ts")).readNote;
      // Read back, the note keeps its place in related notes and maps.
      const back = readNote(text);
      this.#store.addAdoptable({ ...found, ...back, path: `${NOTES_DIR}/${entry.name}` });
      adopted++;
    }
    return adopted;
  }

  /**
   * Finds this file's name in its collision group and the moves that keep the group ordered by
   * file id. Names held by other groups or by files gleaner did not write are never taken.
   */
  async #place(file: FileRow, base: string, baseKey: string) {
    const others = this.#store.notesWithBase(baseKey).filter((n) => n.fileId !== file.id);
    // Members' notes as a case-insensitive disk sees them: such a path is ours, whatever its case.
    const memberKeys = new Set(others.map((n) => nameKey(n.path)));
    // Each note keeps its own spelling of the title ("Title" and "title" share a group); using
    // the committing file's spelling for all would make names depend on commit order.
    const members = [
      ...others.map((n) => ({ id: n.fileId, base: n.base, path: n.path as string | undefined })),
      { id: file.id, base, path: undefined },
    ].sort((a, b) => a.id - b.id);
    const ids = members.map((m) => m.id);
    const paths = await nameInRankOrder(
      members,
      (candidate, m) => this.#isFree(candidate, m.id, ids, file, memberKeys),
    );
    const moves = members.flatMap((m, i) =>
      m.path !== undefined && m.path !== paths[i]
        ? [{ fileId: m.id, fromPath: m.path, toPath: paths[i], base: m.base, baseKey }]
        : []
    );
    // Members only ever move to higher suffixes, so renaming the highest first never clobbers.
    moves.reverse();
    return { path: paths[ids.indexOf(file.id)], moves };
  }

  async #isFree(
    candidate: string,
    id: number,
    members: number[],
    file: FileRow,
    memberKeys: Set<string>,
  ) {
    if (memberKeys.has(nameKey(candidate))) return true; // a later member's, and it moves on
    const holder = this.#store.noteAtPath(candidate);
    if (holder) return holder.fileId === id || members.includes(holder.fileId);
    if (!await exists(this.#abs(candidate))) return true;
    // A file gleaner has no record of: reuse it only if it is our own earlier note for this
    // very source (state was reset); anything else belongs to the user.
    if (id !== file.id) return false;
    const own = await this.#readOwnNote(candidate);
    return own?.source === file.path;
  }

  async #readOwnNote(path: string) {
    let text: string;
    try {
      text = new TextDecoder().decode(await readRegularFile(this.#abs(path)));
    } catch {
      return undefined;
    }
    const { data } = parseFrontmatter(text);
    if (!data || typeof data.source !== "string" || typeof data.source_hash !== "string") {
      return undefined;
    }
    const title = typeof data.title === "string" ? data.title : "";
    return {
      source: data.source,
      sourceHash: data.source_hash,
      base: sanitizeNoteName(title),
      contentHash: sha256Hex(text),
      text,
    };
  }

  #abs(vaultPath: string): string {
    return join(this.vaultDir, ...vaultPath.split("/"));
  }
}

/** Whether a note (path relative to the vault) is on disk. */
export function noteExists(vaultDir: string, notePath: string): Promise<boolean> {
  return exists(join(vaultDir, ...notePath.split("/")));
}

const encoder = new TextEncoder();

/**
 * What is wrong with a note's bytes against the text gleaner wrote, or undefined when they may
 * be a user's edit: cut short (a prefix of it), or holding what no editor writes (NUL bytes,
 * which is how a disk that lost a write often shows it, or bytes that are not UTF-8).
 */
function damage(bytes: Uint8Array, wrote: Uint8Array): string | undefined {
  if (bytes.length < wrote.length && bytes.every((b, i) => b === wrote[i])) {
    return `cut short: ${bytes.length} of its ${wrote.length} bytes are left`;
  }
  if (bytes.includes(0)) return "it holds NUL bytes, as a disk that lost a write leaves them";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "it is not UTF-8 text any more";
  }
  return undefined;
}

/** A map's title, from its path ("Maps/Topic.md" is "Topic"). */
function titleOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");
}
