/**
 * @module
 * gleaner's entry: `gleaner --batch DIR` processes a folder headlessly; with no arguments it
 * will serve the local web UI. Everything else lives in src/.
 */
import { runCli } from "./src/cli/run_cli.ts";

// An explicit exit, so no stray thread can hold the process open.
Deno.exit(await runCli(Deno.args));
