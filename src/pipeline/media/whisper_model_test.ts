import assert from "node:assert/strict";
import { join } from "node:path";
import { tinyWhisperModel } from "../../../tests/support/tiny_whisper_model.ts";
import { checkWhisperModel } from "./whisper_model.ts";

async function withModel(
  bytes: Uint8Array,
  fn: (path: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "ggml-test.bin");
    await Deno.writeFile(path, bytes);
    await fn(path);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const MODEL = tinyWhisperModel({ seed: 3 });

Deno.test("checkWhisperModel() accepts a whole model and tells its kind", async () => {
  await withModel(MODEL, async (path) => {
    const info = await checkWhisperModel(path);
    assert.deepEqual(info.layers, { audio: 1, text: 1 });
    assert.equal(info.tensors, 50);
    assert.equal(info.multilingual, false);
    assert.equal(info.bytes, MODEL.length);
  });
});

Deno.test("checkWhisperModel() refuses a model cut short anywhere, even inside its last tensor", async () => {
  for (const keep of [2, 40, 70_000, Math.floor(MODEL.length / 2), MODEL.length - 1]) {
    await withModel(MODEL.slice(0, keep), async (path) => {
      await assert.rejects(
        checkWhisperModel(path),
        /whisper model ggml-test\.bin (is cut short|is incomplete).*download it again/,
        `cut at ${keep}`,
      );
    });
  }
});

Deno.test("checkWhisperModel() names a GGUF file and other formats for what they are", async () => {
  const gguf = new Uint8Array(64);
  gguf.set(new TextEncoder().encode("GGUF"));
  await withModel(gguf, async (path) => {
    await assert.rejects(checkWhisperModel(path), /is a GGUF file .*not a whisper\.cpp model/);
  });
  await withModel(new TextEncoder().encode("s3\nversion 0.1\nmdef\n"), async (path) => {
    await assert.rejects(checkWhisperModel(path), /is not a whisper\.cpp model/);
  });
  // A ggml file whose hyperparameters are not whisper's (a llama-style vocabulary size).
  const other = MODEL.slice();
  new DataView(other.buffer).setInt32(4, 32000, true);
  await withModel(other, async (path) => {
    await assert.rejects(checkWhisperModel(path), /is a ggml file, but not of whisper\.cpp/);
  });
});

Deno.test("checkWhisperModel() refuses trailing garbage as a damaged tensor", async () => {
  const longer = new Uint8Array(MODEL.length + 12);
  longer.set(MODEL);
  longer.fill(0xff, MODEL.length);
  await withModel(longer, async (path) => {
    await assert.rejects(checkWhisperModel(path), /damaged tensor header|is cut short/);
  });
});
