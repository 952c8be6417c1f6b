/**
 * @module
 * The order in which the walk lists input paths. A batch ranks files by their id, which follows
 * that order, and names colliding notes in rank order (vault/collision_names.ts); a merge puts
 * the files of all its shards in the same order to give them the names one machine would have.
 */

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
