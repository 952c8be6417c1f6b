/**
 * @module
 * The real gleaner command line with the fault-injecting stage thread; tests run it as a
 * separate process with the release permission set.
 */
import { runCli } from "../../src/cli/run_cli.ts";

Deno.exit(await runCli(Deno.args, { threadUrl: new URL("./fault_thread.ts", import.meta.url) }));
