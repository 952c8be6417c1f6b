import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { tinyWhisperModel } from "../../tests/support/tiny_whisper_model.ts";
import { pullModel } from "./pull_model.ts";

const MODEL = tinyWhisperModel({ seed: 5 });
const SHA1 = createHash("sha1").update(MODEL).digest("hex");

type Mode = "whole" | "cut" | "corrupt" | "other" | "missing";

/** A model host on loopback: serves MODEL (with ranges) or misbehaves as `mode` says. */
async function withHost(
  fn: (url: string, host: { mode: Mode; ranges: string[] }) => Promise<void>,
): Promise<void> {
  const host = { mode: "whole" as Mode, ranges: [] as string[] };
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    const range = req.headers.get("range");
    if (range) host.ranges.push(range);
    if (host.mode === "missing") return new Response("not found", { status: 404 });
    let body: Uint8Array = MODEL;
    if (host.mode === "corrupt") body = MODEL.map((b, i) => i === 5000 ? b ^ 0xff : b);
    if (host.mode === "other") body = tinyWhisperModel({ seed: 6 });
    const from = range ? Number(/^bytes=(\d+)-$/.exec(range)?.[1] ?? 0) : 0;
    const slice = body.slice(from) as Uint8Array<ArrayBuffer>;
    const headers = { "content-length": String(slice.length) };
    if (host.mode === "cut") {
      // Announces the whole file, sends half, then the connection breaks.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(slice.subarray(0, Math.floor(slice.length / 2)));
          controller.error(new Error("connection lost"));
        },
      });
      return new Response(stream, { status: range ? 206 : 200, headers });
    }
    return new Response(slice, { status: range ? 206 : 200, headers });
  });
  const dir = await Deno.makeTempDir();
  try {
    await fn(`http://127.0.0.1:${server.addr.port}/ggml-test.bin`, host);
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
}

async function tempDest(): Promise<string> {
  return join(await Deno.makeTempDir(), "models", "ggml-test.bin");
}

Deno.test("pullModel() downloads a model, checks its SHA-1 and reports progress", async () => {
  await withHost(async (url) => {
    const dest = await tempDest();
    const seen: number[] = [];
    const bytes = await pullModel({ url, dest, sha1: SHA1, progress: (done) => seen.push(done) });
    assert.equal(bytes, MODEL.length);
    assert.deepEqual(await Deno.readFile(dest), MODEL);
    assert.equal(seen.at(-1), MODEL.length);
    await assert.rejects(Deno.stat(`${dest}.part`));
  });
});

Deno.test("pullModel() resumes an interrupted download where it broke off", async () => {
  await withHost(async (url, host) => {
    const dest = await tempDest();
    // The connection is lost after the first piece has arrived (the client gives up on it).
    const lost = new AbortController();
    await assert.rejects(
      pullModel({
        url,
        dest,
        sha1: SHA1,
        signal: lost.signal,
        progress: (done) => {
          if (done > 0) lost.abort(new Error("connection lost"));
        },
      }),
      /broke off at \d+ bytes .*run the same command again to resume/,
    );
    const part = (await Deno.stat(`${dest}.part`)).size;
    assert.ok(part > 0 && part < MODEL.length, `part of ${part} bytes`);
    await assert.rejects(Deno.stat(dest));

    await pullModel({ url, dest, sha1: SHA1 });
    assert.deepEqual(host.ranges, [`bytes=${part}-`]);
    assert.deepEqual(await Deno.readFile(dest), MODEL);
  });
});

Deno.test("pullModel() keeps what arrived when the server breaks the connection", async () => {
  await withHost(async (url, host) => {
    const dest = await tempDest();
    host.mode = "cut";
    await assert.rejects(pullModel({ url, dest, sha1: SHA1 }), /broke off at \d+ bytes/);
    host.mode = "whole";
    await pullModel({ url, dest, sha1: SHA1 });
    assert.deepEqual(await Deno.readFile(dest), MODEL);
  });
});

Deno.test("pullModel() refuses and removes a corrupted or different file", async () => {
  await withHost(async (url, host) => {
    for (const mode of ["corrupt", "other"] as const) {
      const dest = await tempDest();
      host.mode = mode;
      await assert.rejects(
        pullModel({ url, dest, sha1: SHA1 }),
        /SHA-1 is [0-9a-f]{40}, not the published [0-9a-f]{40}: it is corrupted/,
      );
      await assert.rejects(Deno.stat(dest));
      await assert.rejects(Deno.stat(`${dest}.part`));
    }
  });
});

Deno.test("pullModel() says which URL answered 404", async () => {
  await withHost(async (url, host) => {
    host.mode = "missing";
    const dest = await tempDest();
    await assert.rejects(pullModel({ url, dest, sha1: SHA1 }), /ggml-test\.bin answered HTTP 404/);
    await assert.rejects(Deno.stat(dest));
  });
});
