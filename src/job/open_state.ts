/**
 * @module
 * Opens a vault's state database, and when it cannot be trusted, moves it aside and rebuilds
 * from the notes already in the vault, so finished work is not redone.
 */
import { join } from "node:path";
import type { EngineEventInput } from "../protocol/messages.ts";
import { CorruptStateError, JobStore } from "../store/job_store.ts";
import { VaultWriter } from "../vault/vault_writer.ts";

export const STATE_DIR = ".gleaner";

export async function openState(
  vaultDir: string,
  emit: (event: EngineEventInput) => void,
): Promise<JobStore> {
  const stateDir = join(vaultDir, STATE_DIR);
  await Deno.mkdir(stateDir, { recursive: true });
  const dbPath = join(stateDir, "state.db");
  try {
    return JobStore.open(dbPath);
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
    return store;
  }
}
