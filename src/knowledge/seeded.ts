/**
 * @module
 * A seeded random number generator (mulberry32): Louvain's random walk over the topic graph, the
 * benchmark's corpora and the torture suite's kill points come from a seed, so a run can be
 * replayed exactly.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
