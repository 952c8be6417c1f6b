/**
 * @module
 * One stage thread starts at a time in the process. Measured on Deno 2.9.6 with a cold module
 * cache: with two or more sandboxes starting their threads at once, about 1 process start in 80
 * (4 of 332 batches run 8 side by side) had every stage thread it ever started come online and
 * never evaluate its module, so each file stalled until it was quarantined; started one after
 * another, none did (0 of 400). Main makes the lock and every sandbox host shares it: the word
 * holds the name of the sandbox whose thread is starting (its `lockOwner`), 0 when none is.
 */

/** A new lock, shared with every sandbox through its `init` message. */
export function newStartLock(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** Waits until no other thread is starting, then holds the lock for sandbox `owner` (not 0). */
export async function takeStartLock(lock: SharedArrayBuffer, owner: number): Promise<void> {
  const word = new Int32Array(lock);
  for (;;) {
    const holder = Atomics.compareExchange(word, 0, 0, owner);
    if (holder === 0 || holder === owner) return;
    // Bounded: Deno runs a wait's wake-up as a task of the waiting thread's event loop, so the
    // wait also ends after a quarter second and looks again, whatever that loop is doing.
    const wait = Atomics.waitAsync(word, 0, holder, 250);
    if (wait.async) await wait.value;
  }
}

/** Lets the next thread start, if `owner` holds the lock: a host whose thread is ready, died or
 * was dropped, or main for a sandbox it ended whatever it held. */
export function releaseStartLock(lock: SharedArrayBuffer, owner: number): void {
  const word = new Int32Array(lock);
  if (Atomics.compareExchange(word, 0, owner, 0) === owner) Atomics.notify(word, 0);
}
