import assert from "node:assert/strict";
import { sha256, sha256Hex } from "./sha256.ts";

Deno.test("sha256Hex() gives the standard digest of a text and of its UTF-8 bytes", () => {
  const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  assert.equal(sha256Hex("abc"), abc);
  assert.equal(sha256Hex(new TextEncoder().encode("abc")), abc);
});

Deno.test("sha256() fed in pieces equals sha256Hex() of the whole", () => {
  const hash = sha256();
  hash.update("a").update(new TextEncoder().encode("bc"));
  assert.equal(hash.digest("hex"), sha256Hex("abc"));
});
