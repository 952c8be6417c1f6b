/**
 * @module
 * SHA-256, the one content hash of gleaner: input files, notes, maps, output options and merge
 * fingerprints are all compared by it, in lower-case hex.
 */
import { createHash, type Hash } from "node:crypto";

/** SHA-256 of a text (as UTF-8) or of bytes, in lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A SHA-256 fed piece by piece (`update`), for content too large to hold at once. */
export function sha256(): Hash {
  return createHash("sha256");
}
