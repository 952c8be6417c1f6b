/**
 * @module
 * `--json`: one engine event per line on stdout, each with a `type`.
 */
import type { EngineEvent } from "../protocol/messages.ts";

const encoder = new TextEncoder();

export function ndjsonWriter(out: { writeSync(p: Uint8Array): number } = Deno.stdout) {
  return (event: EngineEvent): void => {
    const bytes = encoder.encode(JSON.stringify(event) + "\n");
    let written = 0;
    while (written < bytes.length) written += out.writeSync(bytes.subarray(written));
  };
}
