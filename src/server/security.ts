/**
 * @module
 * What keeps a local HTTP server local. Deny by default: every request needs the session token
 * as `Authorization: Bearer`, except the page's own static files and the exchange of a one-time
 * code for the token. The decision is made on the path the router matches (Hono's decoded
 * `c.req.path`), so no spelling of `/api/` (`/%61pi/`, `//api`, `/API`) can route to a handler
 * without the token. Besides: requests must name the loopback address and our port in `Host`
 * (DNS rebinding), state-changing requests from another origin are refused (CSRF) and must be
 * small JSON, no CORS headers are ever sent, and every answer carries a strict
 * Content-Security-Policy. The token is never put in a cookie: cookies are not bound to a port,
 * so every other server on 127.0.0.1 would receive it.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** What the page needs before it holds the token: the page itself and its two files. */
const PUBLIC_FILES = new Set(["/", "/app.js", "/app.css", "/favicon.ico"]);

/** Where the page trades a one-time code (from `--open`) for the token. */
export const SESSION_PATH = "/api/session";

/** Request bodies are small JSON objects; anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 64 * 1024;

/** Refuses a body over {@link MAX_BODY_BYTES}, whether it says its length or streams. */
export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json({ error: `request body over ${MAX_BODY_BYTES} bytes` }, 413),
});

/** A random secret, 256 bits, URL-safe. */
export function newToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

export function accessControl(token: string, port: () => number): MiddlewareHandler {
  return async (c, next) => {
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    c.header("Cache-Control", "no-store");

    const origins = [`http://127.0.0.1:${port()}`, `http://localhost:${port()}`];
    const host = c.req.header("host") ?? "";
    if (!origins.some((o) => o.slice("http://".length) === host)) {
      return c.json({ error: "wrong Host: this server answers only on its loopback address" }, 421);
    }
    const method = c.req.method;
    const reads = method === "GET" || method === "HEAD";
    if (!reads) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      if ((origin !== undefined && !origins.includes(origin)) || site === "cross-site") {
        return c.json({ error: "cross-origin request refused" }, 403);
      }
    }
    // The router's own path: percent-decoded exactly as it will be matched.
    const path = c.req.path;
    const open = (reads && PUBLIC_FILES.has(path)) || (method === "POST" && path === SESSION_PATH);
    if (!open && !bearerMatches(c.req.header("authorization"), token)) {
      return c.json({ error: "missing or wrong token: open the URL gleaner printed" }, 401);
    }
    if (method === "POST") {
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/json\s*(?:;|$)/i.test(type)) {
        return c.json({ error: "a POST must carry JSON (Content-Type: application/json)" }, 415);
      }
    }
    await next();
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? "")?.[1];
  return bearer !== undefined && same(bearer, token);
}

export function same(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** How long a one-time code from `--open` stays good: enough for a browser to start. */
const CODE_LIFETIME_MS = 120_000;

/**
 * One-time codes for `--open`: the URL handed to the browser opener is visible to every local
 * user in the opener's process arguments, so it carries a code that is good once, briefly,
 * instead of the token.
 */
export class OneTimeCodes {
  #codes = new Map<string, number>();
  #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  issue(): string {
    const code = newToken();
    this.#codes.set(code, this.#now() + CODE_LIFETIME_MS);
    return code;
  }

  /** True once for a code that was issued and has not expired; it is gone afterwards. */
  redeem(code: string): boolean {
    const now = this.#now();
    let found = false;
    for (const [known, expires] of this.#codes) {
      if (expires <= now) this.#codes.delete(known);
      else if (same(known, code)) {
        this.#codes.delete(known);
        found = true;
      }
    }
    return found;
  }
}
