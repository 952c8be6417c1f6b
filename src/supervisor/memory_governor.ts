/**
 * @module
 * Watches process RSS and free system memory; under pressure it lowers how many files run at
 * once, and raises it again, one step at a time, when the pressure has passed.
 */

export interface MemoryProbe {
  /** Resident set size of this process, bytes. */
  rss(): number;
  /** Memory the system can still give, bytes. */
  available(): number;
  total(): number;
}

export const systemProbe: MemoryProbe = {
  rss: () => Deno.memoryUsage().rss,
  available: () => Deno.systemMemoryInfo().available,
  total: () => Deno.systemMemoryInfo().total,
};

export interface GovernorLimits {
  /** Pressure when available memory falls below this many bytes. */
  minAvailable: number;
  /** Pressure when this process's RSS rises above this many bytes. */
  maxRss: number;
}

export function defaultLimits(probe: MemoryProbe): GovernorLimits {
  const total = probe.total();
  return { minAvailable: Math.max(512 * 2 ** 20, total * 0.1), maxRss: total * 0.5 };
}

export interface Governed {
  readonly concurrency: number;
  setConcurrency(n: number, reason: string): void;
}

/** One look at memory; call it on a timer. Returns the concurrency it settled on. */
export function governMemory(
  target: Governed,
  max: number,
  probe: MemoryProbe,
  limits: GovernorLimits,
): number {
  const rss = probe.rss();
  const available = probe.available();
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  if (available < limits.minAvailable || rss > limits.maxRss) {
    if (target.concurrency > 1) {
      target.setConcurrency(
        target.concurrency - 1,
        `memory pressure: ${mb(available)} available, gleaner uses ${mb(rss)}`,
      );
    }
  } else if (
    target.concurrency < max && available > limits.minAvailable * 2 && rss < limits.maxRss * 0.8
  ) {
    target.setConcurrency(
      target.concurrency + 1,
      `memory pressure passed: ${mb(available)} available`,
    );
  }
  return target.concurrency;
}
