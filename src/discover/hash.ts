/**
 * @module
 * Content hashing of input files, read in chunks so a large file never sits in memory whole.
 */
import { sha256 } from "../fs/sha256.ts";
import { openRegularFile } from "../fs/open_regular.ts";

// Large enough that the read syscalls cost little beside the hashing, small enough to be cheap
// for each of the files hashed at once.
const CHUNK_BYTES = 256 * 1024;

export interface HashOptions {
  /** The folder the file must lie in (absolute, symlink-resolved): see openRegularFile. */
  root?: string;
  signal?: AbortSignal;
  /**
   * The size the walk saw; it keeps the buffer small for small files: a 256 KiB buffer per file
   * was most of the memory churn of walking 10,000 notes.
   */
  sizeHint?: number;
}

/**
 * Streamed SHA-256 (lower-case hex) of a regular file's content; never loads the whole file, and
 * never blocks on a FIFO swapped in for it.
 */
export async function hashFile(absPath: string, options: HashOptions = {}): Promise<string> {
  const { root, signal, sizeHint = CHUNK_BYTES } = options;
  signal?.throwIfAborted();
  const hash = sha256();
  const file = await openRegularFile(absPath, root);
  try {
    // One buffer for all reads: update() has consumed the bytes before the next read overwrites them.
    // A little slack, so a file that grew since the walk is still read in a few calls.
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(sizeHint, 0) + 1024));
    while (true) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest("hex");
}
