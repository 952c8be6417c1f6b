import assert from "node:assert/strict";
import { join } from "node:path";
import { runApp, startUi, withTempDir } from "./support/app.ts";
import { tinyWhisperModel } from "./support/tiny_whisper_model.ts";

/** A model host on loopback that serves `body` for every model name (or 404 without one). */
async function withHost(
  body: Uint8Array<ArrayBuffer> | undefined,
  fn: (url: string, paths: string[]) => Promise<void>,
): Promise<void> {
  const paths: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    paths.push(new URL(req.url).pathname);
    return body ? new Response(body) : new Response("no such file", { status: 404 });
  });
  try {
    await fn(`http://127.0.0.1:${server.addr.port}/mirror`, paths);
  } finally {
    await server.shutdown();
  }
}

Deno.test("gleaner models lists the standard models with size and language, and the installed", async () => {
  await withTempDir(async (root) => {
    const env = { XDG_STATE_HOME: root };
    await Deno.mkdir(join(root, "gleaner", "models"), { recursive: true });
    await Deno.writeFile(join(root, "gleaner", "models", "ggml-base.en.bin"), tinyWhisperModel());
    const run = await runApp(["models"], { env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^base\.en +142 MiB {2}English +installed$/m);
    assert.match(run.stdout, /^large-v3-turbo +1\.5 GiB {2}multilingual$/m);
    assert.match(run.stdout, /^tiny +75 MiB {2}multilingual$/m);
  });
});

Deno.test("gleaner models pull installs nothing when the file is not the published model", async () => {
  await withTempDir(async (root) => {
    const env = { XDG_STATE_HOME: root };
    const models = join(root, "gleaner", "models");
    await withHost(tinyWhisperModel() as Uint8Array<ArrayBuffer>, async (url, paths) => {
      const run = await runApp(["models", "pull", "base.en", "--from", url], { env });
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(paths, ["/mirror/ggml-base.en.bin"]);
      assert.match(
        run.stderr,
        /models pull base\.en: the downloaded file's SHA-1 is [0-9a-f]{40}, not the published 137c40403d78fd54d454da0f9bd998f78703390c/,
      );
      assert.deepEqual([...Deno.readDirSync(models)], []);
    });
    await withHost(undefined, async (url) => {
      const run = await runApp(["models", "pull", "tiny.en", "--from", url], { env });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /ggml-tiny\.en\.bin answered HTTP 404/);
    });
    const unknown = await runApp(["models", "pull", "huge"], { env });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no standard model is called huge/);
  });
});

Deno.test("the web UI's API lists the installed whisper models, the preferred first", async () => {
  await withTempDir(async (root) => {
    const models = join(root, "gleaner", "models");
    await Deno.mkdir(models, { recursive: true });
    for (const name of ["tiny", "small.en", "base.en"]) {
      await Deno.writeFile(join(models, `ggml-${name}.bin`), tinyWhisperModel());
    }
    const ui = await startUi(join(root, "ui-state"), { env: { XDG_STATE_HOME: root } });
    try {
      const response = await fetch(`${ui.base}/api/models`, {
        headers: { authorization: `Bearer ${ui.token}` },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), ["base.en", "small.en", "tiny"]);
    } finally {
      ui.child.kill("SIGINT");
      await ui.child.status;
      await ui.drained;
    }
  });
});
