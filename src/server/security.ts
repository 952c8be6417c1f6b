/**
 * @module
 * What keeps a local HTTP server local: requests must name the loopback address and our port in
 * `Host` (DNS rebinding), state-changing requests from another origin are refused (CSRF), every
 * `/api/` request needs the session token (query, HttpOnly SameSite=Strict cookie, or bearer),
 * no CORS headers are ever sent, and every answer carries a strict Content-Security-Policy.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";

export const TOKEN_COOKIE = "gleaner_token";

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

/** A random session token, 256 bits, URL-safe. */
export function newToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

export function guard(token: string, port: () => number): MiddlewareHandler {
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
    if (method !== "GET" && method !== "HEAD") {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      if ((origin !== undefined && !origins.includes(origin)) || site === "cross-site") {
        return c.json({ error: "cross-origin request refused" }, 403);
      }
    }
    const path = new URL(c.req.url).pathname;
    const query = c.req.query("token");
    if (query !== undefined && same(query, token)) {
      setCookie(c, TOKEN_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        path: "/",
      });
      // Out of the address bar (and history) at once.
      if (!path.startsWith("/api/")) return c.redirect(path, 303);
    }
    if (path.startsWith("/api/") && !authorised(c, token)) {
      return c.json({ error: "missing or wrong token: open the URL gleaner printed" }, 401);
    }
    await next();
  };
}

function authorised(c: Context, token: string): boolean {
  const bearer = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  const candidates = [c.req.query("token"), getCookie(c, TOKEN_COOKIE), bearer];
  return candidates.some((t) => t !== undefined && same(t, token));
}

function same(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
