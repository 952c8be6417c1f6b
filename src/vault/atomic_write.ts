/**
 * @module
 * Durable file writes for the vault: a crash or power cut at any moment leaves either the old
 * note or the new one, never a torn file, and unchanged notes are not touched at all.
 */
import { dirname, join } from "node:path";
import { readRegularFile } from "../fs/open_regular.ts";

/** Name prefix of the temporary files; {@link sweepTempFiles} removes leftovers by it. */
export const TEMP_PREFIX = ".gleaner-tmp-";

const encoder = new TextEncoder();

/**
 * Writes `data` to `path` so that a crash leaves either the old or the new file, never a torn
 * one: temp file in the same folder, fsync, rename over, fsync of the folder.
 * Returns false (and writes nothing) when the file already holds exactly these bytes.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<boolean> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  // Skipping identical content keeps mtimes stable, so Obsidian and sync tools see no change.
  if (await holdsExactly(path, bytes)) return false;

  const dir = dirname(path);
  // Same folder as the target: rename is only atomic within one file system.
  const temp = join(dir, TEMP_PREFIX + crypto.randomUUID());
  let file: Deno.FsFile | undefined;
  try {
    file = await Deno.open(temp, { write: true, createNew: true });
    for (let written = 0; written < bytes.length;) {
      written += await file.write(bytes.subarray(written));
    }
    // Without this, the rename can reach the disk before the data and a crash leaves an empty
    // note under the final name.
    await file.sync();
    file.close();
    file = undefined;
    await Deno.rename(temp, path);
    // The rename itself lives in the folder; until the folder is synced it may be lost.
    await syncDir(dir);
    return true;
  } catch (error) {
    try {
      file?.close();
    } catch {
      // Already closed or never opened; the original error is what matters.
    }
    await Deno.remove(temp).catch(() => {
      // Not created, or already renamed into place.
    });
    throw error;
  }
}

/**
 * Removes leftover temp files of interrupted writes in a folder; returns their names.
 * Call it only while no write into that folder is under way: it cannot tell an abandoned temp
 * file from one that is being written.
 */
export async function sweepTempFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!entry.isFile || !entry.name.startsWith(TEMP_PREFIX)) continue;
      try {
        await Deno.remove(join(dir, entry.name));
        removed.push(entry.name);
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
    }
  } catch (error) {
    // A folder that does not exist yet has nothing left over in it.
    if (error instanceof Deno.errors.NotFound) return removed;
    throw error;
  }
  return removed;
}

/** Flushes a folder's entries (creations, renames, removals) to disk. */
export async function syncDir(dir: string): Promise<void> {
  let handle: Deno.FsFile;
  try {
    handle = await Deno.open(dir, { read: true });
  } catch (error) {
    // Windows cannot open a folder as a file, so there is no folder to sync; the rename is as
    // durable as NTFS's metadata journal makes it. Everywhere else a failure here is real.
    if (Deno.build.os === "windows" && !(error instanceof Deno.errors.NotFound)) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    handle.close();
  }
}

async function holdsExactly(path: string, bytes: Uint8Array): Promise<boolean> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
  if (!info.isFile || info.size !== bytes.length) return false;
  const current = await readRegularFile(path);
  if (current.length !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) {
    if (current[i] !== bytes[i]) return false;
  }
  return true;
}
