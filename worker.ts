/**
 * @module
 * Pipeline worker entry. Runs inside a permission-restricted Web Worker that main starts; it
 * only relays tasks to its stage thread and reports back (see src/sandbox/host.ts).
 */
import { SandboxHost, type Scope } from "./src/sandbox/host.ts";

new SandboxHost(self as unknown as Scope);
