/**
 * @module
 * Writes a tiny whisper.cpp model with seeded random weights, for tests and the benchmark: no
 * real weights are reachable from our machines. The layout is the one whisper.cpp's loader
 * (`whisper_model_load` in src/whisper.cpp) reads and its `models/convert-pt-to-ggml.py` writes:
 *
 *   magic "ggml" (u32 0x67676d6c), 11 × i32 hparams (n_vocab, n_audio_ctx, n_audio_state,
 *   n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels,
 *   ftype), the mel filters (i32 n_mel, i32 n_fft, n_mel × n_fft f32), the vocabulary (i32 count,
 *   then i32 length + bytes per token), then every tensor: i32 n_dims, i32 name length, i32 type
 *   (0 f32, 1 f16), n_dims × i32 sizes innermost first, the name, the data.
 *
 * The model transcribes nothing real: its output is seeded gibberish made of the vocabulary's
 * syllable words. What it proves is that gleaner drives a real whisper-cli end to end.
 *
 * Run directly to write one: `deno run -W tests/support/tiny_whisper_model.ts OUT.bin [SEED]`.
 */
import { seeded } from "../../scripts/seeded.ts";

/** The English-only vocabulary size: 50,256 text tokens, then the special and timestamp ones. */
const N_VOCAB_EN = 51864;
/** Text tokens written to the file; the loader names the special tokens past them itself. */
const N_TEXT_TOKENS = 50256;
const GGML_MAGIC = 0x67676d6c;

export interface TinyWhisperOptions {
  /** Seeds the weights; the same seed writes the same bytes. */
  seed?: number;
  /** 1: the big matrices in f16, as whisper.cpp's own models are; 0: everything in f32. */
  ftype?: 0 | 1;
  /** Width of the encoder and decoder (default 32: about 3.6 MB in f16). */
  state?: number;
  /**
   * Decoder context (default 32 tokens): whisper.cpp decodes at most 12 tokens per 30 s window
   * then, which keeps random decoding (retried at every temperature) quick.
   */
  textCtx?: number;
}

interface Tensor {
  name: string;
  /** Sizes innermost first, as ggml counts them (PyTorch's shape reversed). */
  ne: number[];
  fill: "random" | "ones" | "zeros";
}

/** The bytes of a tiny whisper.cpp model. */
export function tinyWhisperModel(options: TinyWhisperOptions = {}): Uint8Array {
  const seed = options.seed ?? 1;
  const ftype = options.ftype ?? 1;
  const state = options.state ?? 32;
  const textCtx = options.textCtx ?? 32;
  // 30 s windows of 10 ms mel frames, halved by the encoder's second convolution: whisper.cpp
  // computes timestamps from this, so it stays at the real models' 1500.
  const audioCtx = 1500;
  const nMels = 80;
  const heads = 2;
  const hparams = [
    N_VOCAB_EN,
    audioCtx,
    state,
    heads,
    1,
    textCtx,
    state,
    heads,
    1,
    nMels,
    ftype,
  ];

  const out = new ByteWriter();
  out.u32(GGML_MAGIC);
  for (const value of hparams) out.i32(value);

  const filters = melFilters(nMels, 201);
  out.i32(nMels);
  out.i32(201);
  out.f32s(filters);

  out.i32(N_TEXT_TOKENS);
  const encoder = new TextEncoder();
  for (let id = 0; id < N_TEXT_TOKENS; id++) {
    const bytes = encoder.encode(tokenText(id));
    out.i32(bytes.length);
    out.bytes(bytes);
  }

  const random = seeded(seed);
  for (const tensor of tensors(state, audioCtx, textCtx, nMels)) {
    const count = tensor.ne.reduce((a, b) => a * b, 1);
    const values = new Float32Array(count);
    if (tensor.fill === "ones") values.fill(1);
    else if (tensor.fill === "random") {
      // Scaled like PyTorch's default init, so activations stay finite through the layers.
      const scale = 1 / Math.sqrt(tensor.ne[0]);
      for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale;
    }
    // The converter keeps vectors, conv biases and positional embeddings in f32.
    const half = ftype === 1 && tensor.ne.length >= 2 && !/bias$|positional_embedding$/.test(
      tensor.name,
    );
    const name = encoder.encode(tensor.name);
    out.i32(tensor.ne.length);
    out.i32(name.length);
    out.i32(half ? 1 : 0);
    for (const size of tensor.ne) out.i32(size);
    out.bytes(name);
    if (half) out.bytes(new Uint8Array(Float16Array.from(values).buffer));
    else out.f32s(values);
  }
  return out.finish();
}

export async function writeTinyWhisperModel(
  path: string,
  options: TinyWhisperOptions = {},
): Promise<void> {
  await Deno.writeFile(path, tinyWhisperModel(options));
}

