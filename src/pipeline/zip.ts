/**
 * @module
 * The ZIP containers of Word documents and EPUB books, read without trusting them. mammoth
 * unzips with JSZip, which inflates a part completely before comparing its size with the one
 * the ZIP declares: a small .docx could make it hold gigabytes, and no library in the import
 * map exposes the directory to check first. So the directory is read here, the declared sizes
 * and the number of entries are checked against limits before anything is inflated, and every
 * entry is inflated with a cap at its declared size, so an entry that lies about its size is
 * caught too. Nothing is ever written out: entry names are only keys to look entries up by.
 */
import { inflateRawSync } from "node:zlib";
import { InputError } from "../common/errors.ts";

/** One entry of the ZIP's central directory. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** What a container may hold; past any of them it is refused before anything is inflated. */
export interface ZipLimits {
  /** The most entries. */
  entries: number;
  /** The largest an entry may inflate to. */
  entryBytes: number;
  /** The largest all entries together may inflate to. */
  totalBytes: number;
}

const MB = 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * A ZIP container's entries, checked against `limits`. `what` names the format in messages:
 * "not a readable {what}: …".
 * @throws {InputError} when the directory is damaged, an entry is encrypted, or the declared
 * sizes or the number of entries pass the limits
 */
export function readZip(bytes: Uint8Array, what: string, limits: ZipLimits): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readDirectory(
      new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      what,
      limits,
    );
  } catch (error) {
    // A DataView read past the end: an offset in the directory points outside the file.
    if (error instanceof RangeError) {
      throw unreadable(what, "its ZIP directory is corrupt or cut short");
    }
    throw error;
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) throw unreadable(what, `${entry.name} is encrypted`);
    if (entry.size > limits.entryBytes) {
      throw unreadable(
        what,
        `${entry.name} would inflate to ${megabytes(entry.size)}, more than the ` +
          `${megabytes(limits.entryBytes)} a part may have (a decompression bomb?)`,
      );
    }
    total += entry.size;
    if (total > limits.totalBytes) {
      throw unreadable(
        what,
        `its files would inflate to more than ${
          megabytes(limits.totalBytes)
        } (a decompression bomb?)`,
      );
    }
  }
  return entries;
}

function readDirectory(view: DataView, what: string, limits: ZipLimits): ZipEntry[] {
  // The end record is the last 22 bytes, unless a comment of up to 64 KB follows it.
  let end = -1;
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    throw unreadable(what, "no ZIP directory found: the file is cut short or not a ZIP container");
  }
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let start = view.getUint32(end + 16, true);
  let directoryEnd = end;
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
      const record = safeNumber(view.getBigUint64(locator + 8, true));
      if (view.getUint32(record, true) !== ZIP64_END) throw new RangeError("no ZIP64 end record");
      count = safeNumber(view.getBigUint64(record + 32, true));
      size = safeNumber(view.getBigUint64(record + 40, true));
      start = safeNumber(view.getBigUint64(record + 48, true));
      directoryEnd = record;
    }
  }
  if (count > limits.entries) {
    throw unreadable(what, `it holds ${count} files, more than ${limits.entries}`);
  }
  // Bytes before the archive (a self-extractor stub) shift every offset; JSZip allows it too.
  const shift = directoryEnd - (start + size);
  if (shift < 0) throw new RangeError("directory overlaps its end record");
  const entries: ZipEntry[] = [];
  let at = start + shift;
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new RangeError("bad directory entry");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entry.offset += shift;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits sit in a ZIP64 extra field, in this order. */
function readZip64Extra(view: DataView, at: number, length: number, entry: ZipEntry): void {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "offset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        entry[key] = safeNumber(view.getBigUint64(field, true));
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("ZIP64 value out of range");
  return Number(value);
}

/**
 * Inflates one entry, never past its declared size (stored and deflated entries only).
 * @throws {InputError} when the entry is damaged or inflates to another size than declared
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, what: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start: number;
  try {
    if (view.getUint32(entry.offset, true) !== LOCAL_HEADER) {
      throw new RangeError("no local header");
    }
    start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) +
      view.getUint16(entry.offset + 28, true);
  } catch {
    throw unreadable(what, `the ZIP entry of ${entry.name} is corrupt or cut short`);
  }
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw unreadable(what, `${entry.name} is cut short`);
  let inflated: Uint8Array;
  if (entry.method === 0) {
    inflated = data;
  } else if (entry.method === 8) {
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw unreadable(
          what,
          `${entry.name} inflates past the ${entry.size} bytes its ZIP entry declares ` +
            "(a decompression bomb?)",
        );
      }
      throw new InputError(`not a readable ${what}: ${entry.name} is corrupt: ${error}`, {
        cause: error,
      });
    }
  } else {
    throw unreadable(
      what,
      `${entry.name} uses ZIP compression method ${entry.method}; only stored and deflated ` +
        "entries are read",
    );
  }
  if (inflated.length !== entry.size) {
    throw unreadable(
      what,
      `${entry.name} inflates to ${inflated.length} bytes, not the ${entry.size} its ZIP entry declares`,
    );
  }
  return inflated;
}

function unreadable(what: string, detail: string): InputError {
  return new InputError(`not a readable ${what}: ${detail}`);
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}
