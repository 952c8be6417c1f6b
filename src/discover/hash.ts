/**
 * @module
 * Content hashing of input files, read in chunks so a large file never sits in memory whole.
 */
import { createHash } from "node:crypto";

// Large enough that the read syscalls cost little beside the hashing, small enough to be cheap
// for each of the files hashed at once.
const CHUNK_BYTES = 256 * 1024;

/** Streamed SHA-256 (lower-case hex) of a file's content; never loads the whole file. */
export async function hashFile(absPath: string, signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  const hash = createHash("sha256");
  const file = await Deno.open(absPath, { read: true });
  try {
    // One buffer for all reads: update() has consumed the bytes before the next read overwrites them.
    const buffer = new Uint8Array(CHUNK_BYTES);
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
