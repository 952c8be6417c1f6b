/**
 * @module
 * Where the notes of a merged vault go: the names one machine would have given them. A batch
 * ranks files by their id, which follows the walk of the input folder, and gives the first file
 * of a colliding title the bare name and the others `Name (2)`, `Name (3)`... The merge puts the
 * files of all shards in that walk order and names them in that order.
 */
import { nameKey, sanitizeNoteName, suffixedName } from "../vault/note_name.ts";
import { NOTES_DIR } from "../vault/layout.ts";

/**
 * The walk's order of two input paths (POSIX, relative): folder by folder, the entries of each
 * folder by name in code-unit order, as walk.ts lists them. Not plain string order: "a b/x"
 * comes after "a/x" in the walk, since the folder "a" sorts before "a b".
 */
export function compareWalkOrder(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Names notes, given in rank order, as a batch that commits them in that order does: each takes
 * the first of its title's names ("Title", "Title (2)", ...) that no note before it took and
 * that `isFree` allows (a file in the vault that is not gleaner's own is never overwritten).
 * Returns the vault paths, in the same order.
 */
export async function placeNotes(
  notes: { source: string; title: string }[],
  isFree: (path: string, source: string) => Promise<boolean>,
): Promise<string[]> {
  const taken = new Set<string>();
  // The next suffix of each collision group: members share one count, each keeps its spelling.
  const next = new Map<string, number>();
  const paths: string[] = [];
  for (const note of notes) {
    const base = sanitizeNoteName(note.title);
    const group = nameKey(base);
    let n = next.get(group) ?? 1;
    let path: string;
    for (;;) {
      path = `${NOTES_DIR}/${suffixedName(base, n++)}.md`;
      if (taken.has(nameKey(path))) continue;
      if (await isFree(path, note.source)) break;
    }
    next.set(group, n);
    taken.add(nameKey(path));
    paths.push(path);
  }
  return paths;
}
