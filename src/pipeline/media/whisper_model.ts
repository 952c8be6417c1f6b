/**
 * @module
 * Checks a whisper.cpp model file before a batch uses it, in main, so a wrong or damaged model
 * is one clear error at the start instead of the same failure for every recording. whisper-cli
 * itself reads a file that is cut short inside its last tensor without complaint; this walk
 * catches that too.
 *
 * The layout is whisper.cpp's ggml format (its loader, `whisper_model_load`): magic, 11 i32
 * hyperparameters, mel filters, vocabulary, then tensors with their headers. Only headers are
 * read; tensor data is skipped by seeking, so a 3 GB model is checked in milliseconds.
 */
import { basename } from "node:path";

const GGML_MAGIC = 0x67676d6c;

/** Bytes per block and elements per block of the ggml tensor types whisper models use. */
const TYPE_SIZES: Record<number, [bytes: number, block: number]> = {
  0: [4, 1], // f32
  1: [2, 1], // f16
  2: [18, 32], // q4_0
  3: [20, 32], // q4_1
  6: [22, 32], // q5_0
  7: [24, 32], // q5_1
  8: [34, 32], // q8_0
  10: [84, 256], // q2_k
  11: [110, 256], // q3_k
  12: [144, 256], // q4_k
  13: [176, 256], // q5_k
  14: [210, 256], // q6_k
  30: [2, 1], // bf16
};

export interface WhisperModelInfo {
  /** tiny, base, small, medium, large, or unknown (by encoder depth, as whisper.cpp names it). */
  size: string;
  /** English-only (`.en`) models have 51,864 tokens; multilingual ones more. */
  multilingual: boolean;
  layers: { audio: number; text: number };
  tensors: number;
  bytes: number;
}

/** A model file that whisper-cli cannot use, with what is wrong and what to do. */
export class WhisperModelError extends Error {
  override name = "WhisperModelError";
}

/**
 * Reads a model's header and walks its tensors.
 * @throws {WhisperModelError} when the file is no whisper.cpp model or is damaged
 */
export async function checkWhisperModel(path: string): Promise<WhisperModelInfo> {
  const name = basename(path);
  const bad = (what: string) =>
    new WhisperModelError(
      `whisper model ${name} ${what}; download it again (gleaner models pull NAME) or name ` +
        "another file with --whisper",
    );
  using file = await Deno.open(path, { read: true });
  const bytes = (await file.stat()).size;
  const reader = new HeaderReader(file, bytes, () => bad("is cut short"));

  const magic = await reader.u32();
  if (magic !== GGML_MAGIC) {
    const start = new TextDecoder().decode(
      new Uint8Array(new Uint32Array([magic]).buffer),
    );
    if (start === "GGUF") {
      throw bad("is a GGUF file (llama.cpp and newer ggml tools), not a whisper.cpp model");
    }
    throw bad("is not a whisper.cpp model (it does not start with ggml's magic number)");
  }
  const [nVocab, audioCtx, audioState, audioHead, audioLayers] = await reader.i32s(5);
  const [textCtx, textState, textHead, textLayers, nMels, ftype] = await reader.i32s(6);
  const sane = nVocab >= 51864 && nVocab <= 51866 && audioCtx > 0 && audioCtx <= 1500 &&
    audioState > 0 && audioState === textState && audioHead > 0 && audioLayers > 0 &&
    audioLayers <= 64 && textCtx > 0 && textCtx <= 4096 && textHead > 0 && textLayers > 0 &&
    textLayers <= 64 && (nMels === 80 || nMels === 128) && ftype >= 0;
  if (!sane) throw bad("is a ggml file, but not of whisper.cpp (its hyperparameters are not)");

  const [filterMels, filterBins] = await reader.i32s(2);
  if (filterMels !== nMels || filterBins <= 0 || filterBins > 1024) {
    throw bad("has damaged mel filters");
  }
  await reader.skip(filterMels * filterBins * 4);
  const [tokens] = await reader.i32s(1);
  if (tokens < 0 || tokens > nVocab) throw bad("has a damaged vocabulary");
  for (let i = 0; i < tokens; i++) {
    const length = await reader.u32();
    if (length > 1024) throw bad("has a damaged vocabulary");
    await reader.skip(length);
  }

  const expected = 7 + 15 * audioLayers + 4 + 24 * textLayers;
  let count = 0;
  while (reader.offset < bytes) {
    const [dims, nameLength, type] = await reader.i32s(3);
    if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > 256) {
      throw bad(`has a damaged tensor header at byte ${reader.offset}`);
    }
    const ne = await reader.i32s(dims);
    await reader.skip(nameLength);
    const size = TYPE_SIZES[type];
    // A type newer than this list: the rest cannot be measured, so whisper-cli has the last word.
    if (!size) return info(count);
    const elements = ne.reduce((a, b) => a * b, 1);
    await reader.skip(Math.ceil(elements / size[1]) * size[0]);
    count++;
  }
  if (count !== expected) {
    throw bad(
      `is incomplete: it holds ${count} of the ${expected} tensors a model of its kind has`,
    );
  }
  return info(count);

  function info(tensors: number): WhisperModelInfo {
    const sizes: Record<number, string> = { 4: "tiny", 6: "base", 12: "small", 24: "medium" };
    return {
      size: sizes[audioLayers] ?? (audioLayers === 32 ? "large" : "unknown"),
      multilingual: nVocab >= 51865,
      layers: { audio: audioLayers, text: textLayers },
      tensors,
      bytes,
    };
  }
}

/** Reads little-endian numbers from a file through a small buffer; skips by seeking. */
class HeaderReader {
  offset = 0;
  #buffer = new Uint8Array(0);
  #at = 0;
  readonly #file: Deno.FsFile;
  readonly #size: number;
  readonly #short: () => Error;

  constructor(file: Deno.FsFile, size: number, short: () => Error) {
    this.#file = file;
    this.#size = size;
    this.#short = short;
  }

  async #take(n: number): Promise<DataView> {
    if (this.offset + n > this.#size) throw this.#short();
    if (this.#at + n > this.#buffer.length) {
      await this.#file.seek(this.offset, Deno.SeekMode.Start);
      const want = Math.min(Math.max(n, 1 << 16), this.#size - this.offset);
      const buffer = new Uint8Array(want);
      let filled = 0;
      while (filled < want) {
        const read = await this.#file.read(buffer.subarray(filled));
        if (read === null) throw this.#short();
        filled += read;
      }
      this.#buffer = buffer;
      this.#at = 0;
    }
    const view = new DataView(this.#buffer.buffer, this.#at, n);
    this.#at += n;
    this.offset += n;
    return view;
  }

  async u32(): Promise<number> {
    return (await this.#take(4)).getUint32(0, true);
  }

  async i32s(n: number): Promise<number[]> {
    const view = await this.#take(4 * n);
    return Array.from({ length: n }, (_, i) => view.getInt32(i * 4, true));
  }

  skip(n: number): Promise<void> {
    if (n < 0 || this.offset + n > this.#size) throw this.#short();
    this.offset += n;
    if (this.#at + n <= this.#buffer.length) this.#at += n;
    else this.#buffer = new Uint8Array(0);
    return Promise.resolve();
  }
}
