/**
 * @module
 * The vault's layout: where gleaner puts notes, maps and its own state inside a vault. Every
 * module that builds such a path takes the names from here.
 *
 * ```
 * VAULT/Home.md                links every map
 * VAULT/Maps/<Topic>.md        the Maps of Content
 * VAULT/Sources/<Title>.md     one note per input
 * VAULT/.gleaner/state.db      the job store
 * VAULT/.gleaner/lock.db       held while a gleaner works on the vault
 * VAULT/.gleaner/merge.db      what a merge of shard vaults staged
 * VAULT/.gleaner/tmp/          the sandboxes' scratch folders
 * ```
 * (and `.gleaner/space-reserve`, which the store keeps: see store/disk_full.ts)
 */
import { join } from "node:path";

/** Folder of source notes (vault-relative, as in wikilinks). */
export const NOTES_DIR = "Sources";
/** Folder of the Maps of Content. */
export const MAPS_DIR = "Maps";
/** The note that links every map. */
export const HOME_NOTE = "Home.md";
/** gleaner's own folder in a vault; never served or listed as notes. */
export const STATE_DIR = ".gleaner";

/** A file or folder of gleaner's own state in a vault, as an absolute path. */
export function statePath(
  vaultDir: string,
  name: "state.db" | "lock.db" | "merge.db" | "tmp",
): string {
  return join(vaultDir, STATE_DIR, name);
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Names (and paths) in the order a reader expects: "Lecture 2" before "Lecture 10", "2.4.
 * Why Debian" before "10.2. X.509 certificates", case aside. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
