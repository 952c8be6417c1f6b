/**
 * @module
 * The one rule for naming notes whose titles collide, used by the vault writer when a file
 * commits and by a merge when it names every note of a vault at once, so the two always agree:
 * notes are named in rank order (a batch's file id, the walk of the input folder); each takes the
 * first of its title's names, `Title`, `Title (2)`, `Title (3)`..., that no note before it took
 * and that `isFree` allows (a file in the vault that is not gleaner's own is never overwritten).
 * Titles that differ only in case share one count (a case-insensitive disk sees one name), and
 * each note keeps its own spelling.
 */
import { NOTES_DIR } from "./layout.ts";
import { nameKey, suffixedName } from "../markdown/note_name.ts";

/** Vault paths for `notes`, given in rank order, each with its sanitised title as `base`. */
export async function nameInRankOrder<T extends { base: string }>(
  notes: readonly T[],
  isFree: (path: string, note: T) => boolean | Promise<boolean>,
): Promise<string[]> {
  const taken = new Set<string>();
  // The next suffix of each collision group.
  const next = new Map<string, number>();
  const paths: string[] = [];
  for (const note of notes) {
    const group = nameKey(note.base);
    let n = next.get(group) ?? 1;
    let path: string;
    for (;;) {
      path = `${NOTES_DIR}/${suffixedName(note.base, n++)}.md`;
      if (taken.has(nameKey(path))) continue;
      if (await isFree(path, note)) break;
    }
    next.set(group, n);
    taken.add(nameKey(path));
    paths.push(path);
  }
  return paths;
}
