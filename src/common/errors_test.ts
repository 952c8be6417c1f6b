import assert from "node:assert/strict";
import {
  CorruptStateError,
  errorMessage,
  InputChangedError,
  InputError,
  NotFound,
  UnsafeFileError,
  UsageError,
  VaultFullError,
} from "./errors.ts";

Deno.test("errorMessage() gives an Error's message and any other thrown value as a string", () => {
  assert.equal(errorMessage(new RangeError("out of range")), "out of range");
  assert.equal(errorMessage("plain text"), "plain text");
  assert.equal(errorMessage(42), "42");
  assert.equal(errorMessage(undefined), "undefined");
  assert.equal(errorMessage({ toString: () => "an object" }), "an object");
});

Deno.test("every domain error is named for its class and keeps the cause it wraps", () => {
  const cause = new Error("underneath");
  for (
    const Kind of [
      UsageError,
      NotFound,
      InputError,
      InputChangedError,
      UnsafeFileError,
      CorruptStateError,
      VaultFullError,
    ]
  ) {
    const error = new Kind("what failed", { cause });
    assert.ok(error instanceof Error);
    assert.equal(error.name, Kind.name);
    assert.equal(error.message, "what failed");
    assert.equal(error.cause, cause);
  }
});
