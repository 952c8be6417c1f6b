/**
 * @module
 * Opens a file for reading only when it is a regular file inside a given folder, as it is at the
 * moment of opening, not as it looked earlier. Between a check and an open, a file can be swapped
 * for a symbolic link that leads out of the folder (Deno's read permission follows links without
 * checking their targets) or for a FIFO (whose open blocks until a writer comes). So: the open
 * never blocks (O_NONBLOCK), the opened file must be regular, and after the open the path must
 * still resolve inside the folder to the very file that was opened (same device and inode).
 */
import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";
import { UnsafeFileError } from "../common/errors.ts";

/**
 * `path` opened read-only. `root`, if given, is the absolute, symlink-resolved folder it must lie
 * in; a symbolic link is followed only when its target lies there too.
 */
export async function openRegularFile(path: string, root?: string): Promise<FileHandle> {
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error) => {
    throw asDenoError(error);
  });
  try {
    const opened = await file.stat({ bigint: true });
    if (!opened.isFile()) throw new UnsafeFileError("not a regular file");
    if (root === undefined) return file;
    let real: string;
    try {
      real = await Deno.realPath(path);
    } catch (error) {
      throw new UnsafeFileError("it was moved or replaced while being opened", { cause: error });
    }
    if (!inside(real, root)) {
      throw new UnsafeFileError("it leads outside its folder (a symbolic link?)");
    }
    const named = await Deno.stat(real);
    // Systems without inode numbers (ino null) are judged by the path checks alone.
    if (
      named.ino !== null && (BigInt(named.dev) !== opened.dev || BigInt(named.ino) !== opened.ino)
    ) {
      throw new UnsafeFileError("it was replaced by another file while being opened");
    }
    return file;
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** The bytes of a regular file (see {@link openRegularFile}); never waits on a FIFO. */
export async function readRegularFile(path: string, root?: string): Promise<Uint8Array> {
  const file = await openRegularFile(path, root);
  try {
    return await file.readFile();
  } finally {
    await file.close();
  }
}

/** Whether `path` lies strictly below `folder`; both absolute and symlink-resolved. */
export function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && rel.split(sep)[0] !== ".." && !isAbsolute(rel);
}

/** node:fs errors as the Deno error classes the rest of the app tells apart. */
function asDenoError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new Deno.errors.NotFound(message, { cause: error });
  }
  if (code === "EACCES" || code === "EPERM") {
    return new Deno.errors.PermissionDenied(message, { cause: error });
  }
  return error;
}
