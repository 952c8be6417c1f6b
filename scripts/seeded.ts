/**
 * @module
 * The one seeded generator, for the benchmark and the torture suite (see src/knowledge/seeded.ts).
 */
export { seeded } from "../src/knowledge/seeded.ts";
