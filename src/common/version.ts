/**
 * @module
 * gleaner's version, read from deno.json, the one place it is written: `--version`, the URL line,
 * the web UI's health answer and its event stream all print this.
 */
import denoConfig from "../../deno.json" with { type: "json" };

export const VERSION: string = denoConfig.version;
