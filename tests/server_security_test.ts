/**
 * The UI server attacked as a local process or another local user would: paths spelled to slip
 * past the token check, the `--open` code, bodies too big or not JSON, system folders as a job's
 * input or vault, and vault files that are links or FIFOs.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { makeCorpus, writeText } from "./support/corpus.ts";
import { api, finishedJob, json, rawRequest, withServer } from "./support/server.ts";

/** Every spelling of an API path a router might decode to `/api/...`. */
const SPELLINGS = [
  "/%61pi/folders?path=/",
  "/%61%70%69/folders?path=/",
  "/%41PI/folders?path=/",
  "/API/folders?path=/",
  "/Api/folders?path=/",
  "/api%2Ffolders?path=/",
  "/api%2ffolders?path=/",
  "/%2561pi/folders?path=/",
  "/%252561pi/folders?path=/",
  "//api/folders?path=/",
  "///api/folders?path=/",
  "/./api/folders?path=/",
  "/%2e/api/folders?path=/",
  "/app.js/../api/folders?path=/",
  "/app.js/%2e%2e/api/folders?path=/",
  "/api/./folders?path=/",
  "/api//folders?path=/",
  "/api/folders/?path=/",
  "/api/folders;x?path=/",
  "/api/folders%00?path=/",
  "/api/folders%3Fpath=/",
  "/%61pi/jobs",
  "/%61pi/events",
  "/%61pi/health",
  "/%61pi/jobs/1/note?path=Home.md",
  "http://127.0.0.1/api/folders?path=/",
  "/api/folders?path=/&token=",
];

Deno.test("no spelling of an API path is answered without the token", async () => {
  await withServer(async (s) => {
    for (const target of SPELLINGS) {
      for (const method of ["GET", "HEAD"]) {
        const answer = await rawRequest(s.port, method, target);
        assert.ok(
          answer.status === 401 || answer.status === 404 || answer.status === 400,
          `${method} ${target} answered ${answer.status}: ${answer.body.slice(0, 200)}`,
        );
        assert.doesNotMatch(answer.body, /"folders"|"version"|\[\]/, `${method} ${target}`);
      }
    }
  });
});

Deno.test("no spelling of POST /api/jobs starts a job without the token", async () => {
  await withServer(async (s, root) => {
    const input = join(root, "in");
    await makeCorpus(input, 1);
    const body = JSON.stringify({
      input,
      out: join(root, "vault"),
      llm: { url: "http://127.0.0.1:9/v1" },
    });
    for (const target of ["/%61pi/jobs", "/API/jobs", "//api/jobs", "/api/./jobs", "/api/jobs"]) {
      const answer = await rawRequest(s.port, "POST", target, [
        "Content-Type: application/json",
      ], body);
      assert.ok([401, 404].includes(answer.status), `${target} answered ${answer.status}`);
    }
    assert.deepEqual(await json(await api(s, "/api/jobs")), [], "nothing was started");
  });
});

Deno.test("without the token only the page and its own files are served", async () => {
  await withServer(async (s) => {
    for (const path of ["/", "/app.js", "/app.css", "/%61pp.js"]) {
      const answer = await rawRequest(s.port, "GET", path);
      assert.equal(answer.status, 200, path);
    }
    for (const path of ["/index.html", "/app.js.map", "/anything", "/.env"]) {
      const answer = await rawRequest(s.port, "GET", path);
      assert.equal(answer.status, 401, path);
    }
  });
});

Deno.test("the --open address carries a one-time code, traded once for the token", async () => {
  await withServer(async (s) => {
    const url = new URL(s.openUrl());
    assert.equal(url.origin, `http://127.0.0.1:${s.port}`);
    assert.equal(url.searchParams.get("token"), null, "no token where every user can read it");
    assert.ok(!url.href.includes(s.token));
    const code = url.searchParams.get("code")!;
    const trade = () =>
      fetch(`http://127.0.0.1:${s.port}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
    const first = await trade();
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { token: s.token });
    const second = await trade();
    assert.equal(second.status, 401, "a code works once");
    await second.body?.cancel();
    const made = await fetch(`http://127.0.0.1:${s.port}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "made-up" }),
    });
    assert.equal(made.status, 401);
    await made.body?.cancel();
  });
});

