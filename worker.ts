/**
 * @module
 * Pipeline worker entry. Runs inside a permission-restricted Web Worker that main starts; it
 * only relays tasks to its stage thread and reports back (see src/sandbox/host.ts).
 */
import { startHost } from "./src/sandbox/host.ts";

startHost(self as unknown as Parameters<typeof startHost>[0]);
