/**
 * @module
 * Content hashing of input files, read in chunks so a large file never sits in memory whole.
 */
import { createHash } from "node:crypto";

// Large enough that the read syscalls cost little beside the hashing, small enough to be cheap
// for each of the files hashed at once.
const CHUNK_BYTES = 256 * 1024;

/**
 * Streamed SHA-256 (lower-case hex) of a file's content; never loads the whole file.
 * `sizeHint`, the size the walk saw, keeps the buffer small for small files: a 256 KiB buffer
 * per file was most of the memory churn of walking 10,000 notes.
 */
export async function hashFile(
  absPath: string,
  signal?: AbortSignal,
  sizeHint = CHUNK_BYTES,
): Promise<string> {
  signal?.throwIfAborted();
  const hash = createHash("sha256");
  const file = await Deno.open(absPath, { read: true });
  try {
    // One buffer for all reads: update() has consumed the bytes before the next read overwrites them.
    // A little slack, so a file that grew since the walk is still read in a few calls.
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(sizeHint, 0) + 1024));
    while (true) {
      signal?.throwIfAborted();
      const count = await file.read(buffer);
      if (count === null) break;
      hash.update(buffer.subarray(0, count));
    }
  } finally {
    file.close();
  }
  return hash.digest("hex");
}
