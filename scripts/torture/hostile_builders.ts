/**
 * @module
 * Byte-level builders for the hostile inputs of `hostile_kinds.ts`: ZIP archives and Word
 * documents with any declared sizes, hand-made PDFs, WAV headers that lie, and deflated runs of
 * spaces that stand for gigabytes without being held in memory.
 */
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";

const MB = 1024 * 1024;
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

export function utf16(text: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (order === "le" ? 0 : 1)] = c & 0xff;
    out[i * 2 + (order === "le" ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Writes `size` bytes of "a" with no line break, in 16 MB chunks. */
export async function writeRepeated(path: string, size: number): Promise<void> {
  await Deno.mkdir(join(path, ".."), { recursive: true });
  const chunk = new Uint8Array(16 * MB).fill(0x61);
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    for (let left = size; left > 0; left -= chunk.length) {
      let view = chunk.subarray(0, Math.min(left, chunk.length));
      while (view.length > 0) view = view.subarray(await file.write(view));
    }
  } finally {
    file.close();
  }
}

/** `size` spaces as raw deflate, made as a stream so they never sit in memory. */
export async function deflateSpaces(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Uint8Array[] = [];
  deflate.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const block = Buffer.alloc(4 * MB, 0x20);
  for (let left = size; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** The zlib stream (as PDF's FlateDecode wants it) of `size` spaces, from their raw deflate. */
export function zlibSpaces(raw: Uint8Array, size: number): Uint8Array {
  // Adler-32 of n bytes of value c, in closed form: a = 1 + c n, b = n + c n (n + 1) / 2.
  const n = BigInt(size);
  const a = (1n + 32n * n) % 65521n;
  const b = (n + 16n * n * (n + 1n)) % 65521n;
  const out = new Uint8Array(raw.length + 6);
  out.set([0x78, 0xda]);
  out.set(raw, 2);
  new DataView(out.buffer).setUint32(raw.length + 2, Number((b << 16n) | a));
  return out;
}

interface ZipEntry {
  name: string;
  /** Stored bytes, or raw deflate when `method` is 8. */
  data: Uint8Array;
  /** Declared size inflated: honest or not, as the test needs. */
  size: number;
  method: 0 | 8;
}

/** A ZIP archive with the given entries. CRCs are left 0: neither gleaner nor JSZip checks them
 * by default, and computing one over a gigabyte of spaces would cost seconds. */
export function zip(entries: ZipEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = bytes(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, entry.data);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(10, entry.method, true);
    central.setUint32(20, entry.data.length, true);
    central.setUint32(24, entry.size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...directory, new Uint8Array(end.buffer)]);
}

export const WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A minimal .docx around the given (deflated) document.xml and its declared size. */
export function docx(o: { documentXml: Uint8Array; size: number }): Uint8Array {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns=` +
    `"http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ` +
    `ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ` +
    `Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ` +
    `ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main` +
    `+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns=` +
    `"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
    `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ` +
    `Target="word/document.xml"/></Relationships>`;
  // [Content_Types].xml, then word/: the order by which a ZIP is recognised as a .docx.
  return zip([
    { name: "[Content_Types].xml", data: bytes(types), size: types.length, method: 0 },
    { name: "word/document.xml", data: o.documentXml, size: o.size, method: 8 },
    { name: "_rels/.rels", data: bytes(rels), size: rels.length, method: 0 },
  ]);
}

export const HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** The objects of a one-page PDF showing `text` (objects 1 to 5). */
export function textPage(text: string): string[] {
  const content = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
  return [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
    "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    HELVETICA,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
}

/** An 8 kHz mono 8-bit WAV whose header declares `declared` bytes of samples over `actual`. */
export function wav(declared: number, actual: number): Uint8Array {
  const out = new Uint8Array(44 + actual).fill(0x80, 44);
  const view = new DataView(out.buffer);
  out.set(bytes("RIFF"), 0);
  view.setUint32(4, Math.min(0xffffffff, declared + 36), true);
  out.set(bytes("WAVEfmt "), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  out.set(bytes("data"), 36);
  view.setUint32(40, declared, true);
  return out;
}

export async function run(command: string, ...args: string[]): Promise<void> {
  const out = await new Deno.Command(command, { args, stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${command} ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
}

export async function succeeds(command: string, ...args: string[]): Promise<boolean> {
  try {
    return (await new Deno.Command(command, { args, stderr: "null" }).output()).success;
  } catch {
    return false;
  }
}
