/**
 * @module
 * A full disk under the vault: how it is recognised (an OS error from a file write, SQLite's
 * SQLITE_FULL from the job store, a stage's message about its scratch files), the one error a job
 * stops with, and a little space set aside so that a run stopped by it can still record how it
 * stopped instead of leaving its state as if the process had died.
 */
import { join } from "node:path";
import { errorMessage, VaultFullError } from "../common/errors.ts";

/** SQLite's result code for "database or disk is full". */
const SQLITE_FULL = 13;
const FULL_TEXT = /no space left on device|disk quota exceeded|database or disk is full|ENOSPC/i;

/** Whether an error (or one of its causes), or a failure message, says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 8; depth++) {
    if (typeof e === "string") return FULL_TEXT.test(e);
    if (!(e instanceof Error)) return false;
    if (e instanceof VaultFullError) return true;
    const { code, errcode } = e as { code?: unknown; errcode?: unknown };
    if (code === "ENOSPC" || code === "EDQUOT") return true;
    if (typeof errcode === "number" && (errcode & 0xff) === SQLITE_FULL) return true;
    if (FULL_TEXT.test(e.message)) return true;
    e = e.cause;
  }
  return false;
}

/** The error a job stops with when the vault's disk is full: where, and what to do. */
export function vaultFull(vaultDir: string, error: unknown): VaultFullError {
  if (error instanceof VaultFullError) return error;
  const detail = errorMessage(error);
  return new VaultFullError(
    `the disk holding the vault ${vaultDir} is full (${detail}): free some space on it, then ` +
      "resume the job (run the same command again, or Resume in the web UI); finished files " +
      "are kept and not processed again",
    { cause: error },
  );
}

/** Name of the reserve file in the vault's state folder. */
export const RESERVE = "space-reserve";
/** Enough for the few pages of SQLite's write-ahead log that closing a run's books takes. */
const RESERVE_BYTES = 256 * 1024;

/**
 * Makes sure the reserve is in the state folder, written out so that its blocks are really
 * taken. A disk too full for it is too full for a run.
 * @throws the OS error (ENOSPC) when there is no room for it
 */
export async function keepReserve(stateDir: string): Promise<void> {
  const path = join(stateDir, RESERVE);
  try {
    if ((await Deno.stat(path)).size === RESERVE_BYTES) return;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  try {
    await Deno.writeFile(path, new Uint8Array(RESERVE_BYTES));
    const file = await Deno.open(path, { read: true });
    try {
      await file.sync();
    } finally {
      file.close();
    }
  } catch (error) {
    await Deno.remove(path).catch(() => {/* never made, or half made and now gone */});
    throw error;
  }
}

/** Gives the reserve back to the disk, so the last writes of a stopping run fit. */
export function releaseReserve(stateDir: string): void {
  try {
    Deno.removeSync(join(stateDir, RESERVE));
  } catch {
    // Already given back, or never made: there is nothing more to free.
  }
}
