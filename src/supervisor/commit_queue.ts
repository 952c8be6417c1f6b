/**
 * @module
 * The single writer's queue: finished files are committed (note written, checkpoint recorded)
 * one after another, in the order their results arrived. Commits cannot overlap, because a
 * note's name depends on the names already in the vault.
 */

export class CommitQueue {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  /** Commits added and not yet finished. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Runs `commit` after every commit added before it. `settled` runs after it either way, with
   * the commit no longer counted as pending. `commit` must not throw: it handles its own errors.
   */
  add(commit: () => Promise<void>, settled: () => void): void {
    this.#pending++;
    this.#tail = this.#tail.then(async () => {
      try {
        await commit();
      } finally {
        this.#pending--;
        settled();
      }
    });
  }

  /** Resolves once every commit added so far has finished. */
  drained(): Promise<void> {
    return this.#tail;
  }
}
