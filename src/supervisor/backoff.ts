/**
 * @module
 * Exponential backoff with jitter for retried files and restarted sandboxes.
 */

/** Delay before retry number `attempt` (1-based): base * 2^(attempt-1), capped, with jitter. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs = 30_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": half fixed, half random, so retries after a shared cause do not line up.
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}
