/**
 * @module
 * Closes what permissions leave open to stage code. Measured on Deno 2.9.6 in a Web Worker with
 * every permission off: `Deno.kill` and `process.kill` still signal the app's own process, so a
 * stage could SIGKILL or SIGSTOP the whole batch; `Deno.addSignalListener` and
 * `process.on("SIGTERM")` still install process-wide handlers, so a stage could make the app
 * ignore SIGTERM. The stage thread seals these before it runs any stage.
 */
import process from "node:process";

const SIGNAL_EVENT = /^SIG[A-Z0-9]+$/;

function refuse(what: string): never {
  throw new Deno.errors.NotCapable(`a sandbox may not ${what}`);
}

/** Replaces the signal APIs of this thread for good: stage code cannot put them back. */
export function sealSignals(): void {
  const fixed = (target: object, name: string, value: unknown) =>
    Object.defineProperty(target, name, { value, writable: false, configurable: false });
  fixed(Deno, "kill", () => refuse("send signals"));
  fixed(Deno, "addSignalListener", () => refuse("listen for signals"));
  fixed(process, "kill", () => refuse("send signals"));
  for (const method of ["on", "once", "addListener", "prependListener", "prependOnceListener"]) {
    const original =
      (process as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
    fixed(process, method, function (this: unknown, event: unknown, ...rest: unknown[]) {
      if (typeof event === "string" && SIGNAL_EVENT.test(event)) refuse("listen for signals");
      return original.call(this, event, ...rest);
    });
  }
}
