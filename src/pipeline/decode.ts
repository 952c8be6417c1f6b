/**
 * @module
 * The one decoder of every text format (plain text, Markdown, HTML, subtitles). In order:
 * - a byte order mark: UTF-8, UTF-16 or UTF-32, either byte order;
 * - UTF-16 or UTF-32 without a mark, when the zero bytes fall as Latin text in them puts them;
 * - bytes that are valid UTF-8 are UTF-8, whatever a page declares (a legacy encoding almost
 *   never forms valid multi-byte sequences by chance);
 * - a charset the input declares (HTML's `<meta charset>`);
 * - UTF-8 with a little damage stays UTF-8; anything else is a legacy 8-bit or CJK encoding
 *   that chardet names (windows-1252 when it cannot tell, as browsers do).
 * Binary content (NUL bytes, many control bytes) is refused, except that WebVTT replaces a NUL
 * with U+FFFD as its specification says. Line endings become LF and a leading BOM goes.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { Buffer } from "node:buffer";
import { InputError } from "../common/errors.ts";

/** Options of {@link decodeText}. */
export interface DecodeOptions {
  /** What the content should be, for messages: "text" (the default) or "HTML". */
  what?: string;
  /** An encoding the input declares (a WHATWG label); bytes valid as UTF-8 still win. */
  declared?: string;
  /** What a NUL character is: a sign of binary content (the default), or U+FFFD (WebVTT). */
  nul?: "refuse" | "replace";
}

/** How sure chardet must be (0-100) before its guess beats windows-1252. */
const MIN_CONFIDENCE = 50;
/** Bytes the legacy-encoding detector looks at: plenty for its statistics. */
const DETECT_BYTES = 64 * 1024;

/**
 * Decodes the bytes of a text format.
 * @throws {InputError} when the bytes are binary or not valid in their marked encoding
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const what = options.what ?? "text";
  let text: string;
  const bom = byteOrderMark(bytes);
  const unmarked = bom ? undefined : wideByteOrder(bytes);
  if (bom || unmarked) {
    const { encoding, length } = bom ?? { encoding: unmarked!, length: 0 };
    text = decodeWide(bytes.subarray(length), encoding, what);
    const nul = text.indexOf("\0");
    if (nul >= 0 && options.nul !== "replace") {
      const unit = encoding.startsWith("utf-32") ? 4 : 2;
      throw new InputError(
        `binary content, not ${what}: found a NUL character at offset ${nul * unit + length}`,
      );
    }
  } else {
    rejectBinary(bytes, what, options.nul === "replace");
    text = decodeNarrow(bytes, options.declared);
  }
  if (options.nul === "replace") text = text.replaceAll("\0", "\uFFFD");
  text = text.replace(/\r\n?/g, "\n");
  // The decoder drops one BOM; a second one (or one after a UTF-16 BOM) would end up in notes.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

type Wide = "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

function byteOrderMark(
  bytes: Uint8Array,
): { encoding: Wide | "utf-8"; length: number } | undefined {
  const [a, b, c, d] = bytes;
  // UTF-32LE before UTF-16LE, whose mark is a prefix of it.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: "utf-32le", length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: "utf-32be", length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined; // a UTF-8 mark is dropped after decoding
}

/**
 * The byte order of UTF-16 or UTF-32 text without a mark: in its first 4 KB nearly every code
 * unit has zero bytes where Latin text puts them, as text written by Windows tools does.
 */
function wideByteOrder(bytes: Uint8Array): Wide | undefined {
  const length = Math.min(bytes.length, 4096) & ~3;
  if (length < 8) return undefined;
  const zeros = [0, 0, 0, 0];
  let text = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i];
    if (b === 0) zeros[i & 3]++;
    else if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) text++;
  }
  const units = length / 4;
  const mostly = (n: number, of: number) => n * 10 >= of * 9;
  const few = (n: number, of: number) => n * 10 <= of;
  if (mostly(zeros[1] + zeros[2] + zeros[3], units * 3) && few(zeros[0], units)) return "utf-32le";
  if (mostly(zeros[0] + zeros[1] + zeros[2], units * 3) && few(zeros[3], units)) return "utf-32be";
  const pairs = length / 2;
  if (!mostly(text, pairs)) return undefined;
  const odd = zeros[1] + zeros[3];
  const even = zeros[0] + zeros[2];
  if (mostly(odd, pairs) && few(even, pairs)) return "utf-16le";
  if (mostly(even, pairs) && few(odd, pairs)) return "utf-16be";
  return undefined;
}

function decodeWide(bytes: Uint8Array, encoding: Wide | "utf-8", what: string): string {
  if (encoding === "utf-32le" || encoding === "utf-32be") {
    if (bytes.length % 4 !== 0) {
      throw new InputError(
        `not valid ${encoding.toUpperCase()} ${what}: its length is not a multiple of 4 bytes`,
      );
    }
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError(
      `not valid ${encoding.toUpperCase()} ${what}: odd byte count or unpaired surrogate; ` +
        "save it as UTF-8 and run again",
      { cause: error },
    );
  }
}

/** Refuses bytes no text holds: a NUL (unless it is to be replaced), or many control bytes. */
function rejectBinary(bytes: Uint8Array, what: string, nulAllowed: boolean): void {
  const nul = nulAllowed ? -1 : bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(`binary content, not ${what}: found a NUL byte at offset ${nul}`);
  }
  // Binary without a NUL still shows control bytes that no text uses; ESC is allowed for
  // ISO-2022-JP, and a backspace between two characters, which strikes the first over (a
  // typesetter's bold, "P\bP").
  const sample = bytes.subarray(0, 65536);
  const printed = (b: number | undefined) => b !== undefined && (b >= 0x20 || b === 0x09);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0x08 && printed(sample[i - 1]) && printed(sample[i + 1])) continue;
    if (b < 0x20 && b !== 0 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
      controls++;
    }
  }
  if (controls * 100 > sample.length) {
    throw new InputError(
      `binary content, not ${what}: ${controls} control bytes in the first ${sample.length} bytes`,
    );
  }
}

function decodeNarrow(bytes: Uint8Array, declared: string | undefined): string {
  const ascii = !bytes.some((b) => b >= 0x80);
  // ISO-2022-JP is ASCII with escapes: its bytes are always "valid UTF-8".
  if (!(ascii && declared && bytes.includes(0x1b))) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // not UTF-8: below
    }
  }
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label: as if none were declared
    }
  }
  // UTF-8 with some damage keeps more real characters than it loses.
  const lenient = new TextDecoder("utf-8").decode(bytes);
  let lost = 0;
  let kept = 0;
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i);
    if (c === 0xfffd) lost++;
    else if (c >= 0x80) kept++;
  }
  if (kept > lost) return lenient;
  return new TextDecoder(legacyEncoding(bytes)).decode(bytes);
}

/**
 * The legacy encoding chardet finds most likely, as a WHATWG label. windows-1252 when it is
 * unsure: on a few accented letters its 8-bit guesses are near chance (three bytes of French
 * came out as ISO-8859-2, 35% sure), and windows-1252 is what browsers fall back to.
 */
function legacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, DETECT_BYTES);
  for (const { name, confidence } of chardet.analyse(sample)) {
    if (confidence < MIN_CONFIDENCE) break;
    if (/^(?:UTF-|ISO-2022-[^J])/i.test(name)) continue; // not what invalid UTF-8 is
    try {
      return new TextDecoder(name).encoding;
    } catch {
      continue; // a name the platform's decoder does not know
    }
  }
  return "windows-1252";
}
