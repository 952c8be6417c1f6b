/**
 * @module
 * The UI server in-process for tests: one on a free port with its own jobs registry, calls that
 * carry its token, and requests written byte for byte (no client normalises them).
 */
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { type RunningServer, startServer } from "../../src/server/serve.ts";
import { withTempDir } from "./app.ts";
import { makeCorpus } from "./corpus.ts";

/** A server on a free port with its own jobs registry, closed after `fn`. */
export async function withServer(
  fn: (s: RunningServer, root: string) => Promise<void>,
): Promise<void> {
  await withTempDir(async (root) => {
    const server = startServer({ port: 0, state: join(root, "state") });
    try {
      await fn(server, root);
    } finally {
      await server.close();
    }
  });
}

export function api(s: RunningServer, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${s.token}`);
  return fetch(`http://127.0.0.1:${s.port}${path}`, { ...init, headers });
}

export async function json(response: Response): Promise<unknown> {
  return await response.json();
}

/** A one-file job run through the API to its end: its id and vault. */
export async function finishedJob(
  s: RunningServer,
  root: string,
): Promise<{ id: number; vault: string }> {
  const input = join(root, "in");
  await makeCorpus(input, 1);
  const vault = join(root, "vault");
  const created = await api(s, "/api/jobs", {
    method: "POST",
    body: JSON.stringify({ input, out: vault, workers: 1 }),
    headers: { "content-type": "application/json" },
  });
  const { id } = await json(created) as { id: number };
  await s.manager.settled(id);
  return { id, vault };
}

export interface RawAnswer {
  status: number;
  headers: string;
  /** The body when the answer said its length; empty for a stream, which is left unread. */
  body: string;
}

/**
 * Sends `target` as written (no percent-decoding, no dot-segment removal: what an attacker's
 * own client sends) and reads the status, headers and a body of known length.
 */
export async function rawRequest(
  port: number,
  method: string,
  target: string,
  headers: string[] = [],
  body = "",
): Promise<RawAnswer> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    const ownHost = headers.some((h) => /^host:/i.test(h));
    const lines = [
      `${method} ${target} HTTP/1.1`,
      ...(ownHost ? [] : [`Host: 127.0.0.1:${port}`]),
      "Connection: close",
      ...headers,
      ...(body ? [`Content-Length: ${new TextEncoder().encode(body).length}`] : []),
    ];
    await conn.write(new TextEncoder().encode(lines.join("\r\n") + "\r\n\r\n" + body));
    const chunks: Uint8Array[] = [];
    const buffer = new Uint8Array(65536);
    const text = () => new TextDecoder().decode(Buffer.concat(chunks));
    for (;;) {
      const head = text().indexOf("\r\n\r\n");
      if (head >= 0) {
        const top = text().slice(0, head);
        const length = /^content-length:\s*(\d+)/im.exec(top);
        const rest = text().slice(head + 4);
        if (!length || new TextEncoder().encode(rest).length >= Number(length[1])) {
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(top)?.[1]);
          return { status, headers: top, body: length ? rest : "" };
        }
      }
      const n = await conn.read(buffer);
      if (n === null) {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text())?.[1]);
        return { status, headers: text(), body: "" };
      }
      chunks.push(buffer.slice(0, n));
    }
  } finally {
    conn.close();
  }
}
