import assert from "node:assert/strict";
import { join } from "node:path";
import { DEFAULT_PORT } from "../src/cli/args.ts";
import { JobDetail, JobEvent, JobList, JobMetrics, Started } from "../src/protocol/api.ts";
import { api, finishedJob, json, rawRequest, withServer } from "./support/server.ts";
import { makeCorpus, writeText } from "./support/corpus.ts";

Deno.test("the UI server listens on loopback only and prints a URL with its token", async () => {
  assert.equal(DEFAULT_PORT, 4870, "the preferred port, which tests leave free (they ask for 0)");
  await withServer(async (s) => {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    assert.notEqual(s.port, 0);
    const health = await api(s, "/api/health");
    assert.equal(health.status, 200);
    await health.body?.cancel();
    // Bound to loopback: the machine's other addresses do not answer on that port.
    const outside = Deno.networkInterfaces().filter((i) =>
      i.family === "IPv4" && !i.address.startsWith("127.")
    );
    for (const { address } of outside) {
      await assert.rejects(
        Deno.connect({ hostname: address, port: s.port }),
        Deno.errors.ConnectionRefused,
        address,
      );
    }
  });
});

Deno.test("every API route needs the token: none and a wrong one are refused", async () => {
  await withServer(async (s) => {
    const none = await fetch(`http://127.0.0.1:${s.port}/api/health`);
    assert.equal(none.status, 401);
    await none.body?.cancel();
    const wrong = await api(s, "/api/jobs", { headers: { authorization: "Bearer nope" } });
    assert.equal(wrong.status, 401);
    await wrong.body?.cancel();
    const right = await api(s, "/api/health");
    assert.equal(right.status, 200);
    assert.deepEqual(await json(right), { ok: true, version: "0.1.0" });
  });
});

Deno.test("no cookie is ever set: the token goes only as a bearer header", async () => {
  await withServer(async (s) => {
    const page = await fetch(s.url, { redirect: "manual" });
    assert.equal(page.status, 200, "the page itself takes the token from its address");
    assert.equal(page.headers.get("set-cookie"), null);
    await page.body?.cancel();
    const withCookie = await fetch(`http://127.0.0.1:${s.port}/api/health`, {
      headers: { cookie: `gleaner_token=${s.token}` },
    });
    assert.equal(withCookie.status, 401, "a cookie is no way in");
    await withCookie.body?.cancel();
    const inQuery = await fetch(`http://127.0.0.1:${s.port}/api/health?token=${s.token}`);
    assert.equal(inQuery.status, 401, "nor is the query string");
    await inQuery.body?.cancel();
  });
});

Deno.test("a foreign Host is refused (DNS rebinding), even with the token", async () => {
  await withServer(async (s) => {
    const answer = await rawRequest(s.port, "GET", "/api/health", [
      "Host: attacker.example:" + s.port,
      `Authorization: Bearer ${s.token}`,
    ]);
    assert.equal(answer.status, 421);
    const local = await rawRequest(s.port, "GET", "/api/health", [
      `Host: localhost:${s.port}`,
      `Authorization: Bearer ${s.token}`,
    ]);
    assert.equal(local.status, 200);
  });
});

Deno.test("state-changing requests from another origin are refused, and no CORS is granted", async () => {
  await withServer(async (s, root) => {
    const input = join(root, "in");
    await makeCorpus(input, 2);
    const body = JSON.stringify({ input });
    const foreign: Record<string, string>[] = [
      { origin: "http://attacker.example" },
      { origin: `http://127.0.0.1:${s.port + 1}` },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      const r = await api(s, "/api/jobs", {
        method: "POST",
        body,
        headers: { ...headers, "content-type": "application/json" },
      });
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.equal(r.headers.get("access-control-allow-origin"), null);
      await r.body?.cancel();
    }
    const preflight = await api(s, "/api/jobs", {
      method: "OPTIONS",
      headers: { origin: "http://attacker.example", "access-control-request-method": "POST" },
    });
    assert.equal(preflight.headers.get("access-control-allow-origin"), null);
    await preflight.body?.cancel();
    const list = await api(s, "/api/jobs");
    assert.deepEqual(await json(list), [], "nothing was started");
  });
});

Deno.test("every answer carries a strict Content-Security-Policy", async () => {
  await withServer(async (s) => {
    for (const path of ["/", "/api/health", "/api/nothing-here"]) {
      const r = await api(s, path);
      const csp = r.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
      assert.equal(r.headers.get("referrer-policy"), "no-referrer");
      await r.body?.cancel();
    }
  });
});

