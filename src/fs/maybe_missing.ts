/**
 * @module
 * File operations where a missing file is an answer, not an error. Anything else (permissions, a
 * full disk, an I/O error) still throws.
 */
import { readRegularFile } from "./open_regular.ts";

/** Whether something is at `path`; a symlink counts as itself, not as its target. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Whether `operation` (a rename, a removal) happened: false when its file was not there. */
export async function ignoreMissing(operation: Promise<void>): Promise<boolean> {
  try {
    await operation;
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** The file's text, or undefined when there is no such file. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await readRegularFile(path));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** The file's bytes, or undefined when there is no such file. */
export async function readBytesIfExists(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readRegularFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** The file's size in bytes, or undefined when there is no such file. */
export async function sizeIfExists(path: string): Promise<number | undefined> {
  try {
    return (await Deno.stat(path)).size;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}
