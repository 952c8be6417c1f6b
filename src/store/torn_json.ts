/**
 * @module
 * Finds JSON in the state database that is no longer JSON: damage SQLite's own checks miss.
 */
import type { DatabaseSync } from "node:sqlite";

/** The JSON columns, each with the rows that must hold valid JSON in it. */
const JSON_COLUMNS = [
  ["drafts", "meta"],
  ["drafts", "related"],
  ["chunks", "segments"],
  ["adoptable", "draft"],
  ["adoptable", "related"],
  ["jobs", "options"],
  ["events", "data"],
] as const;

/**
 * Where the JSON a row holds is no longer JSON, or undefined. SQLite keeps no checksum of a
 * row's bytes, so bytes overwritten inside one pass its integrity check; a draft garbled that way
 * would fail every run at its end, so it counts as damage.
 */
export function tornJson(db: DatabaseSync): string | undefined {
  const found = JSON_COLUMNS.map(([table, column]) => {
    const r = db.prepare(
      `SELECT count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND NOT json_valid(${column})`,
    ).get()!;
    return Number(r.n) > 0 ? `${r.n} rows of ${table}.${column} are not valid JSON` : "";
  }).filter((s) => s !== "");
  return found.length > 0 ? found.join("; ") : undefined;
}