Deno.test("a job started through the API runs, streams its events and shows its files", async () => {
  await withServer(async (s, root) => {
    const input = join(root, "in");
    const paths = await makeCorpus(input, 6);
    const events = await fetch(`http://127.0.0.1:${s.port}/api/events`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    assert.equal(events.headers.get("content-type"), "text/event-stream");
    const seen: JobEvent[] = [];
    const reading = (async () => {
      const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
        for (const m of text.matchAll(/^event: job\ndata: (.+)$/gm)) {
          seen.push(JobEvent.parse(JSON.parse(m[1])));
        }
        text = text.slice(text.lastIndexOf("\n\n") + 2);
        if (seen.some((e) => e.event.type === "job_finished")) break;
      }
      await reader.cancel();
    })();

    const created = await api(s, "/api/jobs", {
      method: "POST",
      body: JSON.stringify({ input, out: join(root, "vault"), workers: 1 }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(created.status, 201);
    const { id } = Started.parse(await json(created));
    await reading;
    await s.manager.settled(id);

    assert.ok(seen.every((e) => e.jobId === id));
    assert.deepEqual(seen.map((e) => e.seq), seen.map((_, i) => i + 1), "numbered in order");
    assert.ok(seen.every((e) => e.run === seen[0].run), "one run");
    const done = seen.filter((e) => e.event.type === "file_done").length;
    assert.equal(done, paths.length);
    // Every answer parses through the protocol's schema, as the UI parses it.
    const detail = JobDetail.parse(await json(await api(s, `/api/jobs/${id}`)));
    assert.equal(detail.state, "finished");
    assert.equal(detail.running, false);
    assert.deepEqual(detail.files.map((f) => f.status), paths.map(() => "done"));
    assert.deepEqual(detail.request, { input, out: join(root, "vault"), workers: 1 });
    assert.equal(detail.workers, 1);

    // The run's metrics: sampled at its start, every 15 s on a slow machine, and at its end,
    // the last after every file was done.
    const metrics = JobMetrics.parse(await json(await api(s, `/api/jobs/${id}/metrics`)));
    assert.deepEqual(metrics.runs.map((r) => r.end), ["finished"]);
    assert.ok(metrics.at.length >= 2, `${metrics.at}`);
    assert.ok(metrics.memoryMb.every((mb) => mb !== null && mb > 10), `${metrics.memoryMb}`);
    assert.ok(metrics.restarts.every((n) => n === 0), `${metrics.restarts}`);
    assert.ok(metrics.filesPerHour.at(-1)! > 0);

    const note = await api(s, `/api/jobs/${id}/note?path=${encodeURIComponent("Home.md")}`);
    assert.equal(note.status, 200);
    assert.match(await note.text(), /^# Home\n/);
  });
});

Deno.test("bad job requests get clear errors and start nothing", async () => {
  await withServer(async (s, root) => {
    const post = (body: unknown) =>
      api(s, "/api/jobs", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    const cases: [unknown, RegExp][] = [
      [{}, /input/],
      [{ input: "" }, /choose an input folder/],
      [{ input: join(root, "missing") }, /input folder not found/],
      [{ input: root, workers: 0 }, /workers/],
      [{ input: root, surprise: true }, /surprise|unrecognized/i],
      [{ input: root, llm: { url: "ftp://x" } }, /--llm-url needs an http/],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match((await json(r) as { error: string }).error, message);
    }
    assert.deepEqual(await json(await api(s, "/api/jobs")), []);
    const idle = await api(s, "/api/jobs/1/pause", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    assert.equal(idle.status, 404);
    await idle.body?.cancel();
  });
});

Deno.test("note routes serve only Markdown files inside the job's vault", async () => {
  await withServer(async (s, root) => {
    const { id, vault } = await finishedJob(s, root);
    await writeText(join(root, "secret.md"), "secret");
    await Deno.symlink(join(root, "secret.md"), join(vault, "Sources", "link.md"));
    for (
      const path of [
        "../secret.md",
        "Sources/../../secret.md",
        join(root, "secret.md"),
        ".gleaner/state.db",
        ".gleaner/../../secret.md",
        "Sources/link.md",
        "Home",
        "%2e%2e/secret.md",
        "",
      ]
    ) {
      const r = await api(s, `/api/jobs/${id}/note?path=${encodeURIComponent(path)}`);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(await r.text(), /secret/, path);
    }
  });
});

Deno.test("a finished job lists its failed files with reasons, can be run again, and deleted from the list while its vault stays", async () => {
  await withServer(async (s, root) => {
    const input = join(root, "in");
    await makeCorpus(input, 2);
    await Deno.writeFile(join(input, "broken.pdf"), new TextEncoder().encode("%PDF-1.7\ngarbage"));
    const vault = join(root, "vault");
    const created = await api(s, "/api/jobs", {
      method: "POST",
      body: JSON.stringify({ input, out: vault }),
      headers: { "content-type": "application/json" },
    });
    const { id } = Started.parse(await json(created));
    await s.manager.settled(id);
    const [row] = JobList.parse(await json(await api(s, "/api/jobs")));
    assert.equal(row.problems.length, 1);
    assert.equal(row.problems[0].path, "broken.pdf");
    assert.match(row.problems[0].error ?? "", /pdf/i);
    const again = await api(s, `/api/jobs/${id}/resume`, {
      method: "POST",
      body: JSON.stringify({ retryFailed: true }),
      headers: { "content-type": "application/json" },
    });
    assert.deepEqual(await json(again), { id });
    await s.manager.settled(id);
    const removed = await api(s, `/api/jobs/${id}`, { method: "DELETE" });
    assert.equal(removed.status, 200);
    await removed.body?.cancel();
    const gone = await api(s, `/api/jobs/${id}`);
    assert.equal(gone.status, 404);
    await gone.body?.cancel();
    assert.ok((await Deno.stat(join(vault, "Home.md"))).isFile);
  });
});
