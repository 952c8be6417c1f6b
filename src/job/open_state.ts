/**
 * @module
 * Opens a vault's state database, and when it cannot be trusted, moves it aside and rebuilds
 * from the notes already in the vault, so finished work is not redone. Holds the vault's lock
 * first: two gleaner processes must never write one vault.
 */
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import type { EngineEventInput } from "../protocol/messages.ts";
import { JobStore } from "../store/job_store.ts";
import { isDiskFull, keepReserve, vaultFull } from "../store/disk_full.ts";
import { VaultWriter } from "../vault/vault_writer.ts";
import { sizeIfExists } from "../fs/maybe_missing.ts";
import { CorruptStateError } from "../common/errors.ts";
import { STATE_DIR, statePath } from "../vault/layout.ts";

/** Another gleaner process holds the vault. */
class VaultBusyError extends Error {
  override name = "VaultBusyError";
}

export interface OpenState {
  store: JobStore;
  /** Closes the store and lets another process have the vault. */
  release(): void;
  /**
   * Why the store may not record every note in the vault, when it may not: it was missing or
   * empty, or the last process did not close it (its write-ahead log was left, and may have lost
   * its last writes). The vault is then searched for notes the store does not know.
   */
  unsure?: string;
}

export async function openState(
  vaultDir: string,
  emit: (event: EngineEventInput) => void,
): Promise<OpenState> {
  const stateDir = join(vaultDir, STATE_DIR);
  await Deno.mkdir(stateDir, { recursive: true });
  const lock = lockVault(vaultDir);
  try {
    // No room for the reserve is no room for a run: stop before the state is touched.
    await keepReserve(stateDir).catch((error) => {
      throw isDiskFull(error) ? vaultFull(vaultDir, error) : error;
    });
    const { store, unsure } = await openStore(statePath(vaultDir, "state.db"), vaultDir, emit);
    return {
      store,
      ...(unsure ? { unsure } : {}),
      release: () => {
        store.close();
        lock.close();
      },
    };
  } catch (error) {
    lock.close();
    throw error;
  }
}

/**
 * An EXCLUSIVE transaction held open on a lock database for the life of the job. The operating
 * system drops it when the process dies, even by kill -9, so a stale lock cannot block a resume.
 */
function lockVault(vaultDir: string): DatabaseSync {
  const lock = new DatabaseSync(statePath(vaultDir, "lock.db"));
  try {
    lock.exec("PRAGMA busy_timeout = 0");
    lock.exec("BEGIN EXCLUSIVE");
    return lock;
  } catch (error) {
    lock.close();
    if (isDiskFull(error)) throw vaultFull(vaultDir, error);
    throw new VaultBusyError(
      `another gleaner is already working on the vault ${vaultDir}: wait for it or stop it`,
      { cause: error },
    );
  }
}

async function openStore(
  dbPath: string,
  vaultDir: string,
  emit: (event: EngineEventInput) => void,
): Promise<{ store: JobStore; unsure?: string }> {
  const [db, wal] = await Promise.all([sizeIfExists(dbPath), sizeIfExists(`${dbPath}-wal`)]);
  try {
    if (!db && wal) {
      // SQLite would start a new database and drop the log: say so instead, and rebuild.
      throw new CorruptStateError(
        `state database ${dbPath} is ${db === undefined ? "missing" : "empty"}, but its ` +
          "write-ahead log is there, which cannot be read without it",
      );
    }
    const store = JobStore.open(dbPath);
    const unsure = db === undefined
      ? `state database ${dbPath} was missing`
      : db === 0
      ? `state database ${dbPath} was empty (0 bytes)`
      : wal !== undefined
      ? `the last run did not close state database ${dbPath}`
      : undefined;
    return { store, ...(unsure ? { unsure } : {}) };
  } catch (error) {
    if (!(error instanceof CorruptStateError)) throw error;
    const movedTo = `${dbPath}.corrupt-${Date.now()}`;
    for (const suffix of ["", "-wal", "-shm"]) {
      await Deno.rename(dbPath + suffix, movedTo + suffix).catch((e) => {
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      });
    }
    const store = JobStore.open(dbPath);
    const notes = await new VaultWriter(vaultDir, store).scanForAdoption();
    emit({ type: "state_rebuilt", reason: error.message, movedTo, notes });
    return { store };
  }
}