/** Every tensor whisper.cpp expects for one encoder and one decoder layer, in converter order. */
function tensors(state: number, audioCtx: number, textCtx: number, nMels: number): Tensor[] {
  const r = (name: string, ...ne: number[]): Tensor => ({ name, ne, fill: "random" });
  const z = (name: string, n: number): Tensor => ({ name, ne: [n], fill: "zeros" });
  const one = (name: string, n: number): Tensor => ({ name, ne: [n], fill: "ones" });
  const attention = (prefix: string): Tensor[] => [
    r(`${prefix}.query.weight`, state, state),
    z(`${prefix}.query.bias`, state),
    r(`${prefix}.key.weight`, state, state),
    r(`${prefix}.value.weight`, state, state),
    z(`${prefix}.value.bias`, state),
    r(`${prefix}.out.weight`, state, state),
    z(`${prefix}.out.bias`, state),
  ];
  const mlp = (prefix: string): Tensor[] => [
    one(`${prefix}.mlp_ln.weight`, state),
    z(`${prefix}.mlp_ln.bias`, state),
    r(`${prefix}.mlp.0.weight`, state, 4 * state),
    z(`${prefix}.mlp.0.bias`, 4 * state),
    r(`${prefix}.mlp.2.weight`, 4 * state, state),
    z(`${prefix}.mlp.2.bias`, state),
  ];
  return [
    r("encoder.positional_embedding", state, audioCtx),
    r("encoder.conv1.weight", 3, nMels, state),
    { name: "encoder.conv1.bias", ne: [1, state], fill: "zeros" },
    r("encoder.conv2.weight", 3, state, state),
    { name: "encoder.conv2.bias", ne: [1, state], fill: "zeros" },
    one("encoder.blocks.0.attn_ln.weight", state),
    z("encoder.blocks.0.attn_ln.bias", state),
    ...attention("encoder.blocks.0.attn"),
    ...mlp("encoder.blocks.0"),
    one("encoder.ln_post.weight", state),
    z("encoder.ln_post.bias", state),
    r("decoder.positional_embedding", state, textCtx),
    r("decoder.token_embedding.weight", state, N_VOCAB_EN),
    one("decoder.blocks.0.attn_ln.weight", state),
    z("decoder.blocks.0.attn_ln.bias", state),
    ...attention("decoder.blocks.0.attn"),
    one("decoder.blocks.0.cross_attn_ln.weight", state),
    z("decoder.blocks.0.cross_attn_ln.bias", state),
    ...attention("decoder.blocks.0.cross_attn"),
    ...mlp("decoder.blocks.0"),
    one("decoder.ln.weight", state),
    z("decoder.ln.bias", state),
  ];
}

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bi", "da", "fu", "go"];

/** GPT-2's lone space, which whisper.cpp looks up by its text to suppress blank output. */
const SPACE_TOKEN = 220;

/** A distinct pronounceable word per token id, with the leading space GPT-2 tokens carry. */
function tokenText(id: number): string {
  if (id === SPACE_TOKEN) return " ";
  let word = "";
  let n = id;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return ` ${word}`;
}

/** Triangular filters on the mel scale over the 201 bins of a 400-point FFT at 16 kHz. */
function melFilters(nMels: number, nFft: number): Float32Array {
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const hz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const top = mel(8000);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => hz((top * i) / (nMels + 1)));
  const filters = new Float32Array(nMels * nFft);
  for (let m = 0; m < nMels; m++) {
    const [lo, mid, hi] = [edges[m], edges[m + 1], edges[m + 2]];
    for (let bin = 0; bin < nFft; bin++) {
      const f = (bin * 8000) / (nFft - 1);
      const up = (f - lo) / (mid - lo), down = (hi - f) / (hi - mid);
      filters[m * nFft + bin] = Math.max(0, Math.min(up, down)) * (2 / (hi - lo));
    }
  }
  return filters;
}

/** Little-endian writer that grows as needed (whisper.cpp reads the file little-endian). */
class ByteWriter {
  #buffer = new Uint8Array(1 << 20);
  #view = new DataView(this.#buffer.buffer);
  #length = 0;

  #room(n: number): void {
    if (this.#length + n <= this.#buffer.length) return;
    let size = this.#buffer.length * 2;
    while (size < this.#length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = next;
    this.#view = new DataView(next.buffer);
  }

  u32(value: number): void {
    this.#room(4);
    this.#view.setUint32(this.#length, value, true);
    this.#length += 4;
  }

  i32(value: number): void {
    this.#room(4);
    this.#view.setInt32(this.#length, value, true);
    this.#length += 4;
  }

  f32s(values: Float32Array): void {
    this.#room(values.length * 4);
    for (let i = 0; i < values.length; i++) {
      this.#view.setFloat32(this.#length + i * 4, values[i], true);
    }
    this.#length += values.length * 4;
  }

  bytes(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  finish(): Uint8Array {
    return this.#buffer.slice(0, this.#length);
  }
}

if (import.meta.main) {
  const [path, seed] = Deno.args;
  if (!path) {
    console.error("usage: tiny_whisper_model.ts OUT.bin [SEED]");
    Deno.exit(2);
  }
  await writeTinyWhisperModel(path, { seed: seed ? Number(seed) : 1 });
}