Deno.test("a POST must be JSON of at most 64 KiB, refused before it is read", async () => {
  await withServer(async (s, root) => {
    const input = join(root, "in");
    await makeCorpus(input, 1);
    const plain = await api(s, "/api/jobs", {
      method: "POST",
      body: JSON.stringify({ input }),
      headers: { "content-type": "text/plain" },
    });
    assert.equal(plain.status, 415);
    await plain.body?.cancel();
    const untyped = await api(s, "/api/jobs/1/cancel", { method: "POST" });
    assert.equal(untyped.status, 415);
    await untyped.body?.cancel();
    // 5 MB that claims to be JSON: refused by its declared length, and as a stream.
    const big = JSON.stringify({ input, exclude: ["x".repeat(5 * 1024 * 1024)] });
    const sized = await api(s, "/api/jobs", {
      method: "POST",
      body: big,
      headers: { "content-type": "application/json" },
    });
    assert.equal(sized.status, 413);
    await sized.body?.cancel();
    const streamed = await api(s, "/api/jobs", {
      method: "POST",
      body: new Blob([big]).stream(),
      headers: { "content-type": "application/json" },
    });
    assert.equal(streamed.status, 413);
    await streamed.body?.cancel();
    assert.deepEqual(await json(await api(s, "/api/jobs")), []);
  });
});

Deno.test("the root, the home folder and system folders are refused as input or vault", async () => {
  await withServer(async (s, root) => {
    const input = join(root, "in");
    await makeCorpus(input, 1);
    const home = Deno.env.get("HOME")!;
    const cases: [Record<string, string>, RegExp][] = [
      [{ input: "/" }, /input cannot be the root of the disk/],
      [{ input: "/proc" }, /input cannot be in the system folder \/proc/],
      [{ input, out: "/" }, /vault cannot be the root of the disk/],
      [{ input, out: home }, /vault cannot be your home folder itself/],
      [{ input, out: "/etc/gleaner-vault" }, /vault cannot be in the system folder \/etc/],
      [{ input, out: "/usr/share/gleaner-vault" }, /vault cannot be in the system folder \/usr/],
    ];
    // A vault named through a link is judged by where the link leads.
    await Deno.symlink("/etc", join(root, "looks-harmless"));
    cases.push([{ input, out: join(root, "looks-harmless", "vault") }, /system folder \/etc/]);
    for (const [body, message] of cases) {
      const r = await api(s, "/api/jobs", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match((await json(r) as { error: string }).error, message);
    }
    for (const made of ["/etc/gleaner-vault", "/usr/share/gleaner-vault", "/Home.md"]) {
      await assert.rejects(Deno.lstat(made), Deno.errors.NotFound, `${made} was created`);
    }
    assert.deepEqual(await json(await api(s, "/api/jobs")), []);
  });
});

Deno.test("the folder browser answers 400 with a reason for a path it cannot list", async () => {
  await withServer(async (s, root) => {
    const file = join(root, "plain.txt");
    await writeText(file, "not a folder");
    const r = await api(s, `/api/folders?path=${encodeURIComponent(file)}`);
    assert.equal(r.status, 400);
    assert.match((await json(r) as { error: string }).error, /cannot list .*plain\.txt/);
  });
});

Deno.test("the note route refuses links into the state folder and FIFOs, without hanging", async () => {
  await withServer(async (s, root) => {
    const { id, vault } = await finishedJob(s, root);
    await Deno.symlink("../.gleaner/state.db", join(vault, "Sources", "state.md"));
    await Deno.symlink(join(vault, ".gleaner", "state.db"), join(vault, "Sources", "abs.md"));
    await writeText(join(vault, ".gleaner", "secret.md"), "secret");
    await Deno.symlink("../.gleaner/secret.md", join(vault, "Sources", "secret.md"));
    await new Deno.Command("mkfifo", { args: [join(vault, "Sources", "fifo.md")] }).output();
    for (
      const path of ["Sources/state.md", "Sources/abs.md", "Sources/secret.md", "Sources/fifo.md"]
    ) {
      const r = await api(s, `/api/jobs/${id}/note?path=${encodeURIComponent(path)}`);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(await r.text(), /SQLite|secret/, path);
    }
    const home = await api(s, `/api/jobs/${id}/note?path=Home.md`);
    assert.equal(home.status, 200, "a real note is still served");
    await home.body?.cancel();
  });
});
