/**
 * @module
 * Opens one of gleaner's SQLite databases the way every one of them must be opened: WAL,
 * synchronous=FULL (durable when a transaction returns), foreign keys on, a quick integrity
 * check, the schema applied and its version checked.
 */
import { DatabaseSync } from "node:sqlite";

export interface DatabaseSpec {
  schema: string;
  version: number;
  /** Damage the integrity check cannot see: what is wrong, or undefined. */
  verify?: (db: DatabaseSync) => string | undefined;
}

/** @throws the first thing found wrong; the database is closed again by then */
export function openDatabase(path: string, spec: DatabaseSpec): DatabaseSync {
  const db = new DatabaseSync(path);
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    const check = db.prepare("PRAGMA quick_check").all().map((r) => String(Object.values(r)[0]));
    if (check.length !== 1 || check[0] !== "ok") {
      throw new Error(`integrity check failed: ${check.slice(0, 3).join("; ")}`);
    }
    db.exec(spec.schema);
    const found = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get();
    if (found === undefined) {
      db.prepare("INSERT INTO meta(key, value) VALUES ('schema', ?)").run(String(spec.version));
    } else if (Number(found.value) !== spec.version) {
      throw new Error(`schema version ${found.value}, this gleaner uses ${spec.version}`);
    }
    const damage = spec.verify?.(db);
    if (damage) throw new Error(`integrity check failed: ${damage}`);
    return db;
  } catch (error) {
    try {
      db.close();
    } catch { /* already unusable */ }
    throw error;
  }
}

/** Runs `fn` in one IMMEDIATE transaction; durable when it returns (synchronous=FULL). */
export function immediateTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
